/**
 * The Scorecard's summary of the portfolio (issue 23, item 4) and a rate KPI's cells: every KPI
 * with its latest value, status, variation and assurance, most urgent first as the pane's summary
 * orders them at the build (core/model/portfolioSummary.ts), live formulas over the table above,
 * each KPI's Attention live; a rate KPI's Latest is its rate and its variation and assurance
 * KPI.SPC's rate chart, the one its card chose.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { snapshot } from "../../src/workbench/snapshot";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { SUMMARY_HEADERS } from "../../src/core/excel/scorecardSummary";
import { portfolioOf, summariesOf } from "../../src/core/model/portfolio";
import { summaryRows } from "../../src/core/model/portfolioSummary";
import { spc } from "../support/functions";
import { sampleKpis } from "../support/sampleKpis";
import { kpiInput, sampleSetup } from "../support/workbench";
import { settledSheet } from "../support/settled";

const at = (h: (typeof SCORECARD_HEADERS)[number]) => SCORECARD_HEADERS.indexOf(h);
const inSummary = (h: (typeof SUMMARY_HEADERS)[number]) => SUMMARY_HEADERS.indexOf(h);

const threeKpis = () => sampleKpis();

/** The row of the summary's headers. */
const summaryTop = (values: unknown[][]) => values.findIndex((r) => r[0] === "KPI" && r[inSummary("Chart")] === "Chart");

const sumOf = (cells: unknown[][]) => cells.reduce((t, [v]) => t + (typeof v === "number" ? v : 0), 0);

const column = (model: WorkbookModel, sheet: string, col: number) =>
  snapshot(model)
    .sheets.find((x) => x.name === sheet)!
    .values.slice(1, 37)
    .map((r) => [r[col]]);

