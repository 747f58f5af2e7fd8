/**
 * Pearson correlation at every lag in one sweep. For lag k the pairs are (x[i], y[i + k]); a gap
 * (NaN) on either side drops the pair. Sums of x, x², y and y² over the pairs of every lag come
 * from prefix sums corrected at the (few) gaps, so a lag costs one dot product: O(n) per lag,
 * O(n·lags) in all, on typed arrays; for many lags on long series the cross products of all
 * lags come from one FFT correlation instead (gaps are zeros there, so they drop out exactly). Values are centred on their mean first, so the sums keep
 * their digits for data at a large offset. A lag whose sums lost too many digits to cancellation
 * (a near-constant subset) or whose |r| is near 1 is recomputed pair by pair by the exact
 * two-pass routine, which also decides exact constancy.
 */
import { FIRST_CHUNK, rampUp, runToEnd, Steps } from "../analysis/steps";
import { blockSize, crossCorrelationSteps } from "./fft";
import { Correlation, pearson } from "./correlation";
import { Problem } from "../analysis/problem";

export type LagCorrelation = Correlation | Problem | { n: number; problem: Problem };

/** Fraction of the sum of squares that cancellation may leave before a lag is recomputed exactly. */
const CANCELLATION_GUARD = 1e-6;
const NEAR_PERFECT = 0.9;

/**
 * A series ready for every lag: centred values (0 at gaps), where its gaps are, and its prefix
 * sums only where the lags need them: sums over [0, k) and over [0, n − k) for k = 0…maxLag
 * (x's pairs are a prefix of x, y's a suffix of y). Kept small: full-length prefix arrays would
 * add 28 MB a series on a full column, and the garbage collector's pauses with them.
 */
interface Prepared {
  centred: Float64Array;
  /** head[k] = Σ centred[0..k), k = 0…maxLag; tail[k] = Σ centred[0..n−k). */
  head: Float64Array;
  tail: Float64Array;
  headSquares: Float64Array;
  tailSquares: Float64Array;
  /** Gaps before k and before n − k, k = 0…maxLag. */
  gapsHead: Int32Array;
  gapsTail: Int32Array;
  gaps: Int32Array;
  isGap: Uint8Array;
}

function meanOfNumbers(v: ArrayLike<number>): number {
  let origin = NaN;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === v[i]) {
      origin = v[i];
      break;
    }
  }
  if (origin !== origin) return 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === v[i]) {
      sum += v[i] - origin;
      count++;
    }
  }
  return origin + sum / count;
}

/** Elements prepared between two steps: a slice of work well under the event loop's budget. */
const PREPARE_CHUNK = 1 << 16;

function* prepare(v: ArrayLike<number>, n: number, maxLag: number, reuse: boolean): Steps<Prepared> {
  const mean = meanOfNumbers(v);
  const span = Math.min(maxLag, n) + 1;
  const p: Prepared = {
    // The caller's own array may take the centred values (each is read before it is written).
    centred: reuse && v instanceof Float64Array ? v.subarray(0, n) : new Float64Array(n),
    head: new Float64Array(span),
    tail: new Float64Array(span),
    headSquares: new Float64Array(span),
    tailSquares: new Float64Array(span),
    gapsHead: new Int32Array(span),
    gapsTail: new Int32Array(span),
    gaps: new Int32Array(0),
    isGap: new Uint8Array(n),
  };
  const running = { s: 0, s2: 0, gaps: [] as number[] };
  keepSums(p, running, 0, n, span);
  for (let from = 0, size = FIRST_CHUNK; from < n; from += size, size = rampUp(size, PREPARE_CHUNK)) {
    if (from > 0) yield;
    prepareChunk(v, mean, p, running, from, Math.min(n, from + size), n, span);
  }
  p.gaps = Int32Array.from(running.gaps);
  return p;
}

/** Centres [from, to) and keeps the running sums where the lags need them (a plain function: V8 optimises loops in generators less well). */
function prepareChunk(
  v: ArrayLike<number>,
  mean: number,
  p: Prepared,
  running: { s: number; s2: number; gaps: number[] },
  from: number,
  to: number,
  n: number,
  span: number,
): void {
  const { centred, isGap } = p;
  let s = running.s;
  let s2 = running.s2;
  for (let i = from; i < to; i++) {
    const value = v[i];
    if (value === value) {
      const c = value - mean;
      centred[i] = c;
      s += c;
      s2 += c * c;
    } else {
      // 0, so a gap drops out of every cross product (the array may be the caller's, holding NaN).
      centred[i] = 0;
      isGap[i] = 1;
      running.gaps.push(i);
    }
    if (i + 1 < span || n - (i + 1) < span) {
      running.s = s;
      running.s2 = s2;
      keepSums(p, running, i + 1, n, span);
    }
  }
  running.s = s;
  running.s2 = s2;
}

/** Records the sums over [0, i) where i ≤ maxLag (head) and where i ≥ n − maxLag (tail). */
function keepSums(p: Prepared, running: { s: number; s2: number; gaps: number[] }, i: number, n: number, span: number): void {
  if (i < span) {
    p.head[i] = running.s;
    p.headSquares[i] = running.s2;
    p.gapsHead[i] = running.gaps.length;
  }
  if (n - i < span) {
    p.tail[n - i] = running.s;
    p.tailSquares[n - i] = running.s2;
    p.gapsTail[n - i] = running.gaps.length;
  }
}

/** Σ a[i]·b[i + offset] for i in [0, length), four accumulators for speed and accuracy. */
function dot(a: Float64Array, b: Float64Array, offset: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    s0 += a[i] * b[i + offset];
    s1 += a[i + 1] * b[i + 1 + offset];
    s2 += a[i + 2] * b[i + 2 + offset];
    s3 += a[i + 3] * b[i + 3 + offset];
  }
  for (; i < length; i++) s0 += a[i] * b[i + offset];
  return s0 + s1 + (s2 + s3);
}

