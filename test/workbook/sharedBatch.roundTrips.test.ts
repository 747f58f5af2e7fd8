/**
 * The pane's read rides in a write's own batch (readMemory.ts, paneRead.ts): the refresh after a
 * write makes no round trip, and gives exactly what a second pane reading afresh gives, also when
 * a co-author moves, adds or removes things between the write's read and its batch.
 */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { snapshot } from "../../src/workbench/snapshot";
import { othersChanges } from "../../src/workbook/events";
import { ExcelKpiWorkbook } from "../../src/workbook/kpiWorkbook";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { regionsConversion } from "../support/regionsConversion";

const REVENUE = "'Monthly KPIs'!B2:B37";
type Setup = ReturnType<typeof sampleSetup>;
const kpi = (over: Parameters<typeof kpiInput>[0] = {}) => kpiInput({ firstPeriod: "2023-01", ...over });

/** A pane as the task pane wires it: it listens to changes from the start. */
async function listeningPane(model?: WorkbookModel): Promise<Setup> {
  const s = sampleSetup(model);
  await s.workbook.onChange(() => undefined);
  return s;
}

/** What a second pane sees, reading afresh (it listens to nothing, so it reads). */
const fresh = (model: WorkbookModel) => sampleSetup(model).workbook.refresh();

/** The refresh after the last write: no round trip, and the same as a fresh read. */
async function expectReadInTheWrite(s: Setup): Promise<void> {
  let read: Awaited<ReturnType<ExcelKpiWorkbook["refresh"]>> | null = null;
  expect(await syncsOf(s.model, async () => (read = await s.workbook.refresh()))).toBe(0);
  expect(read).toEqual(await fresh(s.model));
}

/** Two KPIs tagged, with a note (so KPI Notes exists), by a listening pane. */
async function prepared(model?: WorkbookModel): Promise<Setup> {
  const s = await listeningPane(model);
  await s.workbook.tag(kpi(), REVENUE, "REVENUE");
  await s.workbook.tag(
    kpi({ name: "Conversion", unit: "%", target: 3, atRisk: 2.8, denominatorRange: "'Web shop'!B2:B37", ratePer: 100 }),
    "'Web shop'!C2:C37",
    "CONV",
  );
  await s.workbook.addCheckIn("REVENUE", { period: 36, note: "Q4 slipped", override: null, reason: "" });
  return s;
}

/** The syncs `op` takes on a fresh copy prepared the same way: the last one is its write batch. */
async function writeBatchOf(op: (s: Setup) => Promise<unknown>): Promise<number> {
  const s = await prepared();
  return syncsOf(s.model, () => op(s));
}

