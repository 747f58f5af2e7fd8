/** The stand-in's formula engine answers as Excel does on empty cells, references and errors (issue 21 item 15). */
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { FIXTURE, SEMANTICS_CASES } from "./excelSemantics";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { hostWorkbook, settled } from "./setups";

function fixture(): WorkbookModel {
  const model = new WorkbookModel();
  for (const [name, rows] of Object.entries(FIXTURE)) {
    const sheet = model.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && model.writeValue(sheet, r, c, v)));
  }
  return model;
}

describe("Excel's semantics for blanks, references and errors", () => {
  const model = fixture();
  const sheet = model.findSheet("Sheet1")!;
  test.each(SEMANTICS_CASES.map((c) => [c.formula, c.excel] as const))("%s", (formula, excel) => {
    model.writeFormula(sheet, 9, 9, formula);
    const v = model.valueAt(sheet, 9, 9);
    expect(v instanceof FormulaErrorValue ? { error: v.code } : v).toEqual(excel);
  });

  test("a conditional-format rule on a blank-budget month does not hold, as Excel leaves it uncoloured", () => {
    // The add-in's per-period rules start with ISNUMBER(...) of the month's target.
    model.writeFormula(sheet, 9, 9, "=AND(ISNUMBER(INDEX(Budget!B2:B37,5)),A1>INDEX(Budget!B2:B37,5))");
    expect(model.valueAt(sheet, 9, 9)).toBe(false);
  });
});

describe('Excel\'s TAKE and DROP ("TAKE function", "DROP function", support.microsoft.com)', () => {
  it("hand a function the rows they keep, as the formulas the pane inserts need", async () => {
    const { model, sheet } = hostWorkbook("web");
    model.functions = kpiFunctions();
    const values = [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 5, 9, 6, 5, 12, 13, 12, 14];
    values.forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, '=KPI.SPC(DROP(A1:A18,10),,"higher",,"variation")');
    model.writeFormula(sheet, 0, 3, '=KPI.SPC(A11:A18,,"higher",,"variation")');
    model.writeFormula(sheet, 0, 4, "=SUM(TAKE(A1:A18,-3))");
    // KPI.SPC answers in time slices (#BUSY! until then on a loaded machine): compare what each settles to.
    expect(await settled(model, "Data", 0, 2)).toBe(await settled(model, "Data", 0, 3));
    expect(model.valueAt(sheet, 0, 4)).toBe(39);
  });
});
