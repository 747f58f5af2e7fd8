/**
 * Spearman correlation at every lag of two complete series (no gaps). The ranks of x over
 * [0, n − k) and of y over [k, n) change by one element per lag: removing a value lowers by 1 the
 * rank of every larger value and by ½ the ranks of its ties. So both series are ranked once
 * (one sort each) and each lag costs one pass that uses the ranks and updates them for the next.
 */
import { pearson } from "./correlation";
import { averageRanksSteps } from "./ranks";
import { Problem } from "../analysis/problem";
import { FIRST_CHUNK, rampUp, Steps } from "../analysis/steps";
import { LagResult } from "./laggedCorrelation";

const NEAR_PERFECT = 0.9;
/** Periods of a lag's pass per step: small enough that a pass V8 has not optimised yet (the first call) still ends in a few tens of milliseconds. */
const LAG_CHUNK = 1 << 16;

/**
 * Pairs [from, to) of lag `lag`: adds their ranks' sums into `sums` (Σx, Σx², Σy, Σy², Σxy),
 * keeps this lag's ranks for the exact routine, and moves the ranks on to the next lag (the
 * values x[m − 1] and y[lag] leave). A plain function: V8 optimises loops in generators less well.
 */
function lagPass(x: Float64Array, y: Float64Array, rx: Float64Array, ry: Float64Array, ranksA: Float64Array, ranksB: Float64Array, lag: number, m: number, from: number, to: number, sums: Float64Array): void {
  const leavingX = x[m - 1];
  const leavingY = y[lag];
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = from; i < to; i++) {
    const a = rx[i];
    const b = ry[i + lag];
    ranksA[i] = a;
    ranksB[i] = b;
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
  sums[0] += sx;
  sums[1] += sxx;
  sums[2] += sy;
  sums[3] += syy;
  sums[4] += sxy;
}

export function* spearmanByLagCompleteSteps(x: Float64Array, y: Float64Array, maxLag: number): Steps<LagResult[]> {
  const n = Math.min(x.length, y.length);
  const rx = (yield* averageRanksSteps(x.subarray(0, n))).ranks;
  yield;
  const ry = (yield* averageRanksSteps(y.subarray(0, n))).ranks;
  const rows: LagResult[] = [];
  // Each lag's ranks, kept (before the update) for the exact routine when |r| is near 1.
  const ranksA = new Float64Array(n);
  const ranksB = new Float64Array(n);
  const sums = new Float64Array(5);
  for (let lag = 0; lag <= maxLag; lag++) {
    yield;
    const m = Math.max(0, n - lag);
    if (m < 3) {
      rows.push({ lag, n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) });
      continue;
    }
    // A full column's lag in sixteenths, a step each: no step holds the thread for a whole lag.
    sums.fill(0);
    for (let from = 0, size = FIRST_CHUNK; from < m; from += size, size = rampUp(size, LAG_CHUNK)) {
      if (from > 0) yield;
      lagPass(x, y, rx, ry, ranksA, ranksB, lag, m, from, Math.min(m, from + size), sums);
    }
    const [sx, sxx, sy, syy, sxy] = sums;
    const cxx = sxx - (sx * sx) / m;
    const cyy = syy - (sy * sy) / m;
    const cxy = sxy - (sx * sy) / m;
    if (!(cxx > 0) || !(cyy > 0)) {
      rows.push({ lag, n: m, result: new Problem("div0", "one of the series is constant, so r is undefined") });
      continue;
    }
    const r = cxy / (Math.sqrt(cxx) * Math.sqrt(cyy));
    // Near |r| = 1 the exact routine recomputes 1 − r² from residuals, from this lag's ranks
    // (kept above, before the update).
    if (Math.abs(r) > NEAR_PERFECT) rows.push({ lag, n: m, result: pearson(ranksA, ranksB, m) });
    else rows.push({ lag, n: m, result: { r, oneMinusR2: 1 - r * r, n: m } });
  }
  return rows;
}
