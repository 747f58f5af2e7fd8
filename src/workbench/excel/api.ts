/**
 * The Excel JavaScript API subset KPI Lens uses, over the in-memory WorkbookModel, with
 * Excel's batching rules (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts):
 * - every call only queues an operation; `context.sync()` runs the queue in order, once per
 *   round trip, and counts it;
 * - a property can be read only after `load` and a `sync` (else PropertyNotLoaded);
 * - `getItem` of something missing fails the sync with ItemNotFound, `getItemOrNullObject`
 *   gives an object whose `isNullObject` is true after the sync;
 * - a failing operation rejects the sync; operations before it stay applied.
 * Objects are cast to the real Excel.* types by the workbench: the add-in code cannot tell.
 */
import { Area, contains, intersection, qualified } from "../../core/a1";
import { FormulaErrorValue } from "./formula";
import { checkNameReference } from "./references";
import { ChartModel, CfOperator, ConditionalFormatModel, ExcelApiError, NameModel, SheetModel, TableModel, WorkbookModel } from "./model";

type Op = () => void;

/**
 * Size limits of the Excel JavaScript API ("Resource limits and performance optimization for
 * Office Add-ins", learn.microsoft.com, Excel add-ins section):
 * - Excel on the web limits the payload of each request and each response to 5 MB and fails
 *   the call with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (the codes
 *   users report, e.g. speckle-excel issue #9; the limit is web-only: office-js-docs-pr #5333);
 * - on every platform a range is limited to five million cells for get operations
 *   (office-js-docs-pr #1423). The error code Excel gives for that is not documented; the one
 *   used here (ResponsePayloadSizeLimitExceeded) is a guess.
 * The payload is measured as the JSON of the values sent or returned, which is how the web
 * host carries them.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const GET_CELL_LIMIT = 5_000_000;

export function payloadSize(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly model: WorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Counts what a queued write sends to Excel. */
  sending(v: unknown): void {
    if (this.model.host === "web") this.requestBytes += payloadSize(v);
  }

  /** Counts what a read returns from Excel. */
  returning(v: unknown): void {
    if (this.model.host === "web") this.responseBytes += payloadSize(v);
  }

  async sync(): Promise<void> {
    this.model.syncCount++;
    this.model.beforeSync?.();
    const ops = this.queue;
    const sent = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    // A round trip: nothing runs until the caller yields.
    await Promise.resolve();
    if (sent > PAYLOAD_LIMIT_BYTES) {
      throw new ExcelApiError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    for (const op of ops) op();
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new ExcelApiError("ResponsePayloadSizeLimitExceeded", "The size of the payload exceeded the limit. Read the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.");
    }
  }
}

/** Runs a batch the way Excel.run does, against the model. */
export function runWith(model: WorkbookModel): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
  return async (batch) => batch(new FakeRequestContext(model) as unknown as Excel.RequestContext);
}

function notLoaded(name: string): ExcelApiError {
  return new ExcelApiError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Load specs: "a, b", ["a", "b"], "items/a" or { select: "a,b" }. */
function parseSpec(spec?: string | string[] | { select?: string | string[] }): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === "string") return spec.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseSpec(s) ?? []);
  return spec.select === undefined ? null : parseSpec(spec.select);
}

abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {}

  protected get model(): WorkbookModel {
    return this.context.model;
  }

  /** The scalar properties `load()` with no argument reads. */
  protected abstract scalarNames(): string[];
  /** Reads a property now (inside a sync). */
  protected abstract read(name: string): unknown;
  /** Whether the object exists now; null objects answer false. */
  protected exists(): boolean {
    return true;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const names = parseSpec(spec) ?? this.scalarNames();
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash > 0) {
        const child = (this as unknown as Record<string, FakeObject>)[name.slice(0, slash)];
        if (child instanceof FakeObject) child.load(name.slice(slash + 1));
        else if (name.startsWith("items/")) this.loadItems([name.slice(6)]);
        continue;
      }
    }
    const plain = names.filter((n) => !n.includes("/"));
    this.context.enqueue(() => {
      if (!this.exists()) {
        for (const n of plain) this.loaded.set(n, null);
        return;
      }
      for (const n of plain) {
        const v = this.read(n);
        this.context.returning(v);
        this.loaded.set(n, v);
      }
    });
    return this;
  }

  protected loadItems(_names: string[]): void {
    /* collections override */
  }

  protected got<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Sets a property: visible locally at once, applied to the workbook at the next sync. */
  protected write(name: string, v: unknown, apply: Op): void {
    this.loaded.set(name, v);
    this.context.sending(v);
    this.context.enqueue(() => {
      if (this.exists()) apply();
    });
  }

  protected act(apply: Op): void {
    this.context.enqueue(() => {
      if (this.exists()) apply();
    });
  }

  /** For *OrNullObject: isNullObject is known after the next sync. */
  resolveNullness(): void {
    this.context.enqueue(() => {
      this.nullState = !this.exists();
    });
  }

  /** Sets loaded properties now (a collection's load fills its items inside the sync). */
  fillLoaded(names: string[]): void {
    for (const n of names) {
      const slash = n.indexOf("/");
      if (slash > 0) {
        // "title/text": a child object's property, loaded on the child.
        const child = (this as unknown as Record<string, FakeObject>)[n.slice(0, slash)];
        if (child instanceof FakeObject) child.fillLoaded([n.slice(slash + 1)]);
        continue;
      }
      const v = this.read(n);
      this.context.returning(v);
      this.loaded.set(n, v);
    }
  }

  /** What load() with no argument reads. */
  defaults(): string[] {
    return this.scalarNames();
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** An event of the API: handlers run after the change, outside any batch (EventHandlers.add). */
class EventSource<E> {
  constructor(
    private context: FakeRequestContext,
    private subscribe: (handler: (e: E) => void) => () => void,
  ) {}
  add(handler: (e: E) => Promise<unknown> | void): { remove: () => void; context: FakeRequestContext } {
    let off: (() => void) | null = null;
    this.context.enqueue(() => {
      off = this.subscribe((e) => void handler(e));
    });
    return { remove: () => this.context.enqueue(() => off?.()), context: this.context };
  }
}

// ------------------------------------------------------------------ workbook
export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly onSelectionChanged: EventSource<unknown>;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, () => null);
    this.names = new FakeNamedItemCollection(context);
    this.settings = new FakeSettingCollection(context);
    this.onSelectionChanged = new EventSource(context, (h) => this.model.onSelection(h));
  }

  protected scalarNames(): string[] {
    return ["name"];
  }

  protected read(name: string): unknown {
    if (name === "name") return "Workbook";
    return undefined;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.model.selection;
      if (!sel) throw new ExcelApiError("ItemNotFound", "Nothing is selected.");
      return { sheet: this.model.sheetById(sel.sheetId), area: sel.area };
    });
  }

  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.model.selection;
      if (!sel) throw new ExcelApiError("ItemNotFound", "Nothing is selected.");
      return { sheet: this.model.sheetById(sel.sheetId), area: { ...sel.area, rowCount: 1, colCount: 1 } };
    });
  }
}

// ------------------------------------------------------------------ worksheets
export class FakeWorksheetCollection extends FakeObject {
  readonly onChanged: EventSource<unknown>;
  readonly onSelectionChanged: EventSource<unknown>;
  private itemsLoaded: FakeWorksheet[] | null = null;

  constructor(context: FakeRequestContext) {
    super(context);
    this.onChanged = new EventSource(context, (h) => this.model.onChange(h));
    this.onSelectionChanged = new EventSource(context, (h) => this.model.onSelection(h));
  }

  protected scalarNames(): string[] {
    return ["items"];
  }

  protected read(): unknown {
    return undefined;
  }