/**
 * Whether the cross products of all lags are cheaper by FFT (overlap-save, fft.ts) than by one
 * dot product per lag. Calibrated on this project's benchmark: a dot product costs about 0.9 ns
 * a pair; a block transform about 3 ns per point and stage in cache (6 ns for blocks past 4096).
 * Short inputs stay direct: they take under a couple of milliseconds either way.
 */
export function crossProductsByFft(n: number, maxLag: number): boolean {
  const direct = 0.9 * n * (maxLag + 1);
  if (direct < 2e6) return false;
  const size = blockSize(maxLag, n);
  const blocks = Math.ceil(n / Math.max(1, size - maxLag));
  const fft = blocks * size * Math.log2(size) * (size > 4096 ? 6 : 3);
  return fft < direct;
}

/** Pearson correlation for lags 0..maxLag; each entry is a Correlation or the Problem for that lag. */
export function pearsonByLag(x: ArrayLike<number>, y: ArrayLike<number>, maxLag: number): LagResult[] {
  return runToEnd(pearsonByLagSteps(x, y, maxLag));
}

export interface LagResult {
  lag: number;
  n: number;
  result: Correlation | Problem;
}

/** pearsonByLag in steps: one after preparing each series, then one per lag. */
export function* pearsonByLagSteps(x: ArrayLike<number>, y: ArrayLike<number>, maxLag: number, reuseInputs = false): Steps<LagResult[]> {
  const n = Math.min(x.length, y.length);
  const px = yield* prepare(x, n, maxLag, reuseInputs);
  yield;
  const py = yield* prepare(y, n, maxLag, reuseInputs);
  yield;
  // The cross products of every lag at once by FFT when that is cheaper; exact to roundoff
  // (test/core/stats/fft.test.ts), and a doubtful lag is recomputed pair by pair below either way.
  const crossProducts = crossProductsByFft(n, maxLag) ? yield* crossCorrelationSteps(px.centred, py.centred, n, maxLag) : null;
  const rows: { lag: number; n: number; result: Correlation | Problem }[] = [];
  // Scratch space for the lags recomputed pair by pair, allocated only if one is.
  let scratch: { x: Float64Array; y: Float64Array } | null = null;
  for (let lag = 0; lag <= maxLag; lag++) {
    if (lag > 0) yield;
    const length = Math.max(0, n - lag);
    if (length < 3) {
      const m = countPairs(px, py, lag, length);
      rows.push({ lag, n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) });
      continue;
    }
    // Pairs i in [0, length): x[i] with y[i + lag].
    let sx = px.tail[lag];
    let sxx = px.tailSquares[lag];
    let sy = py.tail[0] - py.head[lag];
    let syy = py.tailSquares[0] - py.headSquares[lag];
    // A gap in y removes its partner x from the x sums, and the other way round.
    for (let g = 0; g < py.gaps.length; g++) {
      const j = py.gaps[g];
      if (j < lag) continue;
      const c = px.centred[j - lag];
      sx -= c;
      sxx -= c * c;
    }
    for (let g = 0; g < px.gaps.length; g++) {
      const i = px.gaps[g];
      if (i >= length) break;
      const c = py.centred[i + lag];
      sy -= c;
      syy -= c * c;
    }
    const m = countPairs(px, py, lag, length);
    if (m < 3) {
      rows.push({ lag, n: m, result: new Problem("na", `needs at least 3 pairs of numbers, got ${m}`) });
      continue;
    }
    const sxy = crossProducts ? crossProducts[lag] : dot(px.centred, py.centred, lag, length);
    const cxx = sxx - (sx * sx) / m;
    const cyy = syy - (sy * sy) / m;
    const cxy = sxy - (sx * sy) / m;
    const r = cxy / (Math.sqrt(cxx) * Math.sqrt(cyy));
    const doubtful = !(cxx > CANCELLATION_GUARD * sxx) || !(cyy > CANCELLATION_GUARD * syy) || !(Math.abs(r) <= NEAR_PERFECT);
    if (doubtful) {
      scratch ??= { x: new Float64Array(n), y: new Float64Array(n) };
      rows.push({ lag, n: m, result: exactLag(px, py, lag, length, scratch.x, scratch.y) });
      continue;
    }
    rows.push({ lag, n: m, result: { r, oneMinusR2: 1 - r * r, n: m } });
  }
  return rows;
}

function countPairs(px: Prepared, py: Prepared, lag: number, length: number): number {
  if (length <= 0) return 0;
  // length = n − lag: x's pairs are [0, n − lag), y's [lag, n).
  let m = length - px.gapsTail[lag] - (py.gapsTail[0] - py.gapsHead[lag]);
  // Pairs where both sides are gaps were subtracted twice.
  for (let g = 0; g < px.gaps.length; g++) {
    const i = px.gaps[g];
    if (i >= length) break;
    if (py.isGap[i + lag]) m++;
  }
  return m;
}

/** One lag pair by pair, by the two-pass routine, from the centred values (r does not change with a shift). */
function exactLag(px: Prepared, py: Prepared, lag: number, length: number, xs: Float64Array, ys: Float64Array): Correlation | Problem {
  let m = 0;
  for (let i = 0; i < length; i++) {
    if (!px.isGap[i] && !py.isGap[i + lag]) {
      xs[m] = px.centred[i];
      ys[m] = py.centred[i + lag];
      m++;
    }
  }
  return pearson(xs, ys, m);
}
