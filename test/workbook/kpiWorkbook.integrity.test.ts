/**
 * Register integrity: a write happens completely or not at all, writes only the cells it
 * changes, never replaces the user's formulas unasked; leftovers of a damaged register are
 * found and repaired; an untag can be undone exactly.
 */
import { snapshot, WorkbookSnapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { FormulaConflictError, KpiWorkbookError } from "../../src/workbook/kpiWorkbook";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";
const CHURN = "'Monthly KPIs'!C2:C37";
const NPS = "'Monthly KPIs'!E2:E37";

/**
 * Snapshot without conditional-format ids (Excel gives a format written back a new id) and with
 * formats in a fixed order; what each cell shows (its fill) is compared cell by cell.
 */
function state(model: WorkbookModel): WorkbookSnapshot {
  const snap = snapshot(model);
  const formats = snap.conditionalFormats.map((f) => ({ ...f, id: "" }));
  formats.sort((a, b) => `${a.sheet}|${a.address}|${a.rule}`.localeCompare(`${b.sheet}|${b.address}|${b.rule}`));
  const names = [...snap.names].sort((a, b) => a.name.localeCompare(b.name));
  return { ...snap, names, conditionalFormats: formats };
}

/** A register sheet's rows in ID order (the header first), every grid alike. */
function byId(sheet: WorkbookSnapshot["sheets"][number]): WorkbookSnapshot["sheets"][number] {
  const order = sheet.values
    .map((_, i) => i)
    .sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : String(sheet.values[a][0]).localeCompare(String(sheet.values[b][0]))));
  return { ...sheet, values: order.map((i) => sheet.values[i]), formulas: order.map((i) => sheet.formulas[i]), fills: order.map((i) => sheet.fills[i]) };
}

function registerSheet(model: WorkbookModel) {
  return model.findSheet("KPI Register")!;
}

function col(model: WorkbookModel, header: string): number {
  return model.findTable("KPI_Register")!.columns.indexOf(header);
}

/** Every register ID owns exactly one name, and every KPI_ name has its row. */
function consistent(model: WorkbookModel): void {
  const table = model.findTable("KPI_Register");
  const ids = table
    ? Array.from({ length: table.area.rowCount - 1 }, (_, i) =>
        String(model.valueAt(registerSheet(model), table.area.row + 1 + i, table.area.col + col(model, "ID"))),
      ).filter(Boolean)
    : [];
  const names = model.names.filter((n) => n.name.startsWith("KPI_")).map((n) => n.name.slice(4).toUpperCase());
  expect(new Set(ids.map((id) => id.toUpperCase())).size).toBe(ids.length);
  expect(names.sort()).toEqual(ids.map((id) => id.toUpperCase()).sort());
}

/**
 * Runs `action`, and just before its `n`th sync from now does `sabotage` (what another user or
 * Excel does meanwhile); returns the workbook's state right after the sabotage.
 */
function sabotageAt(model: WorkbookModel, n: number, sabotage: () => void): { before: () => WorkbookSnapshot } {
  const start = model.syncCount;
  let before: WorkbookSnapshot | null = null;
  model.beforeSync = () => {
    if (model.syncCount === start + n) {
      sabotage();
      before = state(model);
    }
  };
  return { before: () => before! };
}

/** How many syncs an action takes on a fresh sample, so the last one can be sabotaged. */
async function syncsFor(
  action: (s: ReturnType<typeof sampleSetup>) => Promise<unknown>,
  prepare?: (s: ReturnType<typeof sampleSetup>) => Promise<unknown>,
): Promise<number> {
  const s = sampleSetup();
  await prepare?.(s);
  return syncsOf(s.model, () => action(s));
}

