/**
 * Reading the register in two round trips: the table, the settings and the register sheet; then
 * the rows (values and formulas), and every defined name. Also finds what a damaged register
 * leaves behind: KPI names and our conditional formats whose register row is gone.
 */
import { KpiDefinition, targetRangeOf } from "../core/model/kpi";
import { parseAddress, qualified } from "../core/excel/a1";
import { DENOM_PREFIX, denomNameOf, NAME_PREFIX, nameOf, TARGET_PREFIX as TARGET_NAME_PREFIX, targetNameOf } from "../core/excel/workbookNames";
import { canonicalAddress } from "./registerText";
import { KpiWorkbookError } from "./errors";
import { entriesOf, HISTORY } from "./history";
import { queueTableState } from "./addinTable";
import { ACTIONS, actionsOf, checkInsOf, NOTES } from "./notesAndActions";
import { REPORTED, reportedOf } from "./reportedTable";
import { forecastRecordsOf } from "./forecastRows";
import { dateSystemOf } from "../core/excel/excelDates";
import {
  COLUMNS,
  duplicateIds,
  FORMATS_SETTING,
  mapColumns,
  missingRequired,
  parseRow,
  REGISTER_SHEET,
  REGISTER_TABLE,
  SCHEMA_SETTING,
  SCHEMA_VERSION,
} from "./registerSchema";
import { emptyRegisterState } from "./registerReadTypes";
import type { FormatsRecord, KnownTables, MovedText, RegisterRead, RegisterState } from "./registerReadTypes";

export { NAME_PREFIX, nameOf };
const TARGET_PREFIX = TARGET_NAME_PREFIX.toUpperCase();

export type { FormatsRecord, KnownTables, MovedText, NameInfo, Orphan, RegisterRead, RegisterState } from "./registerReadTypes";

/** Which of the add-in's tables a read found, for the next read. */
export function knownTablesOf(read: RegisterRead): Set<string> {
  const known = new Set<string>();
  if (read.state.exists) known.add(REGISTER_TABLE);
  for (const [spec, state] of [
    [HISTORY, read.history],
    [NOTES, read.notes],
    [ACTIONS, read.actions],
    [REPORTED, read.reported],
  ] as const)
    if (state.exists) known.add(spec.table);
  return known;
}

/**
 * Reads the register, the add-in's other tables, the settings and every name. With `known` (the
 * tables the last read found) it takes one round trip: those tables are addressed directly and
 * their rows read at once; a table that appeared since needs a second; one that has gone fails
 * the first (ItemNotFound), and the read starts again without `known` (two round trips).
 */
export async function readRegisterIn(context: Excel.RequestContext, known: KnownTables = new Set()): Promise<RegisterRead> {
  if (known.size === 0) return readWith(context, known);
  try {
    return await readWith(context, known);
  } catch (e) {
    if ((e as { code?: string }).code !== "ItemNotFound") throw e;
    return readWith(context, new Set());
  }
}

async function readWith(context: Excel.RequestContext, known: KnownTables): Promise<RegisterRead> {
  const first = queueFirstTrip(context, known);
  await context.sync();
  const tablesAfter = first.tablesAfterFirst.map((next) => next());

  // Methods are called on an *OrNullObject result only once the sync says it exists.
  const exists = first.registerKnown || !first.table.isNullObject;
  const used = !first.registerSheet.isNullObject && !exists ? first.registerSheet.getUsedRangeOrNullObject(true) : null;
  const parts = first.parts ?? (exists ? queueRegisterRows(first.table) : null);
  if (used || (exists && !first.registerKnown) || tablesAfter.some((t) => t.second)) await context.sync();
  const [history, notes, actions, reported] = tablesAfter.map((t) => t.state());
  const read = readOf(first, exists, parts, used, { history, notes, actions, reported });

  const version = first.schema.isNullObject ? null : Number(first.schema.value);
  if (version !== null && version > SCHEMA_VERSION) {
    read.state.readOnly = `This workbook's KPI register was written by a newer KPI Lens (schema ${version}; this one knows ${SCHEMA_VERSION}). It is shown read-only: update the add-in to edit it.`;
  }
  if (parts) readRows(read, parts.header.values[0], parts.body.values, parts.body.formulas, parts.body.numberFormat);
  if (!parts && read.registerSheetExists && !read.registerSheetEmpty) {
    read.state.readOnly ??= `The sheet "${REGISTER_SHEET}" has content but no ${REGISTER_TABLE} table. If you converted the table to a range, make it a table named ${REGISTER_TABLE} again (Insert › Table, then Table Design › Table Name); or rename that sheet so KPI Lens can start a new register.`;
  }
  if (parts?.protection.protected)
    read.state.readOnly ??= `The sheet holding the register is protected: KPI Lens can show it but not change it. Unprotect the sheet to edit KPIs.`;

  followNames(read);
  takeTableNames(read);
  findOrphans(read);
  readOtherTables(read);
  return read;
}

