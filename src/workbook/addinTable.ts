/**
 * The add-in's own tables beside the register (KPI History, KPI Notes, KPI Actions), with the
 * register's rules: each on a sheet of its own, created on first use with a schema version in
 * the settings, columns found by header (the user may reorder them or add their own), readable
 * and filterable without the add-in, written all or nothing, and never written when damaged (a
 * missing column, a sheet of that name that is not ours, a newer schema).
 */
import { areaName, parseAddress, quoteSheet } from "../core/excel/a1";
import { FormulaConflictError, KpiWorkbookError } from "./errors";
import { appendRowsStep } from "./steps/rows";
import { CellWrite, cellsStep } from "./steps/cells";
import { createTableStep } from "./steps/tables";
import { checkRoomForColumns, columnsAtEndStep } from "./steps/columns";
import { settingStep } from "./steps/settings";
import { Step } from "./writeEngine";

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
  /**
   * Headers (among `headers`) a later KPI Lens added: a table written before them lacks them and
   * is read as it is, not as damaged, and they are added at its right end when a row first has
   * something for one (laterColumnsStep). A new table gets them only then too, so a table an
   * earlier KPI Lens reads is one it knows. The schema version stays: an earlier KPI Lens reads
   * them as columns of the user's, as it reads any column it does not know.
   */
  laterHeaders?: readonly string[];
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
  /** The same rows' formulas and number formats, so a write keeps a user's formula and an undo restores it. */
  formulas: unknown[][];
  numberFormats: unknown[][];
  /** The body is Excel's one blank row of a table emptied by hand: the first new row goes there. */
  blankBody: boolean;
  bodyAddress: string | null;
  schemaSettingExists: boolean;
}

/**
 * Reads a table's state in the register read's round trips. `known` (it existed at the last read):
 * the table is addressed by getItem and its rows queued in the first round trip, so the state is
 * ready after one sync (if the table has gone meanwhile, that sync fails with ItemNotFound and the
 * caller reads again without `known`). Otherwise its existence is looked up first and its rows,
 * when it exists, need a second sync. The returned function is called after the first sync; it
 * says whether a second is needed, and gives the state after it.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the closures it returns run after the caller's sync */
export function queueTableState(context: Excel.RequestContext, spec: TableSpec, known = false): () => { second: boolean; state: () => TableState } {
  const schema = context.workbook.settings.getItemOrNullObject(spec.schemaSetting);
  schema.load("value");
  const newer = () =>
    !schema.isNullObject && Number(schema.value) > spec.version
      ? `${spec.what} were written by a newer KPI Lens (schema ${schema.value}): update the add-in to change them.`
      : null;
  const rowsOf = (table: Excel.Table) => {
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values, formulas, numberFormat, address");
    return () => tableStateOf(spec, header.values[0], body, newer(), !schema.isNullObject);
  };
  if (known) {
    const ready = rowsOf(context.workbook.tables.getItem(spec.table));
    return () => ({ second: false, state: ready });
  }
  const table = context.workbook.tables.getItemOrNullObject(spec.table);
  const sheet = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  return () => {
    if (!table.isNullObject) return { second: true, state: rowsOf(table) };
    const damaged = !sheet.isNullObject
      ? `A sheet "${spec.sheet}" exists without the table ${spec.table}, so KPI Lens does not write ${spec.what} into it. Rename that sheet, or make its table ${spec.table} again.`
      : newer();
    const missing: TableState = {
      exists: false,
      damaged,
      columns: spec.headers.map(() => -1),
      width: spec.headers.length,
      rows: [],
      formulas: [],
      numberFormats: [],
      blankBody: false,
      bodyAddress: null,
      schemaSettingExists: !schema.isNullObject,
    };
    return { second: false, state: () => missing };
  };
}
/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */

function tableStateOf(spec: TableSpec, headerValues: unknown[], body: Excel.Range, newer: string | null, schemaSettingExists: boolean): TableState {
  const headers = headerValues.map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  const columns = spec.headers.map((h) => headers.indexOf(h.toLowerCase()));
  const missing = spec.headers.filter((h, i) => columns[i] < 0 && !spec.laterHeaders?.includes(h));
  const damaged =
    newer ??
    (missing.length
      ? `${spec.what} lack the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (renamed or deleted): restore ${missing.length > 1 ? "them" : "it"} so KPI Lens can add to ${spec.table}.`
      : null);
  // A table whose rows were all deleted by hand keeps one blank row.
  const blankBody = body.values.length === 1 && body.values[0].every((v) => v === "" || v === null);
  return {
    exists: true,
    damaged,
    columns,
    width: headers.length,
    rows: blankBody ? [] : body.values,
    formulas: blankBody ? [] : body.formulas,
    numberFormats: blankBody ? [] : body.numberFormat,
    blankBody,
    bodyAddress: body.address,
    schemaSettingExists,
  };
}

