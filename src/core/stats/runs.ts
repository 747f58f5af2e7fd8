/**
 * Anhøj's runs analysis (Anhøj & Olesen 2014, Anhøj 2015; qicharts2's runs.analysis): is the
 * variation around the median random? Points on the median are dropped; a run is a maximal
 * sequence of consecutive points on the same side; a crossing is a pair of neighbours on
 * different sides. Limits: longest run round(log2(u)) + 3; crossings the 5% quantile of
 * Binomial(u − 1, ½).
 */

export interface RunsAnalysis {
  useful: number;
  longestRun: number;
  longestRunLimit: number;
  crossings: number;
  crossingsLimit: number;
  nonRandom: boolean;
}

export const MIN_USEFUL_POINTS = 10;

/**
 * The smallest k with P(Binomial(trials, ½) <= k) >= p (R's qbinom). The probabilities are
 * summed upward from k = 0 in log space (each term from the last by the ratio (n − k)/(k + 1)),
 * so a million trials neither underflow nor lose the tail.
 */
export function binomialHalfQuantile(p: number, trials: number): number {
  if (trials <= 0) return 0;
  let logTerm = trials * Math.log(0.5);
  let cdf = 0;
  for (let k = 0; k <= trials; k++) {
    cdf += Math.exp(logTerm);
    // A relative margin keeps a cdf that equals p exactly (in exact arithmetic) on the right side.
    if (cdf >= p * (1 - 1e-12)) return k;
    logTerm += Math.log((trials - k) / (k + 1));
  }
  return trials;
}

/** Runs analysis of `points` around `centre` (the baseline's median). */
export function runsAnalysis(points: ArrayLike<number>, centre: number): RunsAnalysis {
  let useful = 0;
  let longestRun = 0;
  let run = 0;
  let crossings = 0;
  let lastSide = 0;
  for (let i = 0; i < points.length; i++) {
    const side = points[i] > centre ? 1 : points[i] < centre ? -1 : 0;
    if (side === 0) continue;
    useful++;
    if (side === lastSide) run++;
    else {
      if (lastSide !== 0) crossings++;
      run = 1;
      lastSide = side;
    }
    longestRun = Math.max(longestRun, run);
  }
  const longestRunLimit = Math.round(Math.log2(useful) + 3);
  const crossingsLimit = binomialHalfQuantile(0.05, useful - 1);
  return { useful, longestRun, longestRunLimit, crossings, crossingsLimit, nonRandom: longestRun > longestRunLimit || crossings < crossingsLimit };
}

/** The median (the mean of the two middle values for an even count). */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2;
}
