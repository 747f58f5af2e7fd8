import { snapshot, WorkbookSnapshot } from "../../src/workbench/snapshot";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { kpiStatus } from "../support/functions";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

async function twoKpis() {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag(kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10 }), "'Monthly KPIs'!B2:B37", "REVENUE");
  await s.workbook.tag(kpiInput({ name: "Churn", objective: "Keep customers", direction: "lower", target: 2.6, atRisk: 2.9 }), "'Monthly KPIs'!C2:C37", "CHURN");
  return s;
}

const others = (snap: WorkbookSnapshot) => snap.sheets.filter((x) => x.name !== "Scorecard");

describe("the Scorecard sheet", () => {
  it("holds one row of live formulas per KPI, grouped by objective, and a line chart of each", async () => {
    const { model, workbook } = await twoKpis();
    const before = snapshot(model);
    const result = await workbook.buildScorecard();
    expect(result).toEqual({ sheet: "Scorecard", rows: 2, charts: 2, rebuilt: false });
    const snap = snapshot(model);
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    expect(sheet.values[4]).toEqual(["Objective", "KPI", "Owner", "Latest", "Target", "Status", "Variation", "Trend"]);
    // Grow recurring revenue sorts before Keep customers.
    const churnValues = snap.sheets.find((x) => x.name === "Monthly KPIs")!.values.slice(1, 37).map((r) => r[2]);
    expect(sheet.values[6].slice(0, 5)).toEqual(["Keep customers", "Churn", "Dana Whitfield", churnValues[35], 2.6]);
    const revenue = sheet.values[5];
    expect(revenue.slice(0, 3)).toEqual(["Grow recurring revenue", "Revenue", "Dana Whitfield"]);
    const budget = snap.sheets.find((x) => x.name === "Budget")!.values[1][36] as number;
    expect(revenue[3]).toBe(1443.5);
    expect(revenue[4]).toBe(budget);
    expect(revenue[5]).toBe(kpiStatus([[1443.5]], [[budget]], [[budget * 0.9]])[0][0]);
    expect(String(revenue[6])).toMatch(/cause|variation/i);
    expect(sheet.formulas[5].every((f) => String(f).startsWith("="))).toBe(true);
    expect(snap.charts).toEqual([
      { sheet: "Scorecard", name: "KPILens REVENUE", type: "Line", title: "Revenue", source: "'Monthly KPIs'!B2:B37", position: "J5:P15" },
      { sheet: "Scorecard", name: "KPILens CHURN", type: "Line", title: "Churn", source: "'Monthly KPIs'!C2:C37", position: "J17:P27" },
    ]);
    expect(others(snap)).toEqual(before.sheets);
  });

  it("follows the register: a new target shows without a rebuild", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    await workbook.update("CHURN", kpiInput({ name: "Churn", objective: "Keep customers", direction: "lower", target: 2.2, atRisk: 2.5 }));
    const snap = snapshot(model);
    const row = snap.sheets.find((x) => x.name === "Scorecard")!.values[6];
    const latest = snap.sheets.find((x) => x.name === "Monthly KPIs")!.values[36][2];
    expect(row[4]).toBe(2.2);
    expect(row[5]).toBe(kpiStatus([[latest]], [[2.2]], [[2.5]], "lower")[0][0]);
    expect(row[5]).not.toBe(kpiStatus([[latest]], [[2.6]], [[2.9]], "lower")[0][0]);
  });

  it("rebuilds in place, without duplicating rows or charts, after KPIs come and go", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    await workbook.untag("CHURN");
    await workbook.buildScorecard();
    const first = snapshot(model);
    const result = await workbook.buildScorecard();
    expect(result.rebuilt).toBe(true);
    const snap = snapshot(model);
    expect(snap.sheets.filter((x) => x.name === "Scorecard")).toHaveLength(1);
    expect(snap.charts.map((c) => c.name)).toEqual(["KPILens REVENUE"]);
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    expect(sheet.values.length).toBe(6); // title, note, blank, blank, headers, one KPI
    expect(snap.sheets).toEqual(first.sheets);
  });

  it("keeps a renamed scorecard as ours, and never takes over a sheet the user named Scorecard", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    model.renameSheet(model.findSheet("Scorecard")!, "Board pack");
    expect((await workbook.buildScorecard()).sheet).toBe("Board pack");

    const other = await twoKpis();
    other.model.writeValue(other.model.addSheet("Scorecard"), 0, 0, "my own scorecard");
    const before = snapshot(other.model);
    await expect(other.workbook.buildScorecard()).rejects.toThrow(/not made by KPI Lens/);
    expect(snapshot(other.model)).toEqual(before);
  });

  it("puts the old scorecard back when Excel refuses the rebuild", async () => {
    const probe = await twoKpis();
    await probe.workbook.buildScorecard();
    const n = await syncsOf(probe.model, () => probe.workbook.buildScorecard());
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    const start = model.syncCount;
    let before: WorkbookSnapshot | null = null;
    model.beforeSync = () => {
      if (model.syncCount === start + n) {
        before = snapshot(model);
        model.findSheet("Scorecard")!.protected = true;
      }
    };
    await expect(workbook.buildScorecard()).rejects.toThrow(/Excel refused to rebuild the scorecard/);
    model.beforeSync = null;
    model.findSheet("Scorecard")!.protected = false;
    expect(snapshot(model).sheets).toEqual(before!.sheets);
    expect(snapshot(model).charts).toEqual(before!.charts);
  });
});
