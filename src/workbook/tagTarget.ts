/**
 * What a tag of a selection tags, read before anything is planned: the used part of the selected
 * range (a whole column reaches the add-in as the part that holds anything), less a text header
 * above the numbers (it names the KPI; it is never a period: seriesHeader.ts), or the table column
 * it covers. It needs nothing of the register, so it is read in the register read's round trip
 * (kpiWorkbook.ts passes it as the write's early read: readMemory.ts readAlongside); so are the
 * sheets of a typed target or denominator range, whose checks come after the register's own.
 */
import { intersection, parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { queueDenominatorRangeCheck } from "./denominatorRange";
import { KpiWorkbookError } from "./errors";
import { assertSeriesShape } from "./kpiChecks";
import { rangeAt } from "./ownFormats";
import { queueLeadingCells, tableColumnOf, tableColumnReference } from "./selection";
import { dataAreaOf } from "./seriesHeader";
import { queueTargetRangeCheck } from "./targetRange";

type RangeCheck = (sourceAddress: string, kpiName: string) => string;

export interface TagTarget {
  /** The KPI's values, sheet-qualified ('Monthly KPIs'!B2:B37). */
  address: string;
  /** What its name refers to: the absolute range, or the table column. */
  reference: string;
  /** The typed target range's and denominator range's checks (their sheets were looked up in the same round trip). */
  checkTarget: RangeCheck | null;
  checkDenominator: RangeCheck | null;
}

/**
 * Reads what tagging `address` tags (one round trip; one more for a table, or when the used part
 * starts below the selection). Refuses a protected sheet and a range that is not one row or column.
 */
export async function readTagTargetIn(context: Excel.RequestContext, address: string, input: Pick<KpiDefinition, "targetRange" | "denominatorRange">): Promise<TagTarget> {
  const selected = rangeAt(context, address);
  selected.load("address, rowCount, columnCount");
  const sheet = selected.worksheet;
  sheet.load("name");
  sheet.protection.load("protected");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  const tables = selected.getTables(false);
  tables.load("items/name");
  // The selection's first cells, for a header above the numbers: read now, they serve whenever
  // the used part starts where the selection does (the usual case), saving a round trip.
  const selectedArea = parseAddress(address);
  const early = queueLeadingCells(sheet, selectedArea);
  const valuesSheet = selectedArea.sheet;
  const checkTarget = input.targetRange && valuesSheet ? queueTargetRangeCheck(context, input.targetRange, valuesSheet) : null;
  const checkDenominator = input.denominatorRange && valuesSheet ? queueDenominatorRangeCheck(context, input.denominatorRange, valuesSheet) : null;
  await context.sync();
  if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to tag a KPI there.`);
  // A whole column or row selected: tag the part that holds anything, less a text header above
  // the numbers. Its cells are read in the sync tableColumnOf makes anyway.
  const usedPart = used.isNullObject ? parseAddress(selected.address) : { ...(intersection(parseAddress(selected.address), parseAddress(used.address)) ?? parseAddress(selected.address)), sheet: sheet.name };
  // tables was loaded as items/name and synced above (the lint rule does not follow load paths).
  /* eslint-disable office-addins/load-object-before-read */
  const sameStart = usedPart.row === selectedArea.row && usedPart.col === selectedArea.col;
  const leading = tables.items.length > 0 ? null : sameStart ? early : queueLeadingCells(sheet, usedPart);
  const tableColumn = await tableColumnOf(context, selected, tables.items);
  if (leading && !sameStart && tables.items.length === 0 && tableColumn === null) await context.sync();
  /* eslint-enable office-addins/load-object-before-read */
  const area = tableColumn ? parseAddress(selected.address) : { ...(leading ? dataAreaOf(usedPart, leading()).area : usedPart), sheet: sheet.name };
  const targetAddress = qualified(sheet.name, area);
  assertSeriesShape(area, sheet.name, targetAddress);
  const reference = tableColumn ? `=${tableColumnReference(tableColumn)}` : `=${qualified(sheet.name, area, true)}`;
  return { address: targetAddress, reference, checkTarget, checkDenominator };
}
