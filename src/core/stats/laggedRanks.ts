/**
 * Spearman correlation at every lag of two complete series (no gaps). The ranks of x over
 * [0, n − k) and of y over [k, n) change by one element per lag: removing a value lowers by 1 the
 * rank of every larger value and by ½ the ranks of its ties. So both series are ranked once
 * (one sort each) and each lag costs one pass that uses the ranks and updates them for the next.
 */
import { Correlation, pearson } from "./correlation";
import { averageRanks, averageRanksSteps } from "./ranks";
import { Problem } from "../problem";
import { Steps } from "../steps";
import { LagResult } from "./laggedCorrelation";

const NEAR_PERFECT = 0.9;

export function* spearmanByLagCompleteSteps(x: Float64Array, y: Float64Array, maxLag: number): Steps<LagResult[]> {
  const n = Math.min(x.length, y.length);
  const rx = (yield* averageRanksSteps(x.subarray(0, n))).ranks;
  yield;
  const ry = (yield* averageRanksSteps(y.subarray(0, n))).ranks;
  const rows: LagResult[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    yield;
    const m = Math.max(0, n - lag);
    if (m < 3) {
      rows.push({ lag, n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) });
      continue;
    }
    // The values that leave before the next lag.
    const leavingX = x[m - 1];
    const leavingY = y[lag];
    let sx = 0;
    let sxx = 0;
    let sy = 0;
    let syy = 0;
    let sxy = 0;
    for (let i = 0; i < m; i++) {
      const a = rx[i];
      const b = ry[i + lag];
      sx += a;
      sxx += a * a;
      sy += b;
      syy += b * b;
      sxy += a * b;
      const xi = x[i];
      if (xi > leavingX) rx[i] = a - 1;
      else if (xi === leavingX) rx[i] = a - 0.5;
      const yj = y[i + lag];
      if (yj > leavingY) ry[i + lag] = b - 1;
      else if (yj === leavingY) ry[i + lag] = b - 0.5;
    }
    const cxx = sxx - (sx * sx) / m;
    const cyy = syy - (sy * sy) / m;
    const cxy = sxy - (sx * sy) / m;
    if (!(cxx > 0) || !(cyy > 0)) {
      rows.push({ lag, n: m, result: new Problem("div0", "one of the series is constant, so r is undefined") });
      continue;
    }
    const r = cxy / (Math.sqrt(cxx) * Math.sqrt(cyy));
    // Ranks are exact (multiples of ½), so the sums are too, but near |r| = 1 the exact routine
    // recomputes 1 − r² from residuals; it needs this lag's ranks, taken before the update.
    if (Math.abs(r) > NEAR_PERFECT) rows.push({ lag, n: m, result: exactRanks(x, y, lag, m) });
    else rows.push({ lag, n: m, result: { r, oneMinusR2: 1 - r * r, n: m } });
  }
  return rows;
}

function exactRanks(x: Float64Array, y: Float64Array, lag: number, m: number): Correlation | Problem {
  const a = averageRanks(x.subarray(0, m)).ranks;
  const b = averageRanks(y.subarray(lag, lag + m)).ranks;
  return pearson(a, b, m);
}
