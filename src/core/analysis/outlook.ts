/**
 * Where will the year land, and how likely is the target? (FUNCTIONS.md, "KPI.OUTLOOK").
 * The open periods of a horizon are forecast (a least-squares trend on the period index, the
 * mean of the reported values, or the budget), the horizon rolled up (sum, average or last
 * value), and the landing given a Student-t interval and a probability of meeting the target.
 *
 * The trend's standard error is that of the rolled-up prediction: for the sum over the open
 * periods F, Var(Σ_F (y_i − ŷ_i)) = s²·(f + 1ᵀ·X_F·C·X_Fᵀ·1) with C = (XᵀX)⁻¹ of the reported
 * rows of X = [1, i] (each new observation brings its own s², the fitted line's error is shared).
 * With u = X_Fᵀ·1 = (f, Σ_F i), uᵀ·C·u = f²/n + (Σ_F (i − ī))²/Sxx: the centred form used below,
 * which statsmodels' cov_params() gives as a matrix (test/reference/generate_variance_outlook.py).
 */
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import { fail } from "./problem";
import { twoSidedTCritical } from "../stats/distributions";
import { dividedSteps, powerOfTwoScale, powerOfTwoScaleSteps } from "../stats/scale";
import { chunked, runToEnd, Steps } from "./steps";

export type OutlookDirection = "higher" | "lower";
export type OutlookMethod = "trend" | "average" | "budget";
export type Rollup = "sum" | "average" | "last";

export interface OutlookInput {
  /** The horizon, period by period: a number where reported, NaN where open. */
  values: Float64Array;
  /** One target per period (the same length), or null for a single target. */
  targets: Float64Array | null;
  /** The horizon's target in the roll-up's terms. */
  target: number;
  direction: OutlookDirection;
  method: OutlookMethod;
  rollup: Rollup;
  /** The interval's coverage, 0 < level < 1. */
  level: number;
  /** The caller hands over values and targets: they may be scaled in place (a full column saves 16 MB of new arrays). */
  ownsInputs?: boolean;
}

export interface OutlookResult {
  landing: number;
  lower: number;
  upper: number;
  target: number;
  /** Null for the budget method, which has no interval. */
  probability: number | null;
  standardError: number;
  /** The forecast of each open period; NaN in reported ones. */
  forecasts: Float64Array;
}

/** A fitted forecast of the open periods: a value per period and the pieces of its error. */
interface Model {
  forecastAt(i: number): number;
  s2: number;
  df: number;
  /** uᵀ·C·u for the open periods' sum (in units of s²), and x_iᵀ·C·x_i for period i alone. */
  sharedSum(): number;
  sharedAt(i: number): number;
}

const NEEDS: Record<OutlookMethod, number> = { trend: 3, average: 2, budget: 1 };

export function outlook(input: OutlookInput): OutlookResult {
  return runToEnd(outlookSteps(input));
}

/** In steps of one pass over the horizon each (a full column is a million periods). */
export function* outlookSteps(input: OutlookInput): Steps<OutlookResult> {
  // Worked on values and targets divided by one power of two (exact), so no square overflows.
  const ofValues = yield* powerOfTwoScaleSteps(input.values);
  yield;
  const ofTargets = input.targets ? yield* powerOfTwoScaleSteps(input.targets) : 1;
  const scale = powerOfTwoScale([ofValues, ofTargets, Math.abs(input.target) || 1]);
  yield;
  const own = input.ownsInputs === true;
  const values = yield* dividedSteps(input.values, scale, own ? input.values : undefined);
  yield;
  const targets = input.targets ? yield* dividedSteps(input.targets, scale, own ? input.targets : undefined) : null;
  yield;
  const r = yield* outlookScaled({ ...input, values, targets, target: input.target / scale });
  yield;
  yield* chunked(r.forecasts.length, (from, to) => {
    for (let i = from; i < to; i++) r.forecasts[i] *= scale;
  });
  return { ...r, landing: r.landing * scale, lower: r.lower * scale, upper: r.upper * scale, target: input.target, standardError: r.standardError * scale };
}

