/**
 * Filtered tables. A table whose filter hides rows is reported to mishandle row operations:
 * TableRow.delete and range deletes that no-op or remove another row than the one asked for,
 * rows added or values written that land on hidden rows (office-js issues #994, #224 and
 * #468; user reports, not documented behaviour). The stand-in is never more forgiving than
 * those reports: while a filter hides rows of a table, deleting, adding and writing its rows
 * is refused with an error instead of doing something else silently. Reading a table's filter
 * is Table.autoFilter (ExcelApi 1.9, "Excel.AutoFilter class": isDataFiltered, enabled,
 * clearCriteria) and clearing it Table.clearFilters (ExcelApi 1.2, "Excel.Table class").
 */
import { ExcelApiError } from "./errors";
import type { CellValue, TableModel } from "./types";

export function isFiltered(table: TableModel): boolean {
  return (table.hiddenRows?.length ?? 0) > 0;
}

/** Refuses a row operation on a table whose filter hides rows (from user reports, see above). */
export function assertUnfiltered(table: TableModel, operation: string): void {
  if (isFiltered(table)) {
    throw new ExcelApiError(
      "InvalidOperation",
      `The stand-in refuses to ${operation} in table '${table.name}' while its filter hides rows (office-js #994, #224, #468 report such operations landing on other rows or doing nothing). Clear the filter first.`,
    );
  }
}

/** Applies a filter as the user does from a column's filter button: rows whose value fails `keep` are hidden. */
export function filterRows(table: TableModel, values: (CellValue | null)[], keep: (v: CellValue | null) => boolean): void {
  table.hiddenRows = values.flatMap((v, i) => (keep(v) ? [] : [i]));
}

export function clearFilter(table: TableModel): void {
  table.hiddenRows = [];
}
