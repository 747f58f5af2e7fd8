/**
 * cells.readSeries in steps: a full column read in one go held the thread 36–40 ms here (and
 * more when the collector paused in it), most of the 50 ms a task may take before a browser
 * calls it long. The same checks and messages, READ_CHUNK rows a step; readSeries is the same read
 * in one go, for series a function reads whole.
 */
import { asMatrix, describeCell, errorCodeOf, isGap, problemOfInputError } from "./cells";
import { fail, ProblemError } from "../core/analysis/problem";
import { FIRST_CHUNK, rampUp, runToEnd, Steps } from "../core/analysis/steps";

/** Rows read between two steps at most: 1–2 ms here (the first chunks are shorter: steps.ts, FIRST_CHUNK). */
const READ_CHUNK = 1 << 16;

/**
 * A time series: one row or one column, oldest first. Gaps and skipped cells become NaN;
 * an error value other than #N/A, or a number Excel cannot hold, is an error of the argument.
 * Text and TRUE/FALSE are skipped (as CORREL and T.TEST skip them), or refused with `strict`.
 */
export function readSeries(v: unknown, name: string, strict = false): Float64Array {
  return runToEnd(readSeriesSteps(v, name, strict));
}

export function* readSeriesSteps(v: unknown, name: string, strict = false): Steps<Float64Array> {
  const column = Array.isArray(v) && v.length > 1 && Array.isArray(v[0]) && (v[0] as unknown[]).length === 1;
  const m = column ? (v as unknown[][]) : asMatrix(v, name);
  if (m.length !== 1 && m[0].length !== 1) {
    fail("value", `${name} must be one row or one column, not a ${m.length}×${m[0].length} range`);
  }
  const byRow = m.length === 1;
  const length = byRow ? m[0].length : m.length;
  const series = new Float64Array(length);
  for (let from = 0, size = FIRST_CHUNK; from < length; from += size, size = rampUp(size, READ_CHUNK)) {
    if (from > 0) yield;
    readRows(m, byRow, name, strict, series, from, Math.min(length, from + size));
  }
  return series;
}

/** Rows [from, to) into `series` (a plain function: V8 optimises loops in generators less well). */
function readRows(m: unknown[][], byRow: boolean, name: string, strict: boolean, series: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    let cell: unknown;
    if (byRow) cell = m[0][i];
    else {
      const row = m[i];
      if (!Array.isArray(row) || row.length !== 1) fail("value", `${name} is not a rectangular range`);
      cell = row[0];
    }
    if (typeof cell === "number") {
      if (!Number.isFinite(cell)) fail("value", `${name}: value ${i + 1} is not a finite number`);
      series[i] = cell;
      continue;
    }
    const code = errorCodeOf(cell);
    if (code !== null && code !== "#N/A") throw new ProblemError(problemOfInputError(code, `${name}: value ${i + 1}`));
    if (strict && !isGap(cell))
      fail("value", `${name}: value ${i + 1} is ${describeCell(cell)}, not a number (leave the cell blank or use =NA() for a missing period)`);
    series[i] = NaN;
  }
}
