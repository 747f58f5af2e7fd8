/**
 * The stand-in's chart series and page layout behave as their learn.microsoft.com pages say
 * ("Excel.ChartSeriesCollection class", "Excel.ChartSeries class", "Excel.PageLayout class",
 * "Excel.PageLayoutZoomOptions interface"), and refuse what Excel would.
 */
import { FakeRequestContext } from "../../src/workbench/excel/api";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { snapshot } from "../../src/workbench/snapshot";

function setup() {
  const model = new WorkbookModel();
  const data = model.addSheet("Data");
  [10, 20, 30].forEach((v, i) => (model.writeValue(data, i, 0, v), model.writeValue(data, i, 1, 15), model.writeValue(data, i, 2, `M${i + 1}`)));
  model.addSheet("Board");
  const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, ctx, data: ctx.workbook.worksheets.getItem("Data"), board: ctx.workbook.worksheets.getItem("Board") };
}

describe("chart series (ExcelApi 1.7: ChartSeriesCollection.add, ChartSeries.setValues and setXAxisValues)", () => {
  it("starts with the source's series, adds a named one with its values, and sets category labels", async () => {
    const { model, ctx, data, board } = setup();
    const chart = board.charts.add("Line", data.getRange("A1:A3"), "Auto");
    chart.series.getItemAt(0).name = "Actual";
    const budget = chart.series.add("Budget");
    budget.setValues(data.getRange("B1:B3"));
    chart.series.getItemAt(0).setXAxisValues(data.getRange("C1:C3"));
    chart.series.load("count");
    await ctx.sync();
    expect(chart.series.count).toBe(2);
    expect(snapshot(model).charts[0].series).toEqual([
      { name: "Actual", values: "Data!A1:A3", xValues: "Data!C1:C3" },
      { name: "Budget", values: "Data!B1:B3", xValues: null },
    ]);
  });

  it("makes a series per column of a block, along its longer side", async () => {
    const { model, ctx, data, board } = setup();
    board.charts.add("Line", data.getRange("A1:B3"), "Auto");
    await ctx.sync();
    expect(snapshot(model).charts[0].series.map((s) => s.values)).toEqual(["Data!A1:A3", "Data!B1:B3"]);
  });

  it("refuses a block as a series' values and an index past the end", async () => {
    const first = setup();
    const chart = first.board.charts.add("Line", first.data.getRange("A1:A3"), "Auto");
    chart.series.add("Budget").setValues(first.data.getRange("A1:B3"));
    await expect(first.ctx.sync()).rejects.toThrow(/one row or one column/);
    const second = setup();
    second.board.charts.add("Line", second.data.getRange("A1:A3"), "Auto").series.add("Late", 5);
    await expect(second.ctx.sync()).rejects.toThrow(/out of range/);
  });
});

describe("page layout (ExcelApi 1.9: Worksheet.pageLayout)", () => {
  it("sets the orientation, a fit to one page and the print area", async () => {
    const { model, ctx, board } = setup();
    board.pageLayout.orientation = "Landscape";
    board.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    board.pageLayout.setPrintArea(board.getRange("A1:P40"));
    board.pageLayout.load("orientation, zoom");
    await ctx.sync();
    expect(board.pageLayout.orientation).toBe("Landscape");
    expect(board.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    expect(model.findSheet("Board")!.page).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, printArea: { row: 0, col: 0, rowCount: 40, colCount: 16 } });
  });

  it("starts at Excel's defaults and refuses an unknown orientation, a scale out of 10 to 400, or a scale with a fit", async () => {
    const { ctx, board } = setup();
    board.pageLayout.load("orientation, zoom");
    await ctx.sync();
    expect([board.pageLayout.orientation, board.pageLayout.zoom]).toEqual(["Portrait", { scale: 100 }]);
    const bads: ((layout: Excel.PageLayout) => void)[] = [
      (layout) => (layout.orientation = "Sideways" as Excel.PageOrientation),
      (layout) => (layout.zoom = { scale: 5 }),
      (layout) => (layout.zoom = { scale: 50, verticalFitToPages: 1 }),
    ];
    for (const bad of bads) {
      const again = setup();
      bad(again.board.pageLayout);
      await expect(again.ctx.sync()).rejects.toThrow(/PageOrientation|between 10 and 400|not both/);
      expect(again.model.findSheet("Board")!.page?.orientation ?? "Portrait").toBe("Portrait");
    }
  });
});
