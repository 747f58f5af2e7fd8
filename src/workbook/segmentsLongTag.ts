/**
 * Tagging a table column split by another column of its table as one KPI across segments
 * (core/model/segments.ts "by <column>", core/model/segmentsLong.ts: the long format Power Query
 * delivers, Month | Region | Orders | Visits). The selection is the value column's data body;
 * KPI_<ID> is its structured reference (OrdersByRegion[Orders]), which Excel keeps on the column
 * as the table grows, is sorted or filtered, or its columns move ("Using structured references
 * with Excel tables", support.microsoft.com). The segment column is kept by its header's name in
 * the Segments cell ("by Region") and read by name at each refresh (segmentsLongRead.ts), never
 * by an index read at the tag. A rate's denominators are another column of the same table
 * (KPIDenom_<ID> = OrdersByRegion[Visits]).
 * What the tag writes depends on no row's position (names, one register row, colours by each
 * cell's value), so a co-author who sorts or filters the table between the read and the write
 * leaves it right; one who renames or deletes the columns makes the write's guards or the next
 * refresh say so.
 * A target per segment is another column of the table too (KPITarget_<ID> = OrdersByRegion[Budget]),
 * each row's target beside its value, so a sort keeps it with its row; a range of targets by
 * position would follow the table's order, which a sort changes, and judge a region by another's.
 * The colours of a target per row or of a rate are KPIBand_<ID> over those names (bandFormats.ts,
 * rateBands.ts): a name may hold structured references where a conditional format may not.
 */
import { parseStructuredReference, structuredReference } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { segmentLayoutOf, segmentLayoutText } from "../core/model/segments";
import { longDataError, longDataOf } from "../core/model/segmentsLong";
import { denominatorNameStep } from "./denominatorRange";
import { KpiWorkbookError } from "./errors";
import { assertNotRegisterSheet } from "./kpiChecks";
import type { KpiInput } from "./kpiWorkbookApi";
import { RegisterRead } from "./registerRead";
import { tableColumnOf } from "./selection";
import { READ_BATCH_CELLS } from "./series";
import { assertUnprotected, planTagSteps, queueSelection, Tagged, TagRequest } from "./tagTarget";
import { targetNameStep } from "./targetRange";
import { Plan } from "./writeEngine";

/** The table's columns a long KPI reads, as the tag found them. */
export interface LongColumns {
  table: string;
  value: string;
  segment: string;
  /** The periods' column (the table's first, when it is a third column), or null for table order. */
  period: string | null;
  denominator: string | null;
  /** The column of each row's target, or null for one target for every segment. */
  target: string | null;
  /** The value column's data body now (its colours' address), sheet-qualified. */
  address: string;
}

