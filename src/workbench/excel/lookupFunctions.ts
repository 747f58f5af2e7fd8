/**
 * The worksheet functions the in-memory Excel takes over from fast-formula-parser, where the
 * library's differ from Excel's pages (each cites its page): TAKE, DROP, INDEX, IF, AVERAGE, MAX,
 * COUNTA, COUNTBLANK and MATCH.
 */
import FormulaParser from "fast-formula-parser";
import { elementWise } from "./arrays";

/** What the parser hands a function for each argument (its reference kept: funsPreserveRef). */
export interface ParserArgument {
  value: unknown;
  omitted?: boolean;
  ref?: ParserRef;
}

export type ParserRef = { sheet?: string; row?: number; col?: number; from?: { row: number; col: number }; to?: { row: number; col: number } };

/** The cell (i, j) of a range reference, as the parser reads a cell reference. */
function cellOf(ref: ParserRef | undefined, i: number, j: number): { ref: ParserRef } | null {
  if (!ref) return null;
  if (ref.from) return { ref: { sheet: ref.sheet, row: ref.from.row + i, col: ref.from.col + j } };
  if (typeof ref.row === "number" && typeof ref.col === "number" && i === 0 && j === 0) return { ref: { sheet: ref.sheet, row: ref.row, col: ref.col } };
  return null;
}

const flat = (args: ParserArgument[]): unknown[] => args.flatMap((a) => (Array.isArray(a.value) ? (a.value as unknown[][]).flat() : [a.value]));

const NA = () => new FormulaParser.FormulaError("#N/A");
const REF = () => new FormulaParser.FormulaError("#REF!");
const grid = (arg: ParserArgument): unknown[][] => (Array.isArray(arg.value) ? (arg.value as unknown[][]) : [[arg.value]]);
const num = (arg: ParserArgument | undefined, fallback: number) => (arg === undefined || arg.omitted ? fallback : Number(arg.value));

/** Excel's TAKE and DROP (support.microsoft.com: "TAKE function", "DROP function"): rows from the start (n > 0) or the end (n < 0). */
function rowsOf(array: ParserArgument, n: number, keep: boolean): unknown[][] | unknown {
  const cells = grid(array);
  const count = Math.trunc(n);
  const from = keep ? (count >= 0 ? 0 : Math.max(0, cells.length + count)) : count >= 0 ? Math.min(cells.length, count) : 0;
  const to = keep ? (count >= 0 ? Math.min(cells.length, count) : cells.length) : count >= 0 ? cells.length : Math.max(0, cells.length + count);
  return to > from ? cells.slice(from, to) : new FormulaParser.FormulaError("#CALC!");
}

/**
 * Excel's INDEX (array form) and MATCH (support.microsoft.com: "INDEX function", "MATCH
 * function"): INDEX(array, row, [column]) with 0 meaning the whole row or column is not
 * modelled; MATCH(value, one row or column, [type]) with type 0 exact (text case-insensitive),
 * 1 the largest value <= it in ascending data, -1 the smallest >= it in descending data.
 */
