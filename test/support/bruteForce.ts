/**
 * Reference computations done the slow, obvious way, for checking the fast ones: a lag's
 * pairwise-complete pairs, naive O(n²) average ranks, simple-statistics' correlation; and a
 * small seeded generator for reproducible data.
 */
import { sampleCorrelation } from "simple-statistics";

/** Uniform numbers in [0, 1) from a linear congruential generator: the same on every run. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function naiveRanks(v: number[]): number[] {
  return v.map((a) => v.filter((b) => b < a).length + (v.filter((b) => b === a).length + 1) / 2);
}

/** The lag's complete pairs: x[i] with y[i + lag], where neither is missing (NaN). */
export function lagPairs(x: number[], y: number[], lag: number): { a: number[]; b: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i + lag < y.length; i++) {
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i + lag])) {
      a.push(x[i]);
      b.push(y[i + lag]);
    }
  }
  return { a, b };
}

/** r of the lag's complete pairs (x[i], y[i + lag]); null below 3 pairs or when a side is constant. */
export function bruteForce(x: number[], y: number[], lag: number, method: "pearson" | "spearman"): { r: number | null; n: number } {
  const { a, b } = lagPairs(x, y, lag);
  if (a.length < 3 || new Set(a).size < 2 || new Set(b).size < 2) return { r: null, n: a.length };
  return { r: method === "spearman" ? sampleCorrelation(naiveRanks(a), naiveRanks(b)) : sampleCorrelation(a, b), n: a.length };
}
