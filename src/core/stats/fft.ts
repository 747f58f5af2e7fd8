/**
 * Cross-correlation by FFT, for LEADLAG_CORR's Pearson path on long series with many lags:
 * c[k] = Σ a[i]·b[i + k] for k = 0…maxLag in O(n log M) instead of O(n·lags).
 *
 * Overlap-save in blocks: a is cut into blocks of B = M − maxLag values; each block's
 * correlation with the stretch of b it meets (B + maxLag values) is a circular correlation of
 * size M (a power of two) with no wrapped terms at the lags asked for, and the blocks' results
 * add up. M is a few times the number of lags, so each transform lives in the processor's cache
 * instead of streaming a full column's 32 MB arrays through memory at every stage.
 *
 * In a block both real sequences go into one complex transform (z = a + i·b, Z = FFT(z); then
 * A[k] = (Z[k] + conj Z[M−k]) / 2 and B[k] = (Z[k] − conj Z[M−k]) / 2i), and conj(A)·B comes
 * back through a real inverse FFT done as a complex FFT of half the size. Radix-2, iterative,
 * on typed arrays, twiddles from Math.cos/sin per index (no recurrence, so no drift): each c[k]
 * is off by a few units of roundoff times log2 M times ‖a‖·‖b‖, far inside the 1e-9 that
 * LEADLAG_CORR keeps to. Written as resumable steps (steps.ts): a step is one block.
 */
import { Steps } from "../analysis/steps";

interface Plan {
  size: number;
  cos: Float64Array;
  sin: Float64Array;
  /** The bit-reversal permutation's swaps, as pairs (i, j) with i < j. */
  swaps: Int32Array;
}

const plans = new Map<number, Plan>();

/** Twiddles cos/sin of −2πk/size for k < size/2 (every stage uses them at a stride) and the permutation. */
function plan(size: number): Plan {
  let p = plans.get(size);
  if (p) return p;
  if (size < 2 || (size & (size - 1)) !== 0) throw new Error("FFT length must be a power of two");
  const half = size >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    const angle = (-2 * Math.PI * k) / size;
    cos[k] = Math.cos(angle);
    sin[k] = Math.sin(angle);
  }
  const swaps: number[] = [];
  for (let i = 0, j = 0; i < size; i++) {
    if (i < j) swaps.push(i, j);
    let bit = half;
    while (j & bit) {
      j ^= bit;
      bit >>= 1;
    }
    j |= bit;
  }
  p = { size, cos, sin, swaps: Int32Array.from(swaps) };
  if (plans.size > 8) plans.clear();
  plans.set(size, p);
  return p;
}

/** In-place forward complex FFT (sign −1) of a power-of-two length. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (n === 1) return;
  const { cos, sin, swaps } = plan(n);
  for (let s = 0; s < swaps.length; s += 2) {
    const i = swaps[s];
    const j = swaps[s + 1];
    let t = re[i];
    re[i] = re[j];
    re[j] = t;
    t = im[i];
    im[i] = im[j];
    im[j] = t;
  }
  // The first stage (size 2) has no twiddles.
  for (let a = 0; a < n; a += 2) {
    const xr = re[a + 1];
    const xi = im[a + 1];
    re[a + 1] = re[a] - xr;
    im[a + 1] = im[a] - xi;
    re[a] += xr;
    im[a] += xi;
  }
  for (let size = 4; size <= n; size <<= 1) {
    const half = size >> 1;
    const stride = n / size;
    for (let k = 0, t = 0; k < half; k++, t += stride) {
      const wr = cos[t];
      const wi = sin[t];
      for (let a = k; a < n; a += size) {
        const b = a + half;
        const br = re[b];
        const bi = im[b];
        const xr = br * wr - bi * wi;
        const xi = br * wi + bi * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/** The smallest power of two at least `n`. */
export function powerOfTwoAtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** The transform size for a given number of lags: a few times the lags, so most of each block is new data. */
export function blockSize(maxLag: number, n: number): number {
  return Math.min(powerOfTwoAtLeast(Math.max(2, n + maxLag)), Math.max(1024, powerOfTwoAtLeast(16 * (maxLag + 1))));
}

/**
 * c[k] = Σ_i a[i]·b[i + k] for k = 0…maxLag, over the first `n` values of each (terms past
 * the end are 0).
 */
export function* crossCorrelationSteps(a: ArrayLike<number>, b: ArrayLike<number>, n: number, maxLag: number): Steps<Float64Array> {
  const size = blockSize(maxLag, n);
  const step = size - maxLag;
  const half = size >> 1;
  const { cos, sin } = plan(size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const pr = new Float64Array(half);
  const pi = new Float64Array(half);
  const qr = new Float64Array(half + 1);
  const qi = new Float64Array(half + 1);
  const out = new Float64Array(maxLag + 1);
  const block: Block = { size, maxLag, cos, sin, re, im, pr, pi, qr, qi, out };
  for (let start = 0; start < n; start += step) {
    if (start > 0) yield;
    correlateBlock(a, b, n, start, step, block);
  }
  return out;
}

interface Block {
  size: number;
  maxLag: number;
  cos: Float64Array;
  sin: Float64Array;
  re: Float64Array;
  im: Float64Array;
  pr: Float64Array;
  pi: Float64Array;
  qr: Float64Array;
  qi: Float64Array;
  out: Float64Array;
}

/** Adds one block's correlation (a[start…start+step) against b from start) into out (a plain function: V8 optimises loops in generators less well). */
function correlateBlock(a: ArrayLike<number>, b: ArrayLike<number>, n: number, start: number, step: number, blk: Block): void {
  const { size, maxLag, cos, sin, re, im, pr, pi, qr, qi, out } = blk;
  const half = size >> 1;
  const blockEnd = Math.min(n, start + step);
  const segmentEnd = Math.min(n, start + size);
  re.fill(0);
  im.fill(0);
  for (let i = start; i < blockEnd; i++) re[i - start] = a[i];
  for (let i = start; i < segmentEnd; i++) im[i - start] = b[i];
  fft(re, im);
  // P[k] = conj(A[k])·B[k] for k ≤ M/2 (the rest is its mirror: the inverse is real).
  for (let k = 0; k <= half; k++) {
    const m = (size - k) & (size - 1);
    const zr = re[k];
    const zi = im[k];
    const wr = re[m];
    const wi = -im[m];
    const ar = (zr + wr) / 2;
    const ai = (zi + wi) / 2;
    const br = (zi - wi) / 2;
    const bi = -(zr - wr) / 2;
    qr[k] = ar * br + ai * bi;
    qi[k] = ar * bi - ai * br;
  }
  // X = E + i·O packs the even and odd samples of the real inverse of P:
  // E[k] = (P[k] + conj P[h−k]) / 2, O[k] = (P[k] − conj P[h−k]) · e^{+2πik/M} / 2.
  for (let k = 0; k < half; k++) {
    const ar = qr[k];
    const ai = qi[k];
    const br = qr[half - k];
    const bi = -qi[half - k];
    const er = (ar + br) / 2;
    const ei = (ai + bi) / 2;
    const dr = (ar - br) / 2;
    const di = (ai - bi) / 2;
    const c = cos[k];
    const s = -sin[k];
    const or = dr * c - di * s;
    const oi = dr * s + di * c;
    // Conjugated, so the forward FFT below computes the inverse.
    pr[k] = er - oi;
    pi[k] = -(ei + or);
  }
  fft(pr, pi);
  for (let j = 0; j <= maxLag; j++) {
    const m = j >> 1;
    out[j] += (j & 1 ? -pi[m] : pr[m]) / half;
  }
}
