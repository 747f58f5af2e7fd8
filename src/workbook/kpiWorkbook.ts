/**
 * The only code that talks to Excel. The pane sees the KpiWorkbook interface; this class
 * implements it with batches of Excel API calls, each a small, fixed number of round trips
 * (context.sync) whatever the number of KPIs:
 *   read the register   2 syncs (find the table and settings; read rows and names)
 *   refresh every KPI   3 syncs (the register, then every KPI's values in one batch)
 *   tag, update, untag  5 syncs at most (read, look, find our own formats, write)
 */
import { KpiDefinition } from "../core/kpi";
import { areaName, parseAddress, qualified, MAX_COLUMNS, MAX_ROWS } from "../core/a1";
import { bandRules, BandSpec, isOwnRule } from "./bandFormats";
import {
  cellsOf,
  ColumnMap,
  COLUMNS,
  duplicateIds,
  FORMATS_SETTING,
  mapColumns,
  missingRequired,
  parseRow,
  REGISTER_SHEET,
  REGISTER_TABLE,
  RowProblem,
  SCHEMA_SETTING,
  SCHEMA_VERSION,
} from "./registerSchema";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** A problem the user can act on; its message is shown in the pane as it is. */
export class KpiWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KpiWorkbookError";
  }
}

export interface RegisterState {
  /** Whether the register table exists yet (it is created on the first tag). */
  exists: boolean;
  kpis: KpiDefinition[];
  /** Rows the add-in cannot use; they are left as they are. */
  problems: RowProblem[];
  /** Why the add-in must not write to the register, or null. */
  readOnly: string | null;
  /** Where each KPI's values are now (its KPI_<ID> name), or null when the name is broken. */
  sources: Record<string, string | null>;
}

export interface KpiSeries {
  id: string;
  /** Current address of the values, or null when the source range is gone. */
  address: string | null;
  /** One value per period, oldest first: a number, or null for a gap. */
  values: (number | null)[];
  /** Numbers typed directly after a plain range, offered as new periods. */
  newPeriods: number;
  problem: string | null;
}

export interface Selection {
  address: string;
  rowCount: number;
  columnCount: number;
  /** The table column it covers entirely, if any. */
  tableColumn: { table: string; column: string } | null;
  numbers: number;
}

export type KpiInput = Omit<KpiDefinition, "id" | "source" | "lastReviewed"> & { id?: string };

export interface KpiWorkbook {
  readRegister(): Promise<RegisterState>;
  refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }>;
  readSelection(): Promise<Selection>;
  tag(input: KpiInput, address: string, id: string, reviewedOn?: string): Promise<KpiDefinition>;
  update(id: string, input: KpiInput): Promise<KpiDefinition>;
  untag(id: string): Promise<void>;
  markReviewed(id: string, isoDate: string): Promise<void>;
  extend(id: string): Promise<void>;
  select(id: string): Promise<void>;
  /** Writes a formula into a cell; `size` is the area its result spills into, which must be empty. */
  insertFormula(address: string, formula: string, size?: { rows: number; columns: number }): Promise<void>;
  onChange(listener: () => void): Promise<() => void>;
  onSelectionChange(listener: () => void): Promise<() => void>;
}

/** How far past a plain range new periods are looked for. */
const NEW_PERIOD_WINDOW = 12;

export const nameOf = (id: string) => `KPI_${id}`;

interface FormatsRecord {
  [id: string]: { address: string; formulas: string[] };
}

interface RegisterRead {
  state: RegisterState;
  columns: ColumnMap;
  width: number;
  /** The ID in each data-body row (index 0 is the first row), "" for rows we do not own. */
  rowIds: string[];
  /** Whether the data body is Excel's single blank row of a new table. */
  blankBody: boolean;
  formats: FormatsRecord;
  registerSheetExists: boolean;
  registerSheetEmpty: boolean;
  /** Every defined name, upper case. */
  names: Set<string>;
}

