/**
 * A KPI split by a column with a target per row (issue 23, item 3, "a target per segment
 * allowed"): the sample's OrdersByRegion gains a Budget column (each region's own, rising month
 * by month), tagged with Target "Budget". The series, the totals' targets and each cell's colour
 * are worked out here from the sheet's cells (KPI_STATUS of each cell against its own row's
 * budget), also after a co-author sorts the table, renames the column, or sorts between the tag's
 * read and its write. And a rate split by a column, coloured by its rate.
 */
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { reportedRows } from "../support/reportedTable";
import { kpiStatus } from "../support/functions";
import { ORDERS_COLUMN, ORDERS_SHEET, rowsOf, sortByOrders } from "../support/ordersByRegion";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { KpiInput } from "../../src/workbook/kpiWorkbook";

const ORDERS = ORDERS_COLUMN;
const SHEET = ORDERS_SHEET;
const REGIONS = ["North", "South", "East", "West"];
const FILL_OF: Record<string, string | null> = {
  "On track": BAND_LOOK.on.fill,
  "At risk": BAND_LOOK.risk.fill,
  "Off track": BAND_LOOK.off.fill,
  "No data": null,
};

const budgeted = (o: Partial<KpiInput> = {}): KpiInput =>
  kpiInput({
    name: "Orders by region",
    unit: "",
    target: null,
    targetRange: "Budget",
    atRisk: null,
    atRiskPercent: 10,
    denominatorRange: "",
    aggregation: "sum",
    segments: "by Region",
    ...o,
  });

/** The sample with a Budget column (E) at the end of OrdersByRegion: each row's orders rounded to tens, less 20 for West, so some rows meet it and some miss. */
function withBudget() {
  const s = sampleSetup();
  const table = s.model.findTable("OrdersByRegion")!;
  s.model.addTableColumnAtEnd(table, "Budget");
  const sheet = s.model.findSheet(SHEET)!;
  for (let r = 1; r <= 48; r++) {
    const orders = s.model.valueAt(sheet, r, 2) as number;
    const region = s.model.valueAt(sheet, r, 1);
    s.model.writeValue(sheet, r, 4, Math.round(orders / 10) * 10 + (region === "West" ? 40 : r % 3 === 0 ? 15 : -5));
  }
  return s;
}

/** Each region's column of one field, month by month (the months sorted), from the cells. */
function byRegion(rows: unknown[][], col: number): number[][] {
  const months = [...new Set(rows.map((r) => r[0] as number))].sort((a, b) => a - b);
  return REGIONS.map((name) => months.map((m) => rows.find((r) => r[0] === m && r[1] === name)![col] as number));
}

/** Each Orders cell's fill against KPI_STATUS of `value(row)` and its row's target and At risk; returns the statuses seen. */
function expectColours(model: WorkbookModel, judge: (row: unknown[]) => [number, number, number]): Set<string> {
  const sheet = model.findSheet(SHEET)!;
  const seen = new Set<string>();
  rowsOf(model).forEach((row, r) => {
    const [value, target, atRisk] = judge(row);
    const status = kpiStatus([[value]], [[target]], [[atRisk]], "higher")[0][0] as string;
    expect([r, model.displayedFormat(sheet, 1 + r, 2).fill]).toEqual([r, FILL_OF[status]]);
    seen.add(status);
  });
  return seen;
}

const byBudget = (row: unknown[]): [number, number, number] => [row[2] as number, row[4] as number, (row[4] as number) * 0.9];

