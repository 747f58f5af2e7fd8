/**
 * Spearman correlation at every lag, for series with gaps (the pairs kept change from lag to
 * lag) and without (a lag then leaves out only the values past its windows). The average rank of x[i] among the pairs of lag k is its rank among all of x's
 * numbers, less the values that lag leaves out that lie below it (ties count ½): the values
 * past x's window [0, n − k) and the partners of y's gaps; the same for y with its window
 * [k, n) and x's gaps. Each series is sorted once; the left-out values, at most gaps + k of
 * them, are marked per lag in a table over the sorted places (leftOutPlaces.ts: a bit per place
 * and the count before each word, packed so that a look-up is one read).
 *
 * Only Σ a·b needs a pass over the periods: with average ranks, Σa = m(m + 1)/2 and
 * Σ(a − ā)² = (m³ − m − Σ(t³ − t))/12 over the kept tie groups, whose sizes change only where a
 * left-out value sits, so both come from the left-out values alone. Twice the ranks are whole
 * numbers; the pass sums their products, Σ 2a·2b, and the centred sum follows once a lag,
 * Σ(2a − (m + 1))(2b − (m + 1)) = Σ 2a·2b − m(m + 1)², all kept exactly (exactSum.ts, BigInt):
 * r is the exact r rounded a few times, 1 − r² near |r| = 1 comes exactly from the same sums,
 * and a side is constant exactly when its sum of squares is 0.
 * The pass reads two arrays in order and makes two look-ups per period; nothing else per lag
 * touches more than the left-out values.
 */
import { Correlation } from "./correlation";
import { bucketSortSteps } from "./bucketSort";
import { ExactSum } from "./exactSum";
import * as leftOutPlaces from "./leftOutPlaces";
import { Problem } from "../analysis/problem";
import { chunked, FIRST_CHUNK, PASS_CHUNK, rampUp, runToEnd, Steps } from "../analysis/steps";
import { LagResult } from "./laggedCorrelation";
import { Side, tiedCorrection } from "./lagProducts";
import { RankArena } from "./rankArena";

const NEAR_PERFECT = 0.9;
// Read once: a CommonJS build (the tests, the bench) reads an imported binding through a getter at
// every use, and these are used per period (measured: the pass ran four times slower).
const { Excluded, TIE, POPULATION, wordsFor, blocksFor } = leftOutPlaces;
type Excluded = leftOutPlaces.Excluded;

interface Ranked {
  /** Each period's tie group start in the sorted order of its series' numbers, with the TIE bit for a group of several; −1 at a gap. */
  code: Int32Array;
  /** Each number's tie group end (exclusive). */
  hi: Int32Array;
  gaps: Int32Array;
  count: number;
  /** Σ(t³ − t) over the tie groups of all the numbers. */
  ties: ExactSum;
  /** The periods whose value is tied, ascending, when they are few (FEW_TIED); null otherwise. */
  tied: Int32Array | null;
}

function* rankOnce(v: Float64Array, n: number, scratch: { order: Uint32Array; keys: Float64Array; starts?: Int32Array }, arena: RankArena): Steps<Ranked> {
  // Both series sort in the same buffers; the gaps come last, in period order.
  const { order, keys, count } = yield* bucketSortSteps(v.subarray(0, n), scratch);
  yield;
  const code = arena.int32(n);
  const hi = arena.int32(n);
  const gaps = Int32Array.from(order.subarray(count, n));
  for (const i of gaps) code[i] = -1;
  const ties = new ExactSum();
  // Tie groups of the sorted numbers, a chunk at a time (a group never splits across chunks).
  for (let p = 0, size = FIRST_CHUNK; p < count; size = rampUp(size, SCATTER_CHUNK)) {
    yield;
    p = groupTies(keys, order, p, Math.min(count, p + size), count, code, hi, ties);
  }
  yield;
  const tied = ties.isZero() ? new Int32Array(0) : yield* tiedPeriods(code, n);
  return { code, hi, gaps, count, ties, tied };
}

/** At most this share of a series' periods tied (1/32), a lag's pass takes every value as untied and corrects the tied ones' pairs after. */
const FEW_TIED = 5;

