/**
 * The state of the in-memory Excel workbook: sheets of cells, tables, defined names,
 * conditional formats, settings, the selection, and change events. The proxy objects (api.ts
 * and the files it lists) read and write it only when a batch is synced, as Excel does.
 *
 * The class holds the state and answers for its cells; the rules of each edit live beside it,
 * each method naming its file: cellInput.ts (what a written value becomes), spills.ts (dynamic
 * arrays), usedAreas.ts, sheetEdits.ts, rowEdits.ts (row shifting), tableEdits.ts,
 * definedNames.ts, conditionalFormatRules.ts (conditional-format evaluation), keptValues.ts (formula
 * results kept between reads); modelEvents.ts (events, the selection, cell-edit mode) is its base.
 */
import { Area, intersection } from "../../core/excel/a1";
import { cellFromValue, keptFormats } from "./cellInput";
import { displayedFormat, ruleDefinition, ruleHolds } from "./conditionalFormatRules";
import { CallArgument, CustomFunctionCaller, FunctionRegistry, Host, NO_FUNCTIONS } from "./customFunctionHost";
import * as charts from "./chartEdits";
import * as names from "./definedNames";
import { ExcelApiError } from "./errors";
import { evaluateArray, FormulaArray, FormulaErrorValue, FormulaHost, Reference, Scalar } from "./formula";
import { Frame, isVolatile, KeptValues, MAX_DEPTH } from "./keptValues";
import { strictAddress } from "./references";
import * as rows from "./rowEdits";
import * as sheets from "./sheetEdits";
import { ModelEvents } from "./modelEvents";
import { SpillLayout, Spills } from "./spills";
import { UsedAreas } from "./usedAreas";
import * as edits from "./tableEdits";
import { clearFilter } from "./tableFilters";
import type { Cell, CellValue, ChartModel, ConditionalFormatModel, NameModel, SheetModel, TableModel } from "./types";

/** Re-exported for the importers that know them from here. */
export { ExcelApiError };
export { CHART_TYPES } from "./types";
export type { CellValue, Cell, SheetModel, TableModel, ChartModel, NameModel, CfOperator, ConditionalFormatModel, ChangeEvent, SelectionEvent } from "./types";

const key = (row: number, col: number) => `${row},${col}`;

export class WorkbookModel extends ModelEvents implements FormulaHost {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  /** In priority order: index 0 is applied first. */
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  settings = new Map<string, unknown>();
  syncCount = 0;
  private nextId = 1;

  /** Called before each sync's batch runs and after it (tests interleave edits with a batch; the workbench's ?latency=task). */
  beforeSync: (() => void | Promise<unknown>) | null = null;
  afterSync: (() => void | Promise<unknown>) | null = null;
  /** Add-in worksheet functions, as Excel registers custom functions from functions.json. */
  functions: FunctionRegistry = NO_FUNCTIONS;
  /** Which Excel the workbook behaves as where hosts differ (customFunctionHost.ts, api.ts limits). */
  host: Host = "web";
  private calculationListeners = new Set<() => void>();
  private readonly caller = new CustomFunctionCaller(
    () => this.functions,
    () => this.host,
    () => {
      this.spills.forget();
      this.calculations++;
      for (const l of [...this.calculationListeners]) l();
    },
  );

  functionNames(): string[] {
    return Object.keys(this.functions.functions);
  }

  callFunction(name: string, args: CallArgument[]): unknown {
    return this.caller.call(name, args);
  }

  busyAnswers(): number {
    return this.caller.busyAnswers;
  }

  /** Called when an asynchronous function's result arrives and cells show new values. */
  onCalculated(listener: () => void): () => void {
    this.calculationListeners.add(listener);
    return () => this.calculationListeners.delete(listener);
  }
  /** Counts the changes that may have moved any sheet's used range (invalidate; store tells usedAreas.ts of its one cell). */
  private changes = 0;
  /** Counts what may change computed values: every change, and every asynchronous answer that arrives. */
  private calculations = 0;
  private readonly usedAreas = new UsedAreas();
  private readonly kept = new KeptValues();
  /** Counts the table edits that change what a formula reads without a cell changing (a rename, a filter). */
  private tableEdits = 0;

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  // ---------------------------------------------------------------- sheets
  addSheet(name: string): SheetModel {
    return sheets.addSheet(this, name);
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheetsByName.find(this.sheets, name);
  }
  private readonly sheetsByName = new sheets.SheetsByName();

