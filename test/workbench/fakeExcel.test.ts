/**
 * The in-memory Excel behaves as Excel's documentation says. Each test names the page.
 */
import { FakeRequestContext } from "../../src/workbench/excel/api";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { snapshot } from "../../src/workbench/snapshot";

function setup() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data 2024");
  [10, 20, 30].forEach((v, i) => model.writeValue(sheet, i, 0, v));
  const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, sheet, ctx };
}

describe("load and sync (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model)", () => {
  it("refuses to read a property that was not loaded and synced", async () => {
    const { ctx } = setup();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3");
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([[10], [20], [30]]);
  });

  it("queues writes until sync, and runs the queue in order", async () => {
    const { model, sheet, ctx } = setup();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("B1");
    range.values = [[5]];
    expect(model.valueAt(sheet, 0, 1)).toBe("");
    const after = ctx.workbook.worksheets.getItem("Data 2024").getRange("B1");
    after.load("values");
    await ctx.sync();
    expect(after.values).toEqual([[5]]);
    expect(model.syncCount).toBe(1);
  });

  it("gives *OrNullObject an isNullObject after sync instead of failing (OrNullObject methods and properties)", async () => {
    const { ctx } = setup();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    const there = ctx.workbook.worksheets.getItemOrNullObject("data 2024");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(there.isNullObject).toBe(false);
  });

  it("fails a batch that navigates from a null object before checking isNullObject", async () => {
    const { ctx } = setup();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    missing.getRange("A1").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
  });

  it("fails the sync with ItemNotFound for getItem of something missing, keeping what ran before", async () => {
    const { model, sheet, ctx } = setup();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("C1").values = [[1]];
    ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(model.valueAt(sheet, 0, 2)).toBe(1);
  });
});

