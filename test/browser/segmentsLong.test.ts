/**
 * One KPI across segments from a table in the long format (issue 23: a table "fed by Power
 * Query"): the sample's OrdersByRegion (Month, Region, Orders, Visits) tagged through the pane with
 * Segments By column, Region as the segment column and Visits as the denominators; the card's total
 * compared with December's Σ orders / Σ visits summed here from the sheet's own cells, its small
 * multiples named by the Region column, and the line saying how it is split.
 */
import { fillFields, openWorkbench, pressTag, Session, settle, snapshotOf } from "./browser";
import { sig4 } from "../support/sig4";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.requests.filter((u) => !u.startsWith(process.env.KPI_LENS_URL!))).toEqual([]);
  expect(session.errors).toEqual([]);
});

describe("one KPI split by the Region column of a Power Query table", () => {
  it("tags Orders by Region through the pane, and the card's total is December's Σ orders / Σ visits of the table", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByLabel("Your name in the KPI history").fill("Dana Whitfield");
    await page.evaluate(() => window.workbench.select("'Orders by region'!C2:C49"));
    await settle(page);
    await fillFields(page, {
      Name: "Conversion by region",
      Owner: "Dana Whitfield",
      Target: "0.03",
      "At risk": "10%",
      "First period": "2026-01",
      Denominator: "Visits",
      Segments: "by",
    });
    // The table's other columns are offered (the selection read brings its headers), not typed.
    const segmentColumn = page.getByLabel("Segment column", { exact: true });
    expect(await segmentColumn.locator("option").allTextContents()).toEqual(["Choose…", "Month", "Region", "Visits"]);
    await segmentColumn.selectOption("Region");
    await pressTag(page, /^Tagged Conversion by region as a KPI/);
    await settle(page);

    const sheet = (await snapshotOf(page)).sheets.find((s) => s.name === "Orders by region")!;
    const rows = sheet.values.slice(1, 49) as [number, string, number, number][];
    const december = Math.max(...rows.map((r) => r[0]));
    const last = rows.filter((r) => r[0] === december);
    expect(last.map((r) => r[1]).sort()).toEqual(["East", "North", "South", "West"]);
    const pooled = last.reduce((a, r) => a + r[2], 0) / last.reduce((a, r) => a + r[3], 0);
    const card = page.getByLabel("KPI Conversion by region");
    expect(await card.getByTestId("segment-total").textContent()).toBe(`Total of 4 segments (Σ numerators / Σ denominators): ${sig4(pooled)} in 2026-12`);
    expect(await card.getByTestId("segment-layout").textContent()).toMatch(/^OrdersByRegion\[Orders\] split by the table's Region column/);
    const names = await card.getByTestId("segment").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.segment).sort());
    expect(names).toEqual(["East", "North", "South", "West"]);

    // On the Scorecard by its pooled rate, a live formula over the table's columns: December's, as summed here.
    await page.getByRole("button", { name: "Build scorecard sheet" }).click();
    await page.getByText("Built the sheet Scorecard: 1 KPI, 1 chart.").waitFor();
    await settle(page);
    const scorecard = (await snapshotOf(page)).sheets.find((s) => s.name === "Scorecard")!;
    const row = scorecard.values.find((r) => r[0] === "Conversion by region")!;
    expect(row[SCORECARD_HEADERS.indexOf("Latest")] as number).toBeCloseTo(pooled, 12);
  });
});
