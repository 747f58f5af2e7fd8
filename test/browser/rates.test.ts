/**
 * A conversion-rate KPI in the pane (issue 23, item 2): the sample's web shop, orders over visits
 * for 36 months (one small month of an outage typed in), tagged through the pane with its visits
 * as the Denominator. Tens of thousands of
 * visits a month make plain p limits too narrow for how much conversion wanders, so the card
 * chooses Laney's p′ and says why. The card's chart choice, latest rate and year-to-date rate are
 * each compared with KPI.SPC's own answer in a cell of the in-memory Excel (the rate chart the
 * pane inserts, and a p chart of 2025 whose centre is Σ orders / Σ visits), and with the same
 * numbers computed here from the sheet's counts by FUNCTIONS.md's text.
 */
import { Page } from "playwright-core";
import { fillFields, openWorkbench, pressTag, selectRange, Session, settle, snapshotOf } from "./browser";
import { sig4 } from "../support/sig4";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.errors).toEqual([]);
});

type Snapshot = Awaited<ReturnType<typeof snapshotOf>>;
const sheetOf = (snap: Snapshot, name: string) => snap.sheets.find((s) => s.name === name)!;
const two = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 2 });

/** Types a formula into a cell through the workbench's formula bar, as a user would. */
async function typeFormula(page: Page, cell: string, formula: string): Promise<void> {
  await page.evaluate((a) => window.workbench.select(a), cell);
  // As a user sees the cell selected before typing: the name box shows it.
  const local = cell.slice(cell.lastIndexOf("!") + 1);
  await page.waitForFunction((a) => document.querySelector<HTMLInputElement>('input[aria-label="Name box"]')?.value === a, local);
  await page.getByLabel("Formula bar").fill(formula);
  await page.getByLabel("Formula bar").press("Enter");
  await settle(page);
}

/** The web shop's cells once each of `cells` ([row, column], 0-based) holds a number; after a minute, what they hold instead. */
async function settledCells(page: Page, cells: [number, number][]): Promise<unknown[][]> {
  const until = Date.now() + 60_000;
  for (;;) {
    const values = sheetOf(await snapshotOf(page), "Web shop").values;
    if (cells.every(([r, c]) => typeof values[r]?.[c] === "number")) return values;
    if (Date.now() > until) {
      const anchors = { E2: values[1]?.[4], H2: values[1]?.[7], P2: values[1]?.[15] };
      throw new Error(
        `The cells never held numbers: ${JSON.stringify(cells.map(([r, c]) => values[r]?.[c]))}; the answers' anchors: ${JSON.stringify(anchors)}`,
      );
    }
    await page.waitForTimeout(100);
  }
}

/** Laney's p′ over every period (FUNCTIONS.md "KPI.SPC for rates"), from the counts: σ_z and the latest point's limits. */
function laney(orders: number[], visits: number[]) {
  const c = orders.reduce((a, b) => a + b, 0) / visits.reduce((a, b) => a + b, 0);
  const sigma = visits.map((n) => Math.sqrt((c * (1 - c)) / n));
  const z = orders.map((o, i) => (o / visits[i] - c) / sigma[i]);
  const mr = z.slice(1).reduce((a, zj, j) => a + Math.abs(zj - z[j]), 0) / (z.length - 1);
  const last = sigma[sigma.length - 1] * (mr / 1.128);
  return { centre: c, sigmaZ: mr / 1.128, lower: c - 3 * last, upper: c + 3 * last };
}

