import { FakeChartCollection } from "./charts";
import { ExcelApiError, notLoaded, requested } from "./errors";
import { FakePageLayout } from "./pageLayout";
import type { SheetModel } from "./model";
import { BatchContext, EventSource, FakeObject, LoadSpec, parseSpec, registerProxy } from "./proxy";
import { FakeRange } from "./ranges";
import { FakeTableCollection } from "./tables";

/**
 * Excel.WorksheetCollection ("Excel.WorksheetCollection class", learn.microsoft.com): items,
 * add (a default name Sheet<n> when none is given), getItem / getItemOrNullObject by name or
 * id, getActiveWorksheet, onChanged and onSelectionChanged.
 */
export class FakeWorksheetCollection extends FakeObject {
  readonly onChanged: EventSource<unknown>;
  readonly onSelectionChanged: EventSource<unknown>;
  private itemsLoaded: FakeWorksheet[] | null = null;

  constructor(context: BatchContext) {
    super(context);
    this.onChanged = new EventSource(context, (h) => this.model.onChange(h));
    this.onSelectionChanged = new EventSource(context, (h) => this.model.onSelection(h));
  }

  protected override scalarNames(): string[] {
    return ["items"];
  }

  override load(spec?: LoadSpec): this {
    const names = (parseSpec(spec) ?? []).map((n) => n.replace(/^items\/?/, "")).filter(Boolean);
    this.context.enqueue(() => {
      this.itemsLoaded = this.model.sheets.map((s) => {
        const ws = new FakeWorksheet(this.context, () => s);
        ws.fillLoaded(names.length ? names : ["name", "id", "position"]);
        return ws;
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    const ws = new FakeWorksheet(this.context, () => {
      if (!created) throw new ExcelApiError("ItemNotFound", "The worksheet was not created.");
      return created;
    });
    this.context.enqueue(() => {
      let n = name;
      if (!n) {
        let i = this.model.sheets.length + 1;
        while (this.model.findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = this.model.addSheet(n);
    });
    return ws;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      return requested(this.model.findSheet(key) ?? this.model.sheets.find((x) => x.id === key), "worksheet", key);
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => this.model.findSheet(key) ?? this.model.sheets.find((x) => x.id === key) ?? null);
    ws.resolveNullness();
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      if (!this.model.activeSheetId) throw new ExcelApiError("ItemNotFound", "There is no active worksheet.");
      return this.model.sheetById(this.model.activeSheetId);
    });
  }
}

/**
 * Excel.Worksheet ("Excel.Worksheet class", learn.microsoft.com): name (a set renames, and
 * Excel rewrites the references to it), id, position, protection, tables, charts, ranges by
 * address or indexes, the used range, activate, delete, onChanged, and pageLayout (ExcelApi 1.9:
 * pageLayout.ts).
 */
export class FakeWorksheet extends FakeObject {
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly pageLayout: FakePageLayout;
  readonly onChanged: EventSource<unknown>;
  declare name: string;
  declare readonly id: string;
  declare readonly position: number;
  declare readonly visibility: string;

  constructor(
    context: BatchContext,
    private locate: () => SheetModel | null,
  ) {
    super(context);
    this.protection = new FakeWorksheetProtection(context, () => this.sheet());
    this.tables = new FakeTableCollection(context, () => this.sheet());
    this.charts = new FakeChartCollection(context, () => this.sheet());
    this.pageLayout = new FakePageLayout(context, () => this.sheet());
    this.onChanged = new EventSource(context, (h) => this.model.onChange((e) => e.worksheetId === this.locate()?.id && h(e)));
  }

  sheet(): SheetModel {
    const s = this.locate();
    if (!s) throw new ExcelApiError("ItemNotFound", "The worksheet doesn't exist.");
    return s;
  }

  /**
   * Navigating from a null object (a method of what *OrNullObject found missing) fails the
   * batch: an add-in must check isNullObject after a sync first.
   */
  private nonNull(): SheetModel {
    const s = this.locate();
    if (!s) throw new ExcelApiError("InvalidObjectPath", "The object path isn't working: the worksheet is a null object.");
    return s;
  }

  protected override exists(): boolean {
    return this.locate() !== null;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.nonNull();
      if (!address) return { sheet, area: { row: 0, col: 0, rowCount: 1_048_576, colCount: 16_384 } };
      const { sheet: target, area } = this.model.resolve(address, sheet);
      if (target !== sheet) throw new ExcelApiError("InvalidArgument", `The address '${address}' is on another sheet.`);
      return { sheet, area };
    });
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), area: { row, col, rowCount, colCount } }));
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, area: this.model.usedArea(sheet, valuesOnly) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = new FakeRange(this.context, () => {
      const sheet = this.nonNull();
      const area = this.model.usedArea(sheet, valuesOnly);
      return area ? { sheet, area } : null;
    });
    r.resolveNullness();
    return r;
  }

  activate(): void {
    this.act(() => {
      this.model.activeSheetId = this.sheet().id;
    });
  }

  delete(): void {
    this.act(() => this.model.deleteSheet(this.sheet()));
  }
}

FakeWorksheet.withProperties({
  name: { read: (ws) => ws.sheet().name, write: (ws, v) => ws.model.renameSheet(ws.sheet(), v as string) },
  id: { read: (ws) => ws.sheet().id },
  position: { read: (ws) => ws.model.sheets.indexOf(ws.sheet()) },
  visibility: { read: () => "Visible" },
});
registerProxy("Worksheet", FakeWorksheet);

/** Excel.WorksheetProtection ("Excel.WorksheetProtection class", learn.microsoft.com): protected, protect(), unprotect(). */
export class FakeWorksheetProtection extends FakeObject {
  declare readonly protected: boolean;

  constructor(
    context: BatchContext,
    readonly sheet: () => SheetModel,
  ) {
    super(context);
  }

  protect(): void {
    this.act(() => {
      this.sheet().protected = true;
    });
  }

  unprotect(): void {
    this.act(() => {
      this.sheet().protected = false;
    });
  }
}

FakeWorksheetProtection.withProperties({ protected: { read: (p) => p.sheet().protected } });
