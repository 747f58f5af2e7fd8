/**
 * The audit trail: every change to a KPI's definition (tagging, untagging, each changed field)
 * appended to a table KPI_History on a sheet "KPI History": when (ISO date and time), KPI, field,
 * old value, new value, and who (the name the user gave in the pane: Excel gives an add-in no
 * identity). Readable and filterable without the add-in; written in the same all-or-nothing
 * operation as the change it records, and only appended to, never rewritten.
 */
import { areaName } from "../core/a1";
import { KpiDefinition } from "../core/kpi";
import { cellsOf, COLUMNS } from "./registerSchema";
import { Journal } from "./rollback";

export const HISTORY_SHEET = "KPI History";
export const HISTORY_TABLE = "KPI_History";
export const HISTORY_SCHEMA_SETTING = "KPILens.historySchemaVersion";
export const HISTORY_SCHEMA_VERSION = 1;
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

export interface HistoryState {
  exists: boolean;
  /** A sheet "KPI History" that holds no history table: never written into. */
  sheetTaken: boolean;
  rows: number;
}

/**
 * Reads whether the history exists and how long it is, in the register read's two syncs:
 * `first` queues the look-ups before its first sync, and the function it returns queues the
 * count before the second; the result is ready after that.
 */
export function queueHistoryState(ctx: Excel.RequestContext): () => () => HistoryState {
  const table = ctx.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
  const sheet = ctx.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
  return () => {
    if (table.isNullObject) return () => ({ exists: false, sheetTaken: !sheet.isNullObject, rows: 0 });
    table.rows.load("count");
    return () => ({ exists: true, sheetTaken: false, rows: table.rows.count });
  };
}

/** Queues `entries` at the end of the history (creating it on first use), journalled. */
export function queueHistory(ctx: Excel.RequestContext, state: HistoryState, entries: HistoryEntry[], journal: Journal): void {
  if (entries.length === 0 || state.sheetTaken) return;
  const rows = entries.map((e) => [e.when, e.kpi, e.field, e.old, e.new, e.who]);
  if (!state.exists) {
    const created = ctx.workbook.worksheets.add(HISTORY_SHEET);
    const range = created.getRange(areaName({ row: 0, col: 0, rowCount: rows.length + 1, colCount: HISTORY_HEADERS.length }));
    range.numberFormat = Array.from({ length: rows.length + 1 }, () => HISTORY_HEADERS.map(() => "@"));
    range.values = [[...HISTORY_HEADERS], ...rows];
    ctx.workbook.tables.add(range, true).name = HISTORY_TABLE;
    ctx.workbook.settings.add(HISTORY_SCHEMA_SETTING, HISTORY_SCHEMA_VERSION);
    journal.record("the new history", async (undo) => {
      const s = undo.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET);
      const setting = undo.workbook.settings.getItemOrNullObject(HISTORY_SCHEMA_SETTING);
      await undo.sync();
      if (!s.isNullObject) s.delete();
      if (!setting.isNullObject) setting.delete();
    });
    return;
  }
  const table = ctx.workbook.tables.getItem(HISTORY_TABLE);
  for (const row of rows) {
    // Formatted as Text before the values arrive, so an old value "=1+1" stays text.
    const added = table.rows.add(undefined, [HISTORY_HEADERS.map(() => "")]).getRange();
    added.numberFormat = [HISTORY_HEADERS.map(() => "@")];
    added.values = [row];
  }
  journal.record("the history rows", async (undo) => {
    const t = undo.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
    await undo.sync();
    if (t.isNullObject) return;
    t.rows.load("count");
    await undo.sync();
    for (let i = t.rows.count - 1; i >= state.rows; i--) t.rows.getItemAt(i).delete();
  });
}

/** A KPI's history, oldest first (two syncs). */
export async function readHistoryIn(ctx: Excel.RequestContext, id: string): Promise<HistoryEntry[]> {
  const table = ctx.workbook.tables.getItemOrNullObject(HISTORY_TABLE);
  await ctx.sync();
  if (table.isNullObject) return [];
  const body = table.getDataBodyRange();
  body.load("values");
  await ctx.sync();
  return body.values
    .map(([when, kpi, field, old, next, who]) => ({ when: String(when), kpi: String(kpi), field: String(field), old: String(old), new: String(next), who: String(who) }))
    .filter((e) => e.kpi.toUpperCase() === id.toUpperCase());
}
