/**
 * A KPI split by a column of its table (issue 23, item 3, the table "fed by Power Query") on the
 * Scorecard, by its total per month, as a block is: the sample's OrdersByRegion (Month as a date,
 * Region, Orders, Visits; twelve months of 2026, four regions). The figures are the table's cells
 * added up here, month by month, never read from the code under test; live, they follow a
 * co-author's correction, and a sort of the table changes none of them.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { snapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { kpiStatus } from "../support/functions";
import { ORDERS_COLUMN, ORDERS_SHEET, rowsOf, sortByOrders } from "../support/ordersByRegion";
import { beforeSyncNumber } from "../support/beforeSync";
import { cellsOf } from "../support/rangeCells";
import { settledSheet } from "../support/settled";
import { kpiInput, sampleSetup } from "../support/workbench";

const SHEET = ORDERS_SHEET;
const ORDERS = ORDERS_COLUMN;
const at = (h: (typeof SCORECARD_HEADERS)[number]) => SCORECARD_HEADERS.indexOf(h);
const rowOf = (values: unknown[][], name: string) => values.find((r) => r[0] === name)!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const LONG = kpiInput({ name: "Orders by region", unit: "", target: 1500, atRisk: 1300, aggregation: "sum", segments: "by Region", firstPeriod: "2026-01" });

/** Column `col` added up over the regions, month by month (the months sorted). */
function monthly(model: WorkbookModel, col: number): number[] {
  const rows = rowsOf(model);
  const months = [...new Set(rows.map((r) => r[0] as number))].sort((a, b) => a - b);
  return months.map((m) => sum(rows.filter((r) => r[0] === m).map((r) => r[col] as number)));
}

async function built(input = LONG) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag(input, ORDERS, "ORD");
  const result = await s.workbook.buildScorecard();
  return { ...s, result };
}

