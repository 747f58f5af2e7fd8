import { kpiStatus } from "../support/functions";
import { snapshot } from "../../src/workbench/snapshot";
import { BAND_LOOK } from "../../src/workbook/bandFormats";
import { columnLetters } from "../../src/core/excel/a1";
import { KpiWorkbookError } from "../../src/workbook/kpiWorkbook";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };

function sheetOf(snap: ReturnType<typeof snapshot>, name: string) {
  return snap.sheets.find((s) => s.name === name)!;
}

describe("tagging a range as a KPI", () => {
  it("creates the register, the name and band formats that colour cells as KPI_STATUS classifies them", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const snap = snapshot(model);

    const register = snap.tables.find((t) => t.name === "KPI_Register")!;
    expect(register.sheet).toBe("KPI Register");
    expect(register.columns.slice(0, 16)).toEqual([
      "ID",
      "Name",
      "Owner",
      "Objective",
      "Kind",
      "Predicts",
      "Direction",
      "Target",
      "At risk",
      "Baseline",
      "Unit",
      "Cadence",
      "Initiative",
      "Response",
      "Source",
      "Last reviewed",
    ]);
    const row = sheetOf(snap, "KPI Register").values[1];
    expect(row.slice(0, 9)).toEqual(["REVENUE", "Revenue", "Dana Whitfield", "Grow recurring revenue", "lagging", "", "higher", 1300, 1250]);
    expect(snap.names).toContainEqual({ name: "KPI_REVENUE", formula: "='Monthly KPIs'!$B$2:$B$37", address: REVENUE });

    const values = sheetOf(snap, "Monthly KPIs")
      .values.slice(1, 37)
      .map((r) => [r[1]]);
    const statuses = kpiStatus(values, [[1300]], [[1250]], "higher");
    const fills = sheetOf(snap, "Monthly KPIs")
      .fills.slice(1, 37)
      .map((r) => r[1]);
    expect(new Set(statuses.flat()).size).toBe(3);
    expect(fills).toEqual(statuses.map(([s]) => FILL_OF[s as string]));
  });

  it("gives a blank or text cell no band colour, where a cell-value rule would", async () => {
    const { model, workbook } = sampleSetup();
    const sheet = model.findSheet("Monthly KPIs")!;
    model.writeValue(sheet, 5, 1, null);
    model.writeValue(sheet, 6, 1, "n/a");
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const fills = snapshot(model).sheets[0].fills;
    expect(fills[5][1]).toBeNull();
    expect(fills[6][1]).toBeNull();
  });

  it("mirrors the bands when lower is better", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), "'Monthly KPIs'!C2:C37", "CHURN");
    const snap = snapshot(model);
    const values = sheetOf(snap, "Monthly KPIs")
      .values.slice(1, 37)
      .map((r) => [r[2]]);
    const statuses = kpiStatus(values, [[2.6]], [[2.9]], "lower");
    expect(
      sheetOf(snap, "Monthly KPIs")
        .fills.slice(1, 37)
        .map((r) => r[2]),
    ).toEqual(statuses.map(([s]) => FILL_OF[s as string]));
  });

  it("colours a KPI to keep within a tolerance with KPI_STATUS's symmetric bands", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ name: "NPS", direction: "within", target: 40, atRisk: 34 }), "'Monthly KPIs'!E2:E37", "NPS");
    const snap = snapshot(model);
    const values = sheetOf(snap, "Monthly KPIs")
      .values.slice(1, 37)
      .map((r) => [r[4]]);
    const statuses = kpiStatus(values, [[40]], [[34]], "within");
    expect(new Set(statuses.flat()).size).toBeGreaterThan(1);
    // The NPS column carries a user format of its own; compare only where ours applies.
    const ours = snap.conditionalFormats.filter((f) => f.rule.includes("kpilens:NPS"));
    const fillOf = (row: number) => ours.map((f) => f.cells[row].fill).find((x) => x !== null) ?? null;
    expect(statuses.map((_, i) => fillOf(i))).toEqual(statuses.map(([s]) => FILL_OF[s as string]));
  });

  it("uses the default at-risk boundary of KPI_STATUS when none is given", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ atRisk: null }), REVENUE, "REVENUE");
    const snap = snapshot(model);
    const values = sheetOf(snap, "Monthly KPIs")
      .values.slice(1, 37)
      .map((r) => [r[1]]);
    const statuses = kpiStatus(values, [[1300]]);
    expect(
      sheetOf(snap, "Monthly KPIs")
        .fills.slice(1, 37)
        .map((r) => r[1]),
    ).toEqual(statuses.map(([s]) => FILL_OF[s as string]));
  });

  it("keeps the user's own conditional format through tag, retag and untag", async () => {
    const { model, workbook } = sampleSetup();
    const own = () => snapshot(model).conditionalFormats.filter((f) => f.type === "CellValue");
    const before = own();
    expect(before).toHaveLength(1);
    await workbook.tag(kpiInput({ name: "NPS", target: 45, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS");
    await workbook.update("NPS", kpiInput({ name: "NPS", target: 50, atRisk: 40 }));
    expect(own()).toEqual(before);
    await workbook.untag("NPS");
    expect(own()).toEqual(before);
    expect(snapshot(model).conditionalFormats).toHaveLength(1);
  });

  it("recolours the cells when the target changes", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await workbook.update("REVENUE", kpiInput({ target: 1200, atRisk: 1100 }));
    const snap = snapshot(model);
    const values = sheetOf(snap, "Monthly KPIs")
      .values.slice(1, 37)
      .map((r) => [r[1]]);
    const statuses = kpiStatus(values, [[1200]], [[1100]]);
    expect(
      sheetOf(snap, "Monthly KPIs")
        .fills.slice(1, 37)
        .map((r) => r[1]),
    ).toEqual(statuses.map(([s]) => FILL_OF[s as string]));
    expect(snap.conditionalFormats.filter((f) => f.type === "Custom")).toHaveLength(3);
    expect(sheetOf(snap, "KPI Register").values[1][7]).toBe(1200);
  });

  it("untag removes the register row, the name and our formats only", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), "'Monthly KPIs'!C2:C37", "CHURN");
    await workbook.untag("REVENUE");
    const snap = snapshot(model);
    expect(snap.names.map((n) => n.name)).toEqual(["KPI_CHURN"]);
    expect(
      sheetOf(snap, "KPI Register")
        .values.slice(1)
        .map((r) => r[0]),
    ).toEqual(["CHURN"]);
    expect(snap.conditionalFormats.filter((f) => f.rule.includes("kpilens:REVENUE"))).toHaveLength(0);
    expect(snap.conditionalFormats.filter((f) => f.rule.includes("kpilens:CHURN"))).toHaveLength(3);
    expect(
      sheetOf(snap, "Monthly KPIs")
        .fills.slice(1, 37)
        .every((r) => r[1] === null),
    ).toBe(true);
  });

  it("stores text that looks like a formula as text", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ name: "=1+1", owner: "+Dana", response: "@call -now" }), REVENUE, "REVENUE");
    const row = sheetOf(snapshot(model), "KPI Register").formulas[1];
    expect(row.slice(1, 3)).toEqual(["=1+1", "+Dana"]);
    expect(row[13]).toBe("@call -now");
    expect((await workbook.readRegister()).kpis[0].name).toBe("=1+1");
  });

  it("refuses a 2-D range, a range on the register sheet and a range already tagged", async () => {
    const { workbook } = sampleSetup();
    await expect(workbook.tag(kpiInput(), "'Monthly KPIs'!B2:C37", "X")).rejects.toThrow(/one column/);
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await expect(workbook.tag(kpiInput({ name: "Again" }), "'Monthly KPIs'!B10:B20", "AGAIN")).rejects.toThrow(KpiWorkbookError);
    await expect(workbook.tag(kpiInput({ name: "Reg" }), "'KPI Register'!A1:A2", "REG")).rejects.toThrow(/register sheet/);
  });
});

