/**
 * A shared workbook: a second pane, a co-author or the user acts between an operation's read and
 * its write (the stand-in's beforeSync runs them there, as a round trip on Excel on the web leaves
 * room for). Every case here reproduced a defect of issue 20 before the write engine: rows found
 * by an index read earlier, undo by name or by count, lost updates, formulas turned to values.
 */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { snapshot, WorkbookSnapshot } from "../../src/workbench/snapshot";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { KpiDefinition } from "../../src/core/model/kpi";

const REVENUE = "'Monthly KPIs'!B2:B37";
const CHURN = "'Monthly KPIs'!C2:C37";
const NPS = "'Monthly KPIs'!E2:E37";
type Setup = ReturnType<typeof sampleSetup>;

const churn = () => kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 });

/** How many syncs an operation takes on a fresh sample prepared the same way: its last one is its write. */
async function syncsFor(prepare: (s: Setup) => Promise<unknown>, op: (s: Setup) => Promise<unknown>): Promise<number> {
  const s = sampleSetup();
  await prepare(s);
  return syncsOf(s.model, () => op(s));
}

function table(model: WorkbookModel, name: string) {
  const t = model.findTable(name)!;
  return { t, sheet: model.sheetById(t.sheetId) };
}

function column(model: WorkbookModel, tableName: string, header: string): unknown[] {
  const { t, sheet } = table(model, tableName);
  const c = t.columns.indexOf(header);
  return Array.from({ length: t.area.rowCount - 1 }, (_, i) => model.valueAt(sheet, t.area.row + 1 + i, t.area.col + c));
}

/** What the user does with Data › Sort: the body's rows in reverse order, cells and formats with them. */
function reverseRows(model: WorkbookModel, tableName: string): void {
  const { t, sheet } = table(model, tableName);
  const rows = Array.from({ length: t.area.rowCount - 1 }, (_, i) =>
    Array.from({ length: t.area.colCount }, (_, c) => ({
      formula: model.formulaAt(sheet, t.area.row + 1 + i, t.area.col + c),
      format: model.cellAt(sheet, t.area.row + 1 + i, t.area.col + c)?.numberFormat ?? "General",
    })),
  ).reverse();
  rows.forEach((cells, i) =>
    cells.forEach((cell, c) => {
      model.setFormat(sheet, t.area.row + 1 + i, t.area.col + c, { numberFormat: cell.format });
      model.writeFormula(sheet, t.area.row + 1 + i, t.area.col + c, cell.formula);
    }),
  );
}

function setCell(model: WorkbookModel, tableName: string, id: string, header: string, value: unknown): void {
  const { t, sheet } = table(model, tableName);
  const row = column(model, tableName, t.columns[0]).findIndex((v) => String(v) === id);
  model.writeFormula(sheet, t.area.row + 1 + row, t.area.col + t.columns.indexOf(header), value);
}

const registerOf = async (s: Setup) => Object.fromEntries((await s.workbook.readRegister()).kpis.map((k) => [k.id, k]));

