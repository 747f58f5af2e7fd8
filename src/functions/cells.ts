/**
 * Excel's side of the worksheet functions: reading the values Excel passes (matrices, blanks,
 * text, booleans, error values, omitted arguments) and building the values it can show.
 *
 * A missing period: Excel on the web passes a blank cell inside a range as null, while Excel
 * desktop may pass it as 0 (office-js issues 1951, 4702, 5262), which no function can tell
 * from a real zero. So besides blanks, a cell holding #N/A (=NA(), as Excel charts treat it)
 * or empty text (="") counts as a gap on every platform. In series, other text and booleans
 * are skipped as Excel's CORREL and T.TEST skip them.
 */
import { fail, Problem, ProblemError, ProblemKind } from "../core/analysis/problem";
import { chunked, runToEnd, Steps, Ticks } from "../core/analysis/steps";

/** Excel's error codes, as CustomFunctions.ErrorCode spells them. */
const KIND_OF_CODE: Record<string, ProblemKind> = {
  "#VALUE!": "value",
  "#N/A": "na",
  "#DIV/0!": "div0",
  "#NUM!": "num",
  "#NULL!": "null",
};

const CODE_OF_KIND: Record<ProblemKind, string> = {
  value: "#VALUE!",
  na: "#N/A",
  div0: "#DIV/0!",
  num: "#NUM!",
  null: "#NULL!",
};

/** Excel shows a custom message only with these codes (CustomFunctions.ErrorCode docs). */
const CODES_WITH_MESSAGE = new Set(["#VALUE!", "#N/A"]);

/**
 * Excel.ErrorCellValue's errorType by code (@types/office-js ErrorCellValueType), for an error
 * object that carries its errorType but no basicValue.
 */
const CODE_OF_ERROR_TYPE: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

interface CellValueLike {
  type: string;
  basicValue?: unknown;
  basicType?: unknown;
  errorType?: unknown;
}

function isCellValueObject(v: unknown): v is CellValueLike {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as CellValueLike).type === "string";
}

/**
 * One cell as Excel may pass it, in the plain form every reader below takes: null (blank),
 * a number, text, TRUE/FALSE, or an error value `{ code }`.
 *
 * - Plain values and CustomFunctions.Error-style `{ code }` objects pass unchanged.
 * - With allowCustomDataForDataTypeAny in functions.json (CustomFunctionsRuntime 1.4: "Use data
 *   types with custom functions in Excel"), an `any` parameter may receive an Excel.CellValue
 *   object instead: Double, String, Boolean and FormattedNumber count as their basicValue; Empty
 *   as a blank; Error by its basicValue ("#N/A") or errorType ("NotAvailable"), since "a custom
 *   function can accept a data types error object" (same page). An Entity, LinkedEntity,
 *   WebImage and the rest count as their basicValue too, which @types/office-js gives as
 *   "#VALUE!" with basicType "Error" for most of them: what =A1+1 gives on such a cell.
 */
export function decodeCell(v: unknown): unknown {
  if (!isCellValueObject(v)) return v;
  if (v.type === "Empty") return null;
  if (v.type === "Error" || v.basicType === "Error") {
    const basic = typeof v.basicValue === "string" && v.basicValue.startsWith("#") ? v.basicValue : undefined;
    const fromType = typeof v.errorType === "string" ? CODE_OF_ERROR_TYPE[v.errorType] : undefined;
    return { code: basic ?? fromType ?? "#VALUE!" };
  }
  const basic = v.basicValue;
  if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  return { code: "#VALUE!" };
}

/** The error code of an Excel error value passed in (a CustomFunctions.Error), else null. */
export function errorCodeOf(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#") ? code : null;
}

/** Blank cell, omitted argument or empty text. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Anything that marks a period with no data: a blank, empty text or #N/A. */
export function isGap(v: unknown): boolean {
  return isBlank(v) || errorCodeOf(v) === "#N/A";
}

