/**
 * Spearman correlation at every lag, for series with gaps (the pairs kept change from lag to
 * lag) and without (a lag then leaves out only the values past its windows). The average rank of x[i] among the pairs of lag k is its rank among all of x's
 * numbers, less the values that lag leaves out that lie below it (ties count ½): the values
 * past x's window [0, n − k) and the partners of y's gaps; the same for y with its window
 * [k, n) and x's gaps. Each series is sorted once; the left-out values, at most gaps + k of
 * them, are marked per lag in a table over the sorted places (Excluded: a bit per place and
 * the count before each word, packed so that a look-up is one read).
 *
 * Only Σ a·b needs a pass over the periods: with average ranks, Σa = m(m + 1)/2 and
 * Σ(a − ā)² = (m³ − m − Σ(t³ − t))/12 over the kept tie groups, whose sizes change only where a
 * left-out value sits, so both come from the left-out values alone. Twice the ranks are whole
 * numbers, centred on twice their mean (m + 1) they are whole numbers of at most m, and the
 * sums are kept exactly (exactSum.ts): r is the exact r rounded a few times, 1 − r² near |r| = 1
 * comes exactly from the same sums, and a side is constant exactly when its sum of squares is 0.
 * The pass reads two arrays in order and makes two look-ups per period; nothing else per lag
 * touches more than the left-out values.
 */
import { Correlation } from "./correlation";
import { ascendingSortSteps } from "./ranks";
import { ExactSum } from "./exactSum";
import { Problem } from "../analysis/problem";
import { chunked, FIRST_CHUNK, rampUp, Steps } from "../analysis/steps";
import { LagResult } from "./laggedCorrelation";

const NEAR_PERFECT = 0.9;
/** Marks a tie group's start in a period's code when the group holds more than one value (the place is code & PLACE). */
const TIE = 1 << 30;
const PLACE = TIE - 1;

interface Ranked {
  /** Each period's tie group start in the sorted order of its series' numbers, with the TIE bit for a group of several; −1 at a gap. */
  code: Int32Array;
  /** Each number's tie group end (exclusive). */
  hi: Int32Array;
  /** Each period's own place in the sorted order (unique; its tie group is [code & PLACE, hi)), with the TIE bit when tied; −1 at a gap. */
  place: Int32Array;
  gaps: Int32Array;
  count: number;
  /** Σ(t³ − t) over the tie groups of all the numbers. */
  ties: ExactSum;
}

function* rankOnce(v: Float64Array, n: number, scratch: { order: Uint32Array; keys: Float64Array }): Steps<Ranked> {
  // Gaps sort last (as +Infinity), past the `count` numbers. Both series sort in the same buffers.
  const { order, keys } = yield* ascendingSortSteps(v.subarray(0, n), true, scratch);
  yield;
  const code = new Int32Array(n);
  const hi = new Int32Array(n);
  const place = new Int32Array(n);
  const gaps: number[] = [];
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) if (v[i] !== v[i]) gaps.push(i);
  });
  const count = n - gaps.length;
  for (const i of gaps) code[i] = place[i] = -1;
  const ties = new ExactSum();
  // Tie groups of the sorted numbers, a chunk at a time (a group never splits across chunks).
  for (let p = 0, size = FIRST_CHUNK; p < count; size = rampUp(size, SCATTER_CHUNK)) {
    yield;
    p = groupTies(keys, order, p, Math.min(count, p + size), count, { code, hi, place }, ties);
  }
  return { code, hi, place, gaps: Int32Array.from(gaps), count, ties };
}

/** Sorted places grouped between two steps: each writes three arrays at scattered periods, a cache miss apiece on a full column. */
const SCATTER_CHUNK = 1 << 14;

/** The tie groups starting in [from, until) of the sorted values; returns where the next group starts. */
function groupTies(keys: Float64Array, order: Uint32Array, from: number, until: number, count: number, out: { code: Int32Array; hi: Int32Array; place: Int32Array }, ties: ExactSum): number {
  const { code, hi, place } = out;
  let p = from;
  while (p < until) {
    const value = keys[p];
    let end = p + 1;
    while (end < count && keys[end] === value) end++;
    const tied = end - p > 1 ? TIE : 0;
    for (let q = p; q < end; q++) {
      const i = order[q];
      code[i] = p | tied;
      hi[i] = end;
      place[i] = q | tied;
    }
    if (tied) ties.addCubeLessSelf(end - p, 1);
    p = end;
  }
  return p;
}

