/**
 * The add-in's own tables beside the register (KPI History, KPI Notes, KPI Actions), with the
 * register's rules: each on a sheet of its own, created on first use with a schema version in
 * the settings, columns found by header (the user may reorder them or add their own), readable
 * and filterable without the add-in, written all or nothing, and never written when damaged (a
 * missing column, a sheet of that name that is not ours, a newer schema).
 */
import { areaName, parseAddress } from "../core/a1";
import { KpiWorkbookError } from "./errors";
import { Journal } from "./rollback";

export interface TableSpec {
  sheet: string;
  table: string;
  headers: readonly string[];
  /** Columns written as Text, so a note "=1+1" stays text; the others are numbers or dates. */
  textHeaders?: readonly string[];
  schemaSetting: string;
  version: number;
  /** What the table is, for messages ("the KPI notes"). */
  what: string;
}

export interface TableState {
  exists: boolean;
  /** Why the add-in must not write to the table, or null. */
  damaged: string | null;
  /** Each header's column in the table, -1 when missing. */
  columns: number[];
  width: number;
  /** The data body's rows (values), in table order; none for Excel's one blank row of a new table. */
  rows: unknown[][];
  /** The body is Excel's one blank row of a table emptied by hand: the first new row goes there. */
  blankBody: boolean;
  bodyAddress: string | null;
  schemaSettingExists: boolean;
}

/**
 * Reads a table's state in the register read's two syncs: this queues the look-ups before the
 * first sync, the function it returns queues the rows before the second, and that one's
 * result is ready after it.
 */
export function queueTableState(ctx: Excel.RequestContext, spec: TableSpec): () => () => TableState {
  const table = ctx.workbook.tables.getItemOrNullObject(spec.table);
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(spec.sheet);
  const schema = ctx.workbook.settings.getItemOrNullObject(spec.schemaSetting);
  schema.load("value");
  return () => {
    const schemaSettingExists = !schema.isNullObject;
    const newer = schemaSettingExists && Number(schema.value) > spec.version ? `${spec.what} were written by a newer KPI Lens (schema ${schema.value}): update the add-in to change them.` : null;
    if (table.isNullObject) {
      const damaged = !sheet.isNullObject ? `A sheet "${spec.sheet}" exists without the table ${spec.table}, so KPI Lens does not write ${spec.what} into it. Rename that sheet, or make its table ${spec.table} again.` : newer;
      return () => ({ exists: false, damaged, columns: spec.headers.map(() => -1), width: spec.headers.length, rows: [], blankBody: false, bodyAddress: null, schemaSettingExists });
    }
    const header = table.getHeaderRowRange();
    header.load("values");
    const body = table.getDataBodyRange();
    body.load("values, address");
    return () => {
      const headers = header.values[0].map((h) => String(h ?? "").trim().toLowerCase());
      const columns = spec.headers.map((h) => headers.indexOf(h.toLowerCase()));
      const missing = spec.headers.filter((_, i) => columns[i] < 0);
      const damaged = newer ?? (missing.length ? `${spec.what} lack the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (renamed or deleted): restore ${missing.length > 1 ? "them" : "it"} so KPI Lens can add to ${spec.table}.` : null);
      // A table whose rows were all deleted by hand keeps one blank row.
      const blankBody = body.values.length === 1 && body.values[0].every((v) => v === "" || v === null);
      return { exists: true, damaged, columns, width: headers.length, rows: blankBody ? [] : body.values, blankBody, bodyAddress: body.address, schemaSettingExists };
    };
  };
}

/** Reads one table on its own (two syncs). */
export async function readTableIn(ctx: Excel.RequestContext, spec: TableSpec): Promise<TableState> {
  const afterFirst = queueTableState(ctx, spec);
  await ctx.sync();
  const afterSecond = afterFirst();
  await ctx.sync();
  return afterSecond();
}

/** A row's value under one of the spec's headers. */
export function cellOf(spec: TableSpec, state: TableState, row: readonly unknown[], header: string): unknown {
  const col = state.columns[spec.headers.indexOf(header)];
  return col >= 0 ? row[col] : "";
}

