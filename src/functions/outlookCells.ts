/** KPI.OUTLOOK over Excel's cells (FUNCTIONS.md, "KPI.OUTLOOK" and the third wave's decided cases). */
import { outlookSteps, OutlookDirection, OutlookMethod, Rollup } from "../core/analysis/outlook";
import { fail } from "../core/analysis/problem";
import { chunked, Steps } from "../core/analysis/steps";
import { asMatrixSteps, describeCell, isBlank, readChoice, readNumber, ResultCell, shapedLike, singleValue } from "./cells";
import { readSeriesSteps } from "./readSeriesSteps";

export type OutlookOutput = "landing" | "table" | "periods";
export const OUTLOOK_HEADER = ["landing", "lower", "upper", "target", "probability"];

/** Rows of "periods" written per step (a full column is a million). */
const CHUNK = 1 << 16;

/** In steps: reading the horizon, the forecast, and writing a full column's periods, each well under a slice. */
export function* outlookCells(
  actual: unknown,
  target: unknown,
  direction: unknown,
  method: unknown,
  rollup: unknown,
  level: unknown,
  output: unknown,
): Steps<ResultCell[][]> {
  const values = yield* readSeriesSteps(actual, "actual", true);
  yield;
  const dir = readDirection(direction);
  const how = readChoice<OutlookMethod>(method, "method", ["trend", "average", "budget"], "trend");
  const roll = readChoice<Rollup>(rollup, "rollup", ["sum", "average", "last"], "sum");
  const coverage = readNumber(level, "level", 0.8);
  if (!(coverage > 0 && coverage < 1)) fail("value", `level must be between 0 and 1 (exclusive); got ${coverage}`);
  const out = readChoice<OutlookOutput>(output, "output", ["landing", "table", "periods"], "landing");
  const goal = yield* readTargetsSteps(target, values.length, roll);
  if (how === "budget" && goal.perPeriod === null) {
    fail("value", 'method "budget" forecasts each open period at its own target: give target as a range with one target per period');
  }
  yield;
  // values and the per-period targets were read into arrays of their own just above.
  const result = yield* outlookSteps({
    values,
    targets: goal.perPeriod,
    target: goal.horizon,
    direction: dir,
    method: how,
    rollup: roll,
    level: coverage,
    ownsInputs: true,
  });
  if (out === "landing") return [[result.landing]];
  if (out === "table") return [[...OUTLOOK_HEADER], [result.landing, result.lower, result.upper, result.target, result.probability ?? ""]];
  yield;
  return yield* periodsLike(actual, result.forecasts);
}

/** "within" has no side of success here, so it is refused by name rather than as unknown. */
function readDirection(v: unknown): OutlookDirection {
  const value = singleValue(v, "direction");
  if (typeof value === "string" && value.trim().toLowerCase() === "within") {
    fail("value", 'direction must be "higher" (or 1) or "lower" (or -1): OUTLOOK asks which side of the target is success, which "within" does not say');
  }
  return readChoice<OutlookDirection>(value, "direction", ["higher", "lower"], "higher", { "1": "higher", "-1": "lower" });
}

/**
 * The horizon's target: one number (a one-cell range is a number), or N cells in one row or one
 * column, either orientation, one target per period: then their sum, mean or last cell.
 */
function* readTargetsSteps(v: unknown, periods: number, rollup: Rollup): Steps<{ horizon: number; perPeriod: Float64Array | null }> {
  const m = yield* asMatrixSteps(v, "target");
  if (m.length === 1 && m[0].length === 1) {
    const single = m[0][0];
    if (isBlank(single)) fail("value", "target is required: the horizon's target, or a range with one target per period");
    return { horizon: readNumber(single, "target", NaN), perPeriod: null };
  }
  if (m.length !== 1 && m[0].length !== 1)
    fail("value", `target must be one number or one row or column of ${periods} cells, not a ${m.length}×${m[0].length} range`);
  const byRow = m.length === 1;
  const count = byRow ? m[0].length : m.length;
  if (count !== periods) fail("value", `target must have one cell per period of actual (${periods}); got ${count}`);
  yield;
  const perPeriod = new Float64Array(periods);
  let sum = 0;
  yield* chunked(periods, (from, to) => {
    for (let i = from; i < to; i++) {
      const t = byRow ? m[0][i] : m[i][0];
      if (typeof t !== "number" || !Number.isFinite(t))
        fail("value", `target: period ${i + 1} is ${isBlank(t) ? "blank" : describeCell(t)}; every period needs a number`);
      perPeriod[i] = t;
    }
  });
  yield;
  yield* chunked(periods, (from, to) => {
    for (let i = from; i < to; i++) sum += perPeriod[i];
  });
  const horizon = rollup === "sum" ? sum : rollup === "average" ? sum / periods : perPeriod[periods - 1];
  return { horizon, perPeriod };
}

/** The shape of actual: "" in reported cells, the forecast in open ones. */
function* periodsLike(actual: unknown, forecasts: Float64Array): Steps<ResultCell[][]> {
  const cells: ResultCell[] = new Array(forecasts.length);
  yield* chunked(forecasts.length, (from, to) => {
    for (let i = from; i < to; i++) cells[i] = Number.isNaN(forecasts[i]) ? "" : forecasts[i];
  });
  return yield* shapedLike(actual, cells, CHUNK);
}