/**
 * The first round trip's loads: the settings, the register sheet, the add-in's other tables,
 * every table, sheet and name, and the date system; with the register known, its rows too.
 */
function queueFirstTrip(context: Excel.RequestContext, known: KnownTables) {
  const schema = context.workbook.settings.getItemOrNullObject(SCHEMA_SETTING);
  schema.load("value");
  const formatsSetting = context.workbook.settings.getItemOrNullObject(FORMATS_SETTING);
  formatsSetting.load("value");
  const registerSheet = context.workbook.worksheets.getItemOrNullObject(REGISTER_SHEET);
  const tablesAfterFirst = [HISTORY, NOTES, ACTIONS, REPORTED].map((spec) => queueTableState(context, spec, known.has(spec.table)));
  const allTables = context.workbook.tables;
  allTables.load("items/name");
  const allSheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name, items/formula, items/type, items/comment");
  // In the first round trip: a worksheet function evaluated by the workbook, no cell written.
  const date19040101 = context.workbook.functions.date(1904, 1, 1).load("value");
  const registerKnown = known.has(REGISTER_TABLE);
  const table = registerKnown ? context.workbook.tables.getItem(REGISTER_TABLE) : context.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
  const parts = registerKnown ? queueRegisterRows(table) : null;
  return { schema, formatsSetting, registerSheet, tablesAfterFirst, allTables, allSheets, names, date19040101, registerKnown, table, parts };
}

/** The read as the round trips found it, before its rows and names are interpreted. */
function readOf(
  first: ReturnType<typeof queueFirstTrip>,
  exists: boolean,
  parts: ReturnType<typeof queueRegisterRows> | null,
  used: Excel.Range | null,
  tables: Pick<RegisterRead, "history" | "notes" | "actions" | "reported">,
): RegisterRead {
  const { formatsSetting, names, allTables, allSheets } = first;
  const formats = (formatsSetting.isNullObject ? {} : (formatsSetting.value as FormatsRecord)) ?? {};
  const nameMap = new Map(names.items.map((n) => [n.name.toUpperCase(), { name: n.name, formula: String(n.formula), comment: n.comment ?? "", type: n.type }]));
  const state: RegisterState = emptyRegisterState(exists);
  return {
    state,
    columns: mapColumns([]),
    width: COLUMNS.length,
    rowIds: [],
    rowFormulas: [],
    rowValues: [],
    rowNumberFormats: parts ? parts.body.numberFormat : [],
    bodyAddress: parts ? parts.body.address : null,
    blankBody: false,
    formats,
    formatsSettingExists: !formatsSetting.isNullObject,
    schemaSettingExists: !first.schema.isNullObject,
    registerSheetExists: !first.registerSheet.isNullObject,
    registerSheetEmpty: used === null || used.isNullObject,
    registerFiltered: parts?.filter.isDataFiltered ?? false,
    names: nameMap,
    takenIds: new Set(),
    tableNames: allTables.items.map((t) => t.name),
    sheetNames: allSheets.items.map((w) => w.name),
    moved: [],
    dateSystem: dateSystemOf(first.date19040101.value),
    ...tables,
  };
}

/** The check-ins, actions, history and closes from the add-in's other tables, and why any of them cannot be written. */
function readOtherTables(read: RegisterRead): void {
  const { state } = read;
  state.checkIns = checkInsOf(read.notes);
  state.actions = actionsOf(read.actions, read.dateSystem);
  state.history = entriesOf(read.history);
  state.reported = reportedOf(read.reported, read.dateSystem);
  state.forecasts = forecastRecordsOf(REPORTED, read.reported);
  state.tableProblems = [read.history, read.notes, read.actions, read.reported].map((t) => t.damaged).filter((d): d is string => d !== null);
}

