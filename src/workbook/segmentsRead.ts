/**
 * Reading every KPI's values for the pane, segmented ones included (core/model/segments.ts). A KPI
 * of one series is read as series.ts and denominatorRange.ts read it. A block is read whole
 * through its name KPI_<ID>, with the header row above it (the segments' names, read afresh each
 * time so a renamed region shows renamed), its KPITarget_<ID> (a target per segment) and its
 * KPIDenom_<ID> (a rate's block of denominators): every block of an ordinary register in one
 * round trip, in batches of at most READ_BATCH_CELLS cells (Excel on the web's 5 MB a response,
 * "Resource limits and performance optimization for Office Add-ins"). The series the pane gets
 * carries the totals as its values (segmentTotals) and the segments behind them.
 */
import { areaName, intersection, MAX_ROWS, parseAddress, SheetArea } from "../core/excel/a1";
import { denomNameOf, targetNameOf } from "../core/excel/workbookNames";
import { KpiDefinition } from "../core/model/kpi";
import { columnsOf, isSegmented, newBlockPeriods, SegmentData, segmentNamesOf, segmentTargetsOf, segmentTotals } from "../core/model/segments";
import { readSeriesWithDenominators, withDenominators } from "./denominatorRange";
import { ExcelRun } from "./excelRun";
import { nameOf, RegisterRead, sourceOfName } from "./registerRead";
import { isLongKpi, readLongSeries } from "./segmentsLongRead";
import { NEW_PERIOD_WINDOW, READ_BATCH_CELLS, readSeries } from "./series";
import { SharedBatch } from "./sharedBatch";
import { SegmentSeries } from "./segmentSeries";

export type { SegmentSeries };

/** Every KPI's series, in the register's order: plain ones as before, segmented ones by readSegmentSeries. */
export async function readAllSeries(run: ExcelRun, read: RegisterRead): Promise<SegmentSeries[]> {
  const { kpis, sources, targets } = read.state;
  const plain = kpis.filter((k) => !isSegmented(k));
  const segmented = kpis.filter(isSegmented);
  const plainRead = segmented.length === 0 ? read : { ...read, state: { ...read.state, kpis: plain } };
  const got = new Map<string, SegmentSeries>();
  for (const s of await withDenominators(run, plainRead, await readSeries(run, plain, sources, targets))) got.set(s.id, s);
  for (const s of await readSegmentSeries(run, read, segmented)) got.set(s.id, s);
  return kpis.map((k) => got.get(k.id)!);
}

/**
 * The series of some KPIs, a segmented one's totals with its segments: the plain and the blocks'
 * reads begun at once, so that in a shared batch (sharedBatch.ts) they ride in one round trip.
 */
export async function readSeriesOf(run: ExcelRun, read: RegisterRead, kpis: readonly KpiDefinition[]): Promise<SegmentSeries[]> {
  const plain = kpis.filter((k) => !isSegmented(k));
  const segmented = kpis.filter(isSegmented);
  const [a, b] = await Promise.all([
    plain.length > 0 ? readSeriesWithDenominators(run, read, plain) : [],
    segmented.length > 0 ? readSegmentSeries(run, read, segmented) : [],
  ]);
  const got = new Map<string, SegmentSeries>([...a, ...b].map((s) => [s.id, s]));
  return kpis.map((k) => got.get(k.id)!);
}

const flat = (values: unknown[][]) => (values.length === 1 ? values[0] : values.map((r) => r[0]));

/** What a block's read needs: where its numbers are now (its name's address) and which of its names exist. */
export interface BlockRead {
  kpi: KpiDefinition;
  address: string;
  target: boolean;
  denominators: boolean;
}

function failed(kpi: KpiDefinition, address: string | null, problem: string): SegmentSeries {
  return { id: kpi.id, address, values: [], targets: null, newPeriods: 0, problem, segments: null };
}

