/**
 * The formulas KPI Lens writes evaluate in the stand-in as in Excel: a representative set from
 * the builders test/core/excel/writtenFormulas.test.ts calls (src/core/excel/formulas.ts, scorecard.ts), put
 * into the sample workbook with its KPIs tagged through the workbook layer, so their names and
 * register rows are the add-in's own. On this data Excel answers every one with a value: a
 * #NAME?, #ERROR!, #REF! or #VALUE! here is a stand-in gap (the range operator between INDEX
 * references and OFFSET were #REF! and #ERROR! until referenceFunctions.ts), and a witness that
 * differs from Excel hides defects.
 */
import * as formulas from "../../src/core/excel/formulas";
import * as rateFormulas from "../../src/core/excel/rateFormulas";
import * as scorecard from "../../src/core/excel/scorecard";
import { KpiDefinition } from "../../src/core/model/kpi";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { kpiInput, sampleSetup } from "../support/workbench";
import { kpiStatus } from "../support/functions";
import { summariseRate } from "../../src/core/model/rateSummary";
import { STATUS_LABEL } from "../../src/core/model/status";

const REVENUE: KpiInput = kpiInput({
  target: null,
  targetRange: "Budget!B2:AK2",
  atRisk: null,
  atRiskPercent: 10,
  firstPeriod: "2023-01",
  yearStart: 4,
  aggregation: "sum",
  materiality: 50,
});
const CHURN: KpiInput = kpiInput({
  name: "Churn",
  objective: "Keep customers",
  kind: "leading",
  direction: "lower",
  target: 2.6,
  atRisk: 2.9,
  firstPeriod: "2023-01",
  aggregation: "average",
  materialityPercent: 5,
});
// Deals from 2024 only (24 periods), so the chain with a 36-period KPI aligns on the latest 24 (lastPeriods).
const DEALS: KpiInput = kpiInput({
  name: "Deals",
  objective: "Keep customers",
  target: 10,
  atRisk: 9,
  spcFrom: 7,
  firstPeriod: "2024-01",
  aggregation: "last",
  materiality: 1,
  materialityPercent: 5,
});

// A rate KPI (issue 23): the web shop's orders over its visits, charted from its 7th month.
const CONVERSION: KpiInput = kpiInput({
  name: "Conversion",
  target: 0.031,
  atRisk: null,
  atRiskPercent: 5,
  spcFrom: 7,
  firstPeriod: "2023-01",
  denominatorRange: "'Web shop'!B2:B37",
  ratePer: null,
});

const TAGGED: [KpiInput, string, string][] = [
  [REVENUE, "'Monthly KPIs'!B2:B37", "REVENUE"],
  [CHURN, "'Monthly KPIs'!C2:C37", "CHURN"],
  [DEALS, "'Monthly KPIs'!D14:D37", "DEALS"],
  [CONVERSION, "'Web shop'!C2:C37", "CONV"],
];

const definition = ([input, source, id]: [KpiInput, string, string]): KpiDefinition => ({ ...input, id, source, lastReviewed: "" }) as KpiDefinition;

const periods = (k: KpiDefinition) => (k.id === "DEALS" ? 24 : 36);

/**
 * What the builders write for a KPI, as the workbook layer calls them (a budget row for a column
 * of values is transposed). Conditional-format rules have their own tests (conditionalFormatRules.test.ts);
 * scorecardRow's formulas read their own row's cells and are checked on the Scorecard sheet.
 */
