/** The names Excel refuses (references.ts, nameRules.ts), each with its source. */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { quoteSheet, structuredReference } from "../../src/core/excel/a1";

describe('names Excel refuses ("Using structured references with Excel tables"; R1C1 sheet names)', () => {
  function withTable(header: string) {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    model.writeValue(sheet, 0, 0, header);
    model.writeValue(sheet, 1, 0, 1);
    model.writeValue(sheet, 2, 0, 2);
    const table = model.addTable(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, true);
    model.renameTable(table, "Sales");
    return model;
  }

  it.each(["#Units", "Price [EUR]", "Owner's pick", "Total$Amount"])("refuses an unescaped special character in Sales[%s]", (header) => {
    const model = withTable(header);
    expect(() => model.addName("BAD", `=Sales[${header}]`)).toThrow(/incorrect format/);
  });

  it.each(["#Units", "Price [EUR]", "Owner's pick", "Total$Amount", "Net revenue"])(
    "accepts %s as structuredReference writes it, and resolves it",
    (header) => {
      const model = withTable(header);
      model.addName("GOOD", `=${structuredReference("Sales", header)}`);
      expect(model.nameTarget(model.findName("GOOD")!)?.area).toMatchObject({ row: 1, col: 0, rowCount: 2, colCount: 1 });
    },
  );

  it.each(["R1C1", "RC", "R", "C12", "R5", "A1", "My sheet"])("needs the sheet name %s quoted", (name) => {
    const model = new WorkbookModel();
    model.addSheet(name);
    expect(quoteSheet(name)).toBe(`'${name}'`);
    expect(() => model.addName("BARE", `=${name}!$A$1:$A$3`)).toThrow(/single quotes|incorrect format/);
    model.addName("QUOTED", `=${quoteSheet(name)}!$A$1:$A$3`);
    expect(model.nameTarget(model.findName("QUOTED")!)?.sheet.name).toBe(name);
  });

  it("leaves plain names unquoted", () => {
    expect(["Data", "Sheet1x", "Revenue_2024", "RCA"].map(quoteSheet)).toEqual(["Data", "Sheet1x", "Revenue_2024", "RCA"]);
  });
});
