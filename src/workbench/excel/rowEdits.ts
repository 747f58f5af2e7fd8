/**
 * What inserting and deleting whole rows does to a sheet ("Insert or delete rows and columns",
 * support.microsoft.com): the cells below move, tables and conditional formats spanning the
 * change grow or shrink (rowShift.ts does the area and reference arithmetic), and the names'
 * references follow. WorkbookModel's methods of the same names call these.
 */
import type { Area } from "../../core/excel/a1";
import { growArea, rewriteRowRefs, shrinkArea } from "./rowShift";
import { assertUnfiltered } from "./tableFilters";
import type { Cell, ChangeEvent, ConditionalFormatModel, NameModel, SheetModel, TableModel } from "./types";

/** The part of the workbook model the row edits use. */
export interface RowHost {
  tables: TableModel[];
  names: NameModel[];
  conditionalFormats: ConditionalFormatModel[];
  assertEditable(sheet: SheetModel): void;
  invalidate(): void;
  emitChange(event: ChangeEvent): void;
}

const key = (row: number, col: number) => `${row},${col}`;

/**
 * Values written into the rows right below a table, within its columns, join the table ("Coauthoring
 * in Excel add-ins", learn.microsoft.com: "Setting the Range values directly below the table
 * automatically expands the table"; the page recommends it over TableRowCollection.add).
 */
export function expandTableOver(model: RowHost, sheet: SheetModel, area: Area): void {
  for (const t of model.tables) {
    if (t.sheetId !== sheet.id || area.row !== t.area.row + t.area.rowCount) continue;
    if (area.col < t.area.col || area.col + area.colCount > t.area.col + t.area.colCount) continue;
    t.area = { ...t.area, rowCount: t.area.rowCount + area.rowCount };
  }
}

/** Inserts `count` whole rows before `at`, moving cells, tables, names and formats down. */
export function insertRows(model: RowHost, sheet: SheetModel, at: number, count: number): void {
  model.assertEditable(sheet);
  moveCells(model, sheet, (r) => (r >= at ? r + count : r));
  for (const t of model.tables.filter((x) => x.sheetId === sheet.id)) t.area = growArea(t.area, at, count);
  for (const f of model.conditionalFormats.filter((x) => x.sheetId === sheet.id)) f.area = growArea(f.area, at, count);
  shiftReferences(model, sheet.name, (r) => (r >= at ? r + count : r));
  model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: `${at + 1}:${at + count}`, changeType: "RowInserted", source: "Local" });
}

/** Deletes whole rows [at, at+count): references wholly inside them become #REF!. */
export function deleteRows(model: RowHost, sheet: SheetModel, at: number, count: number): void {
  model.assertEditable(sheet);
  for (const t of model.tables) {
    if (t.sheetId === sheet.id && at < t.area.row + t.area.rowCount && at + count > t.area.row) assertUnfiltered(t, "delete rows");
  }
  const end = at + count;
  for (const k of [...sheet.cells.keys()]) if (Number(k.split(",")[0]) >= at && Number(k.split(",")[0]) < end) sheet.cells.delete(k);
  moveCells(model, sheet, (r) => (r >= end ? r - count : r));
  model.tables = model.tables.filter((t) => t.sheetId !== sheet.id || shrinkArea(t.area, at, count) !== null);
  for (const t of model.tables.filter((x) => x.sheetId === sheet.id)) t.area = shrinkArea(t.area, at, count)!;
  model.conditionalFormats = model.conditionalFormats.filter((f) => f.sheetId !== sheet.id || shrinkArea(f.area, at, count) !== null);
  for (const f of model.conditionalFormats.filter((x) => x.sheetId === sheet.id)) f.area = shrinkArea(f.area, at, count)!;
  shiftReferences(model, sheet.name, (r) => (r >= end ? r - count : r >= at ? null : r), at, count);
  model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: `${at + 1}:${end}`, changeType: "RowDeleted", source: "Local" });
}

function moveCells(model: RowHost, sheet: SheetModel, map: (row: number) => number): void {
  model.invalidate();
  const moved = new Map<string, Cell>();
  for (const [k, c] of sheet.cells) {
    const [r, col] = k.split(",").map(Number);
    moved.set(key(map(r), col), c);
  }
  sheet.cells = moved;
}

function shiftReferences(model: RowHost, sheetName: string, map: (row: number) => number | null, deletedAt?: number, deletedCount?: number): void {
  const rewrite = (formula: string) => rewriteRowRefs(formula, sheetName, map, deletedAt, deletedCount);
  for (const n of model.names) n.formula = rewrite(n.formula);
}