/**
 * The left-out values of one lag, by their (unique) places in the sorted order, in 16-place
 * words: word w holds the count of left-out places before it in its upper 16 bits and its own
 * places' bits in the lower 16, so the count below a place is one look-up and the population
 * count of 16 bits, itself a look-up in a 64 KB table (measured on a full column under the same
 * load: 10 ms a lag, against 18 ms with 32-place words, their counts beside them and an
 * arithmetic population count). When more than 65,535 places are left out (a long lag or a
 * series with many gaps) the counts are kept per 65,536 places in `blocks` and the word holds
 * the count since its block's start ("wide").
 */
class Excluded {
  readonly words: Int32Array;
  readonly blocks: Int32Array;
  wide = false;
  private readonly set: Int32Array;
  private size = 0;
  /** Per tie group start: how many of its values are left out (scratch, zero between lags; made when a tied value is first left out). */
  private inGroup: Int32Array | null = null;
  private readonly positions: number;

  constructor(positions: number, capacity: number) {
    this.words = new Int32Array((positions >> 4) + 1);
    this.blocks = new Int32Array((positions >> 16) + 1);
    this.set = new Int32Array(Math.max(1, capacity));
    this.positions = positions;
  }

  fill(places: Int32Array, count: number): void {
    const { words, blocks, set } = this;
    for (let e = 0; e < this.size; e++) words[set[e] >> 4] = 0;
    for (let e = 0; e < count; e++) {
      const p = places[e];
      set[e] = p;
      words[p >> 4] |= 1 << (p & 15);
    }
    this.size = count;
    this.wide = count > 0xffff;
    let total = 0;
    let before = 0;
    for (let w = 0; w < words.length; w++) {
      if (this.wide && (w & 0xfff) === 0) {
        blocks[w >> 12] = total;
        before = 0;
      }
      const bits = words[w] & 0xffff;
      words[w] = (before << 16) | bits;
      before += POPULATION[bits];
      total += POPULATION[bits];
    }
  }

  /**
   * (m³ − m) − Σ(t³ − t) over the tie groups of the m kept values: 12·Σ(a − ā)² of their ranks.
   * Only the groups of left-out values change size: `tied` are the left-out periods whose value
   * is tied, and the series' tie term covers every number.
   */
  squares(m: number, r: Ranked, tied: Int32Array, count: number): ExactSum {
    const out = new ExactSum();
    out.addCubeLessSelf(m, 1);
    out.addSum(r.ties, -1);
    if (count === 0) return out;
    const inGroup = (this.inGroup ??= new Int32Array(this.positions + 1));
    for (let e = 0; e < count; e++) inGroup[r.code[tied[e]] & PLACE]++;
    for (let e = 0; e < count; e++) {
      const start = r.code[tied[e]] & PLACE;
      if (inGroup[start] === 0) continue;
      const size = r.hi[tied[e]] - start;
      // The group keeps size − inGroup values: its term t³ − t becomes that of the smaller group.
      out.addCubeLessSelf(size, 1);
      out.addCubeLessSelf(size - inGroup[start], -1);
      inGroup[start] = 0;
    }
    return out;
  }
}

/** The number of bits set in each 16-bit value. */
const POPULATION = new Uint8Array(1 << 16);
for (let v = 1; v < POPULATION.length; v++) POPULATION[v] = POPULATION[v >> 1] + (v & 1);

/** #{left-out places < p} with fewer than 65,536 left out. */
function countBelow(words: Int32Array, p: number): number {
  const v = words[p >> 4];
  // (1 << 0) − 1 = 0 keeps no bit; the word's bits below p otherwise.
  return (v >>> 16) + POPULATION[v & ((1 << (p & 15)) - 1)];
}

/** #{left-out places < p} for a wide table. */
function countBelowWide(words: Int32Array, blocks: Int32Array, p: number): number {
  const v = words[p >> 4];
  return blocks[p >> 16] + (v >>> 16) + POPULATION[v & ((1 << (p & 15)) - 1)];
}

let primed = false;

/**
 * Runs the method once on a tiny series with ties and gaps on both sides, so that V8 has seen
 * every branch of the per-lag pass before it compiles it for a long series: a branch first
 * taken later would send the optimised loop back to the interpreter mid-column (a "deopt" costs a
 * full column's pass at interpreter speed).
 */
function prime(): void {
  if (primed) return;
  primed = true;
  const x = Float64Array.from({ length: 64 }, (_, i) => (i % 11 === 3 ? NaN : (i * 7) % 13));
  const y = Float64Array.from({ length: 64 }, (_, i) => (i % 7 === 5 ? NaN : (i * 5) % 9));
  const steps = spearmanByLagGapsSteps(x, y, 4);
  while (!steps.next().done);
}

/** Periods of one lag's pass between two steps: a sixteenth of a full column. */
const STEP_PERIODS = 1 << 16;

