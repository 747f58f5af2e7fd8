/**
 * Average ranks (1-based, ties share the mean of the ranks they span), as Spearman's rho and
 * the Mann–Whitney test define them.
 */

/** Indices of `values` in ascending order of value. */
export function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  return order;
}

/**
 * Writes the average rank of each kept element into `ranks[index]`, walking `order` (indices
 * sorted by value) and skipping the indices `keep` rejects. Returns the tie term
 * sum(t^3 - t) over the groups of tied values, which variance corrections need.
 */
export function assignAverageRanks(
  values: ArrayLike<number>,
  order: ArrayLike<number>,
  keep: (index: number) => boolean,
  ranks: Float64Array,
): number {
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

/** Average ranks of every element of `values`. */
export function averageRanks(values: ArrayLike<number>): { ranks: Float64Array; tieTerm: number } {
  const ranks = new Float64Array(values.length);
  const tieTerm = assignAverageRanks(values, ascendingOrder(values), () => true, ranks);
  return { ranks, tieTerm };
}
