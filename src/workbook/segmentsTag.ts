/**
 * Tagging a block of periods × segments as one KPI (core/model/segments.ts, layout "columns"):
 * one register row, KPI_<ID> on the block's numbers (the name follows them as rows are inserted),
 * the segments' names read from the header row above at every refresh (segmentsRead.ts), a target
 * per segment in KPITarget_<ID> when the Target is a range, a rate's block of denominators in
 * KPIDenom_<ID>, and colours on every cell by its own segment's bands (bandFormats.ts, "block").
 * Reads first (three round trips at most: the selection and its sheet, its cells, the sheets a
 * target or denominator range names), then plans write-engine steps, each guarded at write time.
 */
import { Area, areaName, intersection, parseAddress, parseStructuredReference, qualified, SheetArea } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { BLOCK_LAYOUT, blockPartsOf, segmentLayoutOf } from "../core/model/segments";
import { denominatorNameStep } from "./denominatorRange";
import { KpiWorkbookError } from "./errors";
import { assertNotRegisterSheet, assertNotTagged } from "./kpiChecks";
import type { KpiInput } from "./kpiWorkbookApi";
import { nameOf, RegisterRead } from "./registerRead";
import { planLongTag } from "./segmentsLongTag";
import { READ_BATCH_CELLS } from "./series";
import { assertUnprotected, planTagSteps, queueSelection, Tagged, TagRequest } from "./tagTarget";
import { targetNameStep } from "./targetRange";
import { Plan, Step } from "./writeEngine";

/**
 * Whether a tag is of a KPI across segments: the form's Segments says so. Never guessed from a
 * selection's shape: two KPIs side by side under their headers (Revenue, Churn) look like a block.
 */
export function isSegmentTag(input: Pick<KpiInput, "segments">): boolean {
  return (input.segments ?? "") !== "";
}

/** The block's numbers on its sheet, its segments' names, read from the selection (two syncs). */
async function readBlock(context: Excel.RequestContext, address: string, doing = "tag a KPI there"): Promise<{ sheet: string; area: Area; names: string[] }> {
  const { selected, sheet } = queueSelection(context, address, "address");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  await context.sync();
  assertUnprotected(sheet, doing);
  assertNotRegisterSheet(sheet.name);
  const part = used.isNullObject ? null : intersection(parseAddress(selected.address), parseAddress(used.address));
  if (!part) throw new KpiWorkbookError("The selection is empty: select the block of numbers with its segments' names above them.");
  if (part.rowCount * part.colCount > READ_BATCH_CELLS) {
    throw new KpiWorkbookError(
      `${qualified(sheet.name, part)} has ${(part.rowCount * part.colCount).toLocaleString("en-US")} cells, more than KPI Lens tags as one block (${READ_BATCH_CELLS.toLocaleString("en-US")}).`,
    );
  }
  const cells = sheet.getRange(areaName(part)).load("values");
  const above = part.row > 0 ? sheet.getRange(areaName({ ...part, row: part.row - 1, rowCount: 1 })).load("values") : null;
  await context.sync();
  const parts = blockPartsOf(cells.values, above ? above.values[0] : null);
  if (typeof parts === "string") throw new KpiWorkbookError(`${qualified(sheet.name, part)} cannot be tagged as one KPI across segments: ${parts}.`);
  const area = { row: part.row + parts.firstRow, col: part.col + parts.firstCol, rowCount: parts.periods, colCount: parts.segments };
  return { sheet: sheet.name, area, names: parts.names };
}

/** The sheets a tag's or a save's target and denominator ranges name (the block's own when none), looked up in the caller's next sync. */
interface RangeSheets {
  typed: { target: string; denominator: string };
  areas: { target: SheetArea | null; denominator: SheetArea | null };
  found: { field: "target" | "denominator"; name: string; sheet: Excel.Worksheet }[];
}

function queueRangeSheets(context: Excel.RequestContext, input: KpiInput, blockSheet: string): RangeSheets {
  const typed = { target: input.targetRange ?? "", denominator: input.denominatorRange ?? "" };
  const areas = { target: typed.target ? parseAddress(typed.target) : null, denominator: typed.denominator ? parseAddress(typed.denominator) : null };
  const named = (["target", "denominator"] as const).flatMap((field) => (areas[field] ? [{ field, name: areas[field]!.sheet ?? blockSheet }] : []));
  return { typed, areas, found: named.map((n) => ({ ...n, sheet: context.workbook.worksheets.getItemOrNullObject(n.name) })) };
}

