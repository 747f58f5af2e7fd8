/**
 * Issue 24 in the workbench, as a user walks it: a due-this-close review of three KPIs from
 * start to finish, the strategy map of the sample (each arrow's lag and r what LEADLAG_CORR
 * gives in a cell), and the walk's findings that need a real browser (focus after Tag, a long
 * message inside its bar).
 */
import { analyseChain } from "../../src/core/model/chain";
import { openWorkbench, Session, settle, snapshotOf, tagThroughPane } from "./browser";
import { tagChurn, tagRevenue } from "../support/sampleTags";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.errors).toEqual([]);
});

type Snapshot = Awaited<ReturnType<typeof snapshotOf>>;
const column = (snap: Snapshot, sheet: string, col: number) =>
  snap.sheets
    .find((s) => s.name === sheet)!
    .values.slice(1, 37)
    .map((r) => r[col] as number);

/** Dates the KPIs' last review years back (Tag records today), so this close finds them overdue. */
async function reviewLongAgo(s: Session, rows: number): Promise<void> {
  const register = (await snapshotOf(s.page)).sheets.find((x) => x.name === "KPI Register")!;
  const col = register.values[0].indexOf("Last reviewed");
  const letter = String.fromCharCode(65 + col);
  await s.page.evaluate(
    ([address, n]) =>
      window.workbench.setValues(
        address as string,
        Array.from({ length: n as number }, () => ["2020-01-31"]),
      ),
    [`'KPI Register'!${letter}2:${letter}${rows + 1}`, rows],
  );
  await settle(s.page);
}

async function tagThree(s: Session) {
  await tagRevenue(s.page);
  await tagChurn(s.page);
  await tagThroughPane(s.page, "'Monthly KPIs'!D2:D37", {
    name: "Qualified leads",
    owner: "Dana Whitfield",
    objective: "Grow revenue",
    target: "240",
    kind: "leading",
    predicts: "Revenue",
  });
  await settle(s.page);
}

// Each walk tags three KPIs of the sample (which now carries the segment and rate sheets too) and waits for
// KPI.* cells; on a loaded 2-CPU machine one took over 60 s, as the segments walk does (180 s there).
jest.setTimeout(180_000);

