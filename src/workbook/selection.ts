/**
 * The selection as the pane needs it: where it is, which table column it covers, and how many
 * numbers it holds. It is read on every selection change, so it reads a constant amount whatever
 * the user selected (a whole column, Ctrl+A): the used part of the selection, found with the
 * sheet's used range, and the numbers counted by Excel itself (getSpecialCells), so no cell
 * values cross to the pane (Excel on the web allows 5 MB a response, and every host at most five
 * million cells a read: "Resource limits and performance optimization for Office Add-ins"). Only
 * a series of at most SELECTION_VALUE_CELLS cells has its values read, in a sync the read makes
 * anyway, so the form can judge a target against them before Tag (core/review/realism.ts).
 */
import { Area, areaName, parseAddress, qualified, structuredReference } from "../core/excel/a1";
import { dataAreaOf, HeaderCell, leadingArea } from "./seriesHeader";

export { dataAreaOf, headerParts, leadingArea } from "./seriesHeader";
export type { HeaderCell } from "./seriesHeader";

export interface Selection {
  address: string;
  /** The part of the selection that holds anything; null when it is all empty. */
  usedAddress: string | null;
  /** The used part without its header: the periods, what tagging uses; null when it is all empty. */
  dataAddress: string | null;
  /** The text cell above (or left of) the numbers, which names the KPI and its unit; null when there is none. */
  header: HeaderCell | null;
  rowCount: number;
  columnCount: number;
  /** The table column it covers entirely, if any, with its table's headers (the form offers them as segment columns). */
  tableColumn: TableColumn | null;
  numbers: number;
  /**
   * The periods' values (numbers; null for a blank or text cell), for the form's checks before
   * Tag; absent or null when not read: not one row or column, or more than SELECTION_VALUE_CELLS.
   */
  values?: (number | null)[] | null;
}

/** The longest series whose values the selection read brings to the pane (about 40 bytes a cell at worst: well under Excel on the web's 5 MB). */
export const SELECTION_VALUE_CELLS = 10_000;

export interface TableColumn {
  table: string;
  column: string;
  /** Every column's header of its table, in order (text headers only). */
  headers: string[];
}

/** The table column a range covers entirely (its whole data body), if any (one sync). */
export async function tableColumnOf(context: Excel.RequestContext, range: Excel.Range, tables: Excel.Table[]): Promise<TableColumn | null> {
  if (tables.length !== 1 || range.columnCount !== 1) return null;
  const table = tables[0];
  const body = table.getDataBodyRange();
  body.load("address");
  const header = table.getHeaderRowRange();
  header.load("values");
  await context.sync();
  const area = parseAddress(range.address);
  const bodyArea = parseAddress(body.address);
  if (area.row !== bodyArea.row || area.rowCount !== bodyArea.rowCount) return null;
  const column = header.values[0][area.col - bodyArea.col];
  const headers = header.values[0].filter((h): h is string => typeof h === "string");
  return typeof column === "string" && area.col >= bodyArea.col && area.col < bodyArea.col + bodyArea.colCount ? { table: table.name, column, headers } : null;
}

export function tableColumnReference(c: { table: string; column: string }): string {
  return structuredReference(c.table, c.column);
}

/** Where the selection is (one sync): all a command needs of it at the click (Tag, Insert). */
export async function readSelectedAddressIn(context: Excel.RequestContext): Promise<Pick<Selection, "address">> {
  const range = context.workbook.getSelectedRange().load("address");
  await context.sync();
  return { address: range.address };
}

/** At most four syncs, whatever the size of the selection. */
export async function readSelectionIn(context: Excel.RequestContext): Promise<Selection> {
  const range = context.workbook.getSelectedRange();
  range.load("address, rowCount, columnCount");
  const tables = range.getTables(false);
  tables.load("items/name");
  const used = range.worksheet.getUsedRangeOrNullObject(true);
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded as items/name and synced above (the rule does not follow load paths)
  const tableColumn = await tableColumnOf(context, range, tables.items);
  const selection: Selection = {
    address: range.address,
    usedAddress: null,
    dataAddress: null,
    header: null,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    tableColumn,
    numbers: 0,
  };
  if (used.isNullObject) return selection;
  // Nothing is called on an *OrNullObject result before a sync says it exists.
  const part = range.getIntersectionOrNullObject(used);
  part.load("address");
  await context.sync();
  if (part.isNullObject) return selection;
  const partArea = parseAddress(part.address);
  // The first few cells, to find a header above the numbers (a constant amount, whatever the size).
  // eslint-disable-next-line office-addins/load-object-before-read -- worksheet is a navigation to a proxy, not a property to load
  const leading = tableColumn ? null : queueLeadingCells(range.worksheet, partArea);
  const series = (partArea.rowCount === 1 || partArea.colCount === 1) && partArea.rowCount * partArea.colCount <= SELECTION_VALUE_CELLS;
  if (series) part.load("values");
  const constants = part.getSpecialCellsOrNullObject("Constants", "Numbers");
  constants.load("cellCount");
  const computed = part.getSpecialCellsOrNullObject("Formulas", "Numbers");
  computed.load("cellCount");
  await context.sync();
  const count = (areas: Excel.RangeAreas) => (areas.isNullObject ? 0 : areas.cellCount);
  const { area, header } = leading ? dataAreaOf(partArea, leading()) : { area: partArea, header: null };
  const values = series ? valuesOf(part.values, partArea, area) : null;
  return { ...selection, usedAddress: part.address, dataAddress: withSheet(partArea, area), header, numbers: count(constants) + count(computed), values };
}

/** The data area's values out of the used part's (the header, when there is one, comes first). */
function valuesOf(partValues: unknown[][], part: Area, area: Area): (number | null)[] {
  const flat = partValues.flat();
  const skip = area.row - part.row + (area.col - part.col);
  return flat.slice(skip, skip + area.rowCount * area.colCount).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
}

/**
 * Queues the read of an area's leading cells (leadingArea) on `sheet`, for dataAreaOf: the
 * getter gives their values, in order, once the batch has synced. Tagging calls it for the used
 * part of the selection, in a sync it makes anyway, before it queues any write.
 */
export function queueLeadingCells(sheet: Excel.Worksheet, area: Area): () => unknown[] {
  const range = sheet.getRange(areaName(leadingArea(area)));
  range.load("values");
  return () => range.values.flat();
}

function withSheet(part: Area & { sheet?: string }, area: Area): string {
  return part.sheet === undefined ? areaName(area) : qualified(part.sheet, area);
}
