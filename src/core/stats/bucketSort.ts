/**
 * A series' numbers in ascending order with their periods, gaps (NaN) last, for Spearman's ranks
 * (laggedRanksGaps.ts). Numbers go to buckets by value, (v − min)·scale rounded down, which
 * never puts a smaller number in a later bucket (each operation is monotone), then each bucket
 * is sorted by comparisons: one counting pass and one scatter instead of a quicksort's 20 passes
 * over a full column (measured: 170–280 ms a column by quicksort). A bucket of equal values
 * (ties) is left as it is, a large one (values bunched by outliers) is quicksorted in steps.
 */
import { chunked, Steps } from "../analysis/steps";

/** Sorted places handled between two steps. */
const SORT_CHUNK = 1 << 16;

/** Buckets are sorted by insertion up to this size, by quicksort beyond. */
const INSERTION = 32;

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

function insertionSort(keys: Float64Array, order: Uint32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i];
    if (!(k < keys[i - 1])) continue;
    const o = order[i];
    let j = i - 1;
    while (j >= lo && keys[j] > k) {
      keys[j + 1] = keys[j];
      order[j + 1] = order[j];
      j--;
    }
    keys[j + 1] = k;
    order[j + 1] = o;
  }
}

/** Sorts keys[lo..hi] (no NaN) with their order entries, yielding every SORT_CHUNK elements passed (a long partition too). */
function* quicksortSteps(keys: Float64Array, order: Uint32Array, lo0: number, hi0: number): Steps<void> {
  if (allEqual(keys, lo0, hi0)) return;
  let work = 0;
  const stack: number[] = [lo0, hi0];
  while (stack.length > 0) {
    let hi = stack.pop()!;
    let lo = stack.pop()!;
    while (hi - lo > INSERTION) {
      work += hi - lo;
      if (work >= SORT_CHUNK) {
        work = 0;
        yield;
      }
      const mid = (lo + hi) >>> 1;
      // Median of three as the pivot.
      if (keys[mid] < keys[lo]) swap(keys, order, mid, lo);
      if (keys[hi] < keys[lo]) swap(keys, order, hi, lo);
      if (keys[hi] < keys[mid]) swap(keys, order, hi, mid);
      const pivot = keys[mid];
      const bounds = { i: lo, j: hi };
      while (partitionSome(keys, order, pivot, bounds)) yield;
      const { i, j } = bounds;
      // The smaller part on the stack, the larger looped on: the stack stays O(log n).
      if (j - lo < hi - i) {
        stack.push(i, hi);
        hi = j;
      } else {
        stack.push(lo, j);
        lo = i;
      }
    }
    insertionSort(keys, order, lo, hi);
  }
}

/** Hoare partition around `pivot`, SORT_CHUNK elements at most; true while it is unfinished ([lo, j] <= pivot <= [i, hi] once done). */
function partitionSome(keys: Float64Array, order: Uint32Array, pivot: number, bounds: { i: number; j: number }): boolean {
  let { i, j } = bounds;
  const until = i - j + SORT_CHUNK;
  while (i <= j && i - j < until) {
    while (keys[i] < pivot) i++;
    while (keys[j] > pivot) j--;
    if (i <= j) {
      swap(keys, order, i, j);
      i++;
      j--;
    }
  }
  bounds.i = i;
  bounds.j = j;
  return i <= j;
}

function allEqual(keys: Float64Array, lo: number, hi: number): boolean {
  const first = keys[lo];
  for (let i = lo + 1; i <= hi; i++) if (keys[i] !== first) return false;
  return true;
}

function swap(keys: Float64Array, order: Uint32Array, a: number, b: number): void {
  const k = keys[a];
  keys[a] = keys[b];
  keys[b] = k;
  const o = order[a];
  order[a] = order[b];
  order[b] = o;
}
