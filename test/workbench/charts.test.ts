/**
 * Excel.ChartCollection, Chart and ChartSeries in the in-memory Excel (charts.ts), as their
 * learn.microsoft.com pages say ("Excel.ChartSeriesCollection class", "Excel.ChartSeries class"),
 * refusing what Excel would.
 */
import { snapshot } from "../../src/workbench/snapshot";
import { dataSheet, chartSheets } from "./setups";

describe("charts (Excel.ChartCollection class, Excel.Chart class; Graph's chart: setPosition)", () => {
  it("adds a chart over another sheet's data, places it by cells, and finds the first of a name", async () => {
    const { model, ctx } = dataSheet();
    model.addSheet("Board");
    const board = ctx.workbook.worksheets.getItem("Board");
    const first = board.charts.add("Line", ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3"), "Auto");
    first.name = "Trend";
    first.title.text = "First";
    first.setPosition("B2", "H12");
    const second = board.charts.add("Line", ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A2"), "Auto");
    second.name = "Trend";
    await ctx.sync();
    const found = board.charts.getItem("Trend");
    found.load("name");
    found.title.load("text");
    board.charts.load("count");
    await ctx.sync();
    expect(found.title.text).toBe("First");
    expect(board.charts.count).toBe(2);
    expect(snapshot(model).charts[0]).toMatchObject({ sheet: "Board", source: "'Data 2024'!A1:A3", position: "B2:H12" });
  });

  it("refuses what it cannot vouch for: an unknown chart type, a ChartSeriesBy that is not one, an empty name", async () => {
    const { ctx } = dataSheet();
    const sheet = ctx.workbook.worksheets.getItem("Data 2024");
    const data = sheet.getRange("A1:A3");
    sheet.charts.add("3DPie", data, "Auto");
    await expect(ctx.sync()).rejects.toThrow(/chart type/);
    expect(() => sheet.charts.add("Line", data, "Diagonal" as never)).toThrow(/ChartSeriesBy/);
    sheet.charts.add("Line", data, "Auto").name = "";
    await expect(ctx.sync()).rejects.toThrow(/empty/);
  });
});

describe("chart series (ExcelApi 1.7: ChartSeriesCollection.add, ChartSeries.setValues and setXAxisValues)", () => {
  it("starts with the source's series, adds a named one with its values, and sets category labels", async () => {
    const { model, ctx, data, board } = chartSheets();
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
    const { model, ctx, data, board } = chartSheets();
    board.charts.add("Line", data.getRange("A1:B3"), "Auto");
    await ctx.sync();
    expect(snapshot(model).charts[0].series.map((s) => s.values)).toEqual(["Data!A1:A3", "Data!B1:B3"]);
  });

  it("refuses a block as a series' values and an index past the end", async () => {
    const first = chartSheets();
    const chart = first.board.charts.add("Line", first.data.getRange("A1:A3"), "Auto");
    chart.series.add("Budget").setValues(first.data.getRange("A1:B3"));
    await expect(first.ctx.sync()).rejects.toThrow(/one row or one column/);
    const second = chartSheets();
    second.board.charts.add("Line", second.data.getRange("A1:A3"), "Auto").series.add("Late", 5);
    await expect(second.ctx.sync()).rejects.toThrow(/out of range/);
  });
});
