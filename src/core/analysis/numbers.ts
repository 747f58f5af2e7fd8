import { chunked, runToEnd, Steps } from "./steps";

/** The numbers of a series in order, gaps (NaN) skipped, in a typed array (a loop: typed-array filter is slow on a column). */
export function numbersOf(series: ArrayLike<number>): Float64Array {
  return runToEnd(numbersOfSteps(series));
}

/** numbersOf in steps of a chunk of a full column each; into `out`, which may be `series` itself (each value is read before it is written). */
export function* numbersOfSteps(series: ArrayLike<number>, out: Float64Array = new Float64Array(series.length)): Steps<Float64Array> {
  let n = 0;
  yield* chunked(series.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = series[i];
      if (v === v) out[n++] = v;
    }
  });
  return out.subarray(0, n);
}
