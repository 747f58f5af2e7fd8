/**
 * Array arithmetic as Excel's dynamic arrays do it (Excel 2021 and Microsoft 365), added to
 * fast-formula-parser, which applies an operator or a scalar function to the first cell of a
 * range only (A1:A3*A1:A3 gave A1², ABS(A1:A3) gave |A1|).
 *
 * Sources (support.microsoft.com):
 * - "Dynamic array formulas and spilled array behavior": a formula that returns several values
 *   spills them (model.ts spills any array result; a custom function's too).
 * - "Guidelines and examples of array formulas": =F10:F19*G10:G19 multiplies cell by cell, and
 *   "Excel expands" a scalar to the other operand's size ({=A1:B5*10}); "each set must have the
 *   same number of rows as the argument with the greatest number of rows and the same number of
 *   columns as the argument with the greatest number of columns" — the cells one operand lacks
 *   are #N/A (the same page's legacy-array note: arrays too small "return #N/A's"), while an
 *   operand of one row (or column) is repeated down (or across), so a row and a column give a
 *   grid, {1,2,3}+{10;20} is 2×3.
 * - Functions whose arguments take one value ("IS functions", "ABS function", "IF function",
 *   "N function", ...) are applied to each element of an array argument, the others broadcast as
 *   for operators. Functions that take ranges (SUM, AND, INDEX, MATCH, ...) are not listed.
 */
import FormulaParser from "fast-formula-parser";

type Shape = [rows: number, cols: number];

const shapeOf = (v: unknown): Shape => (Array.isArray(v) ? [v.length, (v[0] as unknown[] | undefined)?.length ?? 0] : [1, 1]);

/** The shape of the result of an element-wise operation on values of these shapes. */
function broadcastShape(shapes: Shape[]): Shape {
  const axis = (k: 0 | 1) => shapes.reduce((n, s) => (s[k] === 1 ? n : n === 1 ? s[k] : Math.max(n, s[k])), 1);
  return [axis(0), axis(1)];
}

/** Element (i, j) of a value of shape `shape` broadcast to a larger shape: a scalar or single row/column repeats, past its end #N/A. */
function elementAt(v: unknown, [rows, cols]: Shape, i: number, j: number): unknown {
  if (!Array.isArray(v)) return v;
  const r = rows === 1 ? 0 : i;
  const c = cols === 1 ? 0 : j;
  if (r >= rows || c >= cols) return new FormulaParser.FormulaError("#N/A");
  return (v as unknown[][])[r][c];
}

/**
 * Applies `f` element by element to values some of which are arrays (Excel's broadcasting).
 * Written as loops with the shapes taken once: the conditional formats of a long KPI run it for
 * every cell they colour.
 */
export function elementWise(values: unknown[], f: (elements: unknown[], i: number, j: number) => unknown): unknown[][] {
  const shapes = values.map(shapeOf);
  const [rows, cols] = broadcastShape(shapes);
  const result: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const line: unknown[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const elements: unknown[] = new Array(values.length);
      for (let k = 0; k < values.length; k++) elements[k] = elementAt(values[k], shapes[k], i, j);
      line[j] = f(elements, i, j);
    }
    result[i] = line;
  }
  return result;
}

interface Operand {
  val: unknown;
  isArray: boolean;
}

interface ParserUtils {
  _applyInfix(a: Operand, infix: string, b: Operand): unknown;
  _applyPrefix(prefixes: string[], val: unknown, isArray: boolean): unknown;
  _applyPostfix(val: unknown, isArray: boolean, postfix: string): unknown;
}

const scalar = (val: unknown): Operand => ({ val, isArray: false });

/**
 * Makes one parser's operators (+ - * / ^ & comparisons, unary -, %) element-wise on arrays and
 * ranges. The library's own operator, blanks adapted (excelBlanks.ts), decides each element.
 */
export function liftOperators(parser: FormulaParser): void {
  const utils = (parser as unknown as { utils: ParserUtils }).utils;
  const infix = utils._applyInfix.bind(utils);
  const prefix = utils._applyPrefix.bind(utils);
  const postfix = utils._applyPostfix.bind(utils);
  utils._applyInfix = (a, op, b) => {
    if (!Array.isArray(a.val) && !Array.isArray(b.val)) return infix(a, op, b);
    return elementWise([a.val, b.val], ([x, y]) => infix(scalar(x), op, scalar(y)));
  };
  utils._applyPrefix = (prefixes, val, isArray) =>
    Array.isArray(val) ? elementWise([val], ([x]) => prefix(prefixes, x, false)) : prefix(prefixes, val, isArray);
  utils._applyPostfix = (val, isArray, op) => (Array.isArray(val) ? elementWise([val], ([x]) => postfix(x, false, op)) : postfix(val, isArray, op));
}

/**
 * The library's functions that take one value per argument and are applied element-wise by
 * Excel. IF is ours (formula.ts) and lifts itself.
 */
