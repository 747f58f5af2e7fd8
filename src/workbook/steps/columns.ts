/**
 * Adding named columns at the right end of one of the add-in's tables, for a table written by an
 * earlier KPI Lens that lacks a later schema's columns (addinTable.ts laterHeaders). The columns
 * go where the user's cells are not: the cells right of the table (and right of the rows about to
 * be appended under it) must be empty, read before anything is queued (so a refusal names the
 * cells, rather than Excel's refusal of the batch), and guarded again in the write batch, so a
 * co-author's typing there meanwhile is caught and put back. Added with
 * TableColumnCollection.add(index, values, name) at the end ("Excel.TableColumnCollection class",
 * learn.microsoft.com), as the register's later columns are (registerRow.ts ensureColumns).
 */
import { areaName, parseAddress } from "../../core/excel/a1";
import { KpiWorkbookError } from "../errors";
import { Step } from "../writeEngine";

export interface ColumnsAtEnd {
  table: string;
  /** The table's body as read, and its width (columns). */
  bodyAddress: string;
  width: number;
  headers: readonly string[];
  /** Rows about to be appended under the table: the new columns' cells there must be empty too. */
  rowsBelow: number;
  /** What the refusal says when the cells are not empty. */
  blocked: string;
}

/** The cells the new columns will take: right of the table, from its header to the last row appended. */
function areaOf(spec: ColumnsAtEnd): { sheet: string; address: string } {
  const body = parseAddress(spec.bodyAddress);
  return {
    sheet: body.sheet!,
    address: areaName({ row: body.row - 1, col: body.col + spec.width, rowCount: body.rowCount + 1 + spec.rowsBelow, colCount: spec.headers.length }),
  };
}

const empty = (formulas: unknown[][]) => formulas.every((row) => row.every((v) => v === "" || v === null || v === undefined));

/** Reads (one sync) whether the new columns' cells are empty, and throws `blocked` when not. */
export async function checkRoomForColumns(context: Excel.RequestContext, spec: ColumnsAtEnd): Promise<void> {
  const { sheet, address } = areaOf(spec);
  const right = context.workbook.worksheets.getItem(sheet).getRange(address).load("formulas");
  await context.sync();
  if (!empty(right.formulas)) throw new KpiWorkbookError(spec.blocked);
}

/** The step that adds the columns at the table's right end; its undo removes only those, known by their headers there. */
export function columnsAtEndStep(spec: ColumnsAtEnd): Step {
  const { sheet, address } = areaOf(spec);
  let before: Excel.Range | null = null;
  return {
    what: `the new column${spec.headers.length > 1 ? "s" : ""} of ${spec.table}`,
    guard(context) {
      before = context.workbook.worksheets.getItem(sheet).getRange(address).load("formulas");
    },
    apply(context) {
      const table = context.workbook.tables.getItem(spec.table);
      for (const h of spec.headers) table.columns.add(undefined, undefined, h);
    },
    check() {
      return before && !empty(before.formulas)
        ? `Someone wrote right of the table ${spec.table} meanwhile, where KPI Lens adds its columns ${spec.headers.join(", ")}.`
        : null;
    },
    async undo(context, applied) {
      const t = context.workbook.tables.getItemOrNullObject(spec.table);
      await context.sync();
      if (t.isNullObject) return;
      const header = t.getHeaderRowRange().load("values");
      await context.sync();
      const headers = header.values[0].map((h) => String(h));
      for (let i = headers.length - 1; i >= spec.width; i--) if (spec.headers.includes(headers[i])) t.columns.getItemAt(i).delete();
      // What a co-author typed there meanwhile goes back where it was.
      if (applied && before && !empty(before.formulas)) context.workbook.worksheets.getItem(sheet).getRange(address).formulas = before.formulas as string[][];
    },
  };
}
