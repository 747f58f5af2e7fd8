/**
 * The KPI Reported table (issue 22, item 4): what was reported at each close, with the register's
 * table rules (addinTable.ts: a sheet of its own, made on first use, schema-versioned, columns
 * found by header, never written when damaged). Rows are only added: a close adds one per KPI,
 * a reopen one per KPI it reopens, with its reason; nothing is deleted or rewritten, so the table
 * is the audit trail of every month end. The rules of what is recorded are core/model/reported.ts's.
 */
import { isSegmented } from "../core/model/segments";
import { parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { closeEntries, closeLabelOf, closeText, reopenEntries, ReportedEntry, ReportedEvent, SeriesOfKpi } from "../core/model/reported";
import { REPORTED_NAMES } from "../core/excel/workbookNames";
import { DateSystem, dateTextOf } from "../core/excel/excelDates";
import { cellOf, laterColumnsStep, tableAppendSteps, TableSpec, TableState } from "./addinTable";
import { KpiWorkbookError } from "./errors";
import { periodDate } from "../core/model/periods";
import { forecastInputs, forecastsAtClose } from "../core/review/forecastRecords";
import { FORECAST_HEADERS, FORECAST_TEXT_HEADERS, forecastRecordsOf, forecastRow } from "./forecastRows";
// Types only: registerRead.ts imports this module to read the table in its round trips.
import type { RegisterRead } from "./registerRead";
import type { Step } from "./writeEngine";

const NUMBER_HEADERS = ["Period", "Reported value", "Target", "Variance", "Variance %"];

export const REPORTED: TableSpec = {
  sheet: REPORTED_NAMES.sheet,
  table: REPORTED_NAMES.table,
  headers: ["When", "Who", "Event", "KPI", "Closed period", "Period", "Period date", "Reported value", "Target", "Status", "Status basis", "Variance", "Variance %", "Note", "Reason", "Value cell", ...FORECAST_HEADERS],
  // "2025-12" as text: Excel would take it for a date.
  textHeaders: ["When", "Who", "Event", "KPI", "Closed period", "Period date", "Status", "Status basis", "Note", "Reason", "Value cell", ...FORECAST_TEXT_HEADERS],
  // The forecasts' interval (forecastRows.ts), added by the first close that records one.
  laterHeaders: FORECAST_HEADERS,
  schemaSetting: REPORTED_NAMES.schemaSetting,
  version: REPORTED_NAMES.version,
  what: "The reported KPIs",
};

export interface PeriodCloseResult {
  /** The rows the close added, one per KPI closed. */
  closed: ReportedEntry[];
  /** KPIs not closed, and why (no such period, no value, closed already). */
  skipped: { id: string; reason: string }[];
}

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

/** The cell of a KPI's period `period`, as an auditor would look it up: an address, or the table column and period. */
export function cellOfPeriod(source: string | null | undefined, period: number): string {
  if (!source) return "";
  try {
    const a = parseAddress(source);
    const cell = a.colCount === 1 ? { row: a.row + period - 1, col: a.col, rowCount: 1, colCount: 1 } : { row: a.row, col: a.col + period - 1, rowCount: 1, colCount: 1 };
    return a.sheet ? qualified(a.sheet, cell) : source;
  } catch {
    return `${source}, period ${period}`;
  }
}

/**
 * A guard: the table's closes and reopens are still those the operation read. An append alone
 * finds its place at write time (steps/rows.ts), so a co-author's close of the same period made
 * meanwhile would not stop it; this does, and the operation reads again (writeEngine withRetry)
 * and finds the period closed already. Compared as a set: a sort alone changes nothing.
 */
function unchangedStep(state: TableState): Step | null {
  if (!state.exists) return null;
  const keys = (rows: unknown[][]) => rows.map((row) => ["When", "KPI", "Event", "Period"].map((h) => text(cellOf(REPORTED, state, row, h))).join("|")).sort().join("\n");
  const read = keys(state.rows);
  let body: Excel.Range | null = null;
  return {
    what: "the closes as read",
    guard(context) {
      body = context.workbook.tables.getItem(REPORTED.table).getDataBodyRange().load("values");
    },
    apply() {},
    check() {
      if (!body) return null;
      const rows = body.values.length === 1 && body.values[0].every((v) => v === "" || v === null) ? [] : body.values;
      return keys(rows) === read ? null : "Someone closed or reopened a period in KPI Reported meanwhile.";
    },
    async undo() {},
  };
}

function checkedClose(period: string): string {
  const label = closeLabelOf(period);
  if (!label) throw new KpiWorkbookError(`"${period}" is not a period to close: write it as 2025-12 (a month) or 2025-Q4 (a quarter).`, "period");
  return closeText(label);
}

/**
 * Plans a close: reads the KPIs' values with `readValues` (series.ts readSeries: what the workbook
 * holds now is what is reported), and returns the rows' steps: one per KPI closed, and one per
 * outlook and lead forecast shown for it (forecastRows.ts). `ids` limits it to some KPIs; by
 * default every KPI with a range.
 */
export async function planClose(
  context: Excel.RequestContext,
  readValues: (kpis: KpiDefinition[]) => Promise<SeriesOfKpi[]>,
  read: RegisterRead,
  period: string,
  who: string,
  token: string,
  ids?: readonly string[],
): Promise<{ steps: Step[]; result: PeriodCloseResult }> {
  const close = checkedClose(period);
  const wanted = ids ? new Set(ids.map((id) => id.toUpperCase())) : null;
  const asked = read.state.kpis.filter((k) => read.state.sources[k.id] && (!wanted || wanted.has(k.id.toUpperCase())));
  // A KPI across segments is a block, not one series: this version does not report it (rather than report its first segment).
  const kpis = asked.filter((k) => !isSegmented(k));
  const notClosed = asked.filter(isSegmented).map((k) => ({ id: k.id, reason: "a KPI across segments is not closed by this version of KPI Lens yet" }));
  // The forecasts read every KPI of a chain too (forecastRecords.ts forecastInputs).
  const series = await readValues(forecastInputs(read.state.kpis.filter((k) => read.state.sources[k.id]), kpis));
  const when = new Date().toISOString();
  // A rate's value comes from two cells: "'Web shop'!C37 / 'Web shop'!B37".
  const cellAt = (id: string, p: number) => [read.state.sources[id], read.state.denominators[id]].filter((x) => x !== undefined).map((source) => cellOfPeriod(source, p)).join(" / ");
  const plan = closeEntries(kpis, series, read.state.reported, close, { when, who, checkIns: read.state.checkIns, cellOf: cellAt });
  plan.skipped.push(...notClosed);
  if (plan.entries.length === 0) {
    const why = plan.skipped.map((s) => `${s.id}: ${s.reason}`).join("; ");
    throw new KpiWorkbookError(`Nothing to close for ${close}${why ? ` (${why})` : ": no KPI has a range"}. Nothing was changed.`);
  }
  const rows = [...plan.entries.map(reportedRow), ...forecastRowsOf(read, series, plan.entries, close, when, who)];
  const columns = await laterColumnsStep(context, REPORTED, read.reported, rows);
  const steps = [unchangedStep(read.reported), columns, ...tableAppendSteps(REPORTED, read.reported, rows, token)].filter((x): x is Step => x !== null);
  return { steps, result: { closed: plan.entries, skipped: plan.skipped } };
}

/** The rows of the forecasts shown for the KPIs closed (forecast honesty: core/review/forecastRecords.ts). */
function forecastRowsOf(read: RegisterRead, series: SeriesOfKpi[], closed: readonly ReportedEntry[], close: string, when: string, who: string): Record<string, unknown>[] {
  const copy = (v: readonly (number | null)[] | null | undefined) => (v ? [...v] : null);
  const byId = Object.fromEntries(series.map((s) => [s.id, { values: [...s.values], targets: copy(s.targets), denominators: copy(s.denominators) }]));
  const closedKpis = read.state.kpis.filter((k) => closed.some((e) => e.kpi === k.id));
  const shown = forecastsAtClose(read.state.kpis, byId, closedKpis, close, forecastRecordsOf(REPORTED, read.reported), when);
  const kpiOf = (id: string) => read.state.kpis.find((k) => k.id === id)!;
  return shown.map((f) => forecastRow(f, who, periodDate(kpiOf(f.kpi).firstPeriod, kpiOf(f.kpi).cadence, f.period) ?? "", cellOfPeriod(read.state.sources[f.kpi], f.period)));
}

/** Plans a reopen: a row per KPI whose period of this close stands closed, with the reason. */
export function planReopen(read: RegisterRead, period: string, reason: string, who: string, token: string): { steps: Step[]; result: ReportedEntry[] } {
  const close = checkedClose(period);
  if (reason.trim() === "") throw new KpiWorkbookError(`Say why ${close} is reopened: the reason is kept beside what was reported.`, "reason");
  const entries = reopenEntries(read.state.reported, close, reason, { when: new Date().toISOString(), who });
  if (entries.length === 0) throw new KpiWorkbookError(`${close} is not closed, so there is nothing to reopen. Nothing was changed.`);
  const steps = [unchangedStep(read.reported), ...tableAppendSteps(REPORTED, read.reported, entries.map(reportedRow), token)].filter((x): x is Step => x !== null);
  return { steps, result: entries };
}