/** Queues the register's rows, their formats, its sheet's protection and its filter. */
function queueRegisterRows(table: Excel.Table) {
  return {
    header: table.getHeaderRowRange().load("values"),
    body: table.getDataBodyRange().load("values, formulas, numberFormat, address"),
    protection: table.worksheet.protection.load("protected"),
    filter: table.autoFilter.load("isDataFiltered"),
  };
}

function readRows(read: RegisterRead, headers: unknown[], values: unknown[][], formulas: unknown[][], numberFormats: unknown[][]): void {
  const { state } = read;
  read.width = headers.length;
  read.columns = mapColumns(headers);
  read.rowValues = values;
  read.rowFormulas = formulas;
  const missing = missingRequired(read.columns);
  if (missing.length > 0) {
    state.readOnly ??= `The register is missing the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (renamed or deleted). Restore ${missing.length > 1 ? "them" : "it"} to edit KPIs; nothing has been changed.`;
    state.problems.push({ row: 0, id: "", message: `The header row lacks ${missing.join(", ")}.` });
    // IDs still count as taken, so nothing new collides with a row the user can repair.
    const idCol = read.columns.id;
    if (idCol >= 0) for (const row of values) if (String(row[idCol] ?? "").trim()) read.takenIds.add(String(row[idCol]).trim().toUpperCase());
    return;
  }
  const parsed: { row: number; kpi: KpiDefinition }[] = [];
  values.forEach((row, i) => {
    const result = parseRow(row, read.columns, i + 1, numberFormats[i], read.dateSystem);
    if (result.ok === true) parsed.push({ row: i + 1, kpi: result.kpi });
    else if (result.ok === false) state.problems.push(result.problem);
    if (result.ok !== "empty") {
      const id = result.ok === true ? result.kpi.id : result.problem.id;
      if (id) read.takenIds.add(id.toUpperCase());
    }
    read.rowIds.push(result.ok === true ? result.kpi.id : "");
  });
  read.blankBody = values.length === 1 && parseRow(values[0], read.columns, 1).ok === "empty";
  const duplicates = duplicateIds(parsed);
  const duplicateRows = new Set(duplicates.map((d) => d.row));
  state.problems.push(...duplicates);
  for (const p of duplicates) read.rowIds[p.row - 1] = "";
  state.kpis = parsed.filter((p) => !duplicateRows.has(p.row)).map((p) => p.kpi);
  state.problems.sort((a, b) => a.row - b.row);
}

/**
 * Where each KPI's values, per-period target and denominators are now, from its names: the names
 * follow the cells when rows are inserted or a sheet renamed, the register's text does not. The
 * name is the truth: the definition carries the name's address, and a cell whose text lags is
 * listed in `read.moved` for the next write to correct. A broken name (#REF!) leaves the register's text.
 */
function followNames(read: RegisterRead): void {
  const { state, names } = read;
  for (const kpi of state.kpis) {
    const name = names.get(nameOf(kpi.id).toUpperCase());
    state.sources[kpi.id] = name && name.type === "Range" ? sourceOfName(name.formula) : null;
    const source = name && name.type === "Range" ? referenceOfName(name.formula) : null;
    if (source !== null && source !== canonicalAddress(kpi.source)) {
      read.moved.push({ id: kpi.id, column: "source", registerText: kpi.source, address: source });
      kpi.source = source;
    }
    if (kpi.targetRange) {
      const t = followRangeName(read, kpi.id, "target", targetNameOf(kpi.id), kpi.targetRange);
      [state.targets[kpi.id], kpi.targetRange] = [t.where, t.range];
    }
    if (kpi.denominatorRange) {
      const d = followRangeName(read, kpi.id, "denominatorRange", denomNameOf(kpi.id), kpi.denominatorRange);
      [state.denominators[kpi.id], kpi.denominatorRange] = [d.where, d.range];
    }
  }
}

