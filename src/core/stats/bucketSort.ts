/**
 * A series' numbers in ascending order with their periods, gaps (NaN) last, for Spearman's ranks
 * (laggedRanksGaps.ts). Numbers go to buckets by value, (v − min)·scale rounded down, which
 * never puts a smaller number in a later bucket (each operation is monotone), then each bucket
 * is sorted by comparisons: one counting pass and one scatter instead of a quicksort's 20 passes
 * over a full column (measured: 170–280 ms a column by quicksort). A bucket of equal values
 * (ties) is left as it is, a large one (values bunched by outliers) is quicksorted in steps.
 */
import { chunked, Steps } from "../analysis/steps";
import { insertionSort, INSERTION, quicksortSteps, SORT_CHUNK } from "./sortSteps";

// Buckets are sorted by insertion up to INSERTION places, by quicksort beyond (sortSteps.ts).

export interface Sorted {
  /** Periods in ascending order of value, the gaps' last (in period order). */
  order: Uint32Array;
  /** The values so sorted; the places from `count` on are gaps (NaN). */
  keys: Float64Array;
  /** How many numbers. */
  count: number;
}

/** Sorts v into `into` (buffers of v's length, reused for both series of a call; `starts` too, kept there once made). */
export function* bucketSortSteps(v: Float64Array, into: { order: Uint32Array; keys: Float64Array; starts?: Int32Array }): Steps<Sorted> {
  const n = v.length;
  const { order, keys } = into;
  const range = { min: Infinity, max: -Infinity, count: 0 };
  yield* chunked(n, (from, to) => extent(v, from, to, range));
  const { min, count } = range;
  // About 4 numbers a bucket. A constant series, or a span past the largest double, takes one bucket.
  const buckets = Math.max(1, 2 ** Math.round(Math.log2(Math.max(1, count / 4))));
  const span = range.max - min;
  const scale = span > 0 && span < Infinity ? buckets / span : 0;
  const starts = into.starts && into.starts.length >= buckets + 1 ? into.starts.fill(0, 0, buckets + 1) : (into.starts = new Int32Array(buckets + 1));
  yield;
  yield* chunked(n, (from, to) => countBuckets(v, from, to, min, scale, buckets, starts));
  // The gaps take [count, n).
  startsFromSizes(starts, buckets);
  yield;
  const next = { gap: count };
  yield* chunked(n, (from, to) => scatter(v, from, to, min, scale, buckets, starts, next, keys, order));
  // scatter left starts[b] at bucket b's end, that is bucket b + 1's start: bucket b is [starts[b − 1], starts[b]).
  for (let b = 0; b < buckets;) {
    yield;
    const lo = b === 0 ? 0 : starts[b - 1];
    if (starts[b] - lo <= INSERTION) {
      b = sortBuckets(keys, order, starts, b, buckets);
      continue;
    }
    // A bucket too large to sort by insertion: quicksorted in steps of its own.
    yield* quicksortSteps(keys, order, lo, starts[b] - 1);
    b++;
  }
  return { order, keys, count };
}

function extent(v: Float64Array, from: number, to: number, range: { min: number; max: number; count: number }): void {
  let { min, max, count } = range;
  for (let i = from; i < to; i++) {
    const value = v[i];
    if (value !== value) continue;
    if (value < min) min = value;
    if (value > max) max = value;
    count++;
  }
  range.min = min;
  range.max = max;
  range.count = count;
}

function bucketOf(value: number, min: number, scale: number, buckets: number): number {
  const b = Math.floor((value - min) * scale);
  return b < buckets ? b : buckets - 1;
}

/** Bucket sizes into each bucket's first place (exclusive prefix sums). */
function startsFromSizes(starts: Int32Array, buckets: number): void {
  let total = 0;
  for (let b = 0; b < buckets; b++) {
    const size = starts[b];
    starts[b] = total;
    total += size;
  }
  starts[buckets] = total;
}

function countBuckets(v: Float64Array, from: number, to: number, min: number, scale: number, buckets: number, sizes: Int32Array): void {
  for (let i = from; i < to; i++) {
    const value = v[i];
    if (value === value) sizes[bucketOf(value, min, scale, buckets)]++;
  }
}

function scatter(
  v: Float64Array,
  from: number,
  to: number,
  min: number,
  scale: number,
  buckets: number,
  starts: Int32Array,
  next: { gap: number },
  keys: Float64Array,
  order: Uint32Array,
): void {
  let gap = next.gap;
  for (let i = from; i < to; i++) {
    const value = v[i];
    const place = value === value ? starts[bucketOf(value, min, scale, buckets)]++ : gap++;
    keys[place] = value;
    order[place] = i;
  }
  next.gap = gap;
}

/** Sorts buckets from `b` on by insertion, until SORT_CHUNK places or a bucket past INSERTION; returns the bucket it stopped at. */
function sortBuckets(keys: Float64Array, order: Uint32Array, starts: Int32Array, b: number, buckets: number): number {
  const until = (b === 0 ? 0 : starts[b - 1]) + SORT_CHUNK;
  for (; b < buckets; b++) {
    const lo = b === 0 ? 0 : starts[b - 1];
    const hi = starts[b];
    if (lo >= until) return b;
    if (hi - lo > INSERTION) return b;
    insertionSort(keys, order, lo, hi - 1);
  }
  return b;
}
