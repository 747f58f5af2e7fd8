/**
 * Excel.run's shape: Office's in the add-in, the in-memory Excel's in the workbench and tests.
 *
 * Declared once, here, because both src/functions (argumentCells.ts, its one read of argument
 * cells) and src/workbook take an Excel.run and neither may import the other; both may import
 * core. It is the one Office name in core and only a type: erased at build, so core still runs,
 * and is tested, with no Office at all.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
