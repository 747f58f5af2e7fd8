/**
 * Formula results kept between reads (keptValues.ts) are what evaluating afresh gives: on random
 * sheets of constants, references, spilling formulas and the cells they spill into, defined
 * names and a table's structured references, and on a chain deeper than the nesting limit and
 * a circular pair, read in any order with edits in between, each read equals the same read of
 * the same workbook with nothing kept.
 */
import fc from "fast-check";
import * as formula from "../../src/workbench/excel/formula";
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { setKeepingValues } from "../../src/workbench/excel/keptValues";
import { WorkbookModel } from "../../src/workbench/excel/model";
import type { SheetModel } from "../../src/workbench/excel/types";

const SIZE = 5;
const N = SIZE * SIZE;
const letter = (c: number) => "ABCDEF"[c];

/**
 * What is written in grid cell `i`: a constant, a blank, or a formula. A formula refers only to
 * rows below its own, so the grid has no cycle (a cycle through a formula with two references
 * evaluates without end in the in-memory Excel, results kept or not; the circular pair I1/I2 is
 * the cycle the nesting-limit test reads), and evaluated afresh a formula costs at most 2^5 reads.
 */
function text(i: number, kind: number, a: number, b: number, constant: number): string {
  const row = Math.floor(i / SIZE);
  const below = SIZE - row - 1;
  if (below === 0 || kind < 2) return kind === 1 ? "" : String(constant);
  const [r1, r2] = [row + 1 + (a % below), row + 1 + (b % below)].sort((p, q) => p - q);
  const x = `${letter(a % SIZE)}${r1 + 1}`;
  const y = `${letter(b % SIZE)}${r2 + 1}`;
  const formulas = [`=${x}+1`, `=${x}*2+${y}`, `=SUM(${x}:${y})`, `=IF(${x}>3,${y},"low")`, `=${x}:${y}*10`, `=Band+${x}`, "=SUM(T[x])", "=H1"];
  return formulas[kind - 2];
}

type Edit =
  | { kind: "write"; cell: number; content: [number, number, number, number] }
  | { kind: "read"; order: number[] }
  | { kind: "renameTable" }
  | { kind: "name"; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("write" as const),
    cell: fc.integer({ min: 0, max: N - 1 }),
    content: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), fc.nat(), fc.integer({ min: -5, max: 9 })),
  }),
  fc.record({ kind: fc.constant("read" as const), order: fc.shuffledSubarray([...Array(N + 5).keys()], { minLength: 1 }) }),
  fc.constant({ kind: "renameTable" as const }),
  // The name's cells are in the grid's last row, which holds constants only.
  fc.record({ kind: fc.constant("name" as const), text: fc.constantFrom("=$C$5*3", "=$A$5:$C$5") }),
);

type Book = { model: WorkbookModel; sheet: SheetModel };

/** A sheet with a table T and a name Band; with `deep`, a 55-cell chain (H1 = H2+1, ...: deeper than the nesting limit) and a circular pair (I1 = I2, I2 = I1). */
function workbook(deep = false): Book {
  const model = new WorkbookModel();
  const sheet = model.addSheet("S");
  if (deep) for (let r = 0; r < 55; r++) model.writeFormula(sheet, r, 7, `=H${r + 2}+1`);
  model.writeValue(sheet, deep ? 55 : 0, 7, 1);
  // One parser per nesting level is built for each workbook (formula.ts): 100 for the pair, 0.4 s.
  if (deep) model.writeFormula(sheet, 0, 8, "=I2");
  if (deep) model.writeFormula(sheet, 1, 8, "=I1");
  model.writeValue(sheet, 10, 0, "x");
  model.writeValue(sheet, 11, 0, 4);
  model.writeValue(sheet, 12, 0, 5);
  model.addTable(sheet, { row: 10, col: 0, rowCount: 3, colCount: 1 }, true);
  model.renameTable(model.tables[0], "T");
  model.addName("Band", "=$B$5*2");
  return { model, sheet };
}