describe("a KPI split by a column on the Scorecard", () => {
  it("is a row of its monthly totals, judged as four regions, with a chart of them; live and unmoved by a sort", async () => {
    const { model, result } = await built();
    expect(result).toMatchObject({ leftOut: [] });
    const totals = monthly(model, 2);
    expect(totals).toHaveLength(12);
    let values = await settledSheet(model);
    let row = rowOf(values, "Orders by region");
    // December 2026 (serial 46357), the four regions' orders added up, against four regions' 1,500.
    expect([row[at("Period")], row[at("Latest")], row[at("Target")]]).toEqual([46357, totals[11], 6000]);
    expect(row[at("Variance")]).toBeCloseTo(totals[11] - 6000, 9);
    expect(row[at("Status")]).toBe(kpiStatus([[totals[11]]], [[6000]], [[4 * 1300]], "higher")[0][0]);
    expect([row[at("YTD actual")], row[at("YTD budget")]]).toEqual([sum(totals), 12 * 6000]);
    const chart = snapshot(model).charts.find((c) => c.name === "KPILens ORD")!;
    expect(cellsOf(values, chart.series[0].values!)).toEqual(totals);
    const i = values.indexOf(row);
    expect(
      snapshot(model)
        .sheets.find((x) => x.name === "Scorecard")!
        .formulas[i].every((f) => String(f).startsWith("=")),
    ).toBe(true);

    // A co-author sorts the table: every figure the same. Then corrects one December row: the row follows.
    sortByOrders(model);
    values = await settledSheet(model);
    row = rowOf(values, "Orders by region");
    expect([row[at("Latest")], row[at("YTD actual")]]).toEqual([totals[11], sum(totals)]);
    const december = rowsOf(model).findIndex((r) => r[0] === 46357);
    model.writeValue(model.findSheet(SHEET)!, 1 + december, 2, (rowsOf(model)[december][2] as number) + 100);
    row = rowOf(await settledSheet(model), "Orders by region");
    expect(row[at("Latest")]).toBe(totals[11] + 100);
  });

  it("a co-author's sort between the build's read and its write changes no figure", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    await s.workbook.tag(LONG, ORDERS, "ORD");
    const totals = monthly(s.model, 2);
    // The build reads in its first round trip and writes in its second (README "How fast"): the sort lands between.
    beforeSyncNumber(s.model, 2, () => sortByOrders(s.model));
    await s.workbook.buildScorecard();
    const values = await settledSheet(s.model);
    expect(rowsOf(s.model)[0][2]).toBe(Math.max(...rowsOf(s.model).map((r) => r[2] as number)));
    const chart = snapshot(s.model).charts.find((c) => c.name === "KPILens ORD")!;
    expect(cellsOf(values, chart.series[0].values!)).toEqual(totals);
  });

  it("a month where a region has no number has no total, as the card has none", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    const november = rowsOf(s.model).findIndex((r) => r[0] === 46327 && r[1] === "West");
    s.model.writeValue(s.model.findSheet(SHEET)!, 1 + november, 2, null);
    await s.workbook.tag(LONG, ORDERS, "ORD");
    await s.workbook.buildScorecard();
    const values = await settledSheet(s.model);
    const chart = snapshot(s.model).charts.find((c) => c.name === "KPILens ORD")!;
    const drawn = cellsOf(values, chart.series[0].values!);
    const card = (await s.workbook.refresh()).series.find((x) => x.id === "ORD")!;
    expect(card.values[10]).toBeNull();
    expect(drawn[10]).toBe("#N/A");
    expect(drawn.filter((_, m) => m !== 10)).toEqual(monthly(s.model, 2).filter((_, m) => m !== 10));
  });

  it("a fifth region's row after the build leaves its month without a total, never a total of other regions", async () => {
    const { model } = await built();
    const totals = monthly(model, 2);
    const sheet = model.findSheet(SHEET)!;
    [46357, "Central", 500, 16000].forEach((v, c) => model.writeValue(sheet, 49, c, v));
    model.expandTableOver(sheet, { row: 49, col: 0, rowCount: 1, colCount: 4 });
    expect(model.findTable("OrdersByRegion")!.area.rowCount).toBe(50);
    const values = await settledSheet(model);
    const chart = snapshot(model).charts.find((c) => c.name === "KPILens ORD")!;
    const drawn = cellsOf(values, chart.series[0].values!);
    expect(drawn[11]).toBe("#N/A");
    expect(drawn.slice(0, 11)).toEqual(totals.slice(0, 11));
  });

  it("with a Budget column, each month's budget the regions' budgets added up: the row's target and the chart's Budget line", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    const table = s.model.findTable("OrdersByRegion")!;
    s.model.addTableColumnAtEnd(table, "Budget");
    const sheet = s.model.findSheet(SHEET)!;
    for (let r = 1; r <= 48; r++) s.model.writeValue(sheet, r, 4, 1400 + 10 * r);
    await s.workbook.tag({ ...LONG, target: null, targetRange: "Budget", atRisk: null, atRiskPercent: 10 }, ORDERS, "ORD");
    await s.workbook.buildScorecard();
    const values = await settledSheet(s.model);
    const rows = Array.from({ length: 48 }, (_, r) => [s.model.valueAt(sheet, 1 + r, 0) as number, 1400 + 10 * (r + 1)]);
    const months = [...new Set(rows.map((r) => r[0]))].sort((a, b) => a - b);
    const budgets = months.map((m) => sum(rows.filter((r) => r[0] === m).map((r) => r[1])));
    const chart = snapshot(s.model).charts.find((c) => c.name === "KPILens ORD")!;
    expect(chart.series.map((x) => x.name)).toEqual(["Actual", "Budget"]);
    expect(cellsOf(values, chart.series[1].values!)).toEqual(budgets);
    const row = rowOf(values, "Orders by region");
    expect([row[at("Target")], row[at("YTD budget")]]).toEqual([budgets[11], sum(budgets)]);
  });

  it("without a period column (each region's n-th row its n-th month) is left out and named", async () => {
    const s = sampleSetup();
    const sheet = s.model.addSheet("Feed");
    ["Region", "Orders"].forEach((h, c) => s.model.writeValue(sheet, 0, c, h));
    for (let r = 1; r <= 8; r++) [r % 2 ? "North" : "South", 100 + r].forEach((v, c) => s.model.writeValue(sheet, r, c, v));
    s.model.addTable(sheet, { row: 0, col: 0, rowCount: 9, colCount: 2 }, true);
    await s.workbook.tag({ ...LONG, name: "Feed orders" }, "Feed!B2:B9", "FEED");
    await s.workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    expect(await s.workbook.buildScorecard()).toMatchObject({ rows: 1, leftOut: ["Feed orders"] });
  });

  it("a rate split by a column: its chart the pooled rate Σ orders / Σ visits each month", async () => {
    const { model, result } = await built({ ...LONG, name: "Conversion by region", target: 0.03, atRisk: null, atRiskPercent: 10, denominatorRange: "Visits" });
    expect(result).toMatchObject({ leftOut: [] });
    const values = await settledSheet(model);
    const [orders, visits] = [monthly(model, 2), monthly(model, 3)];
    const chart = snapshot(model).charts.find((c) => c.name === "KPILens ORD")!;
    const rates = cellsOf(values, chart.series[0].values!) as number[];
    rates.forEach((r, m) => expect(r).toBeCloseTo(orders[m] / visits[m], 12));
    const row = rowOf(values, "Conversion by region");
    expect(row[at("Latest")]).toBeCloseTo(orders[11] / visits[11], 12);
    expect(row[at("YTD actual")]).toBeCloseTo(sum(orders) / sum(visits), 12);
  });
});
