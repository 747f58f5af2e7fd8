/**
 * Defined names in the workbook model ("Excel.NamedItemCollection class", learn.microsoft.com;
 * "Define and use names in formulas", support.microsoft.com): adding one (its name checked by
 * nameRules.ts, its reference by references.ts), the range a name or a structured reference
 * stands for, and the formula of a name that stands for no range (namedFormulas.ts).
 * WorkbookModel's methods of the same names call these.
 */
import { Area, parseAddress } from "../../core/excel/a1";
import { ExcelApiError } from "./errors";
import type { Reference } from "./formula";
import { isReferenceFormula } from "./namedFormulas";
import { checkDefinedName } from "./nameRules";
import { checkNameReference, strictStructured } from "./references";
import type { NameModel, SheetModel, TableModel } from "./types";

/** The part of the workbook model the defined names use. */
export interface NameHost {
  names: NameModel[];
  findSheet(name: string): SheetModel | undefined;
  sheetById(id: string): SheetModel;
  findTable(name: string): TableModel | undefined;
  invalidateValues(): void;
}

const STRUCTURED = /^[A-Za-z_\\][\w.\\]*\[/;

export function findName(model: NameHost, name: string): NameModel | undefined {
  return model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
}

export function addName(model: NameHost, name: string, formula: string, comment: string): NameModel {
  checkDefinedName(name);
  if (findName(model, name) || model.findTable(name)) {
    throw new ExcelApiError("ItemAlreadyExists", `The name '${name}' already exists.`);
  }
  checkNameReference(formula);
  // A name moves no cell: the used ranges stay.
  model.invalidateValues();
  const added = { name, formula: formula.startsWith("=") ? formula : `=${formula}`, comment };
  model.names.push(added);
  return added;
}

/** The cells a defined name or a structured reference (Table[Column]) stands for, or null. */
export function resolveName(model: NameHost, name: string): Reference | null {
  if (STRUCTURED.test(name)) {
    try {
      const { table, column } = strictStructured(name);
      return structuredReference(model, table, column);
    } catch {
      return null;
    }
  }
  const found = findName(model, name);
  if (!found) return null;
  const target = nameTarget(model, found);
  return target ? { sheet: target.sheet.name, ...target.area } : null;
}

/** The range a name refers to, or null when it refers to #REF! or nothing. */
export function nameTarget(model: NameHost, n: NameModel): { sheet: SheetModel; area: Area } | null {
  const body = n.formula.replace(/^=/, "");
  // A formula that is not a plain reference (=KPI_X*2) is no range, whatever parseAddress makes of it.
  if (body.includes("#REF!") || !isReferenceFormula(body)) return null;
  if (STRUCTURED.test(body)) {
    const ref = resolveName(model, body);
    return ref ? { sheet: model.findSheet(ref.sheet)!, area: ref } : null;
  }
  try {
    const parsed = parseAddress(body);
    const sheet = parsed.sheet !== undefined ? model.findSheet(parsed.sheet) : undefined;
    return sheet ? { sheet, area: parsed } : null;
  } catch {
    return null;
  }
}

/** A table column's data body (the header row excluded). */
function structuredReference(model: NameHost, tableName: string, column: string): Reference | null {
  const table = model.findTable(tableName);
  if (!table) return null;
  const sheet = model.sheetById(table.sheetId);
  const c = table.columns.findIndex((x) => x.toLowerCase() === column.toLowerCase());
  if (c < 0) return null;
  return { sheet: sheet.name, row: table.area.row + 1, col: table.area.col + c, rowCount: table.area.rowCount - 1, colCount: 1 };
}
