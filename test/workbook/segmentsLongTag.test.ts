/**
 * A table column split by another column of its table (Segments "by Region", the long format):
 * the sample's OrdersByRegion (Month as a date, Region, Orders, Visits; 12 months × 4 regions)
 * tagged as one KPI. Expected values are read from the sheet's cells and summed here, not from the
 * code. Co-authors sort the table, rename its columns or tag the same column between the read and
 * the write: the tag stays right, or the refresh says what is wrong; never a wrong series.
 */
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { kpiStatus } from "../support/functions";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { formulaChoices, summariesOf } from "../../src/core/model/portfolio";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { KpiInput } from "../../src/workbook/kpiWorkbook";

const ORDERS = "'Orders by region'!C2:C49";
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };
const REGIONS = ["North", "South", "East", "West"];

const orders = (o: Partial<KpiInput> = {}): KpiInput =>
  kpiInput({
    name: "Orders by region",
    unit: "",
    target: 1200,
    atRisk: 1000,
    targetRange: "",
    denominatorRange: "",
    aggregation: "sum",
    segments: "by Region",
    ...o,
  });

/** The table's rows as the sheet holds them now. */
function rowsOf(model: WorkbookModel): unknown[][] {
  const sheet = model.findSheet("Orders by region")!;
  return Array.from({ length: 48 }, (_, r) => [0, 1, 2, 3].map((c) => model.valueAt(sheet, 1 + r, c)));
}

/** Each region's column of one field, month by month (the months sorted), from the cells. */
function byRegion(rows: unknown[][], col: number): number[][] {
  const months = [...new Set(rows.map((r) => r[0] as number))].sort((a, b) => a - b);
  return REGIONS.map((name) => months.map((m) => rows.find((r) => r[0] === m && r[1] === name)![col] as number));
}

/** A co-author's sort of the table by Orders, ascending (West's small months first): each row's cells rewritten in place, as Sort does. */
function sortByOrders(model: WorkbookModel): void {
  const sheet = model.findSheet("Orders by region")!;
  const sorted = [...rowsOf(model)].sort((a, b) => (a[2] as number) - (b[2] as number));
  sorted.forEach((r, i) => r.forEach((v, c) => model.writeValue(sheet, 1 + i, c, v as string | number)));
}

