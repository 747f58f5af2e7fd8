import { snapshot } from "../../src/workbench/snapshot";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";

async function revenue() {
  const s = sampleSetup();
  s.workbook.setAuthor("Dana Whitfield");
  await s.workbook.tag(kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, firstPeriod: "2023-01" }), REVENUE, "REVENUE");
  return s;
}

function sheet(model: WorkbookModel, name: string) {
  return snapshot(model).sheets.find((x) => x.name === name);
}

describe("KPI Notes", () => {
  it("creates the table on the first note, with the period's date and who wrote it, and reads it back", async () => {
    const { model, workbook } = await revenue();
    await workbook.addCheckIn("REVENUE", { period: 36, note: "Two renewals slipped to January", override: null, reason: "" });
    await workbook.addCheckIn("REVENUE", { period: 35, note: "=1+1 stays text", override: "risk", reason: "Restated by finance" });
    const rows = sheet(model, "KPI Notes")!.values;
    expect(rows[0]).toEqual(["When", "KPI", "Period", "Period date", "Note", "Status override", "Reason", "Who"]);
    expect(rows[1].slice(1)).toEqual(["REVENUE", 36, "2025-12-01", "Two renewals slipped to January", "", "", "Dana Whitfield"]);
    expect(rows[2].slice(1)).toEqual(["REVENUE", 35, "2025-11-01", "=1+1 stays text", "At risk", "Restated by finance", "Dana Whitfield"]);
    const state = await workbook.readRegister();
    expect(state.checkIns.map((c) => [c.period, c.override, c.note])).toEqual([
      [36, null, "Two renewals slipped to January"],
      [35, "risk", "=1+1 stays text"],
    ]);
    expect(model.findTable("KPI_Notes")).toBeDefined();
  });

  it("refuses an override without a reason, a note for an unknown KPI, and a damaged table, writing nothing", async () => {
    const { model, workbook } = await revenue();
    let before = snapshot(model);
    await expect(workbook.addCheckIn("REVENUE", { period: 36, note: "x", override: "on", reason: " " })).rejects.toThrow(/needs a reason/);
    await expect(workbook.addCheckIn("NOPE", { period: 1, note: "x", override: null, reason: "" })).rejects.toThrow(/no KPI with ID NOPE/);
    expect(snapshot(model)).toEqual(before);
    await workbook.addCheckIn("REVENUE", { period: 36, note: "first", override: null, reason: "" });
    model.writeValue(model.findSheet("KPI Notes")!, 0, 4, "Comment"); // the user renames the Note column
    before = snapshot(model);
    await expect(workbook.addCheckIn("REVENUE", { period: 36, note: "second", override: null, reason: "" })).rejects.toThrow(/lack the column Note/);
    expect(snapshot(model)).toEqual(before);
    expect((await workbook.readRegister()).tableProblems).toEqual([expect.stringMatching(/KPI notes lack the column Note/)]);
  });

  it("leaves the workbook as it was when Excel refuses the write part-way", async () => {
    const probe = await revenue();
    await probe.workbook.addCheckIn("REVENUE", { period: 36, note: "first", override: null, reason: "" });
    const n = await syncsOf(probe.model, () => probe.workbook.addCheckIn("REVENUE", { period: 36, note: "again", override: null, reason: "" }));
    const { model, workbook } = await revenue();
    await workbook.addCheckIn("REVENUE", { period: 36, note: "first", override: null, reason: "" });
    const start = model.syncCount;
    let before: ReturnType<typeof snapshot> | null = null;
    model.beforeSync = () => {
      if (model.syncCount === start + n) {
        model.findSheet("KPI Notes")!.protected = true;
        before = snapshot(model);
      }
    };
    await expect(workbook.addCheckIn("REVENUE", { period: 36, note: "second", override: null, reason: "" })).rejects.toThrow(
      /Excel refused to add the note to Revenue: .*Nothing was changed/,
    );
    model.beforeSync = null;
    expect(snapshot(model)).toEqual(before);
  });
});

describe("KPI Actions", () => {
  it("opens each firing once, with the response, owner and a due date one cadence on, and marks it done", async () => {
    const { model, workbook } = await revenue();
    const opened = await workbook.openActions([{ kpi: "REVENUE", period: 36, rule: "Off track" }], "2026-11-23");
    expect(opened).toHaveLength(1);
    expect(await workbook.openActions([{ kpi: "REVENUE", period: 36, rule: "Off track" }], "2026-11-24")).toEqual([]);
    const rows = sheet(model, "KPI Actions")!.values;
    expect(rows[0]).toEqual(["Fired", "KPI", "Period", "Period date", "Rule", "Response", "Owner", "Due", "Status", "Note", "Done on"]);
    expect(rows[1]).toEqual([
      "2026-11-23",
      "REVENUE",
      36,
      "2025-12-01",
      "Off track",
      "Review pipeline with sales leads",
      "Dana Whitfield",
      "2026-12-23",
      "open",
      "",
      "",
    ]);
    await workbook.setActionStatus({ kpi: "REVENUE", period: 36, rule: "Off track" }, "done", "Pipeline reviewed; two deals pulled forward", "2026-12-01");
    const state = await workbook.readRegister();
    expect(state.actions).toEqual([
      expect.objectContaining({ status: "done", doneOn: "2026-12-01", note: "Pipeline reviewed; two deals pulled forward", row: 0 }),
    ]);
  });

  it("finds an action by what it is, not where it was, after the user sorts the table", async () => {
    const { model, workbook } = await revenue();
    await workbook.openActions(
      [
        { kpi: "REVENUE", period: 35, rule: "Off track" },
        { kpi: "REVENUE", period: 36, rule: "drop 20%" },
      ],
      "2026-11-23",
    );
    const t = model.findTable("KPI_Actions")!;
    const s = model.findSheet("KPI Actions")!;
    // Swap the two rows by hand, as a sort would.
    const first = Array.from({ length: 11 }, (_, c) => model.valueAt(s, t.area.row + 1, c));
    const second = Array.from({ length: 11 }, (_, c) => model.valueAt(s, t.area.row + 2, c));
    second.forEach((v, c) => model.writeValue(s, t.area.row + 1, c, v));
    first.forEach((v, c) => model.writeValue(s, t.area.row + 2, c, v));
    await workbook.setActionStatus({ kpi: "REVENUE", period: 35, rule: "Off track" }, "done", "", "2026-11-30");
    expect(model.valueAt(s, t.area.row + 2, 8)).toBe("done");
    expect(model.valueAt(s, t.area.row + 1, 8)).toBe("open");
  });
});
