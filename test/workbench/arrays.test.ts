/**
 * Dynamic-array arithmetic and defined names that are formulas, as Excel 2021 and later compute
 * them; each case states Excel's result. Sources (support.microsoft.com): "Dynamic array formulas
 * and spilled array behavior" (an array result spills), "Guidelines and examples of array
 * formulas" (=F10:F19*G10:G19 cell by cell, a scalar expanded, the larger operand's rows and
 * columns with #N/A where the smaller has none), "INDEX function" (one index suffices for one row
 * or column), "ROWS function" (an array or a reference), "Define and use names in formulas" and
 * learn.microsoft.com "Excel.NamedItemCollection class" / "Excel.NamedItemType" / "NamedItem".
 */
import { arrayFixture, spill, NA, Shown } from "./setups";

describe("array arithmetic (dynamic arrays)", () => {
  test.each<[string, Shown[][]]>([
    ["=A1:A3*A1:A3", [[1], [4], [9]]],
    ["=A1:A3*2", [[2], [-4], [6]]],
    ["=A1:A3-ABS(A1:A3)*0.1", [[0.9], [-2.2], [2.7]]],
    ["=-A1:A3", [[-1], [2], [-3]]],
    ["=A1:A3%", [[0.01], [-0.02], [0.03]]],
    ['=A1:A3&"x"', [["1x"], ["-2x"], ["3x"]]],
    ["=A1:A3>0", [[true], [false], [true]]],
    ["=ABS(A1:A3)", [[1], [2], [3]]],
    ["=ISNUMBER(A1:A4)", [[true], [true], [true], [false]]],
    ["=ISBLANK(A1:A4)", [[false], [false], [false], [true]]],
    ["=N(A1:A4)", [[1], [-2], [3], [0]]],
    ['=IF(A1:A3>0,A1:A3,"neg")', [[1], ["neg"], [3]]],
    ["=IF(ISNUMBER(A1:A4)*(A1:A4>0),1,0)", [[1], [0], [1], [0]]],
    ["=TRANSPOSE(A1:A3)*10", [[10, -20, 30]]],
    // A column and a row broadcast to a grid; equal shapes pair element by element.
    [
      "={1,2,3}+{10;20}",
      [
        [11, 12, 13],
        [21, 22, 23],
      ],
    ],
    [
      "={1,2;3,4}*{10,100;1000,10000}",
      [
        [10, 200],
        [3000, 40000],
      ],
    ],
    // Mismatched shapes: the cells beyond the smaller array are #N/A.
    ["={1,2,3}+{1,2}", [[2, 4, NA]]],
    ["=A1:A3+{1;2}", [[2], [0], [NA]]],
    // An error in one element stays in that element.
    ["=A1:A3/{1;0;1}", [[1], [{ error: "#DIV/0!" }], [3]]],
  ])("%s spills %j", (formula, excel) => {
    const { model } = arrayFixture();
    expect(spill(model, formula, excel.length, excel[0].length)).toEqual(excel);
  });

  test.each<[string, Shown]>([
    ["=SUM(A1:A3*A1:A3)", 14],
    ["=SUM(A1:A3*2)", 4],
    ["=ROWS(TRANSPOSE(A1:A3))", 1],
    ["=COLUMNS(TRANSPOSE(A1:A3))", 3],
    // INDEX of one row with one index is that row's n-th cell ("INDEX function").
    ["=INDEX(B2:J2,5)", 50],
    ["=INDEX(TRANSPOSE(A1:A3),3)", 3],
    ["=INDEX(A1:A3,2)", -2],
    ["=INDEX(B2:J2,10)", { error: "#REF!" }],
    // "SUMPRODUCT function": products summed; non-numeric entries (text, blank) as 0; arrays of other sizes #VALUE!; an error entry its error.
    ["=SUMPRODUCT(A1:A3,A1:A3)", 14],
    ["=SUMPRODUCT(A1:A4,A1:A4)", 14],
    ["=SUMPRODUCT(C1:C3,A1:A3)", -40],
    ["=SUMPRODUCT((A1:A3>0)*1,A1:A3)", 4],
    ["=SUMPRODUCT(A1:A3,B1:B2)", { error: "#VALUE!" }],
    ["=SUMPRODUCT(A1:A3/{1;0;1})", { error: "#DIV/0!" }],
    // "LN function": the logarithm of a positive number; of 0, a negative number or a blank, #NUM! (never an infinity).
    ["=LN(1)", 0],
    ["=LN(0)", { error: "#NUM!" }],
    ["=LN(A2)", { error: "#NUM!" }],
    ["=LN(A4)", { error: "#NUM!" }],
    ["=ISNUMBER(LN(A1:A4))*1", 1],
  ])("%s is %j", (formula, excel) => {
    const { model } = arrayFixture();
    expect(spill(model, formula, 1, 1)).toEqual([[excel]]);
  });

  test("a custom function receives an array argument as its values", () => {
    const { model } = arrayFixture();
    let received: unknown = null;
    const echo = (x: unknown) => ((received = x), x);
    model.functions = { allowErrorForDataTypeAny: false, functions: { "KPI.ECHO": { fn: echo, parameterCount: 1, requiresParameterAddresses: false } } };
    expect(spill(model, "=KPI.ECHO(A1:A3*2)", 3, 1)).toEqual([[2], [-4], [6]]);
    expect(received).toEqual([[2], [-4], [6]]);
  });
});
