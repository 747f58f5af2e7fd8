/**
 * A process behaviour chart of one KPI in the style of NHS England's "Making Data Count"
 * (FUNCTIONS.md, KPI.SPC): limits from a baseline, four special-cause rules applied to every
 * point, the variation of the latest point, assurance against a target, and Anhøj's runs
 * analysis around the baseline median.
 *
 * The rule engine (judgeSteps) judges each point against its own limits and near-limit lines
 * (LimitLines), so the XmR chart (one pair of limits for every point) and the rate charts of
 * spcRates.ts (p, u, p′, u′: limits that depend on each period's denominator) share it.
 */
import { fail } from "./problem";
import { NATURAL_LIMIT_FACTOR, xmrChart } from "../stats/xmrSigChangeRules";
import { MIN_USEFUL_POINTS, RunsAnalysis, runsAnalysis } from "../stats/runs";
import { divided, powerOfTwoScale } from "../stats/scale";
import { ascendingSortSteps } from "../stats/ranks";
import { runToEnd, Steps } from "./steps";

export type SpcDirection = "higher" | "lower" | "neutral";
export type PointType = "Common cause" | "Improvement" | "Concern" | "High" | "Low";
export type SpcRule = "outside" | "shift" | "trend" | "two of three";
export type Assurance = "Consistently passes" | "Consistently fails" | "Hit and miss";

export const SPC_RULES: readonly SpcRule[] = ["outside", "shift", "trend", "two of three"];
const RUN = 7;
/** The near-limit line sits two thirds of the way to the process limit (2/3 · 2.66 = 1.7733…). */
const NEAR_FACTOR = (2 / 3) * NATURAL_LIMIT_FACTOR;

/** A point's process limits and near-limit lines, by its index among the charted points. */
export interface LimitLines {
  centre: number;
  lower(i: number): number;
  upper(i: number): number;
  nearLower(i: number): number;
  nearUpper(i: number): number;
  /** Whether value v of point i lies strictly beyond the near-limit line on `side` (1 high, -1 low). */
  beyondNear(v: number, i: number, side: number): boolean;
}

export interface SpcResult {
  centre: number;
  averageMovingRange: number;
  /** The latest point's limits (the XmR chart's limits are every point's). */
  lower: number;
  upper: number;
  /** Each point's type, in order. */
  types: PointType[];
  /** The rules that flag each point, as bits (1 << index in SPC_RULES): a million points stay cheap. */
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
  const scale = powerOfTwoScale(series);
  const values = scale === 1 ? series : divided(series, scale);
  yield;
  const n = values.length;
  if (n < 3) fail("na", `SPC needs at least 3 numbers; got ${n}`);
  const b = baseline ?? n;
  if (!Number.isInteger(b) || b < 3 || b > n) fail("value", `baseline must be a whole number from 3 to ${n} (the count of numbers); got ${b}`);
  const chart = xmrChart(values.subarray(0, b));
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
  const runs = runsAnalysis(values, baselineMedian);
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

function scaledLines(lines: LimitLines, scale: number): LimitLines {
  return {
    centre: lines.centre * scale,
    lower: (i) => lines.lower(i) * scale,
    upper: (i) => lines.upper(i) * scale,
    nearLower: (i) => lines.nearLower(i) * scale,
    nearUpper: (i) => lines.nearUpper(i) * scale,
    beyondNear: (v, i, side) => lines.beyondNear(v / scale, i, side),
  };
}

/** Points handled between two steps of a pass over a full column (a few milliseconds each). */
export const PASS_CHUNK = 1 << 16;

/** Runs `pass(from, to)` over [0, n) in chunks of PASS_CHUNK, a step each. */
export function* chunked(n: number, pass: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < n; from += PASS_CHUNK) {
    if (from > 0) yield;
    pass(from, Math.min(n, from + PASS_CHUNK));
  }
}

/**
 * The four rules of FUNCTIONS.md applied to every point against its own lines, in chunks of
 * points; then each point's type from its side of the centre and the direction of improvement.
 */