describe("review rhythm in the workbench", () => {
  it("reviews the three due KPIs of this close, one card at a time, and writes each date", async () => {
    session = await openWorkbench();
    const { page } = session;
    await tagThree(session);
    const due = page.getByRole("region", { name: "Due this close" });
    // Tag records today's review: all done, until the register says otherwise.
    await due.getByText("Every KPI is reviewed for this close.").waitFor();
    await reviewLongAgo(session, 3);
    await due.getByText("Dana Whitfield: 2 overdue").waitFor();
    await due.getByText("Ana Lima: 1 overdue").waitFor();
    await due.getByRole("button", { name: "Review the 3 due KPIs" }).click();
    const seen: string[] = [];
    for (let card = 1; card <= 3; card++) {
      await due.getByText(`Card ${card} of 3`).waitFor();
      const heading = due.getByRole("heading", { level: 3 });
      seen.push((await heading.textContent()) ?? "");
      expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
      expect(await due.getByTestId("review-numbers").textContent()).toMatch(/against a target of/);
      if (card === 2) await due.getByRole("textbox").fill("Checked with the owner: keep the plan.");
      await due.getByRole("button", { name: "Reviewed", exact: true }).click();
      await page.waitForFunction(() => !document.querySelector("main[aria-busy='true']"));
    }
    await due.getByText("Reviewed 3 of 3 KPIs: nothing more is due this close.").waitFor();
    expect([...seen].sort()).toEqual(["Churn", "Qualified leads", "Revenue"]);
    await settle(page);
    const snap = await snapshotOf(page);
    const register = snap.sheets.find((s) => s.name === "KPI Register")!;
    const at = register.values[0].indexOf("Last reviewed");
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    expect(register.values.slice(1, 4).map((r) => r[at])).toEqual([today, today, today]);
    const notes = snap.sheets.find((s) => s.name === "KPI Notes");
    expect(notes?.values.some((r) => r.includes("Checked with the owner: keep the plan."))).toBe(true);
    await page.getByRole("button", { name: "Back to the list" }).click();
    await due.getByText("Every KPI is reviewed for this close.").waitFor();
  });

  it("draws the sample's strategy map, each arrow's lag and r those LEADLAG_CORR gives in a cell", async () => {
    session = await openWorkbench();
    const { page } = session;
    await tagThree(session);
    const map = page.getByRole("region", { name: "Strategy map" });
    await map.getByRole("button", { name: "Show the strategy map" }).click();
    const snap = await snapshotOf(page);
    const leads = column(snap, "Monthly KPIs", 3);
    const revenue = column(snap, "Monthly KPIs", 1);
    const chain = analyseChain({ name: "Qualified leads", values: leads }, { name: "Revenue", values: revenue, cadence: "monthly" }, true);
    const ids = Object.fromEntries(snap.names.map((n) => [n.address, n.name]));
    const formula = `=KPI.LEADLAG_CORR(${ids["'Monthly KPIs'!D2:D37"]},${ids["'Monthly KPIs'!B2:B37"]},${chain.maxLag},"pearson",${chain.differenced ? "TRUE" : "FALSE"},"best")`;
    // The best lag and its r in two cells (the workbench spills no array typed by setValues).
    await page.evaluate((f) => window.workbench.setValues("'Monthly KPIs'!K2:L2", [[`=INDEX(${f.slice(1)},1,1)`, `=INDEX(${f.slice(1)},1,2)`]]), formula);
    await page.waitForFunction(() => typeof window.workbench.snapshot().sheets[0].values[1][11] === "number");
    const cells = (await snapshotOf(page)).sheets[0].values[1];
    const [lag, r] = [cells[10] as number, cells[11] as number];
    const label = `lag ${lag}, r = ${r.toFixed(2)}`;
    const words = map.getByRole("list", { name: "KPIs of Grow revenue" });
    await words.getByText(`predicts Revenue (${label})`, { exact: false }).waitFor();
    const arrow = map.locator("[data-arrow]");
    expect(await arrow.count()).toBe(1);
    expect(await arrow.textContent()).toBe(label);
    expect(await arrow.getAttribute("data-dashed")).toBe("false");
    // Every KPI has its status in words beside its colour, and the picture saves as a file.
    expect(await words.textContent()).toMatch(/Revenue: (On track|At risk|Off track|No data), lagging/);
    const download = page.waitForEvent("download");
    await map.getByRole("button", { name: "Save as SVG" }).click();
    expect((await download).suggestedFilename()).toBe("strategy-map.svg");
    const png = page.waitForEvent("download");
    await map.getByRole("button", { name: "Save as PNG" }).click();
    expect((await png).suggestedFilename()).toBe("strategy-map.png");
  });

  it("flags a new KPI's unreachable target with the process limits, and the form's own Budget!B2:B37 as mostly blank, before Tag", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!B2:B37"));
    await page.getByText(/^Selected /).waitFor();
    const syncs = await page.evaluate(() => window.workbench.syncCount());
    await page.getByLabel("Name", { exact: true }).fill("Revenue");
    await page.getByLabel("Target", { exact: true }).fill("2000");
    const flag = page.getByTestId("target-realism");
    await flag.waitFor();
    // The limits shown are KPI.SPC's on the selected cells, read with the selection.
    const snap = await snapshotOf(page);
    const revenue = column(snap, "Monthly KPIs", 1);
    const centre = revenue.reduce((a, b) => a + b, 0) / revenue.length;
    const mr = revenue.slice(1).reduce((a, v, i) => a + Math.abs(v - revenue[i]), 0) / (revenue.length - 1);
    // Limits some hundreds apart are shown in whole units (enough digits to tell them and the target apart).
    const fmt = (v: number) => Math.round(v).toLocaleString("en-US");
    expect(await flag.textContent()).toContain(`The process runs between its limits ${fmt(centre - 2.66 * mr)} and ${fmt(centre + 2.66 * mr)}`);
    // Typing a number reads nothing from the workbook.
    expect(await page.evaluate(() => window.workbench.syncCount())).toBe(syncs);
    await page.getByLabel("Target", { exact: true }).fill("Budget!B2:B37");
    await page.getByTestId("target-range-warning").getByText("Budget!B2:B37 holds 2 numbers and 34 blanks", { exact: false }).waitFor();
    // Nothing was tagged: the register is not there yet.
    expect((await snapshotOf(page)).sheets.some((x) => x.name === "KPI Register")).toBe(false);
  });

  it("moves focus to the new KPI's card after Tag, and keeps a long formula message inside its bar", async () => {
    session = await openWorkbench("?pane=320");
    const { page } = session;
    await tagRevenue(page);
    await page.waitForFunction(() => document.activeElement?.closest("[data-kpi-id]") !== null);
    await settle(page);
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!M2"));
    await page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!M2/ }).click();
    const formulas = page.getByRole("region", { name: "Insert a formula" });
    const bar = formulas.getByRole("status").filter({ hasText: "Inserted =KPI." });
    await bar.waitFor();
    const overflow = await bar.evaluate((el) =>
      [...el.querySelectorAll("*")].concat(el).some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible"),
    );
    const box = await bar.boundingBox();
    const pane = await formulas.boundingBox();
    expect(overflow).toBe(false);
    expect(box!.x + box!.width).toBeLessThanOrEqual(pane!.x + pane!.width + 1);
  });
});