/** The period column of a long table: its first column, unless that is the value, segment or denominator column. */
export function periodColumnOf(headers: readonly string[], used: readonly (string | null)[]): string | null {
  const first = headers[0];
  return first !== undefined && !used.some((u) => u !== null && u.toLowerCase() === first.toLowerCase()) ? first : null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A column typed as one of the same table, "Visits" or "OrdersByRegion[Visits]": the denominators' or the targets'. */
function columnOfTable(typed: string, table: string, headers: readonly string[], field: "denominator" | "target"): string | null {
  const t = typed.trim().replace(/^=/, "");
  if (t === "") return null;
  const ref = parseStructuredReference(t);
  const column = ref ? ref.column : t;
  const found = headers.find((h) => sameName(h, column));
  if ((ref && !sameName(ref.table, table)) || found === undefined) {
    const what = field === "denominator" ? "The denominators" : "The targets per row";
    throw new KpiWorkbookError(
      `${what} of a KPI split by a column are another column of its table ${table} (one of ${headers.join(", ")}): "${typed.trim()}" is not one.`,
      field,
    );
  }
  return found;
}

/** Reads the selected table column, the table's headers and the columns the KPI splits by (three syncs), and checks them. */
async function readLongColumns(context: Excel.RequestContext, address: string, input: KpiInput, segment: string): Promise<LongColumns> {
  const { selected, sheet } = queueSelection(context, address, "address, columnCount");
  const tables = selected.getTables(false);
  tables.load("items/name");
  await context.sync();
  assertUnprotected(sheet);
  assertNotRegisterSheet(sheet.name);
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded as items/name and synced above (the rule does not follow load paths)
  const column = await tableColumnOf(context, selected, tables.items);
  if (!column)
    throw new KpiWorkbookError(
      `Segments "by ${segment}" splits a table column: select the whole column of values (its data, without the header) inside a table.`,
      "segments",
    );
  const table = context.workbook.tables.getItem(column.table);
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("address, values, rowCount, columnCount");
  await context.sync();
  const headers = header.values[0].map(String);
  if (body.rowCount * body.columnCount > READ_BATCH_CELLS)
    throw new KpiWorkbookError(
      `The table ${column.table} has ${(body.rowCount * body.columnCount).toLocaleString("en-US")} cells, more than KPI Lens reads as one KPI (${READ_BATCH_CELLS.toLocaleString("en-US")}).`,
    );
  const segmentName = headers.find((h) => sameName(h, segment));
  if (segmentName === undefined)
    throw new KpiWorkbookError(
      `The table ${column.table} has no column "${segment}" to split ${column.column} by: its columns are ${headers.join(", ")}.`,
      "segments",
    );
  if (sameName(segmentName, column.column))
    throw new KpiWorkbookError(`${column.column} cannot be split by itself: choose the column that names each row's segment (Region, Channel, …).`, "segments");
  const denominator = columnOfTable(input.denominatorRange ?? "", column.table, headers, "denominator");
  const target = columnOfTable(input.targetRange ?? "", column.table, headers, "target");
  const taken = target && [column.column, segmentName, denominator].find((c) => c !== null && sameName(c, target));
  if (taken)
    throw new KpiWorkbookError(
      `${target} cannot be the targets of ${column.column}: it is its ${taken === column.column ? "values" : taken === segmentName ? "segments" : "denominators"}.`,
      "target",
    );
  const period = periodColumnOf(headers, [column.column, segmentName, denominator, target]);
  const cellsOf = (name: string | null) => (name === null ? null : body.values.map((r) => r[headers.indexOf(name)]));
  const data = longDataOf(cellsOf(period), cellsOf(segmentName)!, cellsOf(column.column)!, cellsOf(denominator), cellsOf(target));
  const problem = typeof data === "string" ? data : longDataError(data);
  if (problem) throw new KpiWorkbookError(`${column.column} of ${column.table} cannot be tagged as one KPI across its ${segmentName} values: ${problem}.`);
  return { table: column.table, value: column.column, segment: segmentName, period, denominator, target, address: selected.address };
}

/** Plans the tag of a table column split by a segment column; the caller commits the plan (segmentsTag.ts planSegmentTag). */
export async function planLongTag(context: Excel.RequestContext, read: RegisterRead, plan: Plan, token: string, tag: TagRequest): Promise<Tagged> {
  const { input, id } = tag;
  const layout = segmentLayoutOf(input.segments ?? "");
  if (!layout || layout.kind !== "by") throw new KpiWorkbookError(`Segments "${input.segments ?? ""}" is not a column to split by.`, "segments");
  const columns = await readLongColumns(context, tag.address, input, layout.column);
  const reference = `=${structuredReference(columns.table, columns.value)}`;
  if (Object.values(read.state.sources).some((s) => s !== null && s.toLowerCase() === reference.slice(1).toLowerCase())) {
    throw new KpiWorkbookError(`${columns.value} of ${columns.table} is already a KPI. Untag it first, or select another column.`);
  }
  const denominatorRange = columns.denominator ? structuredReference(columns.table, columns.denominator) : "";
  const targetRange = columns.target ? structuredReference(columns.table, columns.target) : "";
  const kpi: KpiDefinition = {
    ...input,
    target: targetRange ? null : input.target,
    targetRange,
    denominatorRange,
    ratePer: denominatorRange ? (input.ratePer ?? null) : null,
    segments: segmentLayoutText({ kind: "by", column: columns.segment }),
    id,
    source: reference.slice(1),
    lastReviewed: tag.reviewedOn,
  };
  const names = [
    ...(denominatorRange ? [denominatorNameStep(read, id, denominatorRange)] : []),
    ...(targetRange ? [targetNameStep(read, id, targetRange)] : []),
  ];
  // Each cell is judged by its own row: one target, or its row's target and denominator through KPIBand_<ID> (bandFormats.ts, a column).
  return planTagSteps(context, read, plan, { kpi, token, reference, names, colours: columns.address });
}
