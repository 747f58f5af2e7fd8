/**
 * Adding and removing table rows by identity.
 *
 * Rows are appended by writing the cells right below the table, which Excel takes into the table
 * ("Coauthoring in Excel add-ins", learn.microsoft.com: TableRowCollection.add is a known cause of
 * coauthoring merge conflicts; set Range.values directly below the table instead, the table
 * expands to include them). The range below is found by Excel at write time
 * (`table.getRange().getRowsBelow(n)`), not from a row count read earlier, and guarded: it must be
 * empty, else the rows would cover a co-author's new row or the user's cells.
 *
 * An appended row is removed (undo) by what it holds, its key columns, never by a count: rows a
 * co-author appended meanwhile stay.
 */
import { parseAddress, areaName } from "../../core/excel/a1";
import { sameContent, Step } from "../writeEngine";

function splitAddress(address: string): { sheet: string; area: string } {
  const a = parseAddress(address);
  return { sheet: a.sheet ?? "", area: areaName(a) };
}

export interface AppendSpec {
  what: string;
  table: string;
  /** The rows, each as wide as the table, values by column. */
  rows: unknown[][];
  /** Each row's number formats ("@" for text columns, so "=1+1" stays text). */
  formats: string[][];
  /** Columns that identify a row we appended (the register's ID; every column of a log row). */
  keyColumns: number[];
  /** What to say when the cells under the table are not empty at write time. */
  blocked: string;
  /** Write the rows as formulas (an undo putting a row back as it was). */
  asFormulas?: boolean;
}

const isEmpty = (v: unknown) => v === "" || v === null || v === undefined;

/** Deletes, newest first, each table row whose key columns equal one of `rows` (each row once). */
export async function deleteRowsLike(
  context: Excel.RequestContext,
  tableName: string,
  rows: readonly unknown[][],
  keyColumns: readonly number[],
): Promise<void> {
  const table = context.workbook.tables.getItemOrNullObject(tableName);
  await context.sync();
  if (table.isNullObject) return;
  const body = table.getDataBodyRange().load("formulas");
  await context.sync();
  const wanted = rows.map((r) => keyColumns.map((c) => r[c]));
  const matches: number[] = [];
  for (let i = body.formulas.length - 1; i >= 0 && wanted.length > 0; i--) {
    const at = wanted.findIndex((key) => key.every((v, k) => sameContent(body.formulas[i][keyColumns[k]], v)));
    if (at < 0) continue;
    wanted.splice(at, 1);
    matches.push(i);
  }
  // Highest index first, so each deletion leaves the indexes of the others valid.
  for (const i of matches) table.rows.getItemAt(i).delete();
}

export function appendRowsStep(spec: AppendSpec): Step | null {
  if (spec.rows.length === 0) return null;
  let below: Excel.Range | null = null;
  let before: Excel.Range | null = null;
  let after: Excel.Range | null = null;
  const tableOf = (context: Excel.RequestContext) => context.workbook.tables.getItem(spec.table);
  return {
    what: spec.what,
    guard(context) {
      before = tableOf(context).getRange().load("rowCount");
      below = tableOf(context).getRange().getRowsBelow(spec.rows.length).load("formulas, address");
    },
    apply(context) {
      const target = tableOf(context).getRange().getRowsBelow(spec.rows.length);
      target.numberFormat = spec.formats;
      if (spec.asFormulas) target.formulas = spec.rows as string[][];
      else target.values = spec.rows as (string | number | boolean)[][];
      after = tableOf(context).getRange().load("rowCount");
    },
    check() {
      if (below && below.formulas.some((row) => row.some((v) => !isEmpty(v)))) return spec.blocked;
      if (before && after && after.rowCount !== before.rowCount + spec.rows.length) {
        return `Excel did not take the new row${spec.rows.length > 1 ? "s" : ""} into ${spec.table} (is its automatic expansion turned off?).`;
      }
      return null;
    },
    async undo(context, applied) {
      const covered = applied && below !== null && below.formulas.some((row) => row.some((v) => !isEmpty(v)));
      if (!covered) {
        await deleteRowsLike(context, spec.table, spec.rows, spec.keyColumns);
        return;
      }
      // The cells under the table were someone's: put their contents back (the rows stay, as
      // typing under a table would have made them part of it).
      const { sheet, area } = splitAddress(below!.address);
      const range = context.workbook.worksheets.getItem(sheet).getRange(area);
      range.formulas = below!.formulas;
    },
  };
}

export interface DeleteSpec {
  what: string;
  table: string;
  /** The row's index in the table body as the operation read it, and the key it must hold there. */
  index: number;
  keyColumn: number;
  id: string;
  moved: string;
  /** The row as the operation read it (formulas and number formats), to put back on a refusal. */
  formulas: unknown[];
  numberFormats: unknown[];
}

/** Writes a row back at the end of a table (an undo: where it stood is the user's sort to choose). */
async function putBack(context: Excel.RequestContext, spec: DeleteSpec, formulas: unknown[], formats: unknown[]): Promise<void> {
  const table = context.workbook.tables.getItemOrNullObject(spec.table);
  await context.sync();
  if (table.isNullObject) return;
  const keys = table.getDataBodyRange().load("values");
  await context.sync();
  const id = String(formulas[spec.keyColumn] ?? "")
    .trim()
    .toUpperCase();
  if (
    keys.values.some(
      (r) =>
        String(r[spec.keyColumn] ?? "")
          .trim()
          .toUpperCase() === id,
    )
  )
    return;
  const target = table.getRange().getRowsBelow(1);
  target.numberFormat = [formats.map((f) => String(f ?? "General"))];
  target.formulas = [formulas as string[]];
}

/** Deletes one table row, guarded by its key; the undo writes back the row that was deleted. */
export function deleteRowStep(spec: DeleteSpec): Step {
  let row: Excel.Range | null = null;
  return {
    what: spec.what,
    guard(context) {
      row = context.workbook.tables.getItem(spec.table).rows.getItemAt(spec.index).getRange().load("values, formulas, numberFormat");
    },
    apply(context) {
      context.workbook.tables.getItem(spec.table).rows.getItemAt(spec.index).delete();
    },
    check() {
      return row &&
        String(row.values[0][spec.keyColumn] ?? "")
          .trim()
          .toUpperCase() !== spec.id.toUpperCase()
        ? spec.moved
        : null;
    },
    async undo(context, applied) {
      if (applied && row) await putBack(context, spec, row.formulas[0], row.numberFormat[0]);
      else await putBack(context, spec, spec.formulas, spec.numberFormats);
    },
  };
}
