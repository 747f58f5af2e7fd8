/**
 * XmR process behaviour chart (Wheeler): natural process limits from the baseline's average
 * moving range, and the three detection rules SIG_CHANGE applies to the latest values.
 */
import { chunked, runToEnd, Steps } from "../analysis/steps";
import { meanSteps } from "./moments";

/** Wheeler's scaling constants for the average moving range of two points. */
export const NATURAL_LIMIT_FACTOR = 2.66;
export const HALF_LIMIT_FACTOR = 1.33;
const RUN_LENGTH = 8;
const ZONE_WINDOW = 4;
const ZONE_HITS = 3;

export interface XmrChart {
  centre: number;
  averageMovingRange: number;
  lower: number;
  upper: number;
}

export interface XmrSignal {
  /** The first rule that fired (1: outside the limits, 2: run of 8, 3: 3 of 4 beyond 1.33·mR), 0 for none. */
  rule: 0 | 1 | 2 | 3;
  /** The side of the centre the signal is on: 1 above, -1 below, 0 none. */
  side: -1 | 0 | 1;
}

export function xmrChart(baseline: ArrayLike<number>): XmrChart {
  return runToEnd(xmrChartSteps(baseline));
}

/** xmrChart in steps of a chunk of a full column each (the mean, then the moving ranges). */
export function* xmrChartSteps(baseline: ArrayLike<number>): Steps<XmrChart> {
  const centre = yield* meanSteps(baseline);
  yield;
  let movingRangeSum = 0;
  yield* chunked(baseline.length, (from, to) => {
    for (let i = Math.max(1, from); i < to; i++) movingRangeSum += Math.abs(baseline[i] - baseline[i - 1]);
  });
  const averageMovingRange = movingRangeSum / (baseline.length - 1);
  const width = NATURAL_LIMIT_FACTOR * averageMovingRange;
  return { centre, averageMovingRange, lower: centre - width, upper: centre + width };
}

/** Applies the rules in order to `series` (every value, oldest first) whose last `recent` values are new. */
export function xmrSignal(series: ArrayLike<number>, recent: number, chart: XmrChart): XmrSignal {
  const values = Array.prototype.slice.call(series, Math.max(0, series.length - RUN_LENGTH - recent)) as number[];
  const outside = outsideLimits(values.slice(values.length - recent), chart);
  if (outside !== 0) return { rule: 1, side: outside };
  const run = runOnOneSide(values, chart.centre);
  if (run !== 0) return { rule: 2, side: run };
  const zone = zoneHits(values, chart);
  if (zone !== 0) return { rule: 3, side: zone };
  return { rule: 0, side: 0 };
}

/** The side of the latest recent value outside the natural process limits. */
function outsideLimits(recentValues: number[], chart: XmrChart): -1 | 0 | 1 {
  for (let i = recentValues.length - 1; i >= 0; i--) {
    if (recentValues[i] > chart.upper) return 1;
    if (recentValues[i] < chart.lower) return -1;
  }
  return 0;
}

function runOnOneSide(series: number[], centre: number): -1 | 0 | 1 {
  if (series.length < RUN_LENGTH) return 0;
  const last = series.slice(series.length - RUN_LENGTH);
  if (last.every((v) => v > centre)) return 1;
  if (last.every((v) => v < centre)) return -1;
  return 0;
}

function zoneHits(series: number[], chart: XmrChart): -1 | 0 | 1 {
  if (series.length < ZONE_WINDOW) return 0;
  const last = series.slice(series.length - ZONE_WINDOW);
  const band = HALF_LIMIT_FACTOR * chart.averageMovingRange;
  if (last.filter((v) => v > chart.centre + band).length >= ZONE_HITS) return 1;
  if (last.filter((v) => v < chart.centre - band).length >= ZONE_HITS) return -1;
  return 0;
}
