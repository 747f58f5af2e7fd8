/**
 * Writing a KPI's register row. Only cells whose value changes are written, so a write never
 * touches the user's other cells; a cell holding the user's formula is never replaced by a
 * constant unless the user said so (FormulaConflictError asks first). Every write is journalled
 * for rollback.
 */
import { KpiDefinition } from "../core/model/kpi";
import { areaName, parseAddress } from "../core/excel/a1";
import { FormulaConflictError } from "./errors";
import { RegisterRead } from "./registerRead";
import { cellsOf, ColumnKey, COLUMNS, numberFormatOf, REGISTER_SHEET, REGISTER_TABLE } from "./registerSchema";
import { KpiWorkbookError } from "./errors";
import { AppendTarget, appendSteps } from "./addinTable";
import { CellWrite, cellsStep } from "./steps/cells";
import { Step } from "./writeEngine";
import { registerTextOf, sameRegisterText } from "./registerText";

export interface RowWriteOptions {
  /** Replace the user's formulas whose value differs from the new one. */
  replaceFormulas?: boolean;
}

/** Whether a register cell already holds `next` (numbers compare as numbers, text trimmed) and, where it matters, means it (a percentage). */
/** A register value as written: Excel takes a leading apostrophe for its text prefix, so one more keeps it (registerText.ts). */
const writable = (v: string | number) => (typeof v === "string" ? registerTextOf(v) : v);

function same(current: unknown, next: string | number, currentFormat: unknown, nextFormat: string | null): boolean {
  if (typeof next === "string" && /!/.test(next)) return sameRegisterText(current, next);
  if (nextFormat !== null && String(currentFormat ?? "General").includes("%") !== nextFormat.includes("%")) return false;
  if (typeof next === "number")
    return typeof current === "number" ? current === next : String(current ?? "").trim() !== "" && Number(String(current).replace(/,/g, "")) === next;
  return String(current ?? "").trim() === next.trim();
}

/**
 * A register written by an earlier KPI Lens lacks the later columns (Roll-up, Trigger, …). When a
 * write has something to put in one, the column is added at the table's right end first, so the
 * value is kept instead of dropped. Reads before it queues anything: the cells right of the
 * table must be empty (the user's own cells are never pushed or covered).
 */
export async function ensureColumns(context: Excel.RequestContext, read: RegisterRead, kpi: KpiDefinition): Promise<Step | null> {
  if (!read.state.exists || !read.bodyAddress) return null;
  const cells = cellsOf(kpi);
  const defaults: Partial<Record<string, string>> = { aggregation: "last" };
  const wanted = COLUMNS.filter((c) => read.columns[c.key] < 0 && String(cells[c.key]) !== "" && String(cells[c.key]) !== defaults[c.key]);
  if (wanted.length === 0) return null;
  const body = parseAddress(read.bodyAddress);
  const right = context.workbook.worksheets
    .getItem(body.sheet!)
    .getRange(areaName({ row: body.row - 1, col: body.col + read.width, rowCount: body.rowCount + 1, colCount: wanted.length }));
  right.load("formulas");
  await context.sync();
  if (right.formulas.flat().some((v) => v !== "" && v !== null)) {
    throw new KpiWorkbookError(
      `To keep ${wanted.map((c) => c.header).join(", ")} of ${kpi.name}, KPI Lens adds ${wanted.length > 1 ? "those columns" : "that column"} at the right of the register, but the cells there are not empty. Move them, then try again; nothing was changed.`,
    );
  }
  const first = read.width;
  wanted.forEach((c, i) => (read.columns[c.key] = first + i));
  read.width += wanted.length;
  return {
    what: `the register's new column${wanted.length > 1 ? "s" : ""}`,
    apply(context) {
      const table = context.workbook.tables.getItem(REGISTER_TABLE);
      for (const c of wanted) table.columns.add(undefined, undefined, c.header);
    },
    async undo(context) {
      // Only the columns this step added, known by their headers at the table's right end.
      const t = context.workbook.tables.getItemOrNullObject(REGISTER_TABLE);
      await context.sync();
      if (t.isNullObject) return;
      const header = t.getHeaderRowRange().load("values");
      await context.sync();
      const headers = header.values[0].map((h) => String(h));
      for (let i = headers.length - 1; i >= first; i--) if (wanted.some((c) => c.header === headers[i])) t.columns.getItemAt(i).delete();
    },
  };
}