describe("ranges (learn.microsoft.com/javascript/api/excel/excel.range)", () => {
  it("writes the address with the sheet name quoted when it holds a space (Range.address)", async () => {
    const { ctx } = setup();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("a1:b3");
    range.load("address");
    await ctx.sync();
    expect(range.address).toBe("'Data 2024'!A1:B3");
  });

  it("takes a value starting with =, + or - as a formula, numeric text as a number (Range.values)", async () => {
    const { model, sheet, ctx } = setup();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("B1:B4").values = [["=SUM(A1:A3)"], ["+A1*2"], ["-7"], ["12.5"]];
    await ctx.sync();
    expect(model.valueAt(sheet, 0, 1)).toBe(60);
    expect(model.valueAt(sheet, 1, 1)).toBe(20);
    expect(model.valueAt(sheet, 2, 1)).toBe(-7);
    expect(model.valueAt(sheet, 3, 1)).toBe(12.5);
  });

  it("keeps text as text in a cell formatted as Text (@) (Range.numberFormat)", async () => {
    const { model, sheet, ctx } = setup();
    const cell = ctx.workbook.worksheets.getItem("Data 2024").getRange("C1");
    cell.numberFormat = [["@"]];
    cell.values = [["=1+1"]];
    await ctx.sync();
    expect(model.valueAt(sheet, 0, 2)).toBe("=1+1");
  });

  it("rejects a values array whose shape differs from the range (Range.values)", async () => {
    const { ctx } = setup();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3").values = [[1, 2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses to change a protected sheet (WorksheetProtection)", async () => {
    const { sheet, ctx } = setup();
    sheet.protected = true;
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("tables (learn.microsoft.com/javascript/api/excel/excel.tablecollection)", () => {
  it("gives a table made from a header row alone one empty data row (TableCollection.add)", async () => {
    const { model, ctx } = setup();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("D1:E1").values = [["a", "b"]];
    const table = ctx.workbook.tables.add("'Data 2024'!D1:E1", true);
    const body = table.getDataBodyRange();
    body.load("address");
    await ctx.sync();
    expect(body.address).toBe("'Data 2024'!D2:E2");
    expect(model.tables[0].columns).toEqual(["a", "b"]);
  });

  it("appends rows with rows.add and moves the cells below the table down (TableRowCollection.add)", async () => {
    const { model, sheet, ctx } = setup();
    model.writeValue(sheet, 0, 3, "h");
    model.writeValue(sheet, 1, 3, 1);
    model.writeValue(sheet, 5, 3, "below");
    const table = ctx.workbook.tables.add("'Data 2024'!D1:D2", true);
    table.rows.add(undefined, [[2]]);
    await ctx.sync();
    expect(model.valueAt(sheet, 2, 3)).toBe(2);
    expect(model.valueAt(sheet, 6, 3)).toBe("below");
  });
});

describe("names (learn.microsoft.com/javascript/api/excel/excel.nameditemcollection)", () => {
  it("follows rows inserted above the range, and refers to #REF! when its rows are deleted (NamedItem.formula)", async () => {
    const { model, sheet, ctx } = setup();
    ctx.workbook.names.add("Series", "='Data 2024'!$A$1:$A$3");
    await ctx.sync();
    model.insertRows(sheet, 0, 2);
    expect(snapshot(model).names[0]).toEqual({ name: "Series", formula: "='Data 2024'!$A$3:$A$5", address: "'Data 2024'!A3:A5" });
    model.deleteRows(sheet, 2, 3);
    expect(snapshot(model).names[0].address).toBeNull();
    expect(snapshot(model).names[0].formula).toBe("=#REF!");
  });

  it("follows a sheet rename (Worksheet.name)", async () => {
    const { model, sheet, ctx } = setup();
    ctx.workbook.names.add("Series", "='Data 2024'!$A$1:$A$3");
    await ctx.sync();
    model.renameSheet(sheet, "Actuals");
    expect(snapshot(model).names[0].formula).toBe("=Actuals!$A$1:$A$3");
  });
});

describe("conditional formats (learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection)", () => {
  it("applies a custom rule written for the top-left cell to every cell, relative references shifted", async () => {
    const { model, ctx } = setup();
    const format = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3").conditionalFormats.add("Custom");
    format.custom.rule.formula = "=A1>15";
    format.custom.format.fill.color = "#FFC7CE";
    await ctx.sync();
    expect(snapshot(model).sheets[0].fills.map((r) => r[0])).toEqual([null, "#FFC7CE", "#FFC7CE"]);
  });

  it("puts a new format at the top of the priority order (ConditionalFormatCollection.add)", async () => {
    const { model, ctx } = setup();
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
    const { model, sheet, ctx } = setup();
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
    const { model, ctx } = setup();
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

describe("settings (learn.microsoft.com/javascript/api/excel/excel.settingcollection)", () => {
  it("stores JSON values by key", async () => {
    const { ctx } = setup();
    ctx.workbook.settings.add("k", { a: [1, 2] });
    const s = ctx.workbook.settings.getItemOrNullObject("k");
    s.load("value");
    await ctx.sync();
    expect(s.value).toEqual({ a: [1, 2] });
  });
});

describe("events and selection (learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member)", () => {
  it("raises onChanged after a change, outside the batch that made it, until the handler is removed", async () => {
    const { ctx } = setup();
    const seen: unknown[] = [];
    const handler = ctx.workbook.worksheets.onChanged.add(async (e) => void seen.push(e));
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A1").values = [[1]];
    await ctx.sync();
    expect(seen).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([expect.objectContaining({ type: "WorksheetChanged", address: "'Data 2024'!A1", changeType: "RangeEdited" })]);
    handler.remove();
    await ctx.sync();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A2").values = [[2]];
    await ctx.sync();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(1);
  });

  it("selects a range with Range.select and reads it back with getSelectedRange (Workbook.getSelectedRange)", async () => {
    const { ctx } = setup();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A2:A3").select();
    const selected = ctx.workbook.getSelectedRange();
    selected.load("address");
    await ctx.sync();
    expect(selected.address).toBe("'Data 2024'!A2:A3");
  });
});

describe("charts (Excel.ChartCollection class, Excel.Chart class; Graph's chart: setPosition)", () => {
  it("adds a chart over another sheet's data, places it by cells, and finds the first of a name", async () => {
    const { model, ctx } = setup();
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
    const { ctx } = setup();
    const sheet = ctx.workbook.worksheets.getItem("Data 2024");
    const data = sheet.getRange("A1:A3");
    sheet.charts.add("3DPie", data, "Auto");
    await expect(ctx.sync()).rejects.toThrow(/chart type/);
    expect(() => sheet.charts.add("Line", data, "Diagonal" as never)).toThrow(/ChartSeriesBy/);
    sheet.charts.add("Line", data, "Auto").name = "";
    await expect(ctx.sync()).rejects.toThrow(/empty/);
  });
});

describe("table columns (Excel.TableColumnCollection class: add)", () => {
  it("adds a named column at the end, and refuses when the cells to its right are not empty (a guess, on the strict side)", async () => {
    const { model, sheet, ctx } = setup();
    model.writeValue(sheet, 1, 1, 1);
    const table = model.addTable(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, true);
    ctx.workbook.tables.getItem(table.name).columns.add(undefined, undefined, "Note");
    await expect(ctx.sync()).rejects.toThrow(/not empty/);
    model.writeValue(sheet, 1, 1, null);
    ctx.workbook.tables.getItem(table.name).columns.add(undefined, undefined, "Note");
    await ctx.sync();
    expect(table.columns).toEqual(["10", "Note"]);
  });
});
