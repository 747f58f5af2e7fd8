import { kpiStatus } from "../support/functions";
import { snapshot } from "../../src/workbench/snapshot";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { KpiWorkbookError } from "../../src/workbook/kpiWorkbook";
import { statusFormula } from "../../src/core/excel/formulas";
import { kpiInput, sampleSetup } from "../support/workbench";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { settledSheet } from "../support/settled";

const REVENUE = "'Monthly KPIs'!B2:B37";
const BUDGET_ROW = "Budget!B2:AK2";
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };

function sheetOf(snap: ReturnType<typeof snapshot>, name: string) {
  return snap.sheets.find((s) => s.name === name)!;
}

/** The budget as the sample lays it out (a row), and Revenue (a column). */
function data(snap: ReturnType<typeof snapshot>) {
  const revenue = sheetOf(snap, "Monthly KPIs")
    .values.slice(1, 37)
    .map((r) => r[1] as number);
  const budget = sheetOf(snap, "Budget").values[1].slice(1, 37) as number[];
  return { revenue, budget };
}

describe("a target per period (a budget row)", () => {
  it("keeps the range and a live percentage in the register, names the range, and colours each month against its own budget", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(kpiInput({ target: null, targetRange: BUDGET_ROW, atRisk: null, atRiskPercent: 10 }), REVENUE, "REVENUE");
    expect(kpi.targetRange).toBe("Budget!$B$2:$AK$2");
    const snap = snapshot(model);
    const register = sheetOf(snap, "KPI Register");
    const headers = register.values[0];
    expect(register.values[1][headers.indexOf("Target")]).toBe("Budget!$B$2:$AK$2");
    expect(register.values[1][headers.indexOf("At risk")]).toBe(0.1);
    const body = model.findTable("KPI_Register")!.area;
    expect(model.cellAt(model.findSheet("KPI Register")!, body.row + 1, body.col + headers.indexOf("At risk"))?.numberFormat).toBe("0%");
    expect(snap.names).toContainEqual({ name: "KPITarget_REVENUE", formula: "=Budget!$B$2:$AK$2", address: "Budget!B2:AK2" });

    // Independently: KPI_STATUS month by month with at_risk = budget − 10% of it.
    const { revenue, budget } = data(snap);
    const expected = revenue.map((v, i) => kpiStatus([[v]], [[budget[i]]], [[budget[i] * 0.9]], "higher")[0][0]);
    expect(new Set(expected)).toEqual(new Set(["On track", "At risk", "Off track"]));
    expect(
      sheetOf(snap, "Monthly KPIs")
        .fills.slice(1, 37)
        .map((r) => r[1]),
    ).toEqual(expected.map((s) => FILL_OF[s as string]));

    const { register: state, series } = await workbook.refresh();
    expect(state.kpis[0]).toMatchObject({ target: null, targetRange: "Budget!$B$2:$AK$2", atRisk: null, atRiskPercent: 10 });
    expect(series[0].targets).toEqual(budget);
    expect(series[0].problem).toBeNull();
  });

  it("refuses a target range of another length, saying both lengths, and writes nothing", async () => {
    const { model, workbook } = sampleSetup();
    const before = snapshot(model);
    const error = await workbook
      .tag(kpiInput({ target: null, targetRange: "Budget!B2:M2", atRiskPercent: 10, atRisk: null }), REVENUE, "REVENUE")
      .catch((e) => e);
    expect(error).toBeInstanceOf(KpiWorkbookError);
    expect(error.field).toBe("target");
    expect(error.message).toMatch(/Budget!B2:M2 has 12 periods and Revenue has 36/);
    expect(snapshot(model)).toEqual(before);
  });

  it("inserts a status formula that reads the budget through its name, and follows a change of budget", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(kpiInput({ target: null, targetRange: BUDGET_ROW, atRisk: null, atRiskPercent: 10 }), REVENUE, "REVENUE");
    const formula = statusFormula(kpi, true);
    expect(formula).toBe(
      '=KPI.KPI_STATUS(KPI_REVENUE,TRANSPOSE(KPITarget_REVENUE),TRANSPOSE(KPITarget_REVENUE)-ABS(TRANSPOSE(KPITarget_REVENUE))*INDEX(KPI_Register[At risk],MATCH("REVENUE",KPI_Register[ID],0)),"higher")',
    );
    model.functions = kpiFunctions();
    await workbook.insertFormula("'Monthly KPIs'!H2", formula, { rows: 36, columns: 1 });
    const { revenue, budget } = data(snapshot(model));
    // KPI.KPI_STATUS answers #BUSY! until its sliced computation is done (a loaded machine takes longer).
    const spilled = async () => (await settledSheet(model, "Monthly KPIs")).slice(1, 37).map((r) => r[7]);
    expect(await spilled()).toEqual(revenue.map((v, i) => kpiStatus([[v]], [[budget[i]]], [[budget[i] * 0.9]], "higher")[0][0]));
    // The finance team cuts the last month's budget to the actual: it turns On track.
    model.writeValue(model.findSheet("Budget")!, 1, 36, revenue[35]);
    expect((await spilled())[35]).toBe("On track");
  });

  it("switches back to one number: the name goes, the colours follow", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ target: null, targetRange: BUDGET_ROW, atRisk: null, atRiskPercent: 10 }), REVENUE, "REVENUE");
    await workbook.update("REVENUE", kpiInput({ target: 1300, targetRange: "", atRisk: null, atRiskPercent: 5 }));
    const snap = snapshot(model);
    expect(snap.names.map((n) => n.name)).not.toContain("KPITarget_REVENUE");
    const { revenue } = data(snap);
    const expected = revenue.map((v) => kpiStatus([[v]], [[1300]], [[1235]], "higher")[0][0]);
    expect(
      sheetOf(snap, "Monthly KPIs")
        .fills.slice(1, 37)
        .map((r) => r[1]),
    ).toEqual(expected.map((s) => FILL_OF[s as string]));
    const history = await workbook.history("REVENUE");
    expect(history.filter((h) => h.field === "Target").map((h) => [h.old, h.new])).toEqual([["Budget!$B$2:$AK$2", "1300"]]);
    expect(history.filter((h) => h.field === "At risk").map((h) => [h.old, h.new])).toEqual([["0.1", "0.05"]]);
  });

  it("untag and undo take the target name away and put it back", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ target: null, targetRange: BUDGET_ROW, atRisk: null, atRiskPercent: 10 }), REVENUE, "REVENUE");
    const tagged = snapshot(model);
    const receipt = await workbook.untag("REVENUE");
    expect(snapshot(model).names.map((n) => n.name)).not.toContain("KPITarget_REVENUE");
    await workbook.undoUntag(receipt);
    const back = snapshot(model);
    expect(back.names).toEqual(tagged.names);
    expect(sheetOf(back, "Monthly KPIs").fills).toEqual(sheetOf(tagged, "Monthly KPIs").fills);
  });
});