export function* spearmanByLagGapsSteps(x: Float64Array, y: Float64Array, maxLag: number): Steps<LagResult[]> {
  prime();
  const n = Math.min(x.length, y.length);
  const scratch = { order: new Uint32Array(n), keys: new Float64Array(n) };
  const rx = yield* rankOnce(x, n, scratch);
  yield;
  const ry = yield* rankOnce(y, n, scratch);
  yield;
  const most = Math.min(maxLag, n);
  const lag = { x: new Excluded(Math.max(1, rx.count), ry.gaps.length + most), y: new Excluded(Math.max(1, ry.count), rx.gaps.length + most) };
  const sizeX = Math.max(1, ry.gaps.length + most);
  const sizeY = Math.max(1, rx.gaps.length + most);
  const left: LeftOut = { placesX: new Int32Array(sizeX), tiedX: new Int32Array(sizeX), placesY: new Int32Array(sizeY), tiedY: new Int32Array(sizeY) };
  const exact = exactBlock(n);
  const sideX: Side = { code: rx.code, hi: rx.hi, left: lag.x };
  const rows: LagResult[] = [];
  for (let k = 0; k <= maxLag; k++) {
    if (k > 0) yield;
    const { ex, ey, tx, ty } = leftOut(rx, ry, n, k, left);
    lag.x.fill(left.placesX, ex);
    lag.y.fill(left.placesY, ey);
    const m = rx.count - ex;
    if (m < 3) {
      rows.push({ lag: k, n: Math.max(0, m), result: new Problem("na", `needs at least 3 pairs of numbers, got ${Math.max(0, m)}`) });
      continue;
    }
    const sxx = lag.x.squares(m, rx, left.tiedX, tx);
    const syy = lag.y.squares(m, ry, left.tiedY, ty);
    if (sxx.isZero() || syy.isZero()) {
      rows.push({ lag: k, n: m, result: new Problem("div0", "one of the series is constant, so r is undefined") });
      continue;
    }
    const sxy = new ExactSum();
    const pairs = n - k;
    const sideY: Side = { code: ry.code.subarray(k), hi: ry.hi.subarray(k), left: lag.y };
    const sums = lag.x.wide || lag.y.wide ? productSumsWide : productSums;
    for (let from = 0, size = FIRST_CHUNK; from < pairs; from += size, size = rampUp(size, STEP_PERIODS)) {
      if (from > 0) yield;
      sums(sideX, sideY, from, Math.min(pairs, from + size), m + 1, exact, sxy);
    }
    rows.push({ lag: k, n: m, result: correlationOf(sxy, sxx, syy, m) });
  }
  return rows;
}

interface LeftOut {
  placesX: Int32Array;
  tiedX: Int32Array;
  placesY: Int32Array;
  tiedY: Int32Array;
}

/**
 * The left-out values of lag k, as places (for the tables) and, for tied values, periods (for
 * their tie groups): x's are the partners of y's gaps and the values past x's window [0, n − k);
 * y's the partners of x's gaps and the values before y's window [k, n).
 */
function leftOut(rx: Ranked, ry: Ranked, n: number, k: number, out: LeftOut): { ex: number; ey: number; tx: number; ty: number } {
  const pairs = Math.max(0, n - k);
  const x = rx.place;
  const y = ry.place;
  const { placesX, tiedX, placesY, tiedY } = out;
  let ex = 0;
  let tx = 0;
  for (const j of ry.gaps) {
    const p = j >= k ? x[j - k] : -1;
    if (p < 0) continue;
    placesX[ex++] = p & PLACE;
    if (p & TIE) tiedX[tx++] = j - k;
  }
  for (let i = pairs; i < n; i++) {
    const p = x[i];
    if (p < 0) continue;
    placesX[ex++] = p & PLACE;
    if (p & TIE) tiedX[tx++] = i;
  }
  let ey = 0;
  let ty = 0;
  for (const i of rx.gaps) {
    const p = i < pairs ? y[i + k] : -1;
    if (p < 0) continue;
    placesY[ey++] = p & PLACE;
    if (p & TIE) tiedY[ty++] = i + k;
  }
  for (let j = 0; j < Math.min(k, n); j++) {
    const p = y[j];
    if (p < 0) continue;
    placesY[ey++] = p & PLACE;
    if (p & TIE) tiedY[ty++] = j;
  }
  return { ex, ey, tx, ty };
}

/**
 * Periods summed in a double before the sum is added to the exact total: twice a centred rank is a
 * whole number below n in size, so a block's sum of products stays below 2^53 and is exact. At most
 * a step's periods, so that the pass's indexes stay small integers (V8 compiles a loop whose
 * bounds were once beyond them for doubles, measured: the pass then runs at half speed).
 */
