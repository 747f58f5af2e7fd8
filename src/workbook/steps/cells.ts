/**
 * Writing cells by identity: each write says what the operation read in the cell (the prior
 * value), and a row's writes can name a key cell (the register row's ID) that must still hold the
 * key at write time. The guard loads both in the write batch, before the writes; a difference
 * means the row moved (the table was sorted, a row inserted) or someone changed the cell, and the
 * undo puts back exactly what the write replaced, as a formula where it was one.
 */
import { areaName } from "../../core/excel/a1";
import { sameContent, Step } from "../writeEngine";

export interface CellWrite {
  /** The cell, 0-based on its sheet. */
  row: number;
  col: number;
  value: unknown;
  /** The number format to give the cell first (Text "@" keeps "=1+1" text); null leaves it. */
  numberFormat: string | null;
  /** The cell's formula (or constant) as the operation read it. */
  expected: unknown;
  expectedFormat: unknown;
  /** Says what changed when the cell no longer holds `expected` (both values shown). */
  conflict(now: unknown): string;
}

export interface RowKey {
  row: number;
  /** The key cells' columns and what each must hold (case-insensitive, as Excel compares text). */
  cols: number[];
  ids: string[];
  /** What to say when it holds another: "Revenue's row moved: …". */
  moved: string;
}

const cellAt = (row: number, col: number) => areaName({ row, col, rowCount: 1, colCount: 1 });

/** One step that writes some cells of one sheet, guarded by their prior values and an optional row key. */
export function cellsStep(what: string, sheetName: string, writes: readonly CellWrite[], key?: RowKey): Step | null {
  if (writes.length === 0) return null;
  let priors: Excel.Range[] = [];
  let keyCells: Excel.Range[] = [];
  const sheetOf = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(sheetName);
  return {
    what,
    guard(context) {
      const sheet = sheetOf(context);
      priors = writes.map((w) => sheet.getRange(cellAt(w.row, w.col)).load("formulas, numberFormat"));
      if (key) keyCells = key.cols.map((col) => sheet.getRange(cellAt(key.row, col)).load("values"));
    },
    apply(context) {
      const sheet = sheetOf(context);
      for (const w of writes) {
        const cell = sheet.getRange(cellAt(w.row, w.col));
        if (w.numberFormat !== null) cell.numberFormat = [[w.numberFormat]];
        cell.values = [[w.value as string | number]];
      }
    },
    check() {
      const norm = (v: unknown) =>
        String(v ?? "")
          .trim()
          .toUpperCase();
      if (key && keyCells.some((c, i) => norm(c.values[0][0]) !== norm(key.ids[i]))) return key.moved;
      const changed = writes.map((w, i) => (sameContent(priors[i].formulas[0][0], w.expected) ? null : w.conflict(priors[i].formulas[0][0]))).filter(Boolean);
      return changed.length ? changed.join(" ") : null;
    },
    async undo(context, applied) {
      const sheet = sheetOf(context);
      const now = writes.map((w) => sheet.getRange(cellAt(w.row, w.col)).load("formulas"));
      await context.sync();
      writes.forEach((w, i) => {
        // Only a cell that still holds what we wrote: a later edit by someone else stays.
        if (!sameContent(now[i].formulas[0][0], w.value)) return;
        const cell = sheet.getRange(cellAt(w.row, w.col));
        const format = applied ? priors[i].numberFormat[0][0] : w.expectedFormat;
        cell.numberFormat = [[(format ?? "General") as string]];
        cell.formulas = [[(applied ? priors[i].formulas[0][0] : w.expected) as string]];
      });
    },
  };
}
