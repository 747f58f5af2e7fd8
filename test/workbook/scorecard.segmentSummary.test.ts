/**
 * The Scorecard's summary lists a KPI across segments' segments (issue 23, item 4): under the
 * KPI's line, one line per region, worst first as the pane's summary lists them at the build
 * (segmentView.ts segmentCards, worstFirst), each cell a live formula over the region's own column
 * of the block. The figures are worked here from the regions' cells and KPI.SPC called on them,
 * and checked against the pane's cards; a region's cell changed moves only its line.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { snapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SUMMARY_HEADERS } from "../../src/core/excel/scorecardSummary";
import { allowedFunction, functionsCalled } from "../../src/core/excel/hostFunctions";
import { summariesOf } from "../../src/core/model/portfolio";
import { summaryRows } from "../../src/core/model/portfolioSummary";
import { segmentCards, worstFirst } from "../../src/core/model/segmentView";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { kpiStatus, spc } from "../support/functions";
import { regionsConversion } from "../support/regionsConversion";
import { settledSheet } from "../support/settled";
import { kpiInput, sampleSetup } from "../support/workbench";

const inSummary = (h: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(h);
const CUSTOM_IDS = [...readFileSync(join(__dirname, "../../src/functions/functions.ts"), "utf8").matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);
const ORDERS = kpiInput({ name: "Orders by region", target: 400, atRisk: 300, aggregation: "sum", segments: "columns", firstPeriod: "2023-01" });
const CONVERSION = regionsConversion({ aggregation: "sum", firstPeriod: "2023-01" });

/** The sheet's regions: their names (the header row), orders and visits (36 months, four regions), and targets. */
function regions(model: WorkbookModel) {
  const sheet = model.findSheet("Regions")!;
  const column = (col: number) => Array.from({ length: 36 }, (_, p) => [model.valueAt(sheet, 2 + p, col)]);
  const four = [0, 1, 2, 3];
  return {
    sheet,
    names: four.map((s) => model.valueAt(sheet, 1, 1 + s) as string),
    orders: four.map((s) => column(1 + s)),
    visits: four.map((s) => column(7 + s)),
    targets: four.map((s) => model.valueAt(sheet, 39, 1 + s) as number),
  };
}

async function built(input: KpiInput, source: string, id: string, prepare: (model: WorkbookModel) => void = () => undefined) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  prepare(s.model);
  await s.workbook.tag(input, source, id);
  await s.workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
  await s.workbook.buildScorecard();
  const values = await settledSheet(s.model);
  const top = values.findIndex((r) => r[0] === "KPI" && r[inSummary("Chart")] === "Chart");
  const { register, series } = await s.workbook.refresh();
  const kpi = register.kpis.find((k) => k.id === id)!;
  const data = (series.find((x) => x.id === id) as SegmentSeries).segments!;
  const cards = worstFirst(kpi, segmentCards(kpi, data));
  const summaries = summariesOf(register.kpis, Object.fromEntries(series.map((x) => [x.id, x])));
  const pane = summaryRows(register.kpis, summaries, { [id]: cards });
  // The KPI's line of the summary, and the four lines under it.
  const at = values.findIndex((r, i) => i > top && r[0] === kpi.name);
  const lines = (v: unknown[][]) => v.slice(at + 1, at + 5).map((r) => r.slice(0, SUMMARY_HEADERS.length));
  const formulas = snapshot(s.model)
    .sheets.find((x) => x.name === "Scorecard")!
    .formulas.slice(at + 1, at + 5)
    .map((r) => r.slice(0, SUMMARY_HEADERS.length).map(String));
  return { ...s, kpi, cards, pane, lines, formulas, values };
}

