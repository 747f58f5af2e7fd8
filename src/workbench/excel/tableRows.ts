import { ExcelApiError } from "./errors";
import { FormulaErrorValue } from "./formula";
import type { TableModel } from "./model";
import { BatchContext, FakeCollection, FakeObject } from "./proxy";
import { FakeRange } from "./ranges";
import { assertUnfiltered } from "./tableFilters";

/**
 * Excel.TableRowCollection ("Excel.TableRowCollection class", learn.microsoft.com): add(index,
 * values) inserts rows (shifting the cells below the table within its columns), getItemAt,
 * count.
 */
export class FakeTableRowCollection extends FakeCollection<FakeTableRow> {
  constructor(
    context: BatchContext,
    private table: () => TableModel,
  ) {
    super(context);
  }

  protected current(): FakeTableRow[] {
    const t = this.table();
    return Array.from({ length: t.area.rowCount - 1 }, (_, i) => new FakeTableRow(this.context, this.table, i));
  }

  add(index?: number | null, values?: unknown[][]): FakeTableRow {
    let firstIndex = -1;
    this.context.enqueue(() => {
      const t = this.table();
      const width = t.area.colCount;
      const grid = values ?? [Array.from({ length: width }, () => null)];
      firstIndex = index ?? t.area.rowCount - 1;
      this.model.addTableRows(t, index ?? null, grid);
    });
    return new FakeTableRow(this.context, this.table, () => firstIndex);
  }

  getItemAt(index: number): FakeTableRow {
    return new FakeTableRow(this.context, this.table, index);
  }

  get count(): number {
    return this.got("count");
  }

  protected override read(name?: string): unknown {
    return name === "count" ? this.table().area.rowCount - 1 : undefined;
  }
}

/** Excel.TableRow ("Excel.TableRow class", learn.microsoft.com): index, values, getRange, delete. */
export class FakeTableRow extends FakeObject {
  declare readonly index: number;
  declare values: unknown[][];

  constructor(
    context: BatchContext,
    readonly table: () => TableModel,
    private indexOf: number | (() => number),
  ) {
    super(context);
  }

  position(): number {
    const i = typeof this.indexOf === "number" ? this.indexOf : this.indexOf();
    const t = this.table();
    if (i < 0 || i >= t.area.rowCount - 1) throw new ExcelApiError("ItemNotFound", `The table has no row ${i}.`);
    return i;
  }

  /** The row's values now (inside a sync), errors as their codes. */
  valuesNow(): unknown[][] {
    const t = this.table();
    const sheet = this.model.sheetById(t.sheetId);
    const row = t.area.row + 1 + this.position();
    return [
      Array.from({ length: t.area.colCount }, (_, j) => {
        const v = this.model.valueAt(sheet, row, t.area.col + j);
        return v instanceof FormulaErrorValue ? v.code : v;
      }),
    ];
  }

  /** Writes the row's values now (inside a sync). */
  writeNow(v: unknown[][]): void {
    const t = this.table();
    assertUnfiltered(t, "write a row");
    const sheet = this.model.sheetById(t.sheetId);
    const row = t.area.row + 1 + this.position();
    if (v.length !== 1 || v[0].length !== t.area.colCount) throw new ExcelApiError("InvalidArgument", "The values don't match the row's size.");
    v[0].forEach((x, j) => this.model.writeValue(sheet, row, t.area.col + j, x));
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return {
        sheet: this.model.sheetById(t.sheetId),
        area: { row: t.area.row + 1 + this.position(), col: t.area.col, rowCount: 1, colCount: t.area.colCount },
      };
    });
  }

  delete(): void {
    this.act(() => this.model.deleteTableRow(this.table(), this.position()));
  }
}

FakeTableRow.withProperties({
  index: { read: (r) => r.position() },
  values: { read: (r) => r.valuesNow(), write: (r, v) => r.writeNow(v as unknown[][]) },
});
