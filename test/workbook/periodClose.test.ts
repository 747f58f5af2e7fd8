/** Closing and reopening a period: the KPI Reported table (issue 22, item 4). */
import { snapshot } from "../../src/workbench/snapshot";
import { restatements } from "../../src/core/model/restatement";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { REPORTED_HEADER, reportedValues } from "../support/reportedTable";

const REVENUE = "'Monthly KPIs'!B2:B37";
const CHURN = "'Monthly KPIs'!C2:C37";
type Setup = ReturnType<typeof sampleSetup>;

async function twoKpis(s: Setup = sampleSetup()): Promise<Setup> {
  s.workbook.setAuthor("Dana Whitfield");
  await s.workbook.tag(kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, firstPeriod: "2023-01" }), REVENUE, "REVENUE");
  await s.workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9, firstPeriod: "2023-01" }), CHURN, "CHURN");
  return s;
}

describe("closing a period", () => {
  it("records each KPI's reported value, target, status, variance and note, with who and when, and reads it back", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.addCheckIn("REVENUE", { period: 36, note: "Two renewals slipped to January", override: null, reason: "" });
    const budget = snapshot(model).sheets.find((x) => x.name === "Budget")!.values[1][36] as number;
    const churn = snapshot(model).sheets.find((x) => x.name === "Monthly KPIs")!.values[36][2] as number;
    const result = await workbook.closePeriod("2025-12");
    expect(result.skipped).toEqual([]);
    const rows = reportedValues(model);
    expect(rows[0]).toEqual(REPORTED_HEADER);
    expect(rows[1].slice(1)).toEqual([
      "Dana Whitfield",
      "Closed",
      "REVENUE",
      "2025-12",
      36,
      "2025-12-01",
      1443.5,
      budget,
      expect.any(String),
      "KPI_STATUS",
      1443.5 - budget,
      (1443.5 - budget) / Math.abs(budget),
      "Two renewals slipped to January",
      "",
      "'Monthly KPIs'!B37",
    ]);
    expect(rows[2].slice(2, 9)).toEqual(["Closed", "CHURN", "2025-12", 36, "2025-12-01", churn, 2.6]);
    expect(rows[1][0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const state = await workbook.readRegister();
    expect(state.reported.map((e) => [e.kpi, e.event, e.closedPeriod, e.value])).toEqual([
      ["REVENUE", "Closed", "2025-12", 1443.5],
      ["CHURN", "Closed", "2025-12", churn],
    ]);
    expect(state.reported).toEqual(result.closed);
    expect(model.findTable("KPI_Reported")).toBeDefined();
  });

  it("a changed actual after the close is a restatement; a reopen is recorded, keeps the closed rows and ends it", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.closePeriod("2025-12", { ids: ["REVENUE"] });
    model.writeValue(model.findSheet("Monthly KPIs")!, 36, 1, 1470);
    const after = await workbook.refresh();
    expect(restatements(after.register.reported, after.register.kpis, after.series).map((r) => r.text)).toEqual(["restated: 1,443.5 → 1,470.0 since close"]);
    workbook.setAuthor("Lee Chan");
    const reopened = await workbook.reopenPeriod("2025-12", "Late invoice from Acme");
    expect(reopened.map((e) => [e.kpi, e.event, e.who, e.reason, e.value])).toEqual([["REVENUE", "Reopened", "Lee Chan", "Late invoice from Acme", 1443.5]]);
    const rows = reportedValues(model);
    expect(rows.map((r) => r[2])).toEqual(["Event", "Closed", "Reopened"]);
    const again = await workbook.refresh();
    expect(restatements(again.register.reported, again.register.kpis, again.series)).toEqual([]);
    await workbook.closePeriod("2025-12", { ids: ["REVENUE"] });
    expect(reportedValues(model).map((r) => [r[2], r[7]])).toEqual([
      ["Event", "Reported value"],
      ["Closed", 1443.5],
      ["Reopened", 1443.5],
      ["Closed", 1470],
    ]);
  });

  it("refuses a period it cannot read, a close of a closed period, and a reopen without a reason or of an open period, writing nothing", async () => {
    const { model, workbook } = await twoKpis();
    let before = snapshot(model);
    await expect(workbook.closePeriod("December")).rejects.toThrow(/not a period to close: write it as 2025-12/);
    await expect(workbook.reopenPeriod("2025-12", "why not")).rejects.toThrow(/2025-12 is not closed/);
    await expect(workbook.closePeriod("2031-01")).rejects.toThrow(
      /Nothing to close for 2031-01 \(REVENUE: it has no value for 2031-01; CHURN: it has no value/,
    );
    expect(snapshot(model)).toEqual(before);
    await workbook.closePeriod("2025-12");
    before = snapshot(model);
    await expect(workbook.closePeriod("2025-12")).rejects.toThrow(/REVENUE: closed already by Dana Whitfield on \d{4}-\d{2}-\d{2}: reopen it first/);
    await expect(workbook.reopenPeriod("2025-12", "  ")).rejects.toThrow(/Say why 2025-12 is reopened/);
    expect(snapshot(model)).toEqual(before);
  });

  it("never writes a damaged table, and says so", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.closePeriod("2025-11");
    model.writeValue(model.findSheet("KPI Reported")!, 0, 7, "Value"); // the user renames Reported value
    const before = snapshot(model);
    await expect(workbook.closePeriod("2025-12")).rejects.toThrow(/reported KPIs lack the column Reported value/);
    expect(snapshot(model)).toEqual(before);
    expect((await workbook.readRegister()).tableProblems).toEqual([expect.stringMatching(/reported KPIs lack the column Reported value/)]);
  });

  it("reads the table in the register read's round trips: no extra sync", async () => {
    const { model, workbook } = await twoKpis();
    const without = await syncsOf(model, () => workbook.readRegister());
    await workbook.closePeriod("2025-12");
    expect(await syncsOf(model, () => workbook.readRegister())).toBe(without);
  });
});