describe("a tag that Excel refuses part-way leaves the workbook as it was", () => {
  const tagNps = (s: ReturnType<typeof sampleSetup>) => s.workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), NPS, "NPS");
  const tagRevenue = (s: ReturnType<typeof sampleSetup>) => s.workbook.tag(kpiInput(), REVENUE, "REVENUE");

  it.each([
    ["a co-author takes the name KPI_NPS", (m: WorkbookModel) => m.addName("KPI_NPS", "='Monthly KPIs'!$F$2:$F$37")],
    ["the data sheet gets protected", (m: WorkbookModel) => (m.findSheet("Monthly KPIs")!.protected = true)],
  ])("when %s (register exists)", async (_, sabotage) => {
    const n = await syncsFor(tagNps, tagRevenue);
    const s = sampleSetup();
    await tagRevenue(s);
    const probe = sabotageAt(s.model, n, () => sabotage(s.model));
    await expect(tagNps(s)).rejects.toThrow(/Excel refused to tag NPS: .*Nothing was changed/);
    expect(state(s.model)).toEqual(probe.before());
  });

  it("when the first tag creates the register and the data sheet gets protected meanwhile", async () => {
    const n = await syncsFor(tagRevenue);
    const s = sampleSetup();
    // The register and the history are made in round trips of their own before the write batch
    // (steps/tables.ts): the refused batch's undo must take them away again.
    const untouched = state(s.model);
    sabotageAt(s.model, n, () => (s.model.findSheet("Monthly KPIs")!.protected = true));
    await expect(tagRevenue(s)).rejects.toThrow(KpiWorkbookError);
    s.model.findSheet("Monthly KPIs")!.protected = false;
    expect(state(s.model)).toEqual(untouched);
    expect(s.model.findSheet("KPI Register")).toBeUndefined();
  });

  it("refuses before writing when the ID is taken by an unreadable row or a leftover name", async () => {
    const s = sampleSetup();
    await tagRevenue(s);
    s.model.writeValue(registerSheet(s.model), 1, col(s.model, "Target"), "abc");
    s.model.addName("KPI_CHURN", "='Monthly KPIs'!$C$2:$C$37");
    const before = state(s.model);
    await expect(s.workbook.tag(kpiInput(), CHURN, "REVENUE")).rejects.toThrow(/already exists in the register/);
    await expect(s.workbook.tag(kpiInput({ name: "Churn" }), CHURN, "CHURN")).rejects.toThrow(/KPI_CHURN already exists/);
    expect(state(s.model)).toEqual(before);
  });

  it("chooses a free ID itself, seeing problem rows and names, so the tag completes consistently", async () => {
    const s = sampleSetup();
    await tagRevenue(s);
    s.model.writeValue(registerSheet(s.model), 1, col(s.model, "Target"), "abc");
    const kpi = await s.workbook.tag(kpiInput(), CHURN);
    expect(kpi.id).toBe("REVENUE_2");
    consistent(s.model);
    expect(s.model.findName("KPI_REVENUE_2")!.formula).toBe("='Monthly KPIs'!$C$2:$C$37");
  });
});

describe("writes touch only what changes and keep the user's formulas", () => {
  async function withFormulaTarget() {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput({ target: 1300 }), REVENUE, "REVENUE");
    s.model.writeFormula(registerSheet(s.model), 1, col(s.model, "Target"), "=1000+300");
    return s;
  }

  it("Mark reviewed writes the date and leaves a formula in Target a formula", async () => {
    const s = await withFormulaTarget();
    await s.workbook.markReviewed("REVENUE", "2026-11-23");
    expect(s.model.formulaAt(registerSheet(s.model), 1, col(s.model, "Target"))).toBe("=1000+300");
    expect(s.model.valueAt(registerSheet(s.model), 1, col(s.model, "Last reviewed"))).toBe("2026-11-23");
  });

  it("an unchanged Save writes nothing at all", async () => {
    const s = await withFormulaTarget();
    const before = state(s.model);
    await s.workbook.update("REVENUE", kpiInput({ target: 1300 }));
    expect(state(s.model)).toEqual(before);
  });

  it("a Save that would replace the user's formula asks first, and replaces it only when told", async () => {
    const s = await withFormulaTarget();
    const before = state(s.model);
    await expect(s.workbook.update("REVENUE", kpiInput({ target: 1400 }))).rejects.toThrow(FormulaConflictError);
    expect(state(s.model)).toEqual(before);
    await s.workbook.update("REVENUE", kpiInput({ target: 1400 }), { replaceFormulas: true });
    expect(s.model.formulaAt(registerSheet(s.model), 1, col(s.model, "Target"))).toBe(1400);
  });
});