describe("the Scorecard's summary of a KPI across segments", () => {
  it("follows a rate's line with a line per region, worst first as the pane's, each the region's own rate, target, status, variation and assurance", async () => {
    const { model, kpi, cards, pane, lines, formulas, values } = await built(CONVERSION, "'Regions'!A2:E38", "CONV");
    const { names, orders, visits, targets } = regions(model);
    const got = lines(values);
    // Worst first as the pane orders the regions at the build, named after the KPI by the header row.
    expect(got.map((r) => r[0])).toEqual(cards.map((c) => `${kpi.name} · ${names[c.index]}`));
    expect(got.map((r) => r[0])).toEqual(pane.filter((p) => p.segmentOf === "CONV").map((p) => p.name));
    for (const [i, r] of got.entries()) {
      const { index: s, summary } = cards[i];
      const rate = (orders[s][35][0] as number) / (visits[s][35][0] as number);
      // December 2025 (serial 45992): the region's orders over its visits, against its own target, At risk 10% below it.
      expect(r[inSummary("Period")]).toBe(45992);
      expect(r[inSummary("Latest")]).toBeCloseTo(rate, 12);
      expect(r[inSummary("Latest")]).toBeCloseTo(summary.latest!, 12);
      expect([r[inSummary("Target")], summary.target]).toEqual([targets[s], targets[s]]);
      expect(r[inSummary("Status")]).toBe(kpiStatus([[rate]], [[targets[s]]], [["10%"]], "higher")[0][0]);
      expect(r[inSummary("Status")]).toBe(summary.statusLabel);
      // KPI.SPC on the region's own cells, by the chart its card chose, with its visits as denominators.
      const chart = summary.rate!.chart;
      expect(r[inSummary("Chart")]).toBe(chart.replace("'", "′"));
      expect(r[inSummary("Variation")]).toBe(spc(orders[s], targets[s], "higher", undefined, "variation", chart, visits[s])[0][0]);
      expect(r[inSummary("Assurance")]).toBe(spc(orders[s], targets[s], "higher", undefined, "assurance", chart, visits[s])[0][0]);
      expect([r[inSummary("Variation")], r[inSummary("Assurance")]]).toEqual([summary.variationLabel, summary.assurance]);
    }
    // Every cell a formula, each function on the host list (hostFunctions.ts, as hostFunctions.test.ts checks).
    expect(formulas.flat().every((f) => f.startsWith("="))).toBe(true);
    const off = formulas.flat().flatMap((f) => functionsCalled(f).filter((name) => !allowedFunction(name, CUSTOM_IDS)));
    expect(off).toEqual([]);
    // The region's name is read from the header row: renamed there, its line says so.
    const first = cards[0].index;
    model.writeValue(regions(model).sheet, 1, 1 + first, "Far North");
    expect(lines(await settledSheet(model))[0][0]).toBe(`${kpi.name} · Far North`);
  });

  it("gives a rate per 1,000 with a column of targets each region's rate × 1,000 against its own cell of the column", async () => {
    const per1000 = [31, 33, 29, 27];
    const prepare = (model: WorkbookModel) => per1000.forEach((t, i) => model.writeValue(model.findSheet("Regions")!, 2 + i, 13, t));
    const input = regionsConversion({ aggregation: "sum", firstPeriod: "2023-01", ratePer: 1000, targetRange: "Regions!N3:N6" });
    const { model, cards, lines, values } = await built(input, "'Regions'!A2:E38", "CONV", prepare);
    const { orders, visits } = regions(model);
    for (const [i, r] of lines(values).entries()) {
      const { index: s, summary } = cards[i];
      const rate = ((orders[s][35][0] as number) / (visits[s][35][0] as number)) * 1000;
      expect(r[inSummary("Latest")]).toBeCloseTo(rate, 9);
      expect([r[inSummary("Target")], summary.target]).toEqual([per1000[s], per1000[s]]);
      expect(r[inSummary("Status")]).toBe(kpiStatus([[rate]], [[per1000[s]]], [["10%"]], "higher")[0][0]);
      expect(r[inSummary("Status")]).toBe(summary.statusLabel);
      // KPI.SPC reads a rate per unit: the target per 1,000 over 1,000.
      const chart = summary.rate!.chart;
      expect(r[inSummary("Variation")]).toBe(spc(orders[s], per1000[s] / 1000, "higher", undefined, "variation", chart, visits[s])[0][0]);
      expect(r[inSummary("Assurance")]).toBe(spc(orders[s], per1000[s] / 1000, "higher", undefined, "assurance", chart, visits[s])[0][0]);
      expect([r[inSummary("Variation")], r[inSummary("Assurance")]]).toEqual([summary.variationLabel, summary.assurance]);
    }
  });

  it("judges a region against its own At risk, not four regions'; a region's cell changed moves only its line", async () => {
    const { model, kpi, cards, lines, formulas, values } = await built(ORDERS, "'Regions'!B3:E38", "ORDERS");
    const { sheet, orders } = regions(model);
    const before = lines(values);
    expect(before.map((r) => r[0])).toEqual(cards.map((c) => `${kpi.name} · ${regions(model).names[c.index]}`));
    for (const [i, r] of before.entries()) {
      const { index: s, summary } = cards[i];
      const december = orders[s][35][0] as number;
      expect([r[inSummary("Latest")], r[inSummary("Target")]]).toEqual([december, 400]);
      expect(r[inSummary("Status")]).toBe(kpiStatus([[december]], [[400]], [[300]], "higher")[0][0]);
      expect([r[inSummary("Status")], r[inSummary("Latest")]]).toEqual([summary.statusLabel, summary.latest]);
      expect(r[inSummary("Variation")]).toBe(spc(orders[s], 400, "higher", undefined, "variation")[0][0]);
      expect(r[inSummary("Assurance")]).toBe(spc(orders[s], 400, "higher", undefined, "assurance")[0][0]);
      expect(r[inSummary("Chart")]).toBe("XmR");
    }
    expect(formulas.flat().every((f) => f.startsWith("="))).toBe(true);
    // A region's December set between its own At risk (300) and target: At risk; four regions' 1,200 (above its target) gives no status.
    const moved = 2;
    const s = cards[moved].index;
    model.writeValue(sheet, 37, 1 + s, 350);
    const after = lines(await settledSheet(model));
    expect([after[moved][inSummary("Latest")], after[moved][inSummary("Status")]]).toEqual([350, "At risk"]);
    expect(kpiStatus([[350]], [[400]], [[1200]], "higher")[0][0]).not.toBe("At risk");
    expect(after[moved][inSummary("Variation")]).toBe(spc(regions(model).orders[s], 400, "higher", undefined, "variation")[0][0]);
    // The other regions' lines, and the order (fixed at the build), as they were.
    after.forEach((r, i) => (i === moved ? expect(r).not.toEqual(before[i]) : expect(r).toEqual(before[i])));
  });
});
