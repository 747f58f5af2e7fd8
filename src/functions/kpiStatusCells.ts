/** KPI_STATUS over Excel's cells: per-cell classification with per-cell errors. */
import { fail, Problem } from "../core/analysis/problem";
import { atRiskOnUnfavourableSide, classify, Direction, NO_DATA_LABEL, STATUS_LABEL, STATUS_SCORE } from "../core/model/status";
import { atRiskFor } from "../core/model/kpi";
import { FIRST_CHUNK, rampUp, Steps } from "../core/analysis/steps";
import { asMatrix, asMatrixSteps, describeCell, errorCodeOf, isBlank, isGap, problemOfInputError, readChoice, ResultCell, SpillRows } from "./cells";

export type StatusOutput = "label" | "score";

/** A per-cell argument: a single value for every cell, or a range of the actual's shape. */
type CellSource = ((row: number, col: number) => unknown) & { single?: boolean };

function isSingle(source: CellSource): boolean {
  return source.single === true;
}

function single(value: unknown): CellSource {
  return Object.assign(() => value, { single: true });
}

/** Cells classified between two steps at most (a full column is a million). */
const STEP_CELLS = 1 << 15;

/** In steps: a spilled full column is built a chunk of rows at a time. */
export function* kpiStatusCells(actual: unknown, target: unknown, atRisk: unknown, direction: unknown, output: unknown): Steps<ResultCell[][]> {
  const actuals = yield* asMatrixSteps(actual, "actual");
  yield;
  const rows = actuals.length;
  const cols = actuals[0].length;
  const targetAt = yield* perCellSteps(target, "target", rows, cols);
  yield;
  const dir = readChoice<Direction>(direction, "direction", ["higher", "lower", "within"], "higher", { "1": "higher", "-1": "lower" });
  // "10%": the boundary is that share of each cell's |target| on the unfavourable side.
  const percent = percentArgument(atRisk);
  const atRiskAt = isBlank(atRisk) || percent !== null ? single(undefined) : yield* perCellSteps(atRisk, "at_risk", rows, cols);
  const defaultAt = (t: number) => atRiskFor({ atRisk: null, atRiskPercent: percent, direction: dir }, t);
  const out = readChoice<StatusOutput>(output, "output", ["label", "score"], "label");
  const cell: Classifier = { bands: sharedBands(targetAt, atRiskAt, dir, defaultAt), targetAt, atRiskAt, dir, out, defaultAt, rows: new SpillRows() };
  yield;
  const result: ResultCell[][] = new Array(rows);
  for (let r = 0, cells = FIRST_CHUNK; r < rows; cells = rampUp(cells, STEP_CELLS)) {
    if (r > 0) yield;
    r = statusRows(actuals, result, r, cells, cell);
  }
  return result;
}

interface Classifier {
  /** One target and boundary for every cell (the usual case), checked once. */
  bands: { target: number; atRisk: number } | null;
  targetAt: CellSource;
  atRiskAt: CellSource;
  dir: Direction;
  out: StatusOutput;
  defaultAt: (target: number) => number;
  rows: SpillRows;
}

/** Rows from `from` on, about `limit` cells; returns where it stopped (a plain function: V8 optimises loops in generators less well). */
function statusRows(actuals: unknown[][], result: ResultCell[][], from: number, limit: number, k: Classifier): number {
  let r = from;
  for (let done = 0; r < actuals.length && done < limit; r++) {
    const cells = actuals[r];
    if (cells.length === 1) {
      result[r] = k.rows.row(statusAt(cells[0], r, 0, k));
      done++;
      continue;
    }
    const line: ResultCell[] = new Array(cells.length);
    for (let c = 0; c < cells.length; c++) line[c] = statusAt(cells[c], r, c, k);
    result[r] = line;
    done += cells.length;
  }
  return r;
}

function statusAt(a: unknown, r: number, c: number, k: Classifier): ResultCell {
  const { bands, dir, out } = k;
  // With shared bands a number is classified at once.
  if (bands && typeof a === "number" && Number.isFinite(a)) {
    const status = classify(a, bands.target, bands.atRisk, dir);
    return out === "label" ? STATUS_LABEL[status] : STATUS_SCORE[status];
  }
  return statusOfCell(a, k.targetAt(r, c), k.atRiskAt(r, c), dir, out, r, c, k.defaultAt);
}

