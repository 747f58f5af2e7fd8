/**
 * Anhøj's runs analysis (Anhøj & Olesen 2014, Anhøj 2015; qicharts2's runs.analysis): is the
 * variation around the median random? Points on the median are dropped; a run is a maximal
 * sequence of consecutive points on the same side; a crossing is a pair of neighbours on
 * different sides. Limits: longest run round(log2(u)) + 3; crossings the 5% quantile of
 * Binomial(u − 1, ½).
 */

import { chunked, PASS_CHUNK, runToEnd, Steps } from "../analysis/steps";

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
  return runToEnd(binomialHalfQuantileSteps(p, trials));
}

/** binomialHalfQuantile in steps of PASS_CHUNK terms (a million trials is half a million terms to the 5% quantile). */
export function* binomialHalfQuantileSteps(p: number, trials: number): Steps<number> {
  if (trials <= 0) return 0;
  let logTerm = trials * Math.log(0.5);
  let cdf = 0;
  for (let k = 0; k <= trials; k++) {
    if (k > 0 && k % PASS_CHUNK === 0) yield;
    // exp(-800) is 0 in doubles: the far tail adds nothing, so its exp is skipped (same sum).
    if (logTerm > -800) cdf += Math.exp(logTerm);
    // A relative margin keeps a cdf that equals p exactly (in exact arithmetic) on the right side.
    if (cdf >= p * (1 - 1e-12)) return k;
    logTerm += Math.log((trials - k) / (k + 1));
  }
  return trials;
}

/** Runs analysis of `points` around `centre` (the baseline's median). */
export function runsAnalysis(points: ArrayLike<number>, centre: number): RunsAnalysis {
  return runToEnd(runsAnalysisSteps(points, centre));
}

/** runsAnalysis in steps of a chunk of a full column each (the run in progress carries over). */
export function* runsAnalysisSteps(points: ArrayLike<number>, centre: number): Steps<RunsAnalysis> {
  const s = { useful: 0, longestRun: 0, run: 0, crossings: 0, lastSide: 0 };
  yield* chunked(points.length, (from, to) => countRuns(points, centre, from, to, s));
  const { useful, longestRun, crossings } = s;
  const longestRunLimit = Math.round(Math.log2(useful) + 3);
  yield;
  const crossingsLimit = yield* binomialHalfQuantileSteps(0.05, useful - 1);
  return { useful, longestRun, longestRunLimit, crossings, crossingsLimit, nonRandom: longestRun > longestRunLimit || crossings < crossingsLimit };
}

function countRuns(
  points: ArrayLike<number>,
  centre: number,
  from: number,
  to: number,
  s: { useful: number; longestRun: number; run: number; crossings: number; lastSide: number },
): void {
  let { useful, longestRun, run, crossings, lastSide } = s;
  for (let i = from; i < to; i++) {
    const side = points[i] > centre ? 1 : points[i] < centre ? -1 : 0;
    if (side === 0) continue;
    useful++;
    if (side === lastSide) run++;
    else {
      if (lastSide !== 0) crossings++;
      run = 1;
      lastSide = side;
    }
    if (run > longestRun) longestRun = run;
  }
  Object.assign(s, { useful, longestRun, run, crossings, lastSide });
}

/** The median (the mean of the two middle values for an even count). */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2;
}
