/**
 * References a formula computes: the range operator between two references and OFFSET
 * (src/workbench/excel/referenceFunctions.ts). Each case states Excel's result and its page
 * (support.microsoft.com unless named); "guess" marks a result no page settles, never more
 * forgiving than Excel.
 *
 * Fixture: referenceFixture in setups.ts.
 */
import { shown, referenceFixture, evaluate } from "./setups";

type Case = [formula: string, excel: unknown, source: string];

// "INDEX function": "the reference returned by INDEX … can be used as a reference"; its own
// example is =SUM(B2:INDEX(A2:C6,5,2)). "Calculation operators and precedence in Excel": `:`
// "produces one reference to all the cells between two references, including the two".
const RANGE_CASES: Case[] = [
  ["=SUM(A1:INDEX(A1:A5,3))", 6, "INDEX function: =SUM(B2:INDEX(A2:C6,5,2))"],
  ["=SUM(INDEX(Data!A1:A5,2):INDEX(Data!A1:A5,4))", 60, "INDEX function; SUM ignores the blank (SUM function)"],
  ["=SUM(INDEX(Vals,2):INDEX(Vals,4))", 60, "INDEX function, over a defined name"],
  ["=SUM(INDEX(Vals,4):INDEX(Vals,2))", 60, "Calculation operators: the cells between two references, in either order"],
  ["=AVERAGE(INDEX(Vals,2):INDEX(Vals,4))", 30, "AVERAGE function: empty cells in a reference are ignored"],
  ["=COUNT(INDEX(Vals,1):INDEX(Vals,5))", 4, "COUNT function: counts the cells that contain numbers"],
  ["=ROWS(INDEX(Vals,2):INDEX(Vals,ROWS(Vals)))", 4, "ROWS function of a reference"],
  ["=COLUMNS(INDEX(Data!C1:G1,1,2):INDEX(Data!C1:G1,1,5))", 4, "COLUMNS function of a reference (a row: INDEX(r,1,i))"],
  ["=SUM(INDEX(Data!C1:G1,1,2):INDEX(Data!C1:G1,1,5))", 14, "INDEX function, a row"],
  ["=SUM(INDEX(Vals,2):INDEX(Vals,9))", { error: "#REF!" }, "INDEX function: a row_num outside the reference is #REF!"],
  ["=SUM(INDEX(Vals,2):INDEX(Sheet1!A1:A5,3))", { error: "#VALUE!" }, "guess: a range between two sheets"],
  ['=SUM(INDEX(Vals,2):"x")', { error: "#VALUE!" }, "guess: a side that is no reference"],
  ["=SUM(INDEX(Vals,2):NA())", { error: "#N/A" }, "guess: an error on either side is that error"],
  ["=COLUMNS(A:B)", 2, "whole columns still read as before"],
  ["=ROWS(1:3)", 3, "whole rows still read as before"],
  ["=INDEX(Vals,2):INDEX(Vals,4)", 20, "a reference result spills from its first cell (Dynamic array formulas)"],
];

// "OFFSET function": a reference rows and cols away, of height × width (the reference's own when
// omitted); #REF! over the edge of the worksheet; #VALUE! when reference is not a reference.
const OFFSET_CASES: Case[] = [
  ["=OFFSET(A1,2,0)", 3, "OFFSET function: =OFFSET(D3,3,-2,1,1) shows the value of B6"],
  ["=SUM(OFFSET(A3:A5,-1,0,3,1))", 9, "OFFSET function: =SUM(OFFSET(C3:E5,-1,0,3,3)) sums C2:E4"],
  ["=ROWS(OFFSET(A1:A2,1,0))", 2, "OFFSET function: height omitted is the reference's"],
  ["=COLUMNS(OFFSET(A1,0,0,1,3))", 3, "OFFSET function: width"],
  ["=SUM(OFFSET(INDEX(Vals,2),0,0,3,1))", 60, "OFFSET of INDEX's reference, the add-in's year-ahead form"],
  ["=SUM(OFFSET(INDEX(Vals,4),0,0,5,1))", 90, "OFFSET past the tagged range reads the blank cells below it"],
  ["=OFFSET(A1,-1,0)", { error: "#REF!" }, "OFFSET function: over the edge of the worksheet"],
  ["=OFFSET(A1,0,-1)", { error: "#REF!" }, "OFFSET function: over the edge of the worksheet"],
  ["=OFFSET(A1,1048576,0)", { error: "#REF!" }, "OFFSET function: over the edge of the worksheet"],
  ["=OFFSET(A1048576,0,0,2,1)", { error: "#REF!" }, "guess: an area reaching past the last row"],
  ["=OFFSET(A1,0,0,0,1)", { error: "#REF!" }, "OFFSET function: height must be a positive number"],
  ["=OFFSET(5,0,0)", { error: "#VALUE!" }, "OFFSET function: reference must refer to a cell or range"],
  ['=OFFSET(A1,"x",0)', { error: "#VALUE!" }, "guess: rows that are not a number"],
  ["=OFFSET(A1,NA(),0)", { error: "#N/A" }, "an error argument propagates"],
  ["=OFFSET(A1,1.9,0)", 2, "guess: rows truncated to a whole number"],
];

describe("the range operator between computed references", () => {
  const model = referenceFixture();
  test.each(RANGE_CASES)("%s is %j in Excel (%s)", (formula, excel) => expect(evaluate(model, formula)).toEqual(excel));

  test("a range of INDEX references spills every cell, a blank as 0 (Dynamic array formulas and spilled array behavior)", () => {
    const sheet = model.findSheet("Sheet1")!;
    model.writeFormula(sheet, 9, 9, "=INDEX(Vals,2):INDEX(Vals,4)");
    expect([0, 1, 2].map((i) => shown(model.valueAt(sheet, 9 + i, 9)))).toEqual([20, 0, 40]);
  });
});

describe("OFFSET", () => {
  const model = referenceFixture();
  test.each(OFFSET_CASES)("%s is %j in Excel (%s)", (formula, excel) => expect(evaluate(model, formula)).toEqual(excel));

  test("is recalculated from the cells it reads: a new height in B1 moves its result (volatile, Excel Recalculation)", () => {
    const m = referenceFixture();
    expect(evaluate(m, "=SUM(OFFSET(A1,0,0,B1,1))")).toBe(3);
    m.writeValue(m.findSheet("Sheet1")!, 0, 1, 4);
    expect(shown(m.valueAt(m.findSheet("Sheet1")!, 9, 9))).toBe(10);
  });
});
