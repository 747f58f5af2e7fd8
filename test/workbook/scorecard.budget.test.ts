/**
 * Assurance against a budget per period (issue 22, item 2: "assurance read against the latest
 * period's target"): the card, the Scorecard's Assurance column and the SPC formula the pane
 * offers all judge the chart against the budget of the latest period with data, never against
 * the budget row's last cell. The budget rises through the year with a seasonal peak in Q4 and
 * the year is tagged whole (Oct-Dec open, blank), so December's budget would give another verdict.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { spcFormula } from "../../src/core/excel/formulas";
import { spcRateFormula } from "../../src/core/excel/rateFormulas";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { summaryOf } from "../../src/core/model/portfolio";
import { spc } from "../support/functions";
import { kpiInput, sampleSetup } from "../support/workbench";

const ACTUALS = [98, 104, 99, 106, 101, 97, 105, 100, 103];
const BUDGET = [100, 101, 102, 103, 104, 105, 106, 107, 108, 130, 140, 150];

function plan(): WorkbookModel {
  const model = new WorkbookModel();
  const sales = model.addSheet("Sales");
  model.writeValue(sales, 0, 0, "Month");
  model.writeValue(sales, 0, 1, "Sales");
  for (let i = 0; i < 12; i++) {
    model.writeValue(sales, i + 1, 0, `2025-${String(i + 1).padStart(2, "0")}`);
    if (i < ACTUALS.length) model.writeValue(sales, i + 1, 1, ACTUALS[i]);
  }
  const budget = model.addSheet("Budget");
  model.writeValue(budget, 1, 0, "Sales");
  BUDGET.forEach((b, i) => model.writeValue(budget, 1, i + 1, b));
  model.functions = kpiFunctions();
  return model;
}

async function settled(model: WorkbookModel, sheet: string, row: number, col: number): Promise<unknown> {
  for (let i = 0; i < 300; i++) {
    const v = model.valueAt(model.findSheet(sheet)!, row, col);
    if (!(v instanceof FormulaErrorValue && v.code === "#BUSY!")) return v instanceof FormulaErrorValue ? v.code : v;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return "#BUSY!";
}

describe("assurance against a budget that rises through the year", () => {
  // By hand: centre = 913 / 9 = 101.44…, mean moving range = (6+5+7+5+4+8+5+3) / 8 = 5.375, limits
  // centre ± 2.66 · 5.375 = 87.15 … 115.74. September's budget, 108, lies inside them: Hit and
  // miss. December's, 150, lies above the upper limit: Consistently fails (the wrong verdict).
  const centre = 913 / 9;
  const limits = [centre - 2.66 * 5.375, centre + 2.66 * 5.375];

  it("is read against the latest period's budget on the card, the scorecard and the offered formula", async () => {
    expect(limits[0]).toBeLessThan(108);
    expect(limits[1]).toBeGreaterThan(108);
    expect(limits[1]).toBeLessThan(150);
    const { model, workbook } = sampleSetup(plan());
    const kpi = await workbook.tag(
      kpiInput({ name: "Sales", target: null, targetRange: "Budget!B2:M2", atRisk: null, atRiskPercent: 5, firstPeriod: "2025-01" }),
      "Sales!B2:B13",
      "SALES",
    );
    const { series } = await workbook.refresh();
    const s = series.find((x) => x.id === "SALES")!;
    expect(s.values).toEqual([...ACTUALS, null, null, null]);

    // The card.
    const card = summaryOf(kpi, s);
    expect([card.latestPeriod, card.target, card.assurance]).toEqual([9, 108, "Hit and miss"]);
    expect(card.spc!.lower).toBeCloseTo(limits[0], 9);
    expect(card.spc!.upper).toBeCloseTo(limits[1], 9);

    // The function itself: the same verdicts for each budget, so the test can tell them apart.
    const column = ACTUALS.map((v) => [v]);
    expect(spc(column, 108, "higher", undefined, "assurance")[0][0]).toBe("Hit and miss");
    expect(spc(column, 150, "higher", undefined, "assurance")[0][0]).toBe("Consistently fails");

    // The Scorecard's Target and Assurance cells.
    await workbook.buildScorecard();
    const headers = model.findSheet("Scorecard")!;
    const at = (h: string) => SCORECARD_HEADERS.indexOf(h as (typeof SCORECARD_HEADERS)[number]);
    const row = 6; // title, as of, note, blank, headers, the objective, then Sales
    expect(model.valueAt(headers, row, 0)).toBe("Sales");
    expect(await settled(model, "Scorecard", row, at("Target"))).toBe(108);
    expect(await settled(model, "Scorecard", row, at("Assurance"))).toBe("Hit and miss");

    // The formula the pane offers ("Variation and assurance (SPC detail)"), in a cell.
    const check = model.addSheet("Check");
    model.writeFormula(check, 0, 0, spcFormula(kpi, null));
    await settled(model, "Check", 0, 0);
    const rows = Array.from({ length: 15 }, (_, r) => [model.valueAt(check, r, 0), model.valueAt(check, r, 1)]);
    const value = (measure: string) => rows.find((r) => r[0] === measure)?.[1];
    expect(value("assurance")).toBe("Hit and miss");
    expect(value("upper_limit")).toBeCloseTo(limits[1], 9);
    // A rate KPI's offered chart reads the same latest period's budget (over N for a rate per N).
    const rate = spcRateFormula({ ...kpi, denominatorRange: "Sales!C2:C13", ratePer: 1000 }, "u", null);
    expect(rate).toContain(`,INDEX(KPITarget_SALES,MATCH(9.99E+307,KPI_SALES))/1000,"higher",`);
  });
});