  override load(spec?: string | string[] | { select?: string | string[] }): this {
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
      const s = this.model.findSheet(key) ?? this.model.sheets.find((x) => x.id === key);
      if (!s) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: worksheet '${key}'.`);
      return s;
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

export class FakeWorksheet extends FakeObject {
  readonly protection: FakeWorksheetProtection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly onChanged: EventSource<unknown>;

  constructor(
    context: FakeRequestContext,
    private locate: () => SheetModel | null,
  ) {
    super(context);
    this.protection = new FakeWorksheetProtection(context, () => this.sheet());
    this.tables = new FakeTableCollection(context, () => this.sheet());
    this.charts = new FakeChartCollection(context, () => this.sheet());
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

  protected scalarNames(): string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected read(name: string): unknown {
    const s = this.sheet();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.model.sheets.indexOf(s);
      case "visibility":
        return "Visible";
      default:
        return undefined;
    }
  }

  get name(): string {
    return this.got("name");
  }

  set name(v: string) {
    this.write("name", v, () => this.model.renameSheet(this.sheet(), v));
  }

  get id(): string {
    return this.got("id");
  }

  get position(): number {
    return this.got("position");
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

export class FakeWorksheetProtection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private sheet: () => SheetModel,
  ) {
    super(context);
  }

  protected scalarNames(): string[] {
    return ["protected"];
  }

  protected read(name: string): unknown {
    return name === "protected" ? this.sheet().protected : undefined;
  }

  get protected(): boolean {
    return this.got("protected");
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

// ------------------------------------------------------------------ ranges
interface Located {
  sheet: SheetModel;
  area: Area;
}

export class FakeRange extends FakeObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeRequestContext,
    private locate: () => Located | null,
  ) {
    super(context);
    this.format = new FakeRangeFormat(context, () => this.where());
    this.conditionalFormats = new FakeConditionalFormatCollection(context, () => this.where(), () => this.locate() !== null);
  }

  where(): Located {
    const w = this.locate();
    if (!w) throw new ExcelApiError("ItemNotFound", "The range doesn't exist.");
    return w;
  }

  protected override exists(): boolean {
    return this.locate() !== null;
  }

  protected scalarNames(): string[] {
    return ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount", "rowIndex", "columnIndex"];
  }

  protected read(name: string): unknown {
    const { sheet, area } = this.where();
    const grid = <T>(f: (r: number, c: number) => T): T[][] => {
      if (area.rowCount * area.colCount > GET_CELL_LIMIT) {
        throw new ExcelApiError(
          "ResponsePayloadSizeLimitExceeded",
          `A range of more than ${GET_CELL_LIMIT.toLocaleString("en-US")} cells cannot be read at once (${qualified(sheet.name, area)}).`,
        );
      }
      return Array.from({ length: area.rowCount }, (_, i) => Array.from({ length: area.colCount }, (_, j) => f(area.row + i, area.col + j)));
    };
    switch (name) {
      case "address":
        return qualified(sheet.name, area);
      case "values":
        return grid((r, c) => {
          const v = this.model.valueAt(sheet, r, c);
          return v instanceof FormulaErrorValue ? v.code : v;
        });
      case "formulas":
        return grid((r, c) => this.model.formulaAt(sheet, r, c));
      case "numberFormat":
        return grid((r, c) => this.model.cellAt(sheet, r, c)?.numberFormat ?? "General");
      case "valueTypes":
        return grid((r, c) => {
          const v = this.model.valueAt(sheet, r, c);
          return v instanceof FormulaErrorValue ? "Error" : v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        });
      case "text":
        return grid((r, c) => {
          const v = this.model.valueAt(sheet, r, c);
          return v instanceof FormulaErrorValue ? v.code : String(v);
        });
      case "rowCount":
        return area.rowCount;
      case "columnCount":
        return area.colCount;
      case "rowIndex":
        return area.row;
      case "columnIndex":
        return area.col;
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.got("address");
  }
  get values(): unknown[][] {
    return this.got("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v, () => this.writeGrid(v, (s, r, c, x) => this.model.writeValue(s, r, c, x)));
  }
  get formulas(): unknown[][] {
    return this.got("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v, () => this.writeGrid(v, (s, r, c, x) => this.model.writeFormula(s, r, c, x)));
  }
  get numberFormat(): unknown[][] {
    return this.got("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.write("numberFormat", v, () => this.writeGrid(v, (s, r, c, x) => this.model.setFormat(s, r, c, { numberFormat: String(x) })));
  }
  get valueTypes(): string[][] {
    return this.got("valueTypes");
  }
  get text(): string[][] {
    return this.got("text");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.where().sheet);
  }

  /** Excel takes a grid of the range's shape, or one value for every cell. */
  private writeGrid(v: unknown, put: (s: SheetModel, r: number, c: number, x: unknown) => void): void {
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
    this.model.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: qualified(sheet.name, area), changeType: "RangeEdited", source: "Local" });
  }

  private derived(f: (w: Located) => Area | null): FakeRange {
    return new FakeRange(this.context, () => {
      const w = this.where();
      const area = f(w);
      if (!area) throw new ExcelApiError("InvalidArgument", "The range would lie outside the sheet.");
      if (area.row < 0 || area.col < 0 || area.rowCount < 1 || area.colCount < 1 || area.row + area.rowCount > 1_048_576 || area.col + area.colCount > 16_384) {
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
    return this.derived(({ area }) => ({ row: area.row, col: 0, rowCount: area.rowCount, colCount: 16_384 }));
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

  getTables(fullyContained = false): FakeTableScopedCollection {
    return new FakeTableScopedCollection(this.context, () => {
      const w = this.where();
      return this.model.tables.filter(
        (t) => t.sheetId === w.sheet.id && (fullyContained ? contains(w.area, t.area) : intersection(w.area, t.area) !== null),
      );
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
    this.act(() => {
      const w = this.where();
      if (shift !== "Down" || w.area.colCount !== 16_384) {
        throw new ExcelApiError("InvalidArgument", "The workbench inserts whole rows only (getEntireRow().insert('Down')).");
      }
      this.model.insertRows(w.sheet, w.area.row, w.area.rowCount);
    });
    return this;
  }

  delete(shift: string): void {
    this.act(() => {
      const w = this.where();
      if (shift !== "Up" || w.area.colCount !== 16_384) {
        throw new ExcelApiError("InvalidArgument", "The workbench deletes whole rows only (getEntireRow().delete('Up')).");
      }
      this.model.deleteRows(w.sheet, w.area.row, w.area.rowCount);
    });
  }

  clear(applyTo = "All"): void {
    this.act(() => {
      const { sheet, area } = this.where();
      for (let i = 0; i < area.rowCount; i++) {
        for (let j = 0; j < area.colCount; j++) {
          if (applyTo === "All" || applyTo === "Contents") this.model.writeValue(sheet, area.row + i, area.col + j, null);
          if (applyTo === "All" || applyTo === "Formats") this.model.setFormat(sheet, area.row + i, area.col + j, { fill: undefined, fontColor: undefined, numberFormat: undefined });
        }
      }
    });
  }
}

/** The subset of Excel.RangeAreas ("Excel.RangeAreas class", learn.microsoft.com) the add-in uses: cellCount. */
export class FakeRangeAreas extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private count: () => number | null,
  ) {
    super(context);
  }
  protected override exists(): boolean {
    return this.count() !== null;
  }
  protected scalarNames(): string[] {
    return ["cellCount"];
  }
  protected read(name: string): unknown {
    return name === "cellCount" ? this.count() : undefined;
  }
  get cellCount(): number {
    return this.got("cellCount");
  }
}

export class FakeRangeFormat extends FakeObject {
  readonly fill: FakeColour;
  readonly font: FakeColour;

  constructor(context: FakeRequestContext, where: () => Located) {
    super(context);
    const colourOf = (field: "fill" | "fontColor") => () => {
      const { sheet, area } = where();
      const first = this.model.cellAt(sheet, area.row, area.col)?.[field] ?? null;
      for (let i = 0; i < area.rowCount; i++) {
        for (let j = 0; j < area.colCount; j++) if ((this.model.cellAt(sheet, area.row + i, area.col + j)?.[field] ?? null) !== first) return null;
      }
      return first ?? (field === "fill" ? "#FFFFFF" : "#000000");
    };
    const setColour = (field: "fill" | "fontColor") => (colour: string | undefined) => {
      const { sheet, area } = where();
      for (let i = 0; i < area.rowCount; i++) for (let j = 0; j < area.colCount; j++) this.model.setFormat(sheet, area.row + i, area.col + j, { [field]: colour });
    };
    this.fill = new FakeColour(context, colourOf("fill"), setColour("fill"));
    this.font = new FakeColour(context, colourOf("fontColor"), setColour("fontColor"));
  }

  protected scalarNames(): string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }
}

export class FakeColour extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private get: () => string | null,
    private put: (colour: string | undefined) => void,
  ) {
    super(context);
  }

  protected scalarNames(): string[] {
    return ["color"];
  }

  protected read(name: string): unknown {
    return name === "color" ? this.get() : undefined;
  }

  get color(): string {
    return this.got("color");
  }

  set color(v: string) {
    this.write("color", v, () => this.put(normaliseColour(v)));
  }

  clear(): void {
    this.act(() => this.put(undefined));
  }
}

function normaliseColour(v: string): string {
  const named: Record<string, string> = { red: "#FF0000", green: "#008000", yellow: "#FFFF00", white: "#FFFFFF", black: "#000000", blue: "#0000FF" };
  return (named[v.toLowerCase()] ?? v).toUpperCase();
}

// ------------------------------------------------------------------ tables
abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private itemsLoaded: T[] | null = null;

  protected abstract current(): T[];

  protected scalarNames(): string[] {
    return ["items"];
  }

  protected read(): unknown {
    return undefined;
  }

  override load(spec?: string | string[] | { select?: string | string[] }): this {
    // "count" is the collection's own property ("Excel.TableRowCollection class": count, a
    // loadable property); the rest are its items'.
    const requested = parseSpec(spec) ?? [];
    const own = requested.filter((n) => n === "count");
    const names = requested.filter((n) => n !== "count").map((n) => n.replace(/^items\/?/, "")).filter((n) => n && n !== "items");
    this.context.enqueue(() => {
      for (const n of own) this.loaded.set(n, this.exists() ? this.current().length : 0);
      if (own.length > 0 && requested.length === own.length) return;
      if (!this.exists()) {
        this.itemsLoaded = [];
        return;
      }
      this.itemsLoaded = this.current();
      for (const item of this.itemsLoaded) item.fillLoaded(names.length ? names : item.defaults());
    });
    return this;
  }

  get items(): T[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }

  getCount(): { value: number } {
    const result = { value: NaN };
    this.context.enqueue(() => {
      result.value = this.exists() ? this.current().length : 0;
    });
    return result;
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable> {
  constructor(
    context: FakeRequestContext,
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
      const t = this.model.findTable(key) ?? this.model.tables.find((x) => x.id === key);
      if (!t) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: table '${key}'.`);
      return t;
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    const t = new FakeTable(this.context, () => this.model.findTable(key) ?? this.model.tables.find((x) => x.id === key) ?? null);
    t.resolveNullness();
    return t;
  }
}

