/**
 * Dynamic-array arithmetic and defined names that are formulas, as Excel 2021 and later compute
 * them; each case states Excel's result. Sources (support.microsoft.com): "Dynamic array formulas
 * and spilled array behavior" (an array result spills), "Guidelines and examples of array
 * formulas" (=F10:F19*G10:G19 cell by cell, a scalar expanded, the larger operand's rows and
 * columns with #N/A where the smaller has none), "INDEX function" (one index suffices for one row
 * or column), "ROWS function" (an array or a reference), "Define and use names in formulas" and
 * learn.microsoft.com "Excel.NamedItemCollection class" / "Excel.NamedItemType" / "NamedItem".
 */
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { FakeRequestContext } from "../../src/workbench/excel/api";

type Shown = number | string | boolean | { error: string };
const show = (v: unknown): Shown => (v instanceof FormulaErrorValue ? { error: v.code } : (v as Shown));

/** Sheet1: A1:A3 = 1, -2, 3; A4 empty; B2:J2 = 10..90; C1 = "abc". */
function fixture() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Sheet1");
  [1, -2, 3].forEach((v, i) => model.writeValue(sheet, i, 0, v));
  for (let c = 1; c < 10; c++) model.writeValue(sheet, 1, c, c * 10);
  model.writeValue(sheet, 0, 2, "abc");
  return { model, sheet };
}

/** The values a formula written in L10 shows: its spill, `rows` × `cols` from L10. */
function spill(model: WorkbookModel, formula: string, rows: number, cols: number): Shown[][] {
  const sheet = model.findSheet("Sheet1")!;
  model.writeFormula(sheet, 9, 11, formula);
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => show(model.valueAt(sheet, 9 + i, 11 + j))));
}

const NA = { error: "#N/A" };

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
    ["={1,2,3}+{10;20}", [[11, 12, 13], [21, 22, 23]]],
    ["={1,2;3,4}*{10,100;1000,10000}", [[10, 200], [3000, 40000]]],
    // Mismatched shapes: the cells beyond the smaller array are #N/A.
    ["={1,2,3}+{1,2}", [[2, 4, NA]]],
    ["=A1:A3+{1;2}", [[2], [0], [NA]]],
    // An error in one element stays in that element.
    ["=A1:A3/{1;0;1}", [[1], [{ error: "#DIV/0!" }], [3]]],
  ])("%s spills %j", (formula, excel) => {
    const { model } = fixture();
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
  ])("%s is %j", (formula, excel) => {
    const { model } = fixture();
    expect(spill(model, formula, 1, 1)).toEqual([[excel]]);
  });

  test("a custom function receives an array argument as its values", () => {
    const { model } = fixture();
    let received: unknown = null;
    const echo = (x: unknown) => ((received = x), x);
    model.functions = { allowErrorForDataTypeAny: false, functions: { "KPI.ECHO": { fn: echo, parameterCount: 1, requiresParameterAddresses: false } } };
    expect(spill(model, "=KPI.ECHO(A1:A3*2)", 3, 1)).toEqual([[2], [-4], [6]]);
    expect(received).toEqual([[2], [-4], [6]]);
  });
});

describe("defined names whose formula is an expression", () => {
  function withNames() {
    const f = fixture();
    f.model.addName("VALS", "=Sheet1!$A$1:$A$3");
    f.model.addName("DOUBLED", "=VALS*2");
    f.model.addName("BAND_X", "=IF(ISNUMBER(VALS)*(VALS>0),1,0)");
    f.model.addName("ACROSS", "=TRANSPOSE(VALS)");
    f.model.addName("SELF_X", "=SELF_X+1");
    return f;
  }

  test.each<[string, Shown[][]]>([
    ["=DOUBLED", [[2], [-4], [6]]],
    ["=BAND_X", [[1], [0], [1]]],
    ["=INDEX(DOUBLED,3)", [[6]]],
    ["=INDEX(ACROSS,1,3)", [[3]]],
    ["=ROWS(DOUBLED)", [[3]]],
    ["=COLUMNS(ACROSS)", [[3]]],
    ["=SUM(BAND_X)", [[2]]],
    ["=DOUBLED+VALS", [[3], [-6], [9]]],
    // A name that uses itself is a circular reference (Excel warns); the stand-in shows #CALC!.
    ["=SELF_X", [[{ error: "#CALC!" }]]],
  ])("%s gives %j", (formula, excel) => {
    const { model } = withNames();
    expect(spill(model, formula, excel.length, excel[0].length)).toEqual(excel);
  });

  test("follows the cells it reads", () => {
    const { model, sheet } = withNames();
    expect(spill(model, "=INDEX(DOUBLED,2)", 1, 1)).toEqual([[-4]]);
    model.writeValue(sheet, 1, 0, 7);
    expect(spill(model, "=INDEX(DOUBLED,2)", 1, 1)).toEqual([[14]]);
  });

  test("colours cells through a conditional-format rule that reads the name by position", () => {
    const { model, sheet } = withNames();
    const format = model.addConditionalFormat(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, "Custom");
    format.formula = "=INDEX(BAND_X,ROWS($A$1:A1))=1";
    format.fill = "#C6EFCE";
    expect([0, 1, 2].map((r) => model.displayedFormat(sheet, r, 0).fill)).toEqual(["#C6EFCE", null, "#C6EFCE"]);
  });

  test("NamedItemCollection.add takes a formula; type tells an array from a range; getRange refuses a non-range", async () => {
    const { model } = withNames();
    const context = new FakeRequestContext(model) as unknown as Excel.RequestContext;
    const names = context.workbook.names;
    names.add("TOTAL_X", "=SUM(VALS)");
    names.add("LABEL_X", '="kpi"');
    const items = ["VALS", "DOUBLED", "TOTAL_X", "LABEL_X", "SELF_X"].map((n) => names.getItem(n));
    items.forEach((i) => i.load("type,value"));
    await context.sync();
    expect(items.map((i) => i.type)).toEqual(["Range", "Array", "Double", "String", "Error"]);
    expect(items[2].value).toBe(2);
    const range = names.getItem("DOUBLED").getRange();
    range.load("address");
    await expect(context.sync()).rejects.toThrow(/doesn't refer to a range/);
  });

  test("refuses a formula Excel cannot parse, and still a sheet name that needs quotes", () => {
    const { model } = withNames();
    expect(() => model.addName("BROKEN_X", "=SUM(VALS")).toThrow(/incorrect format/);
    expect(() => model.addName("DANGLING_X", "=VALS*")).toThrow(/incorrect format/);
    model.addSheet("R1C1");
    expect(() => model.addName("BARE_X", "=R1C1!$A$1")).toThrow(/single quotes/);
  });
});
