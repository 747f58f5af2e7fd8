import { Area, contains, intersection, qualified } from "../../core/excel/a1";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import { ExcelApiError } from "./errors";
import { FormulaErrorValue } from "./formula";
import type { SheetModel } from "./model";
import { BatchContext, FakeObject, Located, makeProxy, registerProxy } from "./proxy";
import { FakeRangeFormat } from "./rangeFormat";

/**
 * On every platform a range is limited to five million cells for get operations ("Resource
 * limits and performance optimization for Office Add-ins", learn.microsoft.com;
 * office-js-docs-pr #1423). The error code Excel gives for that is not documented; the one
 * used here (ResponsePayloadSizeLimitExceeded) is a guess.
 */
export const GET_CELL_LIMIT = 5_000_000;

const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;

/**
 * Excel.Range ("Excel.Range class", learn.microsoft.com): address, values, formulas,
 * numberFormat, valueTypes, text and its size; the ranges derived from it (cells, rows,
 * offsets, intersections, special cells); its tables, format and conditional formats;
 * select, insert and delete of whole rows, clear.
 */
export class FakeRange extends FakeObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  declare readonly address: string;
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly valueTypes: string[][];
  declare readonly text: string[][];
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;

  constructor(
    context: BatchContext,
    private locate: () => Located | null,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, () => this.where());
    this.conditionalFormats = new FakeConditionalFormatCollection(
      context,
      () => this.where(),
      () => this.locate() !== null,
    );
  }

  where(): Located {
    const w = this.locate();
    if (!w) throw new ExcelApiError("ItemNotFound", "The range doesn't exist.");
    return w;
  }

  protected override exists(): boolean {
    return this.locate() !== null;
  }

  /** The range's cells, row by row, through `f`; refused beyond Excel's get limit. */
  grid<T>(f: (sheet: SheetModel, r: number, c: number) => T): T[][] {
    const { sheet, area } = this.where();
    if (area.rowCount * area.colCount > GET_CELL_LIMIT) {
      throw new ExcelApiError(
        "ResponsePayloadSizeLimitExceeded",
        `A range of more than ${GET_CELL_LIMIT.toLocaleString("en-US")} cells cannot be read at once (${qualified(sheet.name, area)}).`,
      );
    }
    const rows: T[][] = [];
    for (let i = 0; i < area.rowCount; i++) {
      const line: T[] = [];
      for (let j = 0; j < area.colCount; j++) line.push(f(sheet, area.row + i, area.col + j));
      rows.push(line);
    }
    return rows;
  }

  /** The worksheet of the range (an Excel.Worksheet; made through the registry, see proxy.ts). */
  get worksheet(): FakeObject {
    return makeProxy("Worksheet", this.context, () => this.where().sheet);
  }

  /** Excel takes a grid of the range's shape, or one value for every cell. */
  writeGrid(v: unknown, put: (s: SheetModel, r: number, c: number, x: unknown) => void): void {
    const { sheet, area } = this.where();
    const single = !Array.isArray(v);
    if (!single) {
      const rows = v as unknown[][];
      if (rows.length !== area.rowCount || rows.some((row) => !Array.isArray(row) || row.length !== area.colCount)) {
        throw new ExcelApiError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${area.rowCount}×${area.colCount}).`,
        );
      }
    }
    for (let i = 0; i < area.rowCount; i++) {
      for (let j = 0; j < area.colCount; j++) put(sheet, area.row + i, area.col + j, single ? v : (v as unknown[][])[i][j]);
    }
    this.model.emitChange({
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: qualified(sheet.name, area),
      changeType: "RangeEdited",
      source: "Local",
    });
  }

  private derived(f: (w: Located) => Area | null): FakeRange {
    return new FakeRange(this.context, () => {
      const w = this.where();
      const area = f(w);
      if (!area) throw new ExcelApiError("InvalidArgument", "The range would lie outside the sheet.");
      if (
        area.row < 0 ||
        area.col < 0 ||
        area.rowCount < 1 ||
        area.colCount < 1 ||
        area.row + area.rowCount > LAST_ROW ||
        area.col + area.colCount > LAST_COL
      ) {
        throw new ExcelApiError("InvalidArgument", "The range would lie outside the sheet.");
      }
      return { sheet: w.sheet, area };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.derived(({ area }) => ({ row: area.row + row, col: area.col + col, rowCount: 1, colCount: 1 }));
  }

  getOffsetRange(rows: number, cols: number): FakeRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + rows, col: area.col + cols }));
  }

  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return this.derived(({ area }) => ({ ...area, rowCount: area.rowCount + deltaRows, colCount: area.colCount + deltaCols }));
  }

  /**
   * The rows right below the range ("Excel.Range class: getRowsBelow(count)", ExcelApi 1.2),
   * found when the batch runs: the add-in appends to a table by writing there.
   */
  getRowsBelow(count = 1): FakeRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + area.rowCount, rowCount: count }));
  }

  getRow(i: number): FakeRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + i, rowCount: 1 }));
  }

  getColumn(i: number): FakeRange {
    return this.derived(({ area }) => ({ ...area, col: area.col + i, colCount: 1 }));
  }

  getLastRow(): FakeRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + area.rowCount - 1, rowCount: 1 }));
  }

  getEntireRow(): FakeRange {
    return this.derived(({ area }) => ({ row: area.row, col: 0, rowCount: area.rowCount, colCount: LAST_COL }));
  }

  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    const r = new FakeRange(this.context, () => {
      const w = this.where();
      const o = typeof other === "string" ? this.model.resolve(other, w.sheet) : other.where();
      if (o.sheet !== w.sheet) return null;
      const area = intersection(w.area, o.area);
      return area ? { sheet: w.sheet, area } : null;
    });
    r.resolveNullness();
    return r;
  }

  /**
   * Range.getSpecialCellsOrNullObject (ExcelApi 1.9; "Excel.Range class" and "Find special cells
   * within a range using the Excel JavaScript API", learn.microsoft.com): the cells of a type, "Constants" or
   * "Formulas", optionally holding a value type ("Numbers", "Text", "Logical", "Errors"); a null
   * object when there are none. Excel counts them without sending their values.
   */
  getSpecialCellsOrNullObject(cellType: string, valueType?: string): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, () => {
      const { sheet, area } = this.where();
      let count = 0;
      for (const [k, c] of sheet.cells) {
        const [r, col] = k.split(",").map(Number);
        if (r < area.row || r >= area.row + area.rowCount || col < area.col || col >= area.col + area.colCount) continue;
        const isFormula = c.formula !== undefined;
        if (cellType === "Constants" ? isFormula || c.value === undefined : cellType === "Formulas" ? !isFormula : true) continue;
        const v = this.model.valueAt(sheet, r, col);
        const type = v instanceof FormulaErrorValue ? "Errors" : typeof v === "number" ? "Numbers" : typeof v === "boolean" ? "Logical" : "Text";
        if (valueType === undefined || valueType === "All" || valueType === type) count++;
      }
      return count > 0 ? count : null;
    });
    areas.resolveNullness();
    return areas;
  }

  /** The tables the range overlaps (or holds whole): an Excel.TableScopedCollection, see tables.ts. */
  getTables(fullyContained = false): FakeObject {
    return makeProxy("TableScopedCollection", this.context, () => {
      const w = this.where();
      return this.model.tables.filter((t) => t.sheetId === w.sheet.id && (fullyContained ? contains(w.area, t.area) : intersection(w.area, t.area) !== null));
    });
  }

  select(): void {
    this.act(() => {
      const w = this.where();
      this.model.select(w.sheet, w.area);
    });
  }

  /** Inserts whole rows (the only shape the workbench models). */
  insert(shift: string): FakeRange {
    this.wholeRows(shift, "Down", "inserts", "insert", (w) => this.model.insertRows(w.sheet, w.area.row, w.area.rowCount));
    return this;
  }

  delete(shift: string): void {
    this.wholeRows(shift, "Up", "deletes", "delete", (w) => this.model.deleteRows(w.sheet, w.area.row, w.area.rowCount));
  }

  /** Queues a whole-row edit, refused for any other shape or shift. */
  private wholeRows(shift: string, only: string, does: string, call: string, edit: (w: Located) => void): void {
    this.act(() => {
      const w = this.where();
      if (shift !== only || w.area.colCount !== LAST_COL) {
        throw new ExcelApiError("InvalidArgument", `The workbench ${does} whole rows only (getEntireRow().${call}('${only}')).`);
      }
      edit(w);
    });
  }

  clear(applyTo = "All"): void {
    this.act(() => {
      const { sheet, area } = this.where();
      for (let i = 0; i < area.rowCount; i++) {
        for (let j = 0; j < area.colCount; j++) {
          if (applyTo === "All" || applyTo === "Contents") this.model.writeValue(sheet, area.row + i, area.col + j, null);
          if (applyTo === "All" || applyTo === "Formats")
            this.model.setFormat(sheet, area.row + i, area.col + j, { fill: undefined, fontColor: undefined, numberFormat: undefined });
        }
      }
    });
  }
}

/** What Excel shows in a cell: an error as its code. */
const shown = (v: unknown) => (v instanceof FormulaErrorValue ? v.code : v);

FakeRange.withProperties(
  {
    address: { read: (r) => qualified(r.where().sheet.name, r.where().area) },
    values: {
      read: (r) => r.grid((s, i, j) => shown(r.model.valueAt(s, i, j))),
      write: (r, v) => {
        r.writeGrid(v, (s, i, j, x) => r.model.writeValue(s, i, j, x));
        r.model.expandTableOver(r.where().sheet, r.where().area);
      },
    },
    formulas: {
      read: (r) => r.grid((s, i, j) => r.model.formulaAt(s, i, j)),
      write: (r, v) => {
        r.writeGrid(v, (s, i, j, x) => r.model.writeFormula(s, i, j, x));
        r.model.expandTableOver(r.where().sheet, r.where().area);
      },
    },
    numberFormat: {
      read: (r) => r.grid((s, i, j) => r.model.cellAt(s, i, j)?.numberFormat ?? "General"),
      write: (r, v) => r.writeGrid(v, (s, i, j, x) => r.model.setFormat(s, i, j, { numberFormat: String(x) })),
    },
    valueTypes: {
      read: (r) =>
        r.grid((s, i, j) => {
          const v = r.model.valueAt(s, i, j);
          return v instanceof FormulaErrorValue
            ? "Error"
            : v === ""
              ? "Empty"
              : typeof v === "number"
                ? "Double"
                : typeof v === "boolean"
                  ? "Boolean"
                  : "String";
        }),
    },
    text: { read: (r) => r.grid((s, i, j) => String(shown(r.model.valueAt(s, i, j)))) },
    rowCount: { read: (r) => r.where().area.rowCount },
    columnCount: { read: (r) => r.where().area.colCount },
    rowIndex: { read: (r) => r.where().area.row },
    columnIndex: { read: (r) => r.where().area.col },
  },
  ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount", "rowIndex", "columnIndex"],
);
registerProxy("Range", FakeRange);

/** The subset of Excel.RangeAreas ("Excel.RangeAreas class", learn.microsoft.com) the add-in uses: cellCount. */
export class FakeRangeAreas extends FakeObject {
  declare readonly cellCount: number;

  constructor(
    context: BatchContext,
    readonly count: () => number | null,
  ) {
    super(context);
  }
  protected override exists(): boolean {
    return this.count() !== null;
  }
}

FakeRangeAreas.withProperties({ cellCount: { read: (a) => a.count() } });
