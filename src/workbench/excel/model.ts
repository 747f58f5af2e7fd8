/**
 * The state of the in-memory Excel workbook: sheets of cells, tables, defined names,
 * conditional formats, settings, the selection, and change events. The proxy objects (api.ts
 * and the files it lists) read and write it only when a batch is synced, as Excel does.
 */
import { Area, intersection, parseAddress, qualified } from "../../core/excel/a1";
import { CallArgument, CustomFunctionCaller, FunctionRegistry, Host, NO_FUNCTIONS } from "./customFunctionHost";
import { ExcelApiError } from "./errors";
import { displayedFormat, ruleHolds } from "./conditionalFormatRules";
import { growArea, renameSheetInFormula, rewriteRefs, rewriteRowRefs, escapeRegExp, shrinkArea } from "./rowShift";
import { assertUnfiltered, clearFilter, filterRows } from "./tableFilters";
import * as edits from "./tableEdits";
import { CHART_TYPES } from "./types";
import type { Cell, CellValue, ChangeEvent, ChartModel, ConditionalFormatModel, NameModel, SelectionEvent, SheetModel, TableModel } from "./types";
import { checkNameReference, strictAddress, strictStructured } from "./references";
import { isReferenceFormula } from "./namedFormulas";
import { evaluateArray, evaluateFormula, FormulaErrorValue, FormulaHost, Reference, Scalar } from "./formula";

/** Re-exported for the importers that know them from here. */
export { ExcelApiError };
export { CHART_TYPES } from "./types";
export type { CellValue, Cell, SheetModel, TableModel, ChartModel, NameModel, CfOperator, ConditionalFormatModel, ChangeEvent, SelectionEvent } from "./types";

type Listener<E> = (event: E) => void;

const key = (row: number, col: number) => `${row},${col}`;

export class WorkbookModel implements FormulaHost {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  /** In priority order: index 0 is applied first. */
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  settings = new Map<string, unknown>();
  selection: { sheetId: string; area: Area } | null = null;
  activeSheetId: string | null = null;
  syncCount = 0;
  private nextId = 1;
  private changeListeners = new Set<Listener<ChangeEvent>>();
  private selectionListeners = new Set<Listener<SelectionEvent>>();
  /** The user is typing in a cell (context.ts: batches fail or wait, as in Excel's cell-edit mode). */
  private editing: Promise<void> | null = null;
  private endEditing: (() => void) | null = null;

  get cellEditing(): boolean {
    return this.editing !== null;
  }

  /** Puts the workbook in or out of cell-edit mode, as the user starting and ending a cell edit. */
  setCellEditing(on: boolean): void {
    if (on && !this.editing) this.editing = new Promise((done) => (this.endEditing = done));
    if (!on && this.editing) {
      this.endEditing?.();
      this.editing = null;
      this.endEditing = null;
    }
  }

  /** Resolves when the user leaves cell-edit mode. */
  cellEditEnded(): Promise<void> {
    return this.editing ?? Promise.resolve();
  }

  /** Called before each sync's batch runs; tests use it to interleave edits with a batch. */
  beforeSync: (() => void | Promise<unknown>) | null = null;
  /** Add-in worksheet functions, as Excel registers custom functions from functions.json. */
  functions: FunctionRegistry = NO_FUNCTIONS;
  /** Which Excel the workbook behaves as where hosts differ (customFunctionHost.ts, api.ts limits). */
  host: Host = "web";
  private calculationListeners = new Set<() => void>();
  private readonly caller = new CustomFunctionCaller(
    () => this.functions,
    () => this.host,
    () => {
      this.spills = null;
      for (const l of [...this.calculationListeners]) l();
    },
  );

  functionNames(): string[] {
    return Object.keys(this.functions.functions);
  }

  callFunction(name: string, args: CallArgument[]): unknown {
    return this.caller.call(name, args);
  }

