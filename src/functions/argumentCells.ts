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
import { FIRST_CHUNK, rampUp, Steps } from "../core/analysis/steps";
import { decodeCell } from "./cells";
import { hostBlanks, noteBlankPassedAsNull } from "./hostBlanks";
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

/** Cells read between two steps while the arguments are decoded (a full column is a million). */
const READ_CELLS = 1 << 15;

const isEmptyObject = (v: unknown) => typeof v === "object" && v !== null && (v as { type?: unknown }).type === "Empty";

/** One argument decoded (cells.decodeCell), and whether a cell came as null or Empty and whether one holds 0. */
interface Scanned {
  decoded: unknown;
  blank: boolean;
  zero: boolean;
}

/**
 * An argument with every cell in plain form (cells.decodeCell), in steps of READ_CELLS cells.
 * Rows holding no object are kept as they are, so a column of plain numbers is read, not copied.
 */
function* scanSteps(arg: unknown): Steps<Scanned> {
  if (!Array.isArray(arg)) return { decoded: decodeCell(arg), blank: arg === null || isEmptyObject(arg), zero: decodeCell(arg) === 0 };
  const seen: Seen = { blank: false, zero: false, out: null };
  for (let i = 0, cells = FIRST_CHUNK; i < arg.length; cells = rampUp(cells, READ_CELLS)) {
    if (i > 0) yield;
    i = scanRows(arg, i, cells, seen);
  }
  return { decoded: seen.out ?? arg, blank: seen.blank, zero: seen.zero };
}

interface Seen {
  blank: boolean;
  zero: boolean;
  /** The decoded copy of the argument, made when a row first needs decoding. */
  out: unknown[] | null;
}

/**
 * Rows from `from` on, about `limit` cells, decoded into `seen.out`, noting null/Empty cells
 * and zeros (a zero counts only in a row of cells, as Excel passes a range); returns where it
 * stopped. A plain function: V8 optimises loops in generators less well.
 */
function scanRows(arg: unknown[], from: number, limit: number, seen: Seen): number {
  let cells = 0;
  let i = from;
  for (; i < arg.length && cells < limit; i++) {
    const row = arg[i];
    if (!Array.isArray(row)) {
      cells++;
      if (row === null || isEmptyObject(row)) seen.blank = true;
      const decoded = decodeCell(row);
      if (decoded !== row) (seen.out ??= arg.slice())[i] = decoded;
      continue;
    }
    cells += row.length;
    let objects = false;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v === 0) seen.zero = true;
      else if (typeof v === "object") {
        if (v === null || isEmptyObject(v)) seen.blank = true;
        if (v !== null) objects = true;
        if (v !== null && decodeCell(v) === 0) seen.zero = true;
      }
    }
    const decoded = objects ? decodedRow(row) : row;
    if (decoded !== row) (seen.out ??= arg.slice())[i] = decoded;
  }
  return i;
}

function decodedRow(row: unknown[]): unknown[] {
  let out: unknown[] | null = null;
  for (let j = 0; j < row.length; j++) {
    const v = row[j];
    if (typeof v !== "object" || v === null) continue;
    (out ??= row.slice())[j] = decodeCell(v);
  }
  return out ?? row;
}

/**
 * Every argument decoded, in steps; and the arguments worth a look at their cells: they hold a 0
 * and came from cells, while it is unknown whether this Excel passes blanks as null. A cell of a
 * reference passed as null (or as an Excel.EmptyCellValue) settles that (#4702): this Excel tells
 * blanks from zeros itself. Omitted arguments have no address and do not count.
 */
export function* readArgumentsSteps(
  args: readonly unknown[],
  addresses: readonly (string | undefined)[] | undefined,
): Steps<{ decoded: unknown[]; toCheck: number[] }> {
  const decoded: unknown[] = [];
  const zeros: number[] = [];
  let blankFromCells = false;
  for (let i = 0; i < args.length; i++) {
    const scanned = yield* scanSteps(args[i]);
    decoded.push(scanned.decoded);
    const fromCells = addresses !== undefined && typeof addresses[i] === "string" && addresses[i] !== "";
    if (fromCells && scanned.blank) blankFromCells = true;
    if (fromCells && scanned.zero) zeros.push(i);
  }
  if (blankFromCells && hostBlanks().arrival !== "null") noteBlankPassedAsNull();
  return { decoded, toCheck: hostBlanks().arrival === "null" ? [] : zeros };
}

/** The value types of the range at `address` ("Empty" for an empty cell), as a grid of the range's shape. */
async function valueTypesOf(run: ExcelRun, address: string): Promise<string[][]> {
  const { sheet, local } = splitSheet(address);
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const range = sheet === undefined ? worksheets.getActiveWorksheet().getRange(local) : worksheets.getItem(sheet).getRange(local);
    range.load("valueTypes");
    await context.sync();
    return range.valueTypes;
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

/** Why a function cannot tell blank cells from zeros, in words for the user (invoke.ts answers with it). */
export class CannotTell extends Error {}

/**
 * Reads the cells of the arguments to check; resolves to the steps that give the arguments with
 * every 0 that stands for an empty cell replaced by null (a full column's worth in steps of its
 * own). Rejects with a CannotTell saying why when the cells cannot be read in time (no Excel API,
 * a sheet gone, cell-edit mode, no answer within READ_TIMEOUT_MS).
 */
export async function lookAtCells(args: readonly unknown[], indexes: readonly number[], addresses: readonly (string | undefined)[]): Promise<Steps<unknown[]>> {
  const run = excelRun();
  if (!run) throw new CannotTell("the Excel API is not available to tell blank cells from zeros");
  const types = await Promise.all(
    indexes.map(async (i) => {
      const address = addresses[i]!;
      try {
        return await bounded(valueTypesOf(run, address), address);
      } catch (e) {
        throw new CannotTell(explain(e, address));
      }
    }),
  );
  return restoredSteps(args, indexes, addresses, types);
}

/** The arguments with each 0 in a cell Excel calls Empty made null, a chunk of rows a step. */
function* restoredSteps(
  args: readonly unknown[],
  indexes: readonly number[],
  addresses: readonly (string | undefined)[],
  types: string[][][],
): Steps<unknown[]> {
  const out = args.slice();
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    const scalar = !Array.isArray(args[i]);
    const grid = scalar ? [[args[i]]] : (args[i] as unknown[][]);
    const empty = types[k];
    if (empty.length !== grid.length) throw new CannotTell(`the cells of argument ${i + 1} (${addresses[i]}) no longer have the shape Excel passed`);
    const restored: unknown[][] = new Array(grid.length);
    for (let from = 0; from < grid.length; from += READ_CELLS) {
      yield;
      const to = Math.min(grid.length, from + READ_CELLS);
      for (let r = from; r < to; r++) {
        const row = grid[r];
        const rowTypes = empty[r];
        if (rowTypes.length !== row.length) throw new CannotTell(`the cells of argument ${i + 1} (${addresses[i]}) no longer have the shape Excel passed`);
        restored[r] = row.map((v, c) => (v === 0 && rowTypes[c] === "Empty" ? null : v));
      }
    }
    out[i] = scalar ? restored[0][0] : restored;
  }
  return out;
}
