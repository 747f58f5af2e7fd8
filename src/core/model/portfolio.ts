/**
 * What the pane shows about the whole register at once, computed from the register and every
 * KPI's values: each KPI's summary, the lead-lag chains (with the outcome forecast a supported
 * chain gives), the health check's findings, the churn per quarter, the triggers due at the
 * latest period and the formulas the pane offers to insert. Pure: the pane is a view over it,
 * and every number here is one a worksheet function gives too.
 */
import { memoByContent } from "./contentMemo";
import { runToEnd, Steps } from "../analysis/steps";
import { parseAddress, qualified } from "../excel/a1";
import { Action, Firing, firings } from "./actions";
import { analyseChain, ChainAnalysis } from "./chain";
import { CheckIn, needsNote } from "./checkins";
import { changeFormula, chainFormula, forecastFormula, spcFormula, statusFormula } from "../excel/formulas";
import { addedVsRetired, Finding, healthCheck, QuarterChurn } from "./guardrails";
import { KpiDefinition } from "./kpi";
import { KpiSummary, summarise } from "./kpiSummary";
import { forecastOutcome, OutcomeForecast } from "./outcomeForecast";
import { isRateKpi } from "./rates";
import { summariseRate } from "./rateSummary";
import { ratesArgument, spcRateFormula } from "../excel/rateFormulas";
import { explainDecidable, monthEndChoices, monthEndPackSteps, MonthEndPack } from "./monthEndPane";
import type { ReportedEntry } from "./reported";
import { portfolioVerdicts, PortfolioVerdicts } from "../review/fdr";
import { isSegmented, judgedAs } from "./segments";
import { segmentChoicesOf } from "./segmentView";
import type { SeriesValues } from "./seriesValues";
import type { FormulaChoice } from "../excel/formulaChoice";

// Re-exported: the pane and the workbook import them with the portfolio.
export type { SeriesValues } from "./seriesValues";
export type { FormulaChoice } from "../excel/formulaChoice";

/** The register as far as the analyses need it (the fields of the workbook's RegisterState used here). */
export interface RegisterView {
  kpis: KpiDefinition[];
  checkIns: CheckIn[];
  actions: Action[];
  history: readonly { when: string; field: string }[];
  /** KPI Reported: what each close reported (the month-end pack's restatements). */
  reported?: readonly ReportedEntry[];
}

export interface ChainEntry {
  leading: KpiDefinition;
  lagging: KpiDefinition;
  analysis: ChainAnalysis;
  /** KPI.LEAD_FORECAST's next period of the outcome, for a chain the data supports. */
  forecast: OutcomeForecast | null;
}

export interface Portfolio<K extends KpiDefinition = KpiDefinition, A extends Action = Action> {
  kpis: K[];
  checkIns: CheckIn[];
  actions: A[];
  /** Every KPI's summary by ID, computed once for all the pane's sections. */
  summaries: Record<string, KpiSummary>;
  chains: ChainEntry[];
  findings: Finding[];
  churn: QuarterChurn[];
  /** Each KPI's month-end numbers, restatements and note prompt (monthEndPane.ts). */
  pack: MonthEndPack;
  /** The chains' verdicts with the false discovery rate controlled across every leading KPI (review/fdr.ts). */
  verdicts: PortfolioVerdicts;
}

/** A KPI's summary as the pane shows it: XmR for the latest change, its own per-period targets; kept by content (contentMemo.ts). */
export const summaryOf: (kpi: KpiDefinition, series: SeriesValues | undefined) => KpiSummary = memoByContent(
  (kpi: KpiDefinition, series: SeriesValues | undefined) => summaryOfNow(kpi, series),
);

function summaryOfNow(kpi: KpiDefinition, series: SeriesValues | undefined): KpiSummary {
  // A KPI across segments is judged by its total, against the segments' targets rolled up (segments.ts).
  kpi = judgedAs(kpi, series);
  // A rate KPI is judged on its rate, with KPI.SPC's p, u, p′ or u′ chart (rateSummary.ts).
  if (isRateKpi(kpi) && series?.denominators) return summariseRate(kpi, series.values, series.denominators, series.targets);
  return summarise(kpi, series?.values ?? [], "xmr", series?.targets);
}

export function summariesOf(kpis: readonly KpiDefinition[], series: Record<string, SeriesValues>): Record<string, KpiSummary> {
  return runToEnd(summarySteps(kpis, series));
}

/** Every KPI's summary, a step each (a first summary of 36 months is ~1 ms before V8 has compiled it). */
function* summarySteps(kpis: readonly KpiDefinition[], series: Record<string, SeriesValues>): Steps<Record<string, KpiSummary>> {
  const out: Record<string, KpiSummary> = {};
  for (const k of kpis) {
    out[k.id] = summaryOf(k, series[k.id]);
    yield;
  }
  return out;
}

