/**
 * Edits while the add-in works: no update is lost and no half-written row is ever seen. The
 * in-memory Excel's beforeSync hook lets a test act between the round trips of an operation,
 * where a user's edit or another pane's batch can land in Excel.
 */
import { runWith } from "../../src/workbench/excel/api";
import { ExcelKpiWorkbook, KpiSeries } from "../../src/workbook/kpiWorkbook";
import { kpiInput, sampleSetup } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";

describe("concurrent edits", () => {
  it("a value typed during a refresh reaches the pane by the refresh its change event starts", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const sheet = model.findSheet("Monthly KPIs")!;
    const seen: KpiSeries[][] = [];
    const refreshes: Promise<unknown>[] = [];
    await workbook.onChange(() => refreshes.push(workbook.refresh().then((r) => seen.push(r.series))));
    let syncs = 0;
    model.beforeSync = () => {
      if (++syncs === 2) {
        model.writeValue(sheet, 36, 1, 9999);
        model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: "'Monthly KPIs'!B37", changeType: "RangeEdited", source: "Local" });
      }
    };
    await workbook.refresh();
    model.beforeSync = null;
    await new Promise((r) => setTimeout(r, 10));
    await Promise.all(refreshes);
    expect(seen[seen.length - 1][0].values[35]).toBe(9999);
  });

  it("tags made while a refresh runs all land, each in a whole row of its own", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    await Promise.all([
      workbook.refresh(),
      workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), "'Monthly KPIs'!C2:C37", "CHURN"),
      workbook.refresh(),
      workbook.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS"),
    ]);
    const state = await workbook.readRegister();
    expect(state.kpis.map((k) => [k.id, k.name, k.target])).toEqual([
      ["REVENUE", "Revenue", 1300],
      ["CHURN", "Churn", 2.6],
      ["NPS", "NPS", 40],
    ]);
    expect(state.problems).toEqual([]);
    expect(model.names.map((n) => n.name)).toEqual(["KPI_REVENUE", "KPI_CHURN", "KPI_NPS"]);
  });

  it("a pane closed and reopened while another tags sees the register whole, never half a row", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const reopened = new ExcelKpiWorkbook(runWith(model));
    const views: number[][] = [];
    model.beforeSync = () => {
      // At every round trip of the tag, the reopened pane reads the register directly.
      const table = model.findTable("KPI_Register")!;
      const sheet = model.sheetById(table.sheetId);
      for (let r = table.area.row + 1; r < table.area.row + table.area.rowCount; r++) {
        const filled = table.columns.map((_, c) => model.valueAt(sheet, r, table.area.col + c)).filter((v) => v !== "").length;
        views.push([r, filled]);
      }
    };
    await Promise.all([
      workbook.tag(kpiInput({ name: "Churn", direction: "lower", target: 2.6, atRisk: 2.9 }), "'Monthly KPIs'!C2:C37", "CHURN"),
      reopened.tag(kpiInput({ name: "NPS", target: 40, atRisk: 35 }), "'Monthly KPIs'!E2:E37", "NPS"),
      reopened.refresh(),
    ]);
    model.beforeSync = null;
    // Rows are either complete (at least ID, Name, Direction, Target, Source, ...) or not there yet.
    expect(views.every(([, filled]) => filled >= 10)).toBe(true);
    const state = await reopened.readRegister();
    expect(state.kpis.map((k) => k.id).sort()).toEqual(["CHURN", "NPS", "REVENUE"]);
  });
});