/** Reads one table on its own (two syncs). */
export async function readTableIn(context: Excel.RequestContext, spec: TableSpec): Promise<TableState> {
  const afterFirst = queueTableState(context, spec);
  await context.sync();
  const { second, state } = afterFirst();
  if (second) await context.sync();
  return state();
}

/** A row's value under one of the spec's headers. */
export function cellOf(spec: TableSpec, state: TableState, row: readonly unknown[], header: string): unknown {
  const col = state.columns[spec.headers.indexOf(header)];
  return col >= 0 ? row[col] : "";
}

export function assertWritable(state: TableState): void {
  if (state.damaged) throw new KpiWorkbookError(state.damaged);
}

/** Where new rows go: a table as the operation read it. */
export interface AppendTarget {
  sheet: string;
  table: string;
  what: string;
  exists: boolean;
  /** The sheet exists (empty) though the table does not: the table is made on it. */
  onExistingSheet?: boolean;
  blankBody: boolean;
  bodyAddress: string | null;
  /** The header row, for a table made by this append. */
  headers: readonly string[];
}

/**
 * The steps that add rows (each as wide as the table) to a table, making it on first use: the
 * one write path for the register and the add-in's other tables. `keyColumns` identify a row
 * this operation wrote, for its undo.
 */
export function appendSteps(target: AppendTarget, rows: unknown[][], formats: string[][], keyColumns: number[], token: string, asFormulas = false): Step[] {
  if (rows.length === 0) return [];
  if (!target.exists) {
    // The table is made empty (a header and one blank row) in a round trip of its own, so nobody
    // sees our rows before the guarded write batch: the rows then go in like any append.
    const create = createTableStep({
      what: `the new ${target.what}`,
      sheet: target.sheet,
      table: target.table,
      onExistingSheet: target.onExistingSheet ?? false,
      values: [[...target.headers], target.headers.map(() => "")],
      formats: [target.headers.map(() => "@"), formats[0]],
      token,
    });
    const made = {
      ...target,
      exists: true,
      blankBody: true,
      bodyAddress: `${quoteSheet(target.sheet)}!${areaName({ row: 1, col: 0, rowCount: 1, colCount: target.headers.length })}`,
    };
    return [create, ...appendSteps(made, rows, formats, keyColumns, token, asFormulas)];
  }
  const steps: Step[] = [];
  let rest = rows;
  let restFormats = formats;
  if (target.blankBody && target.bodyAddress) {
    // Excel keeps one blank row in a table emptied by hand: the first new row goes there.
    const body = parseAddress(target.bodyAddress);
    const writes: CellWrite[] = rows[0].map((value, c) => ({
      row: body.row,
      col: body.col + c,
      value,
      numberFormat: formats[0][c],
      expected: "",
      expectedFormat: "General",
      conflict: () => `Someone wrote in the empty first row of ${target.table} meanwhile.`,
    }));
    steps.push(cellsStep(`the first row of ${target.what}`, body.sheet!, writes)!);
    rest = rows.slice(1);
    restFormats = formats.slice(1);
  }
  steps.push(
    ...[
      appendRowsStep({
        what: `the new rows of ${target.what}`,
        table: target.table,
        rows: rest,
        formats: restFormats,
        keyColumns,
        asFormulas,
        blocked: `The cells right under the table ${target.table} are not empty, so KPI Lens cannot add to it without covering them: move them, then try again.`,
      }),
    ].filter((s): s is Step => s !== null),
  );
  return steps;
}

const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;

/** The later headers a table lacks that some entry has a value for. */
function laterNeeded(spec: TableSpec, state: TableState, entries: readonly Record<string, unknown>[]): string[] {
  return (spec.laterHeaders ?? []).filter((h) => state.columns[spec.headers.indexOf(h)] < 0 && entries.some((e) => filled(e[h])));
}

/**
 * When rows for an existing table have something for later columns it lacks (laterHeaders): reads
 * (one sync) that the cells right of it are empty, records the new columns in `state` (so
 * tableAppendSteps writes into them), and returns the step that adds them, to be planned before
 * the rows. Null when nothing is missing or the table is to be made (it is made with them).
 */
export async function laterColumnsStep(
  context: Excel.RequestContext,
  spec: TableSpec,
  state: TableState,
  entries: readonly Record<string, unknown>[],
): Promise<Step | null> {
  const wanted = state.exists && state.bodyAddress ? laterNeeded(spec, state, entries) : [];
  if (wanted.length === 0) return null;
  assertWritable(state);
  const columns = { table: spec.table, bodyAddress: state.bodyAddress!, width: state.width, headers: wanted, rowsBelow: entries.length };
  const what = spec.what.replace(/^The /, "");
  const blocked = `To record ${wanted.join(", ")} in ${what}, KPI Lens adds ${wanted.length > 1 ? "those columns" : "that column"} at the right of ${spec.table}, but the cells there are not empty. Move them, then try again; nothing was changed.`;
  await checkRoomForColumns(context, { ...columns, blocked });
  wanted.forEach((h, i) => (state.columns[spec.headers.indexOf(h)] = state.width + i));
  state.width += wanted.length;
  return columnsAtEndStep({ ...columns, blocked });
}