export const LOOKUP_FUNCTIONS = {
  TAKE: (array: ParserArgument, rows: ParserArgument) => rowsOf(array, num(rows, 0), true),
  DROP: (array: ParserArgument, rows: ParserArgument) => rowsOf(array, num(rows, 0), false),
  INDEX: (array: ParserArgument, row: ParserArgument, column?: ParserArgument) => {
    const cells = grid(array);
    let r = num(row, 1);
    let c = num(column, 1);
    if (cells.length === 1 && (column === undefined || column.omitted)) [r, c] = [1, r];
    if (!(r >= 1 && c >= 1 && r <= cells.length && c <= cells[0].length)) return REF();
    // Excel's INDEX of a range is a reference to the cell ("INDEX function": "returns the
    // reference of the cell"), so a blank stays blank: ISNUMBER is FALSE, &"" is "", and
    // ISBLANK TRUE. Of an array (no reference) it is the value.
    const at = cellOf(array.ref, Math.floor(r) - 1, Math.floor(c) - 1);
    return at ?? cells[Math.floor(r) - 1][Math.floor(c) - 1] ?? 0;
  },
  // The library's IF reads a bare reference as its test as the reference object, always true:
  // Excel reads the cell, a blank as FALSE and a number as <> 0 ("IF function").
  // An array test is decided element by element, its branches broadcast with it ("IF function";
  // arrays.ts): IF({1;0},A1:A2,0) is {A1;0}.
  IF: (context: { retrieveRef(v: unknown): unknown }, test: unknown, yes?: unknown, no?: unknown) => {
    const t = context.retrieveRef(test);
    if (!Array.isArray(t)) return ifOf(t, yes, no);
    const branches = [yes, no].map((b) => (b === undefined || b === null ? b : context.retrieveRef(b)));
    return elementWise([t, ...branches], ([x, y, n]) => {
      const r = ifOf(x, y, no === undefined ? undefined : n);
      return Array.isArray(r) ? (r as unknown[][])[0][0] : r;
    });
  },
  // Excel's AVERAGE of no numbers is #DIV/0! ("AVERAGE function"); blanks and text in references are skipped.
  AVERAGE: (...args: ParserArgument[]) => {
    const values = flat(args);
    const error = values.find((v) => v instanceof FormulaParser.FormulaError);
    if (error) return error;
    const numbers = values.filter((v): v is number => typeof v === "number");
    return numbers.length === 0 ? new FormulaParser.FormulaError("#DIV/0!") : numbers.reduce((a, b) => a + b, 0) / numbers.length;
  },
  // Excel's MAX ("MAX function", support.microsoft.com): of references and arrays "only numbers
  // … are used"; an error propagates; "If the arguments contain no numbers, MAX returns 0". The
  // library has none ("Function MAX is not implemented").
  MAX: (...args: ParserArgument[]) => {
    const values = flat(args);
    const error = values.find((v) => v instanceof FormulaParser.FormulaError);
    if (error) return error;
    const numbers = values.filter((v): v is number => typeof v === "number");
    return numbers.length === 0 ? 0 : Math.max(...numbers);
  },
  COUNTA: (...args: ParserArgument[]) => flat(args).filter((v) => v !== null && v !== undefined).length,
  COUNTBLANK: (range: ParserArgument) => flat([range]).filter((v) => v === null || v === undefined || v === "").length,
  MATCH: (lookup: ParserArgument, array: ParserArgument, type?: ParserArgument) => {
    const cells = grid(array);
    const line = cells.length === 1 ? cells[0] : cells.map((r) => r[0]);
    const mode = num(type, 1);
    const key = lookup.value;
    const same = (v: unknown) => (typeof v === "string" && typeof key === "string" ? v.toLowerCase() === key.toLowerCase() : v === key);
    if (mode === 0) {
      const at = line.findIndex(same);
      return at < 0 ? NA() : at + 1;
    }
    let found = -1;
    for (let i = 0; i < line.length; i++) {
      const v = line[i] as number | string;
      if (typeof v !== typeof key || v === null) continue;
      if (mode > 0 ? v <= (key as number | string) : v >= (key as number | string)) found = i;
      else break;
    }
    return found < 0 ? NA() : found + 1;
  },
};

/** IF of one test value: a blank is FALSE, a number <> 0 TRUE, text #VALUE!; an omitted no-branch FALSE. */
function ifOf(t: unknown, yes: unknown, no: unknown): unknown {
  if (t instanceof FormulaParser.FormulaError) return t;
  if (typeof t === "string") return new FormulaParser.FormulaError("#VALUE!");
  const holds = t === null || t === undefined ? false : typeof t === "number" ? t !== 0 : Boolean(t);
  return holds ? (yes ?? 0) : no === undefined ? false : (no ?? 0);
}