describe("a KPI split by a column, with a target column", () => {
  it("names the target column, reads each region's budget per month, and totals them month by month", async () => {
    const { model, workbook } = withBudget();
    const kpi = await workbook.tag(budgeted(), ORDERS, "ORD");
    expect(kpi).toMatchObject({ target: null, targetRange: "OrdersByRegion[Budget]", segments: "by Region" });
    expect(model.findName("KPITarget_ORD")).toMatchObject({ formula: "=OrdersByRegion[Budget]" });
    const got = (await workbook.refresh()).series.find((s) => s.id === "ORD") as SegmentSeries;
    expect(got.problem).toBeNull();
    const budgets = byRegion(rowsOf(model), 4);
    expect(got.segments!.periodTargets).toEqual(budgets);
    // Each region judged against its latest month's budget; the total against the month's sum.
    expect(got.segments!.targets).toEqual(budgets.map((b) => b[b.length - 1]));
    expect(got.targets).toEqual(budgets[0].map((_, m) => budgets.reduce((a, b) => a + b[m], 0)));
  });

  it("colours each Orders cell against its own row's budget, and again after a sort", async () => {
    const { model, workbook } = withBudget();
    await workbook.tag(budgeted(), ORDERS, "ORD");
    expect(expectColours(model, byBudget).size).toBe(3);
    sortByOrders(model);
    expect(expectColours(model, byBudget).size).toBe(3);
  });

  it("reads the same budgets after a sort, and says so when the Budget column is renamed", async () => {
    const { model, workbook } = withBudget();
    await workbook.tag(budgeted(), ORDERS, "ORD");
    const budgets = byRegion(rowsOf(model), 4);
    sortByOrders(model);
    let got = (await workbook.refresh()).series.find((s) => s.id === "ORD") as SegmentSeries;
    for (const [i, name] of got.segments!.names.entries()) expect(got.segments!.periodTargets![i]).toEqual(budgets[REGIONS.indexOf(name)]);
    model.writeValue(model.findSheet(SHEET)!, 0, 4, "Plan");
    got = (await workbook.refresh()).series.find((s) => s.id === "ORD") as SegmentSeries;
    expect(got.values).toEqual([]);
    expect(got.problem).toMatch(/has no column "Budget" any more \(its columns are Month, Region, Orders, Visits, Plan\)/);
  });

  it("refuses, changing nothing: a sheet range of targets, the values' or the segments' column as targets", async () => {
    const { model, workbook } = withBudget();
    const names = model.names.length;
    await expect(workbook.tag(budgeted({ targetRange: "'Orders by region'!F2:F5" }), ORDERS, "ORD")).rejects.toThrow(
      /The targets per row of a KPI split by a column are another column of its table OrdersByRegion \(one of Month, Region, Orders, Visits, Budget\)/,
    );
    await expect(workbook.tag(budgeted({ targetRange: "Orders" }), ORDERS, "ORD")).rejects.toThrow(/Orders cannot be the targets of Orders: it is its values/);
    await expect(workbook.tag(budgeted({ targetRange: "OrdersByRegion[Region]" }), ORDERS, "ORD")).rejects.toThrow(/it is its segments/);
    expect(model.names.length).toBe(names);
  });

  it("a save keeps the target column, or goes to one number (KPITarget_ removed); another column is refused; untag leaves the cells", async () => {
    const { model, workbook } = withBudget();
    const plain = rowsOf(model);
    const opened = await workbook.tag(budgeted(), ORDERS, "ORD");
    const kept = await workbook.update("ORD", budgeted({ owner: "Lee Chan" }), { opened });
    expect(kept).toMatchObject({ owner: "Lee Chan", targetRange: "OrdersByRegion[Budget]", target: null });
    await expect(workbook.update("ORD", budgeted({ targetRange: "Visits" }), { opened: kept })).rejects.toThrow(
      /To change the targets per row of Orders by region, a KPI split by a column, give one number or untag it/,
    );
    const one = await workbook.update("ORD", budgeted({ target: 300, targetRange: "", atRisk: 250, atRiskPercent: null }), { opened: kept });
    expect(one).toMatchObject({ target: 300, targetRange: "" });
    expect(model.findName("KPITarget_ORD")).toBeUndefined();
    await workbook.untag("ORD");
    expect(model.names.filter((n) => n.name.endsWith("_ORD"))).toEqual([]);
    expect(model.conditionalFormats.filter((f) => String(f.formula).includes("kpilens:ORD:"))).toEqual([]);
    expect(rowsOf(model)).toEqual(plain);
  });

  it("someone sorts the table between the tag's read and its write: every region keeps its own budgets", async () => {
    const first = withBudget();
    const n = await syncsOf(first.model, () => first.workbook.tag(budgeted(), ORDERS, "ORD"));
    const s = withBudget();
    const budgets = byRegion(rowsOf(s.model), 4);
    // A tag's last sync reads back after the write, so its write is the one before (n - 2).
    beforeSyncNumber(s.model, n - 2, () => sortByOrders(s.model));
    await s.workbook.tag(budgeted(), ORDERS, "ORD");
    const got = (await s.workbook.refresh()).series.find((x) => x.id === "ORD") as SegmentSeries;
    expect(got.problem).toBeNull();
    for (const [i, name] of got.segments!.names.entries()) expect(got.segments!.periodTargets![i]).toEqual(budgets[REGIONS.indexOf(name)]);
    expect(expectColours(s.model, byBudget).size).toBe(3);
  });
});

describe("a KPI split by a column with a target column, at the month end", () => {
  it("a period's close records December's total against December's budgets summed", async () => {
    const { model, workbook } = withBudget();
    await workbook.tag(budgeted({ firstPeriod: "2026-01" }), ORDERS, "ORD");
    const result = await workbook.closePeriod("2026-12");
    expect(result.skipped).toEqual([]);
    const december = (col: number) => byRegion(rowsOf(model), col).reduce((a, r) => a + r[11], 0);
    const row = reportedRows(model).find((r) => r.KPI === "ORD")!;
    expect(row).toMatchObject({ Event: "Closed", "Closed period": "2026-12", Period: 12, "Reported value": december(2), Target: december(4) });
    expect(row.Variance).toBeCloseTo(december(2) - december(4), 9);
  });
});

describe("a rate split by a column", () => {
  it("colours each Orders cell by its own row's rate, orders / visits, against the one target", async () => {
    const { model, workbook } = withBudget();
    const rates = rowsOf(model).map((r) => (r[2] as number) / (r[3] as number));
    // The median rate as the target: about half the cells meet it, and 10% below it is At risk.
    const target = [...rates].sort((a, b) => a - b)[24];
    await workbook.tag(budgeted({ name: "Conversion by region", target, targetRange: "", denominatorRange: "Visits" }), ORDERS, "CONVL");
    const byRate = (row: unknown[]): [number, number, number] => [(row[2] as number) / (row[3] as number), target, target * 0.9];
    expect(expectColours(model, byRate).size).toBeGreaterThan(1);
    sortByOrders(model);
    expectColours(model, byRate);
  });
});
