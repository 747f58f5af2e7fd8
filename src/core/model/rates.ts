/**
 * Rate KPIs: a KPI whose values are counts (orders, defects, complaints) over a denominator range
 * (visits, units made, customers), read as a proportion (orders / visits) or a rate per N (defects
 * per 1,000 units). What the pane shows of such a KPI is the rate: its status, colours, roll-ups
 * and chart. The chart is KPI.SPC's p or u chart, or Laney's p′ or u′ when the data show more
 * between-period variation than the binomial (Poisson) model allows for the denominators:
 * chooseRateChart says which, and why.
 */
import { fail, ProblemError } from "../analysis/problem";
import { RateChart, rateChartSteps, RatePeriods, ratePeriodsSteps, RateResult } from "../analysis/spcRates";
import { SpcDirection } from "../analysis/spc";
import { runToEnd } from "../analysis/steps";
import { formatNumber } from "./numberText";

/** A rate KPI's definition fields (kpi.ts holds them, as optional third-wave fields). */
export interface RateFields {
  /** The range with one denominator per period, as a reference; "" for a KPI that is not a rate. */
  denominatorRange?: string;
  /** Null: a proportion (values are cases among the denominator's units); N: a rate per N units of exposure. */
  ratePer?: number | null;
}

export const isRateKpi = (k: RateFields): boolean => !!k.denominatorRange;

