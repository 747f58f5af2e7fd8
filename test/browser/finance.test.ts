/**
 * A finance analyst's month end in the workbench: Revenue against the sample's budget row with
 * At risk 10%, a note on the Off track month, a new target and its history, a linked formula
 * that follows the next target, the scorecard built and rebuilt, and the action the Off track
 * month opened marked done.
 */
import { kpiStatus } from "../support/functions";
import { fillFields, openWorkbench, pressTag, selectRange, Session, settle, snapshotOf } from "./browser";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.errors).toEqual([]);
});

const sheetOf = (snap: Awaited<ReturnType<typeof snapshotOf>>, name: string) => snap.sheets.find((s) => s.name === name)!;

describe("a finance analyst's month end", () => {
  it("budget target, note, history, linked formula, scorecard and action, all in the workbook", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByLabel("Your name in the KPI history").fill("Dana Whitfield");

    // Tag Revenue against the budget row, At risk 10% of each month's budget.
    await selectRange(page, "'Monthly KPIs'!B2:B37");
    await fillFields(page, { Name: "Revenue", Owner: "Dana Whitfield", Objective: "Grow recurring revenue", Target: "Budget!B2:AK2", "At risk": "10%" });
    await page.getByText("10% of each period's target, kept as a percentage").waitFor();
    await fillFields(page, { "Roll-up": "sum", "First period": "2023-01", Response: "Review the pipeline with the sales leads" });
    await pressTag(page, "Tagged Revenue as a KPI");
    await settle(page);

    let snap = await snapshotOf(page);
    const revenue = sheetOf(snap, "Monthly KPIs")
      .values.slice(1, 37)
      .map((r) => r[1] as number);
    const budget = sheetOf(snap, "Budget").values[1].slice(1, 37) as number[];
    const card = page.getByLabel("KPI Revenue");
    const latestStatus = kpiStatus([[revenue[35]]], [[budget[35]]], [[budget[35] * 0.9]])[0][0];
    expect(latestStatus).toBe("Off track");
    expect(await card.getByTestId("status").textContent()).toBe("Off track");
    await card.getByText(`target ${budget[35].toLocaleString()} (per period)`).waitFor();
    // Year to date 2025: the twelve months summed on both sides.
    const ytdActual = revenue.slice(24).reduce((a, b) => a + b, 0);
    const ytdBudget = budget.slice(24).reduce((a, b) => a + b, 0);
    expect(await card.getByTestId("rollup").textContent()).toContain(
      `2025 to date (sum): ${ytdActual.toLocaleString("en-US", { maximumFractionDigits: 1 })} vs ${ytdBudget.toLocaleString("en-US")}`,
    );

    // The Off track month fired a trigger: shown as pending, opened when the user says so (a
    // pane never writes on its own, so a runtime started by a formula cannot either).
    await page.getByRole("button", { name: "Open the action" }).click();
    const actions = page.getByRole("list", { name: "Open actions" });
    await actions.getByText("Revenue: Off track in 2025-12").waitFor();
    snap = await snapshotOf(page);
    expect(sheetOf(snap, "KPI Actions").values[1].slice(1, 9)).toEqual([
      "REVENUE",
      36,
      "2025-12-01",
      "Off track",
      "Review the pipeline with the sales leads",
      "Dana Whitfield",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      "open",
    ]);

    // The pane asks for a note on the Off track month; write it.
    await card.getByRole("button", { name: "Write note for Revenue" }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.getByLabel("Period").inputValue()).toBe("36");
    await dialog.getByLabel("Note", { exact: true }).fill("Two renewals slipped into January; recovery plan agreed");
    await dialog.getByRole("button", { name: "Save note" }).click();
    await page.getByText("Saved the note on Revenue (2025-12).").waitFor();
    await card.getByText(/2025-12: Two renewals slipped into January; recovery plan agreed — Dana Whitfield/).waitFor();
    expect(await card.getByRole("button", { name: "Write note for Revenue" }).count()).toBe(0);
    snap = await snapshotOf(page);
    expect(sheetOf(snap, "KPI Notes").values[1].slice(1)).toEqual([
      "REVENUE",
      36,
      "2025-12-01",
      "Two renewals slipped into January; recovery plan agreed",
      "",
      "",
      "Dana Whitfield",
    ]);

    // A new target (one number), then its history.
    await page.getByRole("button", { name: "Edit Revenue" }).click();
    await page.getByLabel("Target", { exact: true }).fill("1300");
    await page.getByLabel("At risk", { exact: true }).fill("10%");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(/^Saved Revenue\./).waitFor();
    await settle(page);
    await page.getByRole("button", { name: "History of Revenue" }).click();
    const history = page.getByRole("table", { name: "History of Revenue" });
    await history.getByText("Target: Budget!$B$2:$AK$2 → 1300").waitFor();
    expect(await history.getByText("Dana Whitfield").count()).toBeGreaterThanOrEqual(2);
    await page
      .getByRole("list", { name: "Notes history of Revenue" })
      .getByText(/Two renewals slipped/)
      .waitFor();
    await page.getByRole("button", { name: "Close", exact: true }).click();

    // A formula inserted now follows the next change of target.
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!H2"));
    await page.getByLabel("Formula for KPI").selectOption({ label: "Revenue" });
    await page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!H2/ }).click();
    await page.getByText(/^Inserted =KPI\.KPI_STATUS/).waitFor();
    const inserted = async () =>
      sheetOf(await snapshotOf(page), "Monthly KPIs")
        .values.slice(1, 37)
        .map((r) => [r[7]]);
    const column = revenue.map((v) => [v]);
    expect(await inserted()).toEqual(kpiStatus(column, [[1300]], [[1170]]));
    await page.getByRole("button", { name: "Edit Revenue" }).click();
    await page.getByLabel("Target", { exact: true }).fill("1450");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(/^Saved Revenue\./).waitFor();
    await settle(page);
    expect(await inserted()).toEqual(kpiStatus(column, [[1450]], [[1305]]));

    // The scorecard, built and rebuilt in place.
    await page.getByRole("button", { name: "Build scorecard sheet" }).click();
    await page.getByText("Built the sheet Scorecard: 1 KPI, 1 chart.").waitFor();
    await settle(page);
    await page.getByRole("button", { name: "Build scorecard sheet" }).click();
    await page.getByText("Rebuilt the sheet Scorecard: 1 KPI, 1 chart.").waitFor();
    snap = await snapshotOf(page);
    expect(snap.sheets.filter((s) => s.name === "Scorecard")).toHaveLength(1);
    expect(snap.charts).toEqual([expect.objectContaining({ sheet: "Scorecard", type: "Line", title: "Revenue", source: "'Monthly KPIs'!B2:B37" })]);
    // The objective's heading (its worst status), then the KPI's row: KPI, owner, period, latest, target, variance, variance %, status.
    const scorecard = sheetOf(snap, "Scorecard").values;
    const status = kpiStatus([[revenue[35]]], [[1450]])[0][0];
    expect([scorecard[5][0], scorecard[5][7]]).toEqual(["Grow recurring revenue", status]);
    const scorecardRow = scorecard[6];
    expect([scorecardRow[0], scorecardRow[1], scorecardRow[3], scorecardRow[4], scorecardRow[7]]).toEqual([
      "Revenue",
      "Dana Whitfield",
      revenue[35],
      1450,
      status,
    ]);
    expect(scorecardRow[5]).toBeCloseTo((revenue[35] as number) - 1450, 9);
    await page.getByRole("tab", { name: "Scorecard" }).click();
    await page.getByRole("listitem", { name: "Chart Revenue" }).waitFor();

    // The action is done, on time.
    await actions.getByLabel(/Note on the action for Revenue/).fill("Pipeline reviewed; two deals pulled forward");
    await actions.getByRole("button", { name: "Mark done: Revenue Off track 2025-12" }).click();
    await page.getByText("Marked the action on Revenue done.").waitFor();
    await page.getByText("No open actions.").waitFor();
    const rate = page.getByRole("table", { name: "Execution rate by owner" });
    await rate.getByRole("cell", { name: "100%" }).waitFor();
    snap = await snapshotOf(page);
    expect(sheetOf(snap, "KPI Actions").values[1].slice(8)).toEqual([
      "done",
      "Pipeline reviewed; two deals pulled forward",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    ]);
  });

  it("refuses a budget range of the wrong length at the Target field, writing nothing", async () => {
    session = await openWorkbench();
    const { page } = session;
    const before = await snapshotOf(page);
    await selectRange(page, "'Monthly KPIs'!B2:B37");
    await fillFields(page, { Name: "Revenue", Owner: "Dana Whitfield", Target: "Budget!B2:M2" });
    await page.getByRole("button", { name: "Tag as KPI" }).click();
    const message = "The target range Budget!B2:M2 has 12 periods and Revenue has 36: give one target per period, in the same order.";
    await page.getByText(message).first().waitFor();
    // Shown at the field itself.
    const field = page.locator("#kpi-field-target");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const after = await snapshotOf(page);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
  });
});
