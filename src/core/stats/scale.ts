/**
 * Scale-free statistics at any magnitude. Squares of values near 1e±170 overflow or underflow
 * (1e170² is beyond the largest double; 1e-170² below the smallest), so a series is first
 * divided by a power of two near its largest magnitude: exact (only the exponent changes), and
 * it leaves every value within [−2, 2), where sums of squares are safe. Statistics invariant to
 * scale (r, t, z, p) are then computed as they are; results in the data's units are multiplied
 * back by the same power of two.
 */
import { chunked, runToEnd, Steps } from "../analysis/steps";

/** A power of two 2^e with 2^e <= max |v| < 2^(e+1) (1 for a series of zeros or no numbers). */
export function powerOfTwoScale(values: ArrayLike<number>): number {
  return runToEnd(powerOfTwoScaleSteps(values));
}

/** powerOfTwoScale in steps of a chunk of a full column each (core/analysis/steps.ts). */
export function* powerOfTwoScaleSteps(values: ArrayLike<number>): Steps<number> {
  let max = 0;
  yield* chunked(values.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const a = Math.abs(values[i]);
      if (a > max && a !== Infinity) max = a;
    }
  });
  if (max === 0) return 1;
  const scale = 2 ** Math.floor(Math.log2(max));
  // log2 may round across a power of two; keep max / scale within [1, 2).
  return max / scale >= 2 ? scale * 2 : max / scale < 1 ? scale / 2 : scale;
}

/** The series divided by `scale` (NaN gaps stay NaN), into `out` (which may be `values` itself). */
export function divided(values: ArrayLike<number>, scale: number, out: Float64Array = new Float64Array(values.length)): Float64Array {
  return runToEnd(dividedSteps(values, scale, out));
}

/** divided in steps of a chunk each. */
export function* dividedSteps(values: ArrayLike<number>, scale: number, out: Float64Array = new Float64Array(values.length)): Steps<Float64Array> {
  yield* chunked(values.length, (from, to) => {
    for (let i = from; i < to; i++) out[i] = values[i] / scale;
  });
  return out;
}
