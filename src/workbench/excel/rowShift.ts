/**
 * Row shifting, as Excel does it when whole rows are inserted or deleted ("Insert or delete
 * rows and columns", support.microsoft.com): areas below move, areas spanning the change grow
 * or shrink, references wholly inside deleted rows become #REF!, and the references in names
 * and formulas follow. Also the renaming of a sheet inside formulas.
 */
import { Area, quoteSheet } from "../../core/excel/a1";
import { rewriteCells } from "./formula";

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function growArea(a: Area, at: number, count: number): Area {
  if (at <= a.row) return { ...a, row: a.row + count };
  if (at < a.row + a.rowCount) return { ...a, rowCount: a.rowCount + count };
  return a;
}

export function shrinkArea(a: Area, at: number, count: number): Area | null {
  const end = at + count;
  const top = a.row;
  const bottom = a.row + a.rowCount;
  const keptAbove = Math.max(0, Math.min(bottom, at) - top);
  const keptBelow = Math.max(0, bottom - Math.max(top, end));
  if (keptAbove + keptBelow === 0) return null;
  const newTop = top < at ? top : top >= end ? top - count : at;
  return { ...a, row: newTop, rowCount: keptAbove + keptBelow };
}

export function sameSheet(prefix: string | null, sheetName: string): boolean {
  return prefix !== null && prefix.toLowerCase() === sheetName.toLowerCase();
}

/** Rewrites the references to `sheetName` in a formula through `map` (null: the reference is gone). */
export function rewriteRefs(formula: string, sheetName: string, map: (image: string) => string | null): string {
  try {
    return rewriteCells(formula, (image, prefix) => (sameSheet(prefix, sheetName) ? (map(image) ?? "#REF!") : image)).replace(
      /(?:'[^']*(?:''[^']*)*'|[\w.]+)!#REF!(?::#REF!)?/g,
      "#REF!",
    );
  } catch {
    return formula;
  }
}

export function rewriteRowRefs(formula: string, sheetName: string, map: (row: number) => number | null, deletedAt?: number, deletedCount?: number): string {
  // A range reference survives a deletion that removes only part of it: handle A1:B9 pairs first.
  const body = formula.replace(/^=/, "");
  const pair = /^((?:'[^']*(?:''[^']*)*'|[\w.]+)!)(\$?[A-Za-z]{1,3}\$?)(\d+):(\$?[A-Za-z]{1,3}\$?)(\d+)$/.exec(body);
  if (pair && sameSheet(pair[1].replace(/!$/, "").replace(/^'|'$/g, "").replace(/''/g, "'"), sheetName)) {
    const r1 = Number(pair[3]) - 1;
    const r2 = Number(pair[5]) - 1;
    const area = { row: r1, col: 0, rowCount: r2 - r1 + 1, colCount: 1 };
    let next: Area | null = area;
    if (deletedAt !== undefined && deletedCount !== undefined) next = shrinkArea(area, deletedAt, deletedCount);
    else next = { ...area, row: map(r1)!, rowCount: map(r2)! - map(r1)! + 1 };
    if (!next) return "=#REF!";
    return `=${pair[1]}${pair[2]}${next.row + 1}:${pair[4]}${next.row + next.rowCount}`;
  }
  return rewriteRefs(formula, sheetName, (image) => {
    const m = /^(\$?[A-Za-z]{1,3}\$?)(\d+)$/.exec(image)!;
    const row = map(Number(m[2]) - 1);
    return row === null ? null : `${m[1]}${row + 1}`;
  });
}

export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  const pattern = new RegExp(`(^=|[^\\w.'])${escapeRegExp(quoteSheet(oldName))}!`, "g");
  return formula.replace(pattern, `$1${quoteSheet(newName)}!`);
}
