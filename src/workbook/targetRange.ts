/**
 * A target per period: a range aligned with the KPI's periods (a budget row or column, on any
 * sheet), kept in a workbook-scoped name KPITarget_<ID> so it follows the budget when rows are
 * inserted or the sheet renamed, as the KPI's own name does. The conditional formats and the
 * inserted formulas refer to the name, so they follow a change of target range too.
 */
import { parseAddress, qualified } from "../core/excel/a1";
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
  const source = parseAddress(sourceAddress);
  const target = parseAddress(typed);
  const sheetName = target.sheet ?? source.sheet!;
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  await context.sync();
  if (sheet.isNullObject) throw new KpiWorkbookError(`There is no sheet "${sheetName}" for the target range ${typed.replace(/\$/g, "")}.`, "target");
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
}

/** Points KPITarget_<ID> at `address` (null: removes it), as a guarded step. */
export function targetNameStep(read: RegisterRead, id: string, address: string | null): Step | null {
  const name = targetNameOf(id);
  return nameStep({ name, formula: address ? `=${address}` : null, comment: `KPI Lens: the target of each period of ${id}`, before: read.names.get(name.toUpperCase()) ?? null });
}
