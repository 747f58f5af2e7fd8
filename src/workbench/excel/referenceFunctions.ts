/**
 * References that formulas compute, added to fast-formula-parser: the range operator between
 * any two references (INDEX(r,i):INDEX(r,n)) and OFFSET. Both answer a reference, so SUM,
 * ROWS, a custom function and the rest see its cells (and a custom function its address), as
 * they see a range typed in the formula.
 *
 * Sources (support.microsoft.com):
 * - "Calculation operators and precedence in Excel": the range operator `:` "produces one
 *   reference to all the cells between two references, including the two references".
 * - "INDEX function": "the reference returned by INDEX … can be used as a reference", e.g.
 *   =SUM(B2:INDEX(A2:C6,5,2)).
 * - "OFFSET function": returns "a reference to a range that is a specified number of rows and
 *   columns from a cell or range of cells"; "Reference must refer to a cell or range of adjacent
 *   cells; otherwise, OFFSET returns the #VALUE! error value"; "If rows and cols offset reference
 *   over the edge of the worksheet, OFFSET returns the #REF! error value"; "Height must be a
 *   positive number", width too; "If height or width is omitted, it is assumed to be the same
 *   height or width as reference".
 * - OFFSET is volatile ("Excel Recalculation", learn.microsoft.com, lists it with INDIRECT
 *   among the volatile functions). The stand-in evaluates every formula afresh whenever a cell
 *   is read (model.ts keeps no calculated values), so OFFSET's result always follows the cells
 *   its arguments read.
 *
 * Guesses, no page settles them, each no more forgiving than Excel:
 * - the range operator between references on two different sheets is #VALUE! (Excel refuses
 *   Sheet1!A1:Sheet2!A1 as typed); a side without a sheet is on the formula's own, so
 *   Data!A1:INDEX(Data!B1:B9,3) is #VALUE! outside Data, as the library reads the prefix as
 *   applying to the whole range (the add-in writes no such formula);
 * - either side of `:` not a reference (a number, text, an array such as TRANSPOSE's) is
 *   #VALUE!; an error on either side is that error;
 * - OFFSET's rows, cols, height and width are truncated to whole numbers, text that is no
 *   number and an array are #VALUE!, a blank is 0; a height or width below 1 is #REF! (Excel
 *   accepts a negative one in practice; its page asks for a positive number);
 * - an OFFSET that would reach past the sheet's last row or column is #REF!, as one that starts
 *   past its edge is.
 */
import FormulaParser from "fast-formula-parser";
import { MAX_COLUMNS, MAX_ROWS } from "../../core/excel/a1";

/** A reference as the parser keeps it: one-based, a cell (row, col) or an area (from, to); no sheet means the formula's own. */
export interface ParserReference {
  ref: { sheet?: string; row?: number; col?: number; from?: { row: number; col: number }; to?: { row: number; col: number } };
}

