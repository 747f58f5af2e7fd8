/**
 * Lagged correlation of a leading indicator with an outcome: for each lag k, leading[t] is
 * paired with lagging[t + k], pairs with a gap on either side are dropped, and the pairs are
 * correlated (Pearson, or Spearman on average ranks) with a t-test of "no correlation".
 * Series use NaN for a missing period.
 */
import { chunked, runToEnd, Steps } from "./steps";
import { dividedSteps, powerOfTwoScaleSteps } from "../stats/scale";
import { Problem } from "./problem";
import { Correlation, correlationPValue } from "../stats/correlation";
import { pearsonByLagSteps } from "../stats/laggedCorrelation";
import { spearmanByLagGapsSteps } from "../stats/laggedRanksGaps";

export type CorrelationMethod = "pearson" | "spearman";

export interface LeadLagOptions {
  maxLag: number;
  method: CorrelationMethod;
  /** Correlate period-over-period differences instead of levels. */
  difference: boolean;
  /** The caller hands over its typed arrays: they may be scaled in place (a full column saves 16 MB). */
  ownsInputs?: boolean;
}

export interface LagRow {
  lag: number;
  r: number | Problem;
  p: number | Problem;
  /** Pairs used. */
  n: number;
}

export interface BestLag {
  lag: number;
  r: number;
  /** Bonferroni-adjusted for the number of lags that had a valid r. */
  pAdjusted: number;
  n: number;
  lagsTested: number;
}

/** Period-over-period differences; a difference that touches a gap is a gap. */
export function differences(series: ArrayLike<number>): Float64Array {
  return runToEnd(differencesSteps(series));
}

/** differences in steps of a chunk of a full column each. */
export function* differencesSteps(series: ArrayLike<number>): Steps<Float64Array> {
  const out = new Float64Array(Math.max(0, series.length - 1));
  yield* chunked(out.length, (from, to) => {
    for (let i = from; i < to; i++) out[i] = series[i + 1] - series[i];
  });
  return out;
}

export function leadLag(leading: ArrayLike<number>, lagging: ArrayLike<number>, options: LeadLagOptions): LagRow[] {
  return runToEnd(leadLagSteps(leading, lagging, options));
}

/** leadLag in steps (core/analysis/steps.ts): one per lag, and one after each sort. */
export function* leadLagSteps(leading: ArrayLike<number>, lagging: ArrayLike<number>, options: LeadLagOptions): Steps<LagRow[]> {
  // The series are only read, so a typed array is used as it is.
  // Each series scaled near 1 first (stats/scale.ts): r is scale-free, and neither the
  // differences nor the sums of squares can then overflow or underflow.
  function* asTyped(v: ArrayLike<number>): Steps<Float64Array> {
    const scale = yield* powerOfTwoScaleSteps(v);
    yield;
    if (scale !== 1 && options.ownsInputs && v instanceof Float64Array) return yield* dividedSteps(v, scale, v);
    return scale !== 1 ? yield* dividedSteps(v, scale) : v instanceof Float64Array ? v : Float64Array.from(v);
  }
  const scaledX = yield* asTyped(leading);
  yield;
  const x = options.difference ? yield* differencesSteps(scaledX) : scaledX;
  yield;
  const scaledY = yield* asTyped(lagging);
  yield;
  const y = options.difference ? yield* differencesSteps(scaledY) : scaledY;
  yield;
  if (options.method === "pearson") {
    // Arrays of our own (scaled or differenced copies, or the caller's handed over) may be reused.
    const handedOver = options.ownsInputs === true;
    const reuse = (x !== leading || handedOver) && (y !== lagging || handedOver);
    return (yield* pearsonByLagSteps(x, y, options.maxLag, reuse)).map(({ lag, n, result }) => rowOf(lag, n, result));
  }
  // With or without gaps (without, a lag leaves out only the values past its windows): measured on a
  // full column without gaps, 52 lags, it took 1.0–1.1 s of CPU where the former pass for complete
  // series, which moved every rank by one value a lag, took 1.3–1.5 s, and its sums are exact.
  return (yield* spearmanByLagGapsSteps(x, y, options.maxLag)).map(({ lag, n, result }) => rowOf(lag, n, result));
}

/** The lag with the largest |r| (the smallest lag on a tie), or a Problem when none has an r. */
export function bestLag(rows: LagRow[]): BestLag | Problem {
  let best: LagRow | undefined;
  let valid = 0;
  for (const row of rows) {
    if (typeof row.r !== "number") continue;
    valid++;
    if (best === undefined || Math.abs(row.r) > Math.abs(best.r as number)) best = row;
  }
  if (best === undefined) return new Problem("na", "no lag has at least 3 pairs of numbers with variation on both sides");
  return {
    lag: best.lag,
    r: best.r as number,
    pAdjusted: Math.min(1, (best.p as number) * valid),
    n: best.n,
    lagsTested: valid,
  };
}

function rowOf(lag: number, n: number, c: Correlation | Problem): LagRow {
  if (c instanceof Problem) return { lag, r: c, p: c, n };
  return { lag, r: c.r, p: correlationPValue(c), n };
}
