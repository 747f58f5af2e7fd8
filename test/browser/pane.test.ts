/**
 * The five abilities of the task pane, in the workbench, compared with the worksheet functions
 * computed on the same cells.
 */
import { mkdirSync } from "node:fs";
import { kpiStatus, leadForecast, leadLagCorr, sigChange, spc } from "../support/functions";
import { analyseChain } from "../../src/core/model/chain";
import { openWorkbench, Session, settle, snapshotOf, tagThroughPane } from "./browser";
import { tagLeadsPredictingRevenue, tagRevenue } from "../support/sampleTags";
import { bestLag } from "../support/bestLag";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  // Nothing leaves the machine, and nothing goes wrong unseen, in any of these sessions.
  expect(session.requests.filter((u) => !u.startsWith(process.env.KPI_LENS_URL!))).toEqual([]);
  expect(session.errors).toEqual([]);
});

function column(snap: Awaited<ReturnType<typeof snapshotOf>>, sheet: string, col: number): unknown[][] {
  return snap.sheets
    .find((s) => s.name === sheet)!
    .values.slice(1, 37)
    .map((r) => [r[col]]);
}

async function tagChain(s: Session) {
  await tagRevenue(s.page);
  await tagLeadsPredictingRevenue(s.page);
  await settle(s.page);
}

