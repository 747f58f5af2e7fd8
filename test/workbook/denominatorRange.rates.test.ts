/**
 * A rate KPI in the workbook (issue 23): Conversion = the sample's Orders over its Visits. The tag
 * keeps the Denominator and Rate as in the register and the range in KPIDenom_<ID>; the refresh
 * reads the denominators; every value cell is coloured by its month's rate with KPI_STATUS's band;
 * a save, an untag and its undo move, remove and restore the name; a co-author's save between the
 * read and the write survives.
 */
import { kpiStatus } from "../support/functions";
import { snapshot } from "../../src/workbench/snapshot";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { kpiInput, sampleSetup } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { reportedRows } from "../support/reportedTable";
import { summariseRate } from "../../src/core/model/rateSummary";
import { RateSeries } from "../../src/workbook/denominatorRange";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { addressFromRegisterText } from "../../src/workbook/registerText";
import { runWith } from "../../src/workbench/excel/api";
import { readRegisterIn } from "../../src/workbook/registerRead";
import { restatements } from "../../src/core/model/restatement";

const ORDERS = "'Web shop'!C2:C37";
const VISITS = "'Web shop'!B2:B37";
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };

const conversion = (o: Partial<Parameters<typeof kpiInput>[0]> = {}) =>
  kpiInput({ name: "Conversion", unit: "", target: 0.031, atRisk: null, atRiskPercent: 5, denominatorRange: VISITS, ratePer: null, ...o });

/** The sample's visits and orders; `below` rows inserted above them. */
function shop(model: WorkbookModel, below = 0) {
  const sheet = snapshot(model).sheets.find((s) => s.name === "Web shop")!;
  const rows = sheet.values.slice(1 + below, 37 + below);
  return { visits: rows.map((r) => r[1] as number), orders: rows.map((r) => r[2] as number) };
}

/** The fill of each Orders cell, and what KPI_STATUS says of each month's rate. */
function fillsAndWant(model: WorkbookModel, target: number, share: string, per = 1) {
  const { visits, orders } = shop(model);
  const sheet = model.findSheet("Web shop")!;
  const fills = orders.map((_, i) => model.displayedFormat(sheet, 1 + i, 2).fill);
  const want = orders.map((o, i) => FILL_OF[kpiStatus([[(o / visits[i]) * per]], [[target]], [[share]], "higher")[0][0] as string] ?? null);
  return { fills, want };
}

const nameOf = (model: WorkbookModel, name: string) => snapshot(model).names.find((n) => n.name === name);