/** A chain's correlogram and forecast, kept by content (contentMemo.ts) like the summaries: an unchanged pair is not analysed again. */
const chainKept = memoByContent(
  (leading: KpiDefinition, lagging: KpiDefinition, leadingValues: readonly (number | null)[], laggingValues: readonly (number | null)[]) => {
    const analysis = analyseChain(
      { name: leading.name, values: leadingValues },
      { name: lagging.name, values: laggingValues, cadence: lagging.cadence },
      leading.direction === lagging.direction,
    );
    const forecast = analysis.supported && analysis.best ? forecastOutcome(leading, lagging, leadingValues, laggingValues, analysis.best.lag) : null;
    return { analysis, forecast };
  },
);

/** Each leading KPI whose Predicts names a lagging one: the correlogram, and the forecast when the data supports the link. */
export function chainsOf(kpis: readonly KpiDefinition[], series: Record<string, SeriesValues>): ChainEntry[] {
  return runToEnd(chainSteps(kpis, series));
}

/** The chains, a step each (a correlogram with its permutation test is a few ms). */
function* chainSteps(kpis: readonly KpiDefinition[], series: Record<string, SeriesValues>): Steps<ChainEntry[]> {
  const laggingById = new Map<string, KpiDefinition>();
  // The first lagging KPI of an ID, as a find over the register would pick.
  for (const k of kpis) if (k.kind === "lagging" && !laggingById.has(k.id)) laggingById.set(k.id, k);
  const out: ChainEntry[] = [];
  for (const leading of kpis) {
    const lagging = laggingById.get(leading.predicts);
    if (leading.kind !== "leading" || !lagging) continue;
    const { analysis, forecast } = chainKept(leading, lagging, series[leading.id]?.values ?? [], series[lagging.id]?.values ?? []);
    out.push({ leading, lagging, analysis, forecast });
    yield;
  }
  return out;
}

/** The health check over the register, with what the chains and the notes say. */
export function findingsOf(
  kpis: readonly KpiDefinition[],
  chains: readonly ChainEntry[],
  checkIns: readonly CheckIn[],
  summaries: Record<string, KpiSummary>,
  today: Date,
  verdicts: PortfolioVerdicts = portfolioVerdicts(chains),
): Finding[] {
  return healthCheck({
    kpis,
    // The portfolio's verdicts (BH across every leading KPI); a chain with no best lag is not judged either way.
    chainSupported: verdicts.chainSupported,
    today,
    // Only where KPI.VARIANCE's "explain" cannot be decided: elsewhere the month-end pack asks (monthEndPane.ts notePeriodOf).
    offTrackWithoutNote: kpis
      .filter((k) => !explainDecidable(summaries[k.id]) && needsNote(checkIns, k.id, summaries[k.id].latestPeriod, summaries[k.id].status))
      .map((k) => k.id),
  });
}

/** Everything the pane's sections show about the register; an empty portfolio before the first read. */
export function portfolioOf<K extends KpiDefinition, A extends Action>(
  register: (RegisterView & { kpis: K[]; actions: A[] }) | null,
  series: Record<string, SeriesValues>,
  today: Date,
): Portfolio<K, A> {
  return runToEnd(portfolioSteps(register, series, today));
}

/**
 * The portfolio as steps, a KPI or a chain each, for the pane to compute in time slices
 * (core/analysis/slicing.ts): the first portfolio of a session, 300 KPIs with nothing kept yet,
 * is several hundred ms of work, and one task over 50 ms is a long task (issue 25).
 */
export function* portfolioSteps<K extends KpiDefinition, A extends Action>(
  register: (RegisterView & { kpis: K[]; actions: A[] }) | null,
  series: Record<string, SeriesValues>,
  today: Date,
): Steps<Portfolio<K, A>> {
  const kpis = register?.kpis ?? [];
  const checkIns = register?.checkIns ?? [];
  const summaries = yield* summarySteps(kpis, series);
  const chains = yield* chainSteps(kpis, series);
  const verdicts = portfolioVerdicts(chains);
  const judged = kpis.map((k) => judgedAs(k, series[k.id]));
  const pack = yield* monthEndPackSteps(judged, series, register?.reported ?? [], checkIns, summaries);
  const findings = [...findingsOf(kpis, chains, checkIns, summaries, today, verdicts), ...pack.findings];
  return {
    kpis,
    checkIns,
    actions: register?.actions ?? [],
    summaries,
    chains,
    findings,
    churn: addedVsRetired(register?.history ?? []),
    verdicts,
    pack,
  };
}

/** The key an action and the firing that opens it share: once per KPI, period and rule. */
export function firingKey(f: Pick<Firing, "kpi" | "period" | "rule">): string {
  return `${f.kpi}|${f.period}|${f.rule}`;
}

