/** Excel.NamedItemCollection in the in-memory Excel (names.ts, definedNames.ts), as its learn.microsoft.com page says. */
import { snapshot } from "../../src/workbench/snapshot";
import { dataSheet } from "./setups";

describe("names (learn.microsoft.com/javascript/api/excel/excel.nameditemcollection)", () => {
  it("follows rows inserted above the range, and refers to #REF! when its rows are deleted (NamedItem.formula)", async () => {
    const { model, sheet, ctx } = dataSheet();
    ctx.workbook.names.add("Series", "='Data 2024'!$A$1:$A$3");
    await ctx.sync();
    model.insertRows(sheet, 0, 2);
    expect(snapshot(model).names[0]).toEqual({ name: "Series", formula: "='Data 2024'!$A$3:$A$5", address: "'Data 2024'!A3:A5" });
    model.deleteRows(sheet, 2, 3);
    expect(snapshot(model).names[0].address).toBeNull();
    expect(snapshot(model).names[0].formula).toBe("=#REF!");
  });

  it("follows a sheet rename (Worksheet.name)", async () => {
    const { model, sheet, ctx } = dataSheet();
    ctx.workbook.names.add("Series", "='Data 2024'!$A$1:$A$3");
    await ctx.sync();
    model.renameSheet(sheet, "Actuals");
    expect(snapshot(model).names[0].formula).toBe("=Actuals!$A$1:$A$3");
  });
});