describe("closing with a co-author", () => {
  it("a co-author closes the same period between our read and our write: ours reads again and finds it closed, no row twice", async () => {
    const probe = await twoKpis();
    await probe.workbook.closePeriod("2025-11");
    const n = await syncsOf(probe.model, () => probe.workbook.closePeriod("2025-12"));
    const a = await twoKpis();
    await a.workbook.closePeriod("2025-11");
    const b = sampleSetup(a.model);
    b.workbook.setAuthor("Lee Chan");
    beforeSyncNumber(a.model, n, () => b.workbook.closePeriod("2025-12"));
    await expect(a.workbook.closePeriod("2025-12")).rejects.toThrow(/closed already by Lee Chan/);
    const closes = reportedValues(a.model).filter((r) => r[4] === "2025-12");
    expect(closes.map((r) => [r[1], r[3]])).toEqual([
      ["Lee Chan", "REVENUE"],
      ["Lee Chan", "CHURN"],
    ]);
  });

  it("a co-author sorts the table and changes an actual between our read and our write: the reopen still records what was reported", async () => {
    const probe = await twoKpis();
    await probe.workbook.closePeriod("2025-12");
    const n = await syncsOf(probe.model, () => probe.workbook.reopenPeriod("2025-12", "late invoice"));
    const { model, workbook } = await twoKpis();
    await workbook.closePeriod("2025-12");
    beforeSyncNumber(model, n, () => {
      model.writeValue(model.findSheet("Monthly KPIs")!, 36, 1, 1470);
      const t = model.findTable("KPI_Reported")!;
      const sheet = model.sheetById(t.sheetId);
      const [r1, r2] = [1, 2].map((i) => Array.from({ length: t.area.colCount }, (_, c) => model.formulaAt(sheet, t.area.row + i, t.area.col + c)));
      r2.forEach((v, c) => model.writeFormula(sheet, t.area.row + 1, t.area.col + c, v));
      r1.forEach((v, c) => model.writeFormula(sheet, t.area.row + 2, t.area.col + c, v));
    });
    const reopened = await workbook.reopenPeriod("2025-12", "late invoice");
    // The sort alone is no conflict (the closes are the same set); the reopen keeps what was reported, not the new actual.
    expect(reopened.map((e) => [e.kpi, e.value])).toEqual([
      ["REVENUE", 1443.5],
      ["CHURN", expect.any(Number)],
    ]);
    expect(reportedValues(model).filter((r) => r[2] === "Reopened")).toHaveLength(2);
  });

  it("leaves the workbook as it was when Excel refuses the write part-way", async () => {
    const probe = await twoKpis();
    await probe.workbook.closePeriod("2025-11");
    const n = await syncsOf(probe.model, () => probe.workbook.closePeriod("2025-12"));
    const { model, workbook } = await twoKpis();
    await workbook.closePeriod("2025-11");
    let before: ReturnType<typeof snapshot> | null = null;
    beforeSyncNumber(model, n, () => {
      model.findSheet("KPI Reported")!.protected = true;
      before = snapshot(model);
    });
    await expect(workbook.closePeriod("2025-12")).rejects.toThrow(/Excel refused to close 2025-12: .*Nothing was changed/);
    expect(snapshot(model)).toEqual(before);
  });
});