/** The triggers that fire at each KPI's latest period and have no action yet; a KPI whose values cannot be read fires nothing. */
export function dueFirings(
  kpis: readonly KpiDefinition[],
  summaries: Record<string, KpiSummary>,
  series: Record<string, SeriesValues>,
  actions: readonly Action[],
): Firing[] {
  return kpis.flatMap((k) => {
    const summary = summaries[k.id];
    const values = series[k.id];
    if (!summary || !values || values.problem) return [];
    return firings(k, values.values, summary.statuses, summary.variation, actions);
  });
}

/** Whether a target range runs the other way from the values (a budget row for a column of values). */
export function crosswise(source: string | null | undefined, targetRange: string): boolean {
  if (!source || !targetRange) return false;
  try {
    return (parseAddress(source).colCount === 1) !== (parseAddress(targetRange).colCount === 1);
  } catch {
    return false;
  }
}

/** The top-left cell of a selection, where an inserted formula goes; null for an address without a sheet or not an address. */
export function firstCell(address: string): string | null {
  try {
    const a = parseAddress(address);
    return a.sheet === undefined ? null : qualified(a.sheet, { row: a.row, col: a.col, rowCount: 1, colCount: 1 });
  } catch {
    return null;
  }
}

/**
 * KPI.SPC as the card charts the KPI: the XmR chart's detail, or for a rate KPI its p, u, p′ or u′
 * chart with the denominators (rateFormulas.ts), its detail and every period's limits.
 */
function spcChoices(k: KpiDefinition, periods: number, summary: KpiSummary): FormulaChoice[] {
  const rate = summary.rate;
  if (!rate || !isRateKpi(k) || isSegmented(k))
    return [{ label: "Variation and assurance (SPC detail)", formula: spcFormula(k, summary.spcBaseline), size: { rows: 15, columns: 2 } }];
  const chart = `${rate.chart.replace("'", "′")} chart`;
  const charted = periods - Math.max(0, (k.spcFrom ?? 1) - 1);
  return [
    { label: `Variation and assurance (${chart} detail)`, formula: spcRateFormula(k, rate.chart, summary.spcBaseline), size: { rows: 15, columns: 2 } },
    {
      label: `Every period's point and limits (${chart}, for a line chart)`,
      formula: spcRateFormula(k, rate.chart, summary.spcBaseline, "limits"),
      size: { rows: charted + 1, columns: 6 },
    },
  ];
}

/** The live formulas behind the pane's answers about one KPI, each with the area its result spills into. */
export function formulaChoices(
  k: KpiDefinition,
  series: Record<string, SeriesValues>,
  summaries: Record<string, KpiSummary>,
  chains: readonly ChainEntry[],
): FormulaChoice[] {
  // A KPI across segments: its card's funnel and each segment's status (segmentView.ts); the one-series formulas would misread its block.
  if (isSegmented(k)) return segmentChoicesOf(k, series[k.id]?.segments, series[k.id]?.byPeriod);
  const periods = Math.max(1, series[k.id]?.values.length ?? 1);
  // A rate KPI's status and change are its rates' (rateFormulas.ts), as on its card.
  const judged = isRateKpi(k) ? ratesArgument(k) : undefined;
  const choices: FormulaChoice[] = [
    {
      label: "Status of every period (the last is the latest)",
      formula: statusFormula(k, crosswise(series[k.id]?.address, k.targetRange), judged),
      size: { rows: periods, columns: 1 },
    },
    { label: "Latest change (XmR detail)", formula: changeFormula(k, judged), size: { rows: 2, columns: 7 } },
    ...spcChoices(k, periods, summaries[k.id]),
  ];
  const chain = chains.find((c) => c.leading.id === k.id);
  // The month-end pack's formulas come last, so the earlier choices keep their places.
  const pack = monthEndChoices(k, periods, series[k.id]?.address ?? k.source);
  // An outcome across segments is chained by its totals (the card's); KPI_<ID> is its block, which
  // LEADLAG_CORR and LEAD_FORECAST would misread, and Excel 2021 has no one-formula row total.
  if (!chain || isSegmented(chain.lagging)) return [...choices, ...pack];
  const lengths = { leading: series[chain.leading.id]?.values.length ?? 0, lagging: series[chain.lagging.id]?.values.length ?? 0 };
  choices.push({
    label: `Lead-lag to ${chain.lagging.name} (best lag)`,
    formula: chainFormula(chain.leading, chain.lagging, lengths, chain.analysis.maxLag, chain.analysis.differenced),
    size: { rows: 1, columns: 4 },
  });
  if (chain.forecast && chain.analysis.best) {
    choices.push({
      label: `Forecast of ${chain.lagging.name} (80% interval)`,
      formula: forecastFormula(chain.leading, chain.lagging, lengths, chain.analysis.best.lag),
      size: { rows: chain.analysis.best.lag + 1, columns: 4 },
    });
  }
  return [...choices, ...pack];
}

/** A day as yyyy-mm-dd in the user's own time zone (not UTC: a review late in the evening is today's). */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