describe("two panes or co-authors at once", () => {
  it("two panes tag the first KPI at once: the loser's undo leaves the winner's register, history and names whole", async () => {
    const a = sampleSetup();
    const b = sampleSetup(a.model);
    const n = await syncsFor(
      async () => undefined,
      (s) => s.workbook.tag(kpiInput(), REVENUE, "REVENUE"),
    );
    beforeSyncNumber(a.model, n - 1, () => b.workbook.tag(churn(), CHURN, "CHURN"));
    await expect(a.workbook.tag(kpiInput(), REVENUE, "REVENUE")).rejects.toThrow(/Excel refused to tag Revenue: .*Nothing was changed/);
    const state = await a.workbook.readRegister();
    expect(state.kpis.map((k) => k.id)).toEqual(["CHURN"]);
    expect(a.model.sheets.map((sh) => sh.name).filter((x) => x.startsWith("KPI"))).toEqual(["KPI Register", "KPI History"]);
    expect(a.model.names.map((x) => x.name)).toEqual(["KPI_CHURN"]);
    expect((await a.workbook.history("CHURN")).map((e) => e.field)).toEqual(["Tagged"]);
    // And the loser can simply try again.
    await a.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    expect((await a.workbook.readRegister()).kpis.map((k) => k.id)).toEqual(["CHURN", "REVENUE"]);
  });

  it("two panes open the first action at once: nobody's KPI Actions sheet is deleted", async () => {
    const a = sampleSetup();
    await a.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const b = sampleSetup(a.model);
    const firing = { kpi: "REVENUE", period: 36, rule: "Off track" };
    beforeSyncNumber(a.model, 2, () => b.workbook.openActions([firing], "2026-12-01"));
    await a.workbook.openActions([{ ...firing, period: 35 }], "2026-12-01").catch(() => undefined);
    const actions = (await a.workbook.readRegister()).actions;
    expect(actions.map((x) => x.period)).toContain(36);
    expect(a.model.findTable("KPI_Actions")).toBeDefined();
  });

  it("a user's own sheet named KPI Notes is never written or deleted", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const own = s.model.addSheet("KPI Notes");
    s.model.writeValue(own, 0, 0, "my notes");
    await expect(s.workbook.addCheckIn("REVENUE", { period: 36, note: "Q4 slipped", override: null, reason: "" })).rejects.toThrow(/KPI Notes/);
    expect(s.model.valueAt(s.model.findSheet("KPI Notes")!, 0, 0)).toBe("my notes");
  });
});

describe("rows found by what they are, at write time", () => {
  async function twoKpis(s: Setup = sampleSetup()): Promise<Setup> {
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await s.workbook.tag(churn(), CHURN, "CHURN");
    return s;
  }

  it("Untag while the user sorts the register takes off the KPI asked for, not the one now in its row", async () => {
    const n = await syncsFor(twoKpis, (s) => s.workbook.untag("REVENUE"));
    const s = await twoKpis();
    beforeSyncNumber(s.model, n, () => reverseRows(s.model, "KPI_Register"));
    await s.workbook.untag("REVENUE");
    expect(Object.keys(await registerOf(s))).toEqual(["CHURN"]);
    expect(s.model.names.map((x) => x.name)).toEqual(["KPI_CHURN"]);
  });

  it("Save while the user sorts the register changes the KPI it was meant for", async () => {
    const n = await syncsFor(twoKpis, (s) => s.workbook.update("REVENUE", kpiInput({ target: 1400 })));
    const s = await twoKpis();
    beforeSyncNumber(s.model, n, () => reverseRows(s.model, "KPI_Register"));
    await s.workbook.update("REVENUE", kpiInput({ target: 1400 }));
    const kpis = await registerOf(s);
    expect([kpis.REVENUE.target, kpis.CHURN.target, kpis.CHURN.name]).toEqual([1400, 2.6, "Churn"]);
  });

  it("Mark done while the user sorts the actions marks the action asked for", async () => {
    const prepare = async (s: Setup) => {
      await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
      await s.workbook.openActions(
        [
          { kpi: "REVENUE", period: 35, rule: "Off track" },
          { kpi: "REVENUE", period: 36, rule: "Off track" },
        ],
        "2026-12-01",
      );
    };
    const done = (s: Setup) => s.workbook.setActionStatus({ kpi: "REVENUE", period: 35, rule: "Off track" }, "done", "Called the client", "2026-12-02");
    const n = await syncsFor(prepare, done);
    const s = sampleSetup();
    await prepare(s);
    beforeSyncNumber(s.model, n, () => reverseRows(s.model, "KPI_Actions"));
    await done(s);
    const actions = (await s.workbook.readRegister()).actions;
    expect(actions.map((x) => [x.period, x.status, x.note])).toEqual(
      expect.arrayContaining([
        [35, "done", "Called the client"],
        [36, "open", ""],
      ]),
    );
  });

  it("the undo of a refused tag deletes only its own History row, not the one a co-author appended meanwhile", async () => {
    const n = await syncsFor(twoKpis, (s) => s.workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), NPS, "NPS"));
    const s = await twoKpis();
    const other = sampleSetup(s.model);
    beforeSyncNumber(s.model, n, async () => {
      await other.workbook.update("CHURN", churn(), {});
      await other.workbook.update("CHURN", { ...churn(), owner: "Sam Ortiz" });
      s.model.findSheet("Monthly KPIs")!.protected = true;
    });
    await expect(s.workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), NPS, "NPS")).rejects.toThrow(/Excel refused/);
    expect((await s.workbook.history("CHURN")).map((e) => [e.field, e.new])).toEqual([
      ["Tagged", "'Monthly KPIs'!$C$2:$C$37"],
      ["Owner", "Sam Ortiz"],
    ]);
    expect(await s.workbook.history("NPS")).toEqual([]);
  });
});

