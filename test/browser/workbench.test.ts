/**
 * The add-in in a real browser: the workbench page, its pane driven by accessible names,
 * checked against what Excel would hold.
 */
import { kpiStatus } from "../support/functions";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { openWorkbench, Session, settle, snapshotOf, tagThroughPane } from "./browser";
import { tagRevenue } from "../support/sampleTags";
import { bruteForce } from "../support/bruteForce";

const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };

let session: Session;

beforeEach(async () => {
  session = await openWorkbench();
});

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.requests.filter((u) => !u.startsWith(process.env.KPI_LENS_URL!))).toEqual([]);
  expect(session.errors).toEqual([]);
});

function columnFills(snap: Awaited<ReturnType<typeof snapshotOf>>, sheet: string, col: number, from: number, to: number) {
  return snap.sheets
    .find((s) => s.name === sheet)!
    .fills.slice(from, to)
    .map((r) => r[col]);
}

function columnValues(snap: Awaited<ReturnType<typeof snapshotOf>>, sheet: string, col: number, from: number, to: number) {
  return snap.sheets
    .find((s) => s.name === sheet)!
    .values.slice(from, to)
    .map((r) => [r[col]]);
}

describe("tagging in the workbench", () => {
  it("writes the register row and the name, and colours the cells as KPI_STATUS does", async () => {
    const { page } = session;
    await tagRevenue(page);
    const snap = await snapshotOf(page);
    const register = snap.sheets.find((s) => s.name === "KPI Register")!;
    expect(register.values[0].slice(0, 9)).toEqual(["ID", "Name", "Owner", "Objective", "Kind", "Predicts", "Direction", "Target", "At risk"]);
    expect(register.values[1].slice(0, 9)).toEqual(["REVENUE", "Revenue", "Dana Whitfield", "Grow revenue", "lagging", "", "higher", 1300, 1250]);
    expect(snap.names).toContainEqual({ name: "KPI_REVENUE", formula: "='Monthly KPIs'!$B$2:$B$37", address: "'Monthly KPIs'!B2:B37" });
    const statuses = kpiStatus(columnValues(snap, "Monthly KPIs", 1, 1, 37), [[1300]], [[1250]]);
    expect(columnFills(snap, "Monthly KPIs", 1, 1, 37)).toEqual(statuses.map(([s]) => FILL_OF[s as string]));
    await page.getByRole("article", { name: "KPI Revenue" }).or(page.getByLabel("KPI Revenue")).first().waitFor();
  });

  it("recolours when the target changes, untag (after asking) removes only our formats, and Undo puts everything back", async () => {
    const { page } = session;
    await page.evaluate(() => window.workbench.addUserFormat("'Monthly KPIs'!D2:D37", { operator: "GreaterThan", formula1: "250", fill: "#E2EFDA" }));
    const before = (await snapshotOf(page)).conditionalFormats.filter((f) => f.type === "CellValue");
    await tagThroughPane(page, "'Monthly KPIs'!D2:D37", {
      name: "Qualified leads",
      owner: "Sam Ortiz",
      objective: "Grow revenue",
      target: "240",
      atRisk: "210",
    });

    await page.getByRole("button", { name: "Edit Qualified leads" }).click();
    await page.getByLabel("Target", { exact: true }).fill("200");
    await page.getByLabel("At risk", { exact: true }).fill("190");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved Qualified leads.").waitFor();
    let snap = await snapshotOf(page);
    const statuses = kpiStatus(columnValues(snap, "Monthly KPIs", 3, 1, 37), [[200]], [[190]]);
    expect(columnFills(snap, "Monthly KPIs", 3, 1, 37)).toEqual(statuses.map(([s]) => FILL_OF[s as string]));

    const tagged = await snapshotOf(page);
    await page.getByRole("button", { name: "Untag Qualified leads" }).click();
    const dialog = page.getByRole("dialog", { name: "Untag Qualified leads?" });
    await dialog.getByText(/its name KPI_QUALIFIED_LEADS and the colours/).waitFor();
    await dialog.getByRole("button", { name: "Untag" }).click();
    await page.getByText(/Untagged Qualified leads/).waitFor();
    snap = await snapshotOf(page);
    expect(snap.conditionalFormats.filter((f) => f.type === "CellValue")).toEqual(before);
    expect(snap.conditionalFormats.filter((f) => f.rule.includes("kpilens:"))).toHaveLength(0);
    expect(snap.names.map((n) => n.name)).not.toContain("KPI_QUALIFIED_LEADS");

    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Qualified leads is back, as it was.").waitFor();
    snap = await snapshotOf(page);
    const sheet = (s: typeof snap) => s.sheets.find((x) => x.name === "Monthly KPIs")!;
    expect(sheet(snap).fills).toEqual(sheet(tagged).fills);
    expect(snap.sheets.find((x) => x.name === "KPI Register")!.formulas).toEqual(tagged.sheets.find((x) => x.name === "KPI Register")!.formulas);
    expect(snap.names).toEqual(tagged.names);
  });

  it("tags the range selected at the moment of the click, even before the pane shows it", async () => {
    const { page } = session;
    await page.getByLabel("Name", { exact: true }).fill("Cycle time");
    await page.getByLabel("Owner", { exact: true }).fill("Ana Lima");
    await page.getByLabel("Objective", { exact: true }).fill("Ship faster");
    await page.getByLabel("Direction", { exact: true }).selectOption("lower");
    await page.getByLabel("Target", { exact: true }).fill("15");
    await page.evaluate(() => window.workbench.select("'Monthly KPIs'!F2:F37"));
    await page.getByRole("button", { name: "Tag as KPI" }).click();
    await page.getByText("Tagged Cycle time as a KPI").waitFor();
    const snap = await snapshotOf(page);
    expect(snap.names).toContainEqual({ name: "KPI_CYCLE_TIME", formula: "='Monthly KPIs'!$F$2:$F$37", address: "'Monthly KPIs'!F2:F37" });
  });

  it("says what is wrong beside a field as the user types", async () => {
    const { page } = session;
    await page.getByLabel("Target", { exact: true }).fill("lots");
    await page.getByLabel("Owner", { exact: true }).fill("Finance team");
    await page.getByLabel("Name", { exact: true }).click();
    await page.getByText('"lots" is neither a number nor one row or column of cells (e.g. Budget!B2:B37).').waitFor();
    // The owner rule says why, and how to name the team too.
    await page
      .getByText(/"Finance team" reads as a team: a KPI needs one accountable person as its owner\. .*e\.g\. "Dana Whitfield \(Finance team\)"/)
      .waitFor();
    await page.getByLabel("Target", { exact: true }).fill("100");
    await page.getByLabel("At risk", { exact: true }).fill("120");
    await page.getByText("When higher is better, At risk must be at or below the target (100).").waitFor();
  });

  it("keeps refreshing the pane to a constant number of syncs", async () => {
    const { page } = session;
    await tagThroughPane(page, "'Monthly KPIs'!B2:B37", { name: "Revenue", owner: "Dana Whitfield", objective: "Grow revenue", target: "1300" });
    await settle(page);
    const before = await page.evaluate(() => window.workbench.syncCount());
    await page.getByRole("button", { name: "Refresh" }).click();
    await settle(page);
    const after = await page.evaluate(() => window.workbench.syncCount());
    // The register in one round trip (its tables known from the last read), the values in one.
    expect(after - before).toBe(2);
  });

  it("answers LEADLAG_CORR's Spearman typed into a cell as the ranks' correlation does, its per-lag pass compiled as WebAssembly under the page's policy", async () => {
    const { page } = session;
    // The smallest module, compiled as rankArena.ts compiles the pass: the policy's 'wasm-unsafe-eval' lets it.
    expect(await page.evaluate(() => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])) instanceof WebAssembly.Module)).toBe(true);
    await page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!H1", [['=KPI.LEADLAG_CORR(D2:D37,B2:B37,3,"spearman",FALSE,"values")']]));
    // A value past the answer's spill, so that the snapshot's grid (the cells stored) takes it in.
    await page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!Z60", [["end"]]));
    const rows = async () =>
      (await snapshotOf(page)).sheets
        .find((s) => s.name === "Monthly KPIs")!
        .values.slice(0, 4)
        .map((r) => r.slice(7, 9));
    // The answer comes a slice at a time (#BUSY! meanwhile).
    await page.waitForFunction(() => typeof window.workbench.snapshot().sheets.find((s) => s.name === "Monthly KPIs")!.values[3]?.[8] === "number");
    const snap = await snapshotOf(page);
    const leads = columnValues(snap, "Monthly KPIs", 3, 1, 37).map(([v]) => v as number);
    const revenue = columnValues(snap, "Monthly KPIs", 1, 1, 37).map(([v]) => v as number);
    const got = await rows();
    for (let lag = 0; lag <= 3; lag++) {
      expect(got[lag][0]).toBe(lag);
      expect(Math.abs((got[lag][1] as number) - bruteForce(leads, revenue, lag, "spearman").r!)).toBeLessThan(1e-12);
    }
  });

  it("loads nothing from outside localhost and logs no error", async () => {
    const { page, requests, errors } = session;
    await tagThroughPane(page, "'Monthly KPIs'!B2:B37", { name: "Revenue", owner: "Dana Whitfield", objective: "Grow revenue", target: "1300" });
    expect(requests.filter((u) => !u.startsWith(process.env.KPI_LENS_URL!))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
