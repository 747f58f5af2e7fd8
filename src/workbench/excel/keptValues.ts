/**
 * Formula results kept between reads. Excel calculates a formula when something it depends on
 * changes and shows the kept result until then ("Change formula recalculation, iteration, or
 * precision in Excel", support.microsoft.com: automatic calculation recalculates dependent
 * formulas when a value changes); the in-memory Excel evaluated every formula again at every
 * read, and again inside every formula that refers to it, so a scorecard cell read through a
 * chain of formulas was evaluated once per path to it.
 *
 * A result is kept only while everything it was computed from holds (the model's calculation
 * count, which moves at every change and every asynchronous answer; the registered functions;
 * the host; while spills are laid out, the spills laid out so far) and only when reading it
 * again would compute the same: not when the evaluation saw #BUSY!, a volatile function, or the nesting
 * limit (model.ts valueAt answers #CALC! below 50 levels). That limit is counted down the chain
 * of first references (the only reads whose depth follows the depth of the formula read), so a
 * kept result is used only where its evaluation would stay inside the limit.
 */
import type { SheetModel } from "./types";
import type { FormulaArray } from "./formula";

interface Kept {
  value: FormulaArray;
  /** How many levels its chain of first formula references goes below it. */
  chain: number;
}

/** Where a kept result is asked for: the stamp (null: nothing may be kept now), the formulas it evaluates, the #BUSY! count. */
export interface ResultContext {
  stamp: readonly unknown[] | null;
  formulas: string;
  busyAnswers: () => number;
}

/** One evaluation in progress. */
export interface Frame {
  keep: boolean;
  /** The chain of its first formula reference, once read. */
  firstChain: number | undefined;
}

/** Functions whose answer changes without any input changing: a formula using one is never kept. */
const VOLATILE = /\b(?:RAND|RANDBETWEEN|RANDARRAY|NOW|TODAY|CELL|INFO)\s*\(/i;

export const MAX_DEPTH = 50;

let keeping = true;

/** Turns keeping off (and on again): test/workbench/keptValues.test.ts compares every read with what evaluating afresh gives. */
export function setKeepingValues(on: boolean): void {
  keeping = on;
}

export class KeptValues {
  private stamp: readonly unknown[] = [];
  private bySheet = new WeakMap<SheetModel, Map<string, Kept>>();
  private frames: Frame[] = [];
  private resultStamp: readonly unknown[] = [];
  private results = new WeakMap<object, { definition: string; byCell: Map<string, unknown> }>();

  /** Starts a new set of kept values when any part of `stamp` differs from the last one. */
  private values(sheet: SheetModel, stamp: readonly unknown[]): Map<string, Kept> {
    if (stamp.length !== this.stamp.length || stamp.some((x, i) => x !== this.stamp[i])) {
      this.stamp = stamp;
      this.bySheet = new WeakMap();
    }
    let m = this.bySheet.get(sheet);
    if (!m) this.bySheet.set(sheet, (m = new Map()));
    return m;
  }

  /** The values kept under `from`, when they are the ones kept now, hold under `to` as well. */
  carryOver(from: readonly unknown[], to: readonly unknown[]): void {
    if (from.length === this.stamp.length && from.every((x, i) => x === this.stamp[i])) this.stamp = to;
  }

  /** The kept result of the formula at `key`, if reading it at `depth` would compute the same. */
  get(sheet: SheetModel, key: string, depth: number, stamp: readonly unknown[]): FormulaArray | undefined {
    if (!keeping) return undefined;
    const kept = this.values(sheet, stamp).get(key);
    if (!kept || depth + kept.chain > MAX_DEPTH) return undefined;
    this.reached(kept.chain);
    return kept.value;
  }

  /** An evaluation of `formula` starts. */
  enter(formula: string): Frame {
    const volatile = VOLATILE.test(formula);
    const frame: Frame = { keep: true, firstChain: undefined };
    this.frames.push(frame);
    if (volatile) this.spoil();
    return frame;
  }

  /** The evaluation of `frame` ended with `value`; kept when nothing spoiled it. */
  leave(frame: Frame, sheet: SheetModel, key: string, value: FormulaArray, stamp: readonly unknown[]): void {
    this.frames.pop();
    const chain = frame.firstChain === undefined ? 0 : frame.firstChain + 1;
    if (frame.keep && keeping) this.values(sheet, stamp).set(key, { value, chain });
    this.reached(chain);
  }

  /**
   * Results computed from formulas outside any cell, kept like a cell's: whether a conditional
   * format's rule holds for a cell (a snapshot asks each cell's colour, then each format's cells
   * again, and each ask evaluated the rule afresh: most of a scorecard snapshot's time) and what a
   * name's formula computes (NamedItem.type and .value each evaluated it, at every load of the
   * names). Kept per object and cell only under the same stamp and `definition` (all the result
   * depends on besides the workbook's values), and only when the evaluation was not spoiled
   * (volatile, #BUSY!, the nesting limit) nor read inside another evaluation.
   */
  result<T>(of: object, definition: string, cell: string, at: ResultContext, evaluate: () => T): T {
    const { stamp } = at;
    if (!keeping || stamp === null || this.frames.length > 0) return evaluate();
    if (stamp.length !== this.resultStamp.length || stamp.some((x, i) => x !== this.resultStamp[i])) {
      this.resultStamp = stamp;
      this.results = new WeakMap();
    }
    let entry = this.results.get(of);
    if (!entry || entry.definition !== definition) this.results.set(of, (entry = { definition, byCell: new Map() }));
    if (entry.byCell.has(cell)) return entry.byCell.get(cell) as T;
    const busy = at.busyAnswers();
    const frame = this.enter(at.formulas);
    let result: T;
    try {
      result = evaluate();
    } catch (e) {
      this.abandon(0);
      throw e;
    }
    this.frames.pop();
    if (frame.keep && at.busyAnswers() === busy) entry.byCell.set(cell, result);
    return result;
  }

  /** How many evaluations are in progress: `abandon` goes back to it. */
  get open(): number {
    return this.frames.length;
  }

  /** The evaluations opened since `open` ended without a result (one threw); the rest keep nothing. */
  abandon(open: number): void {
    this.frames.length = Math.min(this.frames.length, open);
    this.spoil();
  }

  /** What the evaluations in progress compute cannot be kept (the nesting limit, #BUSY!, a volatile function). */
  spoil(): void {
    for (const f of this.frames) f.keep = false;
  }

  /** A formula read answered with `chain` levels below it: the first such read of its reader sets the reader's chain. */
  private reached(chain: number): void {
    const reader = this.frames[this.frames.length - 1];
    if (reader && reader.firstChain === undefined) reader.firstChain = chain;
  }
}

/** Whether a name's formula, evaluated inside a cell's, makes that cell's result one not to keep. */
export const isVolatile = (formula: string): boolean => VOLATILE.test(formula);
