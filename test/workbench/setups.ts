/**
 * The small workbooks the in-memory Excel's tests start from, one per kind of test, shared by
 * the test files of the objects they exercise (ranges, tables, charts, arrays, references).
 */
import { FakeRequestContext } from "../../src/workbench/excel/api";
import type { FunctionRegistry, Host } from "../../src/workbench/excel/customFunctionHost";
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";

/** Sheet "Data 2024" with A1:A3 = 10, 20, 30, and a request context on it. */
export function dataSheet() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data 2024");
  [10, 20, 30].forEach((v, i) => model.writeValue(sheet, i, 0, v));
  const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, sheet, ctx };
}

/** Sheet "Data" holding a table (Name, Value: a 1, b 2, c 3) at A1:B4; ctx() makes a new context. */
export function dataTable() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data");
  ["Name", "Value"].forEach((v, c) => model.writeValue(sheet, 0, c, v));
  [
    ["a", 1],
    ["b", 2],
    ["c", 3],
  ].forEach((row, r) => row.forEach((v, c) => model.writeValue(sheet, r + 1, c, v)));
  const table = model.addTable(sheet, { row: 0, col: 0, rowCount: 4, colCount: 2 }, true);
  const ctx = () => new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, sheet, table, ctx };
}

/** Sheet "Data" (A1:A3 = 10, 20, 30; B = 15; C = M1..M3) and an empty "Board" for charts. */
export function chartSheets() {
  const model = new WorkbookModel();
  const data = model.addSheet("Data");
  [10, 20, 30].forEach((v, i) => (model.writeValue(data, i, 0, v), model.writeValue(data, i, 1, 15), model.writeValue(data, i, 2, `M${i + 1}`)));
  model.addSheet("Board");
  const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, ctx, data: ctx.workbook.worksheets.getItem("Data"), board: ctx.workbook.worksheets.getItem("Board") };
}

export type Shown = number | string | boolean | { error: string };
/** A value as a test states it: an error value as { error: code }. */
export const shown = (v: unknown): Shown => (v instanceof FormulaErrorValue ? { error: v.code } : (v as Shown));
export const NA = { error: "#N/A" };

/** Sheet1: A1:A3 = 1, -2, 3; A4 empty; B2:J2 = 10..90; C1 = "abc". */
export function arrayFixture() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Sheet1");
  [1, -2, 3].forEach((v, i) => model.writeValue(sheet, i, 0, v));
  for (let c = 1; c < 10; c++) model.writeValue(sheet, 1, c, c * 10);
  model.writeValue(sheet, 0, 2, "abc");
  return { model, sheet };
}

/** The values a formula written in Sheet1!L10 shows: its spill, `rows` × `cols` from L10. */
export function spill(model: WorkbookModel, formula: string, rows: number, cols: number): Shown[][] {
  const sheet = model.findSheet("Sheet1")!;
  model.writeFormula(sheet, 9, 11, formula);
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => shown(model.valueAt(sheet, 9 + i, 11 + j))));
}

/**
 * Sheet1!A1:A5 = 1..5, B1 = 2 (a height); Data!A1:A5 = 10, 20, blank, 40, 50 and Data!C1:G1 =
 * 1..5; the name Vals = Data!$A$1:$A$5 (as the add-in's KPI_<ID> names are).
 */
export function referenceFixture(host: Host = "web"): WorkbookModel {
  const model = new WorkbookModel();
  model.host = host;
  const sheet1 = model.addSheet("Sheet1");
  const data = model.addSheet("Data");
  [1, 2, 3, 4, 5].forEach((v, r) => model.writeValue(sheet1, r, 0, v));
  model.writeValue(sheet1, 0, 1, 2);
  [10, 20, null, 40, 50].forEach((v, r) => v !== null && model.writeValue(data, r, 0, v));
  [1, 2, 3, 4, 5].forEach((v, c) => model.writeValue(data, 0, 2 + c, v));
  model.addName("Vals", "=Data!$A$1:$A$5");
  return model;
}

/** What a formula written in Sheet1!J10 shows. */
export function evaluate(model: WorkbookModel, formula: string): unknown {
  const sheet = model.findSheet("Sheet1")!;
  model.writeFormula(sheet, 9, 9, formula);
  return shown(model.valueAt(sheet, 9, 9));
}

/** A registry with one function, T.PROBE(a, b), that records what Excel passed it, with parameter addresses. */
export function probeRegistry(allowErrorForDataTypeAny: boolean, calls: unknown[][]): FunctionRegistry {
  return {
    allowErrorForDataTypeAny,
    functions: {
      "T.PROBE": {
        fn: (...args: unknown[]) => {
          calls.push(args);
          return 1;
        },
        parameterCount: 2,
        requiresParameterAddresses: true,
      },
    },
  };
}

/** An empty sheet "Data" in a workbook that behaves as Excel on the web or on Windows/Mac. */
export function hostWorkbook(host: "web" | "desktop") {
  const model = new WorkbookModel();
  model.host = host;
  const sheet = model.addSheet("Data");
  return { model, sheet };
}

/**
 * Reads a cell's value once asynchronous functions have settled (#BUSY! meanwhile), however long
 * they take on a loaded machine (jest's test timeout ends one that never settles).
 */
export async function settled(model: WorkbookModel, sheetName: string, row: number, col: number): Promise<unknown> {
  const sheet = model.findSheet(sheetName)!;
  for (;;) {
    const v = model.valueAt(sheet, row, col);
    if (!(typeof v === "object" && v !== null && (v as { code?: string }).code === "#BUSY!")) return v;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
