/**
 * Writing a KPI's register row. Only cells whose value changes are written, so a write never
 * touches the user's other cells; a cell holding the user's formula is never replaced by a
 * constant unless the user said so (FormulaConflictError asks first). Every write is journalled
 * for rollback.
 */
import { KpiDefinition } from "../core/kpi";
import { areaName, parseAddress } from "../core/a1";
import { FormulaConflictError } from "./errors";
import { RegisterRead } from "./registerRead";
import { cellsOf, COLUMNS, numberFormatOf, REGISTER_SHEET, REGISTER_TABLE } from "./registerSchema";
import { KpiWorkbookError } from "./errors";
import { Journal } from "./rollback";

export interface RowWriteOptions {
  /** Replace the user's formulas whose value differs from the new one. */
  replaceFormulas?: boolean;
}

/** Whether a register cell already holds `next` (numbers compare as numbers, text trimmed) and, where it matters, means it (a percentage). */
function same(current: unknown, next: string | number, currentFormat: unknown, nextFormat: string | null): boolean {
  if (nextFormat !== null && String(currentFormat ?? "General").includes("%") !== nextFormat.includes("%")) return false;
  if (typeof next === "number") return typeof current === "number" ? current === next : String(current ?? "").trim() !== "" && Number(String(current).replace(/,/g, "")) === next;
  return String(current ?? "").trim() === next.trim();
}

/**
 * A register written by an earlier KPI Lens lacks the later columns (Roll-up, Trigger, …). When a
 * write has something to put in one, the column is added at the table's right end first, so the
 * value is kept instead of dropped. Reads before it queues anything: the cells right of the
 * table must be empty (the user's own cells are never pushed or covered).
 */
export async function ensureColumns(ctx: Excel.RequestContext, read: RegisterRead, kpi: KpiDefinition, journal: Journal): Promise<void> {
  if (!read.state.exists || !read.bodyAddress) return;
  const cells = cellsOf(kpi);
  const defaults: Partial<Record<string, string>> = { aggregation: "last" };
  const wanted = COLUMNS.filter((c) => read.columns[c.key] < 0 && String(cells[c.key]) !== "" && String(cells[c.key]) !== defaults[c.key]);
  if (wanted.length === 0) return;
  const body = parseAddress(read.bodyAddress);
  const right = ctx.workbook.worksheets.getItem(body.sheet!).getRange(areaName({ row: body.row - 1, col: body.col + read.width, rowCount: body.rowCount + 1, colCount: wanted.length }));
  right.load("formulas");
  await ctx.sync();
  if (right.formulas.flat().some((v) => v !== "" && v !== null)) {
    throw new KpiWorkbookError(
      `To keep ${wanted.map((c) => c.header).join(", ")} of ${kpi.name}, KPI Lens adds ${wanted.length > 1 ? "those columns" : "that column"} at the right of the register, but the cells there are not empty. Move them, then try again; nothing was changed.`,
    );
  }
  const table = ctx.workbook.tables.getItem(REGISTER_TABLE);
  wanted.forEach((c, i) => {
    table.columns.add(undefined, undefined, c.header);
    read.columns[c.key] = read.width + i;
  });
  const first = read.width;
  read.width += wanted.length;
  journal.record(`the register's new column${wanted.length > 1 ? "s" : ""}`, async (undo) => {
    const t = undo.workbook.tables.getItem(REGISTER_TABLE);
    t.columns.load("count");
    await undo.sync();
    for (let i = t.columns.count - 1; i >= first; i--) t.columns.getItemAt(i).delete();
  });
}

/**
 * Queues the creation of the register (sheet if needed, table with our headers, the first row).
 * Text columns get the Text number format first, so a name such as "=1+1" stays text.
 */
