/**
 * Pearson correlation at every lag in one sweep. For lag k the pairs are (x[i], y[i + k]); a gap
 * (NaN) on either side drops the pair. Sums of x, x², y and y² over the pairs of every lag come
 * from prefix sums corrected at the (few) gaps, so a lag costs one dot product: O(n) per lag,
 * O(n·lags) in all, on typed arrays. Values are centred on their mean first, so the sums keep
 * their digits for data at a large offset. A lag whose sums lost too many digits to cancellation
 * (a near-constant subset) or whose |r| is near 1 is recomputed pair by pair by the exact
 * two-pass routine, which also decides exact constancy.
 */
import { runToEnd, Steps } from "../steps";
import { Correlation, pearson } from "./correlation";
import { Problem } from "../problem";

export type LagCorrelation = Correlation | Problem | { n: number; problem: Problem };

/** Fraction of the sum of squares that cancellation may leave before a lag is recomputed exactly. */
const CANCELLATION_GUARD = 1e-6;
const NEAR_PERFECT = 0.9;

interface Prepared {
  centred: Float64Array;
  /** prefix[i] = sum of centred[0..i) */
  prefix: Float64Array;
  prefixSquares: Float64Array;
  /** gapsBefore[i] = number of gaps in [0, i) */
  gapsBefore: Int32Array;
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
const PREPARE_CHUNK = 1 << 17;

function* prepare(v: ArrayLike<number>, n: number): Steps<Prepared> {
  const mean = meanOfNumbers(v);
  const centred = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  const prefixSquares = new Float64Array(n + 1);
  const gapsBefore = new Int32Array(n + 1);
  const isGap = new Uint8Array(n);
  const gapList: number[] = [];
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    if (i % PREPARE_CHUNK === PREPARE_CHUNK - 1) yield;
    const value = v[i];
    if (value === value) {
      const c = value - mean;
      centred[i] = c;
      s += c;
      s2 += c * c;
    } else {
      isGap[i] = 1;
      gapList.push(i);
    }
    prefix[i + 1] = s;
    prefixSquares[i + 1] = s2;
    gapsBefore[i + 1] = gapList.length;
  }
  return { centred, prefix, prefixSquares, gapsBefore, gaps: Int32Array.from(gapList), isGap };
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
export function* pearsonByLagSteps(x: ArrayLike<number>, y: ArrayLike<number>, maxLag: number): Steps<LagResult[]> {
  const n = Math.min(x.length, y.length);
  const px = yield* prepare(x, n);
  yield;
  const py = yield* prepare(y, n);
  yield;
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
    let sx = px.prefix[length];
    let sxx = px.prefixSquares[length];
    let sy = py.prefix[n] - py.prefix[lag];
    let syy = py.prefixSquares[n] - py.prefixSquares[lag];
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
    const sxy = dot(px.centred, py.centred, lag, length);
    const cxx = sxx - (sx * sx) / m;
    const cyy = syy - (sy * sy) / m;
    const cxy = sxy - (sx * sy) / m;
    const r = cxy / (Math.sqrt(cxx) * Math.sqrt(cyy));
    const doubtful = !(cxx > CANCELLATION_GUARD * sxx) || !(cyy > CANCELLATION_GUARD * syy) || !(Math.abs(r) <= NEAR_PERFECT);
    if (doubtful) {
      scratch ??= { x: new Float64Array(n), y: new Float64Array(n) };
      rows.push({ lag, n: m, result: exactLag(x, y, lag, length, scratch.x, scratch.y) });
      continue;
    }
    rows.push({ lag, n: m, result: { r, oneMinusR2: 1 - r * r, n: m } });
  }
  return rows;
}

function countPairs(px: Prepared, py: Prepared, lag: number, length: number): number {
  if (length <= 0) return 0;
  let m = length - px.gapsBefore[length] - (py.gapsBefore[lag + length] - py.gapsBefore[lag]);
  // Pairs where both sides are gaps were subtracted twice.
  for (let g = 0; g < px.gaps.length; g++) {
    const i = px.gaps[g];
    if (i >= length) break;
    if (py.isGap[i + lag]) m++;
  }
  return m;
}

function exactLag(x: ArrayLike<number>, y: ArrayLike<number>, lag: number, length: number, xs: Float64Array, ys: Float64Array): Correlation | Problem {
  let m = 0;
  for (let i = 0; i < length; i++) {
    const a = x[i];
    const b = y[i + lag];
    if (a === a && b === b) {
      xs[m] = a;
      ys[m] = b;
      m++;
    }
  }
  return pearson(xs, ys, m);
}
