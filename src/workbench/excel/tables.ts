import type { Area } from "../../core/excel/a1";
import { ExcelApiError, requested, stillIn, stillThere } from "./errors";
import type { SheetModel, TableModel } from "./model";
import { BatchContext, FakeCollection, FakeObject, makeProxy, registerProxy } from "./proxy";
import { FakeRange } from "./ranges";
import { FakeTableColumnCollection } from "./tableColumns";
import { isFiltered } from "./tableFilters";
import { FakeTableRowCollection } from "./tableRows";

/**
 * Excel.TableCollection ("Excel.TableCollection class", learn.microsoft.com): add(address,
 * hasHeaders), getItem / getItemOrNullObject by name or id, the workbook's or one sheet's.
 */
export class FakeTableCollection extends FakeCollection<FakeTable> {
  constructor(
    context: BatchContext,
    private sheet: () => SheetModel | null,
  ) {
    super(context);
  }

  protected current(): FakeTable[] {
    const s = this.sheet();
    return this.model.tables.filter((t) => !s || t.sheetId === s.id).map((t) => new FakeTable(this.context, () => t));
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this.context.enqueue(() => {
      const where = typeof address === "string" ? this.model.resolve(address, this.sheet() ?? undefined) : address.where();
      created = this.model.addTable(where.sheet, where.area, hasHeaders);
    });
    return new FakeTable(this.context, () => {
      if (!created) throw new ExcelApiError("ItemNotFound", "The table was not created.");
      return created;
    });
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, () => {
      return requested(this.model.findTable(key) ?? this.model.tables.find((x) => x.id === key), "table", key);
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    const t = new FakeTable(this.context, () => this.model.findTable(key) ?? this.model.tables.find((x) => x.id === key) ?? null);
    t.resolveNullness();
    return t;
  }
}

/** Excel.TableScopedCollection ("Excel.TableScopedCollection class"): the tables of a range, getFirstOrNullObject. */
export class FakeTableScopedCollection extends FakeCollection<FakeTable> {
  constructor(
    context: BatchContext,
    private list: () => TableModel[],
  ) {
    super(context);
  }

  protected current(): FakeTable[] {
    return this.list().map((t) => new FakeTable(this.context, () => t));
  }

  getFirstOrNullObject(): FakeTable {
    const t = new FakeTable(this.context, () => this.list()[0] ?? null);
    t.resolveNullness();
    return t;
  }
}
registerProxy("TableScopedCollection", FakeTableScopedCollection);

/**
 * Excel.Table ("Excel.Table class", learn.microsoft.com): name (a set renames it and the
 * names that refer to it), id, showHeaders, rows, columns, its ranges, delete, convertToRange.
 */
export class FakeTable extends FakeObject {
  readonly rows: FakeTableRowCollection;
  readonly columns: FakeTableColumnCollection;
  readonly autoFilter: FakeAutoFilter;
  declare name: string;
  declare readonly id: string;
  declare readonly showHeaders: boolean;

  constructor(
    context: BatchContext,
    private locate: () => TableModel | null,
  ) {
    super(context);
    this.rows = new FakeTableRowCollection(context, () => this.table());
    this.columns = new FakeTableColumnCollection(context, () => this.table());
    this.autoFilter = new FakeAutoFilter(context, () => this.table());
  }

  /** Table.clearFilters (ExcelApi 1.2): shows every row again. */
  clearFilters(): void {
    this.act(() => this.model.clearTableFilter(this.table()));
  }

  table(): TableModel {
    return stillThere(this.locate(), this.model.tables, "table");
  }

  protected override exists(): boolean {
    return stillIn(this.locate(), this.model.tables);
  }

  /** The table's worksheet (an Excel.Worksheet; made through the registry, see proxy.ts). */
  get worksheet(): FakeObject {
    return makeProxy("Worksheet", this.context, () => this.model.sheetById(this.table().sheetId));
  }

  private rangeOf(f: (t: TableModel) => Area): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: this.model.sheetById(t.sheetId), area: f(t) };
    });
  }

  getRange(): FakeRange {
    return this.rangeOf((t) => t.area);
  }

  getHeaderRowRange(): FakeRange {
    return this.rangeOf((t) => ({ ...t.area, rowCount: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.rangeOf((t) => ({ ...t.area, row: t.area.row + 1, rowCount: t.area.rowCount - 1 }));
  }

  delete(): void {
    this.act(() => {
      const t = this.table();
      const sheet = this.model.sheetById(t.sheetId);
      this.model.assertEditable(sheet);
      for (let i = 0; i < t.area.rowCount; i++) for (let j = 0; j < t.area.colCount; j++) this.model.writeValue(sheet, t.area.row + i, t.area.col + j, null);
      this.model.tables = this.model.tables.filter((x) => x !== t);
    });
  }

  convertToRange(): FakeRange {
    const r = this.getRange();
    this.act(() => {
      const t = this.table();
      this.model.tables = this.model.tables.filter((x) => x !== t);
    });
    return r;
  }
}

FakeTable.withProperties({
  name: { read: (t) => t.table().name, write: (t, v) => t.model.renameTable(t.table(), v as string) },
  id: { read: (t) => t.table().id },
  showHeaders: { read: () => true },
});

/**
 * Excel.AutoFilter of a table ("Excel.AutoFilter class", ExcelApi 1.9), as far as reading and
 * clearing it: isDataFiltered (a filter hides rows), enabled (tables always show their filter
 * buttons in the stand-in), clearCriteria(). Applying criteria through the API is not modelled:
 * tests filter as the user does, with WorkbookModel.filterTable.
 */
export class FakeAutoFilter extends FakeObject {
  declare readonly isDataFiltered: boolean;
  declare readonly enabled: boolean;

  constructor(
    context: BatchContext,
    readonly table: () => TableModel,
  ) {
    super(context);
  }

  clearCriteria(): void {
    this.act(() => this.model.clearTableFilter(this.table()));
  }
}

FakeAutoFilter.withProperties({
  isDataFiltered: { read: (f) => isFiltered(f.table()) },
  enabled: { read: () => true },
});
