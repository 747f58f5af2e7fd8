/**
 * The KPI Reported table (issue 22, item 4) as the add-in reads and writes it: its spec, with the
 * register's table rules (addinTable.ts: a sheet of its own, made on first use, schema-versioned,
 * columns found by header, never written when damaged), its rows read as entries and an entry
 * as the row written. Read in the register's round trips (registerRead.ts), written by a close
 * or a reopen (periodClose.ts); its own module so the read depends on it and not on the close.
 */
import { ReportedEntry, ReportedEvent } from "../core/model/reported";
import { REPORTED_NAMES } from "../core/excel/workbookNames";
import { DateSystem, dateTextOf } from "../core/excel/excelDates";
import { cellOf, TableSpec, TableState } from "./addinTable";
import { FORECAST_HEADERS, FORECAST_TEXT_HEADERS } from "./forecastRows";

const NUMBER_HEADERS = ["Period", "Reported value", "Target", "Variance", "Variance %"];

export const REPORTED: TableSpec = {
  sheet: REPORTED_NAMES.sheet,
  table: REPORTED_NAMES.table,
  headers: [
    "When",
    "Who",
    "Event",
    "KPI",
    "Closed period",
    "Period",
    "Period date",
    "Reported value",
    "Target",
    "Status",
    "Status basis",
    "Variance",
    "Variance %",
    "Note",
    "Reason",
    "Value cell",
    ...FORECAST_HEADERS,
  ],
  // "2025-12" as text: Excel would take it for a date.
  textHeaders: [
    "When",
    "Who",
    "Event",
    "KPI",
    "Closed period",
    "Period date",
    "Status",
    "Status basis",
    "Note",
    "Reason",
    "Value cell",
    ...FORECAST_TEXT_HEADERS,
  ],
  // The forecasts' interval (forecastRows.ts), added by the first close that records one.
  laterHeaders: FORECAST_HEADERS,
  schemaSetting: REPORTED_NAMES.schemaSetting,
  version: REPORTED_NAMES.version,
  what: "The reported KPIs",
};

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const numberOrNull = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The table's rows as entries; rows without a KPI, a period or a known event are not the add-in's
 * and are left out. Period date is written as ISO text; a date typed over it arrives as a serial
 * of the workbook's date system.
 */
export function reportedOf(state: TableState, dateSystem: DateSystem = "1900"): ReportedEntry[] {
  return state.rows.flatMap((row) => {
    const at = (h: string) => cellOf(REPORTED, state, row, h);
    const event = text(at("Event"));
    const period = Number(at("Period"));
    if (!text(at("KPI")) || !Number.isInteger(period) || period < 1 || (event !== "Closed" && event !== "Reopened")) return [];
    return [
      {
        when: text(at("When")),
        who: text(at("Who")),
        event: event as ReportedEvent,
        kpi: text(at("KPI")),
        closedPeriod: text(at("Closed period")),
        period,
        periodDate: dateTextOf(at("Period date"), dateSystem),
        value: numberOrNull(at("Reported value")),
        target: numberOrNull(at("Target")),
        status: text(at("Status")),
        statusBasis: text(at("Status basis")),
        variance: numberOrNull(at("Variance")),
        variancePercent: numberOrNull(at("Variance %")),
        note: text(at("Note")),
        reason: text(at("Reason")),
        valueCell: text(at("Value cell")),
      },
    ];
  });
}

export function reportedRow(e: ReportedEntry): Record<string, unknown> {
  const row: Record<string, unknown> = {
    When: e.when,
    Who: e.who,
    Event: e.event,
    KPI: e.kpi,
    "Closed period": e.closedPeriod,
    Period: e.period,
    "Period date": e.periodDate,
    "Reported value": e.value,
    Target: e.target,
    Status: e.status,
    "Status basis": e.statusBasis,
    Variance: e.variance,
    "Variance %": e.variancePercent,
    Note: e.note,
    Reason: e.reason,
    "Value cell": e.valueCell,
  };
  for (const h of NUMBER_HEADERS) if (row[h] === null) row[h] = "";
  return row;
}
