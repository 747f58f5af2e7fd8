/**
 * What adding and removing tables, their rows and their columns does to the model's cells,
 * formats and names ("Excel.TableCollection: add", "Excel.TableRowCollection: add",
 * "Excel.TableColumnCollection: add", learn.microsoft.com; each rule's source and guesses are
 * named where it is applied). WorkbookModel's methods of the same names call these.
 */
import { Area, intersection, qualified } from "../../core/excel/a1";
import { ExcelApiError } from "./errors";
import { FormulaErrorValue } from "./formula";
import { checkTableName } from "./nameRules";
import { escapeRegExp } from "./rowShift";
import { assertUnfiltered, filterRows } from "./tableFilters";
import type { Cell, CellValue, ChangeEvent, ConditionalFormatModel, NameModel, SheetModel, TableModel } from "./types";

/** The part of the workbook model the table edits use. */
export interface TableHost {
  tables: TableModel[];
  names: NameModel[];
  conditionalFormats: ConditionalFormatModel[];
  assertEditable(sheet: SheetModel): void;
  sheetById(id: string): SheetModel;
  valueAt(sheet: SheetModel, row: number, col: number): CellValue | FormulaErrorValue;
  writeValue(sheet: SheetModel, row: number, col: number, input: unknown): void;
  insertRows(sheet: SheetModel, at: number, count: number): void;
  newId(prefix: string): string;
  findTable(name: string): TableModel | undefined;
  invalidate(): void;
  emitChange(event: ChangeEvent): void;
}

const key = (row: number, col: number) => `${row},${col}`;

export function addTable(model: TableHost, sheet: SheetModel, area: Area, hasHeaders: boolean): TableModel {
  model.assertEditable(sheet);
  for (const t of model.tables) {
    if (t.sheetId === sheet.id && intersection(t.area, area)) {
      throw new ExcelApiError("InvalidOperation", "A table can't overlap another table.");
    }
  }
  let full = area;
  if (!hasHeaders) {
    // Excel inserts a header row above the data and names the columns Column1, Column2, ...
    model.insertRows(sheet, area.row, 1);
    full = { ...area, rowCount: area.rowCount + 1 };
    for (let c = 0; c < area.colCount; c++) model.writeValue(sheet, area.row, area.col + c, `Column${c + 1}`);
  }
  if (full.rowCount === 1) {
    // A table always has a data body: a header-only range gets one empty row.
    full = { ...full, rowCount: 2 };
  }
  const columns: string[] = [];
  for (let c = 0; c < full.colCount; c++) {
    let header = String(model.valueAt(sheet, full.row, full.col + c) ?? "");
    if (header === "") header = `Column${c + 1}`;
    while (columns.includes(header)) header = `${header}2`;
    columns.push(header);
    model.writeValue(sheet, full.row, full.col + c, header);
  }
  let n = model.tables.length + 1;
  while (model.tables.some((t) => t.name === `Table${n}`)) n++;
  const table: TableModel = { id: model.newId("table"), name: `Table${n}`, sheetId: sheet.id, area: full, columns };
  model.tables.push(table);
  return table;
}

export function addTableColumnAtEnd(model: TableHost, table: TableModel, name: string): void {
  const sheet = model.sheetById(table.sheetId);
  model.assertEditable(sheet);
  const col = table.area.col + table.area.colCount;
  for (let r = table.area.row; r < table.area.row + table.area.rowCount; r++) {
    if (sheet.cells.has(key(r, col)) && model.valueAt(sheet, r, col) !== null)
      throw new ExcelApiError("InvalidOperation", "The cells to the right of the table are not empty.");
  }
  if (table.columns.some((c) => c.toLowerCase() === name.toLowerCase()))
    throw new ExcelApiError("InvalidArgument", `The table already has a column '${name}'.`);
  model.invalidate();
  table.area = { ...table.area, colCount: table.area.colCount + 1 };
  table.columns.push(name);
  model.writeValue(sheet, table.area.row, col, name);
}

export function removeTableColumnAtEnd(model: TableHost, table: TableModel): void {
  const sheet = model.sheetById(table.sheetId);
  model.assertEditable(sheet);
  const col = table.area.col + table.area.colCount - 1;
  for (let r = table.area.row; r < table.area.row + table.area.rowCount; r++) sheet.cells.delete(key(r, col));
  model.invalidate();
  table.area = { ...table.area, colCount: table.area.colCount - 1 };
  table.columns.pop();
}

