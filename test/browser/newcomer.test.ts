/**
 * The newcomer's walk through the workbench, item by item, as a first-time finance analyst
 * meets it: each test retries one thing that once went wrong.
 */
import { openWorkbench, Session, settle, snapshotOf } from "./browser";
import { tagChurn, tagRevenue } from "../support/sampleTags";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.errors).toEqual([]);
});

describe("a first-time user in the workbench", () => {
  it("switches sheets with the tabs and sees the register", async () => {
    session = await openWorkbench();
    const { page } = session;
    await tagRevenue(page);
    await page.getByRole("tab", { name: "KPI Register" }).click();
    await page.getByRole("table", { name: "Sheet KPI Register" }).waitFor();
    await settle(page);
    // It stays there after the pane's refreshes.
    await page.getByRole("table", { name: "Sheet KPI Register" }).waitFor();
    expect(await page.getByRole("tab", { name: "KPI Register" }).getAttribute("aria-selected")).toBe("true");
  });

  it("selects a column by its header, and the pane offers its used part", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByRole("columnheader", { name: "C", exact: true }).dispatchEvent("mousedown");
    await page.getByText(/^Selected 'Monthly KPIs'!C1:C1048576 · 36 numbers/).waitFor();
    expect((await snapshotOf(page)).selection).toBe("'Monthly KPIs'!C1:C1048576");
  });

  it("reads 10% in At risk as 10% of the target, and says what it comes to", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByLabel("Target", { exact: true }).fill("1300");
    await page.getByLabel("At risk", { exact: true }).fill("10%");
    await page.getByText("10% of the target: Off track beyond 1,170").waitFor();
  });

  it("Fix opens the form at the field to fix, in view and focused", async () => {
    session = await openWorkbench("?pane=320");
    const { page } = session;
    await tagRevenue(page);
    await settle(page);
    const finding = page.getByText("Revenue has no initiative meant to move it (orphaned).");
    await finding.scrollIntoViewIfNeeded();
    await page.getByRole("listitem").filter({ has: finding }).getByRole("button", { name: "Fix" }).click();
    const field = page.getByLabel("Initiative", { exact: true });
    await page.waitForFunction(() => document.activeElement?.id === "kpi-field-initiative");
    expect(await field.isVisible()).toBe(true);
    const inView = await field.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(inView).toBe(true);
  });

  it("shows a message beside the action that caused it, and clears it at the next one", async () => {
    session = await openWorkbench();
    const { page } = session;
    await tagRevenue(page);
    await settle(page);
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!A2"));
    await page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!A2/ }).click();
    const formulas = page.getByRole("region", { name: "Insert a formula" });
    await formulas
      .getByRole("alert")
      .getByText(/is not empty/)
      .waitFor();
    expect(await page.getByText(/^Tagged Revenue as a KPI/).count()).toBe(0);
  });

  it("filters the KPI list by status and copies it as a table", async () => {
    session = await openWorkbench();
    const { page } = session;
    await session.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await tagRevenue(page);
    await tagChurn(page);
    await settle(page);
    const revenueStatus = (await page.getByLabel("KPI Revenue").getByTestId("status").textContent()) ?? "";
    const value = { "On track": "on", "At risk": "risk", "Off track": "off" }[revenueStatus]!;
    await page.getByLabel("Filter by status").selectOption(value);
    await page.getByLabel("KPI Revenue").waitFor();
    await page.getByRole("button", { name: "Copy as table" }).click();
    await page.getByText(/^Copied \d KPIs? as a table/).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const rows = copied.split("\n").map((r) => r.split("\t"));
    expect(rows[0].slice(0, 3)).toEqual(["KPI", "Objective", "Owner"]);
    expect(rows.slice(1).every((r) => r[6] === revenueStatus)).toBe(true);
    expect(rows.some((r) => r[0] === "Revenue")).toBe(true);
  });

  it("keeps the user's light fills readable in the dark theme (Excel's automatic black font)", async () => {
    session = await openWorkbench("?theme=dark");
    const { page } = session;
    const filled = page.locator("td[style*='background']").first();
    await filled.waitFor();
    expect(await filled.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(0, 0, 0)");
  });

  it("says why a cell shows an error when the pointer rests on it", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!H2", [["=KPI.SIG_CHANGE(B2:B3)"]]));
    const cell = page.locator("td[data-address='H2']");
    await page.waitForFunction(() => document.querySelector("td[data-address='H2']")?.textContent === "#N/A");
    expect(await cell.getAttribute("title")).toMatch(/needs at least 3 baseline numbers/);
  });
});

describe("a register deleted by hand", () => {
  it("lists the leftovers and removes them in one click", async () => {
    session = await openWorkbench();
    const { page } = session;
    await tagRevenue(page);
    await settle(page);
    await page.evaluate(() => window.workbench.deleteSheet("KPI Register"));
    await page.getByRole("button", { name: "Refresh" }).click();
    const leftovers = page.getByRole("list", { name: "Leftovers of deleted KPIs" });
    await leftovers.getByText(/REVENUE has no register row, but its name KPI_REVENUE/).waitFor();
    await leftovers.getByRole("button", { name: "Remove leftovers" }).click();
    await page.getByText("Removed what was left of REVENUE.").waitFor();
    const snap = await snapshotOf(page);
    expect(snap.names.filter((n) => n.name.startsWith("KPI_"))).toEqual([]);
    expect(snap.conditionalFormats.filter((f) => f.rule.includes("kpilens:"))).toEqual([]);
  });
});

describe("the audit trail in the pane", () => {
  it("records a target change under the name given in the pane, and shows it in the KPI's history", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByLabel("Your name in the KPI history").fill("Dana Whitfield");
    await tagRevenue(page);
    await page.getByRole("button", { name: "Edit Revenue" }).click();
    await page.getByLabel("Target", { exact: true }).fill("1350");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved Revenue.").waitFor();
    await page.getByRole("button", { name: "History of Revenue" }).click();
    const table = page.getByRole("table", { name: "History of Revenue" });
    await table.getByText("Target: 1300 → 1350").waitFor();
    await table.getByText(/^Tagged 'Monthly KPIs'!\$B\$2:\$B\$37$/).waitFor();
    expect(await table.getByText("Dana Whitfield").count()).toBe(2);
    const snap = await snapshotOf(page);
    expect(snap.tables.map((t) => t.name)).toContain("KPI_History");
  });
});
