/**
 * The stand-in's borders follow "Excel.RangeBorderCollection class" and "Excel.RangeBorder
 * class" (learn.microsoft.com): getItem(Excel.BorderIndex), color / style / weight read after a
 * sync and written in order; nothing Excel would refuse is accepted.
 */
import { FakeRequestContext } from "../../src/workbench/excel/api";
import { WorkbookModel } from "../../src/workbench/excel/model";

function setup() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data");
  model.writeValue(sheet, 1, 1, 42);
  const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, sheet, ctx };
}

describe("Range.format.borders", () => {
  it("reads a cell without borders as no line, and a written edge after the sync", async () => {
    const { ctx, model, sheet } = setup();
    const top = ctx.workbook.worksheets.getItem("Data").getRange("B2").format.borders.getItem("EdgeTop").load("style,color,weight");
    await ctx.sync();
    expect([top.style, top.color, top.weight]).toEqual(["None", "#000000", "Thin"]);
    const edge = ctx.workbook.worksheets.getItem("Data").getRange("B2").format.borders.getItem("EdgeTop");
    edge.style = "Dash";
    edge.color = "#7030a0";
    edge.weight = "Medium";
    // Queued, not applied, until the sync.
    expect(model.cellAt(sheet, 1, 1)?.borders).toBeUndefined();
    await ctx.sync();
    expect(model.cellAt(sheet, 1, 1)?.borders?.EdgeTop).toEqual({ style: "Dash", color: "#7030A0", weight: "Medium" });
    expect(model.valueAt(sheet, 1, 1)).toBe(42);
  });

  it("draws an edge of a larger range along that edge only", async () => {
    const { ctx, model, sheet } = setup();
    ctx.workbook.worksheets.getItem("Data").getRange("A1:C3").format.borders.getItem("EdgeBottom").style = "Continuous";
    await ctx.sync();
    expect([0, 1, 2].map((c) => model.cellAt(sheet, 2, c)?.borders?.EdgeBottom?.style)).toEqual(["Continuous", "Continuous", "Continuous"]);
    expect(model.cellAt(sheet, 1, 1)?.borders).toBeUndefined();
  });

  it("refuses an unknown index, style or weight, and what the stand-in does not model", async () => {
    const { ctx } = setup();
    const borders = ctx.workbook.worksheets.getItem("Data").getRange("B2").format.borders;
    expect(() => borders.getItem("Top" as Excel.BorderIndex)).toThrow(/invalid/i);
    expect(() => borders.getItem("InsideVertical")).toThrow(/does not model/);
    borders.getItem("EdgeLeft").style = "Dashed" as Excel.BorderLineStyle;
    await expect(ctx.sync()).rejects.toThrow(/invalid/i);
    borders.getItem("EdgeLeft").weight = "Bold" as Excel.BorderWeight;
    await expect(ctx.sync()).rejects.toThrow(/invalid/i);
  });

  it("refuses a border on a protected sheet, as every format write there", async () => {
    const { ctx, sheet } = setup();
    sheet.protected = true;
    ctx.workbook.worksheets.getItem("Data").getRange("B2").format.borders.getItem("EdgeTop").style = "Dash";
    await expect(ctx.sync()).rejects.toThrow();
  });
});