describe("a rate KPI: orders over visits", () => {
  it("keeps its denominators in the register and KPIDenom_<ID>, reads them, and colours each month by its rate", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(conversion(), ORDERS, "CONV");
    expect(kpi).toMatchObject({ denominatorRange: "'Web shop'!$B$2:$B$37", ratePer: null });
    const register = snapshot(model).sheets.find((s) => s.name === "KPI Register")!;
    const headers = register.values[0];
    // The stand-in keeps the extra apostrophe Excel would take as the text prefix (registerText.ts).
    expect(addressFromRegisterText(String(register.values[1][headers.indexOf("Denominator")]))).toBe("'Web shop'!$B$2:$B$37");
    expect(register.values[1][headers.indexOf("Rate as")]).toBe("proportion");
    expect(nameOf(model, "KPIDenom_CONV")).toMatchObject({ formula: "='Web shop'!$B$2:$B$37" });

    const { series, register: state } = await workbook.refresh();
    const { visits, orders } = shop(model);
    expect((series[0] as RateSeries).denominators).toEqual(visits);
    expect(state.kpis[0]).toMatchObject({ denominatorRange: "'Web shop'!$B$2:$B$37", ratePer: null });
    const summary = summariseRate(state.kpis[0], series[0].values, visits, series[0].targets);
    expect(summary.latest).toBeCloseTo(orders[35] / visits[35], 15);
    expect(summary.rate!.chart).toBe("p'");

    const { fills, want } = fillsAndWant(model, 0.031, "5%");
    expect(new Set(want).size).toBeGreaterThan(1);
    expect(fills).toEqual(want);
    // The pane's statuses are the colours' statuses.
    expect(summary.statuses.map((s) => (s === null ? null : BAND_LOOK[s].fill))).toEqual(want);
  });

  it("refuses denominators of another length at the field, and writes nothing", async () => {
    const { model, workbook } = sampleSetup();
    const before = snapshot(model);
    await expect(workbook.tag(conversion({ denominatorRange: "'Web shop'!B2:B30" }), ORDERS, "CONV")).rejects.toMatchObject({
      field: "denominator",
      message: expect.stringMatching(/29 cells and Conversion has 36 periods/),
    });
    expect(snapshot(model)).toEqual(before);
  });

  it("a save to a rate per 1,000 recolours; dropping the denominators removes the name; untag and undo put everything back", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(conversion(), ORDERS, "CONV");
    await workbook.update("CONV", { ...conversion(), target: 31, ratePer: 1000 }, { opened: kpi });
    let { fills, want } = fillsAndWant(model, 31, "5%", 1000);
    expect(fills).toEqual(want);
    expect((await workbook.readRegister()).kpis[0]).toMatchObject({ ratePer: 1000, target: 31 });

    const withNames = snapshot(model);
    const receipt = await workbook.untag("CONV");
    expect(nameOf(model, "KPIDenom_CONV")).toBeUndefined();
    expect(nameOf(model, "KPIBand_CONV")).toBeUndefined();
    await workbook.undoUntag(receipt);
    expect(nameOf(model, "KPIDenom_CONV")).toEqual(withNames.names.find((n) => n.name === "KPIDenom_CONV"));
    ({ fills, want } = fillsAndWant(model, 31, "5%", 1000));
    expect(fills).toEqual(want);

    const now = (await workbook.readRegister()).kpis[0];
    await workbook.update("CONV", { ...conversion(), target: 300, atRisk: 280, atRiskPercent: null, denominatorRange: "", ratePer: null }, { opened: now });
    expect(nameOf(model, "KPIDenom_CONV")).toBeUndefined();
    expect(nameOf(model, "KPIBand_CONV")).toBeUndefined();
    const { orders } = shop(model);
    const sheet = model.findSheet("Web shop")!;
    expect(orders.map((_, i) => model.displayedFormat(sheet, 1 + i, 2).fill)).toEqual(
      orders.map((o) => FILL_OF[kpiStatus([[o]], [[300]], [[280]], "higher")[0][0] as string]),
    );
  });

  it("a co-author's change of the owner between the read and the write survives the save of the denominators", async () => {
    const plainInput = conversion({ denominatorRange: "", target: 1200, atRisk: 1100, atRiskPercent: null });
    const rateInput = conversion();
    // How many syncs A's save takes on its own: its last is the write batch.
    const dry = sampleSetup();
    const opened = await dry.workbook.tag(plainInput, ORDERS, "CONV");
    const start = dry.model.syncCount;
    await dry.workbook.update("CONV", rateInput, { opened });
    const syncs = dry.model.syncCount - start;

    const a = sampleSetup();
    const b = sampleSetup(a.model);
    const plain = await a.workbook.tag(plainInput, ORDERS, "CONV");
    // Right before A's write batch, B saves a new owner (A's read has the old one).
    let fired = false;
    beforeSyncNumber(a.model, syncs - 1, async () => {
      fired = true;
      await b.workbook.update("CONV", { ...plainInput, owner: "Sam Patel" }, { opened: plain });
    });
    await a.workbook.update("CONV", rateInput, { opened: plain });
    expect(fired).toBe(true);
    const k = (await a.workbook.readRegister()).kpis[0];
    // B's owner and A's denominators, the name once, the colours by the rate.
    expect(k).toMatchObject({ owner: "Sam Patel", denominatorRange: "'Web shop'!$B$2:$B$37" });
    expect(snapshot(a.model).names.filter((n) => n.name.toUpperCase() === "KPIDENOM_CONV")).toHaveLength(1);
    const { fills, want } = fillsAndWant(a.model, 0.031, "5%");
    expect(new Set(want).size).toBeGreaterThan(1);
    expect(fills).toEqual(want);
  });
});

/** What the pane saves when the user changes only the owner: the definition the form was opened with, owner changed (useCommands passes `opened`). */
async function paneSavesOwner(workbook: ReturnType<typeof sampleSetup>["workbook"], owner: string) {
  const opened = (await workbook.readRegister()).kpis[0];
  const { id, source: _source, lastReviewed: _reviewed, ...rest } = opened;
  return workbook.update(id, { ...rest, owner }, { opened });
}

function registerText(model: WorkbookModel, header: string): string {
  const register = snapshot(model).sheets.find((s) => s.name === "KPI Register")!;
  return addressFromRegisterText(String(register.values[1][register.values[0].indexOf(header)]));
}

