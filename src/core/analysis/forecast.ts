/**
 * A forecast of a lagging KPI from its leading KPI (FUNCTIONS.md, "KPI.LEAD_FORECAST"):
 * ordinary least squares of lagging[t] on leading[t − lag], and for each of the next `lag`
 * periods the fitted value with a prediction interval
 *   ŷ0 ± t(1+level)/2, m−2 · s · √(1 + 1/m + (x0 − x̄)² / Sxx),
 * the interval statsmodels' get_prediction(...).summary_frame gives as obs_ci_lower/upper.
 */
import { fail, Problem } from "./problem";
import { twoSidedTCritical } from "../stats/distributions";
import { centredSums } from "../stats/correlation";
import { powerOfTwoScaleSteps } from "../stats/scale";
import { chunked, runToEnd, Steps } from "./steps";

export interface OlsFit {
  intercept: number;
  slope: number;
  /** 1 − SSE/SST; a Problem when the outcome does not vary. */
  r2: number | Problem;
  n: number;
  /** s = √(SSE / (m − 2)). */
  stdError: number;
  meanX: number;
  sxx: number;
}

export interface ForecastRow {
  /** 1-based row of the ranges the forecast is for. */
  period: number;
  forecast: number | Problem;
  lower: number | Problem;
  upper: number | Problem;
}

/** OLS of y on x over the pairs; centred sums (two passes) keep offset data exact. */
export function olsFit(x: ArrayLike<number>, y: ArrayLike<number>): OlsFit {
  return runToEnd(olsFitSteps(x, y));
}

/** olsFit in steps: the centred sums, then the residuals (a pass each over a full column). */
export function* olsFitSteps(x: ArrayLike<number>, y: ArrayLike<number>): Steps<OlsFit> {
  const m = x.length;
  if (m < 3) fail("na", `a forecast needs at least 3 periods where both the lagging value and the leading value lag periods earlier are numbers; got ${m}`);
  const sums = centredSums(x, y, m);
  yield;
  const mx = sums.mx + sums.cx / m;
  const my = sums.my + sums.cy / m;
  const { sxx, sxy, syy } = sums;
  if (!(sxx > 0)) fail("div0", "the leading values of the pairs are all equal: no slope can be fitted");
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = squaredResiduals(x, y, intercept, slope);
  const r2 = syy === 0 ? new Problem("div0", "the lagging values do not vary, so r2 is undefined") : 1 - sse / syy;
  return { intercept, slope, r2, n: m, stdError: Math.sqrt(sse / (m - 2)), meanX: mx, sxx };
}

function squaredResiduals(x: ArrayLike<number>, y: ArrayLike<number>, intercept: number, slope: number): number {
  let sse = 0;
  for (let i = 0; i < x.length; i++) {
    const e = y[i] - intercept - slope * x[i];
    sse += e * e;
  }
  return sse;
}

/**
 * Fits lagging[t] on leading[t − lag] (NaN marks a gap) and forecasts the `lag` periods after the
 * last reported lagging value.
 */
export function leadForecast(leading: Float64Array, lagging: Float64Array, lag: number, level: number): { fit: OlsFit; rows: ForecastRow[] } {
  return runToEnd(leadForecastSteps(leading, lagging, lag, level));
}

/** leadForecast in steps (core/analysis/steps.ts): a pass over the columns each. */
export function* leadForecastSteps(leading: Float64Array, lagging: Float64Array, lag: number, level: number): Steps<{ fit: OlsFit; rows: ForecastRow[] }> {
  // Fitted on both series scaled near 1 (stats/scale.ts), so no square overflows; scaled back.
  const sx = yield* powerOfTwoScaleSteps(leading);
  yield;
  const sy = yield* powerOfTwoScaleSteps(lagging);
  yield;
  const { x, y, last } = yield* scaledPairsSteps(leading, lagging, lag, sx, sy);
  yield;
  const fit = yield* olsFitSteps(x, y);
  const t = twoSidedTCritical(1 - level, fit.n - 2);
  const rows: ForecastRow[] = [];
  for (let k = 1; k <= lag; k++) {
    const x0 = leading[last + k - lag] / sx;
    const period = last + k + 1;
    if (Number.isNaN(x0)) {
      const missing = new Problem("na", `the leading value for period ${period} (row ${last + k - lag + 1}) is not a number`);
      rows.push({ period, forecast: missing, lower: missing, upper: missing });
      continue;
    }
    const forecast = fit.intercept + fit.slope * x0;
    const half = t * fit.stdError * Math.sqrt(1 + 1 / fit.n + ((x0 - fit.meanX) * (x0 - fit.meanX)) / fit.sxx);
    rows.push({ period, forecast: forecast * sy, lower: (forecast - half) * sy, upper: (forecast + half) * sy });
  }
  return {
    fit: { ...fit, intercept: fit.intercept * sy, slope: (fit.slope * sy) / sx, stdError: fit.stdError * sy, meanX: fit.meanX * sx, sxx: fit.sxx * sx * sx },
    rows,
  };
}

/**
 * The pairs (leading[t − lag], lagging[t]) where both are numbers, each divided by its series'
 * scale (exact: a power of two), and the last reported period of lagging.
 */
function* scaledPairsSteps(
  leading: Float64Array,
  lagging: Float64Array,
  lag: number,
  sx: number,
  sy: number,
): Steps<{ x: Float64Array; y: Float64Array; last: number }> {
  const x = new Float64Array(lagging.length);
  const y = new Float64Array(lagging.length);
  let m = 0;
  let last = -1;
  yield* chunked(lagging.length, (from, to) => {
    for (let t = from; t < to; t++) {
      const v = lagging[t];
      if (v !== v) continue;
      last = t;
      const u = t - lag >= 0 ? leading[t - lag] : NaN;
      if (u === u) {
        x[m] = u / sx;
        y[m] = v / sy;
        m++;
      }
    }
  });
  return { x: x.subarray(0, m), y: y.subarray(0, m), last };
}
