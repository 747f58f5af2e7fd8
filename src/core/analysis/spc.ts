/**
 * A process behaviour chart of one KPI in the style of NHS England's "Making Data Count"
 * (FUNCTIONS.md, KPI.SPC): limits from a baseline, the four NHS special-cause rules applied to
 * every point (spcRules.ts), the variation of the latest point, assurance against a target, and
 * Anhøj's runs analysis around the baseline median.
 */
import { fail } from "./problem";
import { xmrChartSteps } from "../stats/xmrSigChangeRules";
import { MIN_USEFUL_POINTS, RunsAnalysis, runsAnalysisSteps } from "../stats/runs";
import { dividedSteps, powerOfTwoScaleSteps } from "../stats/scale";
import { ascendingSortSteps } from "../stats/ranks";
import { judgeSteps, LimitLines, NEAR_FACTOR, PointType, SpcDirection } from "./spcRules";
import { runToEnd, Steps } from "./steps";

/** The rules' vocabulary, which is SPC's answer's (spcRules.ts). */
export type { LimitLines, PointType, SpcDirection, SpcRule } from "./spcRules";
export type Assurance = "Consistently passes" | "Consistently fails" | "Hit and miss";

export interface SpcResult {
  centre: number;
  averageMovingRange: number;
  /** The latest point's limits (the XmR chart's limits are every point's). */
  lower: number;
  upper: number;
  /** Each point's type, in order. */
  types: PointType[];
  /** The rules that flag each point, as bits (1 << index in spcRules.ts's SPC_RULES): a million points stay cheap. */
  flags: Uint8Array;
  baselineMedian: number;
  /** Null when fewer than MIN_USEFUL_POINTS points are off the median. */
  runs: RunsAnalysis | null;
  /** Every point's limits and near-limit lines, in the data's units. */
  lines: LimitLines;
}

/** `values` are the numbers in time order (gaps already skipped); `baseline` how many fix the limits. */
export function spc(series: Float64Array, direction: SpcDirection, baseline?: number): SpcResult {
  return runToEnd(spcSteps(series, direction, baseline));
}

/** The XmR chart in steps (a pass of the rules, a chunk of the median's sort) for a full column. */
export function* spcSteps(series: Float64Array, direction: SpcDirection, baseline?: number): Steps<SpcResult> {
  // Charted on the series scaled near 1 (stats/scale.ts); the limits are scaled back (exact: a power of two).
  const scale = yield* powerOfTwoScaleSteps(series);
  yield;
  const values = scale === 1 ? series : yield* dividedSteps(series, scale);
  yield;
  const n = values.length;
  if (n < 3) fail("na", `SPC needs at least 3 numbers; got ${n}`);
  const b = baseline ?? n;
  if (!Number.isInteger(b) || b < 3 || b > n) fail("value", `baseline must be a whole number from 3 to ${n} (the count of numbers); got ${b}`);
  const chart = yield* xmrChartSteps(values.subarray(0, b));
  yield;
  const near = NEAR_FACTOR * chart.averageMovingRange;
  // The near-limit test keeps the distance from the centre (side · (v − centre) > near), as before rates.
  const scaled: LimitLines = {
    centre: chart.centre,
    lower: () => chart.lower,
    upper: () => chart.upper,
    nearLower: () => chart.centre - near,
    nearUpper: () => chart.centre + near,
    beyondNear: (v, _i, side) => side * (v - chart.centre) > near,
  };
  const judged = yield* judgeSteps(values, scaled, direction);
  const baselineMedian = yield* medianSteps(values.subarray(0, b));
  yield;
  const runs = yield* runsAnalysisSteps(values, baselineMedian);
  return {
    centre: chart.centre * scale,
    averageMovingRange: chart.averageMovingRange * scale,
    lower: chart.lower * scale,
    upper: chart.upper * scale,
    ...judged,
    baselineMedian: baselineMedian * scale,
    runs: runs.useful >= MIN_USEFUL_POINTS ? runs : null,
    lines: scale === 1 ? scaled : scaledLines(scaled, scale),
  };
}

/** A chart's lines scaled by `scale` (its series was charted divided by it; a rate's per-unit chart shown per N). */
export function scaledLines(lines: LimitLines, scale: number): LimitLines {
  return {
    centre: lines.centre * scale,
    lower: (i) => lines.lower(i) * scale,
    upper: (i) => lines.upper(i) * scale,
    nearLower: (i) => lines.nearLower(i) * scale,
    nearUpper: (i) => lines.nearUpper(i) * scale,
    beyondNear: (v, i, side) => lines.beyondNear(v / scale, i, side),
  };
}

/** The median (the mean of the two middle values for an even count), the sort in steps. */
export function* medianSteps(values: ArrayLike<number>): Steps<number> {
  const sorted = (yield* ascendingSortSteps(values)).keys;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2;
}

const VARIATION: Record<PointType, string> = {
  "Common cause": "Common cause",
  Improvement: "Special cause improvement",
  Concern: "Special cause concern",
  High: "Special cause high",
  Low: "Special cause low",
};

export function variationOf(type: PointType): string {
  return VARIATION[type];
}

/** Will the process reliably meet the target? (higher is better: a target below the lower limit is always met). */
export function assurance(result: Pick<SpcResult, "lower" | "upper">, target: number, direction: "higher" | "lower"): Assurance {
  const passesBelow = direction === "higher";
  if (target < result.lower) return passesBelow ? "Consistently passes" : "Consistently fails";
  if (target > result.upper) return passesBelow ? "Consistently fails" : "Consistently passes";
  return "Hit and miss";
}
