/** Filtered tables in the in-memory Excel (tableFilters.ts; issue 21 item 10): what Excel refuses on a filtered table, never more forgiving. */
import { dataTable } from "./setups";

describe("filtered tables (office-js #994, #224, #468: user reports; Table.autoFilter ExcelApi 1.9, clearFilters 1.2)", () => {
  it("reads whether a filter hides rows, and clears it", async () => {
    const { model, table, ctx } = dataTable();
    model.filterTable(table, "Value", (v) => v !== 2);
    const c = ctx();
    const filter = c.workbook.tables.getItem(table.name).autoFilter.load("isDataFiltered");
    await c.sync();
    expect(filter.isDataFiltered).toBe(true);
    c.workbook.tables.getItem(table.name).clearFilters();
    filter.load("isDataFiltered");
    await c.sync();
    expect(filter.isDataFiltered).toBe(false);
  });

  it("refuses to delete, add or write rows while a filter hides rows, and changes nothing", async () => {
    const { model, sheet, table, ctx } = dataTable();
    model.filterTable(table, "Value", (v) => v !== 2);
    const tries: ((c: Excel.RequestContext) => void)[] = [
      (c) => c.workbook.tables.getItem(table.name).rows.getItemAt(2).delete(),
      (c) => void c.workbook.tables.getItem(table.name).rows.add(undefined, [["d", 4]]),
      (c) => (c.workbook.tables.getItem(table.name).rows.getItemAt(2).values = [["z", 9]]),
      (c) =>
        c.workbook.worksheets
          .getItem("Data")
          .getRange("A3")
          .getEntireRow()
          .delete("Up" as Excel.DeleteShiftDirection),
    ];
    for (const t of tries) {
      const c = ctx();
      t(c);
      await expect(c.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    }
    expect([1, 2, 3].map((r) => model.valueAt(sheet, r, 1))).toEqual([1, 2, 3]);
    expect(table.area.rowCount).toBe(4);
  });

  it("allows them again once the filter is cleared (autoFilter.clearCriteria)", async () => {
    const { model, sheet, table, ctx } = dataTable();
    model.filterTable(table, "Value", (v) => v !== 2);
    const c = ctx();
    const t = c.workbook.tables.getItem(table.name);
    t.autoFilter.clearCriteria();
    t.rows.getItemAt(1).delete();
    await c.sync();
    expect([1, 2].map((r) => model.valueAt(sheet, r, 1))).toEqual([1, 3]);
  });

  it("a filter that hides nothing is no filter", async () => {
    const { model, table, ctx } = dataTable();
    model.filterTable(table, "Value", () => true);
    const c = ctx();
    c.workbook.tables.getItem(table.name).rows.getItemAt(0).delete();
    await c.sync();
    expect(table.area.rowCount).toBe(3);
  });
});
