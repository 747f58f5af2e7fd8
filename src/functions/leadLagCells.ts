/** LEADLAG_CORR over Excel's cells. */
import { bestLag, CorrelationMethod, LagRow, leadLagSteps } from "../core/analysis/leadLag";
import { runToEnd, Steps } from "../core/analysis/steps";
import { fail, Problem } from "../core/analysis/problem";
import { readBoolean, readChoice, readWholeNumber, ResultCell } from "./cells";
import { readSeriesSteps } from "./readSeriesSteps";

export type LeadLagOutput = "table" | "values" | "best";

export const LEADLAG_HEADER = ["lag", "r", "p_value", "n"];
export const DEFAULT_MAX_LAG = 12;
/** A table of max_lag + 2 rows must fit on a sheet of 1,048,576 rows. */
export const MAX_LAG_LIMIT = 1_048_574;

export function leadLagCells(leading: unknown, lagging: unknown, maxLag: unknown, method: unknown, difference: unknown, output: unknown): ResultCell[][] {
  return runToEnd(leadLagCellsSteps(leading, lagging, maxLag, method, difference, output));
}

/** LEADLAG_CORR in steps, so a full column with many lags can run in time slices. */
export function* leadLagCellsSteps(
  leading: unknown,
  lagging: unknown,
  maxLag: unknown,
  method: unknown,
  difference: unknown,
  output: unknown,
): Steps<ResultCell[][]> {
  const x = yield* readSeriesSteps(leading, "leading");
  yield;
  const y = yield* readSeriesSteps(lagging, "lagging");
  yield;
  if (x.length !== y.length) {
    fail("value", `leading and lagging must have the same number of periods; got ${x.length} and ${y.length}`);
  }
  const options = {
    maxLag: readWholeNumber(maxLag, "max_lag", DEFAULT_MAX_LAG, 0, MAX_LAG_LIMIT),
    method: readChoice<CorrelationMethod>(method, "method", ["pearson", "spearman"], "pearson"),
    difference: readBoolean(difference, "difference", false),
    // x and y were read into arrays of their own just above.
    ownsInputs: true,
  };
  const out = readChoice<LeadLagOutput>(output, "output", ["table", "values", "best"], "table");
  const rows = yield* leadLagSteps(x, y, options);
  if (out === "best") {
    const best = bestLag(rows);
    if (best instanceof Problem) return [[best]];
    return [[best.lag, best.r, best.pAdjusted, best.n]];
  }
  const values = rows.map(lagRowCells);
  return out === "table" ? [[...LEADLAG_HEADER], ...values] : values;
}

function lagRowCells(row: LagRow): ResultCell[] {
  return [row.lag, row.r, row.p, row.n];
}
