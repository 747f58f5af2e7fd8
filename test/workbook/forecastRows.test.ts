/**
 * Forecast honesty in the workbook (issue 24, item 3d): a close records each outlook and lead
 * forecast the pane shows, as rows of KPI Reported with the interval in columns added to the
 * table by the first close that needs them; a table from before them is read and grown, never
 * damaged; a co-author acting between the read and the write is caught.
 */
import { snapshot } from "../../src/workbench/snapshot";
import { portfolioOf } from "../../src/core/model/portfolio";
import { forecastHonesty } from "../../src/core/review/coverage";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { REPORTED_HEADER, reportedRows, reportedValues } from "../support/reportedTable";

const REVENUE = "'Monthly KPIs'!B2:B37";
const CHURN = "'Monthly KPIs'!C2:C37";
const LEADS = "'Monthly KPIs'!D2:D37";
const LATER = ["Forecast", "Lower", "Upper", "Level", "From period", "Roll-up"];
type Setup = ReturnType<typeof sampleSetup>;

/**
 * Revenue and the qualified leads that run two months ahead of it, both from June 2023, so the
 * 36th period is May 2026 and the year 2026 has seven months open; churn from January 2023, so
 * its year 2025 is complete (no outlook).
 */
async function chain(s: Setup = sampleSetup()): Promise<Setup> {
  s.workbook.setAuthor("Dana Whitfield");
  await s.workbook.tag(kpiInput({ aggregation: "sum", firstPeriod: "2023-06" }), REVENUE, "REVENUE");
  await s.workbook.tag(
    kpiInput({ name: "Qualified leads", kind: "leading", predicts: "REVENUE", target: 250, atRisk: 230, unit: "", firstPeriod: "2023-06" }),
    LEADS,
    "LEADS",
  );
  await s.workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9, unit: "%", firstPeriod: "2023-01" }), CHURN, "CHURN");
  return s;
}

describe("a close records the forecasts the pane shows", () => {
  it("keeps the year's outlook and every period of the lead forecast, with their intervals, equal to the pane's", async () => {
    const { model, workbook } = await chain();
    const before = await workbook.refresh();
    const shown = portfolioOf(before.register, Object.fromEntries(before.series.map((s) => [s.id, s])), new Date());
    await workbook.closePeriod("2026-05", { ids: ["REVENUE", "LEADS"] });

    expect(reportedValues(model)[0]).toEqual([...REPORTED_HEADER, ...LATER]);
    const rows = reportedRows(model);
    expect(rows.map((r) => [r.Event, r.KPI, r.Period])).toEqual([
      ["Closed", "REVENUE", 36],
      ["Closed", "LEADS", 36],
      ["Outlook", "REVENUE", 43],
      ["Outlook", "LEADS", 43],
      ["Lead forecast", "REVENUE", 37],
      ["Lead forecast", "REVENUE", 38],
    ]);
    const outlook = shown.pack.cards.REVENUE.monthEnd.outlook!;
    expect(rows[2]).toMatchObject({
      Who: "Dana Whitfield",
      "Closed period": "2026-05",
      "Period date": "2026-12-01",
      Forecast: outlook.landing,
      Lower: outlook.lower,
      Upper: outlook.upper,
      Level: 0.8,
      "From period": 32,
      "Roll-up": "sum",
      Target: 1300 * 12,
      "Status basis": "KPI.OUTLOOK trend, 2026-01 to 2026-12, sum",
      Note: `Year: ${outlook.sentence}`,
      "Reported value": "",
      "Value cell": "'Monthly KPIs'!B44",
    });
    const forecast = shown.chains.find((c) => c.leading.id === "LEADS")!.forecast!;
    expect(rows[4]).toMatchObject({
      Forecast: forecast.forecast,
      Lower: forecast.lower,
      Upper: forecast.upper,
      Level: 0.8,
      "From period": "",
      "Roll-up": "",
      Target: 1300,
      "Status basis": "KPI.LEAD_FORECAST from LEADS, lag 2",
      Note: forecast.sentence,
      "Period date": "2026-06-01",
    });
    expect(rows[5]).toMatchObject({ Forecast: forecast.later[0].forecast, Lower: forecast.later[0].lower, Upper: forecast.later[0].upper, Period: 38 });
    // The closes read back as before: the forecast rows are no closes.
    const state = await workbook.readRegister();
    expect(state.reported.map((e) => [e.event, e.kpi])).toEqual([
      ["Closed", "REVENUE"],
      ["Closed", "LEADS"],
    ]);
    expect(state.forecasts.map((f) => [f.kind, f.kpi, f.period, f.from ?? null, f.rollup ?? null, f.closedPeriod])).toEqual([
      ["outlook", "REVENUE", 43, 32, "sum", "2026-05"],
      ["outlook", "LEADS", 43, 32, "last", "2026-05"],
      ["lead forecast", "REVENUE", 37, null, null, "2026-05"],
      ["lead forecast", "REVENUE", 38, null, null, "2026-05"],
    ]);
    expect(state.tableProblems).toEqual([]);
  });

  it("counts coverage once the actuals arrive: the next two months typed in", async () => {
    const { model, workbook } = await chain();
    await workbook.closePeriod("2026-05", { ids: ["REVENUE"] });
    const { forecasts } = await workbook.readRegister();
    const [first, second] = forecasts.filter((f) => f.kind === "lead forecast");
    const sheet = model.findSheet("Monthly KPIs")!;
    // June inside its interval, July far above it.
    model.writeValue(sheet, 37, 1, (first.lower + first.upper) / 2);
    model.writeValue(sheet, 38, 1, second.upper + 1000);
    await workbook.extend("REVENUE");
    const after = await workbook.refresh();
    const values = Object.fromEntries(after.series.map((s) => [s.id, s.values]));
    const [lead] = forecastHonesty(after.register.forecasts, values);
    expect([lead.kind, lead.coverage.n, lead.coverage.hits, lead.waiting]).toEqual(["lead forecast", 2, 1, 0]);
    expect(lead.coverage.sentence).toMatch(/^80% intervals: 1 of 2 contained the actual \(50%; 95% confidence interval 9% to 91%\)/);
  });

  it("records nothing for a complete year, and nothing twice when a period is closed again after a reopen", async () => {
    const { model, workbook } = await chain();
    await workbook.closePeriod("2025-12", { ids: ["CHURN"] });
    // Churn's year 2025 is complete: no forecast, so the table is made without the forecast columns.
    expect(reportedValues(model)[0]).toEqual(REPORTED_HEADER);
    await workbook.closePeriod("2026-05", { ids: ["REVENUE"] });
    await workbook.reopenPeriod("2026-05", "Late invoice");
    await workbook.closePeriod("2026-05", { ids: ["REVENUE"] });
    const events = reportedRows(model).map((r) => r.Event);
    expect(events).toEqual(["Closed", "Closed", "Outlook", "Lead forecast", "Lead forecast", "Reopened", "Closed"]);
  });
});

