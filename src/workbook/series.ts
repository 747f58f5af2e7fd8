/**
 * Reading KPIs' values. Excel on the web carries at most 5 MB a request or response, and every
 * host reads at most five million cells of a range at once ("Resource limits and performance
 * optimization for Office Add-ins", learn.microsoft.com). So values are read in batches of at
 * most READ_BATCH_CELLS cells (about 40 bytes a cell in the worst case, under 5 MB), a long KPI
 * in pieces of its own, and a batch that fails marks only its own KPIs.
 */
import { KpiDefinition } from "../core/model/kpi";
import { areaName, MAX_COLUMNS, MAX_ROWS, parseAddress } from "../core/excel/a1";
import { ExcelRun } from "./excelRun";
import { nameOf } from "./registerRead";
import { targetNameOf } from "./bandFormats";

export interface KpiSeries {
  id: string;
  /** Current address of the values, or null when the source range is gone. */
  address: string | null;
  /** One value per period, oldest first: a number, or null for a gap. */
  values: (number | null)[];
  /** Each period's own target, when the KPI has a range of them (KPITarget_<ID>); null otherwise. */
  targets: (number | null)[] | null;
  /** Numbers typed directly after a plain range, offered as new periods. */
  newPeriods: number;
  problem: string | null;
}

export const READ_BATCH_CELLS = 100_000;
/** How far past a plain range new periods are looked for. */
export const NEW_PERIOD_WINDOW = 12;

/** A cell as a period: its number, or null (a gap) for anything else. */
export const numberOrGap = (v: unknown) => (typeof v === "number" ? v : null);

function broken(id: string): KpiSeries {
  return {
    id,
    address: null,
    values: [],
    targets: null,
    newPeriods: 0,
    problem: `${nameOf(id)} no longer refers to cells (its rows or columns were deleted). Select the values again and re-tag the KPI.`,
  };
}

/** The cells right after a one-column (below) or one-row (to the right) range. */
function afterArea(address: string): string | null {
  const area = parseAddress(address);
  if (area.colCount === 1) {
    const row = area.row + area.rowCount;
    if (row >= MAX_ROWS) return null;
    return areaName({ row, col: area.col, rowCount: Math.min(NEW_PERIOD_WINDOW, MAX_ROWS - row), colCount: 1 });
  }
  const col = area.col + area.colCount;
  if (col >= MAX_COLUMNS) return null;
  return areaName({ row: area.row, col, rowCount: 1, colCount: Math.min(NEW_PERIOD_WINDOW, MAX_COLUMNS - col) });
}

/** The values of one row or column, read in pieces of at most READ_BATCH_CELLS cells (Excel on the web's 5 MB a response). */
export async function readInPieces(run: ExcelRun, address: string): Promise<(number | null)[]> {
  const area = parseAddress(address);
  const cells = area.rowCount * area.colCount;
  const values: (number | null)[] = [];
  const vertical = area.colCount === 1;
  for (let start = 0; start < cells; start += READ_BATCH_CELLS) {
    const n = Math.min(READ_BATCH_CELLS, cells - start);
    const piece = vertical ? { ...area, row: area.row + start, rowCount: n } : { ...area, col: area.col + start, colCount: n };
    const got = await run(async (context) => {
      const range = context.workbook.worksheets.getItem(area.sheet!).getRange(areaName(piece));
      range.load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per piece: each stays within Excel on the web's 5 MB and 5M-cell limits
      await context.sync();
      return range.values;
    });
    for (const v of vertical ? got.map((r) => r[0]) : got[0]) values.push(numberOrGap(v));
  }
  return values;
}

/** Reads the values of one KPI (in pieces when it is long), and its targets when it has a range of them. */
async function readOne(run: ExcelRun, kpi: KpiDefinition, source: string, target: string | null): Promise<KpiSeries> {
  const area = parseAddress(source);
  if (area.rowCount * area.colCount * (target ? 2 : 1) <= READ_BATCH_CELLS) return (await readMany(run, [[kpi, source, target]]))[0];
  const values = await readInPieces(run, source);
  const targets = target ? await readInPieces(run, target) : null;
  const tail = await readMany(run, [[kpi, source, null]], true);
  return { ...tail[0], values, targets: checkTargets(kpi, values.length, targets, tail[0]) };
}

