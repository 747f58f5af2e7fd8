/**
 * Telling a blank cell from a real 0 where the host cannot say which it passed.
 *
 * Excel on the web, and Windows/Mac builds with the fix of office-js #4702, pass a blank cell
 * as null; older Windows and Mac builds pass it as 0, which no function can tell from a real 0 by
 * its value (office-js #4702, #5262, #1951). hostBlanks.ts decides, before any recalculation,
 * which kind of Excel this is; only while that is unknown does a 0 that came from cells get a
 * look at those cells, the way the Microsoft reply in #4702 suggests: the argument's address
 * (invocation.parameterAddresses, @requiresParameterAddresses, CustomFunctionsRuntime 1.3) and
 * its cells' valueTypes.
 *
 * That look is an Excel.run inside a recalculation, which "Call Excel JavaScript APIs from a
 * custom function" warns can give unpredictable results, and which users report hanging with
 * #BUSY! (office-js #1395, #6150, #6841, #6930) or failing while a cell is edited
 * (InvalidOperation, "Delay execution while cell is being edited"). So it is bounded: after
 * READ_TIMEOUT_MS, or on a refusal, the function answers with a message saying why and what to
 * do, never #BUSY! for ever. This is the one place outside src/workbook that calls the Excel
 * API; it only reads.
 */
import { splitSheet } from "../core/excel/a1";
import type { ExcelRun } from "../core/excel/excelRun";

/** Excel.run's shape, declared once in src/core/excel/excelRun.ts (src/workbook takes it too). */
export type { ExcelRun };

let configuredRun: ExcelRun | null = null;

/** Which Excel.run the functions use: Office's in the add-in, the in-memory Excel's in the workbench. */
export function setExcelRun(run: ExcelRun | null): void {
  configuredRun = run;
}

function excelRun(): ExcelRun | null {
  if (configuredRun) return configuredRun;
  const office = globalThis as unknown as { Excel?: { run?: ExcelRun } };
  return office.Excel?.run ?? null;
}

/** How long a function waits for Excel to show it its cells before answering without them. */
export const READ_TIMEOUT_MS = 3000;
let readTimeout = READ_TIMEOUT_MS;

/** Sets the read timeout (tests of a hanging read); null restores READ_TIMEOUT_MS. */
export function setReadTimeout(ms: number | null): void {
  readTimeout = ms ?? READ_TIMEOUT_MS;
}

/** Whether an argument (a range, or one value) holds the number 0. */
function holdsZero(arg: unknown): boolean {
  if (arg === 0) return true;
  return Array.isArray(arg) && arg.some((row) => Array.isArray(row) && row.some((v) => v === 0));
}

const isEmptyObject = (v: unknown) => typeof v === "object" && v !== null && (v as { type?: unknown }).type === "Empty";
const marksBlank = (v: unknown) => v === null || isEmptyObject(v);

/**
 * Whether Excel passed a cell of a reference as null (or as an Excel.EmptyCellValue): then it
 * tells blanks from zeros itself (#4702). Omitted arguments have no address and do not count.
 */
export function passedBlankAsNull(args: readonly unknown[], addresses: readonly (string | undefined)[] | undefined): boolean {
  if (!addresses) return false;
  for (let i = 0; i < args.length; i++) {
    if (typeof addresses[i] !== "string" || addresses[i] === "") continue;
    const arg = args[i];
    if (marksBlank(arg)) return true;
    if (Array.isArray(arg) && arg.some((row) => (Array.isArray(row) ? row.some(marksBlank) : marksBlank(row)))) return true;
  }
  return false;
}

/** Indexes of the arguments worth a look: they hold a 0 and came from cells. */
export function argumentsToCheck(args: readonly unknown[], candidates: readonly number[], addresses: readonly (string | undefined)[] | undefined): number[] {
  if (!addresses) return [];
  return candidates.filter((i) => holdsZero(args[i]) && typeof addresses[i] === "string" && addresses[i] !== "");
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

/** The read, or a rejection with the message a user sees once READ_TIMEOUT_MS have passed. */
function bounded<T>(read: Promise<T>, address: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seconds = readTimeout >= 1000 ? `${Math.round(readTimeout / 100) / 10} s` : `${readTimeout} ms`;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Excel did not show the cells of ${address} within ${seconds}`)), readTimeout);
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

/** Excel's refusal in words a user can act on. */
function explain(e: unknown, address: string): string {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === "InvalidOperation") return `Excel refused to show the cells of ${address}, as it does while a cell is being edited (InvalidOperation)`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Returns the arguments with every 0 that stands for an empty cell replaced by null. Rejects
 * with an Error saying why when the cells cannot be read in time (no Excel API, a sheet gone,
 * cell-edit mode, no answer within READ_TIMEOUT_MS).
 */
export async function restoreBlanks(args: readonly unknown[], indexes: readonly number[], addresses: readonly (string | undefined)[]): Promise<unknown[]> {
  const run = excelRun();
  if (!run) throw new Error("the Excel API is not available to tell blank cells from zeros");
  const out = args.slice();
  await Promise.all(
    indexes.map(async (i) => {
      const address = addresses[i]!;
      const scalar = !Array.isArray(args[i]);
      const grid = scalar ? [[args[i]]] : (args[i] as unknown[][]);
      let empty: boolean[][];
      try {
        empty = await bounded(emptyCells(run, address), address);
      } catch (e) {
        throw new Error(explain(e, address));
      }
      if (empty.length !== grid.length || empty.some((row, r) => row.length !== grid[r].length)) {
        throw new Error(`the cells of argument ${i + 1} (${address}) no longer have the shape Excel passed`);
      }
      const restored = grid.map((row, r) => row.map((v, c) => (v === 0 && empty[r][c] ? null : v)));
      out[i] = scalar ? restored[0][0] : restored;
    }),
  );
  return out;
}
