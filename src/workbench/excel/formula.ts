/**
 * Formulas in the in-memory Excel: evaluated by fast-formula-parser (an established Excel
 * formula engine), with references read from the model. Moving a formula to another cell, as
 * Excel does when it applies a conditional-format rule written for the top-left cell to every
 * cell of its range, shifts the relative references found by the same library's lexer.
 */
import FormulaParser from "fast-formula-parser";
import { lex } from "fast-formula-parser/grammar/lexing";
import { cellName, columnIndex, MAX_COLUMNS, MAX_ROWS } from "../../core/excel/a1";
import { CallArgument } from "./customFunctionHost";
import { adaptBlanksToExcel } from "./excelBlanks";
import { elementWise, finiteResults, liftOperators, liftScalarFunctions, shapeFunctions, sumProduct } from "./arrays";
import { installNamedFormulas } from "./namedFormulas";
import { installOffset, installRangeOperator } from "./referenceFunctions";

adaptBlanksToExcel();

export type Scalar = number | string | boolean | null;

/** An Excel error value as a formula yields it, e.g. "#DIV/0!". */
export class FormulaErrorValue {
  /** `message`: the reason a custom function gave (CustomFunctions.Error), shown on hover in Excel. */
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface Reference {
  sheet: string;
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface FormulaHost {
  /** Value of a cell (zero-based), null for empty. */
  cell(sheet: string, row: number, col: number): Scalar | FormulaErrorValue;
  /** The range a defined name or structured reference stands for. */
  resolveName(name: string, sheet: string): Reference | null;
  /** Names of the add-in functions registered with the workbook, upper case (e.g. "KPI.KPI_STATUS"). */
  functionNames(): string[];
  /** Calls an add-in function as Excel calls a custom function (customFunctionHost.ts). */
  callFunction(name: string, args: CallArgument[]): unknown;
  /** How many calls have answered #BUSY! so far (customFunctionHost.ts): a formula that saw one waits. */
  busyAnswers(): number;
  /** The formula of a defined name that is an expression, not a reference (namedFormulas.ts); null otherwise. */
  nameExpression(name: string): string | null;
  /** Changes when anything formulas compute from may have; null while values are in flux (namedFormulas.ts). */
  calculationStamp(): number | null;
}

/** What the parser hands a function for each argument (its reference kept: funsPreserveRef). */
interface ParserArgument {
  value: unknown;
  omitted?: boolean;
  ref?: ParserRef;
}

type ParserRef = { sheet?: string; row?: number; col?: number; from?: { row: number; col: number }; to?: { row: number; col: number } };

/** An argument as Excel sees it: values, 2-D ranges, error objects, and the cells it came from. */
function callArgument(arg: ParserArgument | undefined, sheet: string): CallArgument {
  if (arg === undefined || arg === null || arg.omitted) return { value: undefined, omitted: true, reference: null };
  const v = arg.value;
  const value = Array.isArray(v) ? v.map((row: unknown[]) => row.map(excelScalar)) : excelScalar(v);
  return { value, omitted: false, reference: referenceOf(arg.ref, sheet) };
}

function referenceOf(ref: ParserArgument["ref"], sheet: string): CallArgument["reference"] {
  if (!ref) return null;
  if (ref.from && ref.to) {
    return { sheet: ref.sheet ?? sheet, row: ref.from.row - 1, col: ref.from.col - 1, rowCount: ref.to.row - ref.from.row + 1, colCount: ref.to.col - ref.from.col + 1 };
  }
  if (typeof ref.row === "number" && typeof ref.col === "number") return { sheet: ref.sheet ?? sheet, row: ref.row - 1, col: ref.col - 1, rowCount: 1, colCount: 1 };
  return null;
}

function excelScalar(v: unknown): unknown {
  if (v === undefined) return null;
  const code = (v as { _error?: string } | null)?._error;
  return typeof code === "string" ? { code } : v;
}

interface Token {
  image: string;
  startOffset: number;
  tokenType: { name: string };
}

const CELL_PARTS = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

/** The formula as it reads when moved by (rows, cols): relative row/column parts shift. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return rewriteCells(formula, (image) => {
    const m = CELL_PARTS.exec(image)!;
    const col = m[1] ? columnIndex(m[2]) : columnIndex(m[2]) + cols;
    const row = m[3] ? Number(m[4]) - 1 : Number(m[4]) - 1 + rows;
    if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return "#REF!";
    return `${m[1]}${cellName(0, col).replace(/\d+$/, "")}${m[3]}${row + 1}`;
  });
}

/** Rewrites every cell reference token of a formula through `map`. */
export function rewriteCells(formula: string, map: (image: string, sheetPrefix: string | null) => string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const tokens = (lex(body) as { tokens: Token[] }).tokens;
  let out = "";
  let at = 0;
  let sheetPrefix: string | null = null;
  for (const token of tokens) {
    const kind = token.tokenType.name;
    if (kind === "Cell") {
      out += body.slice(at, token.startOffset) + map(token.image, sheetPrefix);
      at = token.startOffset + token.image.length;
    }
    if (kind === "Sheet" || kind === "SheetQuoted") sheetPrefix = token.image.replace(/!$/, "").replace(/^'|'$/g, "").replace(/''/g, "'");
    else if (kind !== "Cell" && kind !== "Colon") sheetPrefix = null;
  }
  return (formula.startsWith("=") ? "=" : "") + out + body.slice(at);
}

const parsers = new WeakMap<FormulaHost, { names: string; byDepth: FormulaParser[] }>();
let depth = 0;

/**
 * Parsers per workbook, one per nesting depth: building one is far dearer than evaluating a
 * formula, and a parser is not re-entrant (a formula whose argument cells hold formulas
 * evaluates those while its own parse is under way).
 */
function parserFor(host: FormulaHost): FormulaParser {
  const names = host.functionNames().join(",");
  let entry = parsers.get(host);
  if (!entry || entry.names !== names) {
    entry = { names, byDepth: [] };
    parsers.set(host, entry);
  }
  return (entry.byDepth[depth] ??= createParser(host));
}

function createParser(host: FormulaHost): FormulaParser {
  // The parser passes the formula's own sheet when a reference names none.
  let sheetOfFormula = "";
  const parser = new FormulaParser({
    onCell: (ref: { sheet?: string; row: number; col: number }) => toParser(host.cell(ref.sheet ?? "", ref.row - 1, ref.col - 1)),
    onRange: (ref: { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }) => {
      const rows: unknown[][] = [];
      const lastRow = Math.min(ref.to.row, ref.from.row + 100_000);
      for (let r = ref.from.row; r <= lastRow; r++) {
        const line: unknown[] = [];
        for (let c = ref.from.col; c <= Math.min(ref.to.col, ref.from.col + 1000); c++) line.push(toParser(host.cell(ref.sheet ?? "", r - 1, c - 1)));
        rows.push(line);
      }
      return rows;
    },
    functions: Object.fromEntries(
      host.functionNames().map((name) => [name, (...args: ParserArgument[]) => host.callFunction(name, args.map((a) => callArgument(a, sheetOfFormula)))]),
    ),
    onVariable: (name: string, sheetName: string) => {
      const target = host.resolveName(name, sheetName);
      if (!target) return null;
      const from = { row: target.row + 1, col: target.col + 1 };
      if (target.rowCount === 1 && target.colCount === 1) return { sheet: target.sheet, ...from };
      return { sheet: target.sheet, from, to: { row: target.row + target.rowCount, col: target.col + target.colCount } };
    },
  });
  // Add-in functions get their arguments' references, as @requiresParameterAddresses needs;
  // INDEX gets its array's, because Excel's INDEX answers a reference, not a value.
  parser.funsPreserveRef.push(...host.functionNames().map((n) => n.toUpperCase()), "INDEX");
  // The library's INDEX and MATCH misread ranges on other sheets; ours take plain values.
  const internals = parser as unknown as { funsNeedContext: string[]; funsNeedContextAndNoDataRetrieve: string[]; functions: Record<string, unknown> };
  internals.funsNeedContext = internals.funsNeedContext.filter((n) => n !== "INDEX");
  internals.funsNeedContextAndNoDataRetrieve = internals.funsNeedContextAndNoDataRetrieve.filter((n) => n !== "INDEX");
  Object.assign(internals.functions, LOOKUP_FUNCTIONS, { SUMPRODUCT: sumProduct });
  // Computed references (referenceFunctions.ts): INDEX(r,i):INDEX(r,n) and OFFSET.
  installRangeOperator(parser);
  installOffset(parser);
  // Dynamic arrays (arrays.ts): operators and one-value functions work element by element.
  liftOperators(parser);
  finiteResults(internals.functions as Record<string, (...args: unknown[]) => unknown>);
  liftScalarFunctions(internals.functions as Record<string, (...args: unknown[]) => unknown>);
  shapeFunctions(internals.functions as Record<string, (...args: unknown[]) => unknown>);
  installNamedFormulas(parser, host, (sheet, row, col, expression) => evaluateRaw(host, sheet, row, col, shiftFormula(expression, row, col)), shiftFormula);
  const parse = parser.parse.bind(parser);
  parser.parse = (formula, position, allowReturnArray) => {
    const outer = sheetOfFormula;
    sheetOfFormula = position.sheet;
    try {
      return parse(formula, position, allowReturnArray);
    } finally {
      sheetOfFormula = outer;
    }
  };
  return parser;
}

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
const LOOKUP_FUNCTIONS = {
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

/** Evaluates a formula as if it stood in (row, col) of `sheet`. */
export function evaluateFormula(host: FormulaHost, sheet: string, row: number, col: number, formula: string): Scalar | FormulaErrorValue {
  const result = evaluateArray(host, sheet, row, col, formula);
  return result[0][0];
}

/**
 * Structured references in a formula (Sales[Revenue], KPI_Register[At risk], T[['#Units]]) as
 * the A1 ranges they stand for: fast-formula-parser has no table syntax, Excel has ("Using
 * structured references with Excel tables"). A reference to no table column becomes #REF!.
 */
export function resolveStructured(formula: string, resolve: (name: string) => Reference | null): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const name = /^[A-Za-z_\\][\w.\\]*\[/.exec(formula.slice(i));
    const boundary = i === 0 || !/[\w.\\$'!]/.test(formula[i - 1]);
    if (name && boundary) {
      let j = i + name[0].length;
      let level = 1;
      while (j < formula.length && level > 0) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") level++;
        else if (formula[j] === "]") level--;
        j++;
      }
      const target = resolve(formula.slice(i, j));
      out += target ? `'${target.sheet.replace(/'/g, "''")}'!${cellName(target.row, target.col, true)}:${cellName(target.row + target.rowCount - 1, target.col + target.colCount - 1, true)}` : "#REF!";
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Evaluates a formula that may return an array (a dynamic-array formula that spills). */
export function evaluateArray(host: FormulaHost, sheet: string, row: number, col: number, formula: string): (Scalar | FormulaErrorValue)[][] {
  const result = evaluateRaw(host, sheet, row, col, formula);
  if (Array.isArray(result) && result.length > 0 && Array.isArray(result[0])) {
    return (result as unknown[][]).map((line) => line.map(fromParser));
  }
  return [[fromParser(result)]];
}

/** A formula's result in the parser's own values (2-D arrays, FormulaError objects), references read. */
function evaluateRaw(host: FormulaHost, sheet: string, row: number, col: number, formula: string): unknown {
  const parser = parserFor(host);
  depth++;
  try {
    const text = formula.includes("[") ? resolveStructured(formula, (n) => host.resolveName(n, sheet)) : formula;
    return parser.parse(text.replace(/^=/, ""), { sheet, row: row + 1, col: col + 1 }, true);
  } catch (e) {
    const code = (e as { _error?: string; error?: string })._error ?? (e as { error?: string }).error;
    return new FormulaParser.FormulaError(typeof code === "string" ? code : "#VALUE!");
  } finally {
    depth--;
  }
}

function toParser(v: Scalar | FormulaErrorValue): unknown {
  if (v instanceof FormulaErrorValue) return FormulaParser.FormulaError ? new FormulaParser.FormulaError(v.code) : v.code;
  return v;
}

function fromParser(v: unknown): Scalar | FormulaErrorValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return fromParser(v[0]?.[0] ?? v[0]);
  const code = (v as { _error?: string; code?: string })._error ?? (v as { code?: string }).code;
  const message = (v as { message?: unknown }).message;
  if (typeof code === "string") return new FormulaErrorValue(code, typeof message === "string" && message !== "" ? message : undefined);
  return new FormulaErrorValue("#VALUE!");
}