/** The target and at-risk boundary shared by every cell, when both are single valid numbers. */
function sharedBands(
  targetAt: CellSource,
  atRiskAt: CellSource,
  direction: Direction,
  defaultAt: (target: number) => number,
): { target: number; atRisk: number } | null {
  const target = targetAt(0, 0);
  const atRisk = atRiskAt(0, 0);
  if (!isSingle(targetAt) || !isSingle(atRiskAt)) return null;
  if (typeof target !== "number" || !Number.isFinite(target)) return null;
  if (isBlank(atRisk)) return { target, atRisk: defaultAt(target) };
  if (typeof atRisk !== "number" || !Number.isFinite(atRisk) || !atRiskOnUnfavourableSide(target, atRisk, direction)) return null;
  return { target, atRisk };
}

/**
 * A percentage of the target given as text ("10%", as TEXT(cell,"0%") gives it) in one cell:
 * the number of percent. Null when at_risk is anything else; #VALUE! for a percentage below 0.
 */
function percentArgument(v: unknown): number | null {
  const m = asMatrix(v ?? null, "at_risk");
  const x = m.length === 1 && m[0].length === 1 ? m[0][0] : null;
  if (typeof x !== "string") return null;
  const match = /^\s*([-+]?\d*\.?\d*(?:[eE][-+]?\d+)?)\s*%\s*$/.exec(x);
  if (!match || match[1] === "" || !Number.isFinite(Number(match[1]))) return null;
  const percent = Number(match[1]);
  if (percent < 0) fail("value", `at_risk as a percentage of the target must be 0% or more, not ${x.trim()}`);
  return percent;
}

function* perCellSteps(v: unknown, name: string, rows: number, cols: number): Steps<CellSource> {
  const m = yield* asMatrixSteps(v, name);
  if (m.length === 1 && m[0].length === 1) return single(m[0][0]);
  if (m.length !== rows || m[0].length !== cols) {
    fail("value", `${name} must be one value or a range the shape of actual (${rows}×${cols}), not ${m.length}×${m[0].length}`);
  }
  return (r, c) => m[r][c];
}

function statusOfCell(
  actual: unknown,
  target: unknown,
  atRisk: unknown,
  direction: Direction,
  output: StatusOutput,
  r: number,
  c: number,
  defaultAt: (target: number) => number,
): ResultCell {
  if (isGap(actual)) return output === "label" ? NO_DATA_LABEL : "";
  const actualValue = numberOf(actual, "actual", r, c);
  if (actualValue instanceof Problem) return actualValue;
  if (isBlank(target)) return new Problem("value", `target at ${where(r, c)} is blank; KPI_STATUS needs a number`);
  const targetValue = numberOf(target, "target", r, c);
  if (targetValue instanceof Problem) return targetValue;
  let boundary = defaultAt(targetValue);
  if (!isBlank(atRisk)) {
    const given = numberOf(atRisk, "at_risk", r, c);
    if (given instanceof Problem) return given;
    if (!atRiskOnUnfavourableSide(targetValue, given, direction)) {
      const side = direction === "higher" ? "at or below" : "at or above";
      return new Problem("value", `at_risk at ${where(r, c)} (${given}) must be ${side} the target (${targetValue}) when ${direction} is better`);
    }
    boundary = given;
  }
  const status = classify(actualValue, targetValue, boundary, direction);
  return output === "label" ? STATUS_LABEL[status] : STATUS_SCORE[status];
}

/** Where a cell is, for a message (built only for a cell in error: a column has a million). */
function where(r: number, c: number): string {
  return `row ${r + 1}, column ${c + 1}`;
}

function numberOf(v: unknown, argument: string, r: number, c: number): number | Problem {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const code = errorCodeOf(v);
  if (code !== null) return problemOfInputError(code, `${argument} at ${where(r, c)}`);
  return new Problem("value", `${argument} at ${where(r, c)} is ${describeCell(v)}, not a number`);
}
