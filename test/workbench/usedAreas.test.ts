/**
 * The used range the in-memory Excel keeps between edits (usedAreas.ts) is always the one a
 * fresh look at every cell gives: after any sequence of values, formats and clears, with reads
 * in between ("Excel.Worksheet: getUsedRange(valuesOnly)", learn.microsoft.com).
 */
import fc from "fast-check";
import { WorkbookModel } from "../../src/workbench/excel/model";

type Edit = { kind: "value" | "format" | "clearValue" | "clearAll" | "read"; row: number; col: number };

/** The smallest area over the cells the test itself knows are used. */
function expected(used: Map<string, { value: boolean; format: boolean }>, valuesOnly: boolean) {
  const cells = [...used].filter(([, u]) => (valuesOnly ? u.value : u.value || u.format)).map(([k]) => k.split(",").map(Number));
  if (cells.length === 0) return null;
  const rows = cells.map(([r]) => r);
  const cols = cells.map(([, c]) => c);
  const row = Math.min(...rows);
  const col = Math.min(...cols);
  return { row, col, rowCount: Math.max(...rows) - row + 1, colCount: Math.max(...cols) - col + 1 };
}

describe("the used range kept between edits", () => {
  it("is the fresh one after every edit, for all cells and for values only", () => {
    const edit = fc.record({
      kind: fc.constantFrom<Edit["kind"]>("value", "format", "clearValue", "clearAll", "read"),
      row: fc.integer({ min: 0, max: 3 }),
      col: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const model = new WorkbookModel();
        const sheet = model.addSheet("S");
        const used = new Map<string, { value: boolean; format: boolean }>();
        for (const e of edits) {
          const k = `${e.row},${e.col}`;
          const u = used.get(k) ?? { value: false, format: false };
          if (e.kind === "value") {
            model.writeValue(sheet, e.row, e.col, 7);
            u.value = true;
          } else if (e.kind === "format") {
            model.setFormat(sheet, e.row, e.col, { fill: "#FF0000" });
            u.format = true;
          } else if (e.kind === "clearValue") {
            model.writeValue(sheet, e.row, e.col, null);
            u.value = false;
          } else if (e.kind === "clearAll") {
            model.writeValue(sheet, e.row, e.col, null);
            model.setFormat(sheet, e.row, e.col, { fill: undefined });
            u.value = false;
            u.format = false;
          }
          used.set(k, u);
          expect(model.usedArea(sheet)).toEqual(expected(used, false));
          expect(model.usedArea(sheet, true)).toEqual(expected(used, true));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("shrinks when the value at its edge is cleared and only the cell's format stays", () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("S");
    model.writeValue(sheet, 0, 0, 7);
    model.writeValue(sheet, 2, 2, 7);
    model.setFormat(sheet, 2, 2, { fill: "#FF0000" });
    expect(model.usedArea(sheet, true)).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
    model.writeValue(sheet, 2, 2, null);
    expect(model.usedArea(sheet, true)).toEqual({ row: 0, col: 0, rowCount: 1, colCount: 1 });
    expect(model.usedArea(sheet)).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
  });

  it("follows rows inserted and deleted, and a caller cannot change it", () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("S");
    model.writeValue(sheet, 2, 1, 5);
    model.writeValue(sheet, 4, 3, 6);
    expect(model.usedArea(sheet)).toEqual({ row: 2, col: 1, rowCount: 3, colCount: 3 });
    model.insertRows(sheet, 0, 2);
    expect(model.usedArea(sheet)).toEqual({ row: 4, col: 1, rowCount: 3, colCount: 3 });
    model.deleteRows(sheet, 6, 1);
    expect(model.usedArea(sheet)).toEqual({ row: 4, col: 1, rowCount: 1, colCount: 1 });
    model.usedArea(sheet)!.row = 99;
    expect(model.usedArea(sheet)!.row).toBe(4);
  });
});