export class FakeTableScopedCollection extends FakeCollection<FakeTable> {
  constructor(
    context: FakeRequestContext,
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

export class FakeTable extends FakeObject {
  readonly rows: FakeTableRowCollection;
  readonly columns: FakeTableColumnCollection;

  constructor(
    context: FakeRequestContext,
    private locate: () => TableModel | null,
  ) {
    super(context);
    this.rows = new FakeTableRowCollection(context, () => this.table());
    this.columns = new FakeTableColumnCollection(context, () => this.table());
  }

  table(): TableModel {
    const t = this.locate();
    if (!t || !this.model.tables.includes(t)) throw new ExcelApiError("ItemNotFound", "The table doesn't exist.");
    return t;
  }

  protected override exists(): boolean {
    const t = this.locate();
    return t !== null && this.model.tables.includes(t);
  }

  protected scalarNames(): string[] {
    return ["name", "id", "showHeaders"];
  }

  protected read(name: string): unknown {
    const t = this.table();
    if (name === "name") return t.name;
    if (name === "id") return t.id;
    if (name === "showHeaders") return true;
    return undefined;
  }

  get name(): string {
    return this.got("name");
  }

  set name(v: string) {
    this.write("name", v, () => this.model.renameTable(this.table(), v));
  }

  get id(): string {
    return this.got("id");
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.sheetById(this.table().sheetId));
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

export class FakeTableRowCollection extends FakeCollection<FakeTableRow> {
  constructor(
    context: FakeRequestContext,
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

export class FakeTableRow extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private table: () => TableModel,
    private indexOf: number | (() => number),
  ) {
    super(context);
  }

  private position(): number {
    const i = typeof this.indexOf === "number" ? this.indexOf : this.indexOf();
    const t = this.table();
    if (i < 0 || i >= t.area.rowCount - 1) throw new ExcelApiError("ItemNotFound", `The table has no row ${i}.`);
    return i;
  }

  protected scalarNames(): string[] {
    return ["index", "values"];
  }

  protected read(name: string): unknown {
    if (name === "index") return this.position();
    if (name === "values") return this.getRangeNow();
    return undefined;
  }

  private getRangeNow(): unknown[][] {
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

  get index(): number {
    return this.got("index");
  }

  get values(): unknown[][] {
    return this.got("values");
  }

  set values(v: unknown[][]) {
    this.write("values", v, () => {
      const t = this.table();
      const sheet = this.model.sheetById(t.sheetId);
      const row = t.area.row + 1 + this.position();
      if (v.length !== 1 || v[0].length !== t.area.colCount) throw new ExcelApiError("InvalidArgument", "The values don't match the row's size.");
      v[0].forEach((x, j) => this.model.writeValue(sheet, row, t.area.col + j, x));
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: this.model.sheetById(t.sheetId), area: { row: t.area.row + 1 + this.position(), col: t.area.col, rowCount: 1, colCount: t.area.colCount } };
    });
  }

  delete(): void {
    this.act(() => this.model.deleteTableRow(this.table(), this.position()));
  }
}

export class FakeTableColumnCollection extends FakeCollection<FakeTableColumn> {
  constructor(
    context: FakeRequestContext,
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

export class FakeTableColumn extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private table: () => TableModel,
    private indexOf: () => number,
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

  protected scalarNames(): string[] {
    return ["name", "index"];
  }

  protected read(name: string): unknown {
    const t = this.table();
    const i = this.indexOf();
    if (name === "name") return t.columns[i];
    if (name === "index") return i;
    if (name === "values") {
      const sheet = this.model.sheetById(t.sheetId);
      return Array.from({ length: t.area.rowCount }, (_, r) => {
        const v = this.model.valueAt(sheet, t.area.row + r, t.area.col + i);
        return [v instanceof FormulaErrorValue ? v.code : v];
      });
    }
    return undefined;
  }

  get name(): string {
    return this.got("name");
  }

  get index(): number {
    return this.got("index");
  }

  get values(): unknown[][] {
    return this.got("values");
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.table();
      return { sheet: this.model.sheetById(t.sheetId), area: { row: t.area.row + 1, col: t.area.col + this.indexOf(), rowCount: t.area.rowCount - 1, colCount: 1 } };
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

// ------------------------------------------------------------------ charts
/**
 * Charts, as learn.microsoft.com's "Excel.ChartCollection class" (ExcelApi 1.1) describes them:
 * add(type, sourceData, seriesBy), getItem/getItemOrNullObject by name ("If there are multiple
 * charts with the same name, the first one will be returned"), count; and "Excel.Chart class":
 * name, title.text, setPosition(startCell, endCell) (Microsoft Graph's "chart: setPosition": the
 * start cell is the chart's top-left, the end cell its bottom-right, on the chart's sheet), delete().
 * Stricter than Excel where unsure: only the chart types listed in the model are accepted
 * (Excel knows many more), and seriesBy must be one of "Auto", "Columns", "Rows" (ChartSeriesBy).
 * A guess, marked as such: that sourceData may lie on another sheet than the chart, as charts
 * made in Excel's own interface can; the reference neither allows nor forbids it.
 */
export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(
    context: FakeRequestContext,
    private sheet: () => SheetModel,
  ) {
    super(context);
  }

  protected current(): FakeChart[] {
    const s = this.sheet();
    return this.model.charts.filter((c) => c.sheetId === s.id).map((c) => new FakeChart(this.context, () => c));
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new ExcelApiError("InvalidArgument", `'${seriesBy}' is not a ChartSeriesBy value.`);
    let created: ChartModel | null = null;
    this.context.enqueue(() => {
      created = this.model.addChart(this.sheet(), type, sourceData.where());
    });
    return new FakeChart(this.context, () => created);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const c = this.find(name);
      if (!c) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: chart '${name}'.`);
      return c;
    });
  }

  getItemOrNullObject(name: string): FakeChart {
    const c = new FakeChart(this.context, () => this.find(name) ?? null);
    c.resolveNullness();
    return c;
  }

  private find(name: string): ChartModel | undefined {
    const s = this.sheet();
    return this.model.charts.find((c) => c.sheetId === s.id && c.name === name);
  }

  get count(): number {
    return this.got("count");
  }
}

export class FakeChart extends FakeObject {
  readonly title: FakeChartTitle;

  constructor(
    context: FakeRequestContext,
    private locate: () => ChartModel | null,
  ) {
    super(context);
    this.title = new FakeChartTitle(context, () => this.chart());
  }

  chart(): ChartModel {
    const c = this.locate();
    if (!c || !this.model.charts.includes(c)) throw new ExcelApiError("ItemNotFound", "The chart doesn't exist.");
    return c;
  }

  protected override exists(): boolean {
    const c = this.locate();
    return c !== null && this.model.charts.includes(c);
  }

  protected scalarNames(): string[] {
    return ["name", "id", "chartType"];
  }

  protected read(name: string): unknown {
    const c = this.chart();
    if (name === "name") return c.name;
    if (name === "id") return c.id;
    if (name === "chartType") return c.type;
    return undefined;
  }

  get name(): string {
    return this.got("name");
  }

  set name(v: string) {
    this.write("name", v, () => {
      // A guess on the strict side: an empty name is refused (the reference gives no rule).
      if (v.length === 0) throw new ExcelApiError("InvalidArgument", "A chart name cannot be empty.");
      this.chart().name = v;
    });
  }

  get chartType(): string {
    return this.got("chartType");
  }

  /** Covers the cells from startCell to endCell (on the chart's own sheet). */
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(() => {
      const c = this.chart();
      const sheet = this.model.sheetById(c.sheetId);
      const start = this.model.resolve(startCell, sheet);
      const end = endCell ? this.model.resolve(endCell, sheet) : start;
      if (start.sheet !== sheet || end.sheet !== sheet) throw new ExcelApiError("InvalidArgument", "A chart's position is on its own sheet.");
      c.position = { row: start.area.row, col: start.area.col, rowCount: end.area.row - start.area.row + 1, colCount: end.area.col - start.area.col + 1 };
    });
  }

  delete(): void {
    this.act(() => this.model.deleteChart(this.chart()));
  }
}

export class FakeChartTitle extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private chart: () => ChartModel,
  ) {
    super(context);
  }

  protected scalarNames(): string[] {
    return ["text"];
  }

  protected read(name: string): unknown {
    return name === "text" ? this.chart().title : undefined;
  }

  get text(): string {
    return this.got("text");
  }

  set text(v: string) {
    this.write("text", v, () => {
      this.chart().title = v;
    });
  }
}

// ------------------------------------------------------------------ names
export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  protected current(): FakeNamedItem[] {
    return this.model.names.map((n) => new FakeNamedItem(this.context, () => n));
  }

  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameModel | null = null;
    this.context.enqueue(() => {
      const formula = typeof reference === "string" ? reference : absoluteReference(reference.where());
      created = this.model.addName(name, formula, comment ?? "");
    });
    return new FakeNamedItem(this.context, () => {
      if (!created) throw new ExcelApiError("ItemNotFound", "The name was not created.");
      return created;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const n = this.model.findName(name);
      if (!n) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: name '${name}'.`);
      return n;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const n = new FakeNamedItem(this.context, () => this.model.findName(name) ?? null);
    n.resolveNullness();
    return n;
  }
}

function absoluteReference({ sheet, area }: Located): string {
  return `=${qualified(sheet.name, area, true)}`;
}

export class FakeNamedItem extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private locate: () => NameModel | null,
  ) {
    super(context);
  }

  private item(): NameModel {
    const n = this.locate();
    if (!n || !this.model.names.includes(n)) throw new ExcelApiError("ItemNotFound", "The name doesn't exist.");
    return n;
  }

  protected override exists(): boolean {
    const n = this.locate();
    return n !== null && this.model.names.includes(n);
  }

  protected scalarNames(): string[] {
    return ["name", "formula", "comment", "type", "value", "visible", "scope"];
  }

  protected read(name: string): unknown {
    const n = this.item();
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "type":
        return this.model.nameTarget(n) ? "Range" : "Error";
      case "value": {
        const t = this.model.nameTarget(n);
        return t ? qualified(t.sheet.name, t.area) : "#REF!";
      }
      case "visible":
        return true;
      case "scope":
        return "Workbook";
      default:
        return undefined;
    }
  }

  get name(): string {
    return this.got("name");
  }
  get formula(): string {
    return this.got("formula");
  }
  set formula(v: string) {
    this.write("formula", v, () => {
      checkNameReference(v);
      this.item().formula = v.startsWith("=") ? v : `=${v}`;
      this.model.invalidate();
    });
  }
  get comment(): string {
    return this.got("comment");
  }
  set comment(v: string) {
    this.write("comment", v, () => {
      this.item().comment = v;
    });
  }
  get type(): string {
    return this.got("type");
  }
  get value(): string {
    return this.got("value");
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.model.nameTarget(this.item());
      if (!t) throw new ExcelApiError("InvalidReference", "The name doesn't refer to a range (it refers to #REF!).");
      return t;
    });
  }

  getRangeOrNullObject(): FakeRange {
    const r = new FakeRange(this.context, () => (this.exists() ? this.model.nameTarget(this.item()) : null));
    r.resolveNullness();
    return r;
  }

  delete(): void {
    this.act(() => {
      const n = this.item();
      this.model.names = this.model.names.filter((x) => x !== n);
      this.model.invalidate();
    });
  }
}

