/** Excel.WorksheetCollection's events and the selection in the in-memory Excel (worksheets.ts), as its learn.microsoft.com page says. */
import { dataSheet } from "./setups";

describe("events and selection (learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onchanged-member)", () => {
  it("raises onChanged after a change, outside the batch that made it, until the handler is removed", async () => {
    const { ctx } = dataSheet();
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
    const { ctx } = dataSheet();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("A2:A3").select();
    const selected = ctx.workbook.getSelectedRange();
    selected.load("address");
    await ctx.sync();
    expect(selected.address).toBe("'Data 2024'!A2:A3");
  });
});