/**
 * A target per segment (one row or column of one cell per segment, in the segments' order) or a
 * block of denominators of the numbers' shape, checked against the block; returned absolute, with
 * the sheet (the block's when none is given). The sheets named are checked in one sync.
 */
async function checkRanges(
  context: Excel.RequestContext,
  input: KpiInput,
  block: { sheet: string; area: Area; names: string[] },
): Promise<{ targetRange: string; denominatorRange: string }> {
  const sheets = queueRangeSheets(context, input, block.sheet);
  if (sheets.found.length > 0) await context.sync();
  return checkedRanges(input, block, sheets);
}

/** checkRanges once the sheets' lookups are synced. */
function checkedRanges(
  input: KpiInput,
  block: { sheet: string; area: Area; names: string[] },
  { typed, areas, found }: RangeSheets,
): { targetRange: string; denominatorRange: string } {
  const missing = found.find((f) => f.sheet.isNullObject);
  if (missing)
    throw new KpiWorkbookError(`There is no sheet "${missing.name}" for the ${missing.field} range ${typed[missing.field].replace(/\$/g, "")}.`, missing.field);
  const k = block.names.length;
  const t = areas.target;
  if (t && ((t.rowCount !== 1 && t.colCount !== 1) || t.rowCount * t.colCount !== k)) {
    const cells = t.rowCount * t.colCount;
    throw new KpiWorkbookError(
      `The target range ${typed.target.replace(/\$/g, "")} has ${cells} cell${cells === 1 ? "" : "s"} and ${input.name} has ${k} segments (${block.names.join(", ")}): give one target per segment, in one row or column, in the same order.`,
      "target",
    );
  }
  const d = areas.denominator;
  if (d && (d.rowCount !== block.area.rowCount || d.colCount !== block.area.colCount)) {
    throw new KpiWorkbookError(
      `The denominator range ${typed.denominator.replace(/\$/g, "")} is ${d.rowCount}×${d.colCount} and the numbers of ${input.name} are ${block.area.rowCount}×${block.area.colCount} (${block.area.rowCount} periods of ${k} segments, without the header row): give the denominators of the same periods and segments.`,
      "denominator",
    );
  }
  const absolute = (a: typeof t) => (a ? qualified(a.sheet ?? block.sheet, a, true) : "");
  return { targetRange: absolute(t), denominatorRange: absolute(d) };
}

/** What a block's tag reads of the sheet: the block, its segments' names, and its ranges checked (they throw when asked). */
export interface BlockTagRead {
  block: { sheet: string; area: Area; names: string[] };
  ranges: () => { targetRange: string; denominatorRange: string };
}

/**
 * A block's tag's reads, which need nothing of the register (so its first sync rides the
 * register's round trip: readMemory.ts readAlongside): the selection and its sheet, the sheets its
 * ranges name, then the block's cells with the row above them (issue 25: a block's tag in 4
 * round trips, from the click, with the selection's).
 */
export async function readBlockTagIn(context: Excel.RequestContext, address: string, input: KpiInput): Promise<BlockTagRead> {
  const sheet = parseAddress(address).sheet;
  if (sheet === undefined) {
    const block = await readBlock(context, address);
    const ranges = await checkRanges(context, input, block);
    return { block, ranges: () => ranges };
  }
  const sheets = queueRangeSheets(context, input, sheet);
  const block = await readBlock(context, address);
  return { block, ranges: () => checkedRanges(input, block, sheets) };
}

