/**
 * Telling a blank cell from a real 0 on every host.
 *
 * Excel on the web passes a blank cell inside a range argument as null, but Excel on Windows and
 * Mac pass it as 0 (office-js issues #4702, #5262, #1951), which no function can tell from a
 * real zero by its value alone. In the shared runtime a custom function may call the Excel
 * JavaScript API ("Call Excel JavaScript APIs from a custom function", learn.microsoft.com) and,
 * declared with @requiresParameterAddresses, learns the address of each argument
 * (invocation.parameterAddresses, "SheetName!A1:B2"). So for an argument that holds a 0 and
 * comes from cells, we load those cells' valueTypes and turn a 0 whose cell is Empty back into a
 * blank; an argument with no 0 costs nothing, which keeps the common case synchronous. (The same
 * look is what Microsoft's own sample does: it reads a parameter's cell when the value is 0.)
 *
 * This is the one place outside src/workbook that calls the Excel API, because FUNCTIONS.md's
 * conventions require a function to read its own argument cells; it only reads.
 */
import { splitSheet } from "../core/a1";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

let configuredRun: ExcelRun | null = null;

/** Which Excel.run the functions use: Office's in the add-in, the in-memory Excel's in the workbench. */
export function useExcelRun(run: ExcelRun | null): void {
  configuredRun = run;
}

function excelRun(): ExcelRun | null {
  if (configuredRun) return configuredRun;
  const office = globalThis as unknown as { Excel?: { run?: ExcelRun } };
  return office.Excel?.run ?? null;
}

/** Whether an argument (a range, or one value) holds the number 0. */
function holdsZero(arg: unknown): boolean {
  if (arg === 0) return true;
  return Array.isArray(arg) && arg.some((row) => Array.isArray(row) && row.some((v) => v === 0));
}

/** Indexes of the arguments worth a look: they hold a 0 and came from cells. */
export function argumentsToCheck(args: readonly unknown[], rangeParameters: readonly number[], addresses: readonly (string | undefined)[] | undefined): number[] {
  if (!addresses) return [];
  return rangeParameters.filter((i) => holdsZero(args[i]) && typeof addresses[i] === "string" && addresses[i] !== "");
}

/** Which cells of the range at `address` are empty, as a grid of the range's shape. */
async function emptyCells(run: ExcelRun, address: string): Promise<boolean[][]> {
  const { sheet, local } = splitSheet(address);
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const range = sheet === undefined ? worksheets.getActiveWorksheet().getRange(local) : worksheets.getItem(sheet).getRange(local);
    range.load("valueTypes");
    await context.sync();
    return range.valueTypes.map((row) => row.map((t) => t === "Empty"));
  });
}

/**
 * Returns the arguments with every 0 that stands for an empty cell replaced by null. Throws an
 * Error saying why when the cells cannot be read (no Excel API, a sheet gone).
 */
export async function restoreBlanks(args: readonly unknown[], indexes: readonly number[], addresses: readonly (string | undefined)[]): Promise<unknown[]> {
  const run = excelRun();
  if (!run) throw new Error("the Excel API is not available to tell blank cells from zeros");
  const out = args.slice();
  await Promise.all(
    indexes.map(async (i) => {
      const scalar = !Array.isArray(args[i]);
      const grid = scalar ? [[args[i]]] : (args[i] as unknown[][]);
      const empty = await emptyCells(run, addresses[i]!);
      if (empty.length !== grid.length || empty.some((row, r) => row.length !== grid[r].length)) {
        throw new Error(`the cells of argument ${i + 1} (${addresses[i]}) no longer have the shape Excel passed`);
      }
      const restored = grid.map((row, r) => row.map((v, c) => (v === 0 && empty[r][c] ? null : v)));
      out[i] = scalar ? restored[0][0] : restored;
    }),
  );
  return out;
}
