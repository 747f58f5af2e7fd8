/**
 * A damaged register: the add-in reports the problem, keeps working for the rest, and writes
 * nothing that destroys what the user had.
 */
import { snapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { KpiWorkbookError } from "../../src/workbook/kpiWorkbook";
import { kpiInput, sampleSetup } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";
const CHURN = "'Monthly KPIs'!C2:C37";

async function twoKpis() {
  const setup = sampleSetup();
  await setup.workbook.tag(kpiInput(), REVENUE, "REVENUE");
  await setup.workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), CHURN, "CHURN");
  return setup;
}

function register(model: WorkbookModel) {
  return model.findSheet("KPI Register")!;
}

/** The register's header index of a column. */
function col(model: WorkbookModel, header: string): number {
  return model.findTable("KPI_Register")!.columns.indexOf(header);
}

function sheetState(model: WorkbookModel) {
  const snap = snapshot(model);
  return { sheets: snap.sheets.map((s) => ({ name: s.name, formulas: s.formulas })), names: snap.names, formats: snap.conditionalFormats };
}

describe("a damaged register", () => {
  it("with a required column renamed: read-only with a message, and nothing written", async () => {
    const { model, workbook } = await twoKpis();
    model.writeValue(register(model), 0, col(model, "Target"), "Goal");
    model.findTable("KPI_Register")!.columns[col(model, "Target")] = "Goal";
    const state = await workbook.readRegister();
    expect(state.readOnly).toMatch(/missing the column Target/);
    const before = sheetState(model);
    await expect(workbook.update("REVENUE", kpiInput({ target: 1 }))).rejects.toThrow(KpiWorkbookError);
    await expect(workbook.tag(kpiInput({ name: "NPS" }), "'Monthly KPIs'!E2:E37", "NPS")).rejects.toThrow(/missing the column Target/);
    expect(sheetState(model)).toEqual(before);
  });

  it("keeps the user's own columns, in place, through updates and new rows", async () => {
    const { model, workbook } = await twoKpis();
    const table = model.findTable("KPI_Register")!;
    const sheet = register(model);
    const notes = table.area.col + table.area.colCount;
    model.writeValue(sheet, 0, notes, "Notes");
    model.writeValue(sheet, 1, notes, "board asks monthly");
    model.writeValue(sheet, 2, notes, "=1+1");
    table.area = { ...table.area, colCount: table.area.colCount + 1 };
    table.columns.push("Notes");
    await workbook.update("REVENUE", kpiInput({ target: 1280 }));
    await workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS");
    const values = snapshot(model).sheets.find((s) => s.name === "KPI Register")!.values;
    expect(values.map((r) => r[notes])).toEqual(["Notes", "board asks monthly", 2, ""]);
    expect(model.formulaAt(sheet, 2, notes)).toBe("=1+1");
    expect(values[1][col(model, "Target")]).toBe(1280);
    expect(values[3][0]).toBe("NPS");
  });

  it("reports duplicate IDs, a non-numeric target and an at-risk on the wrong side, and leaves those rows alone", async () => {
    const { model, workbook } = await twoKpis();
    const sheet = register(model);
    const table = model.findTable("KPI_Register")!;
    const row = (id: string, target: unknown, atRisk: unknown) => {
      const cells = Array.from({ length: table.columns.length }, () => "" as unknown);
      cells[col(model, "ID")] = id;
      cells[col(model, "Name")] = `${id} by hand`;
      cells[col(model, "Direction")] = "higher";
      cells[col(model, "Target")] = target;
      cells[col(model, "At risk")] = atRisk;
      cells[col(model, "Source")] = REVENUE;
      return cells;
    };
    model.addTableRows(table, null, [row("REVENUE", 5, 4), row("TEXTY", "lots", ""), row("WRONG", 10, 12)]);
    const before = snapshot(model).sheets.find((s) => s.name === "KPI Register")!.formulas;
    const state = await workbook.readRegister();
    expect(state.problems.map((p) => [p.row, p.id, p.message])).toEqual([
      [3, "REVENUE", "repeats the ID REVENUE of row 1"],
      [4, "TEXTY", 'has a Target that is neither a number nor a range of one row or column ("lots")'],
      [5, "WRONG", "has At risk 12 on the wrong side of its target 10 (higher is better)"],
    ]);
    expect(state.kpis.map((k) => k.id)).toEqual(["REVENUE", "CHURN"]);
    await workbook.update("CHURN", kpiInput({ name: "Churn", direction: "lower", target: 2.5, atRisk: 2.9 }));
    await workbook.untag("REVENUE");
    const after = snapshot(model).sheets.find((s) => s.name === "KPI Register")!.formulas;
    // REVENUE's first row is gone; the three hand-made rows are exactly as they were.
    expect(after.slice(2)).toEqual(before.slice(3));
    void sheet;
  });

  it("reports a KPI whose rows were deleted (its name refers to #REF!) and can still untag it", async () => {
    const { model, workbook } = await twoKpis();
    model.deleteRows(model.findSheet("Monthly KPIs")!, 1, 36);
    const { register: state, series } = await workbook.refresh();
    expect(state.sources.REVENUE).toBeNull();
    expect(series.find((s) => s.id === "REVENUE")!.problem).toMatch(/no longer refers to cells/);
    await workbook.untag("REVENUE");
    expect(snapshot(model).names.map((n) => n.name)).toEqual(["KPI_CHURN"]);
  });

  it("follows a renamed source sheet", async () => {
    const { model, workbook } = await twoKpis();
    model.renameSheet(model.findSheet("Monthly KPIs")!, "Monthly");
    const { series } = await workbook.refresh();
    expect(series[0].address).toBe("Monthly!B2:B37");
    expect(series[0].values).toHaveLength(36);
    await workbook.untag("REVENUE");
    expect(snapshot(model).conditionalFormats.filter((f) => f.rule.includes("kpilens:REVENUE"))).toEqual([]);
  });

  it("reads a row added by hand, and says when it has no range name", async () => {
    const { model, workbook } = await twoKpis();
    const table = model.findTable("KPI_Register")!;
    const cells = Array.from({ length: table.columns.length }, () => "" as unknown);
    cells[col(model, "ID")] = "NPS";
    cells[col(model, "Name")] = "NPS";
    cells[col(model, "Direction")] = "Higher";
    cells[col(model, "Target")] = 40;
    cells[col(model, "Source")] = "'Monthly KPIs'!E2:E37";
    model.addTableRows(table, null, [cells]);
    const { register: state, series } = await workbook.refresh();
    expect(state.kpis.map((k) => k.id)).toEqual(["REVENUE", "CHURN", "NPS"]);
    expect(series[2].problem).toMatch(/KPI_NPS no longer refers to cells/);
  });

  it("after the register table is deleted, says how to restore it and overwrites nothing", async () => {
    const { model, workbook } = await twoKpis();
    model.tables = model.tables.filter((t) => t.name !== "KPI_Register");
    const state = await workbook.readRegister();
    expect(state.readOnly).toMatch(/no KPI_Register table/);
    const before = sheetState(model);
    await expect(workbook.tag(kpiInput({ name: "NPS" }), "'Monthly KPIs'!E2:E37", "NPS")).rejects.toThrow(/no KPI_Register table/);
    expect(sheetState(model)).toEqual(before);
  });

  it("keeps working when the register's sheet is renamed", async () => {
    const { model, workbook } = await twoKpis();
    model.renameSheet(register(model), "Our KPIs");
    const state = await workbook.readRegister();
    expect(state.readOnly).toBeNull();
    await workbook.update("REVENUE", kpiInput({ target: 1310 }));
    expect((await workbook.readRegister()).kpis[0].target).toBe(1310);
  });

  it("opens a register from a newer schema read-only, with a message", async () => {
    const { model, workbook } = await twoKpis();
    model.settings.set("KPILens.schemaVersion", 99);
    const state = await workbook.readRegister();
    expect(state.readOnly).toMatch(/newer KPI Lens \(schema 99/);
    expect(state.kpis).toHaveLength(2);
    await expect(workbook.markReviewed("REVENUE", "2026-11-22")).rejects.toThrow(/newer KPI Lens/);
  });

  it("shows a protected register read-only and changes nothing", async () => {
    const { model, workbook } = await twoKpis();
    register(model).protected = true;
    expect((await workbook.readRegister()).readOnly).toMatch(/protected/);
    const before = sheetState(model);
    await expect(workbook.untag("REVENUE")).rejects.toThrow(/protected/);
    expect(sheetState(model)).toEqual(before);
  });

  it("reports a protected data sheet when tagging there, and changes nothing", async () => {
    const { model, workbook } = await twoKpis();
    model.findSheet("Support")!.protected = true;
    const before = sheetState(model);
    await expect(workbook.tag(kpiInput({ name: "Tickets" }), "Support!B2:B27", "TICKETS")).rejects.toThrow(/protected/);
    expect(sheetState(model)).toEqual(before);
  });

  it("leaves every cell as it was when a KPI is saved unchanged", async () => {
    const { model, workbook } = await twoKpis();
    const before = sheetState(model);
    const current = (await workbook.readRegister()).kpis[0];
    const { id: _id, source: _source, lastReviewed: _reviewed, ...input } = current;
    void _id;
    void _source;
    void _reviewed;
    await workbook.update("REVENUE", input);
    await workbook.refresh();
    expect(sheetState(model)).toEqual(before);
  });
});

describe("the user's own formats and formulas on a source range", () => {
  it("survive tag, retag and untag, cell by cell", async () => {
    const { model, workbook } = sampleSetup();
    const sheet = model.findSheet("Monthly KPIs")!;
    model.setFormat(sheet, 3, 1, { fill: "#FFFF00", fontColor: "#0000FF" });
    model.writeFormula(sheet, 4, 1, "=B4+1");
    model.setFormat(sheet, 10, 1, { numberFormat: "#,##0.0" });
    const own = () => Array.from({ length: 36 }, (_, i) => ({ ...model.cellAt(sheet, i + 1, 1) }));
    const before = own();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    expect(own()).toEqual(before);
    await workbook.update("REVENUE", kpiInput({ target: 1200, atRisk: 1100 }));
    expect(own()).toEqual(before);
    await workbook.untag("REVENUE");
    expect(own()).toEqual(before);
    expect(snapshot(model).sheets[0].fills[3][1]).toBe("#FFFF00");
    expect(model.valueAt(sheet, 4, 1)).toBe((model.valueAt(sheet, 3, 1) as number) + 1);
  });
});
