/**
 * A note marks the cell of its period (steps/cellMarks.ts): outside Office (no ExcelApi 1.10
 * comments) with the distinct border, through the write engine, undone with the note when Excel
 * refuses the batch, never on a protected sheet (the note itself still saved).
 */
import { MARK_BORDER, noteMarkText } from "../../src/workbook/steps/cellMarks";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

async function revenue() {
  const s = sampleSetup();
  s.workbook.setAuthor("Dana Whitfield");
  await s.workbook.tag(kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, firstPeriod: "2023-01" }), REVENUE, "REVENUE");
  return { ...s, sheet: s.model.findSheet("Monthly KPIs")! };
}

describe("the note's mark on the period's cell", () => {
  it("draws the mark's border on the noted period's cell only", async () => {
    const { model, workbook, sheet } = await revenue();
    await workbook.addCheckIn("REVENUE", { period: 36, note: "Two renewals slipped", override: "risk", reason: "Restated by finance" });
    // Period 36 of B2:B37 is B37 (row 36, column 1, 0-based).
    expect(EDGES.map((e) => model.cellAt(sheet, 36, 1)?.borders?.[e])).toEqual(EDGES.map(() => ({ ...MARK_BORDER })));
    expect(model.cellAt(sheet, 35, 1)?.borders).toBeUndefined();
    expect(model.valueAt(sheet, 36, 1)).toBe(1443.5);
  });

  it("leaves no border when Excel refuses the note's batch", async () => {
    const probe = await revenue();
    const n = await syncsOf(probe.model, () => probe.workbook.addCheckIn("REVENUE", { period: 35, note: "probe", override: null, reason: "" }));
    const { model, workbook, sheet } = await revenue();
    await workbook.addCheckIn("REVENUE", { period: 35, note: "first", override: null, reason: "" });
    const start = model.syncCount;
    model.beforeSync = () => {
      // The commit (the operation's last sync): the notes' sheet refuses it.
      if (model.syncCount === start + n - 1) model.findSheet("KPI Notes")!.protected = true;
    };
    await expect(workbook.addCheckIn("REVENUE", { period: 36, note: "second", override: null, reason: "" })).rejects.toThrow(/Excel refused/);
    model.beforeSync = null;
    expect(model.cellAt(sheet, 36, 1)?.borders).toBeUndefined();
  });

  it("saves the note without a mark when the values' sheet is protected", async () => {
    const { model, workbook, sheet } = await revenue();
    sheet.protected = true;
    await workbook.addCheckIn("REVENUE", { period: 36, note: "Noted", override: null, reason: "" });
    expect((await workbook.readRegister()).checkIns.map((c) => c.note)).toEqual(["Noted"]);
    expect(model.cellAt(sheet, 36, 1)?.borders).toBeUndefined();
  });

  it("words a comment with the note, the override and where it is recorded", () => {
    expect(noteMarkText({ note: "Slipped", override: "risk", reason: "Restated", who: "Dana" }, "2025-12", "At risk")).toBe(
      "KPI Lens note on 2025-12: Slipped Status overridden to At risk: Restated. (Dana; recorded in KPI Notes)",
    );
  });
});