describe("the denominators follow KPIDenom_<ID>, as the target follows KPITarget_<ID>", () => {
  it("after rows are inserted above the data, the definition says where the name points and the pane's next save corrects the register's text", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion(), ORDERS, "CONV");
    model.insertRows(model.findSheet("Web shop")!, 0, 2);
    expect(nameOf(model, "KPIDenom_CONV")).toMatchObject({ formula: "='Web shop'!$B$4:$B$39" });
    // The register's text still says B2:B37 (Excel does not rewrite a cell's text).
    expect(registerText(model, "Denominator")).toBe("'Web shop'!$B$2:$B$37");
    const state = await workbook.readRegister();
    expect(state.kpis[0]).toMatchObject({ source: "'Web shop'!$C$4:$C$39", denominatorRange: "'Web shop'!$B$4:$B$39" });
    const read = await runWith(model)(readRegisterIn);
    expect(read.moved).toEqual(
      expect.arrayContaining([{ id: "CONV", column: "denominatorRange", registerText: "'Web shop'!$B$2:$B$37", address: "'Web shop'!$B$4:$B$39" }]),
    );
    // The refresh reads the denominators where the name points (the visits moved down two rows with their cells).
    const { series } = await workbook.refresh();
    expect((series[0] as RateSeries).denominators).toEqual(shop(model, 2).visits);

    await paneSavesOwner(workbook, "Sam Lee");
    expect(registerText(model, "Denominator")).toBe("'Web shop'!$B$4:$B$39");
    expect(registerText(model, "Source")).toBe("'Web shop'!$C$4:$C$39");
    expect(nameOf(model, "KPIDenom_CONV")).toMatchObject({ formula: "='Web shop'!$B$4:$B$39" });
    expect((await runWith(model)(readRegisterIn)).moved).toEqual([]);
    expect((await workbook.readRegister()).kpis[0]).toMatchObject({ owner: "Sam Lee", denominatorRange: "'Web shop'!$B$4:$B$39" });
  });

  it("after the sheet is renamed, the definition names the new sheet and the pane's save is not refused", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion(), ORDERS, "CONV");
    model.renameSheet(model.findSheet("Web shop")!, "Shop 2025");
    expect((await workbook.readRegister()).kpis[0].denominatorRange).toBe("'Shop 2025'!$B$2:$B$37");
    await expect(paneSavesOwner(workbook, "Sam Lee")).resolves.toMatchObject({ owner: "Sam Lee", denominatorRange: "'Shop 2025'!$B$2:$B$37" });
    expect(registerText(model, "Denominator")).toBe("'Shop 2025'!$B$2:$B$37");
    expect(nameOf(model, "KPIDenom_CONV")).toMatchObject({ formula: "='Shop 2025'!$B$2:$B$37" });
  });

  it("a co-author's save between the read and the write of the correcting save survives, and the text ends corrected", async () => {
    const rows = (s: ReturnType<typeof sampleSetup>) => s.model.insertRows(s.model.findSheet("Web shop")!, 0, 2);
    // How many syncs the correcting save takes on its own: its last is the write batch.
    const dry = sampleSetup();
    await dry.workbook.tag(conversion(), ORDERS, "CONV");
    rows(dry);
    const start = dry.model.syncCount;
    await paneSavesOwner(dry.workbook, "Sam Lee");
    const syncs = dry.model.syncCount - start;

    const a = sampleSetup();
    const b = sampleSetup(a.model);
    await a.workbook.tag(conversion(), ORDERS, "CONV");
    rows(a);
    let fired = false;
    beforeSyncNumber(a.model, syncs - 1, async () => {
      fired = true;
      // B's save corrects the same Denominator cell and changes Rate as: A's guard on that cell sees it.
      const opened = (await b.workbook.readRegister()).kpis[0];
      const { id, source: _s, lastReviewed: _r, ...rest } = opened;
      await b.workbook.update(id, { ...rest, target: 31, ratePer: 1000 }, { opened });
    });
    await paneSavesOwner(a.workbook, "Sam Lee");
    expect(fired).toBe(true);
    expect((await a.workbook.readRegister()).kpis[0]).toMatchObject({ owner: "Sam Lee", ratePer: 1000, target: 31, denominatorRange: "'Web shop'!$B$4:$B$39" });
    expect(registerText(a.model, "Denominator")).toBe("'Web shop'!$B$4:$B$39");
    expect(registerText(a.model, "Rate as")).toBe("per 1000");
  });

  it("a target range's register text is corrected by the pane's save too (the same rule)", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10 }), "'Monthly KPIs'!B2:B37", "REVENUE");
    model.insertRows(model.findSheet("Budget")!, 0, 2);
    await paneSavesOwner(workbook, "Sam Lee");
    expect(registerText(model, "Target")).toBe("Budget!$B$4:$AK$4");
  });
});

