/**
 * A KPI across segments on the Scorecard (issue 23, item 3): a block of orders by region is one
 * row, by its total per period as its card shows it, every cell a live formula. The figures are
 * checked against the regions' cells added up here, and against the pane's own series (the
 * card's totals); a region without December leaves December without a total, as the card does.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { snapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { kpiStatus } from "../support/functions";
import { settledSheet } from "../support/settled";
import { kpiInput, sampleSetup } from "../support/workbench";

const at = (h: (typeof SCORECARD_HEADERS)[number]) => SCORECARD_HEADERS.indexOf(h);
const rowOf = (values: unknown[][], name: string) => values.find((r) => r[0] === name)!;
const ORDERS = kpiInput({ name: "Orders by region", target: 400, atRisk: 300, aggregation: "sum", segments: "columns", firstPeriod: "2023-01" });

/** The sheet's orders, period by period (36 months from January 2023), four regions each. */
function orders(model: WorkbookModel): (number | null)[][] {
  const sheet = model.findSheet("Regions")!;
  return Array.from({ length: 36 }, (_, p) => [0, 1, 2, 3].map((s) => model.valueAt(sheet, 2 + p, 1 + s) as number | null));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function tagged(input = ORDERS) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag(input, "'Regions'!B3:E38", "ORDERS");
  return s;
}

