/**
 * A month end with the budget row (issue 22): Revenue against Budget!B2:AK2, December closed,
 * an actual changed afterwards (a restatement on the card, in the health check, on the Scorecard
 * and in History), the card's and the Scorecard's variance and outlook read and each number
 * compared with KPI.VARIANCE's and KPI.OUTLOOK's own answers inserted through the pane, the
 * Scorecard built as reported and as restated, then the period reopened with a reason.
 */
import { compact } from "../../src/core/model/monthEnd";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { fillFields, openWorkbench, pressTag, selectRange, Session, settle, snapshotOf } from "./browser";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.errors).toEqual([]);
});

const sheetOf = (snap: Awaited<ReturnType<typeof snapshotOf>>, name: string) => snap.sheets.find((s) => s.name === name)!;
const at = (h: (typeof SCORECARD_HEADERS)[number]) => SCORECARD_HEADERS.indexOf(h);

/** A KPI's row of the Scorecard once its functions have answered (#BUSY! meanwhile). */
async function scorecardRow(page: Session["page"], name: string): Promise<unknown[]> {
  for (;;) {
    await settle(page);
    const row = sheetOf(await snapshotOf(page), "Scorecard").values.find((r) => r[0] === name)!;
    if (!row.some((v) => v === "#BUSY!")) return row;
  }
}