// ------------------------------------------------------------------ settings
export class FakeSettingCollection extends FakeCollection<FakeSetting> {
  protected current(): FakeSetting[] {
    return [...this.model.settings.keys()].map((k) => new FakeSetting(this.context, k));
  }

  add(key: string, value: unknown): FakeSetting {
    this.context.enqueue(() => {
      // Settings hold JSON: what goes in comes back as a copy.
      this.model.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this.context, key);
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true);
  }

  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.context, key);
    s.resolveNullness();
    return s;
  }
}

export class FakeSetting extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private settingKey: string,
    private required = false,
  ) {
    super(context);
  }

  protected override exists(): boolean {
    const there = this.model.settings.has(this.settingKey);
    if (!there && this.required) throw new ExcelApiError("ItemNotFound", `The setting '${this.settingKey}' doesn't exist.`);
    return there;
  }

  protected scalarNames(): string[] {
    return ["key", "value"];
  }

  protected read(name: string): unknown {
    if (name === "key") return this.settingKey;
    if (name === "value") return JSON.parse(JSON.stringify(this.model.settings.get(this.settingKey) ?? null));
    return undefined;
  }

  get key(): string {
    return this.got("key");
  }

  get value(): unknown {
    return this.got("value");
  }

  set value(v: unknown) {
    this.write("value", v, () => this.model.settings.set(this.settingKey, JSON.parse(JSON.stringify(v))));
  }

  delete(): void {
    this.act(() => this.model.settings.delete(this.settingKey));
  }
}

