/**
 * A1 addresses as Excel writes them: column letters, 1-based rows, `$` for absolute parts, and
 * a sheet prefix quoted when the name holds anything but letters, digits, `_` and `.`
 * (with an embedded quote doubled), e.g. `'KPI Register'!A1:P2`.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, zero-based and inclusive. */
export interface Area {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface SheetArea extends Area {
  /** The sheet named in the address, if any. */
  sheet?: string;
}

/** Letters by column index, made once each: a read of the register names every cell's column (columnLetters was a tenth of a 200-KPI workbook test's time). */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (Number.isInteger(col) && col >= 0 && col < MAX_COLUMNS) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Whether a sheet name may stand unquoted before `!`: letters, digits, `_` and `.`, not starting
 * with a digit, and not readable as a reference in either notation: an A1 cell (`AB12`) or an
 * R1C1 reference (`R`, `C`, `RC`, `R1C1`, `R2`, `C3`), which Excel quotes ('R1C1'!A1) because
 * a formula in R1C1 mode would read it as one.
 */
export function sheetNeedsQuotes(name: string): boolean {
  return !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R\d*)?(C\d*)?$/i.test(name);
}

export function quoteSheet(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** Characters that must be escaped with ' inside a structured reference's column name. */
const STRUCTURED_ESCAPED = /[[\]#']/g;
/** Characters (besides a lone space) that make Excel require a column in double brackets. */
const STRUCTURED_SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

/**
 * A table column as a structured reference, as Excel writes it ("Using structured references
 * with Excel tables", support.microsoft.com): `[`, `]`, `#` and `'` in the header are escaped
 * with a single quote, and a header holding any special character other than a space is
 * enclosed in a second pair of brackets: Sales[Revenue], Sales[Net revenue], Sales[['#Units]].
 */
export function structuredReference(table: string, column: string): string {
  const escaped = column.replace(STRUCTURED_ESCAPED, "'$&");
  return STRUCTURED_SPECIAL.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/** The table and column of `Table[Column]` or `Table[[Co'#lumn]]`, unescaped; null for anything else. */
export function parseStructuredReference(text: string): { table: string; column: string } | null {
  const m = /^([A-Za-z_\\][\w.\\]*)\[(.*)\]$/s.exec(text.trim().replace(/^=/, ""));
  if (!m) return null;
  const inner = /^\[(.*)\]$/s.exec(m[2]);
  const spec = inner ? inner[1] : m[2];
  return { table: m[1], column: spec.replace(/'(.)/gs, "$1") };
}

export function cellName(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** `A1` for one cell, `A1:B5` for more (as Range.address writes them). */
export function areaName(a: Area, absolute = false): string {
  const first = cellName(a.row, a.col, absolute);
  if (a.rowCount === 1 && a.colCount === 1) return first;
  return `${first}:${cellName(a.row + a.rowCount - 1, a.col + a.colCount - 1, absolute)}`;
}

export function qualified(sheet: string, a: Area, absolute = false): string {
  return `${quoteSheet(sheet)}!${areaName(a, absolute)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Splits `Sheet!A1:B2` or `'My sheet'!A1` into the sheet name and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string; quoted?: boolean } {
  const text = address.trim().replace(/^=/, "");
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] !== "!") throw new Error(`Invalid address: ${address}`);
    return { sheet: name, local: text.slice(i + 2), quoted: true };
  }
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { local: text } : { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

/**
 * Addresses parsed so far, or the message of the error each threw: the workbook layer parses the
 * same few addresses (a KPI's source, its names' formulas) at every read, a fifth of a 200-KPI
 * workbook test's time. Each caller gets its own copy, so none can change another's.
 */
const PARSED = new Map<string, SheetArea | string>();
const PARSED_KEPT = 8192;

/** Parses an A1 address (cell, range, whole columns `A:C` or whole rows `2:5`). Throws on nonsense. */
export function parseAddress(address: string): SheetArea {
  let parsed = PARSED.get(address);
  if (parsed === undefined) {
    try {
      parsed = parseNow(address);
    } catch (e) {
      parsed = e instanceof Error ? e.message : String(e);
    }
    if (PARSED.size >= PARSED_KEPT) PARSED.clear();
    PARSED.set(address, parsed);
  }
  if (typeof parsed === "string") throw new Error(parsed);
  return { ...parsed };
}

function parseNow(address: string): SheetArea {
  const { sheet, local } = splitSheet(address);
  const parts = local.split(":");
  if (parts.length > 2) throw new Error(`Invalid address: ${address}`);
  const [from, to = from] = parts;
  const area = CELL.test(from) || parts.length === 2 ? parsePair(from, to) : null;
  if (!area) throw new Error(`Invalid address: ${address}`);
  return sheet === undefined ? area : { ...area, sheet };
}

function parsePair(from: string, to: string): Area | null {
  const c1 = CELL.exec(from);
  const c2 = CELL.exec(to);
  if (c1 && c2) {
    const r1 = Number(c1[2]) - 1;
    const r2 = Number(c2[2]) - 1;
    const k1 = columnIndex(c1[1]);
    const k2 = columnIndex(c2[1]);
    return inBounds(Math.min(r1, r2), Math.min(k1, k2), Math.abs(r2 - r1) + 1, Math.abs(k2 - k1) + 1);
  }
  const col1 = COLUMN.exec(from);
  const col2 = COLUMN.exec(to);
  if (col1 && col2) {
    const k1 = columnIndex(col1[1]);
    const k2 = columnIndex(col2[1]);
    return inBounds(0, Math.min(k1, k2), MAX_ROWS, Math.abs(k2 - k1) + 1);
  }
  const row1 = ROW.exec(from);
  const row2 = ROW.exec(to);
  if (row1 && row2) {
    const r1 = Number(row1[1]) - 1;
    const r2 = Number(row2[1]) - 1;
    return inBounds(Math.min(r1, r2), 0, Math.abs(r2 - r1) + 1, MAX_COLUMNS);
  }
  return null;
}

function inBounds(row: number, col: number, rowCount: number, colCount: number): Area | null {
  if (row < 0 || col < 0 || row + rowCount > MAX_ROWS || col + colCount > MAX_COLUMNS) return null;
  return { row, col, rowCount, colCount };
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.col + inner.colCount <= outer.col + outer.colCount
  );
}

export function intersection(a: Area, b: Area): Area | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
  return rowEnd > row && colEnd > col ? { row, col, rowCount: rowEnd - row, colCount: colEnd - col } : null;
}
