/**
 * The commands of the "Close a period" section (issue 22, item 4): close a period in KPI
 * Reported, and reopen it with a reason. Each says what it did, including the KPIs a close left
 * out and why, so nobody believes a KPI reported that was not.
 */
import { KpiWorkbook, PeriodCloseResult } from "../workbook/kpiWorkbook";
import { Notice, PaneState } from "./usePane";

/** Runs a change from the close section (useCommands' ActAt, narrowed to that place). */
type ActAtClose = (where: "close") => PaneState["act"];

export function closeMessage(period: string, r: PeriodCloseResult, nameOf: (id: string) => string): Notice {
  const names = r.closed.map((e) => nameOf(e.kpi)).join(", ");
  const skipped = r.skipped.map((s) => `${nameOf(s.id)}: ${s.reason}`).join("; ");
  const text = `Closed ${period} for ${r.closed.length} KPI${r.closed.length === 1 ? "" : "s"} (${names}): what was reported is in KPI Reported.${skipped ? ` Not closed: ${skipped}.` : ""}`;
  return { intent: skipped ? "warning" : "success", text };
}

export function closeCommands(workbook: KpiWorkbook, at: ActAtClose) {
  return {
    closePeriod: (period: string, nameOf: (id: string) => string) =>
      at("close")(`Closing ${period}…`, () => workbook.closePeriod(period), { done: (r: PeriodCloseResult) => closeMessage(period, r, nameOf) }),
    reopenPeriod: (period: string, reason: string) =>
      at("close")(`Reopening ${period}…`, () => workbook.reopenPeriod(period, reason), {
        done: (entries) => ({
          intent: "success",
          text: `Reopened ${period} for ${entries.length} KPI${entries.length === 1 ? "" : "s"}, with the reason, in KPI Reported.`,
        }),
      }),
  };
}
