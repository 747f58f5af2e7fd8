/**
 * How Excel applies conditional formats ("Use conditional formatting to highlight
 * information", support.microsoft.com, and "Apply conditional formatting to ranges with the
 * Excel JavaScript API", learn.microsoft.com): a Custom rule's formula is written for the
 * top-left cell of the range and moves with each cell (relative references shift); it holds when
 * its result is TRUE or a non-zero number. A CellValue rule compares the cell with its operands.
 * Formats apply in priority order; the first whose rule holds sets the fill (and the font);
 * stopIfTrue ends the search.
 */
import { contains } from "../../core/excel/a1";
import { evaluateFormula, FormulaErrorValue, FormulaHost, shiftFormula } from "./formula";
import type { CellValue, CfOperator, ConditionalFormatModel, SheetModel } from "./types";

/** What the rules need of the workbook. */
export interface RuleHost extends FormulaHost {
  conditionalFormats: ConditionalFormatModel[];
  sheetById(id: string): SheetModel;
  valueAt(sheet: SheetModel, row: number, col: number): CellValue | FormulaErrorValue;
  /** Whether a format's rule holds for one cell (ruleHolds, or what the host kept of it). */
  ruleHolds(format: ConditionalFormatModel, row: number, col: number): boolean;
}

/** All a rule's answer depends on besides the workbook's values (model.ts keeps answers by it). */
export function ruleDefinition(f: ConditionalFormatModel, sheetName: string): string {
  return [f.type, f.formula, f.operator, f.formula1, f.formula2, f.area.row, f.area.col, sheetName].join("\u0000");
}

/** Whether a format's rule holds for one cell of its area. */
export function ruleHolds(host: RuleHost, format: ConditionalFormatModel, row: number, col: number): boolean {
  const sheet = host.sheetById(format.sheetId);
  const dRow = row - format.area.row;
  const dCol = col - format.area.col;
  if (format.type === "Custom") {
    if (!format.formula) return false;
    const result = evaluateFormula(host, sheet.name, row, col, shiftFormula(format.formula, dRow, dCol));
    return result === true || (typeof result === "number" && result !== 0);
  }
  const here = host.valueAt(sheet, row, col);
  const operand = (f?: string) => (f === undefined ? null : evaluateFormula(host, sheet.name, row, col, shiftFormula(f, dRow, dCol)));
  return compareCellValue(here, format.operator ?? "EqualTo", operand(format.formula1), operand(format.formula2));
}

/** The fill and font colour a cell shows: the first conditional format whose rule holds, else its own format. */
export function displayedFormat(
  host: RuleHost,
  sheet: SheetModel,
  row: number,
  col: number,
): { fill: string | null; fontColor: string | null; formatId: string | null } {
  const own = sheet.cells.get(`${row},${col}`);
  let fill = own?.fill ?? null;
  let fontColor = own?.fontColor ?? null;
  let formatId: string | null = null;
  let fillSet = false;
  let fontSet = false;
  for (const f of host.conditionalFormats) {
    if (f.sheetId !== sheet.id || !contains(f.area, { row, col, rowCount: 1, colCount: 1 })) continue;
    if (!host.ruleHolds(f, row, col)) continue;
    if (f.fill && !fillSet) {
      fill = f.fill;
      fillSet = true;
      formatId ??= f.id;
    }
    if (f.fontColor && !fontSet) {
      fontColor = f.fontColor;
      fontSet = true;
    }
    if (f.stopIfTrue) break;
  }
  return { fill, fontColor, formatId };
}

export function compareCellValue(v: CellValue | FormulaErrorValue, op: CfOperator, a: unknown, b: unknown): boolean {
  if (v instanceof FormulaErrorValue) return false;
  // Excel's cell-value rules compare a blank cell as 0 and rank text above every number.
  const rank = (x: unknown): [number, number | string] =>
    typeof x === "number" ? [0, x] : typeof x === "string" && x !== "" ? [1, x.toLowerCase()] : typeof x === "boolean" ? [2, Number(x)] : [0, 0];
  const cmp = (x: unknown, y: unknown) => {
    const [tx, vx] = rank(x);
    const [ty, vy] = rank(y);
    if (tx !== ty) return tx - ty;
    return vx < vy ? -1 : vx > vy ? 1 : 0;
  };
  switch (op) {
    case "GreaterThan":
      return cmp(v, a) > 0;
    case "LessThan":
      return cmp(v, a) < 0;
    case "GreaterThanOrEqual":
      return cmp(v, a) >= 0;
    case "LessThanOrEqual":
      return cmp(v, a) <= 0;
    case "EqualTo":
      return cmp(v, a) === 0;
    case "NotEqualTo":
      return cmp(v, a) !== 0;
    case "Between":
      return cmp(v, a) >= 0 && cmp(v, b) <= 0;
    case "NotBetween":
      return cmp(v, a) < 0 || cmp(v, b) > 0;
  }
}
