/**
 * KPI.SPC for rates (FUNCTIONS.md, "KPI.SPC for rates"): the p chart (proportions), the u chart
 * (events per unit of exposure) and Laney's p′ and u′ charts, each point judged against its own
 * limits by KPI.SPC's NHS rules (spcRules.ts, judgeSteps).
 *
 * p and u: Montgomery, Introduction to Statistical Quality Control, ch. 7 (limits
 * c ± 3·√(c(1 − c)/n_i) and c ± 3·√(c/n_i) for variable sample sizes). p′ and u′: Laney, "Improved
 * control charts for attributes", Quality Engineering 14(4), 2002: the z-scores of the baseline
 * points have the moving-range sigma σ_z = mean |z_j − z_{j−1}| / 1.128 (d2 for n = 2), and every
 * σ_i is multiplied by it, so large denominators no longer give limits too narrow for the
 * between-period variation.
 */
import { fail } from "./problem";
import { medianSteps, SpcResult } from "./spc";
import { judgeSteps, LimitLines, SpcDirection } from "./spcRules";
import { MIN_USEFUL_POINTS, runsAnalysisSteps } from "../stats/runs";
import { powerOfTwoScaleSteps } from "../stats/scale";
import { chunked, runToEnd, Steps } from "./steps";

export type RateChart = "p" | "u" | "p'" | "u'";

/** d2 for moving ranges of two points (Laney 2002; Wheeler's 2.66 is 3 / 1.128). */
const D2 = 1.128;

export interface RatePeriods {
  /** Each used period's point y_i = value_i / denominator_i, in order. */
  points: Float64Array;
  values: Float64Array;
  denominators: Float64Array;
  /** For each cell of the input, whether its period is used. */
  used: Uint8Array;
}

export interface RateResult extends SpcResult {
  chart: RateChart;
  /** Each point's σ_i (σ_z included for p′ and u′). */
  sigma: Float64Array;
  /** Laney's σ_z; 1 for p and u. */
  sigmaZ: number;
}

const isProportion = (chart: RateChart) => chart === "p" || chart === "p'";

/**
 * The periods used: both cells numbers and the denominator above 0 (NaN marks a gap). A negative
 * number in either, or a proportion above its denominator, is refused; a period whose denominator
 * is 0 is skipped whatever its value (FUNCTIONS.md, "Third wave: cases … decided").
 */
export function* ratePeriodsSteps(values: Float64Array, denominators: Float64Array, chart: RateChart): Steps<RatePeriods> {
  const cells = values.length;
  const used = new Uint8Array(cells);
  let k = 0;
  yield* chunked(cells, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i];
      const d = denominators[i];
      if (d < 0) fail("value", `denominators: value ${i + 1} is ${d}; a denominator cannot be negative`);
      if (d === 0) continue;
      if (v < 0) fail("value", `values: value ${i + 1} is ${v}; a count of events cannot be negative`);
      if (v !== v || d !== d) continue;
      if (isProportion(chart) && v > d)
        fail("value", `values: value ${i + 1} (${v}) is above its denominator (${d}); a proportion's cases are among the units looked at`);
      used[i] = 1;
      k++;
    }
  });
  yield;
  const points = new Float64Array(k);
  const nums = new Float64Array(k);
  const dens = new Float64Array(k);
  let j = 0;
  yield* chunked(cells, (from, to) => {
    for (let i = from; i < to; i++) {
      if (!used[i]) continue;
      nums[j] = values[i];
      dens[j] = denominators[i];
      points[j] = values[i] / denominators[i];
      j++;
    }
  });
  return { points, values: nums, denominators: dens, used };
}

/** Σ a / Σ b, each sum taken at a power-of-two scale so that no sum of large counts overflows. */
export function ratioOfSums(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return runToEnd(ratioOfSumsSteps(a, b));
}

