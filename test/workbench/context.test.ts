/**
 * Excel.RequestContext in the in-memory Excel (context.ts): loads and writes wait in the queue until
 * sync, as "Application-specific API model" (learn.microsoft.com/office/dev/add-ins/develop/
 * application-specific-api-model) says. Each test names the page.
 */
import { dataSheet } from "./setups";

describe("load and sync (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model)", () => {
  it("refuses to read a property that was not loaded and synced", async () => {
    const { ctx } = dataSheet();
    const range = ctx.workbook.worksheets.getItem("Data 2024").getRange("A1:A3");
    expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
    range.load("values");
    expect(() => range.values).toThrow(/not available/);
    await ctx.sync();
    expect(range.values).toEqual([[10], [20], [30]]);
  });

  it("queues writes until sync, and runs the queue in order", async () => {
    const { model, sheet, ctx } = dataSheet();
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
    const { ctx } = dataSheet();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    const there = ctx.workbook.worksheets.getItemOrNullObject("data 2024");
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    expect(there.isNullObject).toBe(false);
  });

  it("fails a batch that navigates from a null object before checking isNullObject", async () => {
    const { ctx } = dataSheet();
    const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
    missing.getRange("A1").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
  });

  it("fails the sync with ItemNotFound for getItem of something missing, keeping what ran before", async () => {
    const { model, sheet, ctx } = dataSheet();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("C1").values = [[1]];
    ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(model.valueAt(sheet, 0, 2)).toBe(1);
  });
});