describe("a KPI Reported table from before the forecasts", () => {
  it("reads as it is, and the first close with a forecast adds the columns at its right end, keeping its rows", async () => {
    const { model, workbook } = await chain();
    await workbook.closePeriod("2025-12", { ids: ["CHURN"] });
    const old = reportedValues(model);
    expect(old[0]).toEqual(REPORTED_HEADER);
    const state = await workbook.readRegister();
    expect([state.tableProblems, state.forecasts, state.reported.length]).toEqual([[], [], 1]);
    const n = await syncsOf(model, () => workbook.closePeriod("2026-05", { ids: ["REVENUE"] }));
    const now = reportedValues(model);
    expect(now[0]).toEqual([...REPORTED_HEADER, ...LATER]);
    expect(now[1]).toEqual([...old[1], "", "", "", "", "", ""]);
    expect(now.slice(2).map((r) => r[2])).toEqual(["Closed", "Outlook", "Lead forecast", "Lead forecast"]);
    // Once the columns are there, a close costs what a close without forecasts costs; the first one, one look-up more.
    const again = await syncsOf(model, () => workbook.closePeriod("2026-05", { ids: ["LEADS"] }));
    expect(again).toBe(n - 1);
  });

  it("refuses, changing nothing, when the cells right of the table are the user's", async () => {
    const { model, workbook } = await chain();
    await workbook.closePeriod("2025-12", { ids: ["CHURN"] });
    model.writeValue(model.findSheet("KPI Reported")!, 3, 18, "my note");
    const before = snapshot(model);
    await expect(workbook.closePeriod("2026-05", { ids: ["REVENUE"] })).rejects.toThrow(
      /To record Forecast, Lower, Upper, Level, From period, Roll-up in reported KPIs, KPI Lens adds those columns at the right of KPI_Reported, but the cells there are not empty\. Move them, then try again; nothing was changed\./,
    );
    expect(snapshot(model)).toEqual(before);
  });
});

describe("recording forecasts with a co-author", () => {
  it("a co-author closes the same period between our read and our write: ours reads again, finds it closed, and no forecast is recorded twice", async () => {
    const probe = await chain();
    const n = await syncsOf(probe.model, () => probe.workbook.closePeriod("2026-05", { ids: ["REVENUE"] }));
    const a = await chain();
    const b = sampleSetup(a.model);
    b.workbook.setAuthor("Lee Chan");
    beforeSyncNumber(a.model, n, () => b.workbook.closePeriod("2026-05", { ids: ["REVENUE"] }));
    await expect(a.workbook.closePeriod("2026-05", { ids: ["REVENUE"] })).rejects.toThrow(/closed already by Lee Chan/);
    expect(reportedRows(a.model).map((r) => [r.Event, r.Who])).toEqual([
      ["Closed", "Lee Chan"],
      ["Outlook", "Lee Chan"],
      ["Lead forecast", "Lee Chan"],
      ["Lead forecast", "Lee Chan"],
    ]);
  });

  it("a co-author types right of an old table between our look-up and our write: nothing of ours stays, their cell is kept", async () => {
    const probe = await chain();
    await probe.workbook.closePeriod("2025-12", { ids: ["CHURN"] });
    const n = await syncsOf(probe.model, () => probe.workbook.closePeriod("2026-05", { ids: ["REVENUE"] }));
    const { model, workbook } = await chain();
    await workbook.closePeriod("2025-12", { ids: ["CHURN"] });
    let before: ReturnType<typeof snapshot> | null = null;
    beforeSyncNumber(model, n, () => {
      model.writeValue(model.findSheet("KPI Reported")!, 0, 16, "Their column");
      before = snapshot(model);
    });
    await expect(workbook.closePeriod("2026-05", { ids: ["REVENUE"] })).rejects.toThrow(/not empty/);
    expect(snapshot(model)).toEqual(before);
    expect(reportedValues(model)[0][16]).toBe("Their column");
  });
});