/** The periods whose code has the TIE bit, ascending; null past n >> FEW_TIED of them. */
function* tiedPeriods(code: Int32Array, n: number): Steps<Int32Array | null> {
  const most = n >> FEW_TIED;
  const found: number[] = [];
  for (let from = 0, size = FIRST_CHUNK; from < n; from += size, size = rampUp(size, STEP_PERIODS)) {
    if (from > 0) yield;
    if (!collectTied(code, from, Math.min(n, from + size), most, found)) return null;
  }
  return Int32Array.from(found);
}

function collectTied(code: Int32Array, from: number, to: number, most: number, found: number[]): boolean {
  for (let i = from; i < to; i++) {
    if (code[i] < 0 || !(code[i] & TIE)) continue;
    if (found.length === most) return false;
    found.push(i);
  }
  return true;
}

/** Sorted places grouped between two steps: each writes two arrays at scattered periods, a cache miss apiece on a full column. */
const SCATTER_CHUNK = 1 << 14;

/** The tie groups starting in [from, until) of the sorted values; returns where the next group starts. */
function groupTies(
  keys: Float64Array,
  order: Uint32Array,
  from: number,
  until: number,
  count: number,
  code: Int32Array,
  hi: Int32Array,
  ties: ExactSum,
): number {
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
    }
    if (tied) ties.addCubeLessSelf(end - p, 1);
    p = end;
  }
  return p;
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
  // Few ties (the pass for untied values and the tied pairs' correction): one tied pair in each series.
  const fewX = Float64Array.from({ length: 128 }, (_, i) => (i % 13 === 4 ? NaN : i === 9 ? 8 : (i * 37) % 128));
  const fewY = Float64Array.from({ length: 128 }, (_, i) => (i % 17 === 6 ? NaN : i === 21 ? 20 : (i * 59) % 128));
  const few = spearmanByLagGapsSteps(fewX, fewY, 4);
  while (!few.next().done);
}

/** Periods of one lag's pass between two steps: a sixteenth of a full column, and at most what the pass's exact i64 sum holds (rankPass.wat). */
const STEP_PERIODS = 1 << 16;

export function* spearmanByLagGapsSteps(x: Float64Array, y: Float64Array, maxLag: number): Steps<LagResult[]> {
  prime();
  const n = Math.min(x.length, y.length);
  const scratch: { order: Uint32Array; keys: Float64Array; starts?: Int32Array } = { order: new Uint32Array(n), keys: new Float64Array(n) };
  // Each series' codes and group ends, each side's words and blocks.
  const places = Math.max(1, n);
  const arena = new RankArena(4 * n + 2 * (wordsFor(places) + blocksFor(places)), 8, POPULATION);
  const int32 = (length: number) => arena.int32(length);
  const rx = yield* rankOnce(x, n, scratch, arena);
  yield;
  const ry = yield* rankOnce(y, n, scratch, arena);
  yield;
  const most = Math.min(maxLag, n);
  const lag = {
    x: new Excluded(Math.max(1, rx.count), ry.gaps.length + most, int32),
    y: new Excluded(Math.max(1, ry.count), rx.gaps.length + most, int32),
  };
  const sizeX = Math.max(1, ry.gaps.length + most);
  const sizeY = Math.max(1, rx.gaps.length + most);
  const left: LeftOut = { placesX: new Int32Array(sizeX), tiedX: new Int32Array(sizeX), placesY: new Int32Array(sizeY), tiedY: new Int32Array(sizeY) };
  const sideX: Side = { code: rx.code, hi: rx.hi, left: lag.x };
  const partners = new Partners(rx, ry, n);
  const rows: LagResult[] = [];
  for (let k = 0; k <= maxLag; k++) {
    if (k > 0) yield;
    if (!partners.has(k)) {
      yield* partners.gather(k);
      yield;
    }
    const { ex, ey, tx, ty } = leftOut(rx, ry, n, k, partners, lag, left);
    lag.x.fill(left.placesX, ex);
    lag.y.fill(left.placesY, ey);
    const m = rx.count - ex;
    // Before anything else: squares also clears the tie groups' counts for the next lag.
    const sxx = lag.x.squares(m, rx, left.tiedX, tx);
    const syy = lag.y.squares(m, ry, left.tiedY, ty);
    // The lag's set-up (its left-out values, their tables) is a step of its own, apart from the pass.
    yield;
    if (m < 3) {
      rows.push({ lag: k, n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) });
      continue;
    }
    if (sxx.isZero() || syy.isZero()) {
      rows.push({ lag: k, n: m, result: new Problem("div0", "one of the series is constant, so r is undefined") });
      continue;
    }
    const sxy = new ExactSum();
    const pairs = n - k;
    const sideY: Side = { code: ry.code.subarray(k), hi: ry.hi.subarray(k), left: lag.y };
    const wide = lag.x.wide || lag.y.wide;
    // Few tied values: every value's rank as if untied (half the products, ranks not doubled), the tied pairs corrected after.
    const fewTied = !wide && rx.tied !== null && ry.tied !== null;
    for (let from = 0, size = FIRST_CHUNK; from < pairs; from += size, size = rampUp(size, STEP_PERIODS)) {
      if (from > 0) yield;
      if (fewTied) arena.untiedSums(sideX, sideY, from, Math.min(pairs, from + size), sxy);
      else arena.doubledSums(sideX, sideY, from, Math.min(pairs, from + size), sxy);
    }
    const m1 = BigInt(m + 1);
    const doubled = fewTied ? 4n * sxy.toBigInt() + tiedCorrection(sideX, sideY, rx.tied!, ry.tied!, k, pairs).toBigInt() : sxy.toBigInt();
    rows.push({ lag: k, n: m, result: correlationOf(doubled - BigInt(m) * m1 * m1, sxx, syy, m) });
  }
  return rows;
}