describe("a KPI across segments on the Scorecard", () => {
  it("is a row of its totals: latest, target k times one region's, status, variance and year to date, as its card has them", async () => {
    const { model, workbook } = await tagged();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    const built = await workbook.buildScorecard();
    expect(built).toMatchObject({ rows: 2, charts: 2, leftOut: [] });
    const values = await settledSheet(model);
    const row = rowOf(values, "Orders by region");
    const totals = orders(model).map((r) => sum(r as number[]));
    // December 2025 (serial 46000 - 8 = 45992 is 1 December 2025), four regions added up, against four regions' 400.
    expect([row[at("Period")], row[at("Latest")], row[at("Target")]]).toEqual([45992, totals[35], 1600]);
    expect(row[at("Variance")]).toBeCloseTo(totals[35] - 1600, 9);
    expect(row[at("Variance %")]).toBeCloseTo((totals[35] - 1600) / 1600, 9);
    // Judged as the card judges the total: At risk four regions' 300.
    expect(row[at("Status")]).toBe(kpiStatus([[totals[35]]], [[1600]], [[1200]], "higher")[0][0]);
    // 2025's months so far (a sum roll-up), against twelve months of 1,600.
    expect([row[at("YTD actual")], row[at("YTD budget")]]).toEqual([sum(totals.slice(24)), 12 * 1600]);
    expect(row[at("YTD variance")]).toBeCloseTo(sum(totals.slice(24)) - 12 * 1600, 9);
    for (const h of ["Variation", "Assurance", "Year outlook", "Chance to meet"] as const) expect(String(row[at(h)])).not.toMatch(/^#/);
    // The pane's series of the KPI is the card's totals: the same numbers.
    const { series } = await workbook.refresh();
    expect(series.find((s) => s.id === "ORDERS")!.values).toEqual(totals);
    // Every cell of the row is a formula.
    const sheet = snapshot(model).sheets.find((x) => x.name === "Scorecard")!;
    const i = values.indexOf(row);
    expect(sheet.formulas[i].every((f) => String(f).startsWith("="))).toBe(true);
    // Live: a region's December corrected moves the row.
    model.writeValue(model.findSheet("Regions")!, 37, 2, (orders(model)[35][1] as number) + 100);
    const after = rowOf(await settledSheet(model), "Orders by region");
    expect(after[at("Latest")]).toBe(totals[35] + 100);
  });

  it("with a target per region reads their sum, and a region without December leaves December without a total, as the card", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    const regions = s.model.findSheet("Regions")!;
    const targets = [430, 290, 360, 150];
    targets.forEach((t, c) => s.model.writeValue(regions, 41, 1 + c, t));
    s.model.writeValue(regions, 37, 4, null);
    await s.workbook.tag({ ...ORDERS, target: null, atRisk: null, atRiskPercent: 10, targetRange: "'Regions'!B42:E42" }, "'Regions'!B3:E38", "ORDERS");
    await s.workbook.buildScorecard();
    const row = rowOf(await settledSheet(s.model), "Orders by region");
    const cells = orders(s.model);
    expect(typeof cells[35][3]).not.toBe("number");
    const november = sum(cells[34] as number[]);
    const target = sum(targets);
    // November 2025 (serial 45962) is the latest period with a total.
    expect([row[at("Period")], row[at("Latest")], row[at("Target")]]).toEqual([45962, november, target]);
    expect(row[at("Status")]).toBe(kpiStatus([[november]], [[target]], [[target - 0.1 * target]], "higher")[0][0]);
    const { series } = await s.workbook.refresh();
    const card = series.find((x) => x.id === "ORDERS")!;
    expect([card.values[35], card.values[34], card.targets?.[34]]).toEqual([null, november, target]);
  });

  it("as reported shows the total its close recorded, and Restated names a region corrected since", async () => {
    const { model, workbook } = await tagged();
    await workbook.closePeriod("2025-12");
    const totals = orders(model).map((r) => sum(r as number[]));
    await workbook.buildScorecard({ view: "reported" });
    let row = rowOf(await settledSheet(model), "Orders by region");
    expect([row[at("Period")], row[at("Latest")], row[at("Target")], row[at("Restated")]]).toEqual([45992, totals[35], 1600, ""]);
    model.writeValue(model.findSheet("Regions")!, 37, 1, (orders(model)[35][0] as number) - 40);
    row = rowOf(await settledSheet(model), "Orders by region");
    // Still the close's figure, and the value since restated.
    expect([row[at("Latest")], row[at("Restated")]]).toEqual([totals[35], "Value"]);
    await workbook.buildScorecard({ view: "restated" });
    row = rowOf(await settledSheet(model), "Orders by region");
    expect([row[at("Latest")], row[at("Restated")]]).toEqual([totals[35] - 40, "Value"]);
  });

  it("judges the total against four regions' At risk, not one region's", async () => {
    const probe = sampleSetup();
    const december = sum(orders(probe.model)[35] as number[]);
    // One region's target and At risk just above a quarter of December's total: four of them are above the total.
    const [target, atRisk] = [Math.ceil(december / 4) + 50, Math.ceil(december / 4) + 10];
    const { model, workbook } = await tagged({ ...ORDERS, target, atRisk });
    await workbook.buildScorecard();
    const row = rowOf(await settledSheet(model), "Orders by region");
    expect(row[at("Status")]).toBe(kpiStatus([[december]], [[4 * target]], [[4 * atRisk]], "higher")[0][0]);
    // Against one region's At risk it would be at risk.
    expect([row[at("Status")], kpiStatus([[december]], [[4 * target]], [[atRisk]], "higher")[0][0]]).toEqual(["Off track", "At risk"]);
  });

  it("of a level (an average roll-up) is the regions' mean, against the register's one target", async () => {
    const { model, workbook } = await tagged({ ...ORDERS, aggregation: "average" });
    await workbook.buildScorecard();
    const row = rowOf(await settledSheet(model), "Orders by region");
    const december = sum(orders(model)[35] as number[]) / 4;
    expect(row[at("Latest")]).toBeCloseTo(december, 9);
    expect([row[at("Target")], row[at("Status")]]).toEqual([400, kpiStatus([[december]], [[400]], [[300]], "higher")[0][0]]);
    const { series } = await workbook.refresh();
    expect(series.find((x) => x.id === "ORDERS")!.values[35]).toBeCloseTo(december, 9);
  });
});
