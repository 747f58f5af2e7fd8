/**
 * What the pane shows (the register and every KPI's values) read in as few round trips as the
 * workbook allows: with the reads of another batch, not after it. After a write, its loads ride
 * in the write's own batch, queued after the writes, so they see the workbook as the write left
 * it (a batch runs in order: "Excel JavaScript object model in Office Add-ins").
 *
 * The values are read where the caller's last read (the operation's read, adjusted by its change)
 * says each KPI is, by address (series.ts queueSeriesAt): a name a co-author removed or broke
 * meanwhile cannot fail the batch, and an address on a sheet the last read did not see is never
 * queued. After the round trip each KPI's read is used only when the register just read gives the
 * same addresses; any other KPI (moved, new, broken, segmented, longer than the batch carries)
 * is read again in batches of its own. So the result is exactly a fresh refresh's, in fewer round
 * trips. A sheet removed meanwhile fails the batch (ItemNotFound): a write then puts back what it
 * did and reads again (writeEngine.ts).
 */
import { KpiDefinition } from "../core/model/kpi";
import { isRateKpi } from "../core/model/rates";
import { isSegmented } from "../core/model/segments";
import { parseAddress } from "../core/excel/a1";
import { attachDenominators, queueDenominatorsAt, RateSeries, readDenominators } from "./denominatorRange";
import { ExcelRun } from "./excelRun";
import { KnownTables, readRegisterIn, RegisterRead, RegisterState, sourceOfName } from "./registerRead";
import { cellsOf, countAllNewPeriods, KpiSeries, NEW_PERIOD_WINDOW, queueSeriesAt, READ_BATCH_CELLS } from "./series";
import { BlockRead, queueBlocks, SegmentSeries } from "./segmentsRead";
import { isLongKpi } from "./segmentsLongRead";
import { SharedBatch } from "./sharedBatch";

export interface PaneRead {
  register: RegisterState;
  series: RateSeries[];
}

/** Reads the series of the register read's KPIs as a refresh does, each in batches of its own (kpiWorkbook.ts gives it). */
export type SeriesReader = (read: RegisterRead) => Promise<RateSeries[]>;

/**
 * The most cells of values a round trip carries beside the register: a quarter of a values batch
 * (series.ts READ_BATCH_CELLS), so with the register and a write's guards it stays well within
 * Excel on the web's 5 MB a response ("Resource limits and performance optimization for Office
 * Add-ins"). KPIs beyond it are read in batches of their own.
 */
export const RIDING_CELLS = READ_BATCH_CELLS / 4;

/** Where a read expects each KPI's cells: the last read's, adjusted by an operation's change. */
export interface Expected {
  kpis: KpiDefinition[];
  sources: Record<string, string | null>;
  targets: Record<string, string | null>;
  denominators: Record<string, string | null>;
  /** The sheets the last read saw: an address on any other is not read by address. */
  sheets: ReadonlySet<string>;
}

const addressOf = (reference: string | undefined) => (reference ? sourceOfName(`=${reference}`) : null);

/**
 * What a read after `change` ([before, after]: a tag, an edit, an untag) should find, from the
 * read the operation made: the KPI it removed is gone, the one it made or changed is as planned.
 */
export function expectedOf(read: RegisterRead, change?: readonly [KpiDefinition | null, KpiDefinition | null]): Expected {
  const { state } = read;
  const [before, after] = change ?? [null, null];
  const gone = (before ?? after)?.id.toUpperCase();
  const kpis = state.kpis.filter((k) => k.id.toUpperCase() !== gone);
  const expected: Expected = {
    kpis,
    sources: { ...state.sources },
    targets: { ...state.targets },
    denominators: { ...state.denominators },
    sheets: new Set(read.sheetNames.map((s) => s.toUpperCase())),
  };
  if (!after) return expected;
  kpis.push(after);
  // What the operation did not change is where the names said; what it changed is where it wrote it.
  const kept = <K extends keyof KpiDefinition>(key: K) => before !== null && before[key] === after[key];
  if (!kept("source")) expected.sources[after.id] = addressOf(after.source);
  if (!kept("targetRange")) expected.targets[after.id] = addressOf(after.targetRange);
  if (!kept("denominatorRange")) expected.denominators[after.id] = addressOf(after.denominatorRange);
  return expected;
}

/**
 * Whether two register reads give the same KPIs, defined alike and at the same cells: what was
 * read or computed for the KPIs of one (beside the other's register read) holds for the other's.
 */