/** Per-period targets whose count differs from the values' is a problem the card shows. */
function checkTargets(kpi: KpiDefinition, periods: number, targets: (number | null)[] | null, series: KpiSeries): (number | null)[] | null {
  if (kpi.targetRange && targets === null && !series.problem) {
    series.problem = `The target range of ${kpi.name} (${kpi.targetRange.replace(/\$/g, "")}) is gone: its name KPITarget_${kpi.id} no longer refers to cells. Edit the KPI and give its target again.`;
  } else if (targets && targets.length !== periods && !series.problem) {
    series.problem = `The target range of ${kpi.name} has ${targets.length} periods and its values ${periods}: periods past the shorter one have no status. Edit the KPI to give a range of ${periods}.`;
  }
  return targets;
}

/** One row's or one column's cells, in order. */
const flat = (values: unknown[][]) => (values.length === 1 ? values[0] : values.map((r) => r[0]));

/** A KPI's series from the cells read: its values, the cells after it (new periods), its targets. */
function seriesOf(kpi: KpiDefinition, address: string, cells: unknown[] | null, next: unknown[] | null, targetCells: unknown[] | null): KpiSeries {
  let newPeriods = 0;
  if (next) while (newPeriods < next.length && typeof next[newPeriods] === "number") newPeriods++;
  const series: KpiSeries = { id: kpi.id, address, values: (cells ?? []).map(numberOrGap), targets: null, newPeriods, problem: null };
  if (cells) series.targets = checkTargets(kpi, series.values.length, targetCells ? targetCells.map(numberOrGap) : null, series);
  return series;
}

/** Reads several KPIs in one batch; `tailOnly` reads only the cells after each range. */
async function readMany(run: ExcelRun, kpis: Batch, tailOnly = false): Promise<KpiSeries[]> {
  return run(async (context) => {
    const pending = kpis.map(([kpi, source, target]) => {
      const range = context.workbook.names.getItem(nameOf(kpi.id)).getRange();
      range.load(tailOnly ? "address" : "address, values");
      const targetRange = target && !tailOnly ? context.workbook.names.getItem(targetNameOf(kpi.id)).getRange() : null;
      targetRange?.load("values");
      const tail = source.includes("[") ? null : afterArea(source);
      const after = tail ? context.workbook.worksheets.getItem(parseAddress(source).sheet!).getRange(tail) : null;
      after?.load("values");
      return { kpi, range, after, targetRange };
    });
    await context.sync();
    return pending.map(({ kpi, range, after, targetRange }) =>
      seriesOf(kpi, range.address, tailOnly ? null : flat(range.values), after && flat(after.values), targetRange && flat(targetRange.values)),
    );
  });
}

/**
 * Queues, on a batch the caller syncs, the read of one KPI by the addresses its names had at the
 * caller's last read (`source`, a plain range, and `target`): the values, the cells after them and
 * the targets. By address, not by name, so the read cannot fail for a name a co-author removed or
 * broke meanwhile; the caller uses it only when the names still give these addresses after the
 * sync (paneRead.ts). The getter gives the series once the batch has synced.
 */
export function queueSeriesAt(context: Excel.RequestContext, kpi: KpiDefinition, source: string, target: string | null): () => KpiSeries {
  const area = parseAddress(source);
  const sheet = context.workbook.worksheets.getItem(area.sheet!);
  const range = sheet.getRange(areaName(area)).load("values");
  const targetArea = target ? parseAddress(target) : null;
  const targetRange = targetArea ? context.workbook.worksheets.getItem(targetArea.sheet!).getRange(areaName(targetArea)).load("values") : null;
  const tail = afterArea(source);
  const after = tail ? sheet.getRange(tail).load("values") : null;
  return () => seriesOf(kpi, source, flat(range.values), after && flat(after.values), targetRange && flat(targetRange.values));
}

type Batch = [KpiDefinition, string, string | null][];