describe("the pane's read in the write's batch", () => {
  it("after every kind of write, the refresh makes no round trip and reads what a fresh pane reads", async () => {
    const s = await listeningPane();
    const w = s.workbook;
    const steps: [string, () => Promise<unknown>][] = [
      ["tag the first KPI", () => w.tag(kpi(), REVENUE, "REVENUE")],
      [
        "tag with a budget row",
        () =>
          w.tag(
            kpi({ name: "Churn", direction: "lower", target: null, targetRange: "Budget!B3:AK3", atRisk: null, atRiskPercent: 10 }),
            "'Monthly KPIs'!C2:C37",
            "CHURN",
          ),
      ],
      [
        "tag a rate",
        () =>
          w.tag(
            kpi({ name: "Conversion", unit: "%", target: 3, atRisk: 2.8, denominatorRange: "'Web shop'!B2:B37", ratePer: 100 }),
            "'Web shop'!C2:C37",
            "CONV",
          ),
      ],
      [
        "tag a table column",
        () => w.tag(kpi({ name: "Tickets", cadence: "weekly", direction: "lower", target: 150, atRisk: 160 }), "Support!B2:B27", "TICKETS"),
      ],
      ["edit a target", () => w.update("REVENUE", kpi({ target: 1400 }))],
      [
        "edit a budget row's At risk",
        () => w.update("CHURN", kpi({ name: "Churn", direction: "lower", target: null, targetRange: "Budget!B3:AK3", atRisk: null, atRiskPercent: 12 })),
      ],
      [
        "edit a rate's target",
        () => w.update("CONV", kpi({ name: "Conversion", unit: "%", target: 3.2, atRisk: 2.9, denominatorRange: "'Web shop'!B2:B37", ratePer: 100 })),
      ],
      ["write a note", () => w.addCheckIn("REVENUE", { period: 36, note: "Q4 slipped", override: null, reason: "" })],
      ["open an action", () => w.openActions([{ kpi: "REVENUE", period: 36, rule: "Off track" }], "2026-12-01")],
      ["mark it done", () => w.setActionStatus({ kpi: "REVENUE", period: 36, rule: "Off track" }, "done", "Called", "2026-12-02")],
      ["mark reviewed", () => w.markReviewed("CHURN", "2026-12-01")],
      ["mark reviewed again (nothing to write)", () => w.markReviewed("CHURN", "2026-12-01")],
      ["insert a formula", () => w.insertFormula("'Monthly KPIs'!H2", "=KPI.SIG_CHANGE(KPI_REVENUE)")],
      ["build the scorecard", () => w.buildScorecard()],
      ["close a period", () => w.closePeriod("2025-12")],
    ];
    for (const [, step] of steps) {
      await step();
      await expectReadInTheWrite(s);
    }
    const receipt = await w.untag("CHURN");
    await expectReadInTheWrite(s);
    await w.undoUntag(receipt);
    await expectReadInTheWrite(s);
  });

  it("leaves out of the change listener only this pane's own changes (triggerSource, ExcelApi 1.14)", async () => {
    const heard: string[] = [];
    const handler = othersChanges(() => heard.push("change"));
    await handler({ triggerSource: "ThisLocalAddin" } as Excel.WorksheetChangedEventArgs);
    expect(heard).toEqual([]);
    await handler({ triggerSource: "Unknown" } as Excel.WorksheetChangedEventArgs);
    // An older host gives no trigger source: every change counts.
    await handler({} as Excel.WorksheetChangedEventArgs);
    expect(heard).toEqual(["change", "change"]);
  });

  it("reads afresh when no change listener is on, or when someone else changed the workbook since", async () => {
    const quiet = sampleSetup();
    await quiet.workbook.tag(kpi(), REVENUE, "REVENUE");
    // Without a listener a co-author's change would go unseen: the register, then the values.
    expect(await syncsOf(quiet.model, () => quiet.workbook.refresh())).toBe(2);

    const s = await listeningPane();
    await s.workbook.tag(kpi(), REVENUE, "REVENUE");
    const sheet = s.model.findSheet("Monthly KPIs")!;
    s.model.writeValue(sheet, 36, 1, 9999);
    s.model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: "'Monthly KPIs'!B37", changeType: "RangeEdited", source: "Local" });
    await new Promise((r) => setTimeout(r, 0));
    const read = await s.workbook.refresh();
    expect(read.series[0].values[35]).toBe(9999);
    expect(read).toEqual(await fresh(s.model));
  });

  it("with blocks of segments in the workbook too (issue 25): the refresh after each write still makes no round trip", async () => {
    const s = await listeningPane();
    const w = s.workbook;
    const block = regionsConversion();
    const sheet = s.model.findSheet("Regions")!;
    const steps: (() => Promise<unknown>)[] = [
      () => w.tag(kpi(), REVENUE, "REVENUE"),
      () => w.tag(block, "'Regions'!A2:E38", "CONV"),
      () => w.update("REVENUE", kpi({ target: 1400 })),
      () => w.update("CONV", { ...block, atRiskPercent: 12 }),
      () => w.addCheckIn("CONV", { period: 36, note: "West is behind", override: null, reason: "" }),
      () => w.markReviewed("CONV", "2026-12-01"),
      async () => {
        // January typed below the block (a number in every region, and its visits), then included.
        [410, 270, 350, 150].forEach((v, c) => s.model.writeValue(sheet, 38, 1 + c, v));
        [13_100, 8_800, 11_000, 7_300].forEach((v, c) => s.model.writeValue(sheet, 38, 7 + c, v));
        await w.refresh();
        return w.extend("CONV");
      },
    ];
    for (const step of steps) {
      await step();
      await expectReadInTheWrite(s);
    }
    expect((await w.refresh()).series.find((x) => x.id === "CONV")!.values).toHaveLength(37);
  });

  it("a block's tag reads the block beside the register: three round trips, the refresh after it none", async () => {
    const s = await listeningPane();
    await s.workbook.tag(kpi(), REVENUE, "REVENUE");
    // The register with the selection and its sheet, then the block's cells with their header row, then the write.
    expect(await syncsOf(s.model, () => s.workbook.tag(regionsConversion(), "'Regions'!A2:E38", "CONV"))).toBe(3);
    await expectReadInTheWrite(s);
  });

  it("reads a block again when a co-author moved it between the write's read and its batch", async () => {
    const s = await listeningPane();
    await s.workbook.tag(kpi(), REVENUE, "REVENUE");
    await s.workbook.tag(regionsConversion(), "'Regions'!A2:E38", "CONV");
    const op = (x: Setup) => x.workbook.markReviewed("REVENUE", "2026-12-01");
    const n = await syncsOf(s.model, () => op(s));
    const t = await listeningPane();
    await t.workbook.tag(kpi(), REVENUE, "REVENUE");
    await t.workbook.tag(regionsConversion(), "'Regions'!A2:E38", "CONV");
    beforeSyncNumber(t.model, n, () => t.model.insertRows(t.model.findSheet("Regions")!, 0, 2));
    await op(t);
    await expectReadInTheWrite(t);
    expect((await t.workbook.refresh()).series.find((x) => x.id === "CONV")!.address).toBe("Regions!B5:E40");
  });

  it("reads again the KPIs a co-author moved between the write's read and its batch", async () => {
    const op = (s: Setup) => s.workbook.markReviewed("REVENUE", "2026-12-01");
    const n = await writeBatchOf(op);
    const s = await prepared();
    beforeSyncNumber(s.model, n, () => s.model.insertRows(s.model.findSheet("Web shop")!, 0, 2));
    await op(s);
    expect((await fresh(s.model)).register.kpis.find((k) => k.id === "REVENUE")!.lastReviewed).toBe("2026-12-01");
    await expectReadInTheWrite(s);
    expect((await s.workbook.refresh()).series.find((x) => x.id === "CONV")!.address).toBe("'Web shop'!C4:C39");
  });

  it("reads the KPI a co-author tagged between the write's read and its batch", async () => {
    const op = (s: Setup) => s.workbook.update("REVENUE", kpi({ owner: "Sam Ortiz" }));
    const n = await writeBatchOf(op);
    const s = await prepared();
    beforeSyncNumber(s.model, n, () => sampleSetup(s.model).workbook.tag(kpi({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS"));
    await op(s);
    const read = await fresh(s.model);
    expect(read.register.kpis.map((k) => [k.id, k.owner])).toEqual([
      ["REVENUE", "Sam Ortiz"],
      ["CONV", "Dana Whitfield"],
      ["NPS", "Dana Whitfield"],
    ]);
    await expectReadInTheWrite(s);
  });

  it("a table or a sheet removed meanwhile fails only the ride: the write is put back, read again and lands once", async () => {
    const op = (s: Setup) => s.workbook.markReviewed("REVENUE", "2026-12-01");
    const n = await writeBatchOf(op);
    const removals: [string, (m: WorkbookModel) => void][] = [
      ["the KPI Notes table", (m) => (m.tables = m.tables.filter((t) => t.name !== "KPI_Notes"))],
      ["the sheet of a KPI", (m) => m.deleteSheet(m.findSheet("Web shop")!)],
    ];
    // The write's read and its batch: nothing else.
    expect(n).toBe(2);
    for (const [, remove] of removals) {
      const s = await prepared();
      beforeSyncNumber(s.model, n, () => remove(s.model));
      // The refused batch, its undo and the second try: more than the two.
      expect(await syncsOf(s.model, () => op(s))).toBeGreaterThan(n);
      const read = await fresh(s.model);
      expect(read.register.kpis.find((k) => k.id === "REVENUE")!.lastReviewed).toBe("2026-12-01");
      expect(read.register.problems).toEqual([]);
      expect(s.model.sheets.filter((x) => x.name.includes("~"))).toEqual([]);
      await expectReadInTheWrite(s);
    }
  });

  it("a formula is inserted once even when the ride in its batch fails", async () => {
    const s = await prepared();
    const insert = () => s.workbook.insertFormula("'Monthly KPIs'!H2", "=KPI.SIG_CHANGE(KPI_REVENUE)");
    const dry = await prepared();
    const n = await syncsOf(dry.model, () => dry.workbook.insertFormula("'Monthly KPIs'!H2", "=KPI.SIG_CHANGE(KPI_REVENUE)"));
    beforeSyncNumber(s.model, n, () => (s.model.tables = s.model.tables.filter((t) => t.name !== "KPI_Notes")));
    await insert();
    expect(s.model.formulaAt(s.model.findSheet("Monthly KPIs")!, 1, 7)).toBe("=KPI.SIG_CHANGE(KPI_REVENUE)");
    expect(await s.workbook.refresh()).toEqual(await fresh(s.model));
  });

  it("the Review mode's date right after its note reads nothing again, and a sort between them is still caught", async () => {
    const s = await prepared();
    await s.workbook.tag(kpi({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS");
    await s.workbook.addCheckIn("NPS", { period: 36, note: "Checked with the owner", override: null, reason: "" });
    // The register as the note's own batch read it: the date is one round trip.
    expect(await syncsOf(s.model, () => s.workbook.markReviewed("NPS", "2026-12-01", { afterLastWrite: true }))).toBe(1);
    await expectReadInTheWrite(s);

    const t = await prepared();
    await t.workbook.tag(kpi({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS");
    await t.workbook.addCheckIn("NPS", { period: 36, note: "Checked with the owner", override: null, reason: "" });
    const table = t.model.findTable("KPI_Register")!;
    const sheet = t.model.sheetById(table.sheetId);
    // The user sorts the register between the note and the date: the row read is no longer NPS's.
    beforeSyncNumber(t.model, 1, () => {
      const rows = Array.from({ length: table.area.rowCount - 1 }, (_, i) =>
        Array.from({ length: table.area.colCount }, (_, c) => t.model.formulaAt(sheet, table.area.row + 1 + i, table.area.col + c)),
      ).reverse();
      rows.forEach((cells, i) => cells.forEach((v, c) => t.model.writeFormula(sheet, table.area.row + 1 + i, table.area.col + c, v)));
    });
    await t.workbook.markReviewed("NPS", "2026-12-01", { afterLastWrite: true });
    const kpis = (await fresh(t.model)).register.kpis;
    expect(kpis.map((k) => [k.id, k.lastReviewed])).toEqual([
      ["NPS", "2026-12-01"],
      ["CONV", ""],
      ["REVENUE", ""],
    ]);
  });

  it("a note's mark, read where the last read put the KPI, goes on the cell the KPI holds now", async () => {
    const s = await prepared();
    await s.workbook.refresh();
    // Rows inserted above the values after the pane's last read: Revenue's December is now row 39.
    s.model.insertRows(s.model.findSheet("Monthly KPIs")!, 0, 2);
    await s.workbook.addCheckIn("REVENUE", { period: 35, note: "November slipped", override: null, reason: "" });
    const monthly = s.model.findSheet("Monthly KPIs")!;
    expect(s.model.cellAt(monthly, 37, 1)?.borders).toBeDefined();
    expect(s.model.cellAt(monthly, 35, 1)?.borders).toBeUndefined();
    await expectReadInTheWrite(s);
  });

  it("a first tag makes its two tables in one round trip; refused at the second, it leaves neither, even the first already renamed", async () => {
    const dry = sampleSetup();
    // The read (with the tagged cells), the two tables, the write.
    expect(await syncsOf(dry.model, () => dry.workbook.tag(kpi(), REVENUE, "REVENUE"))).toBe(3);
    const s = sampleSetup();
    // Someone names a table of theirs KPI_History between the tag's read and its tables' round trip.
    beforeSyncNumber(s.model, 2, () => {
      const theirs = s.model.addSheet("Their log");
      s.model.writeValue(theirs, 0, 0, "When");
      s.model.writeValue(theirs, 1, 0, "today");
      s.model.renameTable(s.model.addTable(theirs, { row: 0, col: 0, rowCount: 2, colCount: 1 }, true), "KPI_History");
    });
    await expect(s.workbook.tag(kpi(), REVENUE, "REVENUE")).rejects.toThrow(/Excel refused to tag Revenue: .*Nothing was changed/);
    // The register's sheet, made and renamed before the history's refusal, is gone too (found by its marker).
    expect(s.model.sheets.map((x) => x.name).filter((x) => x.startsWith("KPI"))).toEqual([]);
    expect(s.model.names.map((x) => x.name)).toEqual([]);
    expect(s.model.findTable("KPI_History")!.sheetId).toBe(s.model.findSheet("Their log")!.id);
  });

  it("a scorecard built from data read beside the register is the one built from the register as it is, also after an edit made since", async () => {
    const sheetOf = (m: WorkbookModel) => snapshot(m).sheets.find((x) => x.name === "Scorecard")!;
    const edited = async (s: Setup) => {
      const table = s.model.findTable("KPI_Register")!;
      // The target typed into the register by hand after the pane's last read: Revenue now Off track.
      s.model.writeValue(s.model.sheetById(table.sheetId), table.area.row + 1, table.area.col + table.columns.indexOf("Target"), 1500);
    };
    const a = await prepared();
    await a.workbook.refresh();
    await edited(a);
    await a.workbook.buildScorecard();
    const b = await prepared();
    await edited(b);
    // A pane that read nothing before: it reads the build's data after the register.
    await sampleSetup(b.model).workbook.buildScorecard();
    expect(sheetOf(a.model)).toEqual(sheetOf(b.model));
  });

  it("a save's typed range without a sheet is checked on the values' sheet as it is, not as the last read had it", async () => {
    const s = await prepared();
    await s.workbook.refresh();
    // The values' sheet renamed after the pane's last read, its budget row copied beside the values.
    s.model.renameSheet(s.model.findSheet("Monthly KPIs")!, "Monthly");
    const monthly = s.model.findSheet("Monthly")!;
    for (let i = 0; i < 36; i++) s.model.writeValue(monthly, 1 + i, 10, 1300 + i);
    const saved = await s.workbook.update("REVENUE", kpi({ target: null, targetRange: "K2:K37", atRisk: null, atRiskPercent: 10 }));
    expect(saved.targetRange).toBe("Monthly!$K$2:$K$37");
    await expectReadInTheWrite(s);
    await expect(s.workbook.update("REVENUE", kpi({ target: null, targetRange: "K2:K30", atRisk: null, atRiskPercent: 10 }))).rejects.toThrow(
      /has 29 periods and Revenue has 36/,
    );
  });
});
