/**
 * Lagged correlation of a leading indicator with an outcome: for each lag k, leading[t] is
 * paired with lagging[t + k], pairs with a gap on either side are dropped, and the pairs are
 * correlated (Pearson, or Spearman on average ranks) with a t-test of "no correlation".
 * Series use NaN for a missing period.
 */
import { runToEnd, Steps } from "./steps";
import { divided, powerOfTwoScale } from "./stats/scale";
import { Problem } from "./problem";
import { Correlation, correlationPValue, pearson } from "./stats/correlation";
import { pearsonByLagSteps } from "./stats/laggedCorrelation";
import { ascendingOrderSteps } from "./stats/ranks";
import { spearmanByLagCompleteSteps } from "./stats/laggedRanks";

export type CorrelationMethod = "pearson" | "spearman";

export interface LeadLagOptions {
  maxLag: number;
  method: CorrelationMethod;
  /** Correlate period-over-period differences instead of levels. */
  difference: boolean;
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
  const out = new Float64Array(Math.max(0, series.length - 1));
  for (let i = 1; i < series.length; i++) out[i - 1] = series[i] - series[i - 1];
  return out;
}

export function leadLag(leading: ArrayLike<number>, lagging: ArrayLike<number>, options: LeadLagOptions): LagRow[] {
  return runToEnd(leadLagSteps(leading, lagging, options));
}

/** leadLag in steps (core/steps.ts): one per lag, and one after each sort. */
export function* leadLagSteps(leading: ArrayLike<number>, lagging: ArrayLike<number>, options: LeadLagOptions): Steps<LagRow[]> {
  // The series are only read, so a typed array is used as it is.
  // Each series scaled near 1 first (stats/scale.ts): r is scale-free, and neither the
  // differences nor the sums of squares can then overflow or underflow.
  const asTyped = (v: ArrayLike<number>) => {
    const scale = powerOfTwoScale(v);
    return scale !== 1 ? divided(v, scale) : v instanceof Float64Array ? v : Float64Array.from(v);
  };
  const x = options.difference ? differences(asTyped(leading)) : asTyped(leading);
  yield;
  const y = options.difference ? differences(asTyped(lagging)) : asTyped(lagging);
  yield;
  if (options.method === "pearson") {
    return (yield* pearsonByLagSteps(x, y, options.maxLag)).map(({ lag, n, result }) => rowOf(lag, n, result));
  }
  if (!hasGap(x) && !hasGap(y)) {
    return (yield* spearmanByLagCompleteSteps(x, y, options.maxLag)).map(({ lag, n, result }) => rowOf(lag, n, result));
  }
  yield;
  const correlateLag = yield* spearmanByLag(x, y);
  const rows: LagRow[] = [];
  for (let lag = 0; lag <= options.maxLag; lag++) {
    yield;
    rows.push(correlateLag(lag));
  }
  return rows;
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

type LagCorrelator = (lag: number) => LagRow;

function hasGap(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  return false;
}

function rowOf(lag: number, n: number, c: Correlation | Problem): LagRow {
  if (c instanceof Problem) return { lag, r: c, p: c, n };
  return { lag, r: c.r, p: correlationPValue(c), n };
}


/**
 * Spearman by lag when some periods are gaps, so the pairs kept differ from lag to lag. Each
 * series is sorted once; the ranks of a lag come from one walk over each sorted order that
 * skips the periods whose partner is a gap, instead of a new sort. The walk also yields the
 * sums of the ranks and of their squares, so one more pass (the cross products) gives r. A lag
 * with |r| near 1 is recomputed by the exact routine, for 1 − r².
 */
function* spearmanByLag(x: Float64Array, y: Float64Array): Steps<LagCorrelator> {
  const n = Math.min(x.length, y.length);
  const xs = yield* sortedWithOrder(x.subarray(0, n));
  yield;
  const ys = yield* sortedWithOrder(y.subarray(0, n));
  // stamp[i] === lag marks the periods kept at this lag: no clearing between lags.
  const stampX = new Int32Array(n).fill(-1);
  const stampY = new Int32Array(n).fill(-1);
  const xRanks = new Float64Array(n);
  const yRanks = new Float64Array(n);
  return (lag) => {
    const pairs = Math.max(0, n - lag);
    let m = 0;
    for (let i = 0; i < pairs; i++) {
      if (x[i] === x[i] && y[i + lag] === y[i + lag]) {
        stampX[i] = lag;
        stampY[i + lag] = lag;
        m++;
      }
    }
    if (m < 3) return rowOf(lag, m, new Problem("na", `needs at least 3 pairs of numbers, got ${m}`));
    const rx = rankStamped(xs.values, xs.order, stampX, lag, xRanks);
    const ry = rankStamped(ys.values, ys.order, stampY, lag, yRanks);
    if (rx.distinct < 2 || ry.distinct < 2) return rowOf(lag, m, new Problem("div0", "one of the series is constant, so r is undefined"));
    let sxy = 0;
    for (let i = 0; i < pairs; i++) if (stampX[i] === lag) sxy += xRanks[i] * yRanks[i + lag];
    const cxx = rx.squares - (rx.sum * rx.sum) / m;
    const cyy = ry.squares - (ry.sum * ry.sum) / m;
    const r = (sxy - (rx.sum * ry.sum) / m) / (Math.sqrt(cxx) * Math.sqrt(cyy));
    if (Math.abs(r) <= 0.9) return rowOf(lag, m, { r, oneMinusR2: 1 - r * r, n: m });
    const a = new Float64Array(m);
    const b = new Float64Array(m);
    let k = 0;
    for (let i = 0; i < pairs; i++) {
      if (stampX[i] === lag) {
        a[k] = xRanks[i];
        b[k] = yRanks[i + lag];
        k++;
      }
    }
    return rowOf(lag, m, pearson(a, b, m));
  };
}

/** The values in ascending order (gaps last), with the index each came from. */
function* sortedWithOrder(v: Float64Array): Steps<{ values: Float64Array; order: Uint32Array }> {
  const order = yield* ascendingOrderSteps(v.map((a) => (a === a ? a : Infinity)));
  const values = new Float64Array(v.length);
  for (let p = 0; p < order.length; p++) values[p] = v[order[p]];
  return { values, order };
}

/** Average ranks of the stamped elements, from one walk of the sorted order; their sums too. */
function rankStamped(sorted: Float64Array, order: Uint32Array, stamp: Int32Array, lag: number, ranks: Float64Array): { sum: number; squares: number; distinct: number } {
  const n = order.length;
  let rank = 0;
  let sum = 0;
  let squares = 0;
  let distinct = 0;
  let p = 0;
  while (p < n) {
    if (stamp[order[p]] !== lag) {
      p++;
      continue;
    }
    const v = sorted[p];
    let end = p + 1;
    let count = 1;
    while (end < n && sorted[end] === v) {
      if (stamp[order[end]] === lag) count++;
      end++;
    }
    const average = rank + (count + 1) / 2;
    for (let q = p; q < end; q++) if (stamp[order[q]] === lag) ranks[order[q]] = average;
    sum += average * count;
    squares += average * average * count;
    distinct++;
    rank += count;
    p = end;
  }
  return { sum, squares, distinct };
}