describe("a register from an earlier KPI Lens", () => {
  async function oldRegister() {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    // Drop the later columns, as a wave-one register had none of them.
    const table = s.model.findTable("KPI_Register")!;
    for (const header of [
      "Segments",
      "Perspective",
      "Rate as",
      "Denominator",
      "Year starts in",
      "Materiality %",
      "Materiality",
      "Guarded by",
      "Trigger",
      "First period",
      "Roll-up",
    ]) {
      expect(table.columns[table.columns.length - 1]).toBe(header);
      s.model.removeTableColumnAtEnd(table);
    }
    return s;
  }

  it("gains a column when a KPI needs it, instead of dropping the value", async () => {
    const { model, workbook } = await oldRegister();
    await workbook.update("REVENUE", kpiInput({ trigger: "drop 20%" }));
    const table = model.findTable("KPI_Register")!;
    expect(table.columns[table.columns.length - 1]).toBe("Trigger");
    const state = await workbook.readRegister();
    expect(state.kpis[0].trigger).toBe("drop 20%");
  });

  it("refuses, changing nothing, when the cells right of the register are the user's", async () => {
    const { model, workbook } = await oldRegister();
    const table = model.findTable("KPI_Register")!;
    model.writeValue(model.findSheet("KPI Register")!, 1, table.area.col + table.area.colCount, "my note");
    const before = snapshot(model);
    await expect(workbook.update("REVENUE", kpiInput({ trigger: "drop 20%", owner: "Lee Chan" }))).rejects.toThrow(
      /adds that column at the right of the register, but the cells there are not empty/,
    );
    expect(snapshot(model)).toEqual(before);
  });
});
