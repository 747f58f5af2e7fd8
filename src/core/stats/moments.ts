/**
 * Means and sums of squares measured from a common origin. Data with a large offset and a
 * small spread (1e9 + noise of 1e-3) loses its digits as soon as the offset takes part in a
 * sum, and the difference of two rounded means keeps only what the rounding left; measuring
 * every sample from one origin (its first value, subtracted exactly) keeps them.
 */

export interface Moments {
  n: number;
  /** The mean minus the origin. */
  offsetMean: number;
  /** Sum of squared deviations from the mean. */
  sumSquares: number;
  origin: number;
}

/** Moments of `values` measured from `origin` (the corrected two-pass algorithm). */
export function momentsFrom(values: ArrayLike<number>, origin: number): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] - origin;
  const offsetMean = sum / n;
  let squares = 0;
  let residue = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - origin - offsetMean;
    squares += d * d;
    residue += d;
  }
  return { n, offsetMean: offsetMean + residue / n, sumSquares: squares - (residue * residue) / n, origin };
}

export function meanOf(m: Moments): number {
  return m.origin + m.offsetMean;
}

export function sampleVarianceOf(m: Moments): number {
  return Math.max(0, m.sumSquares) / (m.n - 1);
}
