/**
 * What the pane's "Close a period" section shows (issue 22, item 4): the period it offers to
 * close, whether that period stands closed (and by whom) or was reopened (and why), and which
 * KPIs are still unreviewed at its close (review/due.ts dueThisClose, at the period's last day).
 */
import { KpiDefinition } from "./kpi";
import { KpiSummary } from "./kpiSummary";
import { periodDate } from "./periods";
import { closeLabelOf, closeText, ReportedEntry, standingCloses } from "./reported";
import { dueThisClose, ReviewState } from "../review/due";

/** The last day of a close ("2025-12" → "2025-12-31", "2025-Q4" → "2025-12-31"), or null for text that is no period. */
export function closeDayOf(close: string): string | null {
  const label = closeLabelOf(close);
  if (!label) return null;
  const month = label.kind === "month" ? label.month : label.quarter * 3;
  // Day 0 of the next month is this month's last day (UTC, so no time zone moves it).
  return new Date(Date.UTC(label.year, month, 0)).toISOString().slice(0, 10);
}

/** The month to offer: the latest month any monthly or quarterly KPI has a value for ("2025-12"), or "" without one. */
export function defaultClose(kpis: readonly KpiDefinition[], summaries: Record<string, Pick<KpiSummary, "latestPeriod">>): string {
  let latest = "";
  for (const k of kpis) {
    const p = summaries[k.id]?.latestPeriod;
    if (p === null || p === undefined || k.cadence === "weekly") continue;
    const start = periodDate(k.firstPeriod, k.cadence, p);
    if (!start) continue;
    // A quarter closes at its last month.
    const month =
      k.cadence === "quarterly" ? new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) + 1, 1)).toISOString().slice(0, 7) : start.slice(0, 7);
    if (month > latest) latest = month;
  }
  return latest;
}

export interface CloseState {
  /** The close as written back ("2025-12"), or null for text that is no period. */
  close: string | null;
  /** The KPIs' periods of this close that stand closed. */
  standing: ReportedEntry[];
  /** The latest reopen of this close, if its periods are open again. */
  reopened: ReportedEntry | null;
  /** KPIs due or overdue for review at the close's last day, worst first. */
  unreviewed: ReviewState[];
}

export function closeStateOf(text: string, kpis: readonly KpiDefinition[], reported: readonly ReportedEntry[]): CloseState {
  const label = closeLabelOf(text);
  if (!label) return { close: null, standing: [], reopened: null, unreviewed: [] };
  const close = closeText(label);
  const standing = standingCloses(reported).filter((e) => e.closedPeriod.toUpperCase() === close);
  const reopens = reported.filter((e) => e.event === "Reopened" && e.closedPeriod.toUpperCase() === close).sort((a, b) => b.when.localeCompare(a.when));
  const unreviewed = dueThisClose(kpis, closeDayOf(close)!).queue;
  return { close, standing, reopened: standing.length === 0 ? (reopens[0] ?? null) : null, unreviewed };
}