describe("a save writes only what the user changed", () => {
  it("an Owner typed in the register while the form was open survives a target change, and History records only the target", async () => {
    const s = sampleSetup();
    const opened: KpiDefinition = await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    setCell(s.model, "KPI_Register", "REVENUE", "Owner", "Sam Ortiz");
    await s.workbook.update("REVENUE", kpiInput({ target: 1400 }), { opened });
    const kpi = (await registerOf(s)).REVENUE;
    expect([kpi.owner, kpi.target]).toEqual(["Sam Ortiz", 1400]);
    expect((await s.workbook.history("REVENUE")).slice(1).map((e) => [e.field, e.old, e.new])).toEqual([["Target", "1300", "1400"]]);
  });

  it("the same field changed by someone else since the form opened is refused with both values", async () => {
    const s = sampleSetup();
    const opened = await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    setCell(s.model, "KPI_Register", "REVENUE", "Target", 1350);
    await expect(s.workbook.update("REVENUE", kpiInput({ target: 1400 }), { opened })).rejects.toThrow(/Target is now 1350 \(you entered 1400\)/);
    expect((await registerOf(s)).REVENUE.target).toBe(1350);
  });

  it("an edit that lands between the save's read and its write is caught by the guard and kept", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    // A co-author keeps typing: before every round trip the Owner holds something new, so each
    // attempt's write finds another value than its read saw. The save gives up; their last edit stays.
    let k = 0;
    s.model.beforeSync = () => setCell(s.model, "KPI_Register", "REVENUE", "Owner", `Sam Ortiz ${++k}`);
    await expect(s.workbook.update("REVENUE", kpiInput({ owner: "Kim Lee" }))).rejects.toThrow(/Owner of Revenue was changed in the register meanwhile/);
    s.model.beforeSync = null;
    expect((await registerOf(s)).REVENUE.owner).toBe(`Sam Ortiz ${k}`);
    expect((await s.workbook.history("REVENUE")).map((e) => e.field)).toEqual(["Tagged"]);
  });
});

describe("formulas stay formulas", () => {
  async function withAction(s: Setup = sampleSetup()): Promise<Setup> {
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await s.workbook.openActions([{ kpi: "REVENUE", period: 36, rule: "Off track" }], "2026-12-01");
    return s;
  }

  it("Mark done asks before replacing the user's formula in Status or Note", async () => {
    const s = await withAction();
    const { t, sheet } = table(s.model, "KPI_Actions");
    s.model.writeFormula(sheet, t.area.row + 1, t.area.col + t.columns.indexOf("Note"), '="see "&"board pack"');
    const key = { kpi: "REVENUE", period: 36, rule: "Off track" };
    await expect(s.workbook.setActionStatus(key, "done", "Called the client", "2026-12-02")).rejects.toThrow(/your formula Note/);
    expect(s.model.formulaAt(sheet, t.area.row + 1, t.area.col + t.columns.indexOf("Note"))).toBe('="see "&"board pack"');
    await s.workbook.setActionStatus(key, "done", "Called the client", "2026-12-02", { replaceFormulas: true });
    expect(s.model.valueAt(sheet, t.area.row + 1, t.area.col + t.columns.indexOf("Note"))).toBe("Called the client");
  });

  it("a refused Mark done puts the user's formula back as a formula", async () => {
    const key = { kpi: "REVENUE", period: 36, rule: "Off track" };
    const op = (s: Setup) => s.workbook.setActionStatus(key, "done", "", "2026-12-02");
    const n = await syncsFor(withAction, op);
    const s = await withAction();
    const { t, sheet } = table(s.model, "KPI_Actions");
    const at = [t.area.row + 1, t.area.col + t.columns.indexOf("Owner")] as const;
    s.model.writeFormula(sheet, at[0], at[1], "=INDEX(KPI_Register[Owner],1)");
    const was: WorkbookSnapshot = snapshot(s.model);
    beforeSyncNumber(s.model, n, () => (s.model.sheetById(t.sheetId).protected = true));
    await expect(op(s)).rejects.toThrow(/Excel refused/);
    s.model.sheetById(t.sheetId).protected = false;
    expect(snapshot(s.model)).toEqual(was);
  });
});