interface LeftOut {
  placesX: Int32Array;
  tiedX: Int32Array;
  placesY: Int32Array;
  tiedY: Int32Array;
}

/** Lags whose gaps' partners are gathered together at most (Partners), and the partners held at most (4 MB a series). */
const BATCH = 32;
const PARTNERS = 1 << 20;

/**
 * The partners of each series' gaps for a batch of BATCH lags: x's code at j − k for each gap j
 * of y, y's code at i + k for each gap i of x (−1 where there is none), a row per lag. One gap's
 * partners for the batch lie side by side in their series, so they are read a cache line at a
 * time; read a lag at a time, each came from memory (the lag's pass in between leaves none of
 * them in cache). Measured on a full column with 1% gaps: 1.3 -> 0.33 ms of CPU a lag.
 */
class Partners {
  private readonly ofY: Int32Array;
  private readonly ofX: Int32Array;
  private readonly batch: number;
  private first = -1;

  constructor(
    private readonly rx: Ranked,
    private readonly ry: Ranked,
    private readonly n: number,
  ) {
    this.batch = Math.max(1, Math.min(BATCH, Math.floor(PARTNERS / Math.max(1, rx.gaps.length, ry.gaps.length))));
    this.ofY = new Int32Array(this.batch * ry.gaps.length);
    this.ofX = new Int32Array(this.batch * rx.gaps.length);
  }

  /** Whether lag k's partners are gathered (else `gather(k)` first). */
  has(k: number): boolean {
    return this.first >= 0 && k >= this.first && k < this.first + this.batch;
  }

  /** x's codes partnering y's gaps at lag k, and y's partnering x's gaps, in gap order. */
  at(k: number): { x: Int32Array; y: Int32Array } {
    if (!this.has(k)) runToEnd(this.gather(k));
    const b = k - this.first;
    const gy = this.ry.gaps.length;
    const gx = this.rx.gaps.length;
    return { x: this.ofY.subarray(b * gy, (b + 1) * gy), y: this.ofX.subarray(b * gx, (b + 1) * gx) };
  }

  /**
   * Gathers the batch from lag k0, a chunk of gaps a step (a chunk of a pass's size in reads): the
   * first batch runs before V8 has compiled the loop, measured at 17 ms of a 29 ms step in one.
   */
  *gather(k0: number): Steps<void> {
    this.first = -1;
    const { rx, ry, n, ofY, ofX, batch } = this;
    const gy = ry.gaps.length;
    const gx = rx.gaps.length;
    const most = Math.max(1, Math.floor(PASS_CHUNK / batch));
    const first = Math.max(1, Math.floor(FIRST_CHUNK / batch));
    yield* chunked(gy, (from, to) => gatherOf(ry.gaps, rx.code, -1, k0, n, batch, ofY, from, to), most, first);
    yield;
    yield* chunked(gx, (from, to) => gatherOf(rx.gaps, ry.code, 1, k0, n, batch, ofX, from, to), most, first);
    this.first = k0;
  }
}

