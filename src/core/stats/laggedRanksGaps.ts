/**
 * Spearman correlation at every lag when the series have gaps, so the pairs kept change from
 * lag to lag. The average rank of x[i] among the pairs of lag k is
 *
 *   (its rank among the numbers of x in [0, n − k))  −  (how many x values of the periods whose
 *   partner y[i + k] is a gap lie below it, ties counting ½)
 *
 * and the same for y over [k, n). The first term is kept up to date as in the complete case
 * (laggedRanks.ts: one value leaves per lag, a sequential pass lowers the ranks above it). The
 * second counts the excluded values, at most one per gap of the other series: their places in
 * x's sorted order are marked in a bit table once per lag (O(gaps)), so each period's count is
 * a look-up and a population count. A lag costs one
 * sequential pass and O(gaps), instead of a walk of the sorted order in random access (the
 * previous method, ten times slower on a full column). Exact: ranks are multiples of ½, and a
 * lag with |r| near 1 is recomputed from its ranks by the two-pass routine.
 */
import { Correlation, pearson } from "./correlation";
import { ascendingOrderSteps } from "./ranks";
import { Problem } from "../problem";
import { Steps } from "../steps";
import { LagResult } from "./laggedCorrelation";

const NEAR_PERFECT = 0.9;
/** Positions of the sorted order per block of the excluded-values table. */

/** One series' ranking: each number's tie group [lo, hi) in the sorted order of its numbers, and its ranks. */
interface Ranked {
  lo: Int32Array;
  hi: Int32Array;
  /** Each number's own place in the sorted order (unique; its tie group is [lo, hi)). */
  pos: Int32Array;
  /** Average rank (1-based) among the numbers of the current window; NaN at gaps. */
  base: Float64Array;
  valid: Uint8Array;
  gaps: Int32Array;
  count: number;
}

function* rankOnce(v: Float64Array, n: number): Steps<Ranked> {
  const order = yield* ascendingOrderSteps(v.subarray(0, n).map((a) => (a === a ? a : Infinity)));
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let p = 0; p < n; p++) pos[order[p]] = p;
  const base = new Float64Array(n).fill(NaN);
  const valid = new Uint8Array(n);
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) if (v[i] === v[i]) valid[i] = 1;
  else gaps.push(i);
  const count = n - gaps.length;
  yield;
  groupTies(v, order, count, lo, hi, base);
  return { lo, hi, pos, base, valid, gaps: Int32Array.from(gaps), count };
}

