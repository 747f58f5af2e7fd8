/**
 * The sample's long-format table OrdersByRegion (sampleWorkbook.ts: Month, Region, Orders, Visits,
 * a row per month and region) as the tests read and change it: its rows as the sheet holds them
 * now, and a co-author's sort.
 */
import { WorkbookModel } from "../../src/workbench/excel/model";

export const ORDERS_SHEET = "Orders by region";
/** The Orders column's cells, as a KPI split by Region is tagged. */
export const ORDERS_COLUMN = "'Orders by region'!C2:C49";

/** The table's body rows, every column of it (a Budget column a test added too), as the sheet holds them now. */
export function rowsOf(model: WorkbookModel): unknown[][] {
  const { area } = model.findTable("OrdersByRegion")!;
  const sheet = model.findSheet(ORDERS_SHEET)!;
  return Array.from({ length: area.rowCount - 1 }, (_, r) =>
    Array.from({ length: area.colCount }, (_, c) => model.valueAt(sheet, area.row + 1 + r, area.col + c)),
  );
}

/** A co-author's sort of the table by Orders, descending: each row's cells rewritten in place, as Sort does. */
export function sortByOrders(model: WorkbookModel): void {
  const { area } = model.findTable("OrdersByRegion")!;
  const sheet = model.findSheet(ORDERS_SHEET)!;
  const sorted = [...rowsOf(model)].sort((a, b) => (b[2] as number) - (a[2] as number));
  sorted.forEach((r, i) => r.forEach((v, c) => model.writeValue(sheet, area.row + 1 + i, area.col + c, v as string | number)));
}