describe("leftovers of a damaged register", () => {
  async function two() {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await s.workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), CHURN, "CHURN");
    return s;
  }

  it("a deleted register row leaves its name and colours, which the health check lists and can remove", async () => {
    const s = await two();
    s.model.deleteTableRow(s.model.findTable("KPI_Register")!, 1);
    const register = await s.workbook.readRegister();
    expect(register.orphans).toEqual([{ id: "CHURN", name: "KPI_CHURN", source: CHURN, formatsAt: CHURN, targetName: null }]);
    await s.workbook.removeOrphan("CHURN");
    expect(s.model.findName("KPI_CHURN")).toBeUndefined();
    expect(snapshot(s.model).conditionalFormats.filter((f) => f.rule.includes("kpilens:CHURN"))).toEqual([]);
    expect((await s.workbook.readRegister()).orphans).toEqual([]);
    consistent(s.model);
  });

  it("a deleted register row can be rebuilt from its name and its colours' rules", async () => {
    const s = await two();
    s.model.deleteTableRow(s.model.findTable("KPI_Register")!, 1);
    const kpi = await s.workbook.recoverOrphan("CHURN");
    expect(kpi).toMatchObject({ id: "CHURN", name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9, source: "'Monthly KPIs'!$C$2:$C$37" });
    const register = await s.workbook.readRegister();
    expect(register.kpis.map((k) => k.id)).toEqual(["REVENUE", "CHURN"]);
    expect(register.orphans).toEqual([]);
    consistent(s.model);
  });

  it("a deleted register sheet leaves every KPI listed as a leftover", async () => {
    const s = await two();
    s.model.deleteSheet(registerSheet(s.model));
    const register = await s.workbook.readRegister();
    expect(register.exists).toBe(false);
    expect(register.orphans.map((o) => o.id).sort()).toEqual(["CHURN", "REVENUE"]);
  });
});

describe("Untag can be undone exactly", () => {
  it("puts back the row (the user's columns and formulas too), the name and the colours", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await s.workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), CHURN, "CHURN");
    s.model.writeFormula(registerSheet(s.model), 1, col(s.model, "Target"), "=1000+300");
    const before = state(s.model);
    const receipt = await s.workbook.untag("REVENUE");
    expect(s.model.findName("KPI_REVENUE")).toBeUndefined();
    await s.workbook.undoUntag(receipt);
    // Everything as it was, but for the audit trail, which records both, and the row's place: it
    // comes back at the register's end (an append, the co-authoring-safe write; the order of a
    // sortable table is the user's), cell for cell the same, its formula a formula.
    const after = state(s.model);
    const withoutHistory = (x: WorkbookSnapshot) => ({
      ...x,
      sheets: x.sheets.filter((sh) => sh.name !== "KPI History").map((sh) => (sh.name === "KPI Register" ? byId(sh) : sh)),
      tables: x.tables.filter((t) => t.name !== "KPI_History"),
    });
    expect(withoutHistory(after)).toEqual(withoutHistory(before));
    expect(s.model.formulaAt(registerSheet(s.model), 2, col(s.model, "Target"))).toBe("=1000+300");
    expect((await s.workbook.history("REVENUE")).slice(-2).map((e) => e.field)).toEqual(["Untagged", "Tagged"]);
  });

  it("an untag Excel refuses part-way is rolled back", async () => {
    const untag = (s: ReturnType<typeof sampleSetup>) => s.workbook.untag("REVENUE");
    const prepare = (s: ReturnType<typeof sampleSetup>) => s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const n = await syncsFor(untag, prepare);
    const s = sampleSetup();
    await prepare(s);
    const probe = sabotageAt(s.model, n, () => (registerSheet(s.model).protected = true));
    await expect(untag(s)).rejects.toThrow(/Excel refused to untag/);
    registerSheet(s.model).protected = true;
    expect(state(s.model)).toEqual(probe.before());
  });
});