/** Where a KPI's KPITarget_<ID> or KPIDenom_<ID> points (null: missing or broken), and the range the definition carries: the name's when the register's text lags (listed in `read.moved`). */
function followRangeName(
  read: RegisterRead,
  id: string,
  column: MovedText["column"],
  nameText: string,
  registerText: string,
): { where: string | null; range: string } {
  const name = read.names.get(nameText.toUpperCase());
  if (!name || name.type !== "Range") return { where: null, range: registerText };
  const range = targetRangeOf(name.formula);
  const lags = range !== null && range !== canonicalAddress(registerText);
  if (lags) read.moved.push({ id, column, registerText, address: range });
  return { where: sourceOfName(name.formula), range: lags ? range : registerText };
}

/** A name's reference as the register writes it: absolute, sheet-qualified, or a table column; null when it is neither. */
function referenceOfName(formula: string): string | null {
  const body = String(formula).replace(/^=/, "");
  if (body.includes("[")) return body;
  const canonical = canonicalAddress(body);
  return /!/.test(canonical) ? canonical : null;
}

/**
 * A table named KPI_<X> (the user's, or one of ours: KPI_History …) makes the ID X taken, as
 * would a name: Excel refuses a name that a table already has. Likewise KPITarget_ and KPIDenom_.
 */
function takeTableNames(read: RegisterRead): void {
  for (const table of read.tableNames) {
    const upper = table.toUpperCase();
    const prefix = [NAME_PREFIX, TARGET_NAME_PREFIX, DENOM_PREFIX].find((p) => upper.startsWith(p.toUpperCase()));
    if (prefix && upper.length > prefix.length) read.takenIds.add(upper.slice(prefix.length));
  }
}

/** KPI_ names and format records with no register row (read-only registers report none: their rows are unknown). */
function findOrphans(read: RegisterRead): void {
  for (const key of read.names.keys()) if (key.startsWith(NAME_PREFIX)) read.takenIds.add(key.slice(NAME_PREFIX.length));
  if (read.state.readOnly && read.state.exists) return;
  const rowIds = new Set(read.rowIds.filter(Boolean).map((id) => id.toUpperCase()));
  for (const p of read.state.problems) if (p.id) rowIds.add(p.id.toUpperCase());
  const ids = new Map<string, string>();
  for (const n of read.names.values())
    if (n.name.toUpperCase().startsWith(NAME_PREFIX)) ids.set(n.name.slice(NAME_PREFIX.length).toUpperCase(), n.name.slice(NAME_PREFIX.length));
  for (const n of read.names.values()) {
    const upper = n.name.toUpperCase();
    if (upper.startsWith(TARGET_PREFIX) && !ids.has(upper.slice(TARGET_PREFIX.length)))
      ids.set(upper.slice(TARGET_PREFIX.length), n.name.slice(TARGET_PREFIX.length));
  }
  for (const id of Object.keys(read.formats)) if (!ids.has(id.toUpperCase())) ids.set(id.toUpperCase(), id);
  for (const [key, id] of ids) {
    if (rowIds.has(key)) continue;
    const name = read.names.get(nameOf(key));
    const recorded = Object.entries(read.formats).find(([k]) => k.toUpperCase() === key)?.[1];
    read.state.orphans.push({
      id,
      name: name ? name.name : null,
      targetName: read.names.get(targetNameOf(key).toUpperCase())?.name ?? null,
      source: name && name.type === "Range" ? sourceOfName(name.formula) : null,
      formatsAt: recorded?.address ?? null,
    });
  }
}

/** What a KPI name stands for, as the register shows it: an address or a table column. */
export function sourceOfName(formula: string): string | null {
  const body = String(formula).replace(/^=/, "");
  if (body.includes("[")) return body;
  try {
    const area = parseAddress(body);
    return area.sheet === undefined ? null : qualified(area.sheet, area);
  } catch {
    return null;
  }
}

/** The KPI with this ID, or an error that says why the row cannot be used. */
export function findKpi(read: RegisterRead, id: string): KpiDefinition {
  const kpi = read.state.kpis.find((k) => k.id.toUpperCase() === id.toUpperCase());
  if (kpi) return kpi;
  const problem = read.state.problems.find((p) => p.id.toUpperCase() === id.toUpperCase());
  if (problem) throw new KpiWorkbookError(`Row ${problem.row} of the register (${problem.id}) ${problem.message}: correct it in the register first.`);
  throw new KpiWorkbookError(`There is no KPI with ID ${id} in the register any more; it may have been removed by hand.`);
}