describe("the Scorecard's summary and a rate KPI's cells", () => {
  it("lists every KPI most urgent first, as the pane's summary does, each cell the table's above", async () => {
    const { model, workbook } = await threeKpis();
    await workbook.buildScorecard();
    const values = await settledSheet(model);
    const { register, series } = await workbook.refresh();
    const summaries = summariesOf(register.kpis, Object.fromEntries(series.map((x) => [x.id, x])));
    const pane = summaryRows(register.kpis, summaries);
    const top = summaryTop(values);
    expect(values[top].slice(0, SUMMARY_HEADERS.length)).toEqual([...SUMMARY_HEADERS]);
    const rows = values.slice(top + 1, top + 4);
    expect(rows.map((r) => r[0])).toEqual(pane.map((p) => p.name));
    for (const [i, r] of rows.entries()) {
      const p = pane[i];
      expect([r[inSummary("Status")], r[inSummary("Chart")]]).toEqual([p.statusLabel, p.chart]);
      // Each cell is the KPI's line of the table: the same latest, target, status, variation, assurance and attention.
      const line = values.find((x, j) => j < top && x[at("KPI")] === p.name)!;
      expect([r[inSummary("Latest")], r[inSummary("Target")], r[inSummary("Variation")], r[inSummary("Assurance")], r[inSummary("Attention")]]).toEqual([
        line[at("Latest")],
        line[at("Target")],
        line[at("Variation")],
        line[at("Assurance")],
        line[at("Attention")],
      ]);
      expect(r[inSummary("Latest")]).toBeCloseTo(p.latest!, 12);
    }
    // Attention is the pane's urgency (concern 8, failing 4, Off track 2, At risk 1, improvement -1), ties by name.
    const urgency = (r: unknown[]) => Math.floor((r[inSummary("Attention")] as number) + 1e-9);
    const expected = (p: (typeof pane)[number]) =>
      (p.variation === "Concern" ? 8 : 0) +
      (p.assurance === "Consistently fails" ? 4 : 0) +
      (p.status === "off" ? 2 : p.status === "risk" ? 1 : 0) -
      (p.variation === "Improvement" ? 1 : 0);
    expect(rows.map(urgency)).toEqual(pane.map(expected));
    const formulas = snapshot(model).sheets.find((x) => x.name === "Scorecard")!.formulas;
    for (let i = top + 1; i < top + 4; i++) expect(formulas[i].slice(0, SUMMARY_HEADERS.length).every((f) => String(f).startsWith("="))).toBe(true);
  });

  it("gives a rate KPI its rate, and variation and assurance by the rate chart its card chose", async () => {
    const { model, workbook } = await threeKpis();
    await workbook.buildScorecard();
    const values = await settledSheet(model);
    const { register, series } = await workbook.refresh();
    const conv = register.kpis.find((k) => k.id === "CONV")!;
    const card = summariesOf([conv], { CONV: series.find((x) => x.id === "CONV")! }).CONV;
    expect(card.rate!.chart).toBe("p'");
    const row = values.find((r) => r[0] === "Conversion")!;
    const [orders, visits] = [column(model, "Web shop", 2), column(model, "Web shop", 1)];
    expect(row[at("Latest")]).toBeCloseTo((orders[35][0] as number) / (visits[35][0] as number), 15);
    // KPI.SPC itself on the same cells, with Laney's p′ chart and the visits as denominators.
    expect(row[at("Variation")]).toBe(spc(orders, 0.031, "higher", undefined, "variation", "p'", visits)[0][0]);
    expect(row[at("Assurance")]).toBe(spc(orders, 0.031, "higher", undefined, "assurance", "p'", visits)[0][0]);
    expect(row[at("Variation")]).toBe(card.variationLabel);
    expect(row[at("Assurance")]).toBe(card.assurance);
    // Not the XmR chart of the counts.
    expect(spc(orders, 0.031, "higher", undefined, "assurance")[0][0]).not.toBe(row[at("Assurance")]);
    // The year to date of 2025 (periods 25-36): Σ orders / Σ visits, summed here from the cells, against the one target.
    const ytd = sumOf(orders.slice(24)) / sumOf(visits.slice(24));
    expect(row[at("YTD actual")]).toBeCloseTo(ytd, 14);
    expect(row[at("YTD budget")]).toBe(0.031);
    expect(row[at("YTD variance")]).toBeCloseTo(ytd - 0.031, 14);
    expect(row[at("Year outlook")]).toBe("No outlook for a rate");
    // Its chart draws its rates, each period's orders / visits, not the orders.
    const chart = snapshot(model).charts.find((c) => c.title === "Conversion")!;
    const drawn = /^Scorecard!\$?([A-Z]+)\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(chart.source)!;
    const scorecard = model.findSheet("Scorecard")!;
    const col = drawn[1].charCodeAt(0) - 65;
    const rates = Array.from({ length: Number(drawn[3]) - Number(drawn[2]) + 1 }, (_, i) => model.valueAt(scorecard, Number(drawn[2]) - 1 + i, col));
    expect(rates).toHaveLength(36);
    rates.forEach((r, i) => expect(r).toBeCloseTo((orders[i][0] as number) / (visits[i][0] as number), 15));
  });

  it("gives a rate KPI with a target per period its year to date against the targets weighed by the denominators, as its card does", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    const shop = s.model.findSheet("Web shop")!;
    // A budget column of rates beside the data; one month of no visits and one count that is text: neither counts.
    const budget = Array.from({ length: 36 }, (_, i) => 0.028 + 0.0005 * (i % 6));
    budget.forEach((b, i) => s.model.writeValue(shop, 1 + i, 5, b));
    s.model.writeValue(shop, 1 + 29, 1, 0);
    s.model.writeValue(shop, 1 + 31, 2, "n/a");
    await s.workbook.tag(
      kpiInput({
        name: "Conversion",
        unit: "",
        target: null,
        targetRange: "'Web shop'!F2:F37",
        atRisk: null,
        atRiskPercent: 5,
        denominatorRange: "'Web shop'!B2:B37",
        ratePer: 1000,
        firstPeriod: "2023-01",
      }),
      "'Web shop'!C2:C37",
      "CONV",
    );
    await s.workbook.buildScorecard();
    const row = (await settledSheet(s.model)).find((r) => r[0] === "Conversion")!;
    const [orders, visits] = [column(s.model, "Web shop", 2), column(s.model, "Web shop", 1)];
    let [counts, units, weighed] = [0, 0, 0];
    for (let i = 24; i < 36; i++) {
      const [o, d] = [orders[i][0], visits[i][0]];
      if (typeof o !== "number" || typeof d !== "number" || d <= 0) continue;
      [counts, units, weighed] = [counts + o, units + d, weighed + budget[i] * d];
    }
    expect(units).toBeLessThan(sumOf(visits.slice(24)));
    expect(row[at("YTD actual")]).toBeCloseTo((counts / units) * 1000, 12);
    expect(row[at("YTD budget")]).toBeCloseTo(weighed / units, 14);
    // The card's month-end pack says the same.
    const { register, series } = await s.workbook.refresh();
    const card = portfolioOf(register, Object.fromEntries(series.map((x) => [x.id, x])), new Date()).pack.cards.CONV.monthEnd.ytd!;
    expect([row[at("YTD actual")], row[at("YTD budget")], row[at("YTD variance")]]).toEqual(
      [card.actual, card.target, card.variance].map((x) => expect.closeTo(x, 12)),
    );
    // The chart leaves the month of no visits and the text count out (#N/A), and draws the rest per 1,000.
    const chart = snapshot(s.model).charts.find((c) => c.title === "Conversion")!;
    const drawn = /^Scorecard!\$?([A-Z]+)\$?(\d+):/.exec(chart.source)!;
    const at0 = (i: number) => s.model.valueAt(s.model.findSheet("Scorecard")!, Number(drawn[2]) - 1 + i, drawn[1].charCodeAt(0) - 65);
    expect([at0(29), at0(31)]).toEqual([expect.objectContaining({ code: "#N/A" }), expect.objectContaining({ code: "#N/A" })]);
    expect(at0(35)).toBeCloseTo(((orders[35][0] as number) / (visits[35][0] as number)) * 1000, 12);
  });

  it("follows the data without a rebuild, Attention included; a rebuild puts the most urgent first", async () => {
    const { model, workbook } = await threeKpis();
    await workbook.buildScorecard();
    let values = await settledSheet(model);
    const top = summaryTop(values);
    expect(values[top + 1][0]).not.toBe("Churn");
    // December's churn far above its limits and target: a special cause of concern, Off track.
    model.writeValue(model.findSheet("Monthly KPIs")!, 36, 2, 9.5);
    values = await settledSheet(model);
    const churn = values.find((r) => r[0] === "Churn")!;
    expect([churn[at("Status")], churn[at("Variation")]]).toEqual(["Off track", "Special cause concern"]);
    const inTheSummary = values.slice(top + 1, top + 4).find((r) => r[0] === "Churn")!;
    expect([inTheSummary[inSummary("Status")], inTheSummary[inSummary("Variation")], Math.floor(inTheSummary[inSummary("Attention")] as number)]).toEqual([
      "Off track",
      "Special cause concern",
      10,
    ]);
    await workbook.buildScorecard();
    values = await settledSheet(model);
    expect(values[summaryTop(values) + 1][0]).toBe("Churn");
  });
});
