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
import { divided, powerOfTwoScale } from "../stats/scale";

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
  const m = x.length;
  if (m < 3) fail("na", `a forecast needs at least 3 periods where both the lagging value and the leading value lag periods earlier are numbers; got ${m}`);
  const sums = centredSums(x, y, m);
  const mx = sums.mx + sums.cx / m;
  const my = sums.my + sums.cy / m;
  const { sxx, sxy, syy } = sums;
  if (!(sxx > 0)) fail("div0", "the leading values of the pairs are all equal: no slope can be fitted");
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (let i = 0; i < m; i++) {
    const e = y[i] - intercept - slope * x[i];
    sse += e * e;
  }
  const r2 = syy === 0 ? new Problem("div0", "the lagging values do not vary, so r2 is undefined") : 1 - sse / syy;
  return { intercept, slope, r2, n: m, stdError: Math.sqrt(sse / (m - 2)), meanX: mx, sxx };
}

/**
 * Fits lagging[t] on leading[t − lag] (NaN marks a gap) and forecasts the `lag` periods after the
 * last reported lagging value.
 */
export function leadForecast(leading: Float64Array, lagging: Float64Array, lag: number, level: number): { fit: OlsFit; rows: ForecastRow[] } {
  // Fitted on both series scaled near 1 (stats/scale.ts), so no square overflows; scaled back.
  const sx = powerOfTwoScale(leading);
  const sy = powerOfTwoScale(lagging);
  const { fit, rows } = leadForecastScaled(divided(leading, sx), divided(lagging, sy), lag, level);
  const back = (v: number | Problem) => (v instanceof Problem ? v : v * sy);
  return {
    fit: { ...fit, intercept: fit.intercept * sy, slope: (fit.slope * sy) / sx, stdError: fit.stdError * sy, meanX: fit.meanX * sx, sxx: fit.sxx * sx * sx },
    rows: rows.map((r) => ({ period: r.period, forecast: back(r.forecast), lower: back(r.lower), upper: back(r.upper) })),
  };
}

function leadForecastScaled(leading: Float64Array, lagging: Float64Array, lag: number, level: number): { fit: OlsFit; rows: ForecastRow[] } {
  const x: number[] = [];
  const y: number[] = [];
  let last = -1;
  for (let t = 0; t < lagging.length; t++) {
    if (Number.isNaN(lagging[t])) continue;
    last = t;
    if (t - lag >= 0 && !Number.isNaN(leading[t - lag])) {
      x.push(leading[t - lag]);
      y.push(lagging[t]);
    }
  }
  const fit = olsFit(x, y);
  const t = twoSidedTCritical(1 - level, fit.n - 2);
  const rows: ForecastRow[] = [];
  for (let k = 1; k <= lag; k++) {
    const x0 = leading[last + k - lag];
    const period = last + k + 1;
    if (x0 === undefined || Number.isNaN(x0)) {
      const missing = new Problem("na", `the leading value for period ${period} (row ${last + k - lag + 1}) is not a number`);
      rows.push({ period, forecast: missing, lower: missing, upper: missing });
      continue;
    }
    const forecast = fit.intercept + fit.slope * x0;
    const half = t * fit.stdError * Math.sqrt(1 + 1 / fit.n + ((x0 - fit.meanX) * (x0 - fit.meanX)) / fit.sxx);
    rows.push({ period, forecast, lower: forecast - half, upper: forecast + half });
  }
  return { fit, rows };
}