/** "proportion" (also "%" or "percent"), or "per 1000" ("per 1,000", "per 1k", "/1000"); null when it is neither. Empty is a proportion. */
export function rateAsOf(text: string): { per: number | null } | null {
  const t = text.trim().toLowerCase();
  if (t === "" || t === "proportion" || t === "%" || t === "percent" || t === "percentage") return { per: null };
  // N as people write it: a separator before each group of three digits is a thousands separator
  // in any locale ("per 1,000", "per 1.000", "per 1 000"); another comma or point is the decimal.
  const m = /^(?:per|\/)\s*(\d{1,3}(?:[.,\s\u00a0\u202f']\d{3})+|\d+(?:[.,]\d+)?)\s*(k|m)?$/.exec(t);
  if (!m) return null;
  const digits = /[.,\s\u00a0\u202f']\d{3}(?:[.,\s\u00a0\u202f']|$)/.test(m[1]) ? m[1].replace(/[.,\s\u00a0\u202f']/g, "") : m[1].replace(",", ".");
  const per = Number(digits) * (m[2] === "k" ? 1e3 : m[2] === "m" ? 1e6 : 1);
  return per > 0 && Number.isFinite(per) ? { per } : null;
}

/** The register's Rate as text: "proportion", or "per 1000". */
export function rateAsText(k: RateFields): string {
  if (!isRateKpi(k)) return "";
  return k.ratePer === null || k.ratePer === undefined ? "proportion" : `per ${k.ratePer}`;
}

/** Each period's rate: value / denominator (× N for a rate per N); null where either is missing or the denominator is not above 0 (KPI.SPC skips such a period). */
export function ratesOf(values: readonly (number | null)[], denominators: readonly (number | null)[], per: number | null = null): (number | null)[] {
  return values.map((v, i) => {
    const d = denominators[i];
    return v === null || d === null || d === undefined || !(d > 0) ? null : (v / d) * (per ?? 1);
  });
}

/**
 * How far above 1 Laney's σ_z may lie by chance alone. When the data are exactly binomial (Poisson),
 * the baseline's z-scores are independent standard normals and σ_z = MR̄ / 1.128 estimates 1; with k
 * moving ranges, MR̄ has variance (k·v + 2(k − 1)·c) / k², where v = Var|D| = 2(1 − 2/π) and c =
 * Cov(|D_j|, |D_{j+1}|) = (4/π)(√¾ + ½·asin ½) − 4/π for D_j = z_j − z_{j−1} (neighbouring
 * differences correlate −½; the absolute moments of the bivariate normal, as in Cryer & Ryan, "The
 * estimation of sigma for an X chart", J. Quality Technology 22(3), 1990). The threshold is the
 * one-sided 99% point of that sampling distribution (1 + 2.326 standard errors): above it the
 * overdispersion is real, not an accident of a short series.
 */
export function laneyThreshold(movingRanges: number): number {
  const k = movingRanges;
  const v = 2 * (1 - 2 / Math.PI);
  const c = (4 / Math.PI) * (Math.sqrt(0.75) + 0.5 * Math.asin(0.5)) - 4 / Math.PI;
  const sd = Math.sqrt(k * v + 2 * (k - 1) * c) / k / 1.128;
  return 1 + 2.326 * sd;
}

export interface RateChartChoice {
  chart: RateChart;
  /** The chart KPI.SPC gives with that chart, in per-unit terms (multiply by N for a rate per N). */
  result: RateResult;
  /** Laney's σ_z over the baseline (NaN when it could not be computed), and the threshold it was compared with. */
  sigmaZ: number;
  threshold: number;
  /** The used periods (KPI.SPC's), with their points y_i = value / denominator. */
  periods: RatePeriods;
  /** Why this chart: the sentence the card shows. */
  reason: string;
}

/**
 * The p or u chart, or Laney's p′ or u′ (Laney, "Improved control charts for attributes", Quality
 * Engineering 14(4), 2002, pp. 531–537). Laney's σ_z measures the between-period variation in
 * units of the binomial (Poisson) σ_i: with large denominators σ_i is tiny, every real
 * period-to-period wobble falls outside the plain limits, and σ_z is well above 1. The rule: p′
 * (u′) when σ_z is above laneyThreshold for the baseline's moving ranges, p (u) otherwise, so a
 * chart that does fit the model keeps its plain, narrower limits. `values`/`denominators` are the
 * KPI's periods (null gaps), `baseline` KPI.SPC's baseline. Throws ProblemError as KPI.SPC does.
 */
export function chooseRateChart(
  values: readonly (number | null)[],
  denominators: readonly (number | null)[],
  proportion: boolean,
  direction: SpcDirection,
  baseline?: number,
): RateChartChoice {
  const plain: RateChart = proportion ? "p" : "u";
  const prime: RateChart = proportion ? "p'" : "u'";
  const toArray = (xs: readonly (number | null)[]) => Float64Array.from(xs, (x) => (x === null || x === undefined ? NaN : x));
  if (values.length !== denominators.length) fail("value", `the denominators have ${denominators.length} periods and the values ${values.length}`);
  const periods = runToEnd(ratePeriodsSteps(toArray(values), toArray(denominators), plain));
  const b = baseline ?? periods.points.length;
  const threshold = laneyThreshold(Math.max(1, b - 1));
  let laney: RateResult | null = null;
  try {
    laney = runToEnd(rateChartSteps(periods, prime, direction, baseline));
  } catch (e) {
    // σ_z = 0 (every z the same): Laney's chart is undefined, and the plain one stands.
    if (!(e instanceof ProblemError) || e.problem.kind !== "div0") throw e;
  }
  const sigmaZ = laney ? laney.sigmaZ : NaN;
  const why = { sigmaZ, threshold, movingRanges: b - 1 };
  if (laney && sigmaZ > threshold) return { chart: prime, result: laney, sigmaZ, threshold, periods, reason: rateChartReason({ chart: prime, ...why }) };
  const result = runToEnd(rateChartSteps(periods, plain, direction, baseline));
  return { chart: plain, result, sigmaZ, threshold, periods, reason: rateChartReason({ chart: plain, ...why }) };
}

/**
 * Why this chart, the card's sentence, its σz and threshold in `locale` (numberText.ts): "σz 3,42,
 * above 1,41 for 11 moving ranges" for an analyst in Germany. `movingRanges`: the baseline's
 * points less one, what the threshold was computed for (laneyThreshold).
 */
export function rateChartReason(why: { chart: RateChart; sigmaZ: number; threshold: number; movingRanges: number }, locale = "en-US"): string {
  const { chart, sigmaZ, threshold, movingRanges } = why;
  const fmt = (n: number) => formatNumber(n, locale, 2);
  const proportion = chart === "p" || chart === "p'";
  const plain = proportion ? "p" : "u";
  const mark = proportion ? "p′" : "u′";
  const model = proportion ? "binomial" : "Poisson";
  const ranges = `${movingRanges} moving range${movingRanges === 1 ? "" : "s"}`;
  if (chart === "p'" || chart === "u'") {
    return `${mark} chart (Laney): the periods vary ${fmt(sigmaZ)} times as much as ${model} chance allows for their denominators (σz ${fmt(sigmaZ)}, above ${fmt(threshold)} for ${ranges}), so plain ${plain} limits would be too narrow.`;
  }
  return `${plain} chart: the periods vary as ${model} chance allows for their denominators (σz ${Number.isNaN(sigmaZ) ? "undefined" : fmt(sigmaZ)}, not above ${fmt(threshold)} for ${ranges}), so Laney's ${mark} is not needed.`;
}

/** The form's rate fields as typed: the denominator range and Rate as. */
export interface RateDraft {
  denominator?: string;
  rateAs?: string;
}

/**
 * Why a draft's rate fields cannot be saved, by field. `rangeOf` reads a range as kpi.ts's
 * targetRangeOf does (one row or column of two or more cells), passed in so this module needs
 * nothing of the form's.
 */
export function rateDraftErrors(draft: RateDraft, rangeOf: (text: string) => string | null): { denominator?: string; rateAs?: string } {
  const errors: { denominator?: string; rateAs?: string } = {};
  const range = (draft.denominator ?? "").trim();
  const as = (draft.rateAs ?? "").trim();
  if (range !== "" && rangeOf(range) === null)
    errors.denominator = `"${range}" is not one row or column of cells (e.g. Traffic!C2:C37): one denominator per period.`;
  if (as !== "" && rateAsOf(as) === null) errors.rateAs = `"${as}" is not a rate KPI Lens knows: "proportion", or "per 1000" (any number).`;
  else if (as !== "" && range === "") errors.rateAs = "A rate needs its denominators: give the Denominator range, or leave Rate as empty.";
  return errors;
}

/** The definition's rate fields from a valid draft. */
export function rateFieldsOfDraft(draft: RateDraft, rangeOf: (text: string) => string | null): Required<RateFields> {
  const range = rangeOf((draft.denominator ?? "").trim());
  return { denominatorRange: range ?? "", ratePer: range === null ? null : (rateAsOf(draft.rateAs ?? "")?.per ?? null) };
}

/** The form's text of a definition's rate fields. */
export function rateDraftOf(k: RateFields): Required<RateDraft> {
  return {
    denominator: (k.denominatorRange ?? "").replace(/\$/g, ""),
    rateAs: isRateKpi(k) && k.ratePer !== null && k.ratePer !== undefined ? `per ${k.ratePer}` : "",
  };
}