/** Tie groups of the sorted numbers (gaps sort last, past `count`), and each number's average rank. */
function groupTies(v: Float64Array, order: Uint32Array, count: number, lo: Int32Array, hi: Int32Array, base: Float64Array): void {
  let p = 0;
  while (p < count) {
    const value = v[order[p]];
    let end = p + 1;
    while (end < count && v[order[end]] === value) end++;
    for (let q = p; q < end; q++) {
      const i = order[q];
      lo[i] = p;
      hi[i] = end;
      base[i] = (p + end + 1) / 2;
    }
    p = end;
  }
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

export function* spearmanByLagGapsSteps(x: Float64Array, y: Float64Array, maxLag: number): Steps<LagResult[]> {
  const n = Math.min(x.length, y.length);
  const rx = yield* rankOnce(x, n);
  yield;
  const ry = yield* rankOnce(y, n);
  yield;
  const excludedX = new Excluded(Math.max(1, rx.count), ry.gaps.length);
  const excludedY = new Excluded(Math.max(1, ry.count), rx.gaps.length);
  const losX = new Int32Array(Math.max(1, ry.gaps.length));
  const losY = new Int32Array(Math.max(1, rx.gaps.length));
  // Each lag's ranks, kept for the exact routine when |r| is near 1.
  const scratch = { a: new Float64Array(n), b: new Float64Array(n) };
  const rows: LagResult[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    if (lag > 0) yield;
    const pairs = Math.max(0, n - lag);
    // x's excluded values: partners of y's gaps; y's: partners of x's gaps.
    let ex = 0;
    for (const j of ry.gaps) if (j >= lag && rx.valid[j - lag]) losX[ex++] = rx.pos[j - lag];
    let ey = 0;
    for (const i of rx.gaps) if (i < pairs && ry.valid[i + lag]) losY[ey++] = ry.pos[i + lag];
    excludedX.fill(losX, ex);
    excludedY.fill(losY, ey);
    rows.push({ lag, ...lagSums(x, y, rx, ry, excludedX, excludedY, lag, pairs, scratch) });
  }
  return rows;
}

/**
 * One lag: the pairs' ranks (window rank less the excluded values below), their sums, r; and
 * the window ranks brought forward to the next lag (x[n − lag − 1] and y[lag] leave).
 */
function lagSums(
  x: Float64Array,
  y: Float64Array,
  rx: Ranked,
  ry: Ranked,
  exX: Excluded,
  exY: Excluded,
  lag: number,
  pairs: number,
  scratch: { a: Float64Array; b: Float64Array },
): { n: number; result: Correlation | Problem } {
  const { a: ranksA, b: ranksB } = scratch;
  const leavingX = pairs > 0 ? x[pairs - 1] : NaN;
  const leavingY = pairs > 0 ? y[lag] : NaN;
  let m = 0;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let syy = 0;
  let sxy = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const baseX = rx.base;
  const baseY = ry.base;
  const loX = rx.lo;
  const hiX = rx.hi;
  const loY = ry.lo;
  const hiY = ry.hi;
  const bitsX = exX.bits;
  const beforeX = exX.before;
  const bitsY = exY.bits;
  const beforeY = exY.before;
  const anyX = exX.size > 0;
  const anyY = exY.size > 0;
  for (let i = 0; i < pairs; i++) {
    const j = i + lag;
    const a = baseX[i];
    const b = baseY[j];
    if (a === a && b === b) {
      const lx = loX[i];
      const ly = loY[j];
      let ra = a;
      // Excluded values below, and half of those tied (a tie group holds places [lo, hi)).
      if (anyX) {
        const below = countBelow(bitsX, beforeX, lx);
        ra -= hiX[i] - lx === 1 ? below : below + (countBelow(bitsX, beforeX, hiX[i]) - below) / 2;
      }
      let rb = b;
      if (anyY) {
        const below = countBelow(bitsY, beforeY, ly);
        rb -= hiY[j] - ly === 1 ? below : below + (countBelow(bitsY, beforeY, hiY[j]) - below) / 2;
      }
      ranksA[m] = ra;
      ranksB[m] = rb;
      m++;
      sx += ra;
      sxx += ra * ra;
      sy += rb;
      syy += rb * rb;
      sxy += ra * rb;
      if (lx < minX) minX = lx;
      if (lx > maxX) maxX = lx;
      if (ly < minY) minY = ly;
      if (ly > maxY) maxY = ly;
    }
    // The window moves: values above the leaving one drop a rank, its ties half of one.
    if (a === a && leavingX === leavingX) {
      const v = x[i];
      if (v > leavingX) baseX[i] = a - 1;
      else if (v === leavingX) baseX[i] = a - 0.5;
    }
    if (b === b && leavingY === leavingY) {
      const v = y[j];
      if (v > leavingY) baseY[j] = b - 1;
      else if (v === leavingY) baseY[j] = b - 0.5;
    }
  }
  if (m < 3) return { n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) };
  // All tied: one tie group, the same lo everywhere.
  if (minX === maxX || minY === maxY) return { n: m, result: new Problem("div0", "one of the series is constant, so r is undefined") };
  const cxx = sxx - (sx * sx) / m;
  const cyy = syy - (sy * sy) / m;
  const r = (sxy - (sx * sy) / m) / (Math.sqrt(cxx) * Math.sqrt(cyy));
  if (Math.abs(r) <= NEAR_PERFECT) return { n: m, result: { r, oneMinusR2: 1 - r * r, n: m } };
  return { n: m, result: pearson(ranksA, ranksB, m) };
}

