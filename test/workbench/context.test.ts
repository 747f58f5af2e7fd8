/**
 * Excel.RequestContext in the in-memory Excel (context.ts): loads and writes wait in the queue until
 * sync, as "Application-specific API model" (learn.microsoft.com/office/dev/add-ins/develop/
 * application-specific-api-model) says. Each test names the page.
 */
import { dataSheet, hostWorkbook } from "./setups";
import { FakeRequestContext, PAYLOAD_LIMIT_BYTES } from "../../src/workbench/excel/api";

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

describe('limits ("Resource limits and performance optimization for Office Add-ins")', () => {
  it("Excel on the web refuses a response over 5 MB; Windows/Mac do not", async () => {
    for (const host of ["web", "desktop"] as const) {
      const { model, sheet } = hostWorkbook(host);
      for (let r = 0; r < 500_000; r++) model.writeValue(sheet, r, 0, 123456.789 + r);
      const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
      ctx.workbook.worksheets.getItem("Data").getRange("A1:A500000").load("values");
      if (host === "web") await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      else await expect(ctx.sync()).resolves.toBeUndefined();
    }
  });

  it("Excel on the web refuses a request over 5 MB before running any of it", async () => {
    const { model, sheet } = hostWorkbook("web");
    const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Data").getRange("B1").values = [[1]];
    const big = Array.from({ length: 300_000 }, () => ["some long text here"]);
    ctx.workbook.worksheets.getItem("Data").getRange("A1:A300000").values = big;
    expect(JSON.stringify(big).length).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.valueAt(sheet, 0, 1)).toBe("");
  });

  it("every host refuses to read more than five million cells at once", async () => {
    const { model } = hostWorkbook("desktop");
    const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Data").getRange("A:E").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