describe("a table column split by a segment column, tagged as one KPI", () => {
  it("names the column by its structured reference, keeps 'by Region', and reads each region's months and the totals", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(orders(), ORDERS, "ORD");
    expect(kpi).toMatchObject({ source: "OrdersByRegion[Orders]", segments: "by Region", targetRange: "", denominatorRange: "" });
    expect(model.findName("KPI_ORD")).toMatchObject({ formula: "=OrdersByRegion[Orders]" });
    const { series } = await workbook.refresh();
    const got = series.find((s) => s.id === "ORD") as SegmentSeries;
    expect(got.problem).toBeNull();
    const want = byRegion(rowsOf(model), 2);
    expect(got.segments!.names).toEqual(REGIONS);
    expect(got.segments!.values).toEqual(want);
    expect(got.values).toEqual(want[0].map((_, m) => want.reduce((a, r) => a + r[m], 0)));
    // One target for all: each region's 1,200; the total's 4 × 1,200 (segments.ts totalDefinition), per region here.
    expect(got.segments!.targets).toEqual([1200, 1200, 1200, 1200]);
    expect(got.address).toBe("'Orders by region'!C2:C49");
    // Each cell coloured by its own region's band (one target for all): rules on the value column only.
    const rules = model.conditionalFormats.filter((f) => String(f.formula).includes("kpilens:ORD:"));
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) expect(r.area).toMatchObject({ col: 2, colCount: 1, row: 1, rowCount: 48 });
  });

  it("a rate: Visits of the same table as its denominators (KPIDenom_ on the column), the totals Σ orders and Σ visits", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(
      orders({ name: "Conversion by region", target: 0.031, atRisk: null, atRiskPercent: 10, denominatorRange: "Visits" }),
      ORDERS,
      "CONVL",
    );
    expect(kpi.denominatorRange).toBe("OrdersByRegion[Visits]");
    expect(model.findName("KPIDenom_CONVL")).toMatchObject({ formula: "=OrdersByRegion[Visits]" });
    const got = (await workbook.refresh()).series.find((s) => s.id === "CONVL") as SegmentSeries;
    expect(got.problem).toBeNull();
    const visits = byRegion(rowsOf(model), 3);
    expect(got.segments!.denominators).toEqual(visits);
    expect(got.denominators).toEqual(visits[0].map((_, m) => visits.reduce((a, r) => a + r[m], 0)));
    // The menu offers no block formula for one column (INDEX(KPI_CONVL,p,1):… would read other rows): its
    // formulas pick the month's rows by the Month column (evaluated in segmentsLongTag.formulas.test.ts).
    const { series, register } = await workbook.refresh();
    const record = Object.fromEntries(series.map((x) => [x.id, x]));
    const k = register.kpis.find((x) => x.id === "CONVL")!;
    const choices = formulaChoices(k, record, summariesOf(register.kpis, record), []);
    expect(choices).toHaveLength(4);
    for (const c of choices) expect([c.formula.includes("INDEX(KPI_CONVL"), c.formula.includes("OrdersByRegion[Month]=46357")]).toEqual([false, true]);
  });

  it("a table sorted after the tag reads the same months (periods by the Month column, not by row order)", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(orders(), ORDERS, "ORD");
    const want = byRegion(rowsOf(model), 2);
    sortByOrders(model);
    expect(rowsOf(model)[0][1]).not.toBe("North");
    const got = (await workbook.refresh()).series.find((s) => s.id === "ORD") as SegmentSeries;
    const order = got.segments!.names.map((n) => REGIONS.indexOf(n));
    expect(order.map((i) => got.segments!.values[order.indexOf(i)])).toEqual(order.map((i) => want[i]));
    expect(got.values).toEqual(want[0].map((_, m) => want.reduce((a, r) => a + r[m], 0)));
  });

  it("refuses, changing nothing: no such segment column, a column outside a table, a sheet range of targets", async () => {
    const { model, workbook } = sampleSetup();
    const names = model.names.length;
    await expect(workbook.tag(orders({ segments: "by Channel" }), ORDERS, "ORD")).rejects.toThrow(
      /has no column "Channel" to split Orders by: its columns are Month, Region, Orders, Visits/,
    );
    await expect(workbook.tag(orders(), "'Monthly KPIs'!B2:B37", "ORD")).rejects.toThrow(/select the whole column of values/);
    // A sheet range of targets would follow the table's order, which a sort changes: a target per row is a column of the table (segmentsLongTag.targets.test.ts).
    await expect(workbook.tag(orders({ targetRange: "'Orders by region'!F2:F5" }), ORDERS, "ORD")).rejects.toThrow(
      /The targets per row of a KPI split by a column are another column of its table OrdersByRegion/,
    );
    await expect(workbook.tag(orders({ segments: "by Orders" }), ORDERS, "ORD")).rejects.toThrow(/cannot be split by itself/);
    await expect(workbook.tag(orders({ denominatorRange: "SupportWeekly[Tickets]" }), ORDERS, "ORD")).rejects.toThrow(
      /another column of its table OrdersByRegion/,
    );
    expect(model.names.length).toBe(names);
    expect((await workbook.readRegister()).kpis.map((k) => k.id)).not.toContain("ORD");
  });
});

