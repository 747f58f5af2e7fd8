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
import { cellsOf, COLUMNS, REGISTER_SHEET, REGISTER_TABLE } from "./registerSchema";
import { Journal } from "./rollback";

export interface RowWriteOptions {
  /** Replace the user's formulas whose value differs from the new one. */
  replaceFormulas?: boolean;
}

/** Whether a register cell already holds `next` (numbers compare as numbers, text trimmed). */
function same(current: unknown, next: string | number): boolean {
  if (typeof next === "number") return typeof current === "number" ? current === next : String(current ?? "").trim() !== "" && Number(String(current).replace(/,/g, "")) === next;
  return String(current ?? "").trim() === next.trim();
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
  range.numberFormat = [COLUMNS.map(() => "@"), COLUMNS.map((c) => (c.text ? "@" : "General"))];
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
  for (const c of COLUMNS) if (c.text && read.columns[c.key] >= 0) added.getCell(0, read.columns[c.key]).numberFormat = [["@"]];
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
  const changes = COLUMNS.filter((c) => read.columns[c.key] >= 0 && !same(values[read.columns[c.key]], cells[c.key]));
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
    if (c.text) cell.numberFormat = [["@"]];
    cell.values = [[cells[c.key]]];
    const before = formulas[col] ?? "";
    const format = read.rowNumberFormats[rowIndex]?.[col] ?? "General";
    journal.record(`${c.header} of ${kpi.id}`, async (undo) => {
      const restored = undo.workbook.worksheets.getItem(body.sheet!).getRange(address);
      restored.numberFormat = [[format]];
      restored.formulas = [[before]];
    });
  }
}
