/**
 * Creating one of the add-in's tables (the register, the history, the notes, the actions) with its
 * first rows. Two panes or co-authors may create it at the same moment, so what this operation
 * creates must be recognisable as its own: the sheet and the table are made under names unique to
 * the operation and renamed to theirs as the batch's last writes. If Excel refuses (the name is
 * taken: someone else made it first), the undo deletes only what carries this operation's unique
 * name, never the winner's sheet.
 *
 * An operation that makes two tables (the first tag: the register and the history) makes both in
 * one round trip (writeEngine.ts commit). A refusal there can come after one of them is made
 * and renamed, so a new sheet is also given a marker: a workbook name unique to the step that
 * refers to the sheet's first cell, and so follows it through its rename ("Names in formulas",
 * support.microsoft.com: a defined name's reference follows its sheet's rename). After a refusal
 * the marker finds the sheet this step made, whatever it is called by then; the write batch
 * deletes the marker, and an undo deletes it if it is still there.
 */
import { areaName } from "../../core/excel/a1";
import { sameContent, Step } from "../writeEngine";
import { deleteRowsLike } from "./rows";

export interface CreateSpec {
  what: string;
  sheet: string;
  table: string;
  /** Whether the sheet is there already (an empty sheet of that name, read by the operation). */
  onExistingSheet: boolean;
  /** Header row then rows, and their number formats. */
  values: unknown[][];
  formats: string[][];
  token: string;
}

/** A temporary name within Excel's 31 characters for sheets. */
const temporary = (name: string, token: string) => `${name.slice(0, 20)} ~${token}`;

/** The names a creation works under, unique to its operation, and the cells its table covers. */
interface Unfinished {
  tempSheet: string;
  tempTable: string;
  marker: string;
  area: string;
}

export function createTableStep(spec: CreateSpec): Step {
  const names: Unfinished = {
    tempSheet: temporary(spec.sheet, spec.token),
    tempTable: `${spec.table}_${spec.token}`,
    marker: `KPILens_new_${spec.table}_${spec.token}`,
    area: areaName({ row: 0, col: 0, rowCount: spec.values.length, colCount: spec.values[0].length }),
  };
  const { tempSheet, tempTable, marker, area } = names;
  let made: Made | null = null;
  return {
    what: spec.what,
    creates: spec.table,
    // A table on a sheet that was there (empty) has no sheet to mark: it is made in a round trip of its own.
    sharesPrepare: !spec.onExistingSheet,
    async prepare(context) {
      const sheet = spec.onExistingSheet ? context.workbook.worksheets.getItem(spec.sheet) : context.workbook.worksheets.add(tempSheet);
      if (!spec.onExistingSheet) context.workbook.names.add(marker, sheet.getRange("A1"), "KPI Lens: a sheet being made (removed once it is)");
      const range = sheet.getRange(area);
      range.numberFormat = spec.formats;
      range.values = spec.values as string[][];
      const table = sheet.tables.add(range, true);
      table.name = tempTable;
      // The renames last: when one is refused, everything this batch made still has its unique name.
      table.name = spec.table;
      if (!spec.onExistingSheet) sheet.name = spec.sheet;
      table.load("id");
      sheet.load("id");
      try {
        await context.sync();
      } catch (e) {
        await removeUnfinished(context, names);
        throw e;
      }
      made = { sheetId: sheet.id, tableId: table.id };
    },
    apply(context) {
      if (!spec.onExistingSheet) context.workbook.names.getItem(marker).delete();
    },
    undo: (context) => undoCreate(context, spec, names, made),
  };
}

/** The sheet and table a creation made, by ID. */
interface Made {
  sheetId: string;
  tableId: string;
}

/** The undo of a creation: its marker if left, then what it made, or only its rows when others have added to its table since. */
async function undoCreate(context: Excel.RequestContext, spec: CreateSpec, { marker, area }: Unfinished, made: Made | null): Promise<void> {
  const left = context.workbook.names.getItemOrNullObject(marker);
  await context.sync();
  if (!left.isNullObject) left.delete();
  if (!made) return;
  const table = context.workbook.tables.getItemOrNullObject(made.tableId);
  const sheet = context.workbook.worksheets.getItemOrNullObject(made.sheetId);
  await context.sync();
  if (table.isNullObject) return;
  // Made by us, but others may have added to it since (a second pane's row): then only our rows go.
  const body = table.getDataBodyRange().load("formulas");
  await context.sync();
  const ours = spec.values.slice(1);
  const foreign = body.formulas.filter((row) => !ours.some((mine) => mine.every((v, c) => sameContent(row[c], v))));
  if (foreign.length > 0) {
    await deleteRowsLike(
      context,
      spec.table,
      ours,
      ours[0].map((_, c) => c),
    );
    return;
  }
  if (spec.onExistingSheet) {
    if (!table.isNullObject) table.delete();
    if (!sheet.isNullObject) sheet.getRange(area).clear("Contents");
  } else if (!sheet.isNullObject) sheet.delete();
}

/** After a refused creation: only what still carries this operation's unique names, or its marker, is ours. */
async function removeUnfinished(context: Excel.RequestContext, { tempSheet, tempTable, marker }: Unfinished): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(tempSheet);
  const table = context.workbook.tables.getItemOrNullObject(tempTable);
  const mark = context.workbook.names.getItemOrNullObject(marker);
  await context.sync();
  if (!mark.isNullObject) {
    // The sheet this step made, whatever it is called now (another step's refusal came after its rename).
    const ours = mark.getRangeOrNullObject();
    await context.sync();
    // The sheet first: the range is found through the marker.
    if (!ours.isNullObject) ours.worksheet.delete();
    else if (!sheet.isNullObject) sheet.delete();
    mark.delete();
  } else if (!sheet.isNullObject) sheet.delete();
  else if (!table.isNullObject) {
    table.getRange().clear("Contents");
    table.delete();
  }
  await context.sync();
}
