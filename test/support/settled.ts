/**
 * A sheet's values once the add-in's functions have settled. A custom function shows #BUSY! until
 * its promise resolves ("Custom functions", learn.microsoft.com), and in the stand-in a formula
 * over it (INDEX(KPI.VARIANCE(…),2,1)) shows another error meanwhile, so "no #BUSY! left" is not
 * enough on a loaded machine: the values must also stay the same over a few turns of the event
 * loop. Only the one sheet is read (a whole snapshot evaluates every sheet and format). The bound
 * only stops a hang; it is no speed limit.
 */
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { snapshot, WorkbookSnapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";

function valuesOf(model: WorkbookModel, name: string): unknown[][] {
  const sheet = model.findSheet(name)!;
  const used = model.usedArea(sheet);
  const rows = used ? used.row + used.rowCount : 0;
  const cols = used ? used.col + used.colCount : 0;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = model.valueAt(sheet, r, c);
      return v instanceof FormulaErrorValue ? v.code : v;
    }),
  );
}

export async function settledSheet(model: WorkbookModel, name = "Scorecard"): Promise<unknown[][]> {
  let last = "";
  let same = 0;
  for (let i = 0; i < 20_000; i++) {
    const values = valuesOf(model, name);
    const now = JSON.stringify(values);
    same = now === last && !values.flat().some((v) => v === "#BUSY!") ? same + 1 : 0;
    if (same >= 3) return values;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${name} never settled`);
}

/** A snapshot of the whole workbook once two in a row are the same and none shows #BUSY! (values and the fills computed from them settle together). */
export async function settledSnapshot(model: WorkbookModel): Promise<WorkbookSnapshot> {
  let last = "";
  for (let i = 0; i < 2_000; i++) {
    const snap = snapshot(model);
    const now = JSON.stringify(snap);
    if (now === last && !now.includes('"#BUSY!"')) return snap;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the workbook never settled");
}
