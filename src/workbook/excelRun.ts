/** Excel.run's shape: Office's in the add-in, the in-memory Excel's in the workbench and tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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
