/**
 * The audit trail: every change to a KPI's definition (tagging, untagging, each changed field)
 * appended to a table KPI_History on a sheet "KPI History": when (ISO date and time), KPI, field,
 * old value, new value, and who (the name the user gave in the pane: Excel gives an add-in no
 * identity). Readable and filterable without the add-in; written in the same all-or-nothing
 * operation as the change it records, and only appended to, never rewritten.
 */
import { KpiDefinition } from "../core/model/kpi";
import { cellOf, readTableIn, tableAppendSteps, TableSpec, TableState } from "./addinTable";
import { cellsOf, COLUMNS } from "./registerSchema";
import { Step } from "./writeEngine";
import { HISTORY_NAMES } from "../core/excel/workbookNames";

export const HISTORY_SHEET = HISTORY_NAMES.sheet;
export const HISTORY_TABLE = HISTORY_NAMES.table;
export const HISTORY_SCHEMA_SETTING = HISTORY_NAMES.schemaSetting;
export const HISTORY_SCHEMA_VERSION = HISTORY_NAMES.version;
export const HISTORY_HEADERS = ["When", "KPI", "Field", "Old", "New", "Who"] as const;

export interface HistoryEntry {
  when: string;
  kpi: string;
  field: string;
  old: string;
  new: string;
  who: string;
}

/** The entries a change makes: one per field whose register value changes. */
export function changes(before: KpiDefinition | null, after: KpiDefinition | null, when: string, who: string): HistoryEntry[] {
  if (!before && after) return [{ when, kpi: after.id, field: "Tagged", old: "", new: after.source, who }];
  if (before && !after) return [{ when, kpi: before.id, field: "Untagged", old: before.source, new: "", who }];
  if (!before || !after) return [];
  const a = cellsOf(before);
  const b = cellsOf(after);
  return COLUMNS.filter((c) => c.key !== "lastReviewed" && String(a[c.key]) !== String(b[c.key])).map((c) => ({
    when,
    kpi: after.id,
    field: c.header,
    old: String(a[c.key]),
    new: String(b[c.key]),
    who,
  }));
}

export const HISTORY: TableSpec = {
  sheet: HISTORY_SHEET,
  table: HISTORY_TABLE,
  headers: HISTORY_HEADERS,
  schemaSetting: HISTORY_SCHEMA_SETTING,
  version: HISTORY_SCHEMA_VERSION,
  what: "The KPI history",
};

/**
 * The steps that append `entries` to the history (creating it on first use). A damaged history is
 * not written (the pane says so); the change it would record still goes ahead, as refusing every
 * edit for want of a trail would leave the user stuck.
 */
export function historySteps(state: TableState, entries: HistoryEntry[], token: string): Step[] {
  if (entries.length === 0 || state.damaged) return [];
  return tableAppendSteps(
    HISTORY,
    state,
    entries.map((e) => ({ When: e.when, KPI: e.kpi, Field: e.field, Old: e.old, New: e.new, Who: e.who })),
    token,
  );
}

/** The history's entries, in table order. */
export function entriesOf(state: TableState): HistoryEntry[] {
  const at = (row: unknown[], h: string) => String(cellOf(HISTORY, state, row, h) ?? "");
  return state.rows.map((row) => ({
    when: at(row, "When"),
    kpi: at(row, "KPI"),
    field: at(row, "Field"),
    old: at(row, "Old"),
    new: at(row, "New"),
    who: at(row, "Who"),
  }));
}

/** A KPI's history, oldest first (two syncs). */
export async function readHistoryIn(context: Excel.RequestContext, id: string): Promise<HistoryEntry[]> {
  return entriesOf(await readTableIn(context, HISTORY)).filter((e) => e.kpi.toUpperCase() === id.toUpperCase());
}