export function* judgeSteps(values: ArrayLike<number>, lines: LimitLines, direction: SpcDirection): Steps<{ types: PointType[]; flags: Uint8Array }> {
  const n = values.length;
  const centre = lines.centre;
  const flags = new Uint8Array(n);
  const trendSide = new Int8Array(n);
  const bit = (rule: SpcRule) => 1 << SPC_RULES.indexOf(rule);
  const outside = bit("outside");
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) if (values[i] > lines.upper(i) || values[i] < lines.lower(i)) flags[i] |= outside;
  });
  yield;
  // Shift: 7 or more in a row strictly on one side of the centre (a point on it breaks the run).
  yield* markRunsSteps(n, (i) => (values[i] > centre ? 1 : values[i] < centre ? -1 : 0), RUN, (from, to) => {
    for (let j = from; j < to; j++) flags[j] |= bit("shift");
  });
  yield;
  // Trend: 7 or more points each strictly above (below) the one before: 6 rises (falls) in a row.
  yield* markRunsSteps(n, (i) => (i === 0 ? 0 : values[i] > values[i - 1] ? 1 : values[i] < values[i - 1] ? -1 : 0), RUN - 1, (from, to, side) => {
    for (let j = from - 1; j < to; j++) {
      flags[j] |= bit("trend");
      trendSide[j] = side;
    }
  });
  yield;
  yield* chunked(n, (from, to) => markTwoOfThree(values, lines, flags, from, to));
  yield;
  const high: PointType = direction === "neutral" ? "High" : direction === "higher" ? "Improvement" : "Concern";
  const low: PointType = direction === "neutral" ? "Low" : direction === "higher" ? "Concern" : "Improvement";
  const types: PointType[] = new Array(n);
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const side = values[i] > centre ? 1 : values[i] < centre ? -1 : trendSide[i];
      types[i] = flags[i] === 0 ? "Common cause" : side > 0 ? high : low;
    }
  });
  return { types, flags };
}

/** Two of three beyond the near-limit line, all three strictly on that side of the centre: windows starting in [from, to). */
function markTwoOfThree(values: ArrayLike<number>, lines: LimitLines, flags: Uint8Array, from: number, to: number): void {
  const twoOfThree = 1 << SPC_RULES.indexOf("two of three");
  for (let i = from; i < to && i + 2 < values.length; i++) {
    for (let side = 1; side >= -1; side -= 2) {
      let onSide = 0;
      let beyond = 0;
      for (let j = i; j < i + 3; j++) {
        if (side * (values[j] - lines.centre) > 0) onSide++;
        if (lines.beyondNear(values[j], j, side)) beyond++;
      }
      if (onSide === 3 && beyond >= 2) for (let j = i; j < i + 3; j++) flags[j] |= twoOfThree;
    }
  }
}

/** The median (the mean of the two middle values for an even count), the sort in steps. */
export function* medianSteps(values: ArrayLike<number>): Steps<number> {
  const sorted = (yield* ascendingSortSteps(values)).keys;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2;
}

/** The rules that flag point i, in the contract's order. */
export function rulesOf(result: SpcResult, i: number): SpcRule[] {
  return SPC_RULES.filter((_, bit) => (result.flags[i] >> bit) & 1);
}

/**
 * Calls `mark(from, to, side)` for every maximal run [from, to) of one non-zero side at least
 * `length` long; a step every PASS_CHUNK points (the run in progress carries over).
 */
function* markRunsSteps(n: number, sideOf: (i: number) => number, length: number, mark: (from: number, to: number, side: number) => void): Steps<void> {
  let start = 0;
  let side = n > 0 ? sideOf(0) : 0;
  for (let i = 1; i <= n; i++) {
    if ((i & (PASS_CHUNK - 1)) === 0) yield;
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
export function assurance(result: Pick<SpcResult, "lower" | "upper">, target: number, direction: "higher" | "lower"): Assurance {
  const passesBelow = direction === "higher";
  if (target < result.lower) return passesBelow ? "Consistently passes" : "Consistently fails";
  if (target > result.upper) return passesBelow ? "Consistently fails" : "Consistently passes";
  return "Hit and miss";
}