// ------------------------------------------------------------------ conditional formats
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(
    context: FakeRequestContext,
    private where: () => Located,
    private present: () => boolean,
  ) {
    super(context);
  }

  /** The formats of a null range are an empty collection. */
  protected override exists(): boolean {
    return this.present();
  }

  protected current(): FakeConditionalFormat[] {
    const { sheet, area } = this.where();
    return this.model.formatsOverlapping(sheet, area).map((f) => new FakeConditionalFormat(this.context, () => f));
  }

  add(type: string): FakeConditionalFormat {
    if (type !== "Custom" && type !== "CellValue") {
      throw new ExcelApiError("NotImplemented", `The workbench models Custom and CellValue conditional formats, not ${type}.`);
    }
    let created: ConditionalFormatModel | null = null;
    this.context.enqueue(() => {
      const { sheet, area } = this.where();
      created = this.model.addConditionalFormat(sheet, area, type);
    });
    return new FakeConditionalFormat(this.context, () => created);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet, area } = this.where();
      return this.model.formatsOverlapping(sheet, area)[index] ?? null;
    });
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => this.model.conditionalFormats.find((f) => f.id === id) ?? null);
  }

  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.where();
      for (const f of this.model.formatsOverlapping(sheet, area)) this.model.deleteConditionalFormat(f);
    });
  }
}

