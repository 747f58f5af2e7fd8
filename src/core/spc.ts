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
  /** The rules that flag each point, as bits (1 << index in SPC_RULES): a million points stay cheap. */
  flags: Uint8Array;
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
  const flags = new Uint8Array(n);
  const trendSide = new Int8Array(n);

  const bit = (rule: SpcRule) => 1 << SPC_RULES.indexOf(rule);
  for (let i = 0; i < n; i++) if (values[i] > chart.upper || values[i] < chart.lower) flags[i] |= bit("outside");
  // Shift: 7 or more in a row strictly on one side of the centre (a point on it breaks the run).
  markRuns(n, (i) => (values[i] > chart.centre ? 1 : values[i] < chart.centre ? -1 : 0), RUN, (from, to) => {
    for (let j = from; j < to; j++) flags[j] |= bit("shift");
  });
  // Trend: 7 or more points each strictly above (below) the one before: 6 rises (falls) in a row.
  markRuns(n, (i) => (i === 0 ? 0 : values[i] > values[i - 1] ? 1 : values[i] < values[i - 1] ? -1 : 0), RUN - 1, (from, to, side) => {
    for (let j = from - 1; j < to; j++) {
      flags[j] |= bit("trend");
      trendSide[j] = side;
    }
  });
  // Two of three beyond the near-limit line, all three on that side of the centre.
  const twoOfThree = 1 << SPC_RULES.indexOf("two of three");
  for (let i = 0; i + 2 < n; i++) {
    for (let side = 1; side >= -1; side -= 2) {
      let onSide = 0;
      let beyond = 0;
      for (let j = i; j < i + 3; j++) {
        const d = side * (values[j] - chart.centre);
        if (d > 0) onSide++;
        if (d > near) beyond++;
      }
      if (onSide === 3 && beyond >= 2) for (let j = i; j < i + 3; j++) flags[j] |= twoOfThree;
    }
  }
  const high: PointType = direction === "neutral" ? "High" : direction === "higher" ? "Improvement" : "Concern";
  const low: PointType = direction === "neutral" ? "Low" : direction === "higher" ? "Concern" : "Improvement";
  const types: PointType[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const side = values[i] > chart.centre ? 1 : values[i] < chart.centre ? -1 : trendSide[i];
    types[i] = flags[i] === 0 ? "Common cause" : side > 0 ? high : low;
  }

  const baselineMedian = median(values.subarray(0, b));
  const runs = runsAnalysis(values, baselineMedian);
  return { ...chart, types, flags, baselineMedian, runs: runs.useful >= MIN_USEFUL_POINTS ? runs : null };
}

/** The rules that flag point i, in the contract's order. */
export function rulesOf(result: SpcResult, i: number): SpcRule[] {
  return SPC_RULES.filter((_, bit) => (result.flags[i] >> bit) & 1);
}

/** Calls `mark(from, to, side)` for every maximal run [from, to) of one non-zero side at least `length` long. */
function markRuns(n: number, sideOf: (i: number) => number, length: number, mark: (from: number, to: number, side: number) => void): void {
  let start = 0;
  let side = n > 0 ? sideOf(0) : 0;
  for (let i = 1; i <= n; i++) {
    const next = i < n ? sideOf(i) : 0;
    if (i < n && next === side) continue;
    if (side !== 0 && i - start >= length) mark(start, i, side);
    start = i;
    side = next;
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
