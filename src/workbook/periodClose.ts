/**
 * Closing and reopening a period in the KPI Reported table (issue 22, item 4; reportedTable.ts:
 * its spec and rows): what was reported at each close. Rows are only added: a close adds one per KPI,
 * a reopen one per KPI it reopens, with its reason; nothing is deleted or rewritten, so the table
 * is the audit trail of every month end. The rules of what is recorded are core/model/reported.ts's.
 */
import { isSegmented, judgedAs, SegmentedValues } from "../core/model/segments";
import { parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { handBack, runSliced } from "../core/analysis/slicing";
import { closeEntriesSteps, closeLabelOf, closeText, reopenEntries, ReportedEntry, SeriesOfKpi } from "../core/model/reported";
import { cellOf, laterColumnsStep, tableAppendSteps, TableState } from "./addinTable";
import { KpiWorkbookError } from "./errors";
import { periodDate } from "../core/model/periods";
import { forecastInputs, forecastsAtClose } from "../core/review/forecastRecords";
import { forecastRecordsOf, forecastRow } from "./forecastRows";
import { REPORTED, reportedRow } from "./reportedTable";
import type { RegisterRead } from "./registerRead";
import type { Step } from "./writeEngine";

export interface PeriodCloseResult {
  /** The rows the close added, one per KPI closed. */
  closed: ReportedEntry[];
  /** KPIs not closed, and why (no such period, no value, closed already). */
  skipped: { id: string; reason: string }[];
}

const findIn = (kpis: readonly KpiDefinition[], id: string) => kpis.find((k) => k.id === id) ?? { segments: "" };

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** The cell of a KPI's period `period`, as an auditor would look it up: an address, or the table column and period. */
export function cellOfPeriod(source: string | null | undefined, period: number, block = false): string {
  if (!source) return "";
  try {
    const a = parseAddress(source);
    // A block of periods × segments (segments.ts "columns"): the period's row, all its segments.
    const row = { row: a.row + period - 1, col: a.col, rowCount: 1, colCount: a.colCount };
    const cell = block
      ? row
      : a.colCount === 1
        ? { row: a.row + period - 1, col: a.col, rowCount: 1, colCount: 1 }
        : { row: a.row, col: a.col + period - 1, rowCount: 1, colCount: 1 };
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
  const keys = (rows: unknown[][]) =>
    rows
      .map((row) => ["When", "KPI", "Event", "Period"].map((h) => text(cellOf(REPORTED, state, row, h))).join("|"))
      .sort()
      .join("\n");
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
  readValues: (kpis: KpiDefinition[]) => Promise<(SeriesOfKpi & SegmentedValues)[]>,
  read: RegisterRead,
  period: string,
  who: string,
  token: string,
  ids?: readonly string[],
): Promise<{ steps: Step[]; result: PeriodCloseResult }> {
  const close = checkedClose(period);
  const wanted = ids ? new Set(ids.map((id) => id.toUpperCase())) : null;
  const asked = read.state.kpis.filter((k) => read.state.sources[k.id] && (!wanted || wanted.has(k.id.toUpperCase())));
  // The forecasts read every KPI of a chain too (forecastRecords.ts forecastInputs).
  const series = await readValues(
    forecastInputs(
      read.state.kpis.filter((k) => read.state.sources[k.id]),
      asked,
    ),
  );
  // A KPI across segments reports its total, judged as its card judges it (segments.ts judgedAs: the segments' targets added up).
  const kpis = asked.map((k) =>
    judgedAs(
      k,
      series.find((s) => s.id === k.id),
    ),
  );
  const when = new Date().toISOString();
  // A rate's value comes from two cells: "'Web shop'!C37 / 'Web shop'!B37"; a block's total from its period's row.
  const cellAt = (id: string, p: number) =>
    [read.state.sources[id], read.state.denominators[id]]
      .filter((x) => x !== undefined)
      .map((source) => cellOfPeriod(source, p, isSegmented(findIn(kpis, id))))
      .join(" / ");
  // In time slices: 300 KPIs' rows are a long task of the shared thread (core/analysis/slicing.ts).
  const plan = await runSliced(closeEntriesSteps(kpis, series, read.state.reported, close, { when, who, checkIns: read.state.checkIns, cellOf: cellAt }));
  if (plan.entries.length === 0) {
    const why = plan.skipped.map((s) => `${s.id}: ${s.reason}`).join("; ");
    throw new KpiWorkbookError(`Nothing to close for ${close}${why ? ` (${why})` : ": no KPI has a range"}. Nothing was changed.`);
  }
  const rows = [...plan.entries.map(reportedRow), ...forecastRowsOf(read, series, plan.entries, close, when, who)];
  // The forecasts shown (an outlook and a lead forecast a KPI) and the rows' steps are two tasks of the shared thread.
  await handBack();
  const columns = await laterColumnsStep(context, REPORTED, read.reported, rows);
  const steps = [unchangedStep(read.reported), columns, ...tableAppendSteps(REPORTED, read.reported, rows, token)].filter((x): x is Step => x !== null);
  return { steps, result: { closed: plan.entries, skipped: plan.skipped } };
}

/** The rows of the forecasts shown for the KPIs closed (forecast honesty: core/review/forecastRecords.ts). */
function forecastRowsOf(
  read: RegisterRead,
  series: (SeriesOfKpi & SegmentedValues)[],
  closed: readonly ReportedEntry[],
  close: string,
  when: string,
  who: string,
): Record<string, unknown>[] {
  const copy = (v: readonly (number | null)[] | null | undefined) => (v ? [...v] : null);
  const byId = Object.fromEntries(series.map((s) => [s.id, { values: [...s.values], targets: copy(s.targets), denominators: copy(s.denominators) }]));
  // Each KPI as its card forecasts it: a segmented one by its total (judgedAs).
  const judged = read.state.kpis.map((k) =>
    judgedAs(
      k,
      series.find((s) => s.id === k.id),
    ),
  );
  const closedKpis = judged.filter((k) => closed.some((e) => e.kpi === k.id));
  const shown = forecastsAtClose(judged, byId, closedKpis, close, forecastRecordsOf(REPORTED, read.reported), when);
  const kpiOf = (id: string) => read.state.kpis.find((k) => k.id === id)!;
  return shown.map((f) =>
    forecastRow(f, who, periodDate(kpiOf(f.kpi).firstPeriod, kpiOf(f.kpi).cadence, f.period) ?? "", cellOfPeriod(read.state.sources[f.kpi], f.period)),
  );
}

/** Plans a reopen: a row per KPI whose period of this close stands closed, with the reason. */
export function planReopen(read: RegisterRead, period: string, reason: string, who: string, token: string): { steps: Step[]; result: ReportedEntry[] } {
  const close = checkedClose(period);
  if (reason.trim() === "") throw new KpiWorkbookError(`Say why ${close} is reopened: the reason is kept beside what was reported.`, "reason");
  const entries = reopenEntries(read.state.reported, close, reason, { when: new Date().toISOString(), who });
  if (entries.length === 0) throw new KpiWorkbookError(`${close} is not closed, so there is nothing to reopen. Nothing was changed.`);
  const steps = [unchangedStep(read.reported), ...tableAppendSteps(REPORTED, read.reported, entries.map(reportedRow), token)].filter(
    (x): x is Step => x !== null,
  );
  return { steps, result: entries };
}