export function queueNewRegister(ctx: Excel.RequestContext, read: RegisterRead, kpi: KpiDefinition, journal: Journal): void {
  const cells = cellsOf(kpi);
  const created = !read.registerSheetExists;
  const sheet = created ? ctx.workbook.worksheets.add(REGISTER_SHEET) : ctx.workbook.worksheets.getItem(REGISTER_SHEET);
  const area = { row: 0, col: 0, rowCount: 2, colCount: COLUMNS.length };
  const range = sheet.getRange(areaName(area));
  range.numberFormat = [COLUMNS.map(() => "@"), COLUMNS.map((c) => (c.text ? "@" : (numberFormatOf(kpi, c.key) ?? "General")))];
  range.values = [COLUMNS.map((c) => c.header), COLUMNS.map((c) => cells[c.key])];
  const table = ctx.workbook.tables.add(range, true);
  table.name = REGISTER_TABLE;
  journal.record("the new register", async (undo) => {
    const t = undo.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
    const s = undo.workbook.worksheets.getItemOrNullObject(REGISTER_SHEET);
    await undo.sync();
    if (!t.isNullObject) t.delete();
    if (created && !s.isNullObject) s.delete();
    else if (!s.isNullObject) s.getRange(areaName(area)).clear("All");
  });
}

/** Queues a new row at the end of the register (or into Excel's blank first row). */
export function queueAppendRow(ctx: Excel.RequestContext, read: RegisterRead, kpi: KpiDefinition, journal: Journal): void {
  if (read.blankBody) {
    queueRowUpdate(ctx, read, kpi, 0, journal, { replaceFormulas: true });
    return;
  }
  const table = ctx.workbook.tables.getItem(REGISTER_TABLE);
  const count = read.rowIds.length;
  const cells = cellsOf(kpi);
  const row = Array.from({ length: read.width }, () => "" as string | number);
  for (const c of COLUMNS) if (read.columns[c.key] >= 0) row[read.columns[c.key]] = cells[c.key];
  // Text columns are formatted as Text before the values arrive, so "=1+1" stays text.
  const added = table.rows.add(undefined, [Array.from({ length: read.width }, () => "")]).getRange();
  for (const c of COLUMNS) {
    if (read.columns[c.key] < 0) continue;
    const format = c.text ? "@" : numberFormatOf(kpi, c.key);
    if (format) added.getCell(0, read.columns[c.key]).numberFormat = [[format]];
  }
  added.values = [row];
  journal.record(`the new register row ${kpi.id}`, async (undo) => {
    const t = undo.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
    await undo.sync();
    if (t.isNullObject) return;
    t.rows.load("count");
    await undo.sync();
    if (t.rows.count > count) t.rows.getItemAt(count).delete();
  });
}

/**
 * Queues the changed cells of an existing row. Throws FormulaConflictError (before queuing
 * anything) when a changed cell holds the user's formula and replaceFormulas is not set.
 */
export function queueRowUpdate(ctx: Excel.RequestContext, read: RegisterRead, kpi: KpiDefinition, rowIndex: number, journal: Journal, options: RowWriteOptions = {}): void {
  const cells = cellsOf(kpi);
  const values = read.rowValues[rowIndex] ?? [];
  const formulas = read.rowFormulas[rowIndex] ?? [];
  const formats = read.rowNumberFormats[rowIndex] ?? [];
  const changes = COLUMNS.filter((c) => read.columns[c.key] >= 0 && !same(values[read.columns[c.key]], cells[c.key], formats[read.columns[c.key]], numberFormatOf(kpi, c.key)));
  const conflicts = changes
    .filter((c) => String(formulas[read.columns[c.key]] ?? "").startsWith("="))
    .map((c) => ({ column: c.header, formula: String(formulas[read.columns[c.key]]), value: values[read.columns[c.key]] }));
  if (conflicts.length > 0 && !options.replaceFormulas) throw new FormulaConflictError(conflicts);
  if (changes.length === 0) return;
  const body = parseAddress(read.bodyAddress!);
  const sheet = ctx.workbook.worksheets.getItem(body.sheet!);
  for (const c of changes) {
    const col = read.columns[c.key];
    const address = areaName({ row: body.row + rowIndex, col: body.col + col, rowCount: 1, colCount: 1 });
    const cell = sheet.getRange(address);
    const format = c.text ? "@" : numberFormatOf(kpi, c.key);
    if (format) cell.numberFormat = [[format]];
    cell.values = [[cells[c.key]]];
    const before = formulas[col] ?? "";
    const formatBefore = read.rowNumberFormats[rowIndex]?.[col] ?? "General";
    journal.record(`${c.header} of ${kpi.id}`, async (undo) => {
      const restored = undo.workbook.worksheets.getItem(body.sheet!).getRange(address);
      restored.numberFormat = [[formatBefore]];
      restored.formulas = [[before]];
    });
  }
}
