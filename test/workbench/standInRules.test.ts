/**
 * Stand-in rules with a source each (issue 21 items 7, 9 and 10): long conditional-format
 * rules, cell-edit mode and filtered tables. Each is never more forgiving than Excel.
 */
import { FakeRequestContext, runWith } from "../../src/workbench/excel/api";
import { CF_RULE_FORMULA_MAX_LENGTH } from "../../src/workbench/excel/conditionalFormats";
import { WorkbookModel } from "../../src/workbench/excel/model";

function setup() {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Data");
  ["Name", "Value"].forEach((v, c) => model.writeValue(sheet, 0, c, v));
  [["a", 1], ["b", 2], ["c", 3]].forEach((row, r) => row.forEach((v, c) => model.writeValue(sheet, r + 1, c, v)));
  const table = model.addTable(sheet, { row: 0, col: 0, rowCount: 4, colCount: 2 }, true);
  const ctx = () => new FakeRequestContext(model) as unknown as Excel.RequestContext;
  return { model, sheet, table, ctx };
}

describe("a conditional-format rule's formula is at most 255 characters (Excel's dialog; a guess for the API)", () => {
  const rule = (n: number) => `=AND(B2>0,${"1".repeat(n - 13)}>0)`;

  it("accepts a formula of exactly the limit and refuses one character more, writing nothing", async () => {
    const { model, ctx } = setup();
    expect(rule(CF_RULE_FORMULA_MAX_LENGTH)).toHaveLength(255);
    const c = ctx();
    const ok = c.workbook.worksheets.getItem("Data").getRange("B2:B4").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    ok.custom.rule.formula = rule(255);
    await c.sync();
    expect(model.conditionalFormats[0].formula).toBe(rule(255));
    const c2 = ctx();
    const long = c2.workbook.worksheets.getItem("Data").getRange("B2:B4").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    long.custom.rule.formula = rule(256);
    await expect(c2.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.conditionalFormats.map((f) => f.formula).filter((f) => f && f.length > 255)).toEqual([]);
  });

  it("holds for a cell-value rule's operands too", async () => {
    const { ctx } = setup();
    const c = ctx();
    const f = c.workbook.worksheets.getItem("Data").getRange("B2:B4").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    f.cellValue.rule = { operator: "GreaterThan", formula1: `=${"1+".repeat(130)}1` };
    await expect(c.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("cell-edit mode (Excel.RunOptions.delayForCellEdit; 'Delay execution while cell is being edited')", () => {
  it("fails a batch with InvalidOperationInCellEditMode while the user edits a cell, applying none of it", async () => {
    const { model, sheet } = setup();
    model.setCellEditing(true);
    const run = runWith(model);
    await expect(
      run(async (c) => {
        c.workbook.worksheets.getItem("Data").getRange("D1").values = [[7]];
        await c.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(model.valueAt(sheet, 0, 3)).toBe("");
  });

  it("with delayForCellEdit: true waits until editing ends, then runs the batch", async () => {
    const { model, sheet } = setup();
    model.setCellEditing(true);
    let done = false;
    const batch = runWith(model)({ delayForCellEdit: true }, async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("D1").values = [[7]];
      await c.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    expect(model.valueAt(sheet, 0, 3)).toBe("");
    model.setCellEditing(false);
    await batch;
    expect(model.valueAt(sheet, 0, 3)).toBe(7);
  });

  it("runs batches as usual when nobody is editing", async () => {
    const { model, sheet } = setup();
    await runWith(model)(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("D1").values = [[7]];
      await c.sync();
    });
    expect(model.valueAt(sheet, 0, 3)).toBe(7);
  });
});

describe("filtered tables (office-js #994, #224, #468: user reports; Table.autoFilter ExcelApi 1.9, clearFilters 1.2)", () => {
  it("reads whether a filter hides rows, and clears it", async () => {
    const { model, table, ctx } = setup();
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
    const { model, sheet, table, ctx } = setup();
    model.filterTable(table, "Value", (v) => v !== 2);
    const tries: ((c: Excel.RequestContext) => void)[] = [
      (c) => c.workbook.tables.getItem(table.name).rows.getItemAt(2).delete(),
      (c) => void c.workbook.tables.getItem(table.name).rows.add(undefined, [["d", 4]]),
      (c) => (c.workbook.tables.getItem(table.name).rows.getItemAt(2).values = [["z", 9]]),
      (c) => c.workbook.worksheets.getItem("Data").getRange("A3").getEntireRow().delete("Up" as Excel.DeleteShiftDirection),
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
    const { model, sheet, table, ctx } = setup();
    model.filterTable(table, "Value", (v) => v !== 2);
    const c = ctx();
    const t = c.workbook.tables.getItem(table.name);
    t.autoFilter.clearCriteria();
    t.rows.getItemAt(1).delete();
    await c.sync();
    expect([1, 2].map((r) => model.valueAt(sheet, r, 1))).toEqual([1, 3]);
  });

  it("a filter that hides nothing is no filter", async () => {
    const { model, table, ctx } = setup();
    model.filterTable(table, "Value", () => true);
    const c = ctx();
    c.workbook.tables.getItem(table.name).rows.getItemAt(0).delete();
    await c.sync();
    expect(table.area.rowCount).toBe(3);
  });
});