  sheetById(id: string): SheetModel {
    const sheet = this.sheets.find((s) => s.id === id);
    if (!sheet) throw new ExcelApiError("ItemNotFound", "The worksheet was deleted.");
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    sheets.renameSheet(this, sheet, name);
  }

  deleteSheet(sheet: SheetModel): void {
    sheets.deleteSheet(this, sheet);
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
    const at = key(row, col);
    const c = sheet.cells.get(at);
    if (!c || (c.formula === undefined && c.value === undefined)) return this.spills.at(sheet.id, at) ?? "";
    if (c.formula !== undefined) {
      if (depth > MAX_DEPTH) {
        this.kept.spoil();
        return new FormulaErrorValue("#CALC!");
      }
      if (depth === 0) {
        const blocked = this.spills.all().anchors.get(`${sheet.id}:${at}`);
        if (blocked) return blocked;
      }
      const v = this.formulaResult(sheet, at, row, col, c.formula, depth)[0][0];
      return v === null ? 0 : v;
    }
    return c.value ?? "";
  }

  /** A formula's result as the array it spills (1×1: none), kept while its inputs hold (keptValues.ts); a layout and a read share it. */
  private formulaResult(sheet: SheetModel, at: string, row: number, col: number, formula: string, depth: number): FormulaArray {
    const stamp = this.stamp(this.spills.seenInLayout());
    const kept = this.kept.get(sheet, at, depth, stamp);
    if (kept !== undefined) return kept;
    this.evaluationDepth = depth + 1;
    const busy = this.caller.busyAnswers;
    const open = this.kept.open;
    let frame: Frame;
    let result: FormulaArray;
    try {
      frame = this.kept.enter(formula);
      result = evaluateArray(this, sheet.name, row, col, formula);
    } catch (e) {
      this.kept.abandon(open);
      throw e;
    } finally {
      // The formula reading this one reads on at its own level.
      this.evaluationDepth = depth;
    }
    // A formula waiting for a function's answer shows #BUSY! whatever it makes of it (INDEX of it is no #REF!), and spills nothing yet.
    const waiting = this.caller.busyAnswers !== busy;
    if (waiting) this.kept.spoil();
    const answer = waiting ? [[new FormulaErrorValue("#BUSY!")]] : result;
    this.kept.leave(frame, sheet, at, answer, stamp);
    return answer;
  }

  /** What kept values are computed at; in a spill layout, the last pass's finished spills, which no pass changes after (spills.ts). */
  private stamp(seen: Spills | null): unknown[] {
    const stamp: unknown[] = [this.calculations, this.tableEdits, this.functions, this.host];
    if (seen) stamp.push(seen);
    return stamp;
  }

  private evaluationDepth = 0;
  /** Values spilled by dynamic-array formulas (spills.ts), laid out after every change; the settling pass's values hold after it. */
  private readonly spills = new SpillLayout(
    (sheet, row, col, formula) => this.formulaResult(sheet, key(row, col), row, col, formula, 0),
    () => this.sheets,
    { get: () => this.evaluationDepth, set: (depth) => (this.evaluationDepth = depth) },
    (shown) => this.kept.carryOver(this.stamp(shown), this.stamp(null)),
  );

  cell(sheetName: string, row: number, col: number): Scalar | FormulaErrorValue {
    const sheet = this.findSheet(sheetName);
    if (!sheet) return new FormulaErrorValue("#REF!");
    const v = this.valueAt(sheet, row, col, this.evaluationDepth);
    return v === "" ? null : v;
  }

  resolveName(name: string): Reference | null {
    return names.resolveName(this, name);
  }

  /** Writes one cell the way Excel's Range.values does (cellInput.ts). */
  writeValue(sheet: SheetModel, row: number, col: number, input: unknown): void {
    this.assertEditable(sheet);
    this.store(sheet, row, col, cellFromValue(sheet.cells.get(key(row, col)) ?? {}, input));
  }

