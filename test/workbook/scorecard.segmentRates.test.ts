/**
 * A rate across segments on the Scorecard (issue 23, item 3): the sample's conversion by region
 * (orders in 'Regions'!B3:E38 over visits in H3:K38, a target per region in B40:E40) is one row,
 * by its pooled rate per period as its card shows it (Σ orders / Σ visits, never the mean of the
 * regions' rates), against Σ tₛ·visitsₛ / Σ visits, every cell a live formula. The figures are
 * worked here from the regions' cells, and checked against the pane's own series.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { snapshot } from "../../src/workbench/snapshot";
import { parseAddress } from "../../src/core/excel/a1";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { kpiStatus } from "../support/functions";
import { portfolioOf } from "../../src/core/model/portfolio";
import { regionsConversion } from "../support/regionsConversion";
import { settledSheet } from "../support/settled";
import { kpiInput, sampleSetup } from "../support/workbench";

const at = (h: (typeof SCORECARD_HEADERS)[number]) => SCORECARD_HEADERS.indexOf(h);
const rowOf = (values: unknown[][], name: string) => values.find((r) => r[0] === name)!;
const NAME = "Conversion by region";
const conversion = (o: Partial<KpiInput> = {}) => regionsConversion({ aggregation: "sum", firstPeriod: "2023-01", ...o });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The sheet's orders and visits, 36 months from January 2023, four regions each, and each region's target. */
function regions(model: WorkbookModel) {
  const sheet = model.findSheet("Regions")!;
  const block = (col: number) => Array.from({ length: 36 }, (_, p) => [0, 1, 2, 3].map((s) => model.valueAt(sheet, 2 + p, col + s) as number | null));
  return { sheet, orders: block(1), visits: block(7), targets: [0, 1, 2, 3].map((s) => model.valueAt(sheet, 39, 1 + s) as number) };
}

async function tagged(input = conversion()) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag(input, "'Regions'!A2:E38", "CONV");
  return s;
}

/** The row's cells are all formulas (the sheet's formulas at the row's index). */
function formulasOf(model: WorkbookModel, values: unknown[][], row: unknown[]): unknown[] {
  return snapshot(model).sheets.find((x) => x.name === "Scorecard")!.formulas[values.indexOf(row)];
}

