/**
 * A rate KPI's denominators: a range aligned with its values (visits for orders, units made for
 * defects), kept in a workbook-scoped name KPIDenom_<ID> exactly as a per-period target is kept in
 * KPITarget_<ID> (targetRange.ts): the name follows the cells when rows are inserted or the sheet
 * renamed, and the colours' band name (rateBands.ts) refers to it; the register read follows it
 * (registerRead.ts followNames, as it follows the target's). Here: the check before a write, the
 * name's step, and reading the denominators within Excel's limits
 * (series.ts's batches: one round trip for every rate KPI of an ordinary register).
 */
import { areaName, parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { isRateKpi } from "../core/model/rates";
import { denomNameComment, denomNameOf } from "../core/excel/workbookNames";
import { KpiWorkbookError } from "./errors";
import { ExcelRun } from "./excelRun";
import { RegisterRead } from "./registerRead";
import { KpiSeries, numberOrGap, READ_BATCH_CELLS, readInPieces, readSeries } from "./series";
import { nameStep } from "./steps/names";
import { Step } from "./writeEngine";

/**
 * Checks a denominator range against the KPI's values (reads only: call before queuing writes)
 * and returns it absolute and qualified with its sheet; a range without a sheet is on the values'.
 */
export async function checkDenominatorRange(context: Excel.RequestContext, typed: string, sourceAddress: string, kpiName: string): Promise<string> {
  const check = queueDenominatorRangeCheck(context, typed, parseAddress(sourceAddress).sheet!);
  await context.sync();
  return check(sourceAddress, kpiName);
}

/**
 * checkDenominatorRange in two halves, for a batch the caller syncs: queues the look-up of the
 * typed range's sheet (`valuesSheet` when it names none); the check, called after the sync,
 * compares it with the KPI's values at `sourceAddress` and returns it, or throws.
 */
export function queueDenominatorRangeCheck(
  context: Excel.RequestContext,
  typed: string,
  valuesSheet: string,
): (sourceAddress: string, kpiName: string) => string {
  let range: ReturnType<typeof parseAddress>;
  try {
    range = parseAddress(typed.replace(/^=/, ""));
  } catch {
    return () => {
      throw new KpiWorkbookError(`"${typed}" is not a range such as Traffic!C2:C37.`, "denominator");
    };
  }
  const sheetName = range.sheet ?? valuesSheet;
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  return (sourceAddress, kpiName) => {
    // eslint-disable-next-line office-addins/call-sync-before-read -- the check runs after the caller's sync
    if (sheet.isNullObject)
      throw new KpiWorkbookError(`There is no sheet "${sheetName}" for the denominator range ${typed.replace(/\$/g, "")}.`, "denominator");
    const source = parseAddress(sourceAddress);
    const periods = source.rowCount * source.colCount;
    const cells = range.rowCount * range.colCount;
    const address = qualified(sheetName, range, true);
    if ((range.rowCount !== 1 && range.colCount !== 1) || cells !== periods) {
      throw new KpiWorkbookError(
        `The denominator range ${address.replace(/\$/g, "")} has ${cells} cell${cells === 1 ? "" : "s"} and ${kpiName || "the KPI"} has ${periods} periods: give one denominator per period, in one row or column, in the same order.`,
        "denominator",
      );
    }
    return address;
  };
}

/** Points KPIDenom_<ID> at `address` (null: removes it), as a guarded step; null when nothing changes. */
export function denominatorNameStep(read: RegisterRead, id: string, address: string | null): Step | null {
  const name = denomNameOf(id);
  return nameStep({ name, formula: address ? `=${address}` : null, comment: denomNameComment(id), before: read.names.get(name.toUpperCase()) ?? null });
}

const flat = (values: unknown[][]) => (values.length === 1 ? values[0] : values.map((r) => r[0]));

/** Every rate KPI's denominators, in batches under READ_BATCH_CELLS cells; a batch Excel refuses costs only its KPIs. */
export async function readDenominators(
  run: ExcelRun,
  kpis: readonly KpiDefinition[],
  sources: Record<string, string | null>,
): Promise<Record<string, (number | null)[] | string>> {
  const out: Record<string, (number | null)[] | string> = {};
  const batches: string[][] = [];
  let batch: string[] = [];
  let size = 0;
  for (const kpi of kpis) {
    const source = sources[kpi.id];
    if (source === undefined) continue;
    if (source === null) {
      out[kpi.id] =
        `The denominator range of ${kpi.name} is gone: its name ${denomNameOf(kpi.id)} no longer refers to cells. Edit the KPI and give its denominators again.`;
      continue;
    }
    const a = parseAddress(source);
    const cells = a.rowCount * a.colCount;
    if (cells > READ_BATCH_CELLS) {
      out[kpi.id] = await readInPieces(run, source).catch(
        (e: unknown) => `Excel could not read the denominators of ${kpi.name}: ${e instanceof Error ? e.message : String(e)}`,
      );
      continue;
    }
    if (size + cells > READ_BATCH_CELLS && batch.length > 0) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(kpi.id);
    size += cells;
  }
  if (batch.length > 0) batches.push(batch);
  for (const ids of batches) {
    try {
      const got = await run(async (context) => {
        const ranges = ids.map((id) => context.workbook.names.getItem(denomNameOf(id)).getRange().load("values"));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per piece: each stays within Excel on the web's 5 MB and 5M-cell limits
        await context.sync();
        return ranges.map((r) => flat(r.values).map(numberOrGap));
      });
      ids.forEach((id, i) => (out[id] = got[i]));
    } catch (e) {
      for (const id of ids) out[id] = `Excel could not read the denominators of ${id}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return out;
}

/** A KPI's series with, for a rate KPI, its denominators (absent or null otherwise). */
export type RateSeries = KpiSeries & { denominators?: (number | null)[] | null };

/** The series with each rate KPI's denominators; a missing range or one of another length is the card's problem. */
export async function withDenominators(run: ExcelRun, read: RegisterRead, series: KpiSeries[]): Promise<RateSeries[]> {
  const rateKpis = read.state.kpis.filter(isRateKpi);
  if (rateKpis.length === 0) return series;
  return attachDenominators(rateKpis, series, await readDenominators(run, rateKpis, read.state.denominators));
}

/**
 * The series of `kpis`, with a rate KPI's denominators, both reads begun at once: through a
 * SharedBatch's run (sharedBatch.ts) both ride in one round trip, where withDenominators, which
 * needs the series first, takes a second.
 */
export async function readSeriesWithDenominators(run: ExcelRun, read: RegisterRead, kpis: KpiDefinition[]): Promise<RateSeries[]> {
  const rateKpis = kpis.filter(isRateKpi);
  const [series, got] = await Promise.all([
    readSeries(run, kpis, read.state.sources, read.state.targets),
    rateKpis.length > 0 ? readDenominators(run, rateKpis, read.state.denominators) : {},
  ]);
  return rateKpis.length > 0 ? attachDenominators(rateKpis, series, got) : series;
}

/** Gives each rate KPI's series the denominators read (`got`, by ID: the values, or why there are none). */
export function attachDenominators(
  rateKpis: readonly KpiDefinition[],
  series: readonly KpiSeries[],
  got: Record<string, (number | null)[] | string>,
): RateSeries[] {
  return series.map((s) => {
    const d = got[s.id];
    if (d === undefined) return s;
    if (typeof d === "string") return { ...s, denominators: null, problem: s.problem ?? d };
    const kpi = rateKpis.find((k) => k.id === s.id)!;
    const problem =
      d.length !== s.values.length && !s.problem
        ? `The denominator range of ${kpi.name} has ${d.length} periods and its values ${s.values.length}: periods past the shorter one have no rate. Edit the KPI to give a range of ${s.values.length}.`
        : s.problem;
    return { ...s, denominators: d, problem };
  });
}

/**
 * Queues, on a batch the caller syncs, the read of denominators at the address KPIDenom_<ID> had at
 * the caller's last read (by address, as series.ts queueSeriesAt reads values: the caller uses them
 * only when the name still gives that address after the sync).
 */
export function queueDenominatorsAt(context: Excel.RequestContext, address: string): () => (number | null)[] {
  const area = parseAddress(address);
  const range = context.workbook.worksheets.getItem(area.sheet!).getRange(areaName(area)).load("values");
  return () => flat(range.values).map(numberOrGap);
}

/**
 * What a tag or a save does about a KPI's denominators: checks the typed range against the values
 * (a read, before anything is queued) and gives the definition's rate fields and the steps that
 * point, move or remove KPIDenom_<ID>. Called before the band formats are planned, whose name
 * refers to it. `current` is the definition being saved over (none for a tag).
 */
export async function planDenominators(
  context: Excel.RequestContext,
  read: RegisterRead,
  id: string,
  input: Pick<KpiDefinition, "name" | "denominatorRange" | "ratePer">,
  sourceAddress: () => Promise<string>,
  current?: KpiDefinition,
  queued?: (sourceAddress: string, kpiName: string) => string,
): Promise<{ fields: Pick<KpiDefinition, "denominatorRange" | "ratePer">; steps: Step[] }> {
  // `queued`: the check's look-up already made in a batch of the caller's (queueDenominatorRangeCheck).
  const check = async (typed: string) =>
    queued ? queued(await sourceAddress(), input.name) : checkDenominatorRange(context, typed, await sourceAddress(), input.name);
  const denominatorRange = input.denominatorRange ? await check(input.denominatorRange) : "";
  const fields = { denominatorRange, ratePer: denominatorRange ? (input.ratePer ?? null) : null };
  const changed = (current?.denominatorRange ?? "") !== denominatorRange;
  const step = current === undefined && !denominatorRange ? null : changed ? denominatorNameStep(read, id, denominatorRange || null) : null;
  return { fields, steps: step ? [step] : [] };
}
