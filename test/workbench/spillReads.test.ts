/**
 * A formula reading cells another formula spills into sees the spilled values, whatever order
 * the cells were written or read in: Excel calculates a formula after the cells it depends on
 * ("Dynamic array formulas and spilled array behavior", support.microsoft.com: an array result's
 * values are returned "to neighboring cells", which any formula then reads; "Working with the
 * calculation chain", learn.microsoft.com: the chain's "ordering allows inter-related cell formulas
 * to be calculated in the correct order"; Excel.CalculationType: Excel keeps a "dependency chain").
 * The in-memory Excel laid spills out in one pass in cell order, and a formula read inside another
 * saw an empty cell where a spill was; these cases each failed there.
 */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { shown } from "./setups";

/** Sheet1: A1:C1 = 1, 2, 3; `formulas` written in the order given. */
function sheetWith(formulas: [row: number, col: number, formula: string][]) {
  const model = new WorkbookModel();
  const sheet = model.addSheet("Sheet1");
  [1, 2, 3].forEach((v, c) => model.writeValue(sheet, 0, c, v));
  for (const [r, c, f] of formulas) model.writeFormula(sheet, r, c, f);
  return { model, sheet, at: (r: number, c: number) => shown(model.valueAt(sheet, r, c)) };
}

describe("reading spilled cells", () => {
  // E1 spills TRANSPOSE(A1:C1) down E1:E3; G1 reads E2 (a spilled cell), written before or after E1.
  test.each([
    [
      "the spilling formula written first",
      [
        [0, 4, "=TRANSPOSE(A1:C1)"],
        [0, 6, "=E2*10"],
      ],
    ],
    [
      "the reading formula written first",
      [
        [0, 6, "=E2*10"],
        [0, 4, "=TRANSPOSE(A1:C1)"],
      ],
    ],
  ] as [string, [number, number, string][]][])("a formula reads a spilled cell: %s", (_, formulas) => {
    const { at } = sheetWith(formulas);
    expect(at(0, 6)).toBe(20);
    expect(at(1, 4)).toBe(2);
  });

  it("a formula read inside another sees the spill too, whichever cell is read first", () => {
    // H1 = G1 + E3, G1 = E2 * 10; E1:E3 spill 1, 2, 3. Excel: G1 = 20, H1 = 23.
    for (const readFirst of ["H1", "G1", "E3"]) {
      const { at } = sheetWith([
        [0, 7, "=G1+E3"],
        [0, 6, "=E2*10"],
        [0, 4, "=TRANSPOSE(A1:C1)"],
      ]);
      const first = { H1: () => at(0, 7), G1: () => at(0, 6), E3: () => at(2, 4) }[readFirst]!();
      expect([readFirst, first]).toEqual([readFirst, { H1: 23, G1: 20, E3: 3 }[readFirst]]);
      expect([at(0, 7), at(0, 6), at(2, 4)]).toEqual([23, 20, 3]);
    }
  });

  it("a spill computed from another formula's spill is laid out from its values", () => {
    // G1 spills E1:E3 * 10 down G1:G3, written before E1 spills; Excel: 10, 20, 30.
    const { at } = sheetWith([
      [0, 6, "=E1:E3*10"],
      [0, 4, "=TRANSPOSE(A1:C1)"],
    ]);
    expect([at(0, 6), at(1, 6), at(2, 6)]).toEqual([10, 20, 30]);
  });
});
