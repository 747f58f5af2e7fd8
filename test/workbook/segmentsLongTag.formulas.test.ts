/**
 * The formulas behind the card of a KPI split by a column (core/excel/segmentLongFormulas.ts),
 * offered by the insert-formula menu and evaluated in the stand-in on the sample's OrdersByRegion
 * (Month, Region, Orders, Visits): KPI.FUNNEL's detail and flags of the card's month against
 * December's regions summed here from the table's cells and the card's funnel, each row's status
 * against KPI_STATUS of its own rate; the same after a co-author sorts the table. Only host-list
 * functions.
 */
import { formulaChoices, summariesOf } from "../../src/core/model/portfolio";
import { latestFunnel } from "../../src/core/model/segmentView";
import { allowedFunction, functionsCalled } from "../../src/core/excel/hostFunctions";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { kpiStatus } from "../support/functions";
import { ORDERS_COLUMN, rowsOf, sortByOrders } from "../support/ordersByRegion";
import { settledSheet } from "../support/settled";
import { kpiInput, sampleSetup } from "../support/workbench";

const CONVERSION = kpiInput({
  name: "Conversion by region",
  unit: "",
  target: 0.03,
  atRisk: null,
  atRiskPercent: 10,
  segments: "by Region",
  denominatorRange: "Visits",
  firstPeriod: "2026-01",
});
const DECEMBER = 46357;

async function inserted(input = CONVERSION) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag(input, ORDERS_COLUMN, "CONV");
  const { register, series } = await s.workbook.refresh();
  const record = Object.fromEntries(series.map((x) => [x.id, x]));
  const kpi = register.kpis[0];
  const choices = formulaChoices(kpi, record, summariesOf(register.kpis, record), []);
  const check = s.model.addSheet("Check");
  // Each formula in its own column of Check, from row 1.
  choices.forEach((c, i) => s.model.writeFormula(check, 0, i * 6, c.formula));
  return { ...s, kpi, choices, data: (series[0] as SegmentSeries).segments! };
}

describe("a KPI split by a column: its card's formulas, in cells", () => {
  it("KPI.FUNNEL of December over the table's rows, and each row's status, as the card and the cells have them", async () => {
    const { model, kpi, choices, data } = await inserted();
    expect(choices.map((c) => c.label)).toEqual([
      "Funnel of 2026-12 across segments (KPI.FUNNEL detail: target, segments, counts)",
      "Funnel of 2026-12: each segment's flag, on its row of the table",
      "Funnel of 2026-12: its lines for a chart (KPI.FUNNEL curve)",
      "Status of each segment in 2026-12, on its row of the table",
    ]);
    for (const c of choices) for (const f of functionsCalled(c.formula)) expect([f, allowedFunction(f, ["FUNNEL", "KPI_STATUS"])]).toEqual([f, true]);
    const funnel = latestFunnel(kpi, data);
    if (!funnel.ok) throw new Error(funnel.problem);

    const expectCells = async () => {
      await settledSheet(model, "Check");
      // The spills as Excel shows them (the used range holds the formulas' cells only).
      const sheet = model.findSheet("Check")!;
      const check = Array.from({ length: 60 }, (_, r) => Array.from({ length: 24 }, (_, c) => model.valueAt(sheet, r, c)));
      const rows = rowsOf(model);
      const december = rows.filter((r) => r[0] === DECEMBER);
      const pooled = december.reduce((a, r) => a + (r[2] as number), 0) / december.reduce((a, r) => a + (r[3] as number), 0);
      // Detail: the benchmark is December's pooled rate, four regions compared.
      const detail = Object.fromEntries(check.slice(1, 8).map((r) => [r[0], r[1]]));
      expect(detail.target as number).toBeCloseTo(pooled, 12);
      expect(detail.segments).toBe(4);
      // Flags: on December's rows, each region's as the card's funnel flags it; "" on every other row.
      const flagOf = new Map(funnel.funnel.points.map((p) => [p.segment, p.flag]));
      rows.forEach((r, i) => expect([i, check[i][6]]).toEqual([i, r[0] === DECEMBER ? flagOf.get(r[1] as string) : ""]));
      // Status: December's rows, each region's rate against 3% and At risk 10% below it; No data on the others.
      rows.forEach((r, i) => {
        if (r[0] !== DECEMBER) return expect([i, check[i][18]]).toEqual([i, "No data"]);
        expect([i, check[i][18]]).toEqual([i, kpiStatus([[(r[2] as number) / (r[3] as number)]], [[0.03]], [[0.027]], "higher")[0][0]]);
      });
    };
    await expectCells();
    // A co-author sorts the table: every row's answer follows its row.
    sortByOrders(model);
    await expectCells();
  });

  it("a count split by a column offers each row's status in its month, no funnel", async () => {
    const orders = { ...CONVERSION, name: "Orders by region", target: 400, atRisk: 300, atRiskPercent: null, denominatorRange: "" };
    const { model, choices } = await inserted(orders);
    expect(choices.map((c) => c.label)).toEqual(["Status of each segment in 2026-12, on its row of the table"]);
    await settledSheet(model, "Check");
    const sheet = model.findSheet("Check")!;
    rowsOf(model).forEach((r, i) => {
      const want = r[0] === DECEMBER ? kpiStatus([[r[2] as number]], [[400]], [[300]], "higher")[0][0] : "No data";
      expect([i, model.valueAt(sheet, i, 0)]).toEqual([i, want]);
    });
  });
});
