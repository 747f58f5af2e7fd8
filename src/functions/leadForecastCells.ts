/** KPI.LEAD_FORECAST over Excel's cells (FUNCTIONS.md, "KPI.LEAD_FORECAST"). */
import { leadForecastSteps } from "../core/analysis/forecast";
import { Steps } from "../core/analysis/steps";
import { fail } from "../core/analysis/problem";
import { isBlank, readChoice, readNumber, readWholeNumber, ResultCell, singleValue } from "./cells";
import { readSeriesSteps } from "./readSeriesSteps";

export type ForecastOutput = "table" | "values" | "fit";
export const FORECAST_HEADER = ["period", "forecast", "lower", "upper"];
export const FIT_HEADER = ["intercept", "slope", "r2", "n", "std_error"];

/** In steps: the columns are read a chunk at a time, then the fit over them (core/analysis/forecast.ts). */
export function* leadForecastCells(leading: unknown, lagging: unknown, lag: unknown, level: unknown, output: unknown): Steps<ResultCell[][]> {
  const x = yield* readSeriesSteps(leading, "leading");
  yield;
  const y = yield* readSeriesSteps(lagging, "lagging");
  yield;
  if (x.length !== y.length) fail("value", `leading and lagging must have the same length; got ${x.length} and ${y.length}`);
  if (isBlank(singleValue(lag, "lag"))) fail("value", "lag is required: the lead time in periods, a whole number >= 1 (LEADLAG_CORR's best lag)");
  const k = readWholeNumber(lag, "lag", 1, 1, Number.MAX_SAFE_INTEGER);
  const coverage = readNumber(level, "level", 0.8);
  if (!(coverage > 0 && coverage < 1)) fail("value", `level must be between 0 and 1 (exclusive); got ${coverage}`);
  const out = readChoice<ForecastOutput>(output, "output", ["table", "values", "fit"], "table");
  const { fit, rows } = yield* leadForecastSteps(x, y, k, coverage);
  if (out === "fit") return [[...FIT_HEADER], [fit.intercept, fit.slope, fit.r2, fit.n, fit.stdError]];
  const body: ResultCell[][] = rows.map((r) => [r.period, r.forecast, r.lower, r.upper]);
  return out === "table" ? [[...FORECAST_HEADER], ...body] : body;
}