/** ratioOfSums in steps of a chunk of a full column each. */
export function* ratioOfSumsSteps(a: ArrayLike<number>, b: ArrayLike<number>): Steps<number> {
  const sa = yield* powerOfTwoScaleSteps(a);
  yield;
  const sb = yield* powerOfTwoScaleSteps(b);
  yield;
  let ta = 0;
  let tb = 0;
  yield* chunked(a.length, (from, to) => {
    for (let i = from; i < to; i++) {
      ta += a[i] / sa;
      tb += b[i] / sb;
    }
  });
  return (ta / tb) * (sa / sb);
}

/** The chart of `periods` with the first `baseline` used periods fixing the centre (and σ_z). */
export function* rateChartSteps(periods: RatePeriods, chart: RateChart, direction: SpcDirection, baseline?: number): Steps<RateResult> {
  const { points, denominators } = periods;
  const n = points.length;
  if (n < 3) fail("na", `SPC needs at least 3 periods with a value and a denominator above 0; got ${n}`);
  const b = baseline ?? n;
  if (!Number.isInteger(b) || b < 3 || b > n) fail("value", `baseline must be a whole number from 3 to ${n} (the count of periods used); got ${b}`);
  const c = yield* ratioOfSumsSteps(periods.values.subarray(0, b), denominators.subarray(0, b));
  yield;
  const proportion = isProportion(chart);
  if (c === 0) fail("div0", "the centre is 0: the baseline has no events, so the limits are undefined");
  if (proportion && c === 1) fail("div0", "the centre is 1: every unit in the baseline is a case, so the limits are undefined");
  const spread = proportion ? c * (1 - c) : c;
  const sigma = new Float64Array(n);
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) sigma[i] = Math.sqrt(spread / denominators[i]);
  });
  yield;
  let sigmaZ = 1;
  let movingRange = NaN;
  if (chart === "p'" || chart === "u'") {
    movingRange = yield* zMovingRangeSteps(points, sigma, c, b);
    yield;
    sigmaZ = movingRange / D2;
    if (sigmaZ === 0) fail("div0", "the baseline's z-scores do not vary (σ_z = 0), so Laney's limits are undefined");
    yield* chunked(n, (from, to) => {
      for (let i = from; i < to; i++) sigma[i] *= sigmaZ;
    });
  }
  yield;
  const lines = rateLines(c, sigma, proportion);
  const judged = yield* judgeSteps(points, lines, direction);
  const baselineMedian = yield* medianSteps(points.subarray(0, b));
  yield;
  const runs = yield* runsAnalysisSteps(points, baselineMedian);
  return {
    chart,
    sigma,
    sigmaZ,
    centre: c,
    averageMovingRange: movingRange,
    lower: lines.lower(n - 1),
    upper: lines.upper(n - 1),
    ...judged,
    baselineMedian,
    runs: runs.useful >= MIN_USEFUL_POINTS ? runs : null,
    lines,
  };
}

/** Laney's mean moving range of z_j = (y_j − c) / σ_j over the baseline, a chunk a step. */
function* zMovingRangeSteps(points: Float64Array, sigma: Float64Array, c: number, b: number): Steps<number> {
  let sum = 0;
  let previous = (points[0] - c) / sigma[0];
  yield* chunked(b, (from, to) => {
    for (let j = Math.max(1, from); j < to; j++) {
      const z = (points[j] - c) / sigma[j];
      sum += Math.abs(z - previous);
      previous = z;
    }
  });
  return sum / (b - 1);
}

/** c ± 3σ_i and c ± 2σ_i, lower lines clipped at 0 and, for proportions, upper ones at 1. */
function rateLines(c: number, sigma: Float64Array, proportion: boolean): LimitLines {
  const top = proportion ? (x: number) => Math.min(1, x) : (x: number) => x;
  const lines: LimitLines = {
    centre: c,
    lower: (i) => Math.max(0, c - 3 * sigma[i]),
    upper: (i) => top(c + 3 * sigma[i]),
    nearLower: (i) => Math.max(0, c - 2 * sigma[i]),
    nearUpper: (i) => top(c + 2 * sigma[i]),
    beyondNear: (v, i, side) => (side > 0 ? v > lines.nearUpper(i) : v < lines.nearLower(i)),
  };
  return lines;
}
