/**
 * A process behaviour chart of one KPI in the style of NHS England's "Making Data Count"
 * (FUNCTIONS.md, KPI.SPC): XmR limits from a baseline, four special-cause rules applied to every
 * point, the variation of the latest point, assurance against a target, and Anhøj's runs
 * analysis around the baseline median.
 */
import { fail } from "./problem";
import { NATURAL_LIMIT_FACTOR, xmrChart } from "./stats/xmr";
import { median, MIN_USEFUL_POINTS, RunsAnalysis, runsAnalysis } from "./stats/runs";
import { divided, powerOfTwoScale } from "./stats/scale";

export type SpcDirection = "higher" | "lower" | "neutral";
export type PointType = "Common cause" | "Improvement" | "Concern" | "High" | "Low";
export type SpcRule = "outside" | "shift" | "trend" | "two of three";
export type Assurance = "Consistently passes" | "Consistently fails" | "Hit and miss";

export const SPC_RULES: readonly SpcRule[] = ["outside", "shift", "trend", "two of three"];
const RUN = 7;
/** The near-limit line sits two thirds of the way to the process limit (2/3 · 2.66 = 1.7733…). */
const NEAR_FACTOR = (2 / 3) * NATURAL_LIMIT_FACTOR;

export interface SpcResult {
  centre: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
  /** Each point's type, in order. */
  types: PointType[];
  /** The rules that flag each point. */
  rules: SpcRule[][];
  baselineMedian: number;
  /** Null when fewer than MIN_USEFUL_POINTS points are off the median. */
  runs: RunsAnalysis | null;
}

/** `values` are the numbers in time order (gaps already skipped); `baseline` how many fix the limits. */
export function spc(series: Float64Array, direction: SpcDirection, baseline?: number): SpcResult {
  // Charted on the series scaled near 1 (stats/scale.ts); the limits are scaled back.
  const scale = powerOfTwoScale(series);
  const result = spcScaled(scale === 1 ? series : divided(series, scale), direction, baseline);
  if (scale === 1) return result;
  return {
    ...result,
    centre: result.centre * scale,
    averageMovingRange: result.averageMovingRange * scale,
    lower: result.lower * scale,
    upper: result.upper * scale,
    baselineMedian: result.baselineMedian * scale,
  };
}

function spcScaled(values: Float64Array, direction: SpcDirection, baseline?: number): SpcResult {
  const n = values.length;
  if (n < 3) fail("na", `SPC needs at least 3 numbers; got ${n}`);
  const b = baseline ?? n;
  if (!Number.isInteger(b) || b < 3 || b > n) fail("value", `baseline must be a whole number from 3 to ${n} (the count of numbers); got ${b}`);
  const chart = xmrChart(values.subarray(0, b));
  const near = NEAR_FACTOR * chart.averageMovingRange;
  const rules: SpcRule[][] = Array.from({ length: n }, () => []);
  const trendSide = new Int8Array(n);
  const flag = (i: number, rule: SpcRule) => {
    if (!rules[i].includes(rule)) rules[i].push(rule);
  };

  for (let i = 0; i < n; i++) if (values[i] > chart.upper || values[i] < chart.lower) flag(i, "outside");
  // Shift: 7 or more in a row strictly on one side of the centre.
  forEachRun(n, (i) => Math.sign(values[i] - chart.centre), RUN, (i) => flag(i, "shift"));
  // Trend: 7 or more points each strictly above (below) the one before: 6 rises (falls) in a row.
  forEachRun(
    n,
    (i) => (i === 0 ? 0 : Math.sign(values[i] - values[i - 1])),
    RUN - 1,
    (i, side) => {
      for (const j of [i - 1, i]) {
        flag(j, "trend");
        trendSide[j] = side;
      }
    },
  );
  // Two of three beyond the near-limit line, all three on that side of the centre.
  for (let i = 0; i + 2 < n; i++) {
    for (const side of [1, -1]) {
      const window = [values[i], values[i + 1], values[i + 2]];
      const onSide = window.every((v) => side * (v - chart.centre) > 0);
      const beyond = window.filter((v) => side * (v - chart.centre) > near).length;
      if (onSide && beyond >= 2) for (let j = i; j < i + 3; j++) flag(j, "two of three");
    }
  }
  for (const r of rules) r.sort((a, b) => SPC_RULES.indexOf(a) - SPC_RULES.indexOf(b));

  const types = rules.map((r, i): PointType => {
    if (r.length === 0) return "Common cause";
    const side = values[i] > chart.centre ? 1 : values[i] < chart.centre ? -1 : trendSide[i];
    if (direction === "neutral") return side > 0 ? "High" : "Low";
    return (side > 0) === (direction === "higher") ? "Improvement" : "Concern";
  });

  const baselineMedian = median(values.subarray(0, b));
  const runs = runsAnalysis(values, baselineMedian);
  return { ...chart, types, rules, baselineMedian, runs: runs.useful >= MIN_USEFUL_POINTS ? runs : null };
}

/**
 * Calls `mark` for every index of every maximal run of equal non-zero `sideOf` values at least
 * `length` long, with the run's side.
 */
function forEachRun(n: number, sideOf: (i: number) => number, length: number, mark: (i: number, side: number) => void): void {
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const side = i < n ? sideOf(i) : 0;
    if (i < n && i > start && side === sideOf(start) && side !== 0) continue;
    const runSide = start < n ? sideOf(start) : 0;
    if (runSide !== 0 && i - start >= length) for (let j = start; j < i; j++) mark(j, runSide);
    start = i;
  }
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
export function assurance(result: SpcResult, target: number, direction: "higher" | "lower"): Assurance {
  const passesBelow = direction === "higher";
  if (target < result.lower) return passesBelow ? "Consistently passes" : "Consistently fails";
  if (target > result.upper) return passesBelow ? "Consistently fails" : "Consistently passes";
  return "Hit and miss";
}