describe("a rate across segments on the Scorecard", () => {
  it("is a row of its pooled rate: latest, the weighed target, status, variance and year to date, as its card has them", async () => {
    const { model, workbook } = await tagged();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    const built = await workbook.buildScorecard();
    expect(built).toMatchObject({ rows: 2, charts: 2, leftOut: [] });
    const values = await settledSheet(model);
    const row = rowOf(values, NAME);
    const { orders, visits, targets } = regions(model);
    const counts = orders.map((r) => sum(r as number[]));
    const units = visits.map((r) => sum(r as number[]));
    const weighed = visits.map((r) => sum((r as number[]).map((v, s) => v * targets[s])));
    const [rate, target] = [counts[35] / units[35], weighed[35] / units[35]];
    // December 2025 (serial 45992): Σ orders / Σ visits, against the rate with every region on its target.
    expect(row[at("Period")]).toBe(45992);
    expect(row[at("Latest")]).toBeCloseTo(rate, 12);
    expect(row[at("Target")]).toBeCloseTo(target, 12);
    expect(row[at("Variance")]).toBeCloseTo(rate - target, 12);
    expect(row[at("Status")]).toBe(kpiStatus([[rate]], [[target]], [["10%"]], "higher")[0][0]);
    // The mean of the regions' rates is another number: the row is the pooled rate.
    expect(Math.abs(sum((orders[35] as number[]).map((o, s) => o / (visits[35][s] as number))) / 4 - rate)).toBeGreaterThan(1e-6);
    // 2025 to date: Σ orders / Σ visits of its twelve months, against the targets weighed by the visits.
    expect(row[at("YTD actual")]).toBeCloseTo(sum(counts.slice(24)) / sum(units.slice(24)), 12);
    expect(row[at("YTD budget")]).toBeCloseTo(sum(weighed.slice(24)) / sum(units.slice(24)), 12);
    expect(row[at("Year outlook")]).toBe("No outlook for a rate");
    for (const h of ["YTD variance", "Variation", "Assurance"] as const) expect(String(row[at(h)])).not.toMatch(/^#/);
    // The pane's series of the KPI is the card's totals: the same numbers.
    const { register, series } = await workbook.refresh();
    const card = series.find((s) => s.id === "CONV") as SegmentSeries;
    expect(card.values).toEqual(counts);
    expect(card.denominators).toEqual(units);
    card.targets!.forEach((t, p) => expect(t).toBeCloseTo(weighed[p] / units[p], 12));
    // The card's month-end pack and its chart say the same.
    const shown = portfolioOf(register, Object.fromEntries(series.map((x) => [x.id, x])), new Date());
    const ytd = shown.pack.cards.CONV.monthEnd.ytd!;
    expect([row[at("YTD actual")], row[at("YTD budget")], row[at("YTD variance")]]).toEqual(
      [ytd.actual, ytd.target, ytd.variance].map((x) => expect.closeTo(x, 12)),
    );
    expect(row[at("Variation")]).toBe(shown.summaries.CONV.variationLabel);
    expect(formulasOf(model, values, row).every((f) => String(f).startsWith("="))).toBe(true);
    // Its chart draws the pooled rates, a column of the sheet's, not the counts.
    const drawn = parseAddress(
      snapshot(model)
        .charts.find((c) => c.name === "KPILens CONV")!
        .series[0].values!.replace(/^Scorecard!/, ""),
    );
    const rates = Array.from({ length: drawn.rowCount }, (_, r) => values[drawn.row + r][drawn.col] as number);
    expect(rates).toHaveLength(36);
    rates.forEach((r, p) => expect(r).toBeCloseTo(counts[p] / units[p], 12));
    // Live: a region's December visits corrected moves the row.
    model.writeValue(regions(model).sheet, 37, 8, (visits[35][1] as number) + 500);
    const after = rowOf(await settledSheet(model), NAME);
    expect(after[at("Latest")]).toBeCloseTo(counts[35] / (units[35] + 500), 12);
    expect(after[at("Target")]).toBeCloseTo((weighed[35] + 500 * targets[1]) / (units[35] + 500), 12);
  });

  it("per 1,000 against the register's one number, and a region without June or December leaves them out, as the card", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    // West without June 2025 (period 30) or December 2025 (period 36).
    for (const r of [31, 37]) s.model.writeValue(s.model.findSheet("Regions")!, r, 4, null);
    await s.workbook.tag(conversion({ ratePer: 1000, target: 30, targetRange: "", atRisk: 27, atRiskPercent: null }), "'Regions'!A2:E38", "CONV");
    expect(await s.workbook.buildScorecard()).toMatchObject({ leftOut: [] });
    const row = rowOf(await settledSheet(s.model), NAME);
    const { orders, visits } = regions(s.model);
    for (const p of [29, 35]) expect(typeof orders[p][3]).not.toBe("number");
    const counts = orders.map((r) => sum(r.map(Number)));
    const units = visits.map((r) => sum(r as number[]));
    const november = (1000 * counts[34]) / units[34];
    // November 2025 (serial 45962) is the latest period with a rate, against the one target.
    expect(row[at("Period")]).toBe(45962);
    expect(row[at("Latest")]).toBeCloseTo(november, 10);
    expect([row[at("Target")], row[at("Status")]]).toEqual([30, kpiStatus([[november]], [[30]], [[27]], "higher")[0][0]]);
    // The year to date has no June and no December: the other months' Σ orders / Σ visits, per 1,000.
    const year = [24, 25, 26, 27, 28, 30, 31, 32, 33, 34];
    expect(row[at("YTD actual")]).toBeCloseTo((1000 * sum(year.map((p) => counts[p]))) / sum(year.map((p) => units[p])), 10);
    expect(row[at("YTD budget")]).toBe(30);
    const { series } = await s.workbook.refresh();
    const card = series.find((x) => x.id === "CONV") as SegmentSeries;
    expect([card.values[35], card.values[29], card.values[34], card.denominators?.[34]]).toEqual([null, null, counts[34], units[34]]);
  });

  it("with a column of targets, one per region, weighs them as the row of them", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    const sheet = s.model.findSheet("Regions")!;
    const targets = [0.05, 0.02, 0.04, 0.01];
    targets.forEach((t, i) => s.model.writeValue(sheet, 2 + i, 13, t));
    await s.workbook.tag(conversion({ targetRange: "Regions!N3:N6" }), "'Regions'!A2:E38", "CONV");
    await s.workbook.buildScorecard();
    const row = rowOf(await settledSheet(s.model), NAME);
    const { orders, visits } = regions(s.model);
    const [o, v] = [sum(orders[35] as number[]), sum(visits[35] as number[])];
    const target = sum((visits[35] as number[]).map((x, i) => x * targets[i])) / v;
    expect(row[at("Target")]).toBeCloseTo(target, 12);
    expect(row[at("Status")]).toBe(kpiStatus([[o / v]], [[target]], [["10%"]], "higher")[0][0]);
    const { series } = await s.workbook.refresh();
    expect((series.find((x) => x.id === "CONV") as SegmentSeries).targets![35]).toBeCloseTo(target, 12);
  });

  it("as reported shows the rate its close recorded, and Restated names a region corrected since", async () => {
    const { model, workbook } = await tagged();
    await workbook.closePeriod("2025-12");
    const { orders, visits, targets } = regions(model);
    const [o, v] = [sum(orders[35] as number[]), sum(visits[35] as number[])];
    const target = sum((visits[35] as number[]).map((x, s) => x * targets[s])) / v;
    await workbook.buildScorecard({ view: "reported" });
    let row = rowOf(await settledSheet(model), NAME);
    expect([row[at("Period")], row[at("Restated")]]).toEqual([45992, ""]);
    expect(row[at("Latest")]).toBeCloseTo(o / v, 12);
    expect(row[at("Target")]).toBeCloseTo(target, 12);
    model.writeValue(model.findSheet("Regions")!, 37, 1, (orders[35][0] as number) - 40);
    row = rowOf(await settledSheet(model), NAME);
    // Still the close's figure, and the value since restated.
    expect(row[at("Latest")]).toBeCloseTo(o / v, 12);
    expect(row[at("Restated")]).toBe("Value");
    await workbook.buildScorecard({ view: "restated" });
    row = rowOf(await settledSheet(model), NAME);
    expect(row[at("Latest")]).toBeCloseTo((o - 40) / v, 12);
    expect(row[at("Restated")]).toBe("Value");
  });
});
