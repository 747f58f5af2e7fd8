/** Excel.TableCollection and Table in the in-memory Excel (tables.ts), as their learn.microsoft.com pages say. */
import { dataSheet } from "./setups";

describe("tables (learn.microsoft.com/javascript/api/excel/excel.tablecollection)", () => {
  it("gives a table made from a header row alone one empty data row (TableCollection.add)", async () => {
    const { model, ctx } = dataSheet();
    ctx.workbook.worksheets.getItem("Data 2024").getRange("D1:E1").values = [["a", "b"]];
    const table = ctx.workbook.tables.add("'Data 2024'!D1:E1", true);
    const body = table.getDataBodyRange();
    body.load("address");
    await ctx.sync();
    expect(body.address).toBe("'Data 2024'!D2:E2");
    expect(model.tables[0].columns).toEqual(["a", "b"]);
  });

  it("appends rows with rows.add and moves the cells below the table down (TableRowCollection.add)", async () => {
    const { model, sheet, ctx } = dataSheet();
    model.writeValue(sheet, 0, 3, "h");
    model.writeValue(sheet, 1, 3, 1);
    model.writeValue(sheet, 5, 3, "below");
    const table = ctx.workbook.tables.add("'Data 2024'!D1:D2", true);
    table.rows.add(undefined, [[2]]);
    await ctx.sync();
    expect(model.valueAt(sheet, 2, 3)).toBe(2);
    expect(model.valueAt(sheet, 6, 3)).toBe("below");
  });
});
