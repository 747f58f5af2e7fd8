/**
 * Dynamic arrays ("Dynamic array formulas and spilled array behavior", support.microsoft.com):
 * a formula whose result is larger than one cell spills into the empty cells below and to its
 * right, or shows #SPILL! when one of them is not empty. WorkbookModel fills a Spills once and
 * keeps it until the next change.
 */
import { evaluateArray, FormulaErrorValue, FormulaHost } from "./formula";
import type { CellValue, SheetModel } from "./types";

const key = (row: number, col: number) => `${row},${col}`;

/** What every spilling formula of the workbook shows: the spilled values and the blocked anchors. */
export interface Spills {
  /** The values spilled into each sheet's cells, by sheet id and "row,col" (the anchor excluded). */
  values: Map<string, Map<string, CellValue | FormulaErrorValue>>;
  /** #SPILL! for each anchor whose spill range is not empty, by "sheetId:row,col". */
  anchors: Map<string, FormulaErrorValue>;
}

/**
 * Evaluates every formula of every sheet as an array into `spills` (which the host already
 * holds, so a read during the evaluation finds it); `evaluating(on)` tells the host that the
 * evaluation it starts is one level down (a cell read inside it does not spill again).
 */
export function fillSpills(host: FormulaHost, sheets: readonly SheetModel[], spills: Spills, evaluating: (on: boolean) => void): void {
  for (const s of sheets) {
    const values = new Map<string, CellValue | FormulaErrorValue>();
    for (const [k, c] of s.cells) {
      if (c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      evaluating(true);
      const busy = host.busyAnswers();
      const result = evaluateArray(host, s.name, r, col, c.formula);
      evaluating(false);
      // Waiting for a function's answer, it spills nothing yet: its cell shows #BUSY! (model.ts valueAt).
      if (host.busyAnswers() !== busy || (result.length === 1 && result[0].length === 1)) continue;
      const cells: [string, CellValue | FormulaErrorValue][] = [];
      let blocked = false;
      result.forEach((line, i) =>
        line.forEach((v, j) => {
          if (i === 0 && j === 0) return;
          const target = s.cells.get(key(r + i, col + j));
          if (target && (target.value !== undefined || target.formula !== undefined)) blocked = true;
          cells.push([key(r + i, col + j), v === null ? 0 : v]);
        }),
      );
      if (blocked) spills.anchors.set(`${s.id}:${k}`, new FormulaErrorValue("#SPILL!"));
      else for (const [target, v] of cells) values.set(target, v);
    }
    spills.values.set(s.id, values);
  }
}