/** The cells a KPI's read loads: its values (and targets) and the cells after them. */
export function cellsOf(source: string, target: string | null = null): number {
  if (source.includes("[")) return READ_BATCH_CELLS; // a table column: size unknown until read, read alone
  const a = parseAddress(source);
  return a.rowCount * a.colCount * (target ? 2 : 1) + NEW_PERIOD_WINDOW;
}

/**
 * Every KPI's values, in batches under the limits: one round trip for all the KPIs of an
 * ordinary register, more only when KPIs are long. A batch Excel refuses costs only its KPIs.
 */
export async function readSeries(
  run: ExcelRun,
  kpis: KpiDefinition[],
  sources: Record<string, string | null>,
  targets: Record<string, string | null> = {},
): Promise<KpiSeries[]> {
  const results = new Map<string, KpiSeries>();
  const batches: Batch[] = [];
  let batch: Batch = [];
  let size = 0;
  for (const kpi of kpis) {
    const source = sources[kpi.id];
    if (!source) {
      results.set(kpi.id, broken(kpi.id));
      continue;
    }
    const target = targets[kpi.id] ?? null;
    const cells = cellsOf(source, target);
    if (cells > READ_BATCH_CELLS && !source.includes("[")) {
      batches.push([[kpi, source, target]]);
      continue;
    }
    if (size + cells > READ_BATCH_CELLS && batch.length > 0) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push([kpi, source, target]);
    size += cells;
  }
  if (batch.length > 0) batches.push(batch);
  for (const b of batches) {
    try {
      const got = b.length === 1 && cellsOf(b[0][1], b[0][2]) > READ_BATCH_CELLS ? [await readOne(run, b[0][0], b[0][1], b[0][2])] : await readMany(run, b);
      for (const s of got) results.set(s.id, s);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      for (const [kpi, source] of b)
        results.set(kpi.id, {
          id: kpi.id,
          address: source,
          values: [],
          targets: null,
          newPeriods: 0,
          problem: `Excel could not read the values of ${kpi.name}: ${why}`,
        });
    }
  }
  await countAllNewPeriods(run, [...results.values()]);
  return kpis.map((k) => results.get(k.id)!);
}

/**
 * A window full of numbers means more may follow (5,000 pasted at once): counts them all, so the
 * card offers one extension rather than 12 at a time.
 */
export async function countAllNewPeriods(run: ExcelRun, series: readonly KpiSeries[]): Promise<void> {
  for (const s of series) {
    if (s.newPeriods === NEW_PERIOD_WINDOW && s.address && !s.problem) {
      try {
        s.newPeriods = await countNewPeriods(run, s.address);
      } catch {
        /* the first window stands: the offer is still right, only shorter */
      }
    }
  }
}

/**
 * The numbers that follow a plain range without a gap, up to the sheet's edge. Read in windows
 * that double from NEW_PERIOD_WINDOW up to READ_BATCH_CELLS, so a short run costs one small read
 * and a long one stays under the request limits above.
 */
export async function countNewPeriods(run: ExcelRun, address: string): Promise<number> {
  const area = parseAddress(address);
  const vertical = area.colCount === 1;
  const sheet = area.sheet!;
  const limit = vertical ? MAX_ROWS - (area.row + area.rowCount) : MAX_COLUMNS - (area.col + area.colCount);
  let count = 0;
  let window = NEW_PERIOD_WINDOW;
  while (count < limit) {
    const n = Math.min(window, limit - count);
    const piece = vertical
      ? { row: area.row + area.rowCount + count, col: area.col, rowCount: n, colCount: 1 }
      : { row: area.row, col: area.col + area.colCount + count, rowCount: 1, colCount: n };
    const got = await run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(areaName(piece));
      range.load("values");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per piece: each stays within Excel on the web's 5 MB and 5M-cell limits
      await context.sync();
      return range.values;
    });
    const cells = vertical ? got.map((r) => r[0]) : got[0];
    const run0 = cells.findIndex((v) => typeof v !== "number");
    if (run0 >= 0) return count + run0;
    count += n;
    window = Math.min(window * 2, READ_BATCH_CELLS);
  }
  return count;
}
