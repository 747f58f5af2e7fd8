/**
 * Two-sided Mann–Whitney U test of `recent` against `baseline`: normal approximation with the
 * tie correction of the variance and a continuity correction of 0.5 towards the mean.
 */
import { ascendingSortSteps, lowerBound, tieTermOfSortedSteps, upperBound } from "./ranks";
import { runToEnd, Steps } from "../analysis/steps";
import { twoSidedZPValue } from "./distributions";

export interface MannWhitneyResult {
  /** U of the recent sample. */
  u: number;
  /** Signed z (positive: recent tends to be larger), or null when every value is tied. */
  z: number | null;
  p: number;
}

export function mannWhitney(baseline: ArrayLike<number>, recent: ArrayLike<number>): MannWhitneyResult {
  return runToEnd(mannWhitneySteps(baseline, recent));
}

/** mannWhitney in steps: the sort of the combined sample is sliced (a full column takes a while). */
export function* mannWhitneySteps(baseline: ArrayLike<number>, recent: ArrayLike<number>): Steps<MannWhitneyResult> {
  const nb = baseline.length;
  const nr = recent.length;
  const n = nb + nr;
  // Only the recent values' ranks are needed: read them off the sorted combined sample.
  const combined = new Float64Array(n);
  combined.set(baseline);
  combined.set(recent, nb);
  yield;
  const sorted = (yield* ascendingSortSteps(combined, false, { keys: combined, order: new Uint32Array(n) })).keys;
  yield;
  const tieTerm = yield* tieTermOfSortedSteps(sorted);
  let rankSum = 0;
  for (let i = 0; i < nr; i++) rankSum += (lowerBound(sorted, recent[i]) + 1 + upperBound(sorted, recent[i])) / 2;
  const u = rankSum - (nr * (nr + 1)) / 2;
  const centre = (nr * nb) / 2;
  const variance = ((nr * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u, z: null, p: 1 };
  const deviation = u - centre;
  const corrected = Math.sign(deviation) * Math.max(0, Math.abs(deviation) - 0.5);
  const z = corrected / Math.sqrt(variance);
  return { u, z, p: twoSidedZPValue(z) };
}
