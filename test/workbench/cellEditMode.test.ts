/** Excel's cell-edit mode in the in-memory Excel (cellEditMode.ts, context.ts; issue 21 item 9): never more forgiving than Excel. */
import { runWith } from "../../src/workbench/excel/api";
import { dataTable } from "./setups";

describe("cell-edit mode (Excel.RunOptions.delayForCellEdit; 'Delay execution while cell is being edited')", () => {
  it("fails a batch with InvalidOperationInCellEditMode while the user edits a cell, applying none of it", async () => {
    const { model, sheet } = dataTable();
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
    const { model, sheet } = dataTable();
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
    const { model, sheet } = dataTable();
    await runWith(model)(async (c) => {
      c.workbook.worksheets.getItem("Data").getRange("D1").values = [[7]];
      await c.sync();
    });
    expect(model.valueAt(sheet, 0, 3)).toBe(7);
  });
});
