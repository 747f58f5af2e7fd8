/**
 * The card's month-end numbers for a KPI with a target (issue 22, items 2 and 3): this period's
 * variance, the year to date against budget, the year's outlook in one sentence, and the periods
 * a reviewer should ask a note for ("explain": material and a special cause). Every number is
 * KPI.VARIANCE's or KPI.OUTLOOK's own core (variance.ts, outlook.ts), called with what the
 * insertable formulas (formulas.ts varianceFormula, ytdVarianceFormula, outlookFormula) pass the
 * functions, so the card and a cell agree.
 *
 * The financial year is the one holding the latest period: it starts in the KPI's Year starts in
 * month, counted from its First period (formulas.ts yearOffset), and its roll-up decides the year
 * to date: a sum over the year's periods with data, their mean, or the latest.
 */
import { memoByContent } from "./contentMemo";
import { KpiDefinition } from "./kpi";
import { formatFixed, formatNumber, formatPercent } from "./numberText";
import { periodLabel } from "./periods";
import { periodsPerYear, yearOffset } from "../excel/formulas";
import { outlook } from "../analysis/outlook";
import { Problem, ProblemError } from "../analysis/problem";
import { runToEnd } from "../analysis/steps";
import { isMaterial, Materiality, specialCausesSteps, VarianceLabel, varianceLabel, varianceShare } from "../analysis/variance";
import { isRateKpi, ratesOf } from "./rates";
import { windowRate } from "./rollup";

export interface VarianceFigures {
  actual: number;
  target: number;
  variance: number;
  /** variance / |target|; null when the target is 0. */
  percent: number | null;
  label: VarianceLabel;
  material: boolean;
  /** "+143.5 (+11.0%): favourable". */
  words: string;
}

export interface PeriodVariance extends VarianceFigures {
  /** 1-based period. */
  period: number;
}

export interface YearToDate extends VarianceFigures {
  /** The 1-based periods counted (those with a value and a target, from the year's start to the latest). */
  periods: number[];
}

export interface YearOutlook {
  landing: number;
  lower: number;
  upper: number;
  /** The year's target in the roll-up's terms. */
  target: number;
  probability: number;
  /** "lands at 16.9M, 80% between 16.2M and 17.6M, against a budget of 18.6M: 4% chance to meet it". */
  sentence: string;
}

export interface MonthEnd {
  /** The latest period with a value and a target. */
  period: PeriodVariance | null;
  /** The financial year's first period (1-based; below 1 when the year began before the KPI's first period), or null. */
  yearStart: number | null;
  ytd: YearToDate | null;
  outlook: YearOutlook | null;
  /** Why there is no outlook (or ""). */
  outlookReason: string;
  /** Periods whose KPI.VARIANCE "explain" is TRUE: material and a special cause; the note prompt and the health check list them. */
  explain: number[];
}

/** The KPI's materiality as KPI.VARIANCE takes it (materialityArgument in formulas.ts passes the same). */
export function materialityOfKpi(k: Pick<KpiDefinition, "materiality" | "materialityPercent">): Materiality {
  return { amount: k.materiality ?? null, share: k.materialityPercent === null || k.materialityPercent === undefined ? null : k.materialityPercent / 100 };
}

