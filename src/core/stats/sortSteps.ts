/**
 * Sorting typed keys with their order entries in resumable steps: a quicksort (median of three,
 * Hoare partitions cut into steps of SORT_CHUNK places, the smaller part on the stack) ending in
 * insertion sorts. Used by the rank of a series (ranks.ts) and a bucket too large to insert
 * (bucketSort.ts).
 */
import { Steps } from "../analysis/steps";

/** Places handled between two steps (core/analysis/steps.ts): a few milliseconds. */
export const SORT_CHUNK = 1 << 16;

/** Ranges up to this size are sorted by insertion. */
export const INSERTION = 32;

export function insertionSort(keys: Float64Array, order: Uint32Array, lo: number, hi: number): void {
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
export function* quicksortSteps(keys: Float64Array, order: Uint32Array, lo0: number, hi0: number): Steps<void> {
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