function* outlookScaled(input: OutlookInput): Steps<OutlookResult> {
  const { values, method, rollup } = input;
  const N = values.length;
  let n = 0;
  yield* chunked(N, (from, to) => {
    for (let i = from; i < to; i++) if (values[i] === values[i]) n++;
  });
  if (n < NEEDS[method]) {
    fail("na", `method "${method}" needs at least ${NEEDS[method]} reported period${NEEDS[method] > 1 ? "s" : ""} (numbers in actual); got ${n}`);
  }
  yield;
  const model = method === "trend" ? yield* trendModel(values, n) : method === "average" ? yield* averageModel(values, n) : budgetModel(input.targets!);
  yield;
  const forecasts = new Float64Array(N);
  let sum = 0;
  yield* chunked(N, (from, to) => {
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (v === v) {
        forecasts[i] = NaN;
        sum += v;
      } else sum += forecasts[i] = model.forecastAt(i + 1);
    }
  });
  yield;
  const f = N - n;
  const lastOpen = Number.isNaN(values[N - 1]);
  let landing: number;
  let variance: number;
  if (rollup === "last") {
    landing = lastOpen ? forecasts[N - 1] : values[N - 1];
    variance = lastOpen ? model.s2 * (1 + model.sharedAt(N)) : 0;
  } else {
    landing = rollup === "average" ? sum / N : sum;
    variance = f === 0 ? 0 : (model.s2 * (f + model.sharedSum())) / (rollup === "average" ? N * N : 1);
  }
  const se = Math.sqrt(variance);
  return { ...interval(landing, se, model.df, input), standardError: se, forecasts };
}

/** L ± t·se and the probability of meeting the target (FUNCTIONS.md: 1 or 0 when se = 0). */
function interval(landing: number, se: number, df: number, input: OutlookInput): Omit<OutlookResult, "standardError" | "forecasts"> {
  const T = input.target;
  const meets = input.direction === "higher" ? landing >= T : landing <= T;
  if (input.method === "budget") return { landing, lower: landing, upper: landing, target: T, probability: null };
  if (se === 0) return { landing, lower: landing, upper: landing, target: T, probability: meets ? 1 : 0 };
  const half = twoSidedTCritical(1 - input.level, df) * se;
  // 1 − F(z) is read as F(−z) (the t is symmetric): no cancellation for a probability near 0.
  const z = (landing - T) / se;
  const probability = tCdf(input.direction === "higher" ? z : -z, df);
  return { landing, lower: landing - half, upper: landing + half, target: T, probability };
}

/**
 * Least squares of the n reported values (numbers; NaN is open) on their period index i = 1 … N,
 * in centred form, a pass a step; y is measured from its first value, so an offset keeps its digits.
 */
function* trendModel(values: Float64Array, n: number): Steps<Model> {
  const N = values.length;
  let origin = NaN;
  let iSum = 0;
  let ySum = 0;
  yield* chunked(N, (from, to) => {
    for (let k = from; k < to; k++) {
      const v = values[k];
      if (v !== v) continue;
      if (origin !== origin) origin = v;
      iSum += k + 1;
      ySum += v - origin;
    }
  });
  const iMean = iSum / n;
  const yMean = origin + ySum / n;
  yield;
  let sxx = 0;
  let sxy = 0;
  yield* chunked(N, (from, to) => {
    for (let k = from; k < to; k++) {
      const v = values[k];
      if (v !== v) continue;
      const d = k + 1 - iMean;
      sxx += d * d;
      sxy += d * (v - yMean);
    }
  });
  const slope = sxy / sxx;
  yield;
  let sse = 0;
  let openOffsets = 0;
  yield* chunked(N, (from, to) => {
    for (let k = from; k < to; k++) {
      const v = values[k];
      if (v !== v) {
        openOffsets += k + 1 - iMean;
        continue;
      }
      const e = v - yMean - slope * (k + 1 - iMean);
      sse += e * e;
    }
  });
  const f = N - n;
  return {
    forecastAt: (i) => yMean + slope * (i - iMean),
    s2: sse / (n - 2),
    df: n - 2,
    sharedSum: () => (f * f) / n + (openOffsets * openOffsets) / sxx,
    sharedAt: (i) => 1 / n + ((i - iMean) * (i - iMean)) / sxx,
  };
}

/** Every open period at the mean of the n reported values; s² their sample variance. */
function* averageModel(values: Float64Array, n: number): Steps<Model> {
  const N = values.length;
  let origin = NaN;
  let sum = 0;
  yield* chunked(N, (from, to) => {
    for (let k = from; k < to; k++) {
      const v = values[k];
      if (v !== v) continue;
      if (origin !== origin) origin = v;
      sum += v - origin;
    }
  });
  const offset = sum / n;
  let squares = 0;
  yield;
  yield* chunked(N, (from, to) => {
    for (let k = from; k < to; k++) {
      const d = values[k] - origin - offset;
      if (d === d) squares += d * d;
    }
  });
  const mean = origin + offset;
  const f = N - n;
  return { forecastAt: () => mean, s2: squares / (n - 1), df: n - 1, sharedSum: () => (f * f) / n, sharedAt: () => 1 / n };
}

/** Every open period at its own target: no interval. */
function budgetModel(targets: Float64Array): Model {
  return { forecastAt: (i) => targets[i - 1], s2: 0, df: 1, sharedSum: () => 0, sharedAt: () => 0 };
}
