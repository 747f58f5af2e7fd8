/**
 * Include new periods for a block of segments: the sample's conversion by region ('Regions'!B3:E38
 * under a header row of the regions, visits in H3:K38, a target per region in B40:E40) gets
 * January typed in row 39. The block, its denominators, the register's text and the colours grow
 * by that row; the target row below is never taken for a period, nor is a row partly typed.
 * Expected figures are the cells' own, summed here.
 */
import { kpiStatus } from "../support/functions";
import { regionsConversion } from "../support/regionsConversion";
import { beforeSyncNumber } from "../support/beforeSync";
import { sampleSetup, syncsOf } from "../support/workbench";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { SegmentSeries } from "../../src/workbook/segmentsRead";

const BLOCK = "'Regions'!A2:E38";
const NEW_ROW = 38;
const FILL_OF: Record<string, string | null> = {
  "On track": BAND_LOOK.on.fill,
  "At risk": BAND_LOOK.risk.fill,
  "Off track": BAND_LOOK.off.fill,
  "No data": null,
};

/** January typed below the block: each region's orders (B..E) and visits (H..K) in row 39; `regions` of the four. */
function typeJanuary(model: WorkbookModel, regions = 4): { orders: number[]; visits: number[] } {
  const sheet = model.findSheet("Regions")!;
  const orders = [410, 270, 350, 150].slice(0, regions);
  const visits = [13_100, 8_800, 11_000, 7_300].slice(0, regions);
  model.writeValue(sheet, NEW_ROW, 0, "2026-01");
  orders.forEach((v, s) => model.writeValue(sheet, NEW_ROW, 1 + s, v));
  visits.forEach((v, s) => model.writeValue(sheet, NEW_ROW, 7 + s, v));
  return { orders, visits };
}

const seriesOf = async (workbook: ReturnType<typeof sampleSetup>["workbook"]) =>
  (await workbook.refresh()).series.find((s) => s.id === "CONV") as SegmentSeries;

describe("a block of segments gets a new period below it", () => {
  it("offers one new period (the target row under it is not one), and Include grows the block, its denominators and its colours", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(regionsConversion(), BLOCK, "CONV");
    const { orders, visits } = typeJanuary(model);
    expect((await seriesOf(workbook)).newPeriods).toBe(1);

    await workbook.extend("CONV");
    expect(model.findName("KPI_CONV")).toMatchObject({ formula: "=Regions!$B$3:$E$39" });
    expect(model.findName("KPIDenom_CONV")).toMatchObject({ formula: "=Regions!$H$3:$K$39" });
    expect(model.findName("KPITarget_CONV")).toMatchObject({ formula: "=Regions!$B$40:$E$40" });
    const register = (await workbook.readRegister()).kpis.find((k) => k.id === "CONV")!;
    expect(register).toMatchObject({ source: "Regions!$B$3:$E$39", denominatorRange: "Regions!$H$3:$K$39", segments: "columns" });

    const got = await seriesOf(workbook);
    expect(got.problem).toBeNull();
    expect(got.newPeriods).toBe(0);
    expect(got.values).toHaveLength(37);
    expect(got.segments!.values.map((v) => v[36])).toEqual(orders);
    // The total of a rate is Σ orders / Σ visits, as its card shows it.
    expect(got.values[36]).toBe(orders.reduce((a, b) => a + b, 0));
    expect(got.denominators![36]).toBe(visits.reduce((a, b) => a + b, 0));

    // January's cells are coloured by their own region's rate against its own target (row 40).
    const sheet = model.findSheet("Regions")!;
    const targets = [1, 2, 3, 4].map((c) => model.valueAt(sheet, 39, c) as number);
    orders.forEach((o, s) => {
      const rate = o / visits[s];
      const status = kpiStatus([[rate]], [[targets[s]]], [[targets[s] * 0.9]], "higher")[0][0] as string;
      expect([s, model.displayedFormat(sheet, NEW_ROW, 1 + s).fill]).toEqual([s, FILL_OF[status]]);
    });
  });

  it("offers nothing while a region of the new month is still blank", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(regionsConversion(), BLOCK, "CONV");
    typeJanuary(model, 3);
    expect((await seriesOf(workbook)).newPeriods).toBe(0);
  });

  it("grows a block of amounts with one target (no denominators, no target row) by its name and its register text", async () => {
    const { model, workbook } = sampleSetup();
    // A sheet without the target row under the block: row 40's numbers would be a period of their own.
    [1, 2, 3, 4].forEach((c) => model.writeValue(model.findSheet("Regions")!, 39, c, ""));
    await workbook.tag(
      regionsConversion({ name: "Orders by region", targetRange: "", denominatorRange: "", target: 300, atRisk: 250, atRiskPercent: null }),
      BLOCK,
      "CONV",
    );
    const { orders } = typeJanuary(model);
    expect((await seriesOf(workbook)).newPeriods).toBe(1);
    await workbook.extend("CONV");
    expect(model.findName("KPI_CONV")).toMatchObject({ formula: "=Regions!$B$3:$E$39" });
    expect(model.findName("KPIDenom_CONV")).toBeUndefined();
    const got = await seriesOf(workbook);
    expect(got.values[36]).toBe(orders.reduce((a, b) => a + b, 0));
    const last = (await workbook.history("CONV")).pop()!;
    expect([last.field, last.old, last.new]).toEqual(["Source", "Regions!$B$3:$E$38", "Regions!$B$3:$E$39"]);
  });
});