function exactBlock(n: number): number {
  let block = 1;
  while (block < STEP_PERIODS && block * 2 * n * n <= 2 ** 53) block *= 2;
  return block;
}

/** One side of a lag's pairs: its codes and group ends (y's from the lag on) and its left-out table. */
interface Side {
  code: Int32Array;
  hi: Int32Array;
  left: Excluded;
}

/**
 * Σ (2a − (m + 1))·(2b − (m + 1)) over the pairs [from, to) kept at this lag, into `acc`: 2a is
 * twice x's average rank among all its numbers less the left-out values below it (ties count ½),
 * 2b the same for y (y's arrays start at the lag, so one index serves both sides). Nothing else
 * is written and no object made, so no collector work lands in a step.
 */
function productSums(x: Side, y: Side, from: number, to: number, m1: number, block: number, acc: ExactSum): void {
  const { code: codeX, hi: hiX } = x;
  const { code: codeY, hi: hiY } = y;
  const wordsX = x.left.words;
  const wordsY = y.left.words;
  for (let start = from; start < to; start += block) {
    const end = Math.min(to, start + block);
    let s = 0;
    for (let i = start; i < end; i++) {
      const cx = codeX[i];
      const cy = codeY[i];
      if ((cx | cy) < 0) continue;
      const a2 = cx & TIE ? (cx & PLACE) + hiX[i] + 1 - countBelow(wordsX, cx & PLACE) - countBelow(wordsX, hiX[i]) : 2 * (cx - countBelow(wordsX, cx)) + 2;
      const b2 = cy & TIE ? (cy & PLACE) + hiY[i] + 1 - countBelow(wordsY, cy & PLACE) - countBelow(wordsY, hiY[i]) : 2 * (cy - countBelow(wordsY, cy)) + 2;
      s += (a2 - m1) * (b2 - m1);
    }
    acc.add(s);
  }
}

/** productSums with a wide table on either side (more than 65,535 values left out). */
function productSumsWide(x: Side, y: Side, from: number, to: number, m1: number, block: number, acc: ExactSum): void {
  const { code: codeX, hi: hiX } = x;
  const { code: codeY, hi: hiY } = y;
  const { words: wordsX, blocks: blocksX } = x.left;
  const { words: wordsY, blocks: blocksY } = y.left;
  for (let start = from; start < to; start += block) {
    const end = Math.min(to, start + block);
    let s = 0;
    for (let i = start; i < end; i++) {
      const cx = codeX[i];
      const cy = codeY[i];
      if ((cx | cy) < 0) continue;
      const a2 = cx & TIE ? (cx & PLACE) + hiX[i] + 1 - countBelowWide(wordsX, blocksX, cx & PLACE) - countBelowWide(wordsX, blocksX, hiX[i]) : 2 * (cx - countBelowWide(wordsX, blocksX, cx)) + 2;
      const b2 = cy & TIE ? (cy & PLACE) + hiY[i] + 1 - countBelowWide(wordsY, blocksY, cy & PLACE) - countBelowWide(wordsY, blocksY, hiY[i]) : 2 * (cy - countBelowWide(wordsY, blocksY, cy)) + 2;
      s += (a2 - m1) * (b2 - m1);
    }
    acc.add(s);
  }
}

/**
 * r = Σ(a − ā)(b − b̄) / √(Σ(a − ā)² · Σ(b − b̄)²) from the exact sums: S = 4·Σ(a − ā)(b − b̄),
 * X = 12·Σ(a − ā)², Y likewise, so r = 3S / √(XY); near |r| = 1, 1 − r² = (XY − 9S²) / XY exactly.
 */
function correlationOf(sxy: ExactSum, sxx: ExactSum, syy: ExactSum, m: number): Correlation {
  const X = sxx.toNumber();
  const Y = syy.toNumber();
  const r = Math.max(-1, Math.min(1, (3 * sxy.toNumber()) / (Math.sqrt(X) * Math.sqrt(Y))));
  if (Math.abs(r) <= NEAR_PERFECT) return { r, oneMinusR2: 1 - r * r, n: m };
  const xy = sxx.toBigInt() * syy.toBigInt();
  const s = sxy.toBigInt();
  const rest = xy - 9n * s * s;
  if (rest <= 0n) return { r: Math.sign(r), oneMinusR2: 0, n: m };
  // Both below 2^128 (X and Y below 2^64 for a column of Excel's 2^20 rows): each a double to within half an ulp.
  return { r, oneMinusR2: Number(rest) / Number(xy), n: m };
}