describe("a KPI split by a column, afterwards", () => {
  it("colours each Orders cell by its own region's band (KPI_STATUS of the cell against the one target), also after a sort", async () => {
    const { model, workbook } = sampleSetup();
    // A target of 300 orders a region-month, at risk below 300 down to 250: North and East on track, South about at risk, West off.
    await workbook.tag(orders({ target: 300, atRisk: 250 }), ORDERS, "ORD");
    const sheet = model.findSheet("Orders by region")!;
    const check = () => {
      const seen = new Set<string>();
      for (let r = 0; r < 48; r++) {
        const value = model.valueAt(sheet, 1 + r, 2) as number;
        const want = FILL_OF[kpiStatus([[value]], [[300]], [[250]], "higher")[0][0] as string];
        expect(model.displayedFormat(sheet, 1 + r, 2).fill).toBe(want);
        seen.add(want);
      }
      expect(seen.size).toBe(3);
    };
    check();
    sortByOrders(model);
    check();
  });

  it("saves a new owner and target; refuses a sheet range of targets and other denominators; untags to the user's cells", async () => {
    const { model, workbook } = sampleSetup();
    const plain = rowsOf(model);
    const opened = await workbook.tag(orders(), ORDERS, "ORD");
    const saved = await workbook.update("ORD", orders({ owner: "Lee Chan", target: 1100 }), { opened });
    expect(saved).toMatchObject({ owner: "Lee Chan", target: 1100, segments: "by Region", source: "OrdersByRegion[Orders]" });
    await expect(workbook.update("ORD", orders({ targetRange: "'Orders by region'!F2:F5" }), { opened: saved })).rejects.toThrow(
      /To give Orders by region, a KPI split by a column, a target per row, untag it and tag it again with the target column/,
    );
    await expect(workbook.update("ORD", orders({ denominatorRange: "Visits" }), { opened: saved })).rejects.toThrow(/untag it and tag it again/);
    await workbook.untag("ORD");
    expect(model.names.filter((n) => n.name.endsWith("_ORD"))).toEqual([]);
    expect(model.conditionalFormats.filter((f) => String(f.formula).includes("kpilens:ORD:"))).toEqual([]);
    expect(rowsOf(model)).toEqual(plain);
  });
});

describe("co-authors between the tag's read and its write", () => {
  // A tag's last sync reads back after the write, so its write is the one before (n - 2).
  const tagSyncs = () => {
    const s = sampleSetup();
    return syncsOf(s.model, () => s.workbook.tag(orders(), ORDERS, "ORD"));
  };

  it("someone sorts the table meanwhile: the tag lands and every region's months are still its own", async () => {
    const n = await tagSyncs();
    const s = sampleSetup();
    const want = byRegion(rowsOf(s.model), 2);
    beforeSyncNumber(s.model, n - 2, () => sortByOrders(s.model));
    await s.workbook.tag(orders(), ORDERS, "ORD");
    const got = (await s.workbook.refresh()).series.find((x) => x.id === "ORD") as SegmentSeries;
    expect(got.problem).toBeNull();
    for (const [i, name] of got.segments!.names.entries()) expect(got.segments!.values[i]).toEqual(want[REGIONS.indexOf(name)]);
  });

  it("someone renames the Region column meanwhile: the refresh refuses with a message, it never splits by something else", async () => {
    const n = await tagSyncs();
    const s = sampleSetup();
    beforeSyncNumber(s.model, n - 2, () => s.model.writeValue(s.model.findSheet("Orders by region")!, 0, 1, "Area"));
    await s.workbook.tag(orders(), ORDERS, "ORD");
    const got = (await s.workbook.refresh()).series.find((x) => x.id === "ORD")!;
    expect(got.values).toEqual([]);
    expect(got.problem).toMatch(/The table OrdersByRegion has no column "Region" any more \(its columns are Month, Area, Orders, Visits\)/);
  });

  it("a second pane tags the same column meanwhile: the loser is refused and one KPI stays", async () => {
    const revenue = (s: ReturnType<typeof sampleSetup>) => s.workbook.tag(kpiInput(), "'Monthly KPIs'!B2:B37", "REVENUE");
    const first = sampleSetup();
    await revenue(first);
    const n = await syncsOf(first.model, () => first.workbook.tag(orders(), ORDERS, "ORD"));
    const a = sampleSetup();
    await revenue(a);
    const b = sampleSetup(a.model);
    beforeSyncNumber(a.model, n - 2, () => b.workbook.tag(orders({ owner: "Sam Ortiz" }), ORDERS, "ORD"));
    await expect(a.workbook.tag(orders(), ORDERS, "ORD")).rejects.toThrow(/KPI_ORD/);
    const state = await a.workbook.readRegister();
    expect(state.kpis.filter((k) => k.id === "ORD").map((k) => k.owner)).toEqual(["Sam Ortiz"]);
  });
});