function apply(book: Book, e: Edit): void {
  const { model, sheet } = book;
  if (e.kind === "write") {
    const t = text(e.cell, ...e.content);
    const [r, c] = [Math.floor(e.cell / SIZE), e.cell % SIZE];
    if (t.startsWith("=")) model.writeFormula(sheet, r, c, t);
    else model.writeValue(sheet, r, c, t === "" ? null : Number(t));
  } else if (e.kind === "renameTable") model.renameTable(model.tables[0], model.tables[0].name === "T" ? "U" : "T");
  else if (e.kind === "name") {
    model.findName("Band")!.formula = e.text;
    model.invalidate();
  }
}

/** The cell behind an index of a read order: the grid, then H1, H11 and H41 (the chain), then the circular pair. */
function cellOf(i: number): [number, number] {
  if (i < N) return [Math.floor(i / SIZE), i % SIZE];
  const others: [number, number][] = [
    [0, 7],
    [10, 7],
    [40, 7],
    [0, 8],
    [1, 8],
  ];
  return others[i - N];
}

const shown = (v: unknown) => (v instanceof FormulaErrorValue ? v.code : v);

/** Reads the cells of `order` in both workbooks, keeping results in the first only, and expects the same values. */
function readBoth(kept: Book, fresh: Book, order: number[]): void {
  for (const i of order) {
    const [r, c] = cellOf(i);
    setKeepingValues(true);
    const got = shown(kept.model.valueAt(kept.sheet, r, c));
    setKeepingValues(false);
    const want = shown(fresh.model.valueAt(fresh.sheet, r, c));
    expect([r, c, got]).toEqual([r, c, want]);
  }
}

describe("formula results kept between reads", () => {
  afterEach(() => setKeepingValues(true));

  it("are, read in any order with edits between, what evaluating afresh gives", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 16 }), (edits) => {
        const kept = workbook();
        const fresh = workbook();
        for (const e of edits) {
          apply(kept, e);
          apply(fresh, e);
          if (e.kind === "read") readBoth(kept, fresh, e.order);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("stay inside the nesting limit: a chain deeper than it is #CALC! from its top and a value from below, and a cycle, read in any order", () => {
    const kept = workbook(true);
    const fresh = workbook(true);
    const [top, ten, forty] = [N, N + 1, N + 2];
    // Below first, then the top: H11's kept value is not used where evaluating it would reach the limit.
    readBoth(kept, fresh, [forty, ten, top, top, ten, N + 3, N + 4, N + 3]);
    expect(shown(kept.model.valueAt(kept.sheet, 0, 7))).toBe("#CALC!");
    expect(kept.model.valueAt(kept.sheet, 40, 7)).toBe(16);
    for (const { model, sheet } of [kept, fresh]) model.writeValue(sheet, 55, 7, 2);
    readBoth(kept, fresh, [top, forty, N + 4, ten, top, N + 3]);
  });

  it("are used again: a cell read through many paths is evaluated once per change, the spill layout and the read sharing it", () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("S");
    // B1 is A1 four times over, C1 is B1 four times, ...: evaluated afresh, F1's read evaluates B1 256 times.
    model.writeValue(sheet, 0, 0, 1);
    for (let c = 1; c < 6; c++) model.writeFormula(sheet, 0, c, `=${letter(c - 1)}1+${letter(c - 1)}1+${letter(c - 1)}1+${letter(c - 1)}1`);
    // Both ways a formula is evaluated from outside formula.ts: a cell's value and an array to spill.
    const evaluations = [jest.spyOn(formula, "evaluateFormula"), jest.spyOn(formula, "evaluateArray")];
    const count = () => evaluations.reduce((n, spy) => n + spy.mock.calls.length, 0);
    expect(model.valueAt(sheet, 0, 5)).toBe(1024);
    expect(count()).toBe(5);
    evaluations.forEach((spy) => spy.mockClear());
    model.writeValue(sheet, 0, 0, 2);
    expect(model.valueAt(sheet, 0, 5)).toBe(2048);
    expect(model.valueAt(sheet, 0, 4)).toBe(512);
    expect(count()).toBe(5);
    evaluations.forEach((spy) => spy.mockRestore());
  });
});
