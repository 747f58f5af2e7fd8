/** Excel.SettingCollection in the in-memory Excel (settings.ts), as its learn.microsoft.com page says. */
import { dataSheet } from "./setups";

describe("settings (learn.microsoft.com/javascript/api/excel/excel.settingcollection)", () => {
  it("stores JSON values by key", async () => {
    const { ctx } = dataSheet();
    ctx.workbook.settings.add("k", { a: [1, 2] });
    const s = ctx.workbook.settings.getItemOrNullObject("k");
    s.load("value");
    await ctx.sync();
    expect(s.value).toEqual({ a: [1, 2] });
  });
});
