/**
 * The workbook's date system and Excel.Functions for the stand-in.
 *
 * Date system: "Workbook.use1904DateSystem" ("True if the workbook uses the 1904 date system",
 * Excel.Workbook class, learn.microsoft.com) is a preview API ([Api set: ExcelApi BETA (PREVIEW
 * ONLY)] in the preview typings; absent from @types/office-js 1.0.612, which runs to ExcelApi
 * 1.19), so the add-in, which asks for ExcelApi 1.9, never reads it. The stand-in keeps the
 * system per workbook and offers the property so a test can make a 1904 workbook. Changing it
 * changes no cell: Excel keeps the numbers, and every date they show moves by 1,462 days ("Date
 * systems in Excel", support.microsoft.com).
 *
 * Excel.Functions ("Excel.Functions class", ExcelApi 1.2; "Call built-in Excel worksheet
 * functions", learn.microsoft.com): a call queues an evaluation, whose FunctionResult has
 * `value` or `error` (an English error string) after a sync. Only DATE is modelled; any other
 * function is absent, so the add-in cannot come to rely on one the stand-in does not check.
 * DATE follows "DATE function" (support.microsoft.com): a year from 0 to 1899 is added to 1900,
 * a year below 0 or from 10000 is #NUM!; months and days beyond their range roll over; a date
 * before the system's first day (1904-01-01 in the 1904 system) is #NUM!.
 */
import { DateSystem, serialOfIso } from "../../core/excel/excelDates";
import { ExcelApiError } from "./errors";
import type { WorkbookModel } from "./model";
import { BatchContext, FakeObject } from "./proxy";

const systems = new WeakMap<WorkbookModel, DateSystem>();

/** The workbook's date system: 1900 unless a test made it a 1904 workbook. */
export function dateSystemOfModel(model: WorkbookModel): DateSystem {
  return systems.get(model) ?? "1900";
}

export function setDateSystemOfModel(model: WorkbookModel, system: DateSystem): void {
  systems.set(model, system);
}

/** `use1904DateSystem` as a property row: a boolean, and nothing else (InvalidArgument). */
export const USE_1904_PROPERTY = {
  read: (o: FakeObject) => dateSystemOfModel(o.model) === "1904",
  write: (o: FakeObject, v: unknown) => {
    if (typeof v !== "boolean") throw new ExcelApiError("InvalidArgument", "use1904DateSystem is a boolean.");
    setDateSystemOfModel(o.model, v ? "1904" : "1900");
    // Every formula recalculates: a DATE in a cell or a name answers another serial now.
    o.model.invalidate();
  },
};

/** DATE(year, month, day) in a date system: the serial, or Excel's error string. */
export function excelDate(year: number, month: number, day: number, system: DateSystem): { value: number } | { error: string } {
  if (![year, month, day].every(Number.isFinite)) return { error: "#VALUE!" };
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  if (Math.trunc(year) < 0 || y > 9999) return { error: "#NUM!" };
  const d = new Date(Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day)));
  if (d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 9999) return { error: "#NUM!" };
  const serial = serialOfIso(d.toISOString().slice(0, 10), system);
  return serial === null ? { error: "#NUM!" } : { value: serial };
}

/** Excel.FunctionResult: value and error, read after a load and a sync. */
export class FakeFunctionResult extends FakeObject {
  declare readonly value: number;
  declare readonly error: string;

  constructor(
    context: BatchContext,
    readonly outcome: () => { value: number } | { error: string },
  ) {
    super(context);
  }
}

FakeFunctionResult.withProperties({
  value: { read: (o) => ("value" in o.outcome() ? (o.outcome() as { value: number }).value : null) },
  error: { read: (o) => ("error" in o.outcome() ? (o.outcome() as { error: string }).error : null) },
});

/** Excel.Functions: only DATE, with numbers (a Range argument is not modelled and refused). */
export class FakeFunctions extends FakeObject {
  date(year: unknown, month: unknown, day: unknown): FakeFunctionResult {
    if (![year, month, day].every((a) => typeof a === "number")) {
      throw new ExcelApiError("InvalidArgument", "The stand-in's Functions.date takes numbers only.");
    }
    return new FakeFunctionResult(this.context, () => excelDate(year as number, month as number, day as number, dateSystemOfModel(this.model)));
  }
}
