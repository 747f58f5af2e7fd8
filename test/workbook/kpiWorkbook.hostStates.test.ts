/**
 * What the user may be doing when the pane acts: typing in a cell (Excel refuses batches then,
 * "Delay execution while cell is being edited") or looking at a filtered register (row deletes
 * of a filtered table are reported to go astray: office-js #994, #224, #468).
 */
import { runWith } from "../../src/workbench/excel/api";
import { ExcelKpiWorkbook } from "../../src/workbook/kpiWorkbook";
import { describeError } from "../../src/taskpane/usePane";
import { snapshot } from "../../src/workbench/snapshot";
import { kpiInput, sampleSetup } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";

describe("a cell being edited", () => {
  it("with delayForCellEdit the pane's batch waits for the edit to end, then saves", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const run = runWith(s.model);
    const waiting = new ExcelKpiWorkbook((batch) => run({ delayForCellEdit: true }, batch));
    s.model.setCellEditing(true);
    let done = false;
    const saved = waiting.update("REVENUE", kpiInput({ target: 1400 })).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    s.model.setCellEditing(false);
    await saved;
    expect((await waiting.readRegister()).kpis[0].target).toBe(1400);
  });

  it("without it (hosts below ExcelApi 1.11) the refusal changes nothing and says what to do", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const before = snapshot(s.model);
    s.model.setCellEditing(true);
    const error = await s.workbook.update("REVENUE", kpiInput({ target: 1400 })).catch((e: unknown) => e);
    s.model.setCellEditing(false);
    expect(describeError(error)).toMatch(/cell you are editing: press Enter or Esc/);
    expect(snapshot(s.model)).toEqual(before);
  });
});

describe("a filtered register", () => {
  it("Untag asks the user to clear their filter instead of deleting a row Excel may get wrong", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await s.workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS");
    s.model.filterTable(s.model.findTable("KPI_Register")!, "ID", (v) => v === "NPS");
    const before = snapshot(s.model);
    await expect(s.workbook.untag("REVENUE")).rejects.toThrow(/The register is filtered.*clear its filter/);
    expect(snapshot(s.model)).toEqual(before);
  });

  it("a save of a filtered register still lands on its row (cells are written by address, guarded by the ID)", async () => {
    const s = sampleSetup();
    await s.workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await s.workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS");
    s.model.filterTable(s.model.findTable("KPI_Register")!, "ID", (v) => v === "NPS");
    await s.workbook.update("NPS", kpiInput({ name: "NPS", target: 45, atRisk: 35 }));
    expect((await s.workbook.readRegister()).kpis.map((k) => [k.id, k.target])).toEqual([
      ["REVENUE", 1300],
      ["NPS", 45],
    ]);
  });
});
