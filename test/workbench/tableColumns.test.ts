/** Excel.TableColumnCollection in the in-memory Excel (tableColumns.ts, tableEdits.ts), as its learn.microsoft.com page says. */
import { dataSheet } from "./setups";

describe("table columns (Excel.TableColumnCollection class: add)", () => {
  it("adds a named column at the end, and refuses when the cells to its right are not empty (a guess, on the strict side)", async () => {
    const { model, sheet, ctx } = dataSheet();
    model.writeValue(sheet, 1, 1, 1);
    const table = model.addTable(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, true);
    ctx.workbook.tables.getItem(table.name).columns.add(undefined, undefined, "Note");
    await expect(ctx.sync()).rejects.toThrow(/not empty/);
    model.writeValue(sheet, 1, 1, null);
    ctx.workbook.tables.getItem(table.name).columns.add(undefined, undefined, "Note");
    await ctx.sync();
    expect(table.columns).toEqual(["10", "Note"]);
  });
});