/** The steps that add rows (values by header) to one of the add-in's tables, making it on first use. */
export function tableAppendSteps(spec: TableSpec, state: TableState, entries: Record<string, unknown>[], token: string): Step[] {
  if (entries.length === 0) return [];
  assertWritable(state);
  // A later column a new table's rows do not use is left out of it (laterHeaders).
  const made = spec.headers.filter((h) => !spec.laterHeaders?.includes(h) || entries.some((e) => filled(e[h])));
  const lost = state.exists ? laterNeeded(spec, state, entries) : [];
  if (lost.length > 0) throw new Error(`${spec.table} lacks ${lost.join(", ")}: plan laterColumnsStep first.`);
  const text = new Set(spec.textHeaders ?? spec.headers);
  const width = state.exists ? state.width : made.length;
  const columnOf = (i: number) => (state.exists ? state.columns[i] : made.indexOf(spec.headers[i]));
  const rows = entries.map((entry) => {
    const values = Array.from({ length: width }, () => "" as unknown);
    spec.headers.forEach((h, i) => columnOf(i) >= 0 && (values[columnOf(i)] = entry[h] ?? ""));
    return values;
  });
  const formats = entries.map(() => {
    const f = Array.from({ length: width }, () => "General");
    spec.headers.forEach((h, i) => columnOf(i) >= 0 && text.has(h) && (f[columnOf(i)] = "@"));
    return f;
  });
  const target: AppendTarget = { ...state, sheet: spec.sheet, table: spec.table, what: spec.what.replace(/^The /, ""), headers: made };
  const keys = spec.headers.map((_, i) => columnOf(i)).filter((c) => c >= 0);
  const steps = appendSteps(target, rows, formats, keys, token);
  const schema =
    !state.exists && !state.schemaSettingExists
      ? settingStep(spec.schemaSetting, spec.version, { exists: false, value: null }, `the schema version of ${spec.what.toLowerCase()}`)
      : null;
  return schema ? [...steps, schema] : steps;
}

/**
 * Steps that change some cells of one row (by header), located by the row's key columns at write
 * time (`key`: a header and the value it must hold), each guarded by the value the operation read.
 * A user's formula is never replaced: the caller asks first (FormulaConflictError).
 */
export function rowChangeStep(
  spec: TableSpec,
  state: TableState,
  rowIndex: number,
  change: Record<string, unknown>,
  key: { headers: string[]; moved: string },
  replaceFormulas = false,
): Step | null {
  assertWritable(state);
  if (!state.bodyAddress || rowIndex < 0 || rowIndex >= state.rows.length)
    throw new KpiWorkbookError(`That row of ${spec.what.toLowerCase()} is gone: refresh and try again.`);
  const body = parseAddress(state.bodyAddress);
  const text = new Set(spec.textHeaders ?? spec.headers);
  const writes: CellWrite[] = [];
  const conflicts: { column: string; formula: string; value: unknown }[] = [];
  for (const [header, value] of Object.entries(change)) {
    const col = state.columns[spec.headers.indexOf(header)];
    const old = state.formulas[rowIndex]?.[col] ?? state.rows[rowIndex][col];
    if (String(state.rows[rowIndex][col] ?? "") === String(value ?? "")) continue;
    if (String(old ?? "").startsWith("=")) conflicts.push({ column: header, formula: String(old), value: state.rows[rowIndex][col] });
    writes.push({
      row: body.row + rowIndex,
      col: body.col + col,
      value,
      numberFormat: text.has(header) ? "@" : null,
      expected: old,
      expectedFormat: state.numberFormats[rowIndex]?.[col] ?? "General",
      conflict: (now) => `${header} in ${spec.what.toLowerCase()} was changed meanwhile (now ${JSON.stringify(now)}).`,
    });
  }
  if (conflicts.length > 0 && !replaceFormulas) throw new FormulaConflictError(conflicts, spec.what.toLowerCase());
  const cols = key.headers.map((h) => state.columns[spec.headers.indexOf(h)]);
  const ids = cols.map((c) => String(state.rows[rowIndex][c] ?? ""));
  return cellsStep(`the row of ${spec.what.toLowerCase()}`, body.sheet!, writes, {
    row: body.row + rowIndex,
    cols: cols.map((c) => body.col + c),
    ids,
    moved: key.moved,
  });
}