function written(k: KpiDefinition, other: KpiDefinition): [string, string][] {
  const lengths = { leading: periods(k), lagging: periods(other) };
  const outputs = ["variance", "percent", "label", "material", "explain", "detail"] as const;
  return [
    ["statusFormula", formulas.statusFormula(k, k.targetRange !== "")],
    ["changeFormula", formulas.changeFormula(k)],
    ["spcFormula", formulas.spcFormula(k, null)],
    ["spcFormula baseline", formulas.spcFormula(k, 12)],
    ["chainFormula", formulas.chainFormula(k, other, lengths, 6, false)],
    ["forecastFormula", formulas.forecastFormula(k, other, lengths, 2)],
    ...outputs.map((o): [string, string] => [`varianceFormula ${o}`, formulas.varianceFormula(k, o)]),
    ["ytdVarianceFormula", formulas.ytdVarianceFormula(k)],
    ["outlookFormula", formulas.outlookFormula(k)],
    ["lastPeriods", `=SUM(${formulas.lastPeriods(`KPI_${k.id}`, 6, "column")})`],
    ["periodsFrom", `=ROWS(${formulas.periodsFrom(`KPI_${k.id}`, "13", "column")})`],
    ["noteFormula", scorecard.noteFormula(k)],
    ...(k.denominatorRange
      ? (["p", "u", "p'", "u'"] as const)
          .flatMap((chart): [string, string][] => [
            [`spcRateFormula ${chart}`, rateFormulas.spcRateFormula(k, chart, null)],
            [`spcRateFormula ${chart} limits`, rateFormulas.spcRateFormula(k, chart, 12, "limits")],
          ])
          .concat([
            ["rate statusFormula", formulas.statusFormula(k, false, rateFormulas.ratesArgument(k))],
            ["rate changeFormula", formulas.changeFormula(k, rateFormulas.ratesArgument(k))],
          ])
      : []),
  ].filter((w): w is [string, string] => w[1] !== null && w[1] !== `=""`);
}

/**
 * Laney's p′ chart of the whole series as baseline, from FUNCTIONS.md ("KPI.SPC for rates"), written
 * here independently of src/core: centre Σ values / Σ denominators, σ_i = √(c(1 − c)/n_i), z_j =
 * (y_j − c)/σ_j, σ_z = mean |z_j − z_{j−1}| / 1.128; the latest point's limits c ± 3·σ_z·σ_i.
 */
function laney(values: number[], denominators: number[]) {
  const c = values.reduce((a, b) => a + b, 0) / denominators.reduce((a, b) => a + b, 0);
  const sigma = denominators.map((n) => Math.sqrt((c * (1 - c)) / n));
  const z = values.map((v, i) => (v / denominators[i] - c) / sigma[i]);
  const averageMovingRange = z.slice(1).reduce((a, zj, j) => a + Math.abs(zj - z[j]), 0) / (z.length - 1);
  const last = sigma[sigma.length - 1] * (averageMovingRange / 1.128);
  return { centre: c, averageMovingRange, lower: Math.max(0, c - 3 * last), upper: Math.min(1, c + 3 * last) };
}

/**
 * A cell's value once asynchronous functions have settled (#BUSY! meanwhile, as in Excel). It
 * waits as long as they take (jest's test timeout ends a function that never settles): a fixed
 * count of waits failed on a loaded machine with #BUSY!, which is no finding about the formula.
 */