describe("reads that fit Excel on the web's limits", () => {
  it("reads a whole-column selection in a constant amount, and counts its numbers", async () => {
    const s = sampleSetup();
    s.model.select(s.model.findSheet("Monthly KPIs")!, { row: 0, col: 1, rowCount: 1_048_576, colCount: 1 });
    const selection = await s.workbook.readSelection();
    expect(selection).toMatchObject({ address: "'Monthly KPIs'!B1:B1048576", usedAddress: "'Monthly KPIs'!B1:B37", numbers: 36 });
  });

  it("reads Ctrl+A (17 billion cells) without failing", async () => {
    const s = sampleSetup();
    s.model.select(s.model.findSheet("Monthly KPIs")!, { row: 0, col: 0, rowCount: 1_048_576, colCount: 16_384 });
    await expect(s.workbook.readSelection()).resolves.toMatchObject({ usedAddress: "'Monthly KPIs'!A1:F37" });
  });

  it("tags the used part of a whole column and says where", async () => {
    const s = sampleSetup();
    const kpi = await s.workbook.tag(kpiInput(), "'Monthly KPIs'!B2:B1048576", "REVENUE");
    expect(kpi.source).toBe("'Monthly KPIs'!$B$2:$B$37");
  });

  it("refreshes a KPI of 300,000 periods in pieces, and the others still in one round trip", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const long = s.model.addSheet("Daily");
    for (let r = 0; r < 300_000; r++) s.model.writeValue(long, r, 0, 1000 + (r % 97));
    await s.workbook.tag(kpiInput({ name: "Daily orders" }), "Daily!A1:A300000", "DAILY");
    const { series } = await s.workbook.refresh();
    expect(series.map((x) => [x.id, x.values.length, x.problem])).toEqual([
      ["REVENUE", 36, null],
      ["DAILY", 300_000, null],
    ]);
  });
});

describe("the audit trail (KPI History)", () => {
  it("records tagging, each changed field with old and new values and who, and untagging; a refused write records nothing", async () => {
    const s = sampleSetup();
    s.workbook.setAuthor("Dana Whitfield");
    await s.workbook.tag(kpiInput({ target: 1300, atRisk: 1250 }), REVENUE, "REVENUE");
    await s.workbook.update("REVENUE", kpiInput({ target: 1350, atRisk: 1250, owner: "Sam Ortiz" }));
    const history = await s.workbook.history("REVENUE");
    expect(history.map(({ field, old, new: next, who }) => [field, old, next, who])).toEqual([
      ["Tagged", "", "'Monthly KPIs'!$B$2:$B$37", "Dana Whitfield"],
      ["Owner", "Dana Whitfield", "Sam Ortiz", "Dana Whitfield"],
      ["Target", "1300", "1350", "Dana Whitfield"],
    ]);
    expect(history.every((e) => /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(e.when))).toBe(true);
    // The history is a table of the workbook, readable without the add-in, all text.
    expect(s.model.findTable("KPI_History")!.columns).toEqual(["When", "KPI", "Field", "Old", "New", "Who"]);

    const n = await syncsFor(
      (x) => x.workbook.update("REVENUE", kpiInput({ target: 1400, owner: "Sam Ortiz" })),
      async (x) => {
        await x.workbook.tag(kpiInput({ target: 1300, atRisk: 1250 }), REVENUE, "REVENUE");
        await x.workbook.update("REVENUE", kpiInput({ target: 1350, atRisk: 1250, owner: "Sam Ortiz" }));
      },
    );
    const probe = sabotageAt(s.model, n, () => (registerSheet(s.model).protected = true));
    await expect(s.workbook.update("REVENUE", kpiInput({ target: 1400, owner: "Sam Ortiz" }))).rejects.toThrow(/Excel refused/);
    expect(state(s.model)).toEqual(probe.before());
    registerSheet(s.model).protected = false;
    await s.workbook.untag("REVENUE");
    expect((await s.workbook.history("REVENUE")).map((e) => e.field)).toEqual(["Tagged", "Owner", "Target", "Untagged"]);
  });
});