describe("a month end with the budget row", () => {
  it("close, restate, and the card's variance and outlook against the functions' own answers", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByLabel("Your name in the KPI history").fill("Dana Whitfield");
    await selectRange(page, "'Monthly KPIs'!B2:B37");
    await fillFields(page, {
      Name: "Revenue",
      Owner: "Dana Whitfield",
      Target: "Budget!B2:AK2",
      "At risk": "10%",
      "First period": "2023-01",
      Materiality: "50",
    });
    await pressTag(page, "Tagged Revenue as a KPI");
    await settle(page);
    const card = page.getByLabel("KPI Revenue");
    // The budget is drawn as the line it is, in the sparkline and the process chart.
    await card.getByTestId("budget-line").waitFor();
    await card.getByTestId("xmr-budget").waitFor();
    expect(await card.getByTestId("variance").textContent()).toBe("Variance 2025-12: -184.5 (-11.3%): unfavourable");

    // Close December.
    const close = page.getByRole("region", { name: "Close a period" });
    expect(await close.getByLabel("Period to close").inputValue()).toBe("2025-12");
    await close.getByRole("button", { name: "Close 2025-12" }).click();
    await page.getByText(/^Closed 2025-12 for 1 KPI \(Revenue\)/).waitFor();
    await close.getByText(/^2025-12 is closed: 1 KPI reported, by Dana Whitfield/).waitFor();
    expect(sheetOf(await snapshotOf(page), "KPI Reported").values[1].slice(2, 9)).toEqual(["Closed", "REVENUE", "2025-12", 36, "2025-12-01", 1443.5, 1628]);

    // December's actual corrected after the close: a restatement on the card and in the health check.
    await page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!B37", [[1470]]));
    await settle(page);
    await card.getByTestId("restatement").getByText("2025-12 restated: 1,443.5 → 1,470.0 since close (2025-12 closed by Dana Whitfield)").waitFor();
    await page
      .getByRole("list", { name: "Health check findings" })
      .getByText(/Revenue 2025-12 restated: 1,443\.5 → 1,470\.0 since close/)
      .waitFor();
    const variance = await card.getByTestId("variance").textContent();
    expect(variance).toBe("Variance 2025-12: -158 (-9.7%): unfavourable");
    const outlook = (await card.getByTestId("outlook").textContent())!;

    // A mark far right and below: the snapshot's grid is the sheet's used area, which spilled
    // cells do not extend, so the answers' cells are inside it.
    await page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!Z40", [["end"]]));
    // KPI.VARIANCE's own answer, inserted through the pane: the latest row is December's.
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!H2"));
    await page.getByLabel("Formula for KPI").selectOption({ label: "Revenue" });
    await page.getByLabel("Answer").selectOption({ label: "Variance of every period (detail; the latest row is this period's)" });
    await page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!H2/ }).click();
    await page.getByText(/^Inserted =KPI\.VARIANCE/).waitFor();
    await settle(page);
    let sheet = sheetOf(await snapshotOf(page), "Monthly KPIs");
    expect(sheet.values[1].slice(7, 14)).toEqual(["actual", "target", "variance", "percent", "label", "material", "explain"]);
    const [actual, target, v, percent, label, material] = sheet.values[37].slice(7, 13) as [number, number, number, number, string, boolean];
    expect([actual, target, label, material]).toEqual([1470, 1628, "Unfavourable", true]);
    expect(variance).toBe(`Variance 2025-12: ${compact(v)} (${(percent * 100).toFixed(1)}%): ${label.toLowerCase()}`);

    // KPI.OUTLOOK's own answer for the year.
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!P2"));
    await page.getByLabel("Answer").selectOption({ label: "Year's outlook (80% interval, chance to meet the budget)" });
    await page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!P2/ }).click();
    await page.getByText(/^Inserted =.*KPI\.OUTLOOK\(/).waitFor();
    await settle(page);
    sheet = sheetOf(await snapshotOf(page), "Monthly KPIs");
    expect(sheet.values[1].slice(15, 20)).toEqual(["landing", "lower", "upper", "target", "probability"]);
    const [landing, lower, upper, budget] = sheet.values[2].slice(15, 19) as number[];
    expect(outlook).toContain(`lands at ${compact(landing)}, 80% between ${compact(lower)} and ${compact(upper)}, against a budget of ${compact(budget)}`);

    // The Scorecard as reported: the close's figures, Restated marking the corrected December.
    await page.getByLabel("Figures").selectOption("reported");
    await page.getByRole("button", { name: "Build scorecard sheet" }).click();
    await page.getByText("Built the sheet Scorecard: 1 KPI, 1 chart, as reported at the close.").waitFor();
    let board = await scorecardRow(page, "Revenue");
    expect([board[at("Latest")], board[at("Target")], board[at("Restated")]]).toEqual([1443.5, 1628, "Value"]);
    // As restated, today's: its variance and outlook are the functions' own answers in the cells above.
    await page.getByLabel("Figures").selectOption("restated");
    await page.getByRole("button", { name: "Build scorecard sheet" }).click();
    await page.getByText("Rebuilt the sheet Scorecard: 1 KPI, 1 chart.").waitFor();
    board = await scorecardRow(page, "Revenue");
    const probability = sheet.values[2][19];
    expect([board[at("Latest")], board[at("Variance")], board[at("Variance %")], board[at("Restated")]]).toEqual([actual, v, percent, "Value"]);
    expect([board[at("Year outlook")], board[at("Chance to meet")]]).toEqual([landing, probability]);

    // History lists the restatement while December stands closed.
    await page.getByRole("button", { name: "History of Revenue" }).click();
    await page.getByRole("list", { name: "Restated since close: Revenue" }).getByText("2025-12: restated: 1,443.5 → 1,470.0 since close").waitFor();
    await page.getByRole("button", { name: "Close", exact: true }).click();

    // Reopened with a reason: no longer a restatement; History shows both events.
    await close.getByLabel("Reason to reopen 2025-12").fill("December invoices corrected");
    await close.getByRole("button", { name: "Reopen 2025-12" }).click();
    await page.getByText(/^Reopened 2025-12 for 1 KPI/).waitFor();
    await settle(page);
    expect(await card.getByTestId("restatement").count()).toBe(0);
    await page.getByRole("button", { name: "History of Revenue" }).click();
    const closes = page.getByRole("table", { name: "Closes of Revenue" });
    await closes.getByText(/^Closed 2025-12: reported 1,443\.5 against 1,628/).waitFor();
    await closes.getByText("Reopened 2025-12: December invoices corrected").waitFor();
    await page.getByRole("button", { name: "Close", exact: true }).click();
  });
});