async function settled(model: WorkbookModel, sheetName: string, row: number, col: number): Promise<unknown> {
  const sheet = model.findSheet(sheetName)!;
  for (;;) {
    const v = model.valueAt(sheet, row, col);
    if (!(v instanceof FormulaErrorValue && v.code === "#BUSY!")) return v instanceof FormulaErrorValue ? v.code : v;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const STAND_IN_GAPS = /^#(NAME\?|ERROR!|REF!|VALUE!|CALC!|BUSY!)/;

describe("every formula the add-in writes evaluates like Excel on the sample workbook", () => {
  it("gives no error Excel would not give, in its anchor or any spilled cell", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    for (const [input, source, id] of TAGGED) await s.workbook.tag(input, source, id);
    // The budget for Jan-Mar 2026, so Revenue's financial year from April has a target for every month.
    [1640, 1655, 1670].forEach((v, i) => s.model.writeValue(s.model.findSheet("Budget")!, 1, 37 + i, v));
    await s.workbook.buildScorecard();
    const kpis = TAGGED.map(definition);
    const cases = kpis.flatMap((k, i) => written(k, kpis[(i + 1) % kpis.length]).map(([from, formula]) => ({ kpi: k.id, from, formula })));
    const check = s.model.addSheet("Check");
    // One formula per row of its own, 40 rows apart (KPI_STATUS and VARIANCE spill 36), so spills never collide.
    cases.forEach((c, i) => s.model.writeFormula(check, i * 40, 0, c.formula));
    const found: { kpi: string; from: string; value: unknown }[] = [];
    for (let i = 0; i < cases.length; i++) {
      const anchor = await settled(s.model, "Check", i * 40, 0);
      // Every spilled cell settled too: another function's answer arriving meanwhile recalculates the sheet.
      const spill: unknown[] = [];
      for (let r = 0; r < 38; r++) for (let c = 0; c < 8; c++) spill.push(await settled(s.model, "Check", i * 40 + r, c));
      for (const v of [anchor, ...spill]) {
        if (typeof v === "string" && STAND_IN_GAPS.test(v)) found.push({ kpi: cases[i].kpi, from: cases[i].from, value: v });
      }
    }
    expect(cases.length).toBeGreaterThanOrEqual(68);
    expect(cases.filter((c) => c.from.startsWith("spcRateFormula"))).toHaveLength(8);
    expect(cases.filter((c) => c.from.startsWith("rate "))).toHaveLength(2);
    expect(found).toEqual([]);
    // No error is not enough (the library's `:` once summed the Check sheet's own cells, 0):
    // the span builders read the KPI's cells. Revenue's last 6 months, and its periods from the 13th.
    const at = (kpi: string, from: string) => s.model.valueAt(check, cases.findIndex((c) => c.kpi === kpi && c.from === from) * 40, 0);
    const revenue = [...Array(36).keys()].map((r) => s.model.valueAt(s.model.findSheet("Monthly KPIs")!, 1 + r, 1) as number);
    expect(at("REVENUE", "lastPeriods")).toBeCloseTo(
      revenue.slice(30).reduce((a, b) => a + b, 0),
      9,
    );
    expect(at("REVENUE", "periodsFrom")).toBe(24);
    // The rate chart reads the KPI's own cells from its 7th month: its p′ detail is Laney's chart of
    // months 7-36 computed here from FUNCTIONS.md's text, and its limits' last row the latest point's.
    const shop = [...Array(36).keys()].map((r) => [1, 2].map((c) => s.model.valueAt(s.model.findSheet("Web shop")!, 1 + r, c) as number));
    const want = laney(
      shop.slice(6).map((r) => r[1]),
      shop.slice(6).map((r) => r[0]),
    );
    const rate = (from: string, r: number, c: number) =>
      s.model.valueAt(check, cases.findIndex((x) => x.kpi === "CONV" && x.from === from) * 40 + r, c) as number;
    expect(rate("spcRateFormula p'", 1, 1)).toBeCloseTo(want.centre, 12);
    expect(rate("spcRateFormula p'", 2, 1)).toBeCloseTo(want.averageMovingRange, 12);
    expect(rate("spcRateFormula p'", 3, 1)).toBeCloseTo(want.lower, 12);
    expect(rate("spcRateFormula p'", 4, 1)).toBeCloseTo(want.upper, 12);
    expect(rate("spcRateFormula p' limits", 30, 0)).toBeCloseTo(shop[35][1] / shop[35][0], 15);
    // The status of every month is KPI_STATUS of its rate, as the card's (rateSummary.ts), and the change the card's too.
    const card = summariseRate(
      kpis.find((k) => k.id === "CONV")!,
      shop.map((r) => r[1]),
      shop.map((r) => r[0]),
    );
    const statuses = [...Array(36).keys()].map((r) => s.model.valueAt(check, cases.findIndex((x) => x.from === "rate statusFormula") * 40 + r, 0));
    expect(statuses).toEqual(card.statuses.map((st) => (st === null ? "No data" : STATUS_LABEL[st])));
    expect(new Set(statuses).size).toBeGreaterThan(1);
    expect(statuses).toEqual(shop.map(([v, o]) => kpiStatus([[o / v]], [[0.031]], [["5%"]], "higher")[0][0]));
    // The Scorecard sheet the workbook layer built, its year to date and outlook included.
    const board = s.model.findSheet("Scorecard")!;
    const errors: string[] = [];
    for (let r = 0; r < 14; r++)
      for (let c = 0; c < scorecard.SCORECARD_HEADERS.length; c++) {
        const v = await settled(s.model, "Scorecard", r, c);
        if (typeof v === "string" && STAND_IN_GAPS.test(v)) errors.push(`${scorecard.SCORECARD_HEADERS[c]} row ${r + 1}: ${v}`);
      }
    expect(board).toBeDefined();
    expect(errors).toEqual([]);
  }, 60_000);
});