  /** Called when an asynchronous function's result arrives and cells show new values. */
  onCalculated(listener: () => void): () => void {
    this.calculationListeners.add(listener);
    return () => this.calculationListeners.delete(listener);
  }
  /** Values spilled by dynamic-array formulas, by sheet id and cell; rebuilt after every change. */
  private spills: Map<string, Map<string, CellValue | FormulaErrorValue>> | null = null;
  private spillAnchors = new Map<string, FormulaErrorValue>();

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  // ---------------------------------------------------------------- sheets
  addSheet(name: string): SheetModel {
    validateSheetName(name);
    if (this.findSheet(name)) throw new ExcelApiError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const sheet: SheetModel = { id: this.newId("sheet"), name, cells: new Map(), protected: false };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): SheetModel {
    const sheet = this.sheets.find((s) => s.id === id);
    if (!sheet) throw new ExcelApiError("ItemNotFound", "The worksheet was deleted.");
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    validateSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new ExcelApiError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const old = sheet.name;
    sheet.name = name;
    this.invalidate();
    // Excel rewrites every reference to the sheet, in names and in formulas.
    const rename = (formula: string) => renameSheetInFormula(formula, old, name);
    for (const n of this.names) n.formula = rename(n.formula);
    for (const s of this.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = rename(c.formula);
  }

  deleteSheet(sheet: SheetModel): void {
    this.invalidate();
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.conditionalFormats = this.conditionalFormats.filter((f) => f.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id);
    for (const n of this.names) n.formula = rewriteRefs(n.formula, sheet.name, () => null);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
  }

  /** Resolves an address (qualified or on `defaultSheet`) to a sheet and area. */
  resolve(address: string, defaultSheet?: SheetModel): { sheet: SheetModel; area: Area } {
    const parsed = strictAddress(address);
    const sheet = parsed.sheet !== undefined ? this.findSheet(parsed.sheet) : defaultSheet;
    if (!sheet) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: '${address}'.`);
    return { sheet, area: { row: parsed.row, col: parsed.col, rowCount: parsed.rowCount, colCount: parsed.colCount } };
  }

  // ---------------------------------------------------------------- cells
  cellAt(sheet: SheetModel, row: number, col: number): Cell | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** The value Excel shows: a constant, a formula's result, a spilled value, or "" for an empty cell. */
  valueAt(sheet: SheetModel, row: number, col: number, depth = 0): CellValue | FormulaErrorValue {
    const c = sheet.cells.get(key(row, col));
    if (!c || (c.formula === undefined && c.value === undefined)) {
      if (depth > 0) return c?.value ?? "";
      return this.spilled(sheet).get(key(row, col)) ?? "";
    }
    if (c.formula !== undefined) {
      if (depth > 50) return new FormulaErrorValue("#CALC!");
      if (depth === 0) {
        this.spilled(sheet);
        const blocked = this.spillAnchors.get(`${sheet.id}:${key(row, col)}`);
        if (blocked) return blocked;
      }
      this.evaluationDepth = depth + 1;
      const v = evaluateFormula(this, sheet.name, row, col, c.formula);
      this.evaluationDepth = 0;
      return v === null ? 0 : v;
    }
    return c.value ?? "";
  }

  /**
   * Dynamic arrays: a formula whose result is larger than one cell spills into the empty cells
   * below and to its right, or shows #SPILL! when one of them is not empty.
   */
  private spilled(sheet: SheetModel): Map<string, CellValue | FormulaErrorValue> {
    if (!this.spills) {
      this.spills = new Map();
      this.spillAnchors.clear();
      for (const s of this.sheets) {
        const values = new Map<string, CellValue | FormulaErrorValue>();
        for (const [k, c] of s.cells) {
          if (c.formula === undefined) continue;
          const [r, col] = k.split(",").map(Number);
          this.evaluationDepth = 1;
          const result = evaluateArray(this, s.name, r, col, c.formula);
          this.evaluationDepth = 0;
          if (result.length === 1 && result[0].length === 1) continue;
          const cells: [string, CellValue | FormulaErrorValue][] = [];
          let blocked = false;
          result.forEach((line, i) =>
            line.forEach((v, j) => {
              if (i === 0 && j === 0) return;
              const target = s.cells.get(key(r + i, col + j));
              if (target && (target.value !== undefined || target.formula !== undefined)) blocked = true;
              cells.push([key(r + i, col + j), v === null ? 0 : v]);
            }),
          );
          if (blocked) this.spillAnchors.set(`${s.id}:${k}`, new FormulaErrorValue("#SPILL!"));
          else for (const [target, v] of cells) values.set(target, v);
        }
        this.spills.set(s.id, values);
      }
    }
    return this.spills.get(sheet.id) ?? new Map();
  }

  private evaluationDepth = 0;

  cell(sheetName: string, row: number, col: number): Scalar | FormulaErrorValue {
    const sheet = this.findSheet(sheetName);
    if (!sheet) return new FormulaErrorValue("#REF!");
    const v = this.valueAt(sheet, row, col, this.evaluationDepth);
    return v === "" ? null : v;
  }

  resolveName(name: string): Reference | null {
    if (/^[A-Za-z_\\][\w.\\]*\[/.test(name)) {
      try {
        const { table, column } = strictStructured(name);
        return this.structuredReference(table, column);
      } catch {
        return null;
      }
    }
    const found = this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!found) return null;
    const target = this.nameTarget(found);
    return target ? { sheet: target.sheet.name, ...target.area } : null;
  }

  /**
   * Writes one cell the way Excel's Range.values does (Range.values reference: "If the value
   * starts with a plus, minus, or equal sign, Excel interprets this value as a formula"):
   * numeric text becomes a number, "TRUE"/"FALSE" a boolean, a leading apostrophe keeps text,
   * and a cell formatted as Text ("@") keeps whatever it is given as text.
   */
  writeValue(sheet: SheetModel, row: number, col: number, input: unknown): void {
    this.assertEditable(sheet);
    const existing = sheet.cells.get(key(row, col)) ?? {};
    const next: Cell = { numberFormat: existing.numberFormat, fill: existing.fill, fontColor: existing.fontColor, borders: existing.borders };
    const asText = existing.numberFormat === "@";
    if (typeof input === "string" && !asText) {
      if (input.trim() !== "" && Number.isFinite(Number(input))) next.value = Number(input);
      else if (input.startsWith("=") && input.length > 1) next.formula = input;
      else if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) next.formula = `=${input}`;
      else if (input.startsWith("'")) next.value = input.slice(1);
      else if (/^(true|false)$/i.test(input)) next.value = input.toLowerCase() === "true";
      else if (input !== "") next.value = input;
    } else if (typeof input === "number" || typeof input === "boolean") {
      next.value = input;
    } else if (typeof input === "string" && input !== "") {
      next.value = input;
    } else if (input !== null && input !== undefined && input !== "") {
      throw new ExcelApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${String(input)}.`);
    }
    this.store(sheet, row, col, next);
  }

  writeFormula(sheet: SheetModel, row: number, col: number, input: unknown): void {
    if (typeof input === "string" && input.startsWith("=")) {
      this.assertEditable(sheet);
      const existing = sheet.cells.get(key(row, col)) ?? {};
      this.store(sheet, row, col, { numberFormat: existing.numberFormat, fill: existing.fill, fontColor: existing.fontColor, borders: existing.borders, formula: input });
    } else this.writeValue(sheet, row, col, input);
  }

  formulaAt(sheet: SheetModel, row: number, col: number): CellValue {
    const c = sheet.cells.get(key(row, col));
    if (!c) return "";
    return c.formula ?? c.value ?? "";
  }

  setFormat(sheet: SheetModel, row: number, col: number, change: Partial<Pick<Cell, "fill" | "fontColor" | "numberFormat" | "borders">>): void {
    this.assertEditable(sheet);
    const c = { ...(sheet.cells.get(key(row, col)) ?? {}), ...change };
    this.store(sheet, row, col, c);
  }

  private store(sheet: SheetModel, row: number, col: number, c: Cell): void {
    this.invalidate();
    const empty = c.value === undefined && c.formula === undefined && !c.fill && !c.fontColor && !c.numberFormat && !c.borders;
    if (empty) sheet.cells.delete(key(row, col));
    else sheet.cells.set(key(row, col), c);
  }

  assertEditable(sheet: SheetModel): void {
    if (sheet.protected) {
      throw new ExcelApiError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    }
  }

  /** The used range: the smallest area holding every non-empty cell, or null. */
  usedArea(sheet: SheetModel, valuesOnly = false): Area | null {
    let minR = Infinity;
    let minC = Infinity;
    let maxR = -1;
    let maxC = -1;
    for (const [k, c] of sheet.cells) {
      if (valuesOnly && c.value === undefined && c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
      minR = Math.min(minR, r);
      minC = Math.min(minC, col);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, col);
    }
    return maxR < 0 ? null : { row: minR, col: minC, rowCount: maxR - minR + 1, colCount: maxC - minC + 1 };
  }

  // ---------------------------------------------------------------- rows
  /**
   * Values written into the rows right below a table, within its columns, join the table ("Coauthoring
   * in Excel add-ins", learn.microsoft.com: "Setting the Range values directly below the table
   * automatically expands the table"; the page recommends it over TableRowCollection.add).
   */
  expandTableOver(sheet: SheetModel, area: Area): void {
    for (const t of this.tables) {
      if (t.sheetId !== sheet.id || area.row !== t.area.row + t.area.rowCount) continue;
      if (area.col < t.area.col || area.col + area.colCount > t.area.col + t.area.colCount) continue;
      t.area = { ...t.area, rowCount: t.area.rowCount + area.rowCount };
    }
  }

  /** Inserts `count` whole rows before `at`, moving cells, tables, names and formats down. */
  insertRows(sheet: SheetModel, at: number, count: number): void {
    this.assertEditable(sheet);
    this.moveCells(sheet, (r) => (r >= at ? r + count : r));
    for (const t of this.tables.filter((x) => x.sheetId === sheet.id)) t.area = growArea(t.area, at, count);
    for (const f of this.conditionalFormats.filter((x) => x.sheetId === sheet.id)) f.area = growArea(f.area, at, count);
    this.shiftReferences(sheet.name, (r) => (r >= at ? r + count : r));
    this.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: `${at + 1}:${at + count}`, changeType: "RowInserted", source: "Local" });
  }

  /** Deletes whole rows [at, at+count): references wholly inside them become #REF!. */
  deleteRows(sheet: SheetModel, at: number, count: number): void {
    this.assertEditable(sheet);
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && at < t.area.row + t.area.rowCount && at + count > t.area.row) assertUnfiltered(t, "delete rows");
    }
    const end = at + count;
    for (const k of [...sheet.cells.keys()]) if (Number(k.split(",")[0]) >= at && Number(k.split(",")[0]) < end) sheet.cells.delete(k);
    this.moveCells(sheet, (r) => (r >= end ? r - count : r));
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id || shrinkArea(t.area, at, count) !== null);
    for (const t of this.tables.filter((x) => x.sheetId === sheet.id)) t.area = shrinkArea(t.area, at, count)!;
    this.conditionalFormats = this.conditionalFormats.filter((f) => f.sheetId !== sheet.id || shrinkArea(f.area, at, count) !== null);
    for (const f of this.conditionalFormats.filter((x) => x.sheetId === sheet.id)) f.area = shrinkArea(f.area, at, count)!;
    this.shiftReferences(sheet.name, (r) => (r >= end ? r - count : r >= at ? null : r), at, count);
    this.emitChange({ type: "WorksheetChanged", worksheetId: sheet.id, address: `${at + 1}:${end}`, changeType: "RowDeleted", source: "Local" });
  }

  /** Forgets computed spills; the next read recomputes them. */
  invalidate(): void {
    this.spills = null;
    this.caller.forget();
  }

  private moveCells(sheet: SheetModel, map: (row: number) => number): void {
    this.invalidate();
    const moved = new Map<string, Cell>();
    for (const [k, c] of sheet.cells) {
      const [r, col] = k.split(",").map(Number);
      moved.set(key(map(r), col), c);
    }
    sheet.cells = moved;
  }

  private shiftReferences(sheetName: string, map: (row: number) => number | null, deletedAt?: number, deletedCount?: number): void {
    const rewrite = (formula: string) => rewriteRowRefs(formula, sheetName, map, deletedAt, deletedCount);
    for (const n of this.names) n.formula = rewrite(n.formula);
  }

  // ---------------------------------------------------------------- tables
  addChart(sheet: SheetModel, type: string, source: { sheet: SheetModel; area: Area }): ChartModel {
    this.assertEditable(sheet);
    if (!(CHART_TYPES as readonly string[]).includes(type)) throw new ExcelApiError("InvalidArgument", `The chart type '${type}' is not one the stand-in draws.`);
    const chart: ChartModel = { id: this.newId("chart"), sheetId: sheet.id, name: `Chart ${this.charts.length + 1}`, type, source: { sheetId: source.sheet.id, area: source.area }, title: "", position: null };
    this.charts.push(chart);
    return chart;
  }

  deleteChart(chart: ChartModel): void {
    this.assertEditable(this.sheetById(chart.sheetId));
    this.charts = this.charts.filter((c) => c !== chart);
  }

  addTable(sheet: SheetModel, area: Area, hasHeaders: boolean): TableModel {
    return edits.addTable(this, sheet, area, hasHeaders);
  }

  /** The user filters a table's column (tableFilters.ts): rows whose value fails `keep` are hidden. */
  filterTable(table: TableModel, column: string, keep: (v: CellValue | null) => boolean): void {
    const sheet = this.sheetById(table.sheetId);
    const c = table.columns.findIndex((x) => x.toLowerCase() === column.toLowerCase());
    if (c < 0) throw new ExcelApiError("ItemNotFound", `The table has no column '${column}'.`);
    const values = Array.from({ length: table.area.rowCount - 1 }, (_, i) => {
      const v = this.valueAt(sheet, table.area.row + 1 + i, table.area.col + c);
      return v instanceof FormulaErrorValue || v === "" ? null : v;
    });
    filterRows(table, values, keep);
  }

  clearTableFilter(table: TableModel): void {
    clearFilter(table);
  }

  findTable(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  renameTable(table: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][\w.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new ExcelApiError("InvalidArgument", `'${name}' is not a valid table name.`);
    }
    const other = this.findTable(name) ?? this.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (other && other !== table) throw new ExcelApiError("InvalidArgument", `The name '${name}' is already in use.`);
    const old = table.name;
    table.name = name;
    for (const n of this.names) n.formula = n.formula.replace(new RegExp(`(^=|[^\\w.])${escapeRegExp(old)}\\[`, "g"), `$1${name}[`);
  }

  /** Appends (or inserts at `index`) rows into the table, shifting the cells below it down. */
  /**
   * Adds a column at the right end of a table (TableColumnCollection.add with no index; see the
   * API note in api.ts). Excel grows the table into the next column; what it does with cells
   * already there is not documented, so the stand-in refuses when any is occupied (a guess, on
   * the strict side): the add-in checks first and never relies on either behaviour.
   */
  addTableColumnAtEnd(table: TableModel, name: string): void {
    edits.addTableColumnAtEnd(this, table, name);
  }

  removeTableColumnAtEnd(table: TableModel): void {
    edits.removeTableColumnAtEnd(this, table);
  }

  addTableRows(table: TableModel, index: number | null, rows: unknown[][]): void {
    edits.addTableRows(this, table, index, rows);
  }

  deleteTableRow(table: TableModel, index: number): void {
    edits.deleteTableRow(this, table, index);
  }

  private structuredReference(tableName: string, column: string): Reference | null {
    const table = this.findTable(tableName);
    if (!table) return null;
    const sheet = this.sheetById(table.sheetId);
    const c = table.columns.findIndex((x) => x.toLowerCase() === column.toLowerCase());
    if (c < 0) return null;
    return { sheet: sheet.name, row: table.area.row + 1, col: table.area.col + c, rowCount: table.area.rowCount - 1, colCount: 1 };
  }

  // ---------------------------------------------------------------- names
  addName(name: string, formula: string, comment = ""): NameModel {
    if (!/^[A-Za-z_\\][\w.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name)) {
      throw new ExcelApiError("InvalidArgument", `'${name}' is not a valid name.`);
    }
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) || this.findTable(name)) {
      throw new ExcelApiError("ItemAlreadyExists", `The name '${name}' already exists.`);
    }
    checkNameReference(formula);
    this.invalidate();
    const model = { name, formula: formula.startsWith("=") ? formula : `=${formula}`, comment };
    this.names.push(model);
    return model;
  }

  /**
   * The formula of a name that does not stand for a range (namedFormulas.ts), evaluated where
   * it is used; a reference to a deleted sheet or #REF! evaluates to #REF!, as in Excel.
   */
  nameExpression(name: string): string | null {
    const found = this.findName(name);
    return !found || this.nameTarget(found) ? null : found.formula;
  }

  findName(name: string): NameModel | undefined {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** The range a name refers to, or null when it refers to #REF! or nothing. */
  nameTarget(n: NameModel): { sheet: SheetModel; area: Area } | null {
    const body = n.formula.replace(/^=/, "");
    // A formula that is not a plain reference (=KPI_X*2) is no range, whatever parseAddress makes of it.
    if (body.includes("#REF!") || !isReferenceFormula(body)) return null;
    if (/^[A-Za-z_\\][\w.\\]*\[/.test(body)) {
      const ref = this.resolveName(body);
      return ref ? { sheet: this.findSheet(ref.sheet)!, area: ref } : null;
    }
    try {
      const parsed = parseAddress(body);
      const sheet = parsed.sheet !== undefined ? this.findSheet(parsed.sheet) : undefined;
      return sheet ? { sheet, area: parsed } : null;
    } catch {
      return null;
    }
  }

  // ---------------------------------------------------------------- conditional formats
  addConditionalFormat(sheet: SheetModel, area: Area, type: ConditionalFormatModel["type"]): ConditionalFormatModel {
    this.assertEditable(sheet);
    const format: ConditionalFormatModel = { id: this.newId("cf"), sheetId: sheet.id, area, type, stopIfTrue: false };
    // A new conditional format goes to the top of the priority list.
    this.conditionalFormats.unshift(format);
    return format;
  }

  deleteConditionalFormat(format: ConditionalFormatModel): void {
    this.assertEditable(this.sheetById(format.sheetId));
    this.conditionalFormats = this.conditionalFormats.filter((f) => f !== format);
  }

  formatsOverlapping(sheet: SheetModel, area: Area): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((f) => f.sheetId === sheet.id && intersection(f.area, area));
  }

  /** Whether a format's rule holds for one cell of its area (conditionalFormatRules.ts). */
  ruleHolds(format: ConditionalFormatModel, row: number, col: number): boolean {
    return ruleHolds(this, format, row, col);
  }

  /** The fill and font colour a cell shows: the first conditional format whose rule holds, else its own format. */
  displayedFormat(sheet: SheetModel, row: number, col: number): { fill: string | null; fontColor: string | null; formatId: string | null } {
    return displayedFormat(this, sheet, row, col);
  }

  // ---------------------------------------------------------------- events
  onChange(listener: Listener<ChangeEvent>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onSelection(listener: Listener<SelectionEvent>): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  emitChange(event: ChangeEvent): void {
    // Excel raises events after the operation, outside the batch that caused it.
    for (const l of [...this.changeListeners]) setTimeout(() => l(event), 0);
  }

  select(sheet: SheetModel, area: Area): void {
    this.selection = { sheetId: sheet.id, area };
    this.activeSheetId = sheet.id;
    const event: SelectionEvent = { type: "WorksheetSelectionChanged", worksheetId: sheet.id, address: qualified(sheet.name, area) };
    for (const l of [...this.selectionListeners]) setTimeout(() => l(event), 0);
  }
}

function validateSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new ExcelApiError("InvalidArgument", `'${name}' is not a valid sheet name.`);
  }
}