const SCALAR_FUNCTIONS = [
  "ABS",
  "SIGN",
  "SQRT",
  "INT",
  "TRUNC",
  "ROUND",
  "ROUNDUP",
  "ROUNDDOWN",
  "MOD",
  "POWER",
  "EXP",
  "LN",
  "LOG10",
  "ISNUMBER",
  "ISTEXT",
  "ISNONTEXT",
  "ISBLANK",
  "ISERROR",
  "ISERR",
  "ISNA",
  "ISLOGICAL",
  "ISEVEN",
  "ISODD",
  "N",
  "T",
  "NOT",
  "LEN",
  "UPPER",
  "LOWER",
  "TRIM",
  "LEFT",
  "RIGHT",
  "VALUE",
  "IFERROR",
  "IFNA",
];

/** An argument as the library hands a function that does not need its context. */
interface Argument {
  value: unknown;
  isArray?: boolean;
  omitted?: boolean;
  isRangeRef?: boolean;
  isCellRef?: boolean;
  ref?: { sheet?: string; row?: number; col?: number; from?: { row: number; col: number } };
}

/** One element of an argument: a cell of a range stays a cell reference (ISBLANK needs it), an array element a value. */
function elementArgument(arg: Argument, value: unknown, i: number, j: number): Argument {
  if (!Array.isArray(arg.value)) return arg;
  const from = arg.ref?.from;
  const ref = from ? { sheet: arg.ref?.sheet, row: from.row + i, col: from.col + j } : undefined;
  return { value, isArray: false, isCellRef: Boolean(ref || arg.isRangeRef), ref };
}

/**
 * ROWS and COLUMNS of an array as of a range ("ROWS function": "An array, an array formula, or a
 * reference"); the library's take references only, so ROWS(KPIBand_X) was #VALUE!.
 */
export function shapeFunctions(functions: Record<string, (...args: unknown[]) => unknown>): void {
  for (const [name, axis] of [
    ["ROWS", 0],
    ["COLUMNS", 1],
  ] as const) {
    const f = functions[name];
    functions[name] = (context: unknown, obj: unknown, ...rest: unknown[]) => (Array.isArray(obj) ? shapeOf(obj)[axis] : f(context, obj, ...rest));
  }
}

/**
 * A number no cell can hold is #NUM!: the library's LN(0) is JavaScript's -Infinity and LN(-1) its
 * NaN, where Excel answers #NUM! ("LN function" and "SQRT function", support.microsoft.com; a cell
 * never shows an infinity). Wraps one parser's one-value functions before they are lifted.
 */
export function finiteResults(functions: Record<string, (...args: unknown[]) => unknown>): void {
  for (const name of SCALAR_FUNCTIONS) {
    const f = functions[name];
    if (!f) continue;
    functions[name] = (...args: unknown[]) => {
      const result = f(...args);
      return typeof result === "number" && !Number.isFinite(result) ? new FormulaParser.FormulaError("#NUM!") : result;
    };
  }
}

/** Wraps the scalar functions of one parser so that an array argument applies them element-wise. */
export function liftScalarFunctions(functions: Record<string, (...args: unknown[]) => unknown>): void {
  for (const name of SCALAR_FUNCTIONS) {
    const f = functions[name];
    if (!f) continue;
    functions[name] = (...args: unknown[]) => {
      const given = args as Argument[];
      if (!given.some((a) => a && !a.omitted && Array.isArray(a.value))) return f(...args);
      return elementWise(
        given.map((a) => (a && !a.omitted ? a.value : undefined)),
        (elements, i, j) =>
          callElement(
            f,
            given.map((a, k) => (a && !a.omitted ? elementArgument(a, elements[k], rowIn(a, i), colIn(a, j)) : a)),
          ),
      );
    };
  }
}

const rowIn = (a: Argument, i: number) => (shapeOf(a.value)[0] === 1 ? 0 : i);
const colIn = (a: Argument, j: number) => (shapeOf(a.value)[1] === 1 ? 0 : j);

/** One element's result; a function that throws an Excel error gives that error in its cell, as Excel shows it there. */
function callElement(f: (...args: unknown[]) => unknown, args: Argument[]): unknown {
  try {
    return f(...args);
  } catch (e) {
    if (e instanceof FormulaParser.FormulaError) return e;
    throw e;
  }
}

/**
 * SUMPRODUCT as its page has it ("SUMPRODUCT function", support.microsoft.com): the sum of the
 * arrays' products, element by element, "non-numeric array entries as if they were zeros", arrays
 * of different sizes #VALUE!, and an error entry gives that error. The library's own takes an error
 * as 0 (kinder than Excel) and writes its products into its first argument, which may be a name's
 * kept value (namedFormulas.ts).
 */
export function sumProduct(...args: Argument[]): unknown {
  const arrays = args.filter((a) => a && !a.omitted).map((a) => (Array.isArray(a.value) ? (a.value as unknown[][]) : [[a.value]]));
  if (arrays.length === 0) return new FormulaParser.FormulaError("#VALUE!");
  const [rows, cols] = shapeOf(arrays[0]);
  if (arrays.some((a) => a.length !== rows || a.some((line) => line.length !== cols))) return new FormulaParser.FormulaError("#VALUE!");
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let product = 1;
      for (const a of arrays) {
        const v = a[i][j];
        if (v instanceof FormulaParser.FormulaError) return v;
        product *= typeof v === "number" ? v : 0;
      }
      total += product;
    }
  }
  return total;
}
