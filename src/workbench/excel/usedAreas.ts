/**
 * The used range of each sheet ("Excel.Worksheet: getUsedRange", learn.microsoft.com: the
 * smallest range that holds every cell with a value or a format; with valuesOnly, every cell
 * with a value). A batch that reads a used range reads it often and a scan is over every cell,
 * so each sheet's is kept until a change the model makes (invalidate) could have moved it; a
 * cell written inside or beside it only grows it, and a cell written on another sheet leaves it.
 */
import type { Area } from "../../core/excel/a1";
import type { Cell, SheetModel } from "./types";

interface Known {
  /** The model's change count it was computed at, and the cells it was computed from. */
  changes: number;
  cells: Map<string, Cell>;
  /** Undefined: not known; null: the sheet has no such cell. */
  all?: Area | null;
  values?: Area | null;
}

const holdsValue = (c: Cell | undefined | null) => !!c && (c.value !== undefined || c.formula !== undefined);

function grown(a: Area | null | undefined, row: number, col: number): Area | null | undefined {
  if (a === undefined) return undefined;
  if (a === null) return { row, col, rowCount: 1, colCount: 1 };
  const top = Math.min(a.row, row);
  const left = Math.min(a.col, col);
  const bottom = Math.max(a.row + a.rowCount, row + 1);
  const right = Math.max(a.col + a.colCount, col + 1);
  return { row: top, col: left, rowCount: bottom - top, colCount: right - left };
}

export class UsedAreas {
  private known = new WeakMap<SheetModel, Known>();

  /** The used area of `sheet` at the model's change count `changes`, or null for an empty sheet. */
  of(sheet: SheetModel, valuesOnly: boolean, changes: number): Area | null {
    let k = this.known.get(sheet);
    if (!k || k.changes !== changes || k.cells !== sheet.cells) {
      k = { changes, cells: sheet.cells };
      this.known.set(sheet, k);
    }
    const which = valuesOnly ? "values" : "all";
    if (k[which] === undefined) k[which] = scan(sheet, valuesOnly);
    const area = k[which];
    return area ? { ...area } : null;
  }

  /**
   * One cell of `sheet` was stored (`after`; null: removed) at the model's change count
   * `changes`, which a stored cell does not move: what was known stays known where the cell
   * cannot have shrunk it.
   */
  stored(sheet: SheetModel, row: number, col: number, before: Cell | undefined, after: Cell | null, changes: number): void {
    const k = this.known.get(sheet);
    if (!k || k.changes !== changes || k.cells !== sheet.cells) return;
    if (after === null) {
      if (before) k.all = undefined;
      if (holdsValue(before)) k.values = undefined;
      return;
    }
    k.all = grown(k.all, row, col);
    if (holdsValue(after)) k.values = grown(k.values, row, col);
    else if (holdsValue(before)) k.values = undefined;
  }
}

/** The smallest area holding every non-empty cell (or every value), or null. */
function scan(sheet: SheetModel, valuesOnly: boolean): Area | null {
  let minR = Infinity;
  let minC = Infinity;
  let maxR = -1;
  let maxC = -1;
  for (const [k, c] of sheet.cells) {
    if (valuesOnly && !holdsValue(c)) continue;
    // The key is "row,col" (model.ts); read without splitting, as this runs over every cell.
    const comma = k.indexOf(",");
    const r = +k.slice(0, comma);
    const col = +k.slice(comma + 1);
    minR = Math.min(minR, r);
    minC = Math.min(minC, col);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, col);
  }
  return maxR < 0 ? null : { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
}