describe("the task pane", () => {
  it("shows each KPI's status and change as KPI_STATUS and SIG_CHANGE compute them, rolled up by objective", async () => {
    session = await openWorkbench();
    await tagChain(session);
    const snap = await snapshotOf(session.page);
    const revenue = column(snap, "Monthly KPIs", 1);
    const status = kpiStatus([revenue[35]], [[1300]], [[1250]])[0][0] as string;
    const change = sigChange(revenue, 1, 0.05, "xmr")[0][0] as string;
    const card = session.page.getByLabel("KPI Revenue");
    await expectText(card.getByTestId("status"), status);
    const headline = (await card.getByTestId("change").textContent()) ?? "";
    expect(headline.startsWith(`${status} · `)).toBe(true);
    expect(/significant (increase|decrease)/.test(headline)).toBe(change !== "No significant change");
    await session.page
      .getByLabel("Objective status On track")
      .or(session.page.getByLabel(/Objective status/))
      .first()
      .waitFor();
  });

  it("states the lead-lag chain with the best lag and p-value LEADLAG_CORR gives", async () => {
    session = await openWorkbench();
    await tagChain(session);
    const snap = await snapshotOf(session.page);
    const leads = column(snap, "Monthly KPIs", 3).map(([v]) => v as number);
    const revenue = column(snap, "Monthly KPIs", 1).map(([v]) => v as number);
    const chain = analyseChain({ name: "Qualified leads", values: leads }, { name: "Revenue", values: revenue, cadence: "monthly" }, true);
    const [lag, r] = bestLag(leads, revenue, chain);
    const sentence = (await session.page.getByTestId("chain-sentence").textContent()) ?? "";
    expect(sentence).toContain(`Qualified leads moves Revenue ${lag} months later, r = ${(r as number).toFixed(2)}`);
    await session.page.getByRole("img", { name: /Qualified leads and Revenue: \d+ lags; best lag 2/ }).waitFor();
  });

  it("lists health findings and records a review date in the register", async () => {
    session = await openWorkbench();
    await tagChain(session);
    const findings = session.page.getByRole("list", { name: "Health check findings" });
    await findings.getByText("Revenue has no initiative meant to move it (orphaned).").waitFor();
    await findings.getByText("Revenue has no response for when it leaves On track.").waitFor();
    await findings.getByRole("listitem").filter({ hasText: "Revenue has no initiative" }).getByRole("button", { name: "Fix" }).click();
    await session.page.getByLabel("Initiative", { exact: true }).fill("Enterprise upsell");
    await session.page.getByLabel("Response", { exact: true }).fill("Review the pipeline with sales leads");
    await session.page.getByRole("button", { name: "Save changes" }).click();
    await session.page.getByText("Saved Revenue.").waitFor();
    await settle(session.page);
    expect(await findings.getByText(/^Revenue has no/).count()).toBe(0);
    await session.page.getByRole("button", { name: "Mark reviewed: Revenue", exact: true }).click();
    await session.page.getByText("Marked Revenue reviewed today.").waitFor();
    const register = (await snapshotOf(session.page)).sheets.find((s) => s.name === "KPI Register")!;
    const today = await session.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    expect(register.values[1][15]).toBe(today);
  });

  it("inserts the live formula behind an answer, which computes the same answer in the sheet", async () => {
    session = await openWorkbench();
    await tagChain(session);
    await session.page.evaluate(() => window.workbench.select("'Monthly KPIs'!H2"));
    await session.page.getByLabel("Formula for KPI").selectOption({ label: "Revenue" });
    await session.page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!H2/ }).click();
    await session.page.getByText(/^Inserted =KPI\.KPI_STATUS\(KPI_REVENUE,INDEX\(KPI_Register\[Target\]/).waitFor();
    let snap = await snapshotOf(session.page);
    const sheet = () => snap.sheets.find((s) => s.name === "Monthly KPIs")!;
    let inserted = sheet()
      .values.slice(1, 37)
      .map((r) => [r[7]]);
    expect(inserted).toEqual(kpiStatus(column(snap, "Monthly KPIs", 1), [[1300]], [[1250]], "higher"));
    const status = await session.page.getByLabel("KPI Revenue").getByTestId("status").textContent();
    expect(inserted[35][0]).toBe(status);

    // The formula is linked to the register: a new target there changes what it computes.
    await session.page.getByRole("button", { name: "Edit Revenue" }).click();
    await session.page.getByLabel("Target", { exact: true }).fill("1100");
    await session.page.getByLabel("At risk", { exact: true }).fill("1000");
    await session.page.getByRole("button", { name: "Save changes" }).click();
    await session.page.getByText("Saved Revenue.").waitFor();
    snap = await snapshotOf(session.page);
    inserted = sheet()
      .values.slice(1, 37)
      .map((r) => [r[7]]);
    expect(inserted).toEqual(kpiStatus(column(snap, "Monthly KPIs", 1), [[1100]], [[1000]], "higher"));
  });

  it("shows variation and assurance icons and the XmR chart as KPI.SPC computes them, and forecasts the outcome as KPI.LEAD_FORECAST does", async () => {
    session = await openWorkbench();
    await tagChain(session);
    const snap = await snapshotOf(session.page);
    const revenue = column(snap, "Monthly KPIs", 1);
    const card = session.page.getByLabel("KPI Revenue");
    const variation = spc(revenue, 1300, "higher")[0][0] as string;
    const assurance = spc(revenue, 1300, "higher", null as never, "assurance")[0][0] as string;
    await card.getByRole("img", { name: `Variation: ${variation}` }).waitFor();
    await card.getByRole("img", { name: `Assurance: ${assurance}` }).waitFor();
    await card.getByRole("img", { name: /^Process behaviour chart of Revenue: 36 points/ }).waitFor();

    const leads = column(snap, "Monthly KPIs", 3);
    const sentence = (await session.page.getByTestId("forecast-sentence").textContent()) ?? "";
    const [[, r]] = leadLagCorr(leads, revenue, 12, "pearson", true, "best") as number[][];
    expect(Math.abs(r)).toBeGreaterThan(0);
    const lag = Number(/moves Revenue (\d+) months later/.exec((await session.page.getByTestId("chain-sentence").textContent()) ?? "")?.[1]);
    const [, first] = leadForecast(leads, revenue, lag, 0.8) as number[][];
    const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 0, minimumFractionDigits: 0 });
    expect(sentence).toContain(
      `Revenue forecast from Qualified leads: ${fmt(first[1])} next period (80% interval ${fmt(first[2])} to ${fmt(first[3])}), projected`,
    );
  });

  it("refuses to insert where the result would overwrite the user's cells", async () => {
    session = await openWorkbench();
    await tagChain(session);
    await session.page.evaluate(() => window.workbench.select("'Monthly KPIs'!A2"));
    await session.page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!A2/ }).click();
    await session.page
      .getByRole("alert")
      .getByText(/is not empty/)
      .waitFor();
    const snap = await snapshotOf(session.page);
    expect(snap.sheets[0].values[1][0]).toBe("Jan 2023");
  });

  it("offers numbers typed right below a tagged range as new periods, and includes them", async () => {
    session = await openWorkbench();
    await tagChain(session);
    await session.page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!B38:B39", [[1500], [1100]]));
    const card = session.page.getByLabel("KPI Revenue");
    await card.getByText("2 new values after the range.").waitFor();
    await card.getByRole("button", { name: "Include new periods" }).click();
    await session.page.getByText("Revenue now includes its new periods.").waitFor();
    const snap = await snapshotOf(session.page);
    expect(snap.names.find((n) => n.name === "KPI_REVENUE")!.address).toBe("'Monthly KPIs'!B2:B39");
    const fills = snap.sheets.find((s) => s.name === "Monthly KPIs")!.fills;
    expect([fills[37][1], fills[38][1]]).toEqual(["#C6EFCE", "#FFC7CE"]);
    await card.getByText(/^Latest 1,100/).waitFor();
  });

  it("selects a KPI's range in the sheet", async () => {
    session = await openWorkbench();
    await tagChain(session);
    await session.page.evaluate(() => window.workbench.select("'Support'!A1"));
    await session.page.getByRole("button", { name: "Select range of Revenue" }).click();
    await settle(session.page);
    expect((await snapshotOf(session.page)).selection).toBe("'Monthly KPIs'!B2:B37");
  });

  it("shows text from the workbook as text, never as markup", async () => {
    session = await openWorkbench();
    await tagThroughPane(session.page, "'Monthly KPIs'!F2:F37", {
      name: "<img src=x onerror=alert(1)>",
      owner: "Dana Whitfield",
      objective: "<b>bold</b>",
      target: "15",
      direction: "lower",
    });
    // Its card title (the form lists it in options too, which are not shown until opened).
    await session.page.getByLabel("KPI <img src=x onerror=alert(1)>").getByText("<img src=x onerror=alert(1)>", { exact: true }).first().waitFor();
    expect(await session.page.locator("aside img").count()).toBe(0);
    expect(await session.page.locator("aside b").count()).toBe(0);
  });

  it.each([
    [320, "light"],
    [320, "dark"],
    [450, "light"],
    [450, "dark"],
  ])("fits a %i px pane (%s) without horizontal scrolling", async (width, theme) => {
    session = await openWorkbench(`?pane=${width}&theme=${theme}`, { width: 1100 + width, height: 2600 });
    await tagChain(session);
    const pane = session.page.locator(".pane");
    const overflowing = await pane.evaluate((el) => {
      const right = el.getBoundingClientRect().left + el.clientLeft + el.clientWidth;
      return [...el.querySelectorAll("*")].filter((c) => c.getBoundingClientRect().right > right + 0.5).map((c) => `${c.tagName}.${c.className}`.slice(0, 60));
    });
    expect(overflowing).toEqual([]);
    mkdirSync("test-results", { recursive: true });
    await pane.screenshot({ path: `test-results/pane-${width}-${theme}.png` });
  });
});

async function expectText(locator: import("playwright-core").Locator, text: string) {
  await locator.filter({ hasText: text }).waitFor();
}