/** The register row of a definition, as wide as the table, with its number formats (Text first, so "=1+1" stays text). */
function rowOf(kpi: KpiDefinition, width: number, columnOf: (key: ColumnKey) => number): { values: unknown[]; formats: string[] } {
  const cells = cellsOf(kpi);
  const values = Array.from({ length: width }, () => "" as unknown);
  const formats = Array.from({ length: width }, () => "General");
  for (const c of COLUMNS) {
    const col = columnOf(c.key);
    if (col < 0) continue;
    values[col] = writable(cells[c.key]);
    formats[col] = c.text ? "@" : (numberFormatOf(kpi, c.key) ?? "General");
  }
  return { values, formats };
}

/** The steps that add a definition's row to the register, making the register on first use. */
export function registerAppendSteps(read: RegisterRead, kpi: KpiDefinition, token: string): Step[] {
  const exists = read.state.exists;
  const width = exists ? read.width : COLUMNS.length;
  const columnOf = (key: ColumnKey) => (exists ? read.columns[key] : COLUMNS.findIndex((c) => c.key === key));
  const { values, formats } = rowOf(kpi, width, columnOf);
  const target: AppendTarget = {
    sheet: REGISTER_SHEET,
    table: REGISTER_TABLE,
    what: "register",
    exists,
    onExistingSheet: read.registerSheetExists,
    blankBody: read.blankBody,
    bodyAddress: read.bodyAddress,
    headers: COLUMNS.map((c) => c.header),
  };
  return appendSteps(target, [values], [formats], [columnOf("id")], token);
}

/**
 * The step that writes the changed cells of a KPI's row, located by its ID at write time (the key
 * cell must still hold it: a sort or an inserted row between the read and the write is caught).
 * `fields` limits the write to the columns the user changed. Throws FormulaConflictError (before
 * anything is queued) when a changed cell holds the user's formula and replaceFormulas is not set.
 */
export function registerUpdateStep(read: RegisterRead, kpi: KpiDefinition, options: RowWriteOptions = {}, fields?: readonly ColumnKey[]): Step | null {
  const rowIndex = read.rowIds.findIndex((id) => id.toUpperCase() === kpi.id.toUpperCase());
  if (rowIndex < 0) throw new KpiWorkbookError(`There is no KPI with ID ${kpi.id} in the register any more; it may have been removed by hand.`);
  const cells = cellsOf(kpi);
  const values = read.rowValues[rowIndex] ?? [];
  const formulas = read.rowFormulas[rowIndex] ?? [];
  const formats = read.rowNumberFormats[rowIndex] ?? [];
  // A Source, Target or Denominator text that lags behind its name (registerRead.ts followNames) is
  // corrected by any write of the row, whatever fields the user changed, so the register never keeps pointing back.
  const lagging = read.moved.filter((m) => m.id.toUpperCase() === kpi.id.toUpperCase()).map((m): ColumnKey => m.column);
  const wanted = COLUMNS.filter((c) => read.columns[c.key] >= 0 && (!fields || fields.includes(c.key) || lagging.includes(c.key)));
  const changes = wanted.filter((c) => !same(values[read.columns[c.key]], cells[c.key], formats[read.columns[c.key]], numberFormatOf(kpi, c.key)));
  const conflicts = changes
    .filter((c) => String(formulas[read.columns[c.key]] ?? "").startsWith("="))
    .map((c) => ({ column: c.header, formula: String(formulas[read.columns[c.key]]), value: values[read.columns[c.key]] }));
  if (conflicts.length > 0 && !options.replaceFormulas) throw new FormulaConflictError(conflicts);
  const body = parseAddress(read.bodyAddress!);
  const writes: CellWrite[] = changes.map((c) => {
    const col = read.columns[c.key];
    return {
      row: body.row + rowIndex,
      col: body.col + col,
      value: writable(cells[c.key]),
      numberFormat: c.text ? "@" : numberFormatOf(kpi, c.key),
      expected: formulas[col] ?? "",
      expectedFormat: formats[col] ?? "General",
      conflict: (now) =>
        `${c.header} of ${kpi.name} was changed in the register meanwhile (it now holds ${JSON.stringify(now)}; you wanted ${JSON.stringify(cells[c.key])}).`,
    };
  });
  const moved = `${kpi.name}'s row moved in the register while you saved (it was sorted, or a row was inserted or deleted).`;
  return cellsStep(`the register row of ${kpi.id}`, body.sheet!, writes, {
    row: body.row + rowIndex,
    cols: [body.col + read.columns.id],
    ids: [kpi.id],
    moved,
  });
}