export function assertWritable(state: TableState): void {
  if (state.damaged) throw new KpiWorkbookError(state.damaged);
}

/** Queues rows (values by header) at the end of the table, creating it on first use; journalled. */
export function queueAppend(ctx: Excel.RequestContext, spec: TableSpec, state: TableState, entries: Record<string, unknown>[], journal: Journal): void {
  if (entries.length === 0) return;
  assertWritable(state);
  const text = new Set(spec.textHeaders ?? spec.headers);
  if (!state.exists) {
    const created = ctx.workbook.worksheets.add(spec.sheet);
    const range = created.getRange(areaName({ row: 0, col: 0, rowCount: entries.length + 1, colCount: spec.headers.length }));
    range.numberFormat = [spec.headers.map(() => "@"), ...entries.map(() => spec.headers.map((h) => (text.has(h) ? "@" : "General")))];
    range.values = [[...spec.headers], ...entries.map((e) => spec.headers.map((h) => e[h] ?? ""))];
    ctx.workbook.tables.add(range, true).name = spec.table;
    if (!state.schemaSettingExists) ctx.workbook.settings.add(spec.schemaSetting, spec.version);
    journal.record(`the new ${spec.what}`, async (undo) => {
      const s = undo.workbook.worksheets.getItemOrNullObject(spec.sheet);
      const setting = undo.workbook.settings.getItemOrNullObject(spec.schemaSetting);
      await undo.sync();
      if (!s.isNullObject) s.delete();
      if (!state.schemaSettingExists && !setting.isNullObject) setting.delete();
    });
    return;
  }
  const table = ctx.workbook.tables.getItem(spec.table);
  const before = state.rows.length;
  entries.forEach((entry, n) => {
    const values = Array.from({ length: state.width }, () => "" as unknown);
    const formats = Array.from({ length: state.width }, () => "General");
    spec.headers.forEach((h, i) => {
      values[state.columns[i]] = entry[h] ?? "";
      if (text.has(h)) formats[state.columns[i]] = "@";
    });
    // Formatted before the values arrive, so a text "=1+1" stays text.
    const added = n === 0 && state.blankBody ? table.getDataBodyRange() : table.rows.add(undefined, [values.map(() => "")]).getRange();
    added.numberFormat = [formats];
    added.values = [values];
  });
  journal.record(`the new rows of ${spec.what}`, async (undo) => {
    const t = undo.workbook.tables.getItemOrNullObject(spec.table);
    await undo.sync();
    if (t.isNullObject) return;
    t.rows.load("count");
    await undo.sync();
    const keep = Math.max(before, state.blankBody ? 1 : 0);
    for (let i = t.rows.count - 1; i >= keep; i--) t.rows.getItemAt(i).delete();
    if (state.blankBody) t.rows.getItemAt(0).getRange().clear("Contents");
  });
}

/** Queues new values for some cells of one row (by header), journalled; only cells that change. */
export function queueRowChange(ctx: Excel.RequestContext, spec: TableSpec, state: TableState, rowIndex: number, change: Record<string, unknown>, journal: Journal): void {
  assertWritable(state);
  if (!state.bodyAddress || rowIndex < 0 || rowIndex >= state.rows.length) throw new KpiWorkbookError(`That row of ${spec.what} is gone: refresh and try again.`);
  const body = parseAddress(state.bodyAddress);
  const sheet = ctx.workbook.worksheets.getItem(body.sheet!);
  const text = new Set(spec.textHeaders ?? spec.headers);
  for (const [header, value] of Object.entries(change)) {
    const col = state.columns[spec.headers.indexOf(header)];
    const old = state.rows[rowIndex][col];
    if (String(old ?? "") === String(value ?? "")) continue;
    const address = areaName({ row: body.row + rowIndex, col: body.col + col, rowCount: 1, colCount: 1 });
    const cell = sheet.getRange(address);
    if (text.has(header)) cell.numberFormat = [["@"]];
    cell.values = [[value]];
    journal.record(`${header} in ${spec.what}`, async (undo) => {
      undo.workbook.worksheets.getItem(body.sheet!).getRange(address).values = [[old]];
    });
  }
}