  writeFormula(sheet: SheetModel, row: number, col: number, input: unknown): void {
    if (typeof input === "string" && input.startsWith("=")) {
      this.assertEditable(sheet);
      this.store(sheet, row, col, { ...keptFormats(sheet.cells.get(key(row, col)) ?? {}), formula: input });
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
    const before = sheet.cells.get(key(row, col));
    this.invalidateValues();
    const empty = c.value === undefined && c.formula === undefined && !c.fill && !c.fontColor && !c.numberFormat && !c.borders;
    if (empty) sheet.cells.delete(key(row, col));
    else sheet.cells.set(key(row, col), c);
    this.usedAreas.stored(sheet, row, col, before, empty ? null : c, this.changes);
  }

  assertEditable(sheet: SheetModel): void {
    if (sheet.protected) {
      throw new ExcelApiError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    }
  }

  /** The used range: the smallest area holding every non-empty cell, or null (usedAreas.ts). */
  usedArea(sheet: SheetModel, valuesOnly = false): Area | null {
    return this.usedAreas.of(sheet, valuesOnly, this.changes);
  }

  // ---------------------------------------------------------------- rows (rowEdits.ts)
  expandTableOver(sheet: SheetModel, area: Area): void {
    rows.expandTableOver(this, sheet, area);
  }

  insertRows(sheet: SheetModel, at: number, count: number): void {
    rows.insertRows(this, sheet, at, count);
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    rows.deleteRows(this, sheet, at, count);
  }

  /** Forgets computed spills and used ranges; the next read recomputes them. */
  invalidate(): void {
    this.changes++;
    this.invalidateValues();
  }

  /** Forgets computed values and spills, not used ranges: for a change of no cell (a name), or of one cell that store() tells usedAreas.ts of. */
  invalidateValues(): void {
    this.spills.forget();
    this.calculations++;
    this.caller.forget();
  }

  // ---------------------------------------------------------------- charts and tables (chartEdits.ts, tableEdits.ts)
  addChart(sheet: SheetModel, type: string, source: { sheet: SheetModel; area: Area }): ChartModel {
    return charts.addChart(this, sheet, type, source);
  }

  deleteChart(chart: ChartModel): void {
    charts.deleteChart(this, chart);
  }

  addTable(sheet: SheetModel, area: Area, hasHeaders: boolean): TableModel {
    return edits.addTable(this, sheet, area, hasHeaders);
  }

  filterTable(table: TableModel, column: string, keep: (v: CellValue | null) => boolean): void {
    this.tableEdits++;
    edits.filterTable(this, table, column, keep);
  }

  clearTableFilter(table: TableModel): void {
    this.tableEdits++;
    clearFilter(table);
  }

  findTable(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  renameTable(table: TableModel, name: string): void {
    this.tableEdits++;
    edits.renameTable(this, table, name);
  }

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

  // ---------------------------------------------------------------- names (definedNames.ts)
  addName(name: string, formula: string, comment = ""): NameModel {
    return names.addName(this, name, formula, comment);
  }

  /** What computed values were computed at (namedFormulas.ts keeps names' values by it); null while spills are laid out. */
  calculationStamp(): number | null {
    return this.spills.layingOut ? null : this.calculations;
  }

  /**
   * The formula of a name that does not stand for a range (namedFormulas.ts), evaluated where
   * it is used; a reference to a deleted sheet or #REF! evaluates to #REF!, as in Excel.
   */
  nameExpression(name: string): string | null {
    const found = this.findName(name);
    const expression = !found || this.nameTarget(found) ? null : found.formula;
    // A cell's formula that uses a volatile name is itself volatile (keptValues.ts).
    if (expression !== null && isVolatile(expression)) this.kept.spoil();
    return expression;
  }

  findName(name: string): NameModel | undefined {
    return names.findName(this, name);
  }

  nameTarget(n: NameModel): { sheet: SheetModel; area: Area } | null {
    return names.nameTarget(this, n);
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
    const formulas = `${format.formula}\u0000${format.formula1}\u0000${format.formula2}`;
    const definition = ruleDefinition(format, this.sheetById(format.sheetId).name);
    return this.keptResult(format, definition, `${row},${col}`, formulas, () => ruleHolds(this, format, row, col));
  }

  /** `evaluate()`, kept while what it read holds when read from outside any evaluation, as a user reads (keptValues.ts result). */
  keptResult<T>(of: object, definition: string, cell: string, formulas: string, evaluate: () => T): T {
    const stamp = this.evaluationDepth === 0 && !this.spills.layingOut ? this.stamp(null) : null;
    return this.kept.result(of, definition, cell, { stamp, formulas, busyAnswers: () => this.caller.busyAnswers }, evaluate);
  }

  /** The fill and font colour a cell shows: the first conditional format whose rule holds, else its own format. */
  displayedFormat(sheet: SheetModel, row: number, col: number): { fill: string | null; fontColor: string | null; formatId: string | null } {
    return displayedFormat(this, sheet, row, col);
  }
}