describe("closing a period of a rate KPI", () => {
  it("records the rate, its target, status and variance on the rate, and says in the row that it is a rate of which counts", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion({ firstPeriod: "2023-01" }), ORDERS, "CONV");
    const result = await workbook.closePeriod("2025-12");
    expect(result.skipped).toEqual([]);
    const { visits, orders } = shop(model);
    // December 2025 is the 36th month: row 37 of the sheet.
    const rate = orders[35] / visits[35];
    const [row] = reportedRows(model);
    expect(row["Reported value"]).toBeCloseTo(rate, 15);
    expect(row.Target).toBe(0.031);
    expect(row.Status).toBe(kpiStatus([[rate]], [[0.031]], [["5%"]], "higher")[0][0]);
    expect(row.Variance).toBeCloseTo(rate - 0.031, 15);
    expect(row["Variance %"]).toBeCloseTo((rate - 0.031) / 0.031, 12);
    expect(row["Status basis"]).toBe(`KPI_STATUS of the rate ${orders[35]} / ${visits[35]}`);
    expect(row["Value cell"]).toBe("'Web shop'!C37 / 'Web shop'!B37");
    // Read back, nothing is restated: the rate now is the rate reported.
    const { register, series } = await workbook.refresh();
    expect(register.reported[0]).toMatchObject({ value: row["Reported value"], statusBasis: row["Status basis"] });
    expect(restatements(register.reported, register.kpis, series)).toEqual([]);
    // A visit count corrected after the close restates the rate, though the orders did not change.
    model.writeValue(model.findSheet("Web shop")!, 36, 1, visits[35] + 1000);
    const after = await workbook.refresh();
    expect(restatements(after.register.reported, after.register.kpis, after.series)).toMatchObject([
      { field: "value", reported: row["Reported value"], current: orders[35] / (visits[35] + 1000) },
    ]);
  });

  it("a rate per 1,000 records value × 1,000 against its target per 1,000; an override keeps its reason", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion({ firstPeriod: "2023-01", target: 31, ratePer: 1000 }), ORDERS, "CONV");
    await workbook.addCheckIn("CONV", { period: 35, note: "Tracking was down for a week", override: "on", reason: "campaign tracking broke" });
    await workbook.closePeriod("2025-11");
    const { visits, orders } = shop(model);
    const [row] = reportedRows(model);
    expect(row["Reported value"]).toBeCloseTo((orders[34] / visits[34]) * 1000, 12);
    expect(row).toMatchObject({
      Target: 31,
      Status: "On track",
      "Status basis": `override of the rate ${orders[34]} / ${visits[34]} × 1000: campaign tracking broke`,
    });
    expect(row.Variance).toBeCloseTo((orders[34] / visits[34]) * 1000 - 31, 12);
  });

  it("skips a month with no denominator above 0, saying why, and compares an earlier close of the count as a count", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion({ firstPeriod: "2023-01" }), ORDERS, "CONV");
    model.writeValue(model.findSheet("Web shop")!, 36, 1, 0);
    await expect(workbook.closePeriod("2025-12")).rejects.toThrow(/CONV: it has no denominator above 0 for 2025-12, so no rate/);
    // A close written before rates were reported: the count, with the plain basis.
    const { register, series } = await workbook.refresh();
    const { orders } = shop(model);
    const old = {
      ...register.reported[0],
      when: "2025-11-05T10:00:00Z",
      who: "Dana",
      event: "Closed" as const,
      kpi: "CONV",
      closedPeriod: "2025-10",
      period: 34,
      periodDate: "2025-10-01",
      value: orders[33],
      target: 0.031,
      status: "On track",
      statusBasis: "KPI_STATUS",
      variance: null,
      variancePercent: null,
      note: "",
      reason: "",
      valueCell: "'Web shop'!C35",
    };
    expect(restatements([old], register.kpis, series)).toEqual([]);
    expect(restatements([{ ...old, value: orders[33] + 1 }], register.kpis, series)).toMatchObject([{ field: "value", current: orders[33] }]);
  });
});
