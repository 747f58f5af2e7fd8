/** The numbers of a series in order, gaps (NaN) skipped, in a typed array (a loop: typed-array filter is slow on a column). */
export function numbersOf(series: ArrayLike<number>): Float64Array {
  const out = new Float64Array(series.length);
  let n = 0;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (v === v) out[n++] = v;
  }
  return out.subarray(0, n);
}
