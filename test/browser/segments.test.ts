/**
 * One KPI across segments in the workbench (issue 23, "How it is checked"): the sample's orders by
 * region ('Regions'!A2:E38: the months, then a column per region under a header row of their
 * names) tagged through the pane as one conversion KPI with visits as its denominators and a target
 * per region; the card's total, its small multiples and its funnel read, and each number compared
 * with the cells: the total with the sheet's own orders and visits, the funnel with KPI.FUNNEL's
 * table and each region's status with KPI_STATUS, both inserted through the pane and computed by
 * the in-memory Excel. West, truly off, is the one region the funnel flags.
 */
import { fillFields, openWorkbench, pressTag, Session, settle, snapshotOf } from "./browser";
import { sig4 } from "../support/sig4";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.requests.filter((u) => !u.startsWith(process.env.KPI_LENS_URL!))).toEqual([]);
  expect(session.errors).toEqual([]);
});

const z2 = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

async function insert(s: Session, cell: string, answer: string): Promise<void> {
  const { page } = s;
  await page.evaluate((c) => window.workbench.select(c), cell);
  await page.getByLabel("Formula for KPI").selectOption({ label: "Conversion by region" });
  await page.getByLabel("Answer").selectOption({ label: answer });
  await page.getByRole("button", { name: `Insert formula in ${cell}` }).click();
  await page.getByText(/^Inserted =KPI\./).waitFor();
  await settle(page);
}

describe("one KPI across four regions", () => {
  it("tags the block, and the card's total, small multiples and funnel are the cells' and the functions' own answers", async () => {
    session = await openWorkbench();
    const { page } = session;
    await page.getByLabel("Your name in the KPI history").fill("Dana Whitfield");
    await page.evaluate(() => window.workbench.select("'Regions'!A2:E38"));
    await page.getByText(/^Selected '?Regions'?!A2:E38 · 144 numbers in 5 columns: with Segments "Columns"/).waitFor();
    await fillFields(page, {
      Name: "Conversion by region",
      Owner: "Dana Whitfield",
      Target: "Regions!B40:E40",
      "At risk": "10%",
      "First period": "2023-01",
      Denominator: "Regions!H3:K38",
      Segments: "columns",
    });
    await pressTag(page, /^Tagged Conversion by region as a KPI \(KPI_CONVERSION_BY_REGION\), on Regions!B3:E38/);
    await settle(page);

    // A mark far right and below: the snapshot's grid is the used area, which spilled cells do not extend.
    await page.evaluate(() => window.workbench.setValues("'Regions'!Z60", [["end"]]));
    await insert(session, "Regions!M2", "Funnel of 2025-12 across segments (KPI.FUNNEL table: rate, z, limits, flag)");
    await insert(session, "Regions!M10", "Status of each segment in 2025-12");
    const regions = (await snapshotOf(page)).sheets.find((s) => s.name === "Regions")!;
    const card = page.getByLabel("KPI Conversion by region");

    // The total: December's orders of every region over their visits, from the sheet's own cells.
    const orders = regions.values[37].slice(1, 5) as number[];
    const visits = regions.values[37].slice(7, 11) as number[];
    const pooled = orders.reduce((a, b) => a + b, 0) / visits.reduce((a, b) => a + b, 0);
    expect(await card.getByTestId("segment-total").textContent()).toBe(`Total of 4 segments (Σ numerators / Σ denominators): ${sig4(pooled)} in 2025-12`);

    // KPI.FUNNEL's table in M2:S6, a row per region in the block's order.
    expect(regions.values[1].slice(12, 19)).toEqual(["rate", "z", "lower95", "upper95", "lower998", "upper998", "flag"]);
    const table = [2, 3, 4, 5].map((r) => regions.values[r].slice(12, 19) as [number, number, number, number, number, number, string]);
    const names = ["North", "South", "East", "West"];
    const points = card.getByTestId("funnel-point");
    expect(await points.count()).toBe(4);
    for (let j = 0; j < 4; j++) {
      const [rate, z, , , lower998, upper998, flag] = table[j];
      expect(rate).toBeCloseTo(orders[j] / visits[j], 15);
      expect(await points.nth(j).textContent()).toBe(
        `${names[j]}: ${sig4(rate)} of ${visits[j].toLocaleString("en-US")} · z ${z2(z)} · 99.8% limits ${sig4(lower998)} to ${sig4(upper998)} · ${flag}`,
      );
    }
    expect(table.map((r) => r[6])).toEqual(["Within", "Within", "Within", "Below 99.8%"]);
    expect(await card.getByTestId("funnel-verdict").textContent()).toBe("West really differs (beyond the 99.8% limits).");

    // Each region's status from KPI_STATUS in M11:P11; the small multiples worst first.
    const statuses = regions.values[9].slice(12, 16) as string[];
    const rank = { "Off track": 0, "At risk": 1, "On track": 2 } as Record<string, number>;
    const multiples = card.getByTestId("segment");
    const shown = await multiples.evaluateAll((els) => els.map((e) => [e.getAttribute("data-segment"), e.getAttribute("aria-label")]));
    expect(shown.map(([name]) => name)[0]).toBe("West");
    for (const [name, label] of shown) expect(label).toBe(`${name}: ${statuses[names.indexOf(name!)]}`);
    const ranks = shown.map(([name]) => rank[statuses[names.indexOf(name!)]]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const [j, name] of names.entries()) {
      const target = regions.values[39][1 + j] as number;
      await card
        .locator(`[data-segment="${name}"][data-testid="segment"]`)
        .getByTestId("segment-latest")
        .getByText(`${sig4(orders[j] / visits[j])} vs ${sig4(target)}`)
        .waitFor();
    }

    // Every cell of the block is coloured by its own region's band: West's December red, as KPI_STATUS says.
    const fill = regions.fills[37][4];
    expect(statuses[3]).toBe("Off track");
    expect(fill).toBe("#FFC7CE");
    // The stand-in evaluates the block's band name (an array of every cell's band) afresh for each
    // coloured cell it paints (it keeps no calculated values: referenceFunctions.ts), so this walk
    // takes longer than one over a single column.
  }, 180_000);
});
