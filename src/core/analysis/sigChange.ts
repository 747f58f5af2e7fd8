/**
 * Is the latest movement of a series a real change or noise? The last `recent` numbers are
 * compared with every number before them (the baseline) by a t-test, a Mann–Whitney test or
 * the XmR rules. Series use NaN for a missing period; gaps are skipped.
 */
import { dividedSteps, powerOfTwoScaleSteps } from "../stats/scale";
import { numbersOfSteps } from "./numbers";
import { meanSteps } from "../stats/moments";
import { fail, Problem } from "./problem";
import { mannWhitneySteps } from "../stats/mannWhitney";
import { runToEnd, Steps } from "./steps";
import { tTestSteps } from "../stats/tTests";
import { xmrChartSteps, xmrSignal } from "../stats/xmrSigChangeRules";

export type SigMethod = "t" | "mann-whitney" | "xmr";

export const MIN_BASELINE = 3;

export interface SigChangeOptions {
  recent: number;
  alpha: number;
  method: SigMethod;
  /** The caller hands over the series (a Float64Array): it may be scaled and compacted in place (a full column saves 16 MB of new arrays). */
  ownsInputs?: boolean;
}

export interface SigChangeResult {
  significant: boolean;
  direction: -1 | 0 | 1;
  /** Null for XmR, which has no p-value. */
  p: number | null;
  /** t, z, or the XmR rule number; a Problem when undefined (no spread); null when not applicable. */
  statistic: number | Problem | null;
  baselineMean: number;
  recentMean: number;
  /** The recent means that count as no change; null for Mann–Whitney. */
  lower: number | null;
  upper: number | null;
}

export const CHANGE_LABEL: Record<-1 | 0 | 1, string> = {
  1: "Significant increase",
  "-1": "Significant decrease",
  0: "No significant change",
};

export function sigChange(series: ArrayLike<number>, options: SigChangeOptions): SigChangeResult {
  return runToEnd(sigChangeSteps(series, options));
}

/** sigChange in steps (core/analysis/steps.ts): a few over a full column, the rank test's sort sliced. */
export function* sigChangeSteps(series: ArrayLike<number>, options: SigChangeOptions): Steps<SigChangeResult> {
  // Computed on the series scaled near 1 (stats/scale.ts); means and limits scaled back.
  const scale = yield* powerOfTwoScaleSteps(series);
  yield;
  const own = options.ownsInputs === true && series instanceof Float64Array ? series : undefined;
  const result = yield* sigChangeScaled(scale === 1 ? series : yield* dividedSteps(series, scale, own), options);
  if (scale === 1) return result;
  const back = (v: number | null) => (v === null ? null : v * scale);
  return { ...result, baselineMean: result.baselineMean * scale, recentMean: result.recentMean * scale, lower: back(result.lower), upper: back(result.upper) };
}

function* sigChangeScaled(series: ArrayLike<number>, options: SigChangeOptions): Steps<SigChangeResult> {
  const { recent, alpha, method } = options;
  if (method === "mann-whitney" && recent < 2) {
    fail("value", 'method "mann-whitney" needs recent >= 2: one value has no rank distribution to compare');
  }
  yield;
  const values = yield* numbersOfSteps(series, options.ownsInputs === true && series instanceof Float64Array ? series : undefined);
  yield;
  if (values.length < recent) fail("na", `needs at least recent = ${recent} numbers, got ${values.length}`);
  const baseline = values.subarray(0, values.length - recent);
  const recentValues = values.subarray(values.length - recent);
  if (baseline.length < MIN_BASELINE) {
    fail("na", `needs at least ${MIN_BASELINE} baseline numbers before the recent ${recent}, got ${baseline.length}`);
  }
  const baselineMean = yield* meanSteps(baseline);
  yield;
  const recentMean = yield* meanSteps(recentValues);
  yield;
  const meanDirection = Math.sign(recentMean - baselineMean) as -1 | 0 | 1;

  if (method === "xmr") {
    const chart = yield* xmrChartSteps(baseline);
    const signal = xmrSignal(values, recent, chart);
    return {
      significant: signal.rule !== 0,
      direction: signal.side,
      p: null,
      statistic: signal.rule,
      baselineMean,
      recentMean,
      lower: chart.lower,
      upper: chart.upper,
    };
  }
  // A test's answer: significant when p is below alpha and the means (or ranks) moved one way.
  const tested = (p: number, direction: -1 | 0 | 1, statistic: number | Problem, lower: number | null, upper: number | null): SigChangeResult => {
    const significant = p < alpha && direction !== 0;
    return { significant, direction: significant ? direction : 0, p, statistic, baselineMean, recentMean, lower, upper };
  };
  if (method === "mann-whitney") {
    const test = yield* mannWhitneySteps(baseline, recentValues);
    // Equal means with shifted ranks are possible; the ranks then say which way it moved.
    const rankDirection = meanDirection !== 0 ? meanDirection : (Math.sign(test.z ?? 0) as -1 | 0 | 1);
    return tested(test.p, rankDirection, test.z ?? new Problem("div0", "every value is tied, so z is undefined"), null, null);
  }
  const test = yield* tTestSteps(baseline, recentValues, alpha);
  return tested(test.p, meanDirection, test.t ?? new Problem("div0", "the values have no spread, so t is undefined"), test.lower, test.upper);
}