export class FakeConditionalFormat extends FakeObject {
  readonly custom: FakeCustomConditionalFormat;
  readonly cellValue: FakeCellValueConditionalFormat;

  constructor(
    context: FakeRequestContext,
    private locate: () => ConditionalFormatModel | null,
  ) {
    super(context);
    this.custom = new FakeCustomConditionalFormat(context, () => this.format());
    this.cellValue = new FakeCellValueConditionalFormat(context, () => this.format());
  }

  format(): ConditionalFormatModel {
    const f = this.locate();
    if (!f || !this.model.conditionalFormats.includes(f)) throw new ExcelApiError("ItemNotFound", "The conditional format doesn't exist.");
    return f;
  }

  override fillLoaded(names: string[]): void {
    for (const n of names) {
      const slash = n.indexOf("/");
      if (slash > 0) {
        const child = (this as unknown as Record<string, FakeObject>)[n.slice(0, slash)];
        (child as unknown as { fillPath(p: string): void }).fillPath(n.slice(slash + 1));
      } else this.loaded.set(n, this.read(n));
    }
  }

  protected scalarNames(): string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }

  protected read(name: string): unknown {
    const f = this.format();
    switch (name) {
      case "id":
        return f.id;
      case "type":
        return f.type;
      case "priority":
        return this.model.conditionalFormats.filter((x) => x.sheetId === f.sheetId).indexOf(f);
      case "stopIfTrue":
        return f.stopIfTrue;
      default:
        return undefined;
    }
  }

  get id(): string {
    return this.got("id");
  }
  get type(): string {
    return this.got("type");
  }
  get priority(): number {
    return this.got("priority");
  }
  set priority(v: number) {
    this.write("priority", v, () => {
      const f = this.format();
      const same = this.model.conditionalFormats.filter((x) => x.sheetId === f.sheetId && x !== f);
      same.splice(Math.max(0, Math.min(v, same.length)), 0, f);
      const others = this.model.conditionalFormats.filter((x) => x.sheetId !== f.sheetId);
      this.model.conditionalFormats = [...same, ...others];
    });
  }
  get stopIfTrue(): boolean {
    return this.got("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this.write("stopIfTrue", v, () => {
      this.format().stopIfTrue = v;
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const f = this.format();
      return { sheet: this.model.sheetById(f.sheetId), area: f.area };
    });
  }

  delete(): void {
    this.act(() => this.model.deleteConditionalFormat(this.format()));
  }
}

