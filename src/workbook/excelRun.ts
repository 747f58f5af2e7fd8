import type { ExcelRun } from "../core/excel/excelRun";

/** Excel.run's shape, declared once in src/core/excel/excelRun.ts (src/functions takes it too). */
export type { ExcelRun };

/**
 * Excel.run for the pane in real Excel. While the user is still typing in a cell, a batch fails
 * with InvalidOperationInCellEditMode; `delayForCellEdit: true` makes Excel wait until the edit
 * ends instead ("Excel.RunOptions: delayForCellEdit", ExcelApi 1.11; "Delay execution while cell
 * is being edited", learn.microsoft.com). Hosts below ExcelApi 1.11 run the batch as before, and
 * a refusal there reaches the pane's message ("finish editing the cell, then try again").
 */
export function officeExcelRun(): ExcelRun {
  const delays = typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.11");
  return delays ? (batch) => Excel.run({ delayForCellEdit: true }, batch) : (batch) => Excel.run(batch);
}
