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
import { summariseRate } from "../../src/core/model/rateSummary";
import { RateSeries } from "../../src/workbook/denominatorRange";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { addressFromRegisterText } from "../../src/workbook/registerText";

const ORDERS = "'Web shop'!C2:C37";
const VISITS = "'Web shop'!B2:B37";
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };

const conversion = (o: Partial<Parameters<typeof kpiInput>[0]> = {}) =>
  kpiInput({ name: "Conversion", unit: "", target: 0.031, atRisk: null, atRiskPercent: 5, denominatorRange: VISITS, ratePer: null, ...o });

function shop(model: WorkbookModel) {
  const sheet = snapshot(model).sheets.find((s) => s.name === "Web shop")!;
  const rows = sheet.values.slice(1, 37);
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
    await expect(workbook.tag(conversion({ denominatorRange: "'Web shop'!B2:B30" }), ORDERS, "CONV")).rejects.toMatchObject({ field: "denominator", message: expect.stringMatching(/29 cells and Conversion has 36 periods/) });
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
    expect(orders.map((_, i) => model.displayedFormat(sheet, 1 + i, 2).fill)).toEqual(orders.map((o) => FILL_OF[kpiStatus([[o]], [[300]], [[280]], "higher")[0][0] as string]));
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
    const from = a.model.syncCount;
    let fired = false;
    a.model.beforeSync = async () => {
      if (a.model.syncCount !== from + syncs - 1) return;
      fired = true;
      a.model.beforeSync = null;
      await b.workbook.update("CONV", { ...plainInput, owner: "Sam Patel" }, { opened: plain });
    };
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
