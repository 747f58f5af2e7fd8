import { ExcelApiError } from "./errors";
import { FormulaErrorValue } from "./formula";
import type { TableModel } from "./model";
import { BatchContext, FakeCollection, FakeObject } from "./proxy";
import { FakeRange } from "./ranges";

/**
 * Excel.TableColumnCollection ("Excel.TableColumnCollection class", learn.microsoft.com):
 * getItem / getItemOrNullObject by name (case-insensitive) or index, getItemAt, add.
 */
export class FakeTableColumnCollection extends FakeCollection<FakeTableColumn> {
  constructor(
    context: BatchContext,
    private table: () => TableModel,
  ) {
    super(context);
  }

  protected current(): FakeTableColumn[] {
    return this.table().columns.map((_, i) => new FakeTableColumn(this.context, this.table, () => i));
  }

  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(this.context, this.table, () => {
      const i = this.indexOf(key);
      if (i < 0) throw new ExcelApiError("ItemNotFound", `The table has no column '${key}'.`);
      return i;
    });
  }

  getItemOrNullObject(key: string | number): FakeTableColumn {
    const c = new FakeTableColumn(this.context, this.table, () => this.indexOf(key));
    c.resolveNullness();
    return c;
  }

  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(this.context, this.table, () => index);
  }

  /**
   * "Excel.TableColumnCollection class": add(index, values, name) adds a new column to the table
   * (ExcelApi 1.1; Microsoft Graph's "tableColumnCollection: add": a column at `index` shifts the
   * one there to the right). Only the add-in's use is modelled: at the end, named, no values;
   * anything else is refused rather than guessed.
   */
  add(index?: number | null, values?: unknown, name?: string): FakeTableColumn {
    if ((index !== undefined && index !== null) || values !== undefined || !name) throw new Error("The stand-in adds a named, empty column at the end only.");
    let at = -1;
    this.context.enqueue(() => {
      const t = this.table();
      this.model.addTableColumnAtEnd(t, name);
      at = t.columns.length - 1;
    });
    return new FakeTableColumn(this.context, this.table, () => at);
  }

  private indexOf(key: string | number): number {
    const cols = this.table().columns;
    return typeof key === "number" ? (key < cols.length ? key : -1) : cols.findIndex((c) => c.toLowerCase() === key.toLowerCase());
  }
}

/** Excel.TableColumn ("Excel.TableColumn class", learn.microsoft.com): name, index, values, its ranges, delete. */
export class FakeTableColumn extends FakeObject {
  declare readonly name: string;
  declare readonly index: number;
  declare readonly values: unknown[][];

  constructor(
    context: BatchContext,
    readonly table: () => TableModel,
    readonly indexOf: () => number,
  ) {
    super(context);
  }

  protected override exists(): boolean {
    try {
      return this.indexOf() >= 0;
    } catch {
      return false;
    }
  }

  /** The column's values now, header first, errors as their codes. */
  valuesNow(): unknown[][] {
    const t = this.table();
    const i = this.indexOf();
    const sheet = this.model.sheetById(t.sheetId);
    return Array.from({ length: t.area.rowCount }, (_, r) => {
      const v = this.model.valueAt(sheet, t.area.row + r, t.area.col + i);
      return [v instanceof FormulaErrorValue ? v.code : v];
    });
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return {
        sheet: this.model.sheetById(t.sheetId),
        area: { row: t.area.row + 1, col: t.area.col + this.indexOf(), rowCount: t.area.rowCount - 1, colCount: 1 },
      };
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: this.model.sheetById(t.sheetId), area: { row: t.area.row, col: t.area.col + this.indexOf(), rowCount: t.area.rowCount, colCount: 1 } };
    });
  }

  /** Deleting the last column only (the undo of an add). */
  delete(): void {
    this.act(() => {
      const t = this.table();
      if (this.indexOf() !== t.columns.length - 1) throw new Error("The stand-in deletes a table's last column only.");
      this.model.removeTableColumnAtEnd(t);
    });
  }
}

FakeTableColumn.withProperties(
  {
    name: { read: (c) => c.table().columns[c.indexOf()] },
    index: {
      read: (c) => {
        c.table();
        return c.indexOf();
      },
    },
    values: { read: (c) => c.valuesNow() },
  },
  ["name", "index"],
);