/** Every segmented KPI's block, in batches under READ_BATCH_CELLS cells; a batch Excel refuses costs only its KPIs. */
export async function readSegmentSeries(run: ExcelRun, read: RegisterRead, kpis: readonly KpiDefinition[]): Promise<SegmentSeries[]> {
  const out: SegmentSeries[] = [];
  const batches: BlockRead[][] = [];
  let batch: BlockRead[] = [];
  let size = 0;
  // A table column split by another (Segments "by <column>"): read by the columns' names (segmentsLongRead.ts).
  // Begun before the blocks, and the blocks' first batch before any wait: through a SharedBatch's run both ride its round trip.
  const long = readLongSeries(run, read, kpis.filter(isLongKpi));
  for (const kpi of kpis.filter((k) => !isLongKpi(k))) {
    const source = read.state.sources[kpi.id];
    if (!source || source.includes("[")) {
      out.push(
        failed(
          kpi,
          null,
          source
            ? `${kpi.name} is split "${kpi.segments}", which this KPI Lens cannot read yet: it reads blocks of numbers under a header row of segment names (Segments "columns").`
            : `${nameOf(kpi.id)} no longer refers to cells (its rows or columns were deleted). Select the block again and re-tag the KPI.`,
        ),
      );
      continue;
    }
    const a = parseAddress(source);
    const cells = (a.rowCount + 1) * a.colCount * (kpi.denominatorRange ? 2 : 1);
    const entry = {
      kpi,
      address: source,
      target: read.names.has(targetNameOf(kpi.id).toUpperCase()),
      denominators: read.names.has(denomNameOf(kpi.id).toUpperCase()),
    };
    if (size + cells > READ_BATCH_CELLS && batch.length > 0) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(entry);
    size += cells;
  }
  if (batch.length > 0) batches.push(batch);
  const blocks = readBatches(run, batches);
  return [...(await long), ...out, ...(await blocks)];
}

/** The batches one after another (each within Excel on the web's limits); one Excel refuses costs only its KPIs. */
async function readBatches(run: ExcelRun, batches: readonly BlockRead[][]): Promise<SegmentSeries[]> {
  const out: SegmentSeries[] = [];
  for (const b of batches) {
    try {
      out.push(...(await readBatch(run, b)));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      for (const { kpi, address } of b) out.push(failed(kpi, address, `Excel could not read the values of ${kpi.name}: ${why}`));
    }
  }
  return out;
}

/**
 * Every KPI's series as readAllSeries reads them, in one round trip where they fit one
 * (READ_BATCH_CELLS in all): the plain series, the denominators and the blocks ride one
 * SharedBatch (readSeriesOf begins them at once), so opening the pane takes the register's round
 * trip and this one, whatever kinds of KPI it holds (issue 25). Refused as a whole (a name a
 * co-author deleted since the register read fails the batch), they are read as readAllSeries reads
 * them, where a batch Excel refuses costs only its KPIs.
 */
export async function readAllSeriesShared(excel: ExcelRun, read: RegisterRead): Promise<SegmentSeries[]> {
  if (read.state.kpis.length === 0) return [];
  if (cellsToRead(read) > READ_BATCH_CELLS) return readAllSeries(excel, read);
  try {
    return await excel(async (context) => {
      const batch = new SharedBatch(context, excel);
      const all = readSeriesOf(batch.run, read, read.state.kpis);
      all.catch(() => undefined);
      await batch.send();
      return all;
    });
  } catch {
    // The shared round trip refused (its riders then fail with SharedBatchRefused): each batch on its own.
    return readAllSeries(excel, read);
  }
}

/** The cells a refresh reads: every KPI's values (a block's header row and the rows below it too), targets and denominators. */
function cellsToRead(read: RegisterRead): number {
  const { kpis, sources, targets, denominators } = read.state;
  let cells = 0;
  for (const k of kpis) {
    for (const address of [sources[k.id], k.targetRange ? targets[k.id] : null, k.denominatorRange ? denominators[k.id] : null]) {
      if (!address) continue;
      // A table column's size is known only once read: never shared.
      if (address.includes("[")) return Infinity;
      const a = parseAddress(address);
      cells += (a.rowCount + 1 + NEW_PERIOD_WINDOW) * a.colCount;
    }
  }
  return cells;
}

/** One round trip for a batch of blocks: numbers, header rows, targets and denominators. */
async function readBatch(run: ExcelRun, blocks: readonly BlockRead[]): Promise<SegmentSeries[]> {
  return run(async (context) => {
    const done = queueBlocks(context, blocks);
    await context.sync();
    return done();
  });
}

/**
 * Queues on `context` the reads of a batch of blocks, and gives their series once it is synced:
 * each block's parts through its names (a refresh), or at the addresses `at` gives (a read riding
 * in another batch, paneRead.ts: a name a co-author broke meanwhile cannot fail that batch).
 */