export function describeCell(v: unknown): string {
  const code = errorCodeOf(v);
  if (code) return code;
  if (typeof v === "string") return `the text "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  return `a value of type ${typeof v}`;
}

/** The problem an input error value carries into the result. */
export function problemOfInputError(code: string, where: string): Problem {
  const kind = KIND_OF_CODE[code] ?? "value";
  return new Problem(kind, `${where} holds ${code}`);
}

/** Excel passes a range as rows of cells and a scalar as itself; both become a matrix. */
export function asMatrix(v: unknown, name: string): unknown[][] {
  return runToEnd(asMatrixSteps(v, name));
}

/** asMatrix in steps: a full column's rows are checked a chunk at a time. */
export function* asMatrixSteps(v: unknown, name: string): Steps<unknown[][]> {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) fail("value", `${name} is empty`);
  if (!Array.isArray(v[0])) {
    if (v.some(Array.isArray)) fail("value", `${name} is not a rectangular range`);
    return [v];
  }
  const width = (v[0] as unknown[]).length;
  yield* chunked(v.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const row = v[i];
      if (!Array.isArray(row) || row.length !== width || width === 0) fail("value", `${name} is not a rectangular range`);
    }
  });
  return v as unknown[][];
}

/** An argument that must be one value: a scalar or a 1×1 range. Omitted → undefined. */
export function singleValue(v: unknown, name: string): unknown {
  // Options reach the readers below from every function, so they decode here too.
  if (!Array.isArray(v)) return decodeCell(v);
  const m = asMatrix(v, name);
  if (m.length !== 1 || m[0].length !== 1) fail("value", `${name} must be a single value, not a ${m.length}×${m[0].length} range`);
  return decodeCell(m[0][0]);
}

/** A text option from a fixed list, case-insensitive; numbers are matched by `aliases`. */
export function readChoice<T extends string>(v: unknown, name: string, choices: readonly T[], fallback: T, aliases: Record<string, T> = {}): T {
  const value = singleValue(v, name);
  if (isBlank(value)) return fallback;
  const key = String(value).trim().toLowerCase();
  const found = choices.find((c) => c === key) ?? aliases[key];
  if (found === undefined) {
    fail("value", `${name} must be ${listChoices([...choices, ...Object.keys(aliases)])}; got ${describeCell(value)}`);
  }
  return found;
}

function listChoices(choices: string[]): string {
  const quoted = choices.map((c) => (/^-?\d+$/.test(c) ? c : `"${c}"`));
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/** A number option; numeric text is accepted as Excel accepts it for scalar arguments. */
export function readNumber(v: unknown, name: string, fallback: number): number {
  const value = singleValue(v, name);
  if (isBlank(value)) return fallback;
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  if (!Number.isFinite(n)) fail("value", `${name} must be a number; got ${describeCell(value)}`);
  return n;
}

export function readWholeNumber(v: unknown, name: string, fallback: number, min: number, max: number): number {
  const n = readNumber(v, name, fallback);
  if (!Number.isInteger(n) || n < min || n > max) {
    fail("value", `${name} must be a whole number from ${min} to ${max}; got ${n}`);
  }
  return n;
}

/** TRUE/FALSE, or a number (0 is FALSE) or the text "TRUE"/"FALSE", as Excel's logical arguments. */
export function readBoolean(v: unknown, name: string, fallback: boolean): boolean {
  const value = singleValue(v, name);
  if (isBlank(value)) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  if (typeof value === "string") {
    const key = value.trim().toLowerCase();
    if (key === "true") return true;
    if (key === "false") return false;
  }
  fail("value", `${name} must be TRUE or FALSE; got ${describeCell(value)}`);
}

export function toExcelError(p: Problem): CustomFunctions.Error {
  const code = CODE_OF_KIND[p.kind];
  return CODES_WITH_MESSAGE.has(code)
    ? new CustomFunctions.Error(code as CustomFunctions.ErrorCode, p.message)
    : new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
}

export type ResultCell = number | string | boolean | Problem;

/**
 * The one-cell rows of a spilled column, one array for each text, TRUE/FALSE or score (−1, 0, 1)
 * shared by every row that shows it (other numbers and errors get rows of their own). A full column of labels is then a
 * handful of arrays instead of a million of them for the collector to copy and mark, pauses that
 * land in a time slice (bench event-loop). Safe to share: an answer is only read once returned (Excel
 * serialises it), and its conversion (toExcelCell) leaves these values as they are.
 */
export class SpillRows {
  private readonly shared = new Map<string | boolean | number, ResultCell[]>();

  row(v: ResultCell): ResultCell[] {
    if (typeof v !== "string" && typeof v !== "boolean" && v !== -1 && v !== 0 && v !== 1) return [v];
    let row = this.shared.get(v);
    if (row === undefined) {
      row = [v];
      this.shared.set(v, row);
    }
    return row;
  }
}

/**
 * Rows × columns of a range that readSeries has accepted (one row or one column, rectangular),
 * without walking its rows again.
 */
export function shapeOf(v: unknown): [number, number] {
  if (!Array.isArray(v)) return [1, 1];
  if (!Array.isArray(v[0])) return [1, v.length];
  return [v.length, (v[0] as unknown[]).length];
}

/**
 * An answer of one cell per input cell, the shape of `input` (a row, or a spilled column):
 * `cell(k)` for the k-th used cell, "" where a cell was skipped. `rowsPerStep` rows at most a step.
 */
export function* cellsLike(input: unknown, used: ArrayLike<number>, cell: (k: number) => ResultCell, rowsPerStep: number): Steps<ResultCell[][]> {
  const cells: ResultCell[] = new Array(used.length);
  const ticks = new Ticks(rowsPerStep);
  for (let i = 0, k = 0; i < used.length; i++) {
    if (ticks.tick()) yield;
    cells[i] = used[i] ? cell(k++) : "";
  }
  return yield* shapedLike(input, cells, rowsPerStep);
}

/** `cells` in the shape of `input`: one row, or a column of one-cell rows (SpillRows), `rowsPerStep` a step. */
export function* shapedLike(input: unknown, cells: ResultCell[], rowsPerStep: number): Steps<ResultCell[][]> {
  if (shapeOf(input)[0] === 1) return [cells];
  const rows: ResultCell[][] = new Array(cells.length);
  const spill = new SpillRows();
  const ticks = new Ticks(rowsPerStep);
  for (let i = 0; i < cells.length; i++) {
    if (ticks.tick()) yield;
    rows[i] = spill.row(cells[i]);
  }
  return rows;
}

/**
 * A header, then a row per input cell: `row(k)` for the k-th used cell, a row of "" (the
 * header's width) across a skipped one. `cellsPerStep` cells at most a step: a row is the
 * header's width of new cells, all kept, and a step sized in rows allocated that many times more
 * (VARIANCE's detail, measured: its scavenge landed in its slice, 56 ms against 50).
 */
export function* rowsPerCell(
  header: readonly string[],
  used: ArrayLike<number>,
  row: (k: number) => ResultCell[],
  cellsPerStep: number,
): Steps<ResultCell[][]> {
  const rows: ResultCell[][] = new Array(used.length + 1);
  rows[0] = [...header];
  const ticks = new Ticks(cellsPerStep);
  for (let i = 0, k = 0; i < used.length; i++) {
    if (ticks.tick(header.length)) yield;
    rows[i + 1] = used[i] ? row(k++) : header.map(() => "");
  }
  return rows;
}

/** A result cell as Excel can show it: Problems become error values, numbers must be finite. */
export function toExcelCell(v: ResultCell): unknown {
  if (typeof v === "string") return v;
  if (v instanceof Problem) return toExcelError(v);
  if (typeof v === "number" && !Number.isFinite(v)) return toExcelError(new Problem("num", "the result is not a finite number"));
  return v;
}

/**
 * The answer to a call that failed: a ProblemError is a single error value, and an unexpected
 * exception a #VALUE! that says so; nothing escapes to Excel as an exception.
 */
export function failedAnswer(name: string, e: unknown): unknown[][] {
  if (e instanceof ProblemError) return [[toExcelError(e.problem)]];
  const detail = e instanceof Error ? e.message : String(e);
  return [[toExcelError(new Problem("value", `${name} could not compute a result: ${detail}`))]];
}
