/**
 * What the form judges a new KPI's target by before Tag (issue 24, item 3c and the walk's
 * `Budget!B2:B37`): the selection's values, read in the selection read's own syncs, and a typed
 * target range's numbers, read while typing (never at Tag).
 */
import { MAX_COLUMNS, MAX_ROWS } from "../../src/core/excel/a1";
import { targetRangeCheck } from "../../src/core/review/targetRange";
import { SAMPLE_PERIODS } from "../../src/workbench/sampleWorkbook";
import { snapshot } from "../../src/workbench/snapshot";
import { SELECTION_VALUE_CELLS } from "../../src/workbook/selection";
import { sampleSetup, syncsOf } from "../support/workbench";

type Setup = ReturnType<typeof sampleSetup>;

function selecting(s: Setup, address: { sheet: string; row: number; col: number; rowCount: number; colCount: number }): Setup {
  s.model.select(s.model.findSheet(address.sheet)!, address);
  return s;
}

const column = (s: Setup, sheet: string, col: number, from: number, n: number) =>
  snapshot(s.model)
    .sheets.find((x) => x.name === sheet)!
    .values.slice(from, from + n)
    .map((r) => r[col]);

describe("the selection's values", () => {
  it("come with a whole column, its header left out, in the syncs the selection read makes anyway", async () => {
    const s = selecting(sampleSetup(), { sheet: "Monthly KPIs", row: 0, col: 1, rowCount: MAX_ROWS, colCount: 1 });
    const selection = await s.workbook.readSelection();
    expect(selection.values).toEqual(column(s, "Monthly KPIs", 1, 1, SAMPLE_PERIODS));
    expect(selection.values).toHaveLength(SAMPLE_PERIODS);
    // A block (no series, so no values read) takes as many syncs: the values add none.
    const withValues = await syncsOf(s.model, () => s.workbook.readSelection());
    selecting(s, { sheet: "Monthly KPIs", row: 0, col: 1, rowCount: MAX_ROWS, colCount: 2 });
    const block = await s.workbook.readSelection();
    expect(block.values).toBeNull();
    expect(await syncsOf(s.model, () => s.workbook.readSelection())).toBe(withValues);
    expect(withValues).toBeLessThanOrEqual(4);
  });

  it("come with a whole row (a budget line), blanks and text as gaps, and not beyond the limit", async () => {
    const s = selecting(sampleSetup(), { sheet: "Budget", row: 1, col: 0, rowCount: 1, colCount: MAX_COLUMNS });
    const budget = snapshot(s.model).sheets.find((x) => x.name === "Budget")!.values[1];
    expect((await s.workbook.readSelection()).values).toEqual(budget.slice(1, 1 + SAMPLE_PERIODS));
    const sheet = s.model.findSheet("Monthly KPIs")!;
    s.model.writeValue(sheet, 5, 1, "n/a");
    s.model.writeValue(sheet, 6, 1, null);
    selecting(s, { sheet: "Monthly KPIs", row: 1, col: 1, rowCount: SAMPLE_PERIODS, colCount: 1 });
    const values = (await s.workbook.readSelection()).values!;
    expect([values[4], values[5]]).toEqual([null, null]);
    const long = s.model.addSheet("Long");
    for (let r = 0; r <= SELECTION_VALUE_CELLS; r++) s.model.writeValue(long, r, 0, r);
    selecting(s, { sheet: "Long", row: 0, col: 0, rowCount: MAX_ROWS, colCount: 1 });
    const selection = await s.workbook.readSelection();
    expect([selection.numbers, selection.values]).toEqual([SELECTION_VALUE_CELLS + 1, null]);
  });
});

describe("a typed target range's numbers", () => {
  it("are read in one sync, on the values' sheet when the range names none", async () => {
    const s = sampleSetup();
    const budget = snapshot(s.model)
      .sheets.find((x) => x.name === "Budget")!
      .values[1].slice(1, 1 + SAMPLE_PERIODS);
    expect(await s.workbook.readTargetValues("Budget!B2:AK2", null)).toEqual(budget);
    expect(await s.workbook.readTargetValues("=$B$2:$B$5", "Monthly KPIs")).toEqual(column(s, "Monthly KPIs", 1, 1, 4));
    expect(await syncsOf(s.model, () => s.workbook.readTargetValues("Budget!B2:AK2", null))).toBe(1);
  });

  it("give the form's own example, Budget!B2:B37, as 2 numbers and 34 blanks: warned about before Tag", async () => {
    const s = sampleSetup();
    const targets = await s.workbook.readTargetValues("Budget!B2:B37", null);
    expect(targets!.filter((t) => t !== null)).toHaveLength(2);
    expect(targetRangeCheck("Budget!B2:B37", SAMPLE_PERIODS, targets, "Revenue")).toEqual({
      error: null,
      warning: "Budget!B2:B37 holds 2 numbers and 34 blanks: the 34 periods without a target will have no status or colour. Is this the right range?",
    });
  });

  it("are none for a sheet that is not there, a block, or a range past the limit, and the workbook is left as it was", async () => {
    const s = sampleSetup();
    const before = snapshot(s.model);
    expect(await s.workbook.readTargetValues("Plan!B2:B37", null)).toBeNull();
    expect(await s.workbook.readTargetValues("Budget!B2:C37", null)).toBeNull();
    expect(await s.workbook.readTargetValues("B2:B37", null)).toBeNull();
    expect(await s.workbook.readTargetValues("Budget!A:A", null)).toBeNull();
    expect(await s.workbook.readTargetValues("not a range", "Budget")).toBeNull();
    expect(snapshot(s.model)).toEqual(before);
  });
});