export function queueBlocks(
  context: Excel.RequestContext,
  blocks: readonly BlockRead[],
  at?: (b: BlockRead) => { target: string | null; denominators: string | null },
): () => SegmentSeries[] {
  const rangeOf = (name: string, address: string | null | undefined) =>
    at && address
      ? context.workbook.worksheets.getItem(parseAddress(address).sheet!).getRange(areaName(parseAddress(address)))
      : context.workbook.names.getItem(name).getRange();
  const pending = blocks.map((b) => {
    const a = parseAddress(b.address);
    const where = at?.(b);
    const numbers = rangeOf(nameOf(b.kpi.id), at ? b.address : null).load("address, values");
    const header =
      a.row > 0
        ? context.workbook.worksheets
            .getItem(a.sheet!)
            .getRange(areaName({ ...a, row: a.row - 1, rowCount: 1 }))
            .load("values")
        : null;
    const target = b.target ? rangeOf(targetNameOf(b.kpi.id), where?.target).load("address, values") : null;
    const denominators = b.denominators ? rangeOf(denomNameOf(b.kpi.id), where?.denominators).load("address, values") : null;
    const under = belowBlock(a);
    const below = under ? context.workbook.worksheets.getItem(a.sheet!).getRange(areaName(under)).load("values") : null;
    return { ...b, numbers, header, target, denominators, under, below };
  });
  return () =>
    pending.map((p, i) => {
      const series = seriesOf(
        p.kpi,
        p.numbers.address,
        p.numbers.values,
        p.header?.values[0] ?? null,
        p.target ? flat(p.target.values) : null,
        p.denominators?.values ?? null,
        blocks[i],
      );
      if (!p.below || !p.under || series.problem || series.values.length === 0) return series;
      const stop = stopRowIn(p.under, [p.target?.address, p.denominators?.address]);
      return { ...series, newPeriods: newBlockPeriods(p.below.values, stop) };
    });
}

/** New periods looked for below a block: as many rows as a series' window (series.ts), its columns; null at the sheet's last row. */
function belowBlock(block: SheetArea): SheetArea | null {
  const row = block.row + block.rowCount;
  return row >= MAX_ROWS ? null : { ...block, row, rowCount: Math.min(NEW_PERIOD_WINDOW, MAX_ROWS - row) };
}

/** The first row of `under` (0-based) that the KPI's other parts reach on its sheet: its target row, its denominators. */
function stopRowIn(under: SheetArea, parts: (string | undefined)[]): number {
  let stop = under.rowCount;
  for (const address of parts) {
    if (!address) continue;
    const part = parseAddress(address);
    const meets = part.sheet?.toLowerCase() === under.sheet?.toLowerCase() ? intersection(under, part) : null;
    if (meets) stop = Math.min(stop, meets.row - under.row);
  }
  return stop;
}

/** A block's series from its cells, or the problem the card shows. */
function seriesOf(
  kpi: KpiDefinition,
  address: string,
  rows: unknown[][],
  header: unknown[] | null,
  targetCells: unknown[] | null,
  denominatorRows: unknown[][] | null,
  found: { target: boolean; denominators: boolean },
): SegmentSeries {
  const names = header ? segmentNamesOf(header) : "the block starts on the sheet's first row, so there is no header row above it for the segments' names";
  if (typeof names === "string")
    return failed(kpi, address, `${kpi.name} has no segments to show: ${names}. Put the names back, or untag and tag the block again.`);
  const k = names.length;
  const problems: string[] = [];
  if (kpi.targetRange && !found.target)
    problems.push(`The target range of ${kpi.name} is gone: its name ${targetNameOf(kpi.id)} no longer exists. Edit the KPI and give its targets again.`);
  else if (targetCells && targetCells.length !== k)
    problems.push(`The target range of ${kpi.name} has ${targetCells.length} cells and ${k} segments: segments past the shorter one have no status.`);
  let denominators: (number | null)[][] | null = null;
  if (kpi.denominatorRange) {
    const shape = (r: unknown[][] | null) => (r ? `${r.length}×${r[0]?.length ?? 0}` : "");
    if (!denominatorRows)
      problems.push(
        `The denominator range of ${kpi.name} is gone: its name ${denomNameOf(kpi.id)} no longer exists. Edit the KPI and give its denominators again.`,
      );
    else if (shape(denominatorRows) !== shape(rows))
      problems.push(
        `The denominators of ${kpi.name} are ${shape(denominatorRows)} and its numbers ${shape(rows)}: give the denominators of the same periods and segments.`,
      );
    else denominators = columnsOf(denominatorRows, k);
  }
  const data: SegmentData = { names, values: columnsOf(rows, k), denominators, targets: segmentTargetsOf(kpi, k, targetCells) };
  const totals = segmentTotals(kpi, data);
  const rate = kpi.denominatorRange ? { denominators: denominators ? totals.denominators : null } : {};
  return {
    id: kpi.id,
    address: sourceOfName(`=${address}`) ?? address,
    values: kpi.denominatorRange && !denominators ? [] : totals.values,
    targets: kpi.target === null ? totals.targets : null,
    newPeriods: 0,
    problem: problems[0] ?? null,
    ...rate,
    segments: data,
  };
}
