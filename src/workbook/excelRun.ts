/** Excel.run's shape: Office's in the add-in, the in-memory Excel's in the workbench and tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
