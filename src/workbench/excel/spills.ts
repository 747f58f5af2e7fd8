/**
 * Dynamic arrays ("Dynamic array formulas and spilled array behavior", support.microsoft.com):
 * a formula whose result is larger than one cell spills into the empty cells below and to its
 * right, or shows #SPILL! when one of them is not empty. WorkbookModel fills a Spills once and
 * keeps it until the next change.
 */
import { FormulaArray, FormulaErrorValue } from "./formula";
import type { CellValue, SheetModel } from "./types";

/**
 * A formula cell's result as the array it spills (1×1 when it spills nothing, as while it waits
 * for a function's answer): the model's own read of the cell, so the layout and a later read share
 * one kept evaluation.
 */
export type CellResult = (sheet: SheetModel, row: number, col: number, formula: string) => FormulaArray;

const key = (row: number, col: number) => `${row},${col}`;

/** What every spilling formula of the workbook shows: the spilled values and the blocked anchors. */
export interface Spills {
  /** The values spilled into each sheet's cells, by sheet id and "row,col" (the anchor excluded). */
  values: Map<string, Map<string, CellValue | FormulaErrorValue>>;
  /** #SPILL! for each anchor whose spill range is not empty, by "sheetId:row,col". */
  anchors: Map<string, FormulaErrorValue>;
}

/** The most passes a layout takes: a spill computed from a spill computed from a spill… (a cycle never settles). */
const MAX_PASSES = 8;

const same = (a: unknown, b: unknown) => a === b || (a instanceof FormulaErrorValue && b instanceof FormulaErrorValue && a.code === b.code);

/**
 * Lays out every spill of the workbook as Excel calculates them, in dependency order ("Working with
 * the calculation chain", learn.microsoft.com: its "ordering allows inter-related cell formulas to
 * be calculated in the correct order"; Excel.CalculationType: Excel keeps a "dependency chain"): a pass
 * evaluates every formula while `show(seen, reads)` lets reads of empty cells see the previous
 * pass's spills and records what each read found; when a pass's spills give every read the same
 * value, the layout is the one Excel settles on (one pass where no formula reads a spilled cell).
 */
export function layOutSpills(
  result: CellResult,
  sheets: readonly SheetModel[],
  show: (seen: Spills, reads: Map<string, unknown>) => void,
  settled: (shown: Spills) => void = () => undefined,
): Spills {
  let seen: Spills = { values: new Map(), anchors: new Map() };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next: Spills = { values: new Map(), anchors: new Map() };
    const reads = new Map<string, unknown>();
    const shown = seen;
    show(shown, reads);
    fillSpills(result, sheets, next);
    seen = next;
    const holds = [...reads].every(([at, v]) => {
      const [sheetId, cell] = at.split(":");
      return same(next.values.get(sheetId)?.get(cell), v);
    });
    if (holds) {
      // Every read of this pass saw what the layout settles on: what it computed holds after it.
      settled(shown);
      break;
    }
  }
  return seen;
}

/**
 * Evaluates every formula of every sheet as an array into `spills` (which the host already
 * holds, so a read during the evaluation finds it).
 */
export function fillSpills(result: CellResult, sheets: readonly SheetModel[], spills: Spills): void {
  for (const s of sheets) {
    const values = new Map<string, CellValue | FormulaErrorValue>();
    for (const [k, c] of s.cells) {
      if (c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      const lines = result(s, r, col, c.formula);
      if (lines.length === 1 && lines[0].length === 1) continue;
      const cells: [string, CellValue | FormulaErrorValue][] = [];
      let blocked = false;
      lines.forEach((line, i) =>
        line.forEach((v, j) => {
          if (i === 0 && j === 0) return;
          const target = s.cells.get(key(r + i, col + j));
          if (target && (target.value !== undefined || target.formula !== undefined)) blocked = true;
          cells.push([key(r + i, col + j), v === null ? 0 : v]);
        }),
      );
      if (blocked) spills.anchors.set(`${s.id}:${k}`, new FormulaErrorValue("#SPILL!"));
      else for (const [target, v] of cells) values.set(target, v);
    }
    spills.values.set(s.id, values);
  }
}

/**
 * The workbook's spills, laid out on the first read after a change (layOutSpills) and kept until
 * the next; `depth` is the host's evaluation level, which a layout sets and gives back.
 */
export class SpillLayout {
  private spills: Spills | null = null;
  private reads: Map<string, unknown> | null = null;
  /** True while spills are laid out, when a value read may not be the one the workbook settles on. */
  layingOut = false;

  constructor(
    private readonly result: CellResult,
    private readonly sheets: () => readonly SheetModel[],
    private readonly depth: { get(): number; set(depth: number): void },
    /** The layout settled in the pass that was shown `shown`: the values computed in that pass hold after it. */
    private readonly settled: (shown: Spills) => void = () => undefined,
  ) {}

  forget(): void {
    this.spills = null;
  }

  /** While laid out, the spills reads see (the last pass's); else null. */
  seenInLayout(): Spills | null {
    return this.layingOut ? this.spills : null;
  }

  /** What a spill shows in an empty cell ("row,col"): while spills are laid out, the last pass's, noted for the next. */
  at(sheetId: string, cell: string): CellValue | FormulaErrorValue | undefined {
    if (!this.layingOut) return this.all().values.get(sheetId)?.get(cell);
    const v = this.spills?.values.get(sheetId)?.get(cell);
    this.reads?.set(`${sheetId}:${cell}`, v);
    return v;
  }

  all(): Spills {
    if (this.spills) return this.spills;
    const depth = this.depth.get();
    this.layingOut = true;
    try {
      this.spills = layOutSpills(this.result, this.sheets(), (seen, reads) => ((this.spills = seen), (this.reads = reads)), this.settled);
      return this.spills;
    } catch (e) {
      this.spills = null;
      throw e;
    } finally {
      this.layingOut = false;
      this.reads = null;
      this.depth.set(depth);
    }
  }
}
