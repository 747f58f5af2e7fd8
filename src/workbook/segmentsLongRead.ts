/**
 * Reading a KPI split by a column of its table (core/model/segments.ts "by <column>",
 * segmentsLongTag.ts) at each refresh, by identity: the table by the name in KPI_<ID>'s
 * structured reference (it follows a renamed table: Excel rewrites the reference), the value,
 * segment, period and denominator columns by their headers' names now, never by an index read
 * earlier; so a co-author who sorted, filtered or moved the table's columns since is read right
 * (a filter hides rows, it does not remove them: the data body's values include hidden rows,
 * "Excel.Range values", learn.microsoft.com). Every long KPI in two round trips (the tables, then
 * their headers and bodies: nothing is called on an *OrNullObject result before a sync says it
 * exists). The series carries the totals (segmentTotals) and the segments behind them, as a
 * block's does (segmentsRead.ts), so the card is the same.
 */
import { parseAddress, parseStructuredReference, qualified } from "../core/excel/a1";
import { denomNameOf, targetNameOf } from "../core/excel/workbookNames";
import { KpiDefinition } from "../core/model/kpi";
import { segmentLayoutOf, segmentTargetsOf, segmentTotals } from "../core/model/segments";
import { longDataError, longDataOf } from "../core/model/segmentsLong";
import { ExcelRun } from "./excelRun";
import { RegisterRead } from "./registerRead";
import type { SegmentSeries } from "./segmentSeries";
import { periodColumnOf } from "./segmentsLongTag";

/** Whether a KPI is split by a column (its Segments "by <column>"). */
export const isLongKpi = (k: KpiDefinition): boolean => segmentLayoutOf(k.segments ?? "")?.kind === "by";

function failed(kpi: KpiDefinition, problem: string): SegmentSeries {
  return { id: kpi.id, address: null, values: [], targets: null, newPeriods: 0, problem, segments: null };
}

interface LongRead {
  kpi: KpiDefinition;
  table: string;
  value: string;
  segment: string;
  denominator: string | null;
  target: string | null;
}

/** The column of the KPI's table its name (KPIDenom_<ID>, KPITarget_<ID>) refers to; undefined when the name is gone or points elsewhere. */
export function columnNamed(read: RegisterRead, name: string, table: string): string | undefined {
  const ref = parseStructuredReference(read.names.get(name.toUpperCase())?.formula ?? "");
  return ref && ref.table.toLowerCase() === table.toLowerCase() ? ref.column : undefined;
}

/** What each long KPI's names say it reads, or why they cannot be read. */
function planOf(read: RegisterRead, kpi: KpiDefinition): LongRead | string {
  const ref = parseStructuredReference(read.state.sources[kpi.id] ?? "");
  const layout = segmentLayoutOf(kpi.segments ?? "");
  if (!ref || !layout || layout.kind !== "by")
    return `${kpi.name} is split "${kpi.segments}" but its name no longer refers to a table column. Select the column again and re-tag the KPI.`;
  const denominator = kpi.denominatorRange ? columnNamed(read, denomNameOf(kpi.id), ref.table) : null;
  if (denominator === undefined)
    return `The denominators of ${kpi.name} are gone: its name ${denomNameOf(kpi.id)} no longer refers to a column of ${ref.table}. Untag it and tag it again.`;
  const target = kpi.targetRange ? columnNamed(read, targetNameOf(kpi.id), ref.table) : null;
  if (target === undefined)
    return `The targets of ${kpi.name} are gone: its name ${targetNameOf(kpi.id)} no longer refers to a column of ${ref.table}. Untag it and tag it again.`;
  return { kpi, table: ref.table, value: ref.column, segment: layout.column, denominator, target };
}

/** Every long KPI's series, in the order given. */
export async function readLongSeries(run: ExcelRun, read: RegisterRead, kpis: readonly KpiDefinition[]): Promise<SegmentSeries[]> {
  const plans = kpis.map((k) => planOf(read, k));
  const readable = plans.filter((p): p is LongRead => typeof p !== "string");
  let got = new Map<string, SegmentSeries>();
  if (readable.length > 0) {
    try {
      got = await readTables(run, readable);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      for (const p of readable) got.set(p.kpi.id, failed(p.kpi, `Excel could not read the values of ${p.kpi.name}: ${why}`));
    }
  }
  return plans.map((p, i) => (typeof p === "string" ? failed(kpis[i], p) : got.get(p.kpi.id)!));
}

async function readTables(run: ExcelRun, plans: readonly LongRead[]): Promise<Map<string, SegmentSeries>> {
  return run(async (context) => {
    const tables = plans.map((p) => context.workbook.tables.getItemOrNullObject(p.table).load("name"));
    await context.sync();
    const parts = plans.map((_, i) => {
      if (tables[i].isNullObject) return null;
      const header = tables[i].getHeaderRowRange().load("values");
      const body = tables[i].getDataBodyRange().load("address, values");
      return { header, body };
    });
    await context.sync();
    const out = new Map<string, SegmentSeries>();
    plans.forEach((p, i) => {
      const part = parts[i];
      out.set(
        p.kpi.id,
        part
          ? seriesOf(p, part.header.values[0].map(String), part.body.values, part.body.address)
          : failed(p.kpi, `The table ${p.table} of ${p.kpi.name} is gone. Untag the KPI, or tag its column again.`),
      );
    });
    return out;
  });
}

/** A long KPI's series from its table's header and body, by the columns' names. */
function seriesOf(p: LongRead, headers: string[], rows: unknown[][], bodyAddress: string): SegmentSeries {
  const { kpi } = p;
  const at = (name: string) => headers.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
  const missing = [p.value, p.segment, p.denominator, p.target].find((c): c is string => c !== null && at(c) < 0);
  if (missing !== undefined)
    return failed(
      kpi,
      `The table ${p.table} has no column "${missing}" any more (its columns are ${headers.join(", ")}): ${kpi.name} reads it by name. Rename it back, or untag and tag the KPI again.`,
    );
  const column = (name: string | null) => (name === null ? null : rows.map((r) => r[at(name)]));
  const named = (c: string | null) => (c === null ? null : headers[at(c)]);
  const period = periodColumnOf(headers, [named(p.value), named(p.segment), named(p.denominator), named(p.target)]);
  const long = longDataOf(column(period), column(p.segment)!, column(p.value)!, column(p.denominator), column(p.target));
  const problem = typeof long === "string" ? long : longDataError(long);
  if (typeof long === "string" || problem) return failed(kpi, `${kpi.name} cannot be read as one KPI across its ${p.segment} values: ${problem}.`);
  const { periods, ...segments } = long;
  const data = { ...segments, targets: segmentTargetsOf(kpi, long.names.length, null, long) };
  const totals = segmentTotals(kpi, data);
  return {
    id: kpi.id,
    address: valueColumnAddress(bodyAddress, at(p.value)),
    values: totals.values,
    targets: kpi.target === null ? totals.targets : null,
    newPeriods: 0,
    problem: null,
    ...(kpi.denominatorRange ? { denominators: totals.denominators } : {}),
    segments: data,
    ...(periods && period !== null ? { byPeriod: { table: p.table, column: period, keys: periods, rows: rows.length } } : {}),
  };
}

/** The value column's cells within the data body read (sheet-qualified), where the card points. */
function valueColumnAddress(bodyAddress: string, index: number): string {
  const body = parseAddress(bodyAddress);
  return qualified(body.sheet!, { ...body, col: body.col + index, colCount: 1 });
}
