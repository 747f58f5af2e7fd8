/**
 * Spearman correlation at every lag when the series have gaps, so the pairs kept change from
 * lag to lag. The average rank of x[i] among the pairs of lag k is its rank among all of x's
 * numbers, less the values that lag leaves out that lie below it (ties count ½): the values
 * past x's window [0, n − k) and the partners of y's gaps; the same for y with its window
 * [k, n) and x's gaps. Each series is sorted once; the left-out values, at most gaps + k of
 * them, are marked in a bit table over the sorted places once per lag, so each period's rank is
 * a look-up and a population count. A lag is one sequential pass that only reads (14 ms on a
 * full column here, against 70 ms for re-ranking each lag by walking the sorted order). Exact:
 * twice a rank is a whole number, and a lag with |r| near 1 is recomputed from its ranks by the
 * two-pass routine.
 */
import { Correlation, pearson } from "./correlation";
import { ascendingSortSteps } from "./ranks";
import { Problem } from "../analysis/problem";
import { Steps } from "../analysis/steps";
import { LagResult } from "./laggedCorrelation";

const NEAR_PERFECT = 0.9;
/** Positions of the sorted order per block of the excluded-values table. */

/** One series' ranking: each number's tie group [lo, hi) in the sorted order of its numbers, and its ranks. */
/** Marks a tie group's start in `lo` when the group holds more than one value (the place is lo & PLACE). */
const TIE = 1 << 30;
const PLACE = TIE - 1;

interface Ranked {
  /** Each number's tie group start in the sorted order, with the TIE bit when it has ties. */
  lo: Int32Array;
  hi: Int32Array;
  /** Each number's own place in the sorted order (unique; its tie group is [lo, hi)). */
  pos: Int32Array;
  /** Twice the average rank (1-based, so a whole number) among all the series' numbers; −1 at gaps. */
  base: Int32Array;
  gaps: Int32Array;
  count: number;
}

/** Elements handled between two steps in the linear passes. */
const CHUNK = 1 << 16;

function* rankOnce(v: Float64Array, n: number, scratch: { order: Uint32Array; keys: Float64Array }): Steps<Ranked> {
  // Gaps sort last (as +Infinity), past the `count` numbers. Both series sort in the same buffers.
  const { order, keys } = yield* ascendingSortSteps(v.subarray(0, n), true, scratch);
  yield;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const pos = new Int32Array(n);
  const base = new Int32Array(n).fill(-1);
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) if (v[i] !== v[i]) gaps.push(i);
  const count = n - gaps.length;
  // Each value's place, a chunk a step (a scattered write: a full column at once held the thread for tens of ms).
  for (let from = 0; from < n; from += CHUNK) {
    yield;
    placeChunk(order, pos, from, Math.min(n, from + CHUNK));
  }
  // Tie groups of the sorted numbers, a slice at a time (a group never splits across slices).
  let p = 0;
  while (p < count) {
    yield;
    p = groupTies(keys, order, p, Math.min(count, p + CHUNK), count, lo, hi, base);
  }
  return { lo, hi, pos, base, gaps: Int32Array.from(gaps), count };
}

function placeChunk(order: Uint32Array, pos: Int32Array, from: number, to: number): void {
  for (let p = from; p < to; p++) pos[order[p]] = p;
}

/**
 * The tie groups starting in [from, until) of the sorted values: each number's group start (with
 * the TIE bit for a group of several), end and average rank. Returns where the next group starts.
 */
function groupTies(keys: Float64Array, order: Uint32Array, from: number, until: number, count: number, lo: Int32Array, hi: Int32Array, base: Int32Array): number {
  let p = from;
  while (p < until) {
    const value = keys[p];
    let end = p + 1;
    while (end < count && keys[end] === value) end++;
    const tied = end - p > 1 ? TIE : 0;
    for (let q = p; q < end; q++) {
      const i = order[q];
      lo[i] = p | tied;
      hi[i] = end;
      base[i] = p + end + 1;
    }
    p = end;
  }
  return p;
}

/**
 * The excluded values of one lag, by their (unique) places in the sorted order: a bit per place
 * in 32-bit words, and the count of set bits before each word, so the count below any place
 * is one table look-up and a population count, with no branch to mispredict. The tables are a
 * few hundred kilobytes for a full column: they stay in the processor's cache.
 */
class Excluded {
  readonly bits: Int32Array;
  readonly before: Int32Array;
  private readonly set: Int32Array;
  size = 0;

  constructor(positions: number, capacity: number) {
    this.bits = new Int32Array((positions >> 5) + 1);
    this.before = new Int32Array((positions >> 5) + 2);
    this.set = new Int32Array(Math.max(1, capacity));
  }