export class ExcelKpiWorkbook implements KpiWorkbook {
  private readonly run: ExcelRun;

  constructor(run: ExcelRun) {
    // One operation at a time: each reads the register and then writes it, so two running at
    // once could both act on what the other is about to change.
    let queue: Promise<unknown> = Promise.resolve();
    this.run = (batch) => {
      const next = queue.then(() => run(batch));
      queue = next.catch(() => undefined);
      return next;
    };
  }

  readRegister(): Promise<RegisterState> {
    return this.run(async (ctx) => (await this.readRegisterIn(ctx)).state);
  }

  async refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }> {
    return this.run(async (ctx) => {
      const read = await this.readRegisterIn(ctx);
      const pending = read.state.kpis.map((kpi) => this.queueSeriesRead(ctx, kpi, read.state.sources[kpi.id]));
      await ctx.sync();
      return { register: read.state, series: pending.map((p) => p()) };
    });
  }

  readSelection(): Promise<Selection> {
    return this.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load("address, values, rowCount, columnCount");
      const tables = range.getTables(false);
      tables.load("items/name");
      await ctx.sync();
      const tableColumn = await this.tableColumnOf(ctx, range, tables.items);
      return {
        address: range.address,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
        tableColumn,
        numbers: range.values.flat().filter((v) => typeof v === "number").length,
      };
    });
  }

  async tag(input: KpiInput, address: string, id: string, reviewedOn = ""): Promise<KpiDefinition> {
    return this.run(async (ctx) => {
      const read = await this.readRegisterIn(ctx);
      this.assertWritable(read);
      if (read.state.kpis.some((k) => k.id.toUpperCase() === id.toUpperCase())) throw new KpiWorkbookError(`A KPI with ID ${id} already exists.`);
      const target = this.rangeAt(ctx, address);
      target.load("address, rowCount, columnCount");
      const tables = target.getTables(false);
      tables.load("items/name");
      const sheet = target.worksheet;
      sheet.load("name");
      sheet.protection.load("protected");
      await ctx.sync();
      this.assertSeriesShape(target, sheet.name);
      this.assertNotTagged(read.state, target.address);
      if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to tag a KPI there.`);
      const tableColumn = await this.tableColumnOf(ctx, target, tables.items);
      const reference = tableColumn ? `=${tableColumn.table}[${tableColumn.column}]` : `=${qualified(sheet.name, parseAddress(target.address), true)}`;
      const kpi: KpiDefinition = { ...input, id, source: reference.slice(1), lastReviewed: reviewedOn };
      this.queueRegisterRow(ctx, read, kpi, null);
      ctx.workbook.names.add(nameOf(id), reference, `KPI Lens: ${kpi.name}`);
      const formats = this.queueBandFormats(target, target.address, kpi);
      this.queueFormatsRecord(ctx, { ...read.formats, [id]: { address: target.address, formulas: formats } });
      ctx.workbook.settings.add(SCHEMA_SETTING, SCHEMA_VERSION);
      await ctx.sync();
      return kpi;
    });
  }

  async update(id: string, input: KpiInput): Promise<KpiDefinition> {
    return this.run(async (ctx) => {
      const read = await this.readRegisterIn(ctx);
      this.assertWritable(read);
      const current = this.find(read, id);
      const kpi: KpiDefinition = { ...current, ...input, id: current.id, source: current.source, lastReviewed: current.lastReviewed };
      const rowIndex = read.rowIds.indexOf(current.id);
      const bandsChanged = current.target !== kpi.target || current.atRisk !== kpi.atRisk || current.direction !== kpi.direction;
      if (bandsChanged && read.state.sources[id]) {
        const own = await this.findOwnFormats(ctx, read, id);
        own.remove();
        if (own.address) {
          const formats = this.queueBandFormats(this.rangeAt(ctx, own.address), own.address, kpi);
          this.queueFormatsRecord(ctx, { ...read.formats, [id]: { address: own.address, formulas: formats } });
        }
      }
      this.queueRegisterRow(ctx, read, kpi, rowIndex);
      await ctx.sync();
      return kpi;
    });
  }

  async untag(id: string): Promise<void> {
    return this.run(async (ctx) => {
      const read = await this.readRegisterIn(ctx);
      this.assertWritable(read);
      const current = this.find(read, id);
      (await this.findOwnFormats(ctx, read, id)).remove();
      if (read.names.has(nameOf(current.id).toUpperCase())) ctx.workbook.names.getItem(nameOf(current.id)).delete();
      const table = ctx.workbook.tables.getItem(REGISTER_TABLE);
      table.rows.getItemAt(read.rowIds.indexOf(current.id)).delete();
      const formats = { ...read.formats };
      delete formats[id];
      this.queueFormatsRecord(ctx, formats);
      await ctx.sync();
    });
  }

  async markReviewed(id: string, isoDate: string): Promise<void> {
    return this.run(async (ctx) => {
      const read = await this.readRegisterIn(ctx);
      this.assertWritable(read);
      const current = this.find(read, id);
      this.queueRegisterRow(ctx, read, { ...current, lastReviewed: isoDate }, read.rowIds.indexOf(current.id));
      await ctx.sync();
    });
  }

  async extend(id: string): Promise<void> {
    return this.run(async (ctx) => {
      const read = await this.readRegisterIn(ctx);
      this.assertWritable(read);
      const current = this.find(read, id);
      const address = read.state.sources[id];
      if (!address || current.source.includes("[")) throw new KpiWorkbookError(`${current.name} has no plain range to extend.`);
      const series = this.queueSeriesRead(ctx, current, address);
      await ctx.sync();
      const { newPeriods } = series();
      if (newPeriods === 0) return;
      const area = parseAddress(address);
      const grown = area.colCount === 1 ? { ...area, rowCount: area.rowCount + newPeriods } : { ...area, colCount: area.colCount + newPeriods };
      const grownAddress = qualified(area.sheet!, grown);
      (await this.findOwnFormats(ctx, read, id)).remove();
      const reference = `=${qualified(area.sheet!, grown, true)}`;
      const name = ctx.workbook.names.getItem(nameOf(id));
      name.formula = reference;
      const kpi = { ...current, source: reference.slice(1) };
      this.queueRegisterRow(ctx, read, kpi, read.rowIds.indexOf(current.id));
      const formats = this.queueBandFormats(this.rangeAt(ctx, grownAddress), grownAddress, kpi);
      this.queueFormatsRecord(ctx, { ...read.formats, [id]: { address: grownAddress, formulas: formats } });
      await ctx.sync();
    });
  }

  async select(id: string): Promise<void> {
    return this.run(async (ctx) => {
      const name = ctx.workbook.names.getItemOrNullObject(nameOf(id));
      name.load("type");
      await ctx.sync();
      if (name.isNullObject || name.type !== "Range") throw new KpiWorkbookError(`The range of KPI ${id} is gone: its name ${nameOf(id)} no longer refers to cells.`);
      const range = name.getRange();
      range.worksheet.activate();
      range.select();
      await ctx.sync();
    });
  }

  async insertFormula(address: string, formula: string, size = { rows: 1, columns: 1 }): Promise<void> {
    return this.run(async (ctx) => {
      const area = parseAddress(address);
      const cell = this.rangeAt(ctx, address);
      const spill = cell.getCell(0, 0).getResizedRange(size.rows - 1, size.columns - 1);
      spill.load("address, formulas");
      const sheet = cell.worksheet;
      sheet.protection.load("protected");
      await ctx.sync();
      if (sheet.protection.protected) throw new KpiWorkbookError("That sheet is protected: unprotect it to insert a formula.");
      const taken = spill.formulas.flat().some((v) => v !== "" && v !== null);
      if (taken) {
        const where = size.rows * size.columns > 1 ? `${spill.address} (where the result spills)` : qualified(area.sheet ?? "", { ...area, rowCount: 1, colCount: 1 });
        throw new KpiWorkbookError(`${where} is not empty: pick a cell with room below it so nothing of yours is overwritten.`);
      }
      cell.getCell(0, 0).formulas = [[formula]];
      await ctx.sync();
    });
  }

  onChange(listener: () => void): Promise<() => void> {
    return this.subscribe((ctx) => ctx.workbook.worksheets.onChanged.add(async () => listener()));
  }

  onSelectionChange(listener: () => void): Promise<() => void> {
    return this.subscribe((ctx) => ctx.workbook.onSelectionChanged.add(async () => listener()));
  }

  /** Registers an event handler; the returned function removes it in the context it was added in. */
  private subscribe(add: (ctx: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>): Promise<() => void> {
    return this.run(async (ctx) => {
      const handler = add(ctx);
      await ctx.sync();
      return () => {
        handler.remove();
        void handler.context.sync();
      };
    });
  }

  // ---------------------------------------------------------------- reading

  /** Two syncs: the register table, settings and sheet; then the rows and every defined name. */
  private async readRegisterIn(ctx: Excel.RequestContext): Promise<RegisterRead> {
    const table = ctx.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
    const schema = ctx.workbook.settings.getItemOrNullObject(SCHEMA_SETTING);
    schema.load("value");
    const formatsSetting = ctx.workbook.settings.getItemOrNullObject(FORMATS_SETTING);
    formatsSetting.load("value");
    const registerSheet = ctx.workbook.worksheets.getItemOrNullObject(REGISTER_SHEET);
    await ctx.sync();

    // Methods are called on an *OrNullObject result only once the sync says it exists.
    const names = ctx.workbook.names;
    names.load("items/name, items/formula, items/type");
    const used = !registerSheet.isNullObject && table.isNullObject ? registerSheet.getUsedRangeOrNullObject(true) : null;
    let header: Excel.Range | null = null;
    let body: Excel.Range | null = null;
    let protection: Excel.WorksheetProtection | null = null;
    if (!table.isNullObject) {
      header = table.getHeaderRowRange();
      header.load("values");
      body = table.getDataBodyRange();
      body.load("values");
      protection = table.worksheet.protection;
      protection.load("protected");
    }
    await ctx.sync();

    const formats = (formatsSetting.isNullObject ? {} : (formatsSetting.value as FormatsRecord)) ?? {};
    const state: RegisterState = { exists: !table.isNullObject, kpis: [], problems: [], readOnly: null, sources: {} };
    const read: RegisterRead = {
      state,
      columns: mapColumns([]),
      width: COLUMNS.length,
      rowIds: [],
      blankBody: false,
      formats,
      registerSheetExists: !registerSheet.isNullObject,
      registerSheetEmpty: used === null || used.isNullObject,
      names: new Set(names.items.map((n) => n.name.toUpperCase())),
    };
    const version = schema.isNullObject ? null : Number(schema.value);
    if (version !== null && version > SCHEMA_VERSION) {
      state.readOnly = `This workbook's KPI register was written by a newer KPI Lens (schema ${version}; this one knows ${SCHEMA_VERSION}). It is shown read-only: update the add-in to edit it.`;
    }
    if (!header || !body) {
      if (read.registerSheetExists && !read.registerSheetEmpty) {
        state.readOnly ??= `The sheet "${REGISTER_SHEET}" has content but no ${REGISTER_TABLE} table. If you converted the table to a range, make it a table named ${REGISTER_TABLE} again (Insert › Table, then Table Design › Table Name); or rename that sheet so KPI Lens can start a new register.`;
      }
      return read;
    }
    if (protection?.protected) state.readOnly ??= `The sheet holding the register is protected: KPI Lens can show it but not change it. Unprotect the sheet to edit KPIs.`;

    const headers = header.values[0];
    read.width = headers.length;
    read.columns = mapColumns(headers);
    const missing = missingRequired(read.columns);
    if (missing.length > 0) {
      state.readOnly ??= `The register is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (renamed or deleted). Restore ${missing.length > 1 ? "them" : "it"} to edit KPIs; nothing has been changed.`;
      state.problems.push({ row: 0, id: "", message: `The header row lacks ${missing.join(", ")}.` });
      return read;
    }
    const parsed: { row: number; kpi: KpiDefinition }[] = [];
    body.values.forEach((values, i) => {
      const result = parseRow(values, read.columns, i + 1);
      if (result.ok === true) parsed.push({ row: i + 1, kpi: result.kpi });
      else if (result.ok === false) state.problems.push(result.problem);
      read.rowIds.push(result.ok === true ? result.kpi.id : "");
    });
    read.blankBody = body.values.length === 1 && parseRow(body.values[0], read.columns, 1).ok === "empty";
    const duplicates = duplicateIds(parsed);
    const duplicateRows = new Set(duplicates.map((d) => d.row));
    state.problems.push(...duplicates);
    for (const p of duplicates) read.rowIds[p.row - 1] = "";
    state.kpis = parsed.filter((p) => !duplicateRows.has(p.row)).map((p) => p.kpi);
    state.problems.sort((a, b) => a.row - b.row);

    const byName = new Map(names.items.map((n) => [n.name.toUpperCase(), n]));
    for (const kpi of state.kpis) {
      const name = byName.get(nameOf(kpi.id).toUpperCase());
      state.sources[kpi.id] = name && name.type === "Range" ? sourceOfName(name.formula) : null;
    }
    return read;
  }

  /** Queues the read of one KPI's values (and the cells after a plain range); returns the result reader. */
  private queueSeriesRead(ctx: Excel.RequestContext, kpi: KpiDefinition, source: string | null | undefined): () => KpiSeries {
    if (!source) {
      return () => ({
        id: kpi.id,
        address: null,
        values: [],
        newPeriods: 0,
        problem: `${nameOf(kpi.id)} no longer refers to cells (its rows or columns were deleted). Select the values again and re-tag the KPI.`,
      });
    }
    const range = ctx.workbook.names.getItem(nameOf(kpi.id)).getRange();
    range.load("address, values");
    const after = source.includes("[") ? null : this.afterRange(ctx, source);
    after?.load("values");
    return () => {
      const cells = range.values.length === 1 ? range.values[0] : range.values.map((r) => r[0]);
      const values = cells.map((v) => (typeof v === "number" ? v : null));
      let newPeriods = 0;
      if (after) {
        const next = after.values.length === 1 ? after.values[0] : after.values.map((r) => r[0]);
        while (newPeriods < next.length && typeof next[newPeriods] === "number") newPeriods++;
      }
      return { id: kpi.id, address: range.address, values, newPeriods, problem: null };
    };
  }

  /** The cells right after a one-column (below) or one-row (to the right) range. */
  private afterRange(ctx: Excel.RequestContext, address: string): Excel.Range | null {
    const area = parseAddress(address);
    const sheet = ctx.workbook.worksheets.getItem(area.sheet!);
    if (area.colCount === 1) {
      const row = area.row + area.rowCount;
      if (row >= MAX_ROWS) return null;
      return sheet.getRange(areaName({ row, col: area.col, rowCount: Math.min(NEW_PERIOD_WINDOW, MAX_ROWS - row), colCount: 1 }));
    }
    const col = area.col + area.colCount;
    if (col >= MAX_COLUMNS) return null;
    return sheet.getRange(areaName({ row: area.row, col, rowCount: 1, colCount: Math.min(NEW_PERIOD_WINDOW, MAX_COLUMNS - col) }));
  }

  /** The table column a range covers entirely (its whole data body), if any. */
  private async tableColumnOf(
    ctx: Excel.RequestContext,
    range: Excel.Range,
    tables: Excel.Table[],
  ): Promise<{ table: string; column: string } | null> {
    if (tables.length !== 1 || range.columnCount !== 1) return null;
    const table = tables[0];
    const body = table.getDataBodyRange();
    body.load("address, columnIndex, rowIndex, rowCount");
    const header = table.getHeaderRowRange();
    header.load("values");
    await ctx.sync();
    const area = parseAddress(range.address);
    const bodyArea = parseAddress(body.address);
    if (area.row !== bodyArea.row || area.rowCount !== bodyArea.rowCount) return null;
    const column = header.values[0][area.col - bodyArea.col];
    return typeof column === "string" && area.col >= bodyArea.col && area.col < bodyArea.col + bodyArea.colCount ? { table: table.name, column } : null;
  }

  // ---------------------------------------------------------------- writing

  private assertWritable(read: RegisterRead): void {
    if (read.state.readOnly) throw new KpiWorkbookError(read.state.readOnly);
  }

  private find(read: RegisterRead, id: string): KpiDefinition {
    const kpi = read.state.kpis.find((k) => k.id.toUpperCase() === id.toUpperCase());
    if (!kpi) throw new KpiWorkbookError(`There is no KPI with ID ${id} in the register any more; it may have been removed by hand.`);
    return kpi;
  }

  private rangeAt(ctx: Excel.RequestContext, address: string): Excel.Range {
    const area = parseAddress(address);
    if (area.sheet === undefined) return ctx.workbook.worksheets.getActiveWorksheet().getRange(address);
    return ctx.workbook.worksheets.getItem(area.sheet).getRange(areaName(area));
  }

  private assertSeriesShape(range: Excel.Range, sheetName: string): void {
    if (sheetName.toLowerCase() === REGISTER_SHEET.toLowerCase()) throw new KpiWorkbookError("That range is on the register sheet: select the KPI's values on a data sheet.");
    if (range.rowCount !== 1 && range.columnCount !== 1) {
      throw new KpiWorkbookError(`Select one column (or one row) of values, oldest first; ${range.address} is ${range.rowCount}×${range.columnCount}.`);
    }
    if (range.rowCount * range.columnCount < 2) throw new KpiWorkbookError("Select at least two periods of values.");
  }

  private assertNotTagged(state: RegisterState, address: string): void {
    const area = parseAddress(address);
    for (const kpi of state.kpis) {
      const source = state.sources[kpi.id];
      if (!source || source.includes("[")) continue;
      const other = parseAddress(source);
      if (other.sheet?.toLowerCase() !== area.sheet?.toLowerCase()) continue;
      const overlaps = other.row < area.row + area.rowCount && area.row < other.row + other.rowCount && other.col < area.col + area.colCount && area.col < other.col + other.colCount;
      if (overlaps) throw new KpiWorkbookError(`Those cells overlap the KPI ${kpi.name} (${source}). Untag it first, or select other cells.`);
    }
  }

  /**
   * Writes a KPI's row: creates the register on first use, appends a row, or rewrites our
   * columns of an existing row (the user's own columns stay as they are). Text columns get the
   * Text number format first, so a name such as "=1+1" is stored as text, not a formula.
   */
  private queueRegisterRow(ctx: Excel.RequestContext, read: RegisterRead, kpi: KpiDefinition, rowIndex: number | null): void {
    const cells = cellsOf(kpi);
    if (!read.state.exists) {
      const sheet = read.registerSheetExists ? ctx.workbook.worksheets.getItem(REGISTER_SHEET) : ctx.workbook.worksheets.add(REGISTER_SHEET);
      const area = { row: 0, col: 0, rowCount: 2, colCount: COLUMNS.length };
      const range = sheet.getRange(areaName(area));
      range.numberFormat = [COLUMNS.map(() => "@"), COLUMNS.map((c) => (c.text ? "@" : "General"))];
      range.values = [COLUMNS.map((c) => c.header), COLUMNS.map((c) => cells[c.key])];
      const table = ctx.workbook.tables.add(range, true);
      table.name = REGISTER_TABLE;
      return;
    }
    const table = ctx.workbook.tables.getItem(REGISTER_TABLE);
    // A new row is addressed through the row Excel adds, not by a count read earlier, so two
    // KPIs tagged at once never share a row.
    const row =
      rowIndex === null && !read.blankBody
        ? table.rows.add(undefined, [Array.from({ length: read.width }, () => "")]).getRange()
        : table.getDataBodyRange().getRow(rowIndex ?? 0);
    for (const c of COLUMNS) {
      const col = read.columns[c.key];
      if (col < 0) continue;
      const cell = row.getCell(0, col);
      cell.numberFormat = [[c.text ? "@" : "General"]];
      cell.values = [[cells[c.key]]];
    }
  }

  /** Adds the three band formats on the range at `address`; returns their formulas for the record. */
  private queueBandFormats(range: Excel.Range, address: string, kpi: BandSpec): string[] {
    const area = parseAddress(address);
    const topLeft = areaName({ row: area.row, col: area.col, rowCount: 1, colCount: 1 });
    return bandRules(kpi, topLeft).map((rule) => {
      const format = range.conditionalFormats.add("Custom");
      format.custom.rule.formula = rule.formula;
      format.custom.format.fill.color = rule.fill;
      format.custom.format.font.color = rule.font;
      return rule.formula;
    });
  }

  private queueFormatsRecord(ctx: Excel.RequestContext, record: FormatsRecord): void {
    ctx.workbook.settings.add(FORMATS_SETTING, record);
  }

  /**
   * Finds the conditional formats this add-in added for a KPI, on the range it recorded and on
   * the KPI's current range (two syncs). `remove` queues their deletion; `address` is where the
   * KPI's values are now. A user's own formats on the same cells never match: ours carry the
   * KPI's marker.
   */
  private async findOwnFormats(ctx: Excel.RequestContext, read: RegisterRead, id: string): Promise<{ remove: () => void; address: string | null }> {
    // The register read told whether the name still refers to cells (sources[id] is null if not).
    const current = read.state.sources[id] ? ctx.workbook.names.getItem(nameOf(id)).getRange() : null;
    current?.load("address");
    current?.conditionalFormats.load("items/type, items/id");
    const recorded = read.formats[id]?.address;
    const recordedSheet = recorded ? ctx.workbook.worksheets.getItemOrNullObject(parseAddress(recorded).sheet ?? "") : null;
    await ctx.sync();

    const collections: Excel.ConditionalFormatCollection[] = current ? [current.conditionalFormats] : [];
    let moved: Excel.ConditionalFormatCollection | null = null;
    if (recorded && recordedSheet && !recordedSheet.isNullObject && (!current || current.address !== recorded)) {
      // The KPI's cells moved since its formats were written: look where they were written too.
      moved = recordedSheet.getRange(areaName(parseAddress(recorded))).conditionalFormats;
      moved.load("items/type, items/id");
    }
    const custom = collections.flatMap((c) => c.items.filter((f) => f.type === "Custom"));
    for (const f of custom) f.custom.rule.load("formula");
    await ctx.sync();

    if (moved) {
      const more = moved.items.filter((f) => f.type === "Custom");
      for (const f of more) f.custom.rule.load("formula");
      await ctx.sync();
      custom.push(...more);
    }
    const ours = new Map<string, Excel.ConditionalFormat>();
    for (const f of custom) if (isOwnRule(f.custom.rule.formula, id)) ours.set(f.id, f);
    return {
      remove: () => {
        for (const f of ours.values()) f.delete();
      },
      address: current ? current.address : null,
    };
  }
}

/** What a KPI name stands for, as the register shows it: an address or a table column. */
function sourceOfName(formula: string): string | null {
  const body = String(formula).replace(/^=/, "");
  if (body.includes("[")) return body;
  try {
    const area = parseAddress(body);
    return area.sheet === undefined ? null : qualified(area.sheet, area);
  } catch {
    return null;
  }
}

