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
import { LOOKUP_FUNCTIONS, ParserArgument } from "./lookupFunctions";
import { finiteResults, liftOperators, liftScalarFunctions, shapeFunctions, sumProduct } from "./arrays";
import { installNamedFormulas } from "./namedFormulas";
import { installOffset, installRangeOperator } from "./referenceFunctions";

adaptBlanksToExcel();

export type Scalar = number | string | boolean | null;

/** What a formula gives as an array: the cells it spills, 1×1 when it spills nothing. */
export type FormulaArray = (Scalar | FormulaErrorValue)[][];

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
    return {
      sheet: ref.sheet ?? sheet,
      row: ref.from.row - 1,
      col: ref.from.col - 1,
      rowCount: ref.to.row - ref.from.row + 1,
      colCount: ref.to.col - ref.from.col + 1,
    };
  }
  if (typeof ref.row === "number" && typeof ref.col === "number")
    return { sheet: ref.sheet ?? sheet, row: ref.row - 1, col: ref.col - 1, rowCount: 1, colCount: 1 };
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

/** A parser and the workbook it reads now: parsers go from workbook to workbook (see parserFor). */
interface BoundParser {
  parser: FormulaParser;
  target: { host: FormulaHost };
}

const parsers = new Map<string, BoundParser[]>();
let depth = 0;

/**
 * Parsers by the add-in function names they know, one per nesting depth: building one is far
 * dearer than evaluating a formula (a test file's every fresh workbook built its own set, 5% of the
 * workbook and workbench suites' time), and a parser is not re-entrant (a formula whose argument
 * cells hold formulas evaluates those while its own parse is under way). A parser reads the
 * workbook it was last taken for: the one at a depth is taken again only once its parse is over.
 */
function parserFor(host: FormulaHost): FormulaParser {
  const names = host.functionNames();
  const key = names.join(",");
  let byDepth = parsers.get(key);
  if (!byDepth) parsers.set(key, (byDepth = []));
  const bound = (byDepth[depth] ??= createParser(names));
  bound.target.host = host;
  return bound.parser;
}

function createParser(functionNames: string[]): BoundParser {
  const target: { host: FormulaHost } = { host: NO_HOST };
  // The parser passes the formula's own sheet when a reference names none.
  let sheetOfFormula = "";
  const parser = new FormulaParser({
    onCell: (ref: { sheet?: string; row: number; col: number }) => toParser(target.host.cell(ref.sheet ?? "", ref.row - 1, ref.col - 1)),
    onRange: (ref: { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }) => {
      const host = target.host;
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
      functionNames.map((name) => [
        name,
        (...args: ParserArgument[]) =>
          target.host.callFunction(
            name,
            args.map((a) => callArgument(a, sheetOfFormula)),
          ),
      ]),
    ),
    onVariable: (name: string, sheetName: string) => {
      const found = target.host.resolveName(name, sheetName);
      if (!found) return null;
      const from = { row: found.row + 1, col: found.col + 1 };
      if (found.rowCount === 1 && found.colCount === 1) return { sheet: found.sheet, ...from };
      return { sheet: found.sheet, from, to: { row: found.row + found.rowCount, col: found.col + found.colCount } };
    },
  });
  // Add-in functions get their arguments' references, as @requiresParameterAddresses needs;
  // INDEX gets its array's, because Excel's INDEX answers a reference, not a value.
  parser.funsPreserveRef.push(...functionNames.map((n) => n.toUpperCase()), "INDEX");
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
  installNamedFormulas(
    parser,
    () => target.host,
    (sheet, row, col, expression) => evaluateRaw(target.host, sheet, row, col, shiftFormula(expression, row, col)),
    shiftFormula,
  );
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
  return { parser, target };
}

/** What a parser reads before it is first taken for a workbook: nothing. */
const NO_HOST: FormulaHost = {
  cell: () => null,
  resolveName: () => null,
  functionNames: () => [],
  callFunction: () => null,
  busyAnswers: () => 0,
  nameExpression: () => null,
  calculationStamp: () => null,
};

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
      out += target
        ? `'${target.sheet.replace(/'/g, "''")}'!${cellName(target.row, target.col, true)}:${cellName(target.row + target.rowCount - 1, target.col + target.colCount - 1, true)}`
        : "#REF!";
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Evaluates a formula that may return an array (a dynamic-array formula that spills). */
export function evaluateArray(host: FormulaHost, sheet: string, row: number, col: number, formula: string): FormulaArray {
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
