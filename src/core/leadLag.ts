/**
 * Lagged correlation of a leading indicator with an outcome: for each lag k, leading[t] is
 * paired with lagging[t + k], pairs with a gap on either side are dropped, and the pairs are
 * correlated (Pearson, or Spearman on average ranks) with a t-test of "no correlation".
 * Series use NaN for a missing period.
 */
import { Problem } from "./problem";
import { correlationPValue, pearson } from "./stats/correlation";
import { ascendingOrder, assignAverageRanks } from "./stats/ranks";

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
  const x = options.difference ? differences(leading) : Float64Array.from(leading);
  const y = options.difference ? differences(lagging) : Float64Array.from(lagging);
  const correlateLag = options.method === "spearman" ? spearmanByLag(x, y) : pearsonByLag(x, y);
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

function rowFrom(lag: number, xs: Float64Array, ys: Float64Array, m: number): LagRow {
  const c = pearson(xs, ys, m);
  if (c instanceof Problem) return { lag, r: c, p: c, n: m };
  return { lag, r: c.r, p: correlationPValue(c), n: m };
}

function pearsonByLag(x: Float64Array, y: Float64Array): LagCorrelator {
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(x.length);
  return (lag) => {
    let m = 0;
    for (let i = 0; i + lag < y.length && i < x.length; i++) {
      const a = x[i];
      const b = y[i + lag];
      if (a === a && b === b) {
        xs[m] = a;
        ys[m] = b;
        m++;
      }
    }
    return rowFrom(lag, xs, ys, m);
  };
}

/**
 * Spearman by lag. Each series is sorted once; a lag only changes which of its periods take
 * part, so ranks for a lag come from one walk over the sorted order instead of a new sort.
 */
function spearmanByLag(x: Float64Array, y: Float64Array): LagCorrelator {
  const xOrder = ascendingOrder(x.map((v) => (v === v ? v : Infinity)));
  const yOrder = ascendingOrder(y.map((v) => (v === v ? v : Infinity)));
  const xRanks = new Float64Array(x.length);
  const yRanks = new Float64Array(y.length);
  const xs = new Float64Array(x.length);
  const ys = new Float64Array(x.length);
  return (lag) => {
    const pairs = Math.max(0, Math.min(x.length, y.length - lag));
    const keepX = (i: number) => i < pairs && x[i] === x[i] && y[i + lag] === y[i + lag];
    const keepY = (j: number) => j >= lag && j - lag < pairs && y[j] === y[j] && x[j - lag] === x[j - lag];
    assignAverageRanks(x, xOrder, keepX, xRanks);
    assignAverageRanks(y, yOrder, keepY, yRanks);
    let m = 0;
    for (let i = 0; i < pairs; i++) {
      if (keepX(i)) {
        xs[m] = xRanks[i];
        ys[m] = yRanks[i + lag];
        m++;
      }
    }
    return rowFrom(lag, xs, ys, m);
  };
}
