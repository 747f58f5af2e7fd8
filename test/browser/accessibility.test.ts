/**
 * axe-core (4.x) on the workbench and the pane, light and dark, with KPIs tagged so the cards,
 * the chain, the health check, the formulas, the strategy map and the Review mode's card are all
 * on screen. The pages' CSP forbids adding
 * a script tag, so axe's source is evaluated in the page (TOOLCHAIN.md). Goal: no serious or
 * critical finding.
 */
import { readFileSync } from "node:fs";
import { openWorkbench, Session, settle, snapshotOf } from "./browser";
import { tagLeadsPredictingRevenue, tagRevenue } from "../support/sampleTags";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let session: Session;

afterEach(async () => {
  await session?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

async function seriousFindings(s: Session): Promise<string[]> {
  await s.page.evaluate(AXE);
  const violations = (await s.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe.each(["light", "dark"])("accessibility, %s theme", (theme) => {
  it("has no serious or critical axe finding in the workbench and the pane", async () => {
    session = await openWorkbench(theme === "dark" ? "?theme=dark" : "");
    await tagRevenue(session.page);
    await tagLeadsPredictingRevenue(session.page);
    await settle(session.page);
    // Issue 24's parts on screen too: the strategy map open, and the Review mode's first card.
    await session.page.getByRole("button", { name: "Show the strategy map" }).click();
    await session.page.getByRole("img", { name: /^Strategy map/ }).waitFor();
    // Tag records today's review; dated years back, both KPIs are due and the Review mode starts.
    const register = (await snapshotOf(session.page)).sheets.find((x) => x.name === "KPI Register")!;
    const letter = String.fromCharCode(65 + register.values[0].indexOf("Last reviewed"));
    await session.page.evaluate((address) => window.workbench.setValues(address, [["2020-01-31"], ["2020-01-31"]]), `'KPI Register'!${letter}2:${letter}3`);
    await settle(session.page);
    await session.page.getByRole("button", { name: "Review the 2 due KPIs" }).click();
    await session.page.getByText(/^Card 1 of \d+$/).waitFor();
    expect(await seriousFindings(session)).toEqual([]);
  });
});