/** Plans the tag of a block; the caller commits the plan (kpiWorkbook.ts tag). */
export async function planSegmentTag(
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  token: string,
  tag: TagRequest,
  early?: Promise<BlockTagRead | undefined>,
): Promise<Tagged> {
  const { input, id } = tag;
  // A table column split by another column (the long format): segmentsLongTag.ts.
  if (segmentLayoutOf(input.segments ?? "")?.kind === "by") return planLongTag(context, read, plan, token, tag);
  if (input.segments && input.segments !== BLOCK_LAYOUT)
    throw new KpiWorkbookError(`Segments "${input.segments}" is not a layout KPI Lens knows: "columns" or "by <column>".`, "segments");
  const { block, ranges: checked } = (await early) ?? (await readBlockTagIn(context, tag.address, input));
  const numbers = qualified(block.sheet, block.area);
  assertNotTagged(read.state, numbers);
  const ranges = checked();
  const reference = `=${qualified(block.sheet, block.area, true)}`;
  const kpi: KpiDefinition = {
    ...input,
    ...ranges,
    ratePer: ranges.denominatorRange ? (input.ratePer ?? null) : null,
    segments: BLOCK_LAYOUT,
    id,
    source: reference.slice(1),
    lastReviewed: tag.reviewedOn,
  };
  const names = [
    targetNameStep(read, id, ranges.targetRange || null),
    ...(ranges.denominatorRange ? [denominatorNameStep(read, id, ranges.denominatorRange)] : []),
  ];
  return planTagSteps(context, read, plan, { kpi, token, reference, names, colours: numbers });
}

/** Whether a column typed in the form ("Budget", "OrdersByRegion[Budget]") is the table column `kept` (a structured reference). */
function sameTableColumn(typed: string, kept: string): boolean {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const column = parseStructuredReference(kept)?.column;
  return typed.trim() !== "" && kept !== "" && (same(typed.replace(/^=/, ""), kept) || (column !== undefined && same(typed, column)));
}

/**
 * What a save of a segmented KPI does about its target and denominators (edit.ts planEdit,
 * in place of the one-series checks, which would count a block's cells as periods): the block and
 * its names read again, a target per segment and a block of denominators checked against them,
 * and the step that points, moves or removes KPIDenom_<ID>. Its layout stays: another one is a
 * new tag. Reads only; call before any step is planned.
 */
export async function planSegmentEdit(
  context: Excel.RequestContext,
  read: RegisterRead,
  current: KpiDefinition,
  input: KpiInput,
): Promise<{ targetRange: string; rate: { fields: Pick<KpiDefinition, "denominatorRange" | "ratePer">; steps: Step[] } }> {
  if ((input.segments ?? "") !== (current.segments ?? "")) {
    throw new KpiWorkbookError(
      `${current.name} is laid out as Segments "${current.segments}": to lay it out otherwise, untag it and tag it again.`,
      "segments",
    );
  }
  if (segmentLayoutOf(current.segments ?? "")?.kind === "by") {
    // A table column split by another (segmentsLongTag.ts): one target for all or the same target column, the same denominator column.
    const keeps = sameTableColumn(input.targetRange ?? "", current.targetRange ?? "");
    if (input.targetRange && !keeps)
      throw new KpiWorkbookError(
        current.targetRange
          ? `To change the targets per row of ${current.name}, a KPI split by a column, give one number or untag it and tag it again.`
          : `To give ${current.name}, a KPI split by a column, a target per row, untag it and tag it again with the target column.`,
        "target",
      );
    if ((input.denominatorRange ?? "") !== (current.denominatorRange ?? ""))
      throw new KpiWorkbookError(`To change the denominators of ${current.name}, a KPI split by a column, untag it and tag it again.`, "denominator");
    return {
      targetRange: keeps ? (current.targetRange ?? "") : "",
      rate: { fields: { denominatorRange: current.denominatorRange ?? "", ratePer: current.denominatorRange ? (input.ratePer ?? null) : null }, steps: [] },
    };
  }
  const source = read.state.sources[current.id];
  if (!source) throw new KpiWorkbookError(`The values of KPI ${current.id} are gone: its name ${nameOf(current.id)} no longer refers to cells.`);
  const block = await readBlock(context, source, `change ${current.name}`);
  const ranges = await checkRanges(context, input, block);
  const changed = (current.denominatorRange ?? "") !== ranges.denominatorRange;
  const step = changed ? denominatorNameStep(read, current.id, ranges.denominatorRange || null) : null;
  const fields = { denominatorRange: ranges.denominatorRange, ratePer: ranges.denominatorRange ? (input.ratePer ?? null) : null };
  return { targetRange: ranges.targetRange, rate: { fields, steps: step ? [step] : [] } };
}