export function addTableRows(model: TableHost, table: TableModel, index: number | null, rows: unknown[][]): void {
  const sheet = model.sheetById(table.sheetId);
  model.assertEditable(sheet);
  assertUnfiltered(table, "add rows");
  const bodyRows = table.area.rowCount - 1;
  const at = table.area.row + 1 + (index === null || index === undefined ? bodyRows : index);
  if (index !== null && index !== undefined && (index < 0 || index > bodyRows)) {
    throw new ExcelApiError("InvalidArgument", "The index is out of range.");
  }
  const span = { col: table.area.col, colCount: table.area.colCount };
  // Excel shifts only the cells below the table, within the table's columns.
  const moved = new Map<string, Cell>();
  for (const [k, c] of sheet.cells) {
    const [r, col] = k.split(",").map(Number);
    const inSpan = col >= span.col && col < span.col + span.colCount;
    moved.set(key(inSpan && r >= at ? r + rows.length : r, col), c);
  }
  sheet.cells = moved;
  // Formats that cover a whole column of the table's body grow with it, as Excel's table
  // auto-expansion carries column formatting to new rows.
  const body = { row: table.area.row + 1, rowCount: table.area.rowCount - 1 };
  for (const f of model.conditionalFormats) {
    const wholeColumn = f.sheetId === sheet.id && f.area.row === body.row && f.area.rowCount === body.rowCount;
    if (wholeColumn && f.area.col >= span.col && f.area.col + f.area.colCount <= span.col + span.colCount) {
      f.area = { ...f.area, rowCount: f.area.rowCount + rows.length };
    }
  }
  table.area = { ...table.area, rowCount: table.area.rowCount + rows.length };
  rows.forEach((values, i) => {
    if (values.length !== span.colCount) {
      throw new ExcelApiError("InvalidArgument", `The number of values (${values.length}) doesn't match the number of table columns (${span.colCount}).`);
    }
    values.forEach((v, c) => model.writeValue(sheet, at + i, span.col + c, v));
  });
  model.emitChange({
    type: "WorksheetChanged",
    worksheetId: sheet.id,
    address: qualified(sheet.name, { row: at, col: span.col, rowCount: rows.length, colCount: span.colCount }),
    changeType: "RangeEdited",
    source: "Local",
  });
}

export function deleteTableRow(model: TableHost, table: TableModel, index: number): void {
  const sheet = model.sheetById(table.sheetId);
  model.assertEditable(sheet);
  assertUnfiltered(table, "delete a row");
  model.invalidate();
  const row = table.area.row + 1 + index;
  const span = { col: table.area.col, colCount: table.area.colCount };
  const moved = new Map<string, Cell>();
  for (const [k, c] of sheet.cells) {
    const [r, col] = k.split(",").map(Number);
    const inSpan = col >= span.col && col < span.col + span.colCount;
    if (inSpan && r === row) continue;
    moved.set(key(inSpan && r > row ? r - 1 : r, col), c);
  }
  sheet.cells = moved;
  table.area = { ...table.area, rowCount: Math.max(2, table.area.rowCount - 1) };
}

/** Renames a table; the names whose formula refers to it (Table[Column]) follow, as in Excel. */
export function renameTable(model: TableHost, table: TableModel, name: string): void {
  checkTableName(name);
  const other = model.findTable(name) ?? model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (other && other !== table) throw new ExcelApiError("InvalidArgument", `The name '${name}' is already in use.`);
  const old = table.name;
  table.name = name;
  for (const n of model.names) n.formula = n.formula.replace(new RegExp(`(^=|[^\\w.])${escapeRegExp(old)}\\[`, "g"), `$1${name}[`);
}

/** The user filters a table's column (tableFilters.ts): rows whose value fails `keep` are hidden. */
export function filterTable(model: TableHost, table: TableModel, column: string, keep: (v: CellValue | null) => boolean): void {
  const sheet = model.sheetById(table.sheetId);
  const c = table.columns.findIndex((x) => x.toLowerCase() === column.toLowerCase());
  if (c < 0) throw new ExcelApiError("ItemNotFound", `The table has no column '${column}'.`);
  const values = Array.from({ length: table.area.rowCount - 1 }, (_, i) => {
    const v = model.valueAt(sheet, table.area.row + 1 + i, table.area.col + c);
    return v instanceof FormulaErrorValue || v === "" ? null : v;
  });
  filterRows(table, values, keep);
}
