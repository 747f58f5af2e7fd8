/**
 * The Scorecard's chart of a KPI across segments with a target per region (issue 22 item 5's
 * "native charts with the budget line", for a block): a Budget series over the scorecard's column
 * of the total's target per period, beside its Actual over the totals, each period's budget the
 * regions' targets added up as the test adds them from the sheet's cells. With the register's one
 * number as target, no Budget line, as a KPI of one series with one target has none.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { snapshot } from "../../src/workbench/snapshot";
import { cellsOf } from "../support/rangeCells";
import { settledSheet } from "../support/settled";
import { kpiInput, sampleSetup } from "../support/workbench";

const ORDERS = kpiInput({ name: "Orders by region", aggregation: "sum", segments: "columns", firstPeriod: "2023-01" });

async function built(targets: Partial<typeof ORDERS>) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag({ ...ORDERS, ...targets }, "'Regions'!B3:E38", "ORDERS");
  await s.workbook.buildScorecard();
  const values = await settledSheet(s.model);
  const chart = snapshot(s.model).charts.find((c) => c.name === "KPILens ORDERS")!;
  return { ...s, values, chart };
}

describe("a KPI across segments' chart on the Scorecard", () => {
  it("draws a Budget line of the regions' targets added up, each period", async () => {
    const { model, values, chart } = await built({ target: null, targetRange: "Regions!B40:E40", atRisk: null, atRiskPercent: 10 });
    expect(chart.series.map((x) => x.name)).toEqual(["Actual", "Budget"]);
    const sheet = model.findSheet("Regions")!;
    const total = [1, 2, 3, 4].reduce((a, c) => a + (model.valueAt(sheet, 39, c) as number), 0);
    const budget = cellsOf(values, chart.series[1].values!);
    expect(budget).toHaveLength(36);
    for (const b of budget) expect(b as number).toBeCloseTo(total, 12);
    // The Budget line runs beside the Actual over the same period labels.
    expect(chart.series[1].xValues).toBe(chart.series[0].xValues);
  });

  it("draws none with the register's one number as target", async () => {
    const { chart } = await built({ target: 400, atRisk: 300 });
    expect(chart.series.map((x) => x.name)).toEqual(["Actual"]);
  });
});
