/**
 * Two-sided Mann–Whitney U test of `recent` against `baseline`: normal approximation with the
 * tie correction of the variance and a continuity correction of 0.5 towards the mean.
 */
import { averageRanks } from "./ranks";
import { twoSidedZPValue } from "./distributions";

export interface MannWhitneyResult {
  /** U of the recent sample. */
  u: number;
  /** Signed z (positive: recent tends to be larger), or null when every value is tied. */
  z: number | null;
  p: number;
}

export function mannWhitney(baseline: number[], recent: number[]): MannWhitneyResult {
  const nb = baseline.length;
  const nr = recent.length;
  const n = nb + nr;
  const { ranks, tieTerm } = averageRanks([...baseline, ...recent]);
  let rankSum = 0;
  for (let i = nb; i < n; i++) rankSum += ranks[i];
  const u = rankSum - (nr * (nr + 1)) / 2;
  const centre = (nr * nb) / 2;
  const variance = ((nr * nb) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u, z: null, p: 1 };
  const deviation = u - centre;
  const corrected = Math.sign(deviation) * Math.max(0, Math.abs(deviation) - 0.5);
  const z = corrected / Math.sqrt(variance);
  return { u, z, p: twoSidedZPValue(z) };
}