export function sameKpis(a: RegisterRead, b: RegisterRead): boolean {
  const { kpis, sources, targets, denominators } = a.state;
  return JSON.stringify([kpis, sources, targets, denominators]) === JSON.stringify([b.state.kpis, b.state.sources, b.state.targets, b.state.denominators]);
}

/**
 * What an operation computes from the register's KPIs (their values for a close, a build's data),
 * begun beside the register read for the KPIs as the last read found them, and taken only when the
 * register just read holds them alike (sameKpis); else null, and the operation reads it again.
 */
export function predictFrom<T>(last: RegisterRead | null, compute: (run: ExcelRun, read: RegisterRead) => Promise<T>) {
  return {
    begin(run: ExcelRun): { begun: Promise<T> | null } {
      const begun = last ? compute(run, last) : null;
      begun?.catch(() => undefined);
      return { begun };
    },
    take(read: RegisterRead, { begun }: { begun: Promise<T> | null }): Promise<T> | null {
      return begun && last && sameKpis(last, read) ? begun : null;
    },
  };
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").replace(/\$/g, "").toUpperCase() === (b ?? "").replace(/\$/g, "").toUpperCase();

/** A plain range on a sheet the last read saw (a table column's size is known only once read). */
function readable(address: string | null | undefined, sheets: ReadonlySet<string>): address is string {
  if (!address || address.includes("[")) return false;
  try {
    const sheet = parseAddress(address).sheet;
    return sheet !== undefined && sheets.has(sheet.toUpperCase());
  } catch {
    return false;
  }
}

type Riding = Map<string, { source: string; target: string | null; series: () => KpiSeries }>;

/** Queues the expected KPIs' values (within RIDING_CELLS) on `context`, by address. */
function queueExpected(
  context: Excel.RequestContext,
  expected: Expected,
): { riding: Riding; denominators: Map<string, { address: string; values: () => (number | null)[] }>; blocks: RidingBlocks } {
  const riding: Riding = new Map();
  const denominators = new Map<string, { address: string; values: () => (number | null)[] }>();
  const blocks = queueExpectedBlocks(context, expected);
  let cells = blocks.cells;
  for (const kpi of expected.kpis) {
    const source = expected.sources[kpi.id];
    const target = kpi.targetRange ? (expected.targets[kpi.id] ?? null) : null;
    // A KPI across segments is read as a block with its header (queueExpectedBlocks), a table column split by another alone (segmentsLongRead.ts).
    if (isSegmented(kpi)) continue;
    if (!readable(source, expected.sheets) || (kpi.targetRange && !readable(target, expected.sheets))) continue;
    const denominator = isRateKpi(kpi) ? expected.denominators[kpi.id] : null;
    const size = cellsOf(source, target) + (denominator ? cellsOf(source) : 0);
    if (cells + size > RIDING_CELLS) continue;
    cells += size;
    riding.set(kpi.id, { source, target, series: queueSeriesAt(context, kpi, source, target) });
    if (readable(denominator, expected.sheets)) denominators.set(kpi.id, { address: denominator, values: queueDenominatorsAt(context, denominator) });
  }
  return { riding, denominators, blocks };
}

/** The blocks of segments read beside the register: where each was expected, and their series once the batch is sent. */
interface RidingBlocks {
  at: Map<string, { source: string; target: string | null; denominators: string | null }>;
  series: () => SegmentSeries[];
  cells: number;
}

/**
 * Queues the expected blocks of segments (segmentsRead.ts queueBlocks) by address, within half of
 * RIDING_CELLS: with them the refresh after a write needs no round trip of its own (issue 25: a
 * workbook of 300 KPIs, some across segments, in at most 4 an action).
 */
function queueExpectedBlocks(context: Excel.RequestContext, expected: Expected): RidingBlocks {
  const at: RidingBlocks["at"] = new Map();
  const blocks: BlockRead[] = [];
  let cells = 0;
  for (const kpi of expected.kpis) {
    if (!isSegmented(kpi) || isLongKpi(kpi)) continue;
    const source = expected.sources[kpi.id];
    const target = kpi.targetRange ? (expected.targets[kpi.id] ?? null) : null;
    const denominators = kpi.denominatorRange ? (expected.denominators[kpi.id] ?? null) : null;
    if (!readable(source, expected.sheets) || (kpi.targetRange && !readable(target, expected.sheets))) continue;
    if (kpi.denominatorRange && !readable(denominators, expected.sheets)) continue;
    const area = parseAddress(source);
    // The numbers, their header row, the rows below for new periods, the denominators and the targets.
    const size = (area.rowCount + 1 + NEW_PERIOD_WINDOW) * area.colCount + (denominators ? cellsOf(denominators) : 0) + (target ? cellsOf(target) : 0);
    if (cells + size > RIDING_CELLS / 2) continue;
    cells += size;
    at.set(kpi.id, { source, target, denominators });
    blocks.push({ kpi, address: source, target: target !== null, denominators: denominators !== null });
  }
  const series = blocks.length > 0 ? queueBlocks(context, blocks, (b) => at.get(b.kpi.id)!) : () => [];
  return { at, series, cells };
}

/** The ridden blocks whose register just read gives the addresses they were read at. */
function riddenBlocks(state: RegisterState, blocks: RidingBlocks): Map<string, SegmentSeries> {
  const out = new Map<string, SegmentSeries>();
  if (blocks.at.size === 0) return out;
  for (const s of blocks.series()) {
    const kpi = state.kpis.find((k) => k.id === s.id);
    const at = blocks.at.get(s.id)!;
    if (!kpi || !isSegmented(kpi) || isLongKpi(kpi) || !same(at.source, state.sources[kpi.id])) continue;
    if (!same(at.target, kpi.targetRange ? state.targets[kpi.id] : null) || !same(at.denominators, kpi.denominatorRange ? state.denominators[kpi.id] : null))
      continue;
    out.set(s.id, s);
  }
  return out;
}

/**
 * Queues on `batch` the register read and the expected KPIs' values; the promise gives them once
 * the caller has sent the batch (and read with `readRest`, alone, whatever the batch could not carry).
 */
export function queuePaneRead(
  batch: SharedBatch,
  excel: ExcelRun,
  readRest: SeriesReader,
  known: KnownTables,
  expected: Expected,
): Promise<{ read: RegisterRead; pane: PaneRead }> {
  const registerRead = readRegisterIn(batch.context, known);
  const queued = queueExpected(batch.context, expected);
  return finishPaneRead(excel, readRest, registerRead, queued);
}

async function finishPaneRead(
  excel: ExcelRun,
  readRest: SeriesReader,
  registerRead: Promise<RegisterRead>,
  queued: ReturnType<typeof queueExpected>,
): Promise<{ read: RegisterRead; pane: PaneRead }> {
  const read = await registerRead;
  const { state } = read;
  const ridden: KpiSeries[] = [];
  const rest: KpiDefinition[] = [];
  const blocks = riddenBlocks(state, queued.blocks);
  for (const kpi of state.kpis) {
    const r = queued.riding.get(kpi.id);
    const target = kpi.targetRange ? (state.targets[kpi.id] ?? null) : null;
    if (r && same(r.source, state.sources[kpi.id]) && same(r.target, target)) ridden.push({ ...r.series(), address: state.sources[kpi.id]! });
    else if (!blocks.has(kpi.id)) rest.push(kpi);
  }
  await countAllNewPeriods(excel, ridden);
  const got = new Map<string, RateSeries>(blocks);
  const riddenKpis = state.kpis.filter((k) => !rest.includes(k) && !blocks.has(k.id));
  for (const s of await denominatorsOf(excel, state, riddenKpis, ridden, queued.denominators)) got.set(s.id, s);
  if (rest.length > 0) for (const s of await readRest({ ...read, state: { ...state, kpis: rest } })) got.set(s.id, s);
  return { read, pane: { register: state, series: state.kpis.map((k) => got.get(k.id)!) } };
}

/** The ridden rate KPIs' denominators: those read by address where the name still gives it, the others alone. */
async function denominatorsOf(
  excel: ExcelRun,
  state: RegisterState,
  kpis: KpiDefinition[],
  series: KpiSeries[],
  queued: ReturnType<typeof queueExpected>["denominators"],
): Promise<RateSeries[]> {
  const rateKpis = kpis.filter(isRateKpi);
  if (rateKpis.length === 0) return series;
  const values: Record<string, (number | null)[] | string> = {};
  const alone: KpiDefinition[] = [];
  for (const kpi of rateKpis) {
    const q = queued.get(kpi.id);
    if (q && same(q.address, state.denominators[kpi.id])) values[kpi.id] = q.values();
    else alone.push(kpi);
  }
  Object.assign(values, await readDenominators(excel, alone, state.denominators));
  return attachDenominators(rateKpis, series, values);
}

/** The pane's read as a refresh makes it: the register (one round trip once its tables are known), then every KPI's values. */
export async function readPane(excel: ExcelRun, readRest: SeriesReader, known: KnownTables): Promise<{ read: RegisterRead; pane: PaneRead }> {
  const read = await excel((context) => readRegisterIn(context, known));
  return { read, pane: { register: read.state, series: await readRest(read) } };
}
