/**
 * Lagged correlation of a leading indicator with an outcome: for each lag k, leading[t] is
 * paired with lagging[t + k], pairs with a gap on either side are dropped, and the pairs are
 * correlated (Pearson, or Spearman on average ranks) with a t-test of "no correlation".
 * Series use NaN for a missing period.
 */
import { Problem } from "./problem";
import { Correlation, correlationPValue, pearson } from "./stats/correlation";
import { pearsonByLag } from "./stats/laggedCorrelation";
import { ascendingOrder } from "./stats/ranks";
import { spearmanByLagComplete } from "./stats/laggedRanks";

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
  // The series are only read, so a typed array is used as it is.
  const asTyped = (v: ArrayLike<number>) => (v instanceof Float64Array ? v : Float64Array.from(v));
  const x = options.difference ? differences(leading) : asTyped(leading);
  const y = options.difference ? differences(lagging) : asTyped(lagging);
  if (options.method === "pearson") {
    return pearsonByLag(x, y, options.maxLag).map(({ lag, n, result }) => rowOf(lag, n, result));
  }
  if (!hasGap(x) && !hasGap(y)) {
    return spearmanByLagComplete(x, y, options.maxLag).map(({ lag, n, result }) => rowOf(lag, n, result));
  }
  const correlateLag = spearmanByLag(x, y);
  const rows: LagRow[] = [];
  for (let lag = 0; lag <= options.maxLag; lag++) rows.push(correlateLag(lag));
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

function rowFrom(lag: number, xs: Float64Array, ys: Float64Array, m: number): LagRow {
  return rowOf(lag, m, pearson(xs, ys, m));
}

/**
 * Spearman by lag when some periods are gaps, so the pairs kept differ from lag to lag. Each
 * series is sorted once; the ranks of a lag come from one walk over each sorted order that skips
 * the periods whose partner is a gap, instead of a new sort.
 */
function spearmanByLag(x: Float64Array, y: Float64Array): LagCorrelator {
  const n = Math.min(x.length, y.length);
  const xOrder = ascendingOrder(x.map((v) => (v === v ? v : Infinity)));
  const yOrder = ascendingOrder(y.map((v) => (v === v ? v : Infinity)));
  const xRanks = new Float64Array(n);
  const yRanks = new Float64Array(n);
  const kept = new Uint8Array(n);
  const keptY = new Uint8Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  return (lag) => {
    const pairs = Math.max(0, n - lag);
    kept.fill(0);
    keptY.fill(0);
    for (let i = 0; i < pairs; i++) {
      if (x[i] === x[i] && y[i + lag] === y[i + lag]) {
        kept[i] = 1;
        keptY[i + lag] = 1;
      }
    }
    rankKept(x, xOrder, kept, xRanks);
    rankKept(y, yOrder, keptY, yRanks);
    let m = 0;
    for (let i = 0; i < pairs; i++) {
      if (kept[i] === 1) {
        xs[m] = xRanks[i];
        ys[m] = yRanks[i + lag];
        m++;
      }
    }
    return rowFrom(lag, xs, ys, m);
  };
}

/** Average ranks among the kept elements (keep[index] = 1), walking the sorted order once. */
function rankKept(values: Float64Array, order: Uint32Array, keep: Uint8Array, ranks: Float64Array): void {
  let rank = 0;
  let runStart = 0;
  let runValue = NaN;
  let runCount = 0;
  for (let p = 0; p <= order.length; p++) {
    const index = p < order.length ? order[p] : -1;
    if (index >= 0 && keep[index] === 0) continue;
    const v = index >= 0 ? values[index] : NaN;
    if (v !== runValue || index < 0) {
      // Close the run of equal values: every kept member gets the run's average rank.
      if (runCount > 0) {
        const average = rank + (runCount + 1) / 2;
        for (let q = runStart; q < p; q++) if (keep[order[q]] === 1) ranks[order[q]] = average;
        rank += runCount;
      }
      runStart = p;
      runValue = v;
      runCount = 0;
    }
    runCount++;
  }
}
