/**
 * Defined names whose formula is an expression (namedFormulas.ts), as "Define and use names in
 * formulas" (support.microsoft.com) and learn.microsoft.com "Excel.NamedItemCollection class" /
 * "Excel.NamedItemType" / "NamedItem" say; each case states Excel's result.
 */
import { FakeRequestContext } from "../../src/workbench/excel/api";
import { arrayFixture, spill, Shown } from "./setups";

describe("defined names whose formula is an expression", () => {
  function withNames() {
    const f = arrayFixture();
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
    // SUMPRODUCT leaves the name's value as it was: the same name read again after it is unchanged.
    ["=SUMPRODUCT(DOUBLED,DOUBLED)+SUM(DOUBLED)", [[60]]],
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

  // The in-memory Excel keeps a name's value until the workbook changes (namedFormulas.ts); a
  // name whose value depends on where it is used must still be computed at each use.
  describe("a name's value kept between uses", () => {
    function fillsOf(formula: string, names: Record<string, string>) {
      const { model, sheet } = withNames();
      for (const [n, f] of Object.entries(names)) model.addName(n, f);
      const format = model.addConditionalFormat(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, "Custom");
      format.formula = formula;
      format.fill = "#C6EFCE";
      const fills = () => [0, 1, 2].map((r) => model.displayedFormat(sheet, r, 0).fill);
      return { model, sheet, fills };
    }

    test("a relative reference in the name moves with each cell that uses it", () => {
      // A1*10 read from A1, A2, A3: 10, -20, 30.
      expect(fillsOf("=REL_X>15", { REL_X: "=A1*10" }).fills()).toEqual([null, null, "#C6EFCE"]);
    });

    test("ROW() in the name is the row of the cell that uses it, through another name too", () => {
      expect(fillsOf("=AT_X=2", { AT_X: "=ROW()" }).fills()).toEqual([null, "#C6EFCE", null]);
      expect(fillsOf("=OUTER_X>15", { REL_X: "=A1*10", OUTER_X: "=REL_X+0" }).fills()).toEqual([null, null, "#C6EFCE"]);
    });

    test("a kept value gives way to the cell typed after it", () => {
      const { model, sheet, fills } = fillsOf("=INDEX(BAND_X,ROWS($A$1:A1))=1", {});
      expect(fills()).toEqual(["#C6EFCE", null, "#C6EFCE"]);
      model.writeValue(sheet, 1, 0, 5);
      model.writeValue(sheet, 2, 0, -1);
      expect(fills()).toEqual(["#C6EFCE", "#C6EFCE", null]);
    });

    test("a kept value gives way to the name's new formula (NamedItem.formula)", async () => {
      const { model, fills } = fillsOf("=INDEX(BAND_X,ROWS($A$1:A1))=1", {});
      expect(fills()).toEqual(["#C6EFCE", null, "#C6EFCE"]);
      const context = new FakeRequestContext(model) as unknown as Excel.RequestContext;
      context.workbook.names.getItem("BAND_X").formula = "=IF(VALS<0,1,0)";
      await context.sync();
      expect(fills()).toEqual([null, "#C6EFCE", null]);
    });
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
