/**
 * Average ranks (1-based, ties share the mean of the ranks they span), as Spearman's rho and
 * the Mann–Whitney test define them.
 */

import { chunked, FIRST_CHUNK, PASS_CHUNK, rampUp, runToEnd, Steps } from "../analysis/steps";
import { quicksortSteps } from "./sortSteps";

/**
 * Indices of `values` in ascending order of value (no NaN). A quicksort of keys and indices
 * together: a comparator callback per comparison (Array.prototype.sort) costs several times more
 * on a million values.
 */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  return runToEnd(ascendingOrderSteps(values));
}

/** ascendingOrder in steps, yielding every SORT_CHUNK elements partitioned (sortSteps.ts). */
export function* ascendingOrderSteps(values: ArrayLike<number>): Steps<Uint32Array> {
  return (yield* ascendingSortSteps(values)).order;
}

/** The indices in ascending order of value, and the values so sorted; `gapsLast`: NaN sorts as +Infinity. */
export function* ascendingSortSteps(
  values: ArrayLike<number>,
  gapsLast = false,
  /** Buffers of a previous sort of the same length to sort in (fewer full-column allocations). */
  reuse?: { order: Uint32Array; keys: Float64Array },
): Steps<{ order: Uint32Array; keys: Float64Array }> {
  const n = values.length;
  const keys = reuse && reuse.keys.length === n ? reuse.keys : new Float64Array(n);
  const order = reuse && reuse.order.length === n ? reuse.order : new Uint32Array(n);
  // The keys and the identity order, a chunk a step (a full column's first touch of 12 MB is a block of its own).
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i];
      keys[i] = gapsLast && v !== v ? Infinity : v;
      order[i] = i;
    }
  });
  yield;
  if (n > 1) yield* quicksortSteps(keys, order, 0, n - 1);
  return { order, keys };
}

/**
 * Writes the average rank of each kept element into `ranks[index]`, walking `order` (indices
 * sorted by value) and skipping the indices `keep` rejects. Returns the tie term
 * sum(t^3 - t) over the groups of tied values, which variance corrections need.
 */
export function assignAverageRanks(values: ArrayLike<number>, order: ArrayLike<number>, keep: (index: number) => boolean, ranks: Float64Array): number {
  let rank = 0;
  let tieTerm = 0;
  let k = 0;
  const n = order.length;
  while (k < n) {
    const first = order[k];
    if (!keep(first)) {
      k++;
      continue;
    }
    // Collect the run of kept indices with the same value.
    const value = values[first];
    let end = k;
    let count = 0;
    while (end < n && values[order[end]] === value) {
      if (keep(order[end])) count++;
      end++;
    }
    const average = rank + (count + 1) / 2;
    for (let j = k; j < end; j++) if (keep(order[j])) ranks[order[j]] = average;
    rank += count;
    tieTerm += count * count * count - count;
    k = end;
  }
  return tieTerm;
}

/** Average ranks of every element of `values` (no NaN), and the tie term. */
export function averageRanks(values: ArrayLike<number>): { ranks: Float64Array; tieTerm: number } {
  return runToEnd(averageRanksSteps(values));
}

export function* averageRanksSteps(values: ArrayLike<number>): Steps<{ ranks: Float64Array; tieTerm: number }> {
  const ranks = new Float64Array(values.length);
  const { order, keys } = yield* ascendingSortSteps(values);
  // The sorted values in runs of RANK_CHUNK, a step each (a full column in one go held the
  // thread for over 100 ms); a tie group never splits across runs.
  let tieTerm = 0;
  for (let k = 0, size = FIRST_CHUNK; k < order.length; size = rampUp(size, RANK_CHUNK)) {
    yield;
    const run = rankRun(keys, order, k, Math.min(order.length, k + size), ranks);
    tieTerm += run.tieTerm;
    k = run.end;
  }
  return { ranks, tieTerm };
}

/** Sorted places ranked per step by averageRanksSteps at most (each a write at a scattered place). */
const RANK_CHUNK = 1 << 14;

/** Average ranks of the tie groups starting in [from, until) of the sorted `keys`; where the next group starts. */
function rankRun(keys: Float64Array, order: Uint32Array, from: number, until: number, ranks: Float64Array): { end: number; tieTerm: number } {
  let tieTerm = 0;
  let k = from;
  while (k < until) {
    const value = keys[k];
    let end = k + 1;
    while (end < keys.length && keys[end] === value) end++;
    const count = end - k;
    // 1-based ranks k + 1 … end share their mean.
    const average = k + (count + 1) / 2;
    for (let j = k; j < end; j++) ranks[order[j]] = average;
    tieTerm += count * count * count - count;
    k = end;
  }
  return { end: k, tieTerm };
}

/** Σ(t³ − t) over the runs of equal values of a sorted array. */
export function tieTermOfSorted(sorted: ArrayLike<number>): number {
  return runToEnd(tieTermOfSortedSteps(sorted));
}

/** tieTermOfSorted in steps of about PASS_CHUNK values each (a run never splits across steps). */
export function* tieTermOfSortedSteps(sorted: ArrayLike<number>): Steps<number> {
  let term = 0;
  for (let i = 0; i < sorted.length;) {
    if (i > 0) yield;
    const until = Math.min(sorted.length, i + PASS_CHUNK);
    while (i < until) {
      let j = i + 1;
      while (j < sorted.length && sorted[j] === sorted[i]) j++;
      const t = j - i;
      term += t * t * t - t;
      i = j;
    }
  }
  return term;
}

/** Index of the first element >= v in a sorted array. */
export function lowerBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v in a sorted array. */
export function upperBound(sorted: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