/**
 * For gaps [from, to): the other series' codes at gap + direction·(k0 + b) for the batch's lags
 * (b = 0…), −1 outside [0, n): before y's gaps for x's partners (−1), after x's for y's (+1).
 */
function gatherOf(
  gaps: Int32Array,
  code: Int32Array,
  direction: 1 | -1,
  k0: number,
  n: number,
  batch: number,
  out: Int32Array,
  from: number,
  to: number,
): void {
  const g0 = gaps.length;
  for (let g = from; g < to; g++) {
    const at = gaps[g] + direction * k0;
    for (let b = 0; b < batch; b++) {
      const p = at + direction * b;
      out[b * g0 + g] = p >= 0 && p < n ? code[p] : -1;
    }
  }
}

/**
 * The left-out values of lag k, as places (for the tables) and, for tied values, periods (for
 * their tie groups): x's are the partners of y's gaps and the values past x's window [0, n − k);
 * y's the partners of x's gaps and the values before y's window [k, n).
 */
function leftOut(
  rx: Ranked,
  ry: Ranked,
  n: number,
  k: number,
  partners: Partners,
  tables: { x: Excluded; y: Excluded },
  out: LeftOut,
): { ex: number; ey: number; tx: number; ty: number } {
  const pairs = Math.max(0, n - k);
  const { placesX, tiedX, placesY, tiedY } = out;
  const { x, y } = partners.at(k);
  let ex = 0;
  let tx = 0;
  for (let g = 0; g < x.length; g++) {
    const c = x[g];
    if (c < 0) continue;
    placesX[ex++] = tables.x.placeOf(c);
    if (c & TIE) tiedX[tx++] = ry.gaps[g] - k;
  }
  for (let i = pairs; i < n; i++) {
    const c = rx.code[i];
    if (c < 0) continue;
    placesX[ex++] = tables.x.placeOf(c);
    if (c & TIE) tiedX[tx++] = i;
  }
  let ey = 0;
  let ty = 0;
  for (let g = 0; g < y.length; g++) {
    const c = y[g];
    if (c < 0) continue;
    placesY[ey++] = tables.y.placeOf(c);
    if (c & TIE) tiedY[ty++] = rx.gaps[g] + k;
  }
  for (let j = 0; j < Math.min(k, n); j++) {
    const c = ry.code[j];
    if (c < 0) continue;
    placesY[ey++] = tables.y.placeOf(c);
    if (c & TIE) tiedY[ty++] = j;
  }
  return { ex, ey, tx, ty };
}

/**
 * r = Σ(a − ā)(b − b̄) / √(Σ(a − ā)² · Σ(b − b̄)²) from the exact sums: S = 4·Σ(a − ā)(b − b̄),
 * X = 12·Σ(a − ā)², Y likewise, so r = 3S / √(XY); near |r| = 1, 1 − r² = (XY − 9S²) / XY exactly.
 */
function correlationOf(s: bigint, sxx: ExactSum, syy: ExactSum, m: number): Correlation {
  const X = sxx.toNumber();
  const Y = syy.toNumber();
  const r = Math.max(-1, Math.min(1, (3 * Number(s)) / (Math.sqrt(X) * Math.sqrt(Y))));
  if (Math.abs(r) <= NEAR_PERFECT) return { r, oneMinusR2: 1 - r * r, n: m };
  const xy = sxx.toBigInt() * syy.toBigInt();
  const rest = xy - 9n * s * s;
  if (rest <= 0n) return { r: Math.sign(r), oneMinusR2: 0, n: m };
  // Both below 2^128 (X and Y below 2^64 for a column of Excel's 2^20 rows): each a double to within half an ulp.
  return { r, oneMinusR2: Number(rest) / Number(xy), n: m };
}
