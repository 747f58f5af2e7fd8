/**
 * KPI.VARIANCE's cells read into periods (FUNCTIONS.md, "KPI.VARIANCE" and the decided cases):
 * each cell of `actual` with its target is a period with data (two numbers), a period without
 * data (a blank, "" or #N/A actual: it wins over a blank target), or a bad cell (text or
 * TRUE/FALSE in actual, or a blank, text or #N/A target: #VALUE! in that cell only). Kept in
 * typed arrays, read a chunk per step: a full column is a million cells.
 */
import { fail, Problem } from "../core/analysis/problem";
import { Steps, Ticks } from "../core/analysis/steps";
import { asMatrixSteps, describeCell, errorCodeOf, isBlank, isGap, problemOfInputError, ResultCell } from "./cells";

export const NO_DATA = 0;
export const DATA = 1;
export const BAD = 2;

/** Cells per step: a few milliseconds each, so a slice (slicing.ts) never runs long. */
export const CHUNK = 1 << 15;

export interface Periods {
  rows: number;
  cols: number;
  /** NO_DATA, DATA or BAD per cell, row by row. */
  state: Uint8Array;
  actual: Float64Array;
  target: Float64Array;
  /** Why a BAD cell is bad, by its index (r · cols + c). */
  problems: Map<number, Problem>;
  /** The cells as given, for "detail". */
  actualAt(r: number, c: number): unknown;
  targetAt(r: number, c: number): unknown;
}

/** Where a cell is, for a message (built only for a cell in error: a column has a million). */
export function where(r: number, c: number): string {
  return `row ${r + 1}, column ${c + 1}`;
}

/** One target for every cell, or a range the shape of actual. */
function* targetSourceSteps(v: unknown, rows: number, cols: number): Steps<(r: number, c: number) => unknown> {
  const m = yield* asMatrixSteps(v, "target");
  if (m.length === 1 && m[0].length === 1) {
    const single = m[0][0];
    return () => single;
  }
  if (m.length !== rows || m[0].length !== cols) {
    fail("value", `target must be one value or a range the shape of actual (${rows}×${cols}), not ${m.length}×${m[0].length}`);
  }
  return (r, c) => m[r][c];
}

/** The shape check of actual and target (any error here is the whole call's #VALUE!), a chunk of rows a step. */
export function* periodSourceSteps(actual: unknown, target: unknown): Steps<{ actuals: unknown[][]; targetAt: (r: number, c: number) => unknown }> {
  const actuals = yield* asMatrixSteps(actual, "actual");
  yield;
  return { actuals, targetAt: yield* targetSourceSteps(target, actuals.length, actuals[0].length) };
}

export function* readPeriods(actuals: unknown[][], targetAt: (r: number, c: number) => unknown): Steps<Periods> {
  const rows = actuals.length;
  const cols = actuals[0].length;
  const size = rows * cols;
  const state = new Uint8Array(size);
  const actual = new Float64Array(size);
  const target = new Float64Array(size);
  const problems = new Map<number, Problem>();
  let k = 0;
  const ticks = new Ticks(CHUNK);
  for (let r = 0; r < rows; r++) {
    if (ticks.tick(cols)) yield;
    const line = actuals[r];
    for (let c = 0; c < cols; c++, k++) {
      const a = line[c];
      // A number is the common case: tested first, before the gap and error checks.
      if (typeof a !== "number") {
        if (isGap(a)) continue;
        state[k] = BAD;
        problems.set(k, actualProblem(a, r, c));
        continue;
      }
      const t = targetAt(r, c);
      if (!Number.isFinite(a) || typeof t !== "number" || !Number.isFinite(t)) {
        state[k] = BAD;
        problems.set(k, Number.isFinite(a) ? targetProblem(t, r, c) : actualProblem(a, r, c));
        continue;
      }
      state[k] = DATA;
      actual[k] = a;
      target[k] = t;
    }
  }
  return { rows, cols, state, actual, target, problems, actualAt: (r, c) => actuals[r][c], targetAt };
}

function targetProblem(t: unknown, r: number, c: number): Problem {
  return new Problem("value", `target at ${where(r, c)} is ${isBlank(t) ? "blank" : describeCell(t)}; VARIANCE needs a number there`);
}

/** Text or TRUE/FALSE is #VALUE!; an error value other than #N/A is passed on, as KPI_STATUS does. */
function actualProblem(a: unknown, r: number, c: number): Problem {
  const code = errorCodeOf(a);
  if (code !== null) return problemOfInputError(code, `actual at ${where(r, c)}`);
  return new Problem("value", `actual at ${where(r, c)} is ${describeCell(a)}, not a number`);
}

/** A cell as given, echoed in "detail": blanks as "", error values as the same error. */
export function asGiven(v: unknown, what: () => string): ResultCell {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  const code = errorCodeOf(v);
  if (code !== null) return problemOfInputError(code, what());
  return new Problem("value", `${what()} is ${describeCell(v)}`);
}
