/** Excel.Range in the in-memory Excel (ranges.ts), as learn.microsoft.com/javascript/api/excel/excel.range says. */
import { dataSheet } from "./setups";

describe("ranges (learn.microsoft.com/javascript/api/excel/excel.range)", () => {
  it("writes the address with the sheet name quoted when it holds a space (Range.address)", async () => {
    const { ctx } = dataSheet();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("a1:b3");
    range.load("address");
    await ctx.sync();
    expect(range.address).toBe("'Data 2024'!A1:B3");
  });

  it("takes a value starting with =, + or - as a formula, numeric text as a number (Range.values)", async () => {
    const { model, sheet, ctx } = dataSheet();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("B1:B4").values = [["=SUM(A1:A3)"], ["+A1*2"], ["-7"], ["12.5"]];
    await ctx.sync();
    expect(model.valueAt(sheet, 0, 1)).toBe(60);
    expect(model.valueAt(sheet, 1, 1)).toBe(20);
    expect(model.valueAt(sheet, 2, 1)).toBe(-7);
    expect(model.valueAt(sheet, 3, 1)).toBe(12.5);
  });

  it("keeps text as text in a cell formatted as Text (@) (Range.numberFormat)", async () => {
    const { model, sheet, ctx } = dataSheet();
    const cell = ctx.workbook.worksheets.getItem("Data 2024").getRange("C1");
    cell.numberFormat = [["@"]];
    cell.values = [["=1+1"]];
    await ctx.sync();
    expect(model.valueAt(sheet, 0, 2)).toBe("=1+1");
  });

  it("rejects a values array whose shape differs from the range (Range.values)", async () => {
    const { ctx } = dataSheet();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3").values = [[1, 2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses to change a protected sheet (WorksheetProtection)", async () => {
    const { sheet, ctx } = dataSheet();
    sheet.protected = true;
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
