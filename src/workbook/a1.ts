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

export function columnLetters(col: number): string {
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

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
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
export function splitSheet(address: string): { sheet?: string; local: string } {
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
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { local: text } : { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

/** Parses an A1 address (cell, range, whole columns `A:C` or whole rows `2:5`). Throws on nonsense. */
export function parseAddress(address: string): SheetArea {
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