interface Area {
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const error = (code: string) => new FormulaParser.FormulaError(code);
const isError = (v: unknown) => v instanceof (FormulaParser.FormulaError as unknown as new (...a: never[]) => object);

/** The area of a cell or rectangular range reference; null for a whole row or column, or anything not a reference. */
function areaOf(v: unknown): Area | null {
  const ref = (v as ParserReference | null)?.ref;
  if (!ref || typeof ref !== "object") return null;
  if (ref.from && ref.to) {
    const { from, to } = ref;
    if (![from.row, from.col, to.row, to.col].every((n) => typeof n === "number")) return null;
    return {
      sheet: ref.sheet,
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    };
  }
  if (typeof ref.row === "number" && typeof ref.col === "number") return { sheet: ref.sheet, top: ref.row, left: ref.col, bottom: ref.row, right: ref.col };
  return null;
}

/** The parser's reference for an area: a cell when it is one cell (as the parser reads A1), else from/to. */
export function referenceTo(area: Area): ParserReference {
  const sheet = area.sheet === undefined ? {} : { sheet: area.sheet };
  if (area.top === area.bottom && area.left === area.right) return { ref: { ...sheet, row: area.top, col: area.left } };
  return { ref: { ...sheet, from: { row: area.top, col: area.left }, to: { row: area.bottom, col: area.right } } };
}

/** A1:B3, INDEX(r,i):INDEX(r,n), OFFSET(…):C9: the smallest area holding every operand, on their one sheet. */
function rangeBetween(operands: unknown[], formulaSheet: string): ParserReference | unknown {
  const failed = operands.find(isError);
  if (failed) return failed;
  const areas = operands.map(areaOf);
  if (areas.some((a) => a === null)) return error("#VALUE!");
  const sheet = areas.find((a) => a!.sheet !== undefined)?.sheet;
  // An operand without a sheet is on the formula's own, unless none names one (Data!A1:B2 gets its sheet after).
  const onSheet = (a: Area | null) => (a!.sheet ?? (sheet === undefined ? undefined : formulaSheet))?.toLowerCase();
  if (new Set(areas.map(onSheet)).size > 1) return error("#VALUE!");
  const all = areas as Area[];
  return referenceTo({
    sheet,
    top: Math.min(...all.map((a) => a.top)),
    left: Math.min(...all.map((a) => a.left)),
    bottom: Math.max(...all.map((a) => a.bottom)),
    right: Math.max(...all.map((a) => a.right)),
  });
}

/** Whether the library's own reading of `:` applies: rows (1:3, kept as numbers) or whole columns (A:C). */
const wholeLines = (operands: unknown[]) =>
  operands.some(
    (o) =>
      typeof o === "number" ||
      ((o as ParserReference | null)?.ref &&
        !(o as ParserReference).ref.from &&
        ((o as ParserReference).ref.row === undefined || (o as ParserReference).ref.col === undefined)),
  );

interface RangeUtils {
  applyRange(refs: unknown[]): unknown;
}

/**
 * Makes one parser's `:` take any reference on either side, a computed one included. The
 * library's own kept no sheet (INDEX(Data!A1:A9,1):INDEX(Data!A1:A9,3) read the formula's own
 * sheet, so SUM gave 0) and read a range operand as a whole column.
 */
export function installRangeOperator(parser: FormulaParser): void {
  const internals = parser as unknown as { utils: RangeUtils; position?: { sheet: string } };
  const utils = internals.utils;
  const library = utils.applyRange.bind(utils);
  utils.applyRange = (refs) => (wholeLines(refs) && !refs.some(isError) ? library(refs) : rangeBetween(refs, internals.position?.sheet ?? ""));
}

interface RetrieveContext {
  retrieveRef(v: unknown): unknown;
}

/** A whole number from one of OFFSET's number arguments, or the Excel error it gives. */
function whole(context: RetrieveContext, arg: unknown): number {
  const v = arg === null || arg === undefined ? 0 : context.retrieveRef(arg);
  if (isError(v)) throw v;
  if (Array.isArray(v)) throw error("#VALUE!");
  if (v === null || v === undefined) return 0;
  if (typeof v === "boolean") return Number(v);
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw error("#VALUE!");
  return Math.trunc(n);
}

/**
 * Excel's OFFSET(reference, rows, cols, [height], [width]). Installed among the functions that
 * take their arguments unread (the parser's funsNeedContextAndNoDataRetrieve), so the
 * reference arrives as a reference and no cell of it is read.
 */
export function offset(
  context: RetrieveContext,
  reference: unknown,
  rows: unknown,
  cols: unknown,
  height?: unknown,
  width?: unknown,
): ParserReference | unknown {
  if (isError(reference)) return reference;
  const base = areaOf(reference);
  if (!base) return error("#VALUE!");
  const top = base.top + whole(context, rows);
  const left = base.left + whole(context, cols);
  const h = height === undefined || height === null ? base.bottom - base.top + 1 : whole(context, height);
  const w = width === undefined || width === null ? base.right - base.left + 1 : whole(context, width);
  if (h < 1 || w < 1) return error("#REF!");
  const bottom = top + h - 1;
  const right = left + w - 1;
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLUMNS) return error("#REF!");
  return referenceTo({ sheet: base.sheet, top, left, bottom, right });
}

/** Registers OFFSET with one parser: unread arguments, and a reference kept for the functions that take it. */
export function installOffset(parser: FormulaParser): void {
  const internals = parser as unknown as { funsNeedContextAndNoDataRetrieve: string[]; functions: Record<string, unknown> };
  if (!internals.funsNeedContextAndNoDataRetrieve.includes("OFFSET")) internals.funsNeedContextAndNoDataRetrieve.push("OFFSET");
  internals.functions.OFFSET = offset;
}