/** A figure as a pack prints it: 16.9M, 1,443.5, 2.67 (en-US); 16,9M, 1.443,5, 2,67 (de-DE). */
export function compact(n: number, locale = "en-US"): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${formatFixed(n / 1e9, locale, 1)}B`;
  if (a >= 1e6) return `${formatFixed(n / 1e6, locale, 1)}M`;
  if (a >= 1e5) return `${formatFixed(n / 1e3, locale, 0)}k`;
  return formatNumber(n, locale, a >= 100 ? 1 : 2);
}

/** A percentage of `digits` decimals the locale's way, rounded as toFixed rounds (so en-US reads as it always has). */
const percentText = (share: number, locale: string, digits: number) => formatPercent(Number((share * 100).toFixed(digits)) / 100, locale, digits);

/** A variance in words: "+143.5 (+11.0%): favourable" (en-US), "+143,5 (+11,0 %): favourable" (de-DE). */
export function varianceWords(f: Pick<VarianceFigures, "variance" | "percent" | "label">, locale = "en-US"): string {
  const sign = f.variance > 0 ? "+" : "";
  const pct = f.percent === null ? "" : ` (${sign}${percentText(f.percent, locale, 1)})`;
  return `${sign}${compact(f.variance, locale)}${pct}: ${f.label.toLowerCase()}`;
}

/** The year's outlook in one sentence: "lands at 16.9M, 80% between 16.2M and 17.6M, against a budget of 18.6M: 4% chance to meet it". */
export function outlookSentence(o: Pick<YearOutlook, "landing" | "lower" | "upper" | "target" | "probability">, locale = "en-US"): string {
  const p = o.probability;
  const chance = p < 0.01 ? `under ${percentText(0.01, locale, 0)}` : p > 0.99 ? `over ${percentText(0.99, locale, 0)}` : percentText(p, locale, 0);
  return `lands at ${compact(o.landing, locale)}, ${percentText(0.8, locale, 0)} between ${compact(o.lower, locale)} and ${compact(o.upper, locale)}, against a budget of ${compact(o.target, locale)}: ${chance} chance to meet it`;
}

function figures(actual: number, target: number, k: Pick<KpiDefinition, "direction" | "materiality" | "materialityPercent">): VarianceFigures {
  const variance = actual - target;
  const share = varianceShare(variance, target);
  const percent = share instanceof Problem ? null : share;
  const label = varianceLabel(variance, k.direction);
  return {
    actual,
    target,
    variance,
    percent,
    label,
    material: isMaterial(variance, target, materialityOfKpi(k)),
    words: varianceWords({ variance, percent, label }),
  };
}

/** Each period's target: the KPI's one number, or the period's own. */
function targetsOf(k: Pick<KpiDefinition, "target">, n: number, perPeriod: readonly (number | null)[] | null): (number | null)[] {
  return Array.from({ length: n }, (_, i) => (k.target !== null ? k.target : (perPeriod?.[i] ?? null)));
}

/** The financial year's first period for the latest period `latest` (1-based), as formulas.ts yearStartPosition computes it. */
export function yearStartOf(k: Pick<KpiDefinition, "firstPeriod" | "cadence" | "yearStart">, latest: number): number | null {
  const offset = yearOffset(k);
  const n = periodsPerYear(k.cadence);
  if (offset === null || n === null) return null;
  return latest - ((latest - 1 + offset) % n);
}

/** "explain" of every period with data, as KPI.VARIANCE(values, targets, direction, materiality, "explain") gives it. */
function explained(k: KpiDefinition, values: readonly (number | null)[], targets: readonly (number | null)[]): number[] {
  const periods: number[] = [];
  const variances: number[] = [];
  values.forEach((v, i) => {
    const t = targets[i];
    if (v !== null && t !== null) {
      periods.push(i + 1);
      variances.push(v - t);
    }
  });
  let flags: Uint8Array;
  try {
    flags = runToEnd(specialCausesSteps(Float64Array.from(variances)));
  } catch (e) {
    if (e instanceof ProblemError) return []; // fewer than 3 variances: nothing is unusual yet
    throw e;
  }
  const m = materialityOfKpi(k);
  return periods.filter((p, j) => flags[j] !== 0 && isMaterial(variances[j], targets[p - 1]!, m));
}

/** The periods from `from` (1 at the least) to `latest` with both a value and a target: a year to date's. */
function periodsWithTarget(values: readonly (number | null)[], targets: readonly (number | null)[], from: number, latest: number): number[] {
  const periods: number[] = [];
  for (let p = Math.max(1, from); p <= latest; p++) if (values[p - 1] !== null && targets[p - 1] !== null) periods.push(p);
  return periods;
}

function yearToDate(
  k: KpiDefinition,
  values: readonly (number | null)[],
  targets: readonly (number | null)[],
  start: number,
  latest: number,
): YearToDate | null {
  const periods = periodsWithTarget(values, targets, k.aggregation === "last" ? latest : start, latest);
  if (periods.length === 0) return null;
  let actual = 0;
  let target = 0;
  for (const p of periods) {
    actual += values[p - 1]!;
    target += targets[p - 1]!;
  }
  if (k.aggregation === "average") {
    actual /= periods.length;
    target /= periods.length;
  }
  return { ...figures(actual, target, k), periods };
}

/**
 * What is missing from the year's budget, in words, or "" when every period has one: a budget row
 * that stops before the year ends (formulas.ts outlookGaps says the same in the Scorecard's
 * cells), or a period of the year left blank in it. `t` is the year's budget, `length` the row's.
 */
function budgetGap(k: Pick<KpiDefinition, "firstPeriod" | "cadence">, t: readonly (number | null)[], start: number, length: number): string {
  const label = (p: number) => periodLabel(k.firstPeriod, k.cadence, p);
  const unit = k.cadence === "quarterly" ? "quarter" : "month";
  const end = start + t.length - 1;
  if (length < end) {
    const missing = length + 1 === end ? `${label(end)} has no budget` : `${label(length + 1)} to ${label(end)} have no budget`;
    return `the budget row stops at ${unit} ${length - start + 1} of ${t.length} of the year (${label(length)}): ${missing}`;
  }
  const blank = t.findIndex((x) => x === null);
  return blank < 0 ? "" : `the budget has no figure for ${label(start + blank)}, so the year has no target`;
}

function yearOutlook(k: KpiDefinition, values: readonly (number | null)[], perPeriod: readonly (number | null)[] | null, start: number): YearOutlook | string {
  const n = periodsPerYear(k.cadence)!;
  if (k.direction === "within") return "a KPI kept within a tolerance has no side of success to forecast";
  if (start < 1) return "its financial year began before its first period";
  const horizon = Float64Array.from({ length: n }, (_, i) => values[start - 1 + i] ?? NaN);
  let targets: Float64Array | null = null;
  let target: number;
  if (k.target !== null) target = k.aggregation === "sum" ? k.target * n : k.target;
  else {
    const t = Array.from({ length: n }, (_, i) => perPeriod?.[start - 1 + i] ?? null);
    const gap = budgetGap(k, t, start, perPeriod?.length ?? 0);
    if (gap) return gap;
    targets = Float64Array.from(t as number[]);
    const sum = targets.reduce((a, b) => a + b, 0);
    target = k.aggregation === "sum" ? sum : k.aggregation === "average" ? sum / n : targets[n - 1];
  }
  try {
    const r = outlook({ values: horizon, targets, target, direction: k.direction, method: "trend", rollup: k.aggregation, level: 0.8 });
    const probability = r.probability ?? 0;
    const figures = { landing: r.landing, lower: r.lower, upper: r.upper, target: r.target, probability };
    return { ...figures, sentence: outlookSentence(figures) };
  } catch (e) {
    if (e instanceof ProblemError) return e.problem.message;
    throw e;
  }
}

/**
 * A rate KPI's year to date: Σ counts / Σ denominators over the year's periods with a rate and a
 * target, against their targets weighed by the denominators (rollup.ts windowRate, as the card's
 * roll-up), whatever its Roll-up says: a rate never sums, and its mean would weigh a month of 40
 * visits as one of 40,000.
 */
function rateYearToDate(
  k: KpiDefinition,
  values: readonly (number | null)[],
  denominators: readonly (number | null)[],
  rates: readonly (number | null)[],
  targets: readonly (number | null)[],
  start: number,
  latest: number,
): YearToDate | null {
  const periods = periodsWithTarget(rates, targets, start, latest);
  if (periods.length === 0) return null;
  const { actual, target } = windowRate(values, denominators, targets, periods, k.ratePer ?? null);
  return { ...figures(actual, target!, k), periods };
}

/**
 * The month-end numbers of one KPI: `values` one per period (null for a gap), `perPeriodTargets`
 * its targets per period when it has a range of them (KpiSeries.targets), `denominators` a rate
 * KPI's: its numbers are then its rate's (value / denominator, × N), and it has no outlook
 * (KPI.OUTLOOK rolls up a sum, a mean or the last value, never a ratio of two sums).
 */
export function monthEnd(
  k: KpiDefinition,
  counts: readonly (number | null)[],
  perPeriodTargets: readonly (number | null)[] | null = null,
  denominators: readonly (number | null)[] | null = null,
): MonthEnd {
  const rated = isRateKpi(k) && denominators !== null;
  const values = rated ? ratesOf(counts, denominators, k.ratePer ?? null) : counts;
  const targets = targetsOf(k, values.length, perPeriodTargets);
  let latest = 0;
  for (let i = values.length - 1; i >= 0 && latest === 0; i--) if (values[i] !== null) latest = i + 1;
  const none: MonthEnd = { period: null, yearStart: null, ytd: null, outlook: null, outlookReason: "no value yet", explain: [] };
  if (latest === 0) return none;
  const t = targets[latest - 1];
  const period = t === null ? null : { ...figures(values[latest - 1]!, t, k), period: latest };
  const start = yearStartOf(k, latest);
  const explain = explained(k, values, targets);
  if (start === null) return { ...none, period, explain, outlookReason: "the financial year is unknown: set First period (monthly or quarterly KPIs)" };
  const forecast = rated ? "a rate's year is Σ counts / Σ denominators, which KPI.OUTLOOK does not forecast" : yearOutlook(k, values, perPeriodTargets, start);
  return {
    period,
    yearStart: start,
    ytd: rated ? rateYearToDate(k, counts, denominators, values, targets, start, latest) : yearToDate(k, values, targets, start, latest),
    outlook: typeof forecast === "string" ? null : forecast,
    outlookReason: typeof forecast === "string" ? forecast : "",
    explain,
  };
}

/**
 * monthEnd kept by the content of its arguments (contentMemo.ts): the pane's cards and a close's
 * forecasts ask the same KPI's figures at every refresh and close, and an unchanged KPI is not
 * computed again (300 KPIs' figures are a long task).
 */
export const monthEndKept: typeof monthEnd = memoByContent(monthEnd);
