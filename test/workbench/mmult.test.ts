/**
 * The stand-in's MMULT (fast-formula-parser's) answers as its page has it ("MMULT function",
 * support.microsoft.com): the matrix product, "the same number of rows as array1 and the same
 * number of columns as array2"; #VALUE! where "any cells are empty or contain text" or "the number
 * of columns in array1 is different from the number of rows in array2". The Scorecard's "As of"
 * (core/excel/scorecard.ts asOfFormula) counts each period's closes and reopens with it.
 */
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";

function sheet() {
  const model = new WorkbookModel();
  const s = model.addSheet("Data");
  // A1:B2 = 1 2 / 3 4; C1:C2 = 5, 6; D1:D2 "five", 7; E1:E2 TRUE, 1; F1:F2 empty, 7.
  [
    [1, 2, 5, "five", true, null],
    [3, 4, 6, 7, 1, 7],
  ].forEach((row, r) => row.forEach((v, c) => v !== null && model.writeValue(s, r, c, v)));
  const value = (formula: string) => {
    model.writeFormula(s, 9, 9, formula);
    const v = model.valueAt(s, 9, 9);
    return v instanceof FormulaErrorValue ? v.code : v;
  };
  return { value };
}

describe('MMULT as "MMULT function" has it', () => {
  it("is the matrix product, array1's rows by array2's columns", () => {
    const { value } = sheet();
    // {1,2;3,4} x {5;6} = {1*5+2*6; 3*5+4*6} = {17; 39}, a 2 x 1 array.
    expect([value("=INDEX(MMULT(A1:B2,C1:C2),1)"), value("=INDEX(MMULT(A1:B2,C1:C2),2)")]).toEqual([17, 39]);
    expect([value("=ROWS(MMULT(A1:B2,C1:C2))"), value("=COLUMNS(MMULT(A1:B2,C1:C2))")]).toEqual([2, 1]);
    // {5,6} x {1,2;3,4} = {5+18, 10+24}: one row, two columns.
    expect([value("=INDEX(MMULT({5,6},A1:B2),1,1)"), value("=INDEX(MMULT({5,6},A1:B2),1,2)")]).toEqual([23, 34]);
    // An array a formula computes is an array as a range is.
    expect(value("=INDEX(MMULT((A1:B2>2)*1,C1:C2),2)")).toBe(11);
  });

  it("is #VALUE! for text, an empty cell, a logical value, and sizes that do not fit", () => {
    const { value } = sheet();
    // The same two rows of numbers multiply (C1:C2); with text (D) or an empty cell (F) in them they do not.
    expect(value("=INDEX(MMULT(A1:B1,C1:C2),1)")).toBe(17);
    expect(value("=MMULT(A1:B1,D1:D2)")).toBe("#VALUE!");
    expect(value("=MMULT(A1:B1,F1:F2)")).toBe("#VALUE!");
    // "both arrays must contain only numbers": TRUE, and a comparison not made a number, are not.
    expect(value("=MMULT(A1:B1,E1:E2)")).toBe("#VALUE!");
    expect(value("=MMULT(A1:B2>2,C1:C2)")).toBe("#VALUE!");
    // Two columns by three rows.
    expect(value("=MMULT(A1:B2,{1;2;3})")).toBe("#VALUE!");
  });
});
