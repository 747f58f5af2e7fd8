/**
 * window.workbench: what a test (or a curious person at the console) can do to the workbook
 * from outside the pane, as a user would in Excel.
 */
import { qualified } from "../core/excel/a1";
import { ConditionalFormatModel, WorkbookModel } from "./excel/model";
import { snapshot, WorkbookSnapshot } from "./snapshot";

export interface WorkbenchApi {
  /** Every sheet's values and fills, names, tables, settings and conditional formats, as JSON. */
  snapshot(): WorkbookSnapshot;
  /** Selects a range, e.g. "'Monthly KPIs'!B2:B37" (the active sheet when unqualified). */
  select(address: string): void;
  /** Types values into a range, as a user would; raises the change event. */
  setValues(address: string, values: unknown[][]): void;
  /** How many context.sync() round trips the add-in has made. */
  syncCount(): number;
  /** Adds a conditional format of the user's own (a cell-value or custom rule). */
  addUserFormat(address: string, rule: { operator?: ConditionalFormatModel["operator"]; formula1?: string; formula?: string; fill: string }): void;
  insertRows(sheet: string, at: number, count: number): void;
  deleteRows(sheet: string, at: number, count: number): void;
  renameSheet(from: string, to: string): void;
  deleteSheet(name: string): void;
  protect(sheet: string, on: boolean): void;
  /** Each round trip's Excel side as [start, end] in performance.now() time, with ?latency=task (else empty). */
  roundTrips(): [number, number][];
}

declare global {
  interface Window {
    workbench: WorkbenchApi;
    CustomFunctions?: unknown;
  }
}

export function installWorkbenchApi(model: WorkbookModel, roundTrips: [number, number][] = []): void {
  const active = () => model.sheets.find((s) => s.id === model.activeSheetId) ?? model.sheets[0];
  const sheetNamed = (name: string) => {
    const s = model.findSheet(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  };
  window.workbench = {
    snapshot: () => snapshot(model),
    select(address) {
      const { sheet, area } = model.resolve(address, active());
      model.select(sheet, area);
    },
    setValues(address, values) {
      const { sheet, area } = model.resolve(address, active());
      values.forEach((row, i) => row.forEach((v, j) => model.writeValue(sheet, area.row + i, area.col + j, v)));
      model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: qualified(sheet.name, area), changeType: "RangeEdited", source: "Local" });
    },
    syncCount: () => model.syncCount,
    addUserFormat(address, rule) {
      const { sheet, area } = model.resolve(address, active());
      const format = model.addConditionalFormat(sheet, area, rule.formula ? "Custom" : "CellValue");
      format.formula = rule.formula;
      format.operator = rule.operator;
      format.formula1 = rule.formula1;
      format.fill = rule.fill.toUpperCase();
      model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: qualified(sheet.name, area), changeType: "RangeEdited", source: "Local" });
    },
    insertRows: (sheet, at, count) => model.insertRows(sheetNamed(sheet), at - 1, count),
    deleteRows: (sheet, at, count) => model.deleteRows(sheetNamed(sheet), at - 1, count),
    renameSheet: (from, to) => model.renameSheet(sheetNamed(from), to),
    deleteSheet: (name) => model.deleteSheet(sheetNamed(name)),
    protect(sheet, on) {
      sheetNamed(sheet).protected = on;
    },
    roundTrips: () => roundTrips.slice(),
  };
}
