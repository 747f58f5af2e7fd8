/**
 * The workbench as each Excel host: Excel on the web passes blank cells to functions as null,
 * Excel for Windows and Mac as 0 (office-js issues #4702, #5262, #1951). The pane and the
 * formulas it inserts must answer the same on both.
 */
import { openWorkbench, Session, settle, snapshotOf } from "./browser";
import { tagRevenue } from "../support/sampleTags";

let session: Session;

afterEach(async () => {
  // Closed first: a failed expectation must not leave Chromium running (jest would never exit).
  await session?.close();
  expect(session.errors).toEqual([]);
});

/** Revenue with its last two months not reported yet (blank), and one real 0 month. */
async function revenueWithGaps(host: string): Promise<Session> {
  const s = await openWorkbench(`?host=${host}`);
  await s.page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!B36:B37", [[""], [""]]));
  await s.page.evaluate(() => window.workbench.setValues("'Monthly KPIs'!B20", [[0]]));
  await tagRevenue(s.page);
  await settle(s.page);
  return s;
}

async function insertedStatuses(s: Session): Promise<unknown[]> {
  await s.page.evaluate(() => window.workbench.select("'Monthly KPIs'!H2"));
  await s.page.getByLabel("Formula for KPI").selectOption({ label: "Revenue" });
  await s.page.getByRole("button", { name: /Insert formula in 'Monthly KPIs'!H2/ }).click();
  await s.page.getByText(/^Inserted =KPI\.KPI_STATUS/).waitFor();
  // On Windows/Mac the function looks at its cells first, so Excel shows #BUSY! for a moment.
  await s.page.waitForFunction(() => {
    const sheet = window.workbench.snapshot().sheets.find((x) => x.name === "Monthly KPIs")!;
    return sheet.values[1][7] !== "#BUSY!" && sheet.values[1][7] !== "";
  });
  const sheet = (await snapshotOf(s.page)).sheets.find((x) => x.name === "Monthly KPIs")!;
  return sheet.values.slice(1, 37).map((r) => r[7]);
}

describe("the same answers on the web and on Windows/Mac", () => {
  let web: unknown[];

  it("Excel on the web: blank months are No data, the 0 month Off track", async () => {
    session = await revenueWithGaps("web");
    web = await insertedStatuses(session);
    expect(web.slice(34)).toEqual(["No data", "No data"]);
    expect(web[18]).toBe("Off track");
  });

  it("Excel for Windows/Mac (blanks passed as 0): the same statuses, cell for cell, and the pane agrees", async () => {
    session = await revenueWithGaps("desktop");
    const desktop = await insertedStatuses(session);
    expect(desktop).toEqual(web);
    const status = await session.page.getByLabel("KPI Revenue").getByTestId("status").textContent();
    expect(status).toBe(web[33]);
  });
});
