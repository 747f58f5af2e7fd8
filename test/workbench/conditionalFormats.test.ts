/**
 * Excel.ConditionalFormatCollection in the in-memory Excel (conditionalFormats.ts), as its
 * learn.microsoft.com page says, and the length of a rule's formula (issue 21 item 7).
 */
import { snapshot } from "../../src/workbench/snapshot";
import { dataSheet, dataTable } from "./setups";
import { CF_RULE_FORMULA_MAX_LENGTH } from "../../src/workbench/excel/conditionalFormats";

describe("conditional formats (learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection)", () => {
  it("applies a custom rule written for the top-left cell to every cell, relative references shifted", async () => {
    const { model, ctx } = dataSheet();
    const format = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3").conditionalFormats.add("Custom");
    format.custom.rule.formula = "=A1>15";
    format.custom.format.fill.color = "#FFC7CE";
    await ctx.sync();
    expect(snapshot(model).sheets[0].fills.map((r) => r[0])).toEqual([null, "#FFC7CE", "#FFC7CE"]);
  });

  it("puts a new format at the top of the priority order (ConditionalFormatCollection.add)", async () => {
    const { model, ctx } = dataSheet();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3");
    const first = range.conditionalFormats.add("Custom");
    first.custom.rule.formula = "=TRUE";
    first.custom.format.fill.color = "#111111";
    const second = range.conditionalFormats.add("Custom");
    second.custom.rule.formula = "=TRUE";
    second.custom.format.fill.color = "#222222";
    await ctx.sync();
    expect(snapshot(model).sheets[0].fills[0][0]).toBe("#222222");
  });

  it("compares a blank as 0 and ranks text above numbers in a cell-value rule (Excel's comparison order)", async () => {
    const { model, sheet, ctx } = dataSheet();
    model.writeValue(sheet, 1, 0, null);
    model.writeValue(sheet, 2, 0, "text");
    const format = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3").conditionalFormats.add("CellValue");
    format.cellValue.rule = { operator: "LessThan", formula1: "5" };
    format.cellValue.format.fill.color = "#FFC7CE";
    await ctx.sync();
    // 10 is not below 5; the blank counts as 0 and is; text ranks above every number and is not.
    expect(snapshot(model).sheets[0].fills.map((r) => r[0])).toEqual([null, "#FFC7CE", null]);
  });

  it("lists only the formats overlapping a range, and deletes one without touching others", async () => {
    const { model, ctx } = dataSheet();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3");
    range.conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
    ctx.workbook.worksheets.getItem("Data 2024").getRange("B1").conditionalFormats.add("Custom").custom.rule.formula = "=FALSE";
    await ctx.sync();
    const formats = ctx.workbook.worksheets.getItem("Data 2024").getRange("A2").conditionalFormats;
    formats.load("items/type");
    await ctx.sync();
    expect(formats.items).toHaveLength(1);
    formats.items[0].delete();
    await ctx.sync();
    expect(model.conditionalFormats).toHaveLength(1);
  });
});

describe("a conditional-format rule's formula is at most 255 characters (Excel's dialog; a guess for the API)", () => {
  const rule = (n: number) => `=AND(B2>0,${"1".repeat(n - 13)}>0)`;

  it("accepts a formula of exactly the limit and refuses one character more, writing nothing", async () => {
    const { model, ctx } = dataTable();
    expect(rule(CF_RULE_FORMULA_MAX_LENGTH)).toHaveLength(255);
    const c = ctx();
    const ok = c.workbook.worksheets
      .getItem("Data")
      .getRange("B2:B4")
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    ok.custom.rule.formula = rule(255);
    await c.sync();
    expect(model.conditionalFormats[0].formula).toBe(rule(255));
    const c2 = ctx();
    const long = c2.workbook.worksheets
      .getItem("Data")
      .getRange("B2:B4")
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    long.custom.rule.formula = rule(256);
    await expect(c2.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.conditionalFormats.map((f) => f.formula).filter((f) => f && f.length > 255)).toEqual([]);
  });

  it("holds for a cell-value rule's operands too", async () => {
    const { ctx } = dataTable();
    const c = ctx();
    const f = c.workbook.worksheets
      .getItem("Data")
      .getRange("B2:B4")
      .conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    f.cellValue.rule = { operator: "GreaterThan", formula1: `=${"1+".repeat(130)}1` };
    await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