describe("extending a KPI is a definition change", () => {
  it("records the new Source in History", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const sheet = s.model.findSheet("Monthly KPIs")!;
    s.model.writeValue(sheet, 37, 1, 1500);
    await s.workbook.extend("REVENUE");
    const last = (await s.workbook.history("REVENUE")).pop()!;
    expect([last.field, last.old, last.new]).toEqual(["Source", "'Monthly KPIs'!$B$2:$B$37", "'Monthly KPIs'!$B$2:$B$38"]);
  });

  it("a second pane includes the same new period before any of this one's syncs: this one reads again and the range grows once", async () => {
    const setup = () => {
      const s = sampleSetup();
      return s.workbook.tag(kpiInput(), REVENUE, "REVENUE").then(() => {
        s.model.writeValue(s.model.findSheet("Monthly KPIs")!, 37, 1, 1500);
        return s;
      });
    };
    const first = await setup();
    const n = await syncsOf(first.model, () => first.workbook.extend("REVENUE"));
    for (let k = 0; k < n; k++) {
      const a = await setup();
      // Between its colours' list and their rules' read, the other pane's include removes them (Excel: ItemNotFound).
      beforeSyncNumber(a.model, k, () => sampleSetup(a.model).workbook.extend("REVENUE"));
      await a.workbook.extend("REVENUE");
      expect([k, a.model.findName("KPI_REVENUE")?.formula]).toEqual([k, "='Monthly KPIs'!$B$2:$B$38"]);
      expect([k, a.model.conditionalFormats.filter((f) => String(f.formula).includes("kpilens:REVENUE:")).length]).toEqual([k, 3]);
    }
  });
});

describe("two panes change the same KPI's colours at once", () => {
  it("the second save reads again (the colours it read are gone) and both saves land, the colours matching the last", async () => {
    const a = sampleSetup();
    await a.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const b = sampleSetup(a.model);
    const n = await syncsFor(
      (x) => x.workbook.tag(kpiInput(), REVENUE, "REVENUE"),
      (x) => x.workbook.update("REVENUE", kpiInput({ target: 1400 })),
    );
    beforeSyncNumber(a.model, n, () => b.workbook.update("REVENUE", kpiInput({ target: 1350 })));
    await a.workbook.update("REVENUE", kpiInput({ target: 1400 }));
    expect((await registerOf(a)).REVENUE.target).toBe(1400);
    const rules = a.model.conditionalFormats.filter((f) => (f.formula ?? "").includes("kpilens:REVENUE:"));
    expect(rules).toHaveLength(3);
    expect(rules.map((f) => f.formula).sort()).toEqual([
      '=AND(ISNUMBER(B2),B2<1250,N("kpilens:REVENUE:off")=0)',
      '=AND(ISNUMBER(B2),B2<1400,B2>=1250,N("kpilens:REVENUE:risk")=0)',
      '=AND(ISNUMBER(B2),B2>=1400,N("kpilens:REVENUE:on")=0)',
    ]);
  });
});
