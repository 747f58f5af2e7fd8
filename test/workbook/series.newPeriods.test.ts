/**
 * The walk pasted 5,000 numbers under a KPI and was offered them 12 at a time: the card now
 * counts every number that follows without a gap, and one Include new periods takes them all.
 */
import { snapshot } from "../../src/workbench/snapshot";
import { countNewPeriods } from "../../src/workbook/series";
import { runWith } from "../../src/workbench/excel/api";
import { kpiInput, sampleSetup } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";

describe("numbers pasted under a KPI", () => {
  it("are offered as one extension, however many, and taken in one", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const sheet = model.findSheet("Monthly KPIs")!;
    for (let i = 0; i < 5000; i++) model.writeValue(sheet, 37 + i, 1, 1000 + (i % 50));
    expect((await workbook.refresh()).series[0].newPeriods).toBe(5000);
    await workbook.extend("REVENUE");
    expect(snapshot(model).names.find((n) => n.name === "KPI_REVENUE")!.address).toBe("'Monthly KPIs'!B2:B5037");
    expect((await workbook.refresh()).series[0].newPeriods).toBe(0);
  });

  it("stop at the first cell that is not a number, in a row as in a column", async () => {
    const { model } = sampleSetup();
    const excel = runWith(model);
    const sheet = model.findSheet("Monthly KPIs")!;
    for (let i = 0; i < 30; i++) model.writeValue(sheet, 37 + i, 1, i);
    model.writeValue(sheet, 67, 1, "n/a");
    model.writeValue(sheet, 68, 1, 5);
    expect(await countNewPeriods(excel, REVENUE)).toBe(30);
    for (let c = 0; c < 20; c++) model.writeValue(sheet, 40, 5 + c, c);
    expect(await countNewPeriods(excel, "'Monthly KPIs'!B41:E41")).toBe(20);
  });
});
