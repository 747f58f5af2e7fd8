/**
 * What renaming and deleting a worksheet does to the rest of the workbook ("Rename a worksheet",
 * "Insert or delete a worksheet", support.microsoft.com): every reference to a renamed sheet, in
 * names and in formulas, follows it; a deleted sheet takes its tables, formats and charts with
 * it and leaves #REF! where names referred to it; a new sheet's name follows the same rules and
 * is unique. WorkbookModel's methods of the same names call these.
 */
import { ExcelApiError } from "./errors";
import { checkSheetName } from "./nameRules";
import { renameSheetInFormula, rewriteRefs } from "./rowShift";
import type { ChartModel, ConditionalFormatModel, NameModel, SheetModel, TableModel } from "./types";

/** The part of the workbook model the sheet edits use. */
export interface SheetHost {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  activeSheetId: string | null;
  findSheet(name: string): SheetModel | undefined;
  invalidate(): void;
  newId(prefix: string): string;
}

export function addSheet(model: SheetHost, name: string): SheetModel {
  checkSheetName(name);
  if (model.findSheet(name)) throw new ExcelApiError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  const sheet: SheetModel = { id: model.newId("sheet"), name, cells: new Map(), protected: false };
  model.sheets.push(sheet);
  model.activeSheetId ??= sheet.id;
  return sheet;
}

export function renameSheet(model: SheetHost, sheet: SheetModel, name: string): void {
  checkSheetName(name);
  const other = model.findSheet(name);
  if (other && other !== sheet) throw new ExcelApiError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  const old = sheet.name;
  sheet.name = name;
  model.invalidate();
  const rename = (formula: string) => renameSheetInFormula(formula, old, name);
  for (const n of model.names) n.formula = rename(n.formula);
  for (const s of model.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = rename(c.formula);
}

export function deleteSheet(model: SheetHost, sheet: SheetModel): void {
  model.invalidate();
  model.sheets = model.sheets.filter((s) => s !== sheet);
  model.tables = model.tables.filter((t) => t.sheetId !== sheet.id);
  model.conditionalFormats = model.conditionalFormats.filter((f) => f.sheetId !== sheet.id);
  model.charts = model.charts.filter((c) => c.sheetId !== sheet.id);
  for (const n of model.names) n.formula = rewriteRefs(n.formula, sheet.name, () => null);
  if (model.activeSheetId === sheet.id) model.activeSheetId = model.sheets[0]?.id ?? null;
}

/**
 * Sheets by name as Excel finds them (case-insensitively): a formula reads each cell through its
 * sheet's name, and every read lower-cased every sheet's name. A name's sheet is kept while the
 * workbook has the same sheets, in the same order, under the same names.
 */
export class SheetsByName {
  private sheets: SheetModel[] = [];
  private names: string[] = [];
  private found = new Map<string, SheetModel | undefined>();

  find(sheets: readonly SheetModel[], name: string): SheetModel | undefined {
    if (!this.holds(sheets)) {
      this.sheets = [...sheets];
      this.names = sheets.map((s) => s.name);
      this.found.clear();
    }
    if (this.found.has(name)) return this.found.get(name);
    const lower = name.toLowerCase();
    const sheet = sheets.find((s) => s.name.toLowerCase() === lower);
    this.found.set(name, sheet);
    return sheet;
  }

  private holds(sheets: readonly SheetModel[]): boolean {
    if (sheets.length !== this.sheets.length) return false;
    for (let i = 0; i < sheets.length; i++) if (sheets[i] !== this.sheets[i] || sheets[i].name !== this.names[i]) return false;
    return true;
  }
}