describe("reading back", () => {
  it("reads the register back into the same definitions", async () => {
    const { workbook } = sampleSetup();
    const tagged = await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const state = await workbook.readRegister();
    expect(state.kpis).toEqual([tagged]);
    expect(state.problems).toEqual([]);
    expect(state.sources).toEqual({ REVENUE: REVENUE });
  });

  it("refreshes the values of every KPI, oldest first", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const { series } = await workbook.refresh();
    const expected = snapshot(model)
      .sheets[0].values.slice(1, 37)
      .map((r) => r[1]);
    expect(series[0].values).toEqual(expected);
    expect(series[0].address).toBe(REVENUE);
  });
});

describe("round trips", () => {
  it("reads the register in 1 sync once it knows the tables, and refreshes 1 or 200 KPIs in the same 2", async () => {
    const { model, workbook } = sampleSetup();
    const sheet = model.findSheet("Monthly KPIs")!;
    for (let c = 10; c < 210; c++) for (let r = 1; r <= 36; r++) model.writeValue(sheet, r, c, r * c);
    await workbook.tag(kpiInput({ name: "K0" }), "'Monthly KPIs'!K2:K37", "K0");
    const one = await syncsOf(model, () => workbook.refresh());
    for (let c = 11; c < 210; c++) await workbook.tag(kpiInput({ name: `K${c}` }), `'Monthly KPIs'!${columnLetters(c)}2:${columnLetters(c)}37`, `K${c}`);
    expect((await workbook.readRegister()).kpis).toHaveLength(200);
    const many = await syncsOf(model, () => workbook.refresh());
    expect(one).toBe(2);
    expect(many).toBe(one);
    expect(await syncsOf(model, () => workbook.readRegister())).toBe(1);
    // A pane that has read nothing yet looks the tables up first: two round trips.
    expect(await syncsOf(model, () => sampleSetup(model).workbook.readRegister())).toBe(2);
  });

  it("tags, updates and untags in at most 5 syncs, whatever the register's size (the first tag: one more for each table it makes)", async () => {
    const { model, workbook } = sampleSetup();
    // The register and the history are each made in a round trip of their own (steps/tables.ts).
    expect(await syncsOf(model, () => workbook.tag(kpiInput(), REVENUE, "REVENUE"))).toBeLessThanOrEqual(5 + 2);
    expect(await syncsOf(model, () => workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS"))).toBeLessThanOrEqual(5);
    expect(await syncsOf(model, () => workbook.update("REVENUE", kpiInput({ target: 1250 })))).toBeLessThanOrEqual(5);
    expect(await syncsOf(model, () => workbook.untag("REVENUE"))).toBeLessThanOrEqual(5);
  });
});

describe("new periods", () => {
  it("follows a table column as rows are added to the table", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ name: "Tickets", direction: "lower", target: 140, atRisk: 155 }), "Support!B2:B27", "TICKETS");
    expect((await workbook.readRegister()).kpis[0].source).toBe("SupportWeekly[Tickets]");
    const table = model.findTable("SupportWeekly")!;
    model.addTableRows(table, null, [["W27", 120, 4.1]]);
    const { series } = await workbook.refresh();
    expect(series[0].values).toHaveLength(27);
    expect(series[0].values[26]).toBe(120);
    expect(series[0].address).toBe("Support!B2:B28");
    const bands = snapshot(model).conditionalFormats.filter((f) => f.rule.includes("kpilens:TICKETS"));
    expect(bands.map((f) => f.address)).toEqual(["Support!B2:B28", "Support!B2:B28", "Support!B2:B28"]);
    expect(snapshot(model).sheets.find((s) => s.name === "Support")!.fills[27][1]).toBe(BAND_LOOK.on.fill);
  });

  it("offers numbers typed right below a plain range as new periods, and extends name and formats", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const sheet = model.findSheet("Monthly KPIs")!;
    model.writeValue(sheet, 37, 1, 1400);
    model.writeValue(sheet, 38, 1, 1180);
    expect((await workbook.refresh()).series[0].newPeriods).toBe(2);
    await workbook.extend("REVENUE");
    const snap = snapshot(model);
    expect(snap.names[0].address).toBe("'Monthly KPIs'!B2:B39");
    expect(snap.sheets[0].fills[37][1]).toBe(BAND_LOOK.on.fill);
    expect(snap.sheets[0].fills[38][1]).toBe(BAND_LOOK.off.fill);
    expect((await workbook.refresh()).series[0].newPeriods).toBe(0);
  });
});
