/**
 * A target per period: a range aligned with the KPI's periods (a budget row or column, on any
 * sheet), kept in a workbook-scoped name KPITarget_<ID> so it follows the budget when rows are
 * inserted or the sheet renamed, as the KPI's own name does. The conditional formats and the
 * inserted formulas refer to the name, so they follow a change of target range too.
 */
import { areaName, parseAddress, qualified } from "../core/excel/a1";
import { targetNameOf } from "./bandFormats";
import { KpiWorkbookError } from "./errors";
import { RegisterRead } from "./registerRead";
import { nameStep } from "./steps/names";
import { Step } from "./writeEngine";

/**
 * Checks a target range against the KPI's values (reads only: call before queuing writes) and
 * returns it qualified with its sheet. A range without a sheet is on the values' sheet.
 */
export async function checkTargetRange(context: Excel.RequestContext, typed: string, sourceAddress: string, kpiName: string): Promise<string> {
  const check = queueTargetRangeCheck(context, typed, parseAddress(sourceAddress).sheet!);
  await context.sync();
  return check(sourceAddress, kpiName);
}

/**
 * checkTargetRange in two halves, for a batch the caller syncs: queues the look-up of the typed
 * range's sheet (`valuesSheet` when it names none); the check, called after the sync, compares it
 * with the KPI's values at `sourceAddress` and returns it, or throws.
 */
export function queueTargetRangeCheck(context: Excel.RequestContext, typed: string, valuesSheet: string): (sourceAddress: string, kpiName: string) => string {
  let target: ReturnType<typeof parseAddress>;
  try {
    target = parseAddress(typed);
  } catch (e) {
    // Said when checked, where the unchecked form said it.
    return () => {
      throw e;
    };
  }
  const sheetName = target.sheet ?? valuesSheet;
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  return (sourceAddress, kpiName) => {
    // eslint-disable-next-line office-addins/call-sync-before-read -- the check runs after the caller's sync
    if (sheet.isNullObject) throw new KpiWorkbookError(`There is no sheet "${sheetName}" for the target range ${typed.replace(/\$/g, "")}.`, "target");
    const source = parseAddress(sourceAddress);
    const periods = source.rowCount * source.colCount;
    const targets = target.rowCount * target.colCount;
    const address = qualified(sheetName, target, true);
    if (targets !== periods) {
      throw new KpiWorkbookError(
        `The target range ${address.replace(/\$/g, "")} has ${targets} period${targets === 1 ? "" : "s"} and ${kpiName || "the KPI"} has ${periods}: give one target per period, in the same order.`,
        "target",
      );
    }
    return address;
  };
}

/**
 * The targets of a typed range (numbers; null for a blank or text cell), for the form's check
 * before Tag or Save (core/review/targetRange.ts: a range mostly blank). A range without a sheet
 * is on `valuesSheet`, as checkTargetRange reads it. Null when there is nothing to judge: the
 * text is not a range of one row or column, its sheet is not there, or it is longer than `limit`
 * cells (the form's check is a warning; a whole column is not read for it). One sync.
 */
export async function readTargetValuesIn(
  context: Excel.RequestContext,
  typed: string,
  valuesSheet: string | null,
  limit: number,
): Promise<(number | null)[] | null> {
  let target;
  try {
    target = parseAddress(typed.trim().replace(/^=/, ""));
  } catch {
    return null;
  }
  const sheetName = target.sheet ?? valuesSheet;
  if (!sheetName || (target.rowCount !== 1 && target.colCount !== 1) || target.rowCount * target.colCount > limit) return null;
  const range = context.workbook.worksheets.getItem(sheetName).getRange(areaName(target)).load("values");
  try {
    await context.sync();
  } catch {
    // No such sheet (ItemNotFound): a read alone failed, nothing to undo; Tag says what is wrong.
    return null;
  }
  return range.values.flat().map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
}

/** Points KPITarget_<ID> at `address` (null: removes it), as a guarded step. */
export function targetNameStep(read: RegisterRead, id: string, address: string | null): Step | null {
  const name = targetNameOf(id);
  return nameStep({
    name,
    formula: address ? `=${address}` : null,
    comment: `KPI Lens: the target of each period of ${id}`,
    before: read.names.get(name.toUpperCase()) ?? null,
  });
}