describe("co-authors while a block's new period is included", () => {
  it("a second pane includes it between the read and the write: this one reads again, finds nothing new, and the block grows once", async () => {
    const first = sampleSetup();
    await first.workbook.tag(regionsConversion(), BLOCK, "CONV");
    typeJanuary(first.model);
    const n = await syncsOf(first.model, () => first.workbook.extend("CONV"));
    // Each sync of the include, the other pane's include just before it.
    for (let k = 0; k < n; k++) {
      const a = sampleSetup();
      await a.workbook.tag(regionsConversion(), BLOCK, "CONV");
      typeJanuary(a.model);
      const b = sampleSetup(a.model);
      beforeSyncNumber(a.model, k, () => b.workbook.extend("CONV"));
      await a.workbook.extend("CONV");
      expect([k, a.model.findName("KPI_CONV")?.formula, a.model.findName("KPIDenom_CONV")?.formula]).toEqual([k, "=Regions!$B$3:$E$39", "=Regions!$H$3:$K$39"]);
      const rules = a.model.conditionalFormats.filter((f) => String(f.formula).includes("kpilens:CONV:"));
      expect([k, rules.length, rules.every((r) => r.area.rowCount === 37)]).toEqual([k, 3, true]);
      expect((await seriesOf(a.workbook)).values).toHaveLength(37);
    }
  });

  it("someone clears a region's January cell before the write: the period is included with South's gap, never a number it did not have", async () => {
    const first = sampleSetup();
    await first.workbook.tag(regionsConversion(), BLOCK, "CONV");
    typeJanuary(first.model);
    const n = await syncsOf(first.model, () => first.workbook.extend("CONV"));
    const s = sampleSetup();
    await s.workbook.tag(regionsConversion(), BLOCK, "CONV");
    typeJanuary(s.model);
    // The write is the include's last sync but one (its last reads back what it wrote).
    beforeSyncNumber(s.model, n - 2, () => s.model.writeValue(s.model.findSheet("Regions")!, NEW_ROW, 2, ""));
    await s.workbook.extend("CONV");
    const got = await seriesOf(s.workbook);
    expect(got.segments!.values[1]).toHaveLength(37);
    expect(got.segments!.values[1][36]).toBeNull();
    // A period without every region has no total (segments.ts segmentTotals).
    expect(got.values[36]).toBeNull();
  });
});
