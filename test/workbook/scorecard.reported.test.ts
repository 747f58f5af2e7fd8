/**
 * The Scorecard as reported or as restated (issue 22, item 4): as reported, each KPI's Period,
 * Latest, Target, Variance, Variance %, Status and Note are KPI Reported's row of the "As of"
 * close, read by live formulas; both views mark in Restated the figures changed since that close;
 * a rebuild keeps the view the sheet was built with (in its setting); as reported needs a close;
 * a co-author's edit between the read and the write is caught and the rebuild done again.
 */
import { snapshot, WorkbookSnapshot } from "../../src/workbench/snapshot";
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { syncsOf } from "../support/workbench";
import { sampleKpis } from "../support/sampleKpis";
import { settledSheet, settledSnapshot } from "../support/settled";

const at = (h: (typeof SCORECARD_HEADERS)[number]) => SCORECARD_HEADERS.indexOf(h);

async function closedDecember() {
  const s = await sampleKpis();
  await s.workbook.addCheckIn("REVENUE", { period: 36, note: "December invoices late", override: null, reason: "" });
  await s.workbook.closePeriod("2025-12");
  return s;
}

/** Revenue and Churn over 2023-01..2025-12, nothing closed yet. */
const kpisOf2025 = () => sampleKpis({ conversion: false });

const settled = (model: WorkbookModel) => settledSheet(model);

const rowOf = (values: unknown[][], name: string) => values.find((r) => r[0] === name)!;

/** KPI Reported's rows by header, as the close wrote them. */
function reportedRows(snap: WorkbookSnapshot): Record<string, unknown>[] {
  const sheet = snap.sheets.find((x) => x.name === "KPI Reported")!;
  const [headers, ...rows] = sheet.values;
  return rows.map((r) => Object.fromEntries((headers as string[]).map((h, i) => [h, r[i]])));
}