describe("a conversion rate over the web shop's visits", () => {
  it("the card's p′ chart and why, its latest and year-to-date rates, against KPI.SPC in cells and the counts", async () => {
    session = await openWorkbench();
    const { page } = session;
    // February 2025 had a tracking outage: 2,000 visits counted, 200 orders. A small month, so the
    // mean of the months' rates (that month's 10% weighs as much as any) and Σ orders / Σ visits part.
    await page.evaluate(() => window.workbench.setValues("'Web shop'!B27:C27", [[2000, 200]]));
    await selectRange(page, "'Web shop'!C2:C37");
    await fillFields(page, {
      Name: "Conversion",
      Owner: "Ana Lima",
      Objective: "Sell online",
      Target: "0.031",
      "At risk": "5%",
      "First period": "2023-01",
      Denominator: "'Web shop'!B2:B37",
      "Rate as": "proportion",
    });
    await pressTag(page, "Tagged Conversion as a KPI");
    await settle(page);
    const card = page.getByLabel("KPI Conversion");

    // What the card says: the chart and why, the latest point with its limits, the year to date.
    const why = (await card.getByTestId("rate-chart").textContent())!;
    await card.getByRole("button", { name: "Table of Process behaviour chart of Conversion" }).click();
    const chartTable = card.getByRole("table", { name: "Process behaviour chart of Conversion" });
    const points = await chartTable.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    const latestLine = (await card
      .getByText(/^Latest /)
      .first()
      .textContent())!;
    const rollup = (await card.getByTestId("rollup").textContent())!;
    const variation = (await card.getByTestId("spc-summary").textContent())!;

    // KPI.SPC's own answers: the chart the pane offers to insert, its detail and every period's limits.
    await page.evaluate(() => window.workbench.setValues("'Web shop'!Z60", [["end"]]));
    await page.evaluate(() => window.workbench.select("'Web shop'!E2"));
    await page.getByLabel("Formula for KPI").selectOption({ label: "Conversion" });
    await page.getByLabel("Answer").selectOption({ label: "Variation and assurance (p′ chart detail)" });
    const detailFormula = await page.getByLabel("Formula to insert").textContent();
    await page.getByRole("button", { name: /Insert formula in 'Web shop'!E2/ }).click();
    await page.getByText(/^Inserted =KPI\.SPC/).waitFor();
    await settle(page);
    await page.evaluate(() => window.workbench.select("'Web shop'!H2"));
    await page.getByLabel("Answer").selectOption({ label: "Every period's point and limits (p′ chart, for a line chart)" });
    await page.getByRole("button", { name: /Insert formula in 'Web shop'!H2/ }).click();
    await page.getByText(/^Inserted =KPI\.SPC/).waitFor();
    await settle(page);
    // The year to date as KPI.SPC computes a centre: a p chart of 2025's twelve months (rows 26-37).
    await typeFormula(page, "'Web shop'!P2", `=KPI.SPC('Web shop'!C26:C37,,"higher",12,"detail","p",'Web shop'!B26:B37)`);
    // KPI.SPC answers asynchronously (#BUSY! meanwhile, as in Excel): the three answers' last cells.
    const shop = await settledCells(page, [
      [2, 5],
      [37, 7],
      [2, 16],
    ]);
    await session.close();

    const visits = shop.slice(1, 37).map((r) => r[1] as number);
    const orders = shop.slice(1, 37).map((r) => r[2] as number);
    const measure = (col: number, name: string) => shop.slice(1, 16).find((r) => r[col] === name)?.[col + 1];
    const limits = shop.slice(2, 38).map((r) => r.slice(7, 13) as number[]);
    const want = laney(orders, visits);

    // The chart: p′, because σz is above the threshold for 35 moving ranges; σz is the detail's
    // mean moving range of the z over 1.128, and Laney's computed from the counts.
    expect(detailFormula).toBe(
      `=KPI.SPC(KPI_CONVERSION,INDEX(KPI_Register[Target],MATCH("CONVERSION",KPI_Register[ID],0)),"higher",,"detail","p'",KPIDenom_CONVERSION)`,
    );
    const [, sigmaZ, threshold] = /σz ([\d.]+), above ([\d.]+) for 35 moving ranges/.exec(why)!.map(Number);
    expect(why).toMatch(/^p′ chart \(Laney\): the periods vary [\d.]+ times as much as binomial chance allows for their denominators/);
    expect(sigmaZ).toBeGreaterThan(threshold);
    expect(two(sigmaZ)).toBe(two(want.sigmaZ));
    expect((measure(4, "average_moving_range") as number) / 1.128).toBeCloseTo(want.sigmaZ, 12);
    expect(measure(4, "centre")).toBeCloseTo(want.centre, 14);
    expect(variation.startsWith(String(measure(4, "variation")))).toBe(true);

    // The latest rate and its limits: the card's, the cells', the counts'.
    const latest = orders[35] / visits[35];
    expect(limits[35][0]).toBeCloseTo(latest, 15);
    expect(limits[35][2]).toBeCloseTo(want.lower, 12);
    expect(limits[35][3]).toBeCloseTo(want.upper, 12);
    expect(points).toHaveLength(36);
    expect(points[35].slice(0, 4)).toEqual(["36", sig4(limits[35][0]), sig4(limits[35][2]), sig4(limits[35][3])]);
    expect(latestLine).toContain(`Latest ${latest.toLocaleString("en-US")} `);

    // The year to date: Σ orders / Σ visits over 2025, which is the p chart's centre, never the mean of the months' rates.
    const ytd = orders.slice(24).reduce((a, b) => a + b, 0) / visits.slice(24).reduce((a, b) => a + b, 0);
    expect(measure(15, "centre")).toBeCloseTo(ytd, 15);
    const card2025 = /^2025 to date \(Σ counts \/ Σ denominators\): ([\d.]+) vs 0\.031/.exec(rollup);
    expect(card2025).not.toBeNull();
    expect(card2025![1]).toBe(sig4(measure(15, "centre") as number));
    const meanOfRates = orders.slice(24).reduce((a, o, i) => a + o / visits[24 + i], 0) / 12;
    expect(meanOfRates - ytd).toBeGreaterThan(0.004);
    expect(card2025![1]).not.toBe(sig4(meanOfRates));
  }, 120_000);
});