  fill(places: Int32Array, count: number): void {
    const { bits, before, set } = this;
    for (let e = 0; e < this.size; e++) bits[set[e] >> 5] = 0;
    for (let e = 0; e < count; e++) {
      const p = places[e];
      set[e] = p;
      bits[p >> 5] |= 1 << (p & 31);
    }
    this.size = count;
    let total = 0;
    for (let w = 0; w < bits.length; w++) {
      before[w] = total;
      total += popcount(bits[w]);
    }
    before[bits.length] = total;
  }
}

function popcount(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** #{excluded places < p}. */
function countBelow(bits: Int32Array, before: Int32Array, p: number): number {
  const w = p >> 5;
  // (1 << 0) − 1 = 0 keeps no bit; the word's bits below p otherwise.
  return before[w] + popcount(bits[w] & ((1 << (p & 31)) - 1));
}

let primed = false;

/**
 * Runs the method once on a tiny series with ties and gaps on both sides, so that V8 has seen
 * every branch of the per-lag loop before it compiles it for a long series: a branch first
 * taken at lag 1 would otherwise send the optimised loop back to the interpreter mid-column
 * (a "deopt" costs a full column's pass at interpreter speed, measured: lags of 30 ms instead
 * of 12 ms on a first call).
 */
function prime(): void {
  if (primed) return;
  primed = true;
  const x = Float64Array.from({ length: 64 }, (_, i) => (i % 11 === 3 ? NaN : (i * 7) % 13));
  const y = Float64Array.from({ length: 64 }, (_, i) => (i % 7 === 5 ? NaN : (i * 5) % 9));
  const steps = spearmanByLagGapsSteps(x, y, 4);
  while (!steps.next().done);
}

export function* spearmanByLagGapsSteps(x: Float64Array, y: Float64Array, maxLag: number): Steps<LagResult[]> {
  prime();
  const n = Math.min(x.length, y.length);
  const scratch = { order: new Uint32Array(n), keys: new Float64Array(n) };
  const rx = yield* rankOnce(x, n, scratch);
  yield;
  const ry = yield* rankOnce(y, n, scratch);
  yield;
  const most = Math.min(maxLag, n);
  const excludedX = new Excluded(Math.max(1, rx.count), ry.gaps.length + most);
  const excludedY = new Excluded(Math.max(1, ry.count), rx.gaps.length + most);
  const placesX = new Int32Array(Math.max(1, ry.gaps.length + most));
  const placesY = new Int32Array(Math.max(1, rx.gaps.length + most));
  // One accumulator for every lag (each lag's pass fills it in steps).
  const sums: Sums = { m: 0, sx: 0, sxx: 0, sy: 0, syy: 0, sxy: 0, minX: 0, maxX: 0, minY: 0, maxY: 0 };
  const rows: LagResult[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    if (lag > 0) yield;
    const pairs = Math.max(0, n - lag);
    // x's excluded values: the partners of y's gaps, and the values past x's window [0, n − lag);
    // y's: the partners of x's gaps, and the values before y's window [lag, n).
    let ex = 0;
    for (const j of ry.gaps) if (j >= lag && rx.base[j - lag] >= 0) placesX[ex++] = rx.pos[j - lag];
    for (let i = Math.max(0, n - lag); i < n; i++) if (rx.base[i] >= 0) placesX[ex++] = rx.pos[i];
    let ey = 0;
    for (const i of rx.gaps) if (i < pairs && ry.base[i + lag] >= 0) placesY[ey++] = ry.pos[i + lag];
    for (let j = 0; j < Math.min(lag, n); j++) if (ry.base[j] >= 0) placesY[ey++] = ry.pos[j];
    excludedX.fill(placesX, ex);
    excludedY.fill(placesY, ey);
    // A full column's lag is several steps, so no step holds the thread for a whole lag.
    restart(sums);
    for (let from = 0; from < pairs; from += STEP_PERIODS) {
      if (from > 0) yield;
      lagSums(rx, ry, excludedX, excludedY, lag, from, Math.min(pairs, from + STEP_PERIODS), sums);
    }
    rows.push({ lag, ...result(sums, () => lagRanks(rx, ry, excludedX, excludedY, lag, pairs, sums.m)) });
  }
  return rows;
}

interface Sums {
  m: number;
  sx: number;
  sxx: number;
  sy: number;
  syy: number;
  sxy: number;
  /** The range of kept places on each side: all in one tie group means a constant side. */
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Periods of one lag's pass between two steps: a sixteenth of a full column, about 1 ms here once V8 has optimised the pass, and a bounded step before. */
const STEP_PERIODS = 1 << 16;

function restart(s: Sums): void {
  s.m = s.sx = s.sxx = s.sy = s.syy = s.sxy = 0;
  s.minX = s.minY = 0x7fffffff;
  s.maxX = s.maxY = -1;
}

function result(s: Sums, ranks: () => [Float64Array, Float64Array]): { n: number; result: Correlation | Problem } {
  const m = s.m;
  if (m < 3) return { n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) };
  if (s.maxX - s.minX <= 0 || s.maxY - s.minY <= 0) return { n: m, result: new Problem("div0", "one of the series is constant, so r is undefined") };
  const cxx = s.sxx - (s.sx * s.sx) / m;
  const cyy = s.syy - (s.sy * s.sy) / m;
  const r = (s.sxy - (s.sx * s.sy) / m) / (Math.sqrt(cxx) * Math.sqrt(cyy));
  if (Math.abs(r) <= NEAR_PERFECT) return { n: m, result: { r, oneMinusR2: 1 - r * r, n: m } };
  // Near |r| = 1, 1 − r² comes from residuals: the lag's ranks again, by the two-pass routine.
  const [a, b] = ranks();
  return { n: m, result: pearson(a, b, m) };
}

/**
 * One lag's sums over its pairs [from, to) of ranks, added to `acc`: each value's rank among all
 * its series' numbers, less the excluded values below it (ties count ½). Nothing else is
 * written: the ranks stay as sorted once, and no object is made (no collector work per step).
 */
function lagSums(rx: Ranked, ry: Ranked, exX: Excluded, exY: Excluded, lag: number, from: number, to: number, acc: Sums): void {
  let { m, sx, sxx, sy, syy, sxy, minX, maxX, minY, maxY } = acc;
  // y's arrays from the lag on, so one index serves both sides.
  const baseX = rx.base;
  const baseY = ry.base.subarray(lag);
  const loX = rx.lo;
  const hiX = rx.hi;
  const loY = ry.lo.subarray(lag);
  const hiY = ry.hi.subarray(lag);
  const bitsX = exX.bits;
  const beforeX = exX.before;
  const bitsY = exY.bits;
  const beforeY = exY.before;
  for (let i = from; i < to; i++) {
    // Twice the ranks: whole numbers.
    let a2 = baseX[i];
    let b2 = baseY[i];
    if (a2 >= 0 && b2 >= 0) {
      const px = loX[i];
      const py = loY[i];
      const lx = px & PLACE;
      const ly = py & PLACE;
      // Excluded values below, and half of those tied (a tie group holds places [lo, hi)).
      const belowX = countBelow(bitsX, beforeX, lx);
      a2 -= px & TIE ? belowX + countBelow(bitsX, beforeX, hiX[i]) : 2 * belowX;
      const belowY = countBelow(bitsY, beforeY, ly);
      b2 -= py & TIE ? belowY + countBelow(bitsY, beforeY, hiY[i]) : 2 * belowY;
      minX = lx < minX ? lx : minX;
      maxX = lx > maxX ? lx : maxX;
      minY = ly < minY ? ly : minY;
      maxY = ly > maxY ? ly : maxY;
      const a = a2 * 0.5;
      const b = b2 * 0.5;
      m++;
      sx += a;
      sxx += a * a;
      sy += b;
      syy += b * b;
      sxy += a * b;
    }
  }
  acc.m = m;
  acc.sx = sx;
  acc.sxx = sxx;
  acc.sy = sy;
  acc.syy = syy;
  acc.sxy = sxy;
  acc.minX = minX;
  acc.maxX = maxX;
  acc.minY = minY;
  acc.maxY = maxY;
}

/** The lag's pairs' ranks, in period order (the windows already moved to this lag). */
function lagRanks(rx: Ranked, ry: Ranked, exX: Excluded, exY: Excluded, lag: number, pairs: number, m: number): [Float64Array, Float64Array] {
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < pairs; i++) {
    const j = i + lag;
    const ra2 = rx.base[i];
    const rb2 = ry.base[j];
    if (ra2 >= 0 && rb2 >= 0) {
      const belowX = countBelow(exX.bits, exX.before, rx.lo[i] & PLACE);
      const belowY = countBelow(exY.bits, exY.before, ry.lo[j] & PLACE);
      a[k] = (ra2 - belowX - countBelow(exX.bits, exX.before, rx.hi[i])) / 2;
      b[k] = (rb2 - belowY - countBelow(exY.bits, exY.before, ry.hi[j])) / 2;
      k++;
    }
  }
  return [a, b];
}