describe("the Scorecard as reported or as restated", () => {
  it("as reported, shows each KPI's row of the close and marks what was restated since", async () => {
    const { model, workbook } = await closedDecember();
    // December's revenue corrected after the close: a restatement.
    model.writeValue(model.findSheet("Monthly KPIs")!, 36, 1, 1470);
    const built = await workbook.buildScorecard({ view: "reported" });
    expect(built).toMatchObject({ view: "reported", rows: 3, rebuilt: false });
    let values = await settled(model);
    expect(values[1][1]).toBe("2025-12");
    expect(values[3][0]).toMatch(/^Figures as reported at the "As of" close \(KPI Reported\)/);
    const reported = reportedRows(snapshot(model));
    const of = (id: string) => reported.find((r) => r.KPI === id && r.Event === "Closed")!;
    const revenue = rowOf(values, "Revenue");
    const r = of("REVENUE");
    expect(r["Reported value"]).toBe(1443.5);
    expect([
      revenue[at("Latest")],
      revenue[at("Target")],
      revenue[at("Variance")],
      revenue[at("Variance %")],
      revenue[at("Status")],
      revenue[at("Note")],
    ]).toEqual([r["Reported value"], r.Target, r.Variance, r["Variance %"], r.Status, "December invoices late"]);
    // The reported period as a date: 1 December 2025 is Excel's serial 45992 (days from 1899-12-30).
    expect(revenue[at("Period")]).toBe(45992);
    expect(revenue[at("Restated")]).toBe("Value");
    expect(revenue[at("Reported row")]).toBe(reported.findIndex((x) => x.KPI === "REVENUE" && x.Event === "Closed") + 1);
    for (const name of ["Churn", "Conversion"]) {
      const row = rowOf(values, name);
      const e = of(name === "Churn" ? "CHURN" : "CONV");
      expect([row[at("Latest")], row[at("Target")], row[at("Status")], row[at("Restated")]]).toEqual([e["Reported value"], e.Target, e.Status, ""]);
    }
    // A budget changed since the close: Target too; December's visits: Conversion's rate.
    model.writeValue(model.findSheet("Budget")!, 1, 36, 1700);
    model.writeValue(model.findSheet("Web shop")!, 36, 1, 50_000);
    values = await settled(model);
    expect(rowOf(values, "Revenue")[at("Restated")]).toBe("Value and target");
    expect(rowOf(values, "Conversion")[at("Restated")]).toBe("Value");
    expect(rowOf(values, "Churn")[at("Restated")]).toBe("");
  });

  it("as restated marks the close's restatements too, and a rebuild keeps the view the sheet was built with", async () => {
    const { model, workbook } = await closedDecember();
    model.writeValue(model.findSheet("Monthly KPIs")!, 36, 1, 1470);
    await workbook.buildScorecard({ view: "restated" });
    let values = await settled(model);
    expect(values[3][0]).toMatch(/^Figures as restated: today's values and targets/);
    expect([rowOf(values, "Revenue")[at("Latest")], rowOf(values, "Revenue")[at("Restated")]]).toEqual([1470, "Value"]);
    await workbook.buildScorecard({ view: "reported" });
    const kept = await workbook.buildScorecard();
    expect(kept).toMatchObject({ view: "reported", rebuilt: true });
    expect((snapshot(model).settings["KPILens.scorecard"] as { view: string }).view).toBe("reported");
    values = await settled(model);
    expect(rowOf(values, "Revenue")[at("Latest")]).toBe(1443.5);
    expect(values[3][0]).toMatch(/^Figures as reported/);
  });

  it("says a period reopened since, and refuses as reported when nothing stands closed", async () => {
    const { model, workbook } = await closedDecember();
    await workbook.buildScorecard({ view: "reported" });
    await workbook.reopenPeriod("2025-12", "December invoices corrected");
    const values = await settled(model);
    expect(["Revenue", "Churn"].map((n) => [rowOf(values, n)[at("Status")], rowOf(values, n)[at("Latest")], rowOf(values, n)[at("Restated")]])).toEqual([
      ["Reopened", "", ""],
      ["Reopened", "", ""],
    ]);
    const before = await settledSnapshot(model);
    await expect(workbook.buildScorecard()).rejects.toThrow(/No period stands closed in KPI Reported.*build the scorecard as restated/);
    expect(await settledSnapshot(model)).toEqual(before);
    expect((await workbook.buildScorecard({ view: "restated" })).view).toBe("restated");
  });

  it("is as of the latest period that stands closed: a reopened February gives January, closed again February", async () => {
    const { model, workbook } = await kpisOf2025();
    await workbook.closePeriod("2025-01");
    await workbook.closePeriod("2025-02");
    await workbook.buildScorecard({ view: "reported" });
    expect((await settled(model))[1][1]).toBe("2025-02");
    await workbook.reopenPeriod("2025-02", "February accruals late");
    let values = await settled(model);
    expect(values[1][1]).toBe("2025-01");
    // As reported follows it: each KPI's January close, its value the cell of January (row 26 of 2023-01..).
    const monthly = snapshot(model).sheets.find((x) => x.name === "Monthly KPIs")!.values;
    const january = reportedRows(snapshot(model)).filter((r) => r["Closed period"] === "2025-01" && r.Event === "Closed");
    expect(["Revenue", "Churn"].map((n) => [rowOf(values, n)[at("Latest")], rowOf(values, n)[at("Status")]])).toEqual(
      ["REVENUE", "CHURN"].map((id) => [january.find((r) => r.KPI === id)!["Reported value"], january.find((r) => r.KPI === id)!.Status]),
    );
    expect([rowOf(values, "Revenue")[at("Latest")], rowOf(values, "Churn")[at("Latest")]]).toEqual([monthly[25][1], monthly[25][2]]);
    // 1 January 2025 is Excel's serial 45658.
    expect(rowOf(values, "Revenue")[at("Period")]).toBe(45658);
    await workbook.closePeriod("2025-02");
    values = await settled(model);
    expect(values[1][1]).toBe("2025-02");
    expect([rowOf(values, "Revenue")[at("Latest")], rowOf(values, "Churn")[at("Latest")]]).toEqual([monthly[26][1], monthly[26][2]]);
    const rows = reportedRows(snapshot(model));
    // The second close's row (the last Closed row of Revenue, February's), not the first, reopened one.
    const second = rows.flatMap((entry, i) => (entry.KPI === "REVENUE" && entry.Event === "Closed" ? [{ entry, row: i + 1 }] : []));
    const last = second[second.length - 1];
    expect(last.entry["Closed period"]).toBe("2025-02");
    expect([rowOf(values, "Revenue")[at("Status")], rowOf(values, "Revenue")[at("Reported row")]]).toEqual([last.entry.Status, last.row]);
    // Reopened again, and January too: nothing stands, so the sheet stays on the last close and says so.
    await workbook.reopenPeriod("2025-02", "again");
    await workbook.reopenPeriod("2025-01", "January too");
    values = await settled(model);
    expect(values[1][1]).toBe("2025-02");
    expect(rowOf(values, "Revenue")[at("Status")]).toBe("Reopened");
  });

  it("writes no error a user's Excel would not show, and every cell of the rows is a formula", async () => {
    const { model, workbook } = await closedDecember();
    await workbook.buildScorecard({ view: "reported" });
    const values = await settled(model);
    const formulas = snapshot(model).sheets.find((x) => x.name === "Scorecard")!.formulas;
    // The table's rows (the summary below names them again).
    const rows = values
      .map((_, i) => i)
      .filter((i) => ["Revenue", "Churn", "Conversion"].includes(values[i][0] as string))
      .slice(0, 3);
    expect(rows).toHaveLength(3);
    for (const i of rows) {
      expect(formulas[i].every((f) => String(f).startsWith("="))).toBe(true);
      expect(
        values[i]
          .map((v, c) => `${values[i][0]} ${SCORECARD_HEADERS[c]}: ${v}`)
          .filter((_, c) => typeof values[i][c] === "string" && /^#(REF|NAME|VALUE|ERROR|CALC)/.test(values[i][c] as string)),
      ).toEqual([]);
    }
    // Revenue's roll-up is "last": its year to date is the latest period against that period's budget
    // (one cell of the budget row, no TRANSPOSE: the stand-in's TRANSPOSE of one cell is #VALUE!).
    const revenue = rowOf(values, "Revenue");
    const budget = snapshot(model).sheets.find((x) => x.name === "Budget")!.values[1][36] as number;
    expect([revenue[at("YTD actual")], revenue[at("YTD budget")]]).toEqual([1443.5, budget]);
    expect(revenue[at("YTD variance")]).toBeCloseTo(1443.5 - budget, 9);
    expect(model.valueAt(model.findSheet("Scorecard")!, rows[0], at("Latest"))).not.toBeInstanceOf(FormulaErrorValue);
  });

  it("a co-author's edit of the old sheet between the read and the write is caught, and the rebuild as reported done again", async () => {
    const probe = await closedDecember();
    await probe.workbook.buildScorecard();
    const n = await syncsOf(probe.model, () => probe.workbook.buildScorecard({ view: "reported" }));
    const { model, workbook } = await closedDecember();
    await workbook.buildScorecard();
    const start = model.syncCount;
    let typed = false;
    model.beforeSync = () => {
      // Right before the write: the co-author types over the old view line.
      if (model.syncCount === start + n - 1 && !typed) {
        typed = true;
        model.writeValue(model.findSheet("Scorecard")!, 3, 0, "co-author's line");
      }
    };
    const result = await workbook.buildScorecard({ view: "reported" });
    model.beforeSync = null;
    expect(typed).toBe(true);
    expect(result.view).toBe("reported");
    const values = await settled(model);
    expect(values[3][0]).toMatch(/^Figures as reported/);
    expect(rowOf(values, "Revenue")[at("Latest")]).toBe(1443.5);
    expect((snapshot(model).settings["KPILens.scorecard"] as { view: string }).view).toBe("reported");
  });
});
