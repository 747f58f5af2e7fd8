/**
 * Means and sums of squares measured from a common origin. Data with a large offset and a
 * small spread (1e9 + noise of 1e-3) loses its digits as soon as the offset takes part in a
 * sum, and the difference of two rounded means keeps only what the rounding left; measuring
 * every sample from one origin (its first value, subtracted exactly) keeps them.
 */
import { chunked, runToEnd, Steps } from "../analysis/steps";

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
  return runToEnd(momentsFromSteps(values, origin));
}

/** momentsFrom in steps of a chunk of a full column each. */
export function* momentsFromSteps(values: ArrayLike<number>, origin: number): Steps<Moments> {
  const n = values.length;
  let sum = 0;
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) sum += values[i] - origin;
  });
  const offsetMean = sum / n;
  let squares = 0;
  let residue = 0;
  yield;
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const d = values[i] - origin - offsetMean;
      squares += d * d;
      residue += d;
    }
  });
  return { n, offsetMean: offsetMean + residue / n, sumSquares: squares - (residue * residue) / n, origin };
}

/**
 * The mean as simple-statistics 7.12 computes it (mean = sum / n, the sum by Kahan–Babuška–
 * Neumaier compensated summation: the same operations in the same order, so the same double),
 * in steps of a chunk of a full column each. At least one value.
 */
export function* meanSteps(x: ArrayLike<number>): Steps<number> {
  let sum = x[0];
  let correction = 0;
  yield* chunked(x.length, (from, to) => {
    for (let i = Math.max(1, from); i < to; i++) {
      const v = x[i];
      const transition = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) correction += sum - transition + v;
      else correction += v - transition + sum;
      sum = transition;
    }
  });
  return (sum + correction) / x.length;
}

export function meanOf(m: Moments): number {
  return m.origin + m.offsetMean;
}

export function sampleVarianceOf(m: Moments): number {
  return Math.max(0, m.sumSquares) / (m.n - 1);
}