/** A leaf object whose properties map straight onto fields of the format model. */
class FakeFields extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private fields: Record<string, { get: () => unknown; set?: (v: unknown) => void }>,
  ) {
    super(context);
    for (const name of Object.keys(fields)) {
      Object.defineProperty(this, name, {
        get: () => this.got(name),
        set: (v: unknown) => {
          const field = this.fields[name];
          if (!field.set) throw new ExcelApiError("InvalidArgument", `${name} is read-only.`);
          this.write(name, v, () => field.set!(v));
        },
      });
    }
  }

  fillPath(path: string): void {
    this.loaded.set(path, this.read(path));
  }

  protected scalarNames(): string[] {
    return Object.keys(this.fields);
  }

  protected read(name: string): unknown {
    return this.fields[name]?.get();
  }
}

class FakeConditionalFormatLook extends FakeObject {
  readonly fill: FakeFields;
  readonly font: FakeFields;

  constructor(context: FakeRequestContext, format: () => ConditionalFormatModel) {
    super(context);
    this.fill = new FakeFields(context, {
      color: { get: () => format().fill ?? null, set: (v) => (format().fill = normaliseColour(String(v))) },
    });
    this.font = new FakeFields(context, {
      color: { get: () => format().fontColor ?? null, set: (v) => (format().fontColor = normaliseColour(String(v))) },
    });
  }

  fillPath(path: string): void {
    const [head, rest] = [path.slice(0, path.indexOf("/")), path.slice(path.indexOf("/") + 1)];
    (head === "fill" ? this.fill : this.font).fillPath(rest);
  }

  protected scalarNames(): string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }
}

export class FakeCustomConditionalFormat extends FakeObject {
  readonly rule: FakeFields;
  readonly format: FakeConditionalFormatLook;

  constructor(context: FakeRequestContext, format: () => ConditionalFormatModel) {
    super(context);
    this.rule = new FakeFields(context, {
      formula: {
        get: () => {
          const f = format();
          if (f.type !== "Custom") throw new ExcelApiError("InvalidOperation", "This operation isn't allowed for a conditional format that is not of type Custom.");
          return f.formula ?? null;
        },
        set: (v) => {
          const f = format();
          if (f.type !== "Custom") throw new ExcelApiError("InvalidOperation", "This conditional format is not a custom format.");
          f.formula = String(v);
        },
      },
    });
    this.format = new FakeConditionalFormatLook(context, format);
  }

  fillPath(path: string): void {
    const head = path.slice(0, path.indexOf("/"));
    const rest = path.slice(path.indexOf("/") + 1);
    (head === "rule" ? this.rule : this.format).fillPath(rest);
  }

  protected scalarNames(): string[] {
    return [];
  }

  protected read(): unknown {
    return undefined;
  }
}

export class FakeCellValueConditionalFormat extends FakeObject {
  readonly format: FakeConditionalFormatLook;

  constructor(
    context: FakeRequestContext,
    private formatModel: () => ConditionalFormatModel,
  ) {
    super(context);
    this.format = new FakeConditionalFormatLook(context, formatModel);
  }

  fillPath(path: string): void {
    if (path === "rule") this.loaded.set("rule", this.read("rule"));
    else this.format.fillPath(path.slice(path.indexOf("/") + 1));
  }

  protected scalarNames(): string[] {
    return ["rule"];
  }

  protected read(name: string): unknown {
    const f = this.formatModel();
    return name === "rule" ? { operator: f.operator, formula1: f.formula1, formula2: f.formula2 } : undefined;
  }

  get rule(): { operator: string; formula1: string; formula2?: string } {
    return this.got("rule");
  }

  set rule(v: { operator: string; formula1: string; formula2?: string }) {
    this.write("rule", v, () => {
      const f = this.formatModel();
      if (f.type !== "CellValue") throw new ExcelApiError("InvalidOperation", "This conditional format is not a cell-value format.");
      f.operator = v.operator as CfOperator;
      f.formula1 = String(v.formula1);
      f.formula2 = v.formula2 === undefined ? undefined : String(v.formula2);
    });
  }
}
