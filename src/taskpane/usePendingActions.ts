/**
 * Triggers that fired (a KPI turning Off track, its own rule) wait as a message in the Actions
 * section with a button that opens their actions; nothing is written until the user presses it.
 * A runtime that a calculating KPI.* formula started without a visible pane must never write
 * ("Configure your Office Add-in to use a shared runtime": the runtime runs whenever a function
 * calculates), and co-authors' panes must not race to add the same rows.
 */
import { startTransition, useEffect, useRef, useState } from "react";
import { Action, Firing } from "../core/model/actions";
import { KpiDefinition } from "../core/model/kpi";
import { dueFirings, firingKey, isoDay, Portfolio } from "../core/model/portfolio";
import { allCounterMetricFirings, CounterFiring } from "../core/review/counterMetric";
import { KpiWorkbook } from "../workbook/kpiWorkbook";
import { describeError, Notice, PaneState } from "./usePane";

const nameOf = (kpis: readonly KpiDefinition[], id: string) => kpis.find((k) => k.id === id)?.name ?? id;

/** "A trigger fired: Revenue (Off track, period 3)." */
export function firedText(fresh: readonly Firing[], kpis: readonly KpiDefinition[]): string {
  // A counter-metric's firing says what it saw ("Speed up, Defects up: check for gaming.").
  const names = fresh.map((f) =>
    "message" in f ? `${(f as CounterFiring).message.replace(/\.$/, "")} (period ${f.period})` : `${nameOf(kpis, f.kpi)} (${f.rule}, period ${f.period})`,
  );
  return `${fresh.length === 1 ? "A trigger fired" : `${fresh.length} triggers fired`}: ${names.join("; ")}.`;
}

/** "Opened an action: Revenue (Off track), Dana by 2026-12-01." */
export function openedText(opened: readonly Action[], kpis: readonly KpiDefinition[]): string {
  const what = opened.map((a) => `${nameOf(kpis, a.kpi)} (${a.rule}), ${a.owner || "no owner"} by ${a.due}`);
  return `Opened ${opened.length === 1 ? "an action" : `${opened.length} actions`}: ${what.join("; ")}.`;
}

/** The message about fired triggers for the Actions section, or null when none waits. */
export function usePendingActions(workbook: KpiWorkbook, pane: PaneState, portfolio: Portfolio): Notice | null {
  const { kpis, summaries, actions } = portfolio;
  // Each firing is offered until pressed once per pane session, so a table that cannot be
  // written does not retry on every change (the workbook checks again before it writes).
  const tried = useRef(new Set<string>());
  const [notice, setNotice] = useState<Notice | null>(null);
  const readOnly = pane.register?.readOnly ?? null;
  // The actions the last Open opened: its message goes once none of them is open any more.
  const opened = useRef<string[]>([]);
  useEffect(() => {
    if (opened.current.length === 0) return;
    const stillOpen = opened.current.some((key) => actions.some((a) => a.status === "open" && firingKey(a).toUpperCase() === key.toUpperCase()));
    if (!stillOpen) {
      opened.current = [];
      setNotice((n) => (n?.intent === "success" ? null : n));
    }
  }, [actions]);
  useEffect(() => {
    if (pane.busy !== null || readOnly || kpis.length === 0) return;
    const counters = allCounterMetricFirings(kpis, (id) => (pane.series[id]?.problem ? undefined : pane.series[id]?.values), actions);
    const fresh = [...dueFirings(kpis, summaries, pane.series, actions), ...counters].filter((f) => !tried.current.has(firingKey(f)));
    if (fresh.length === 0) return;
    const open = () => {
      fresh.forEach((f) => tried.current.add(firingKey(f)));
      setNotice(null);
      // One batch, deduplicated by the workbook layer.
      // The workbook takes a firing's key fields; a counter-metric's message stays in the pane.
      workbook
        .openActions(
          fresh.map(({ kpi, period, rule }) => ({ kpi, period, rule })),
          isoDay(new Date()),
        )
        .then(
          (done) => {
            opened.current = done.map(firingKey);
            if (done.length > 0) setNotice({ intent: "success", text: openedText(done, kpis) });
            void pane.refresh();
          },
          (e: unknown) => setNotice({ intent: "error", text: `KPI Lens could not open the actions: ${describeError(e)}` }),
        );
    };
    // A transition: offered after a read, not asked for by the user, it re-renders the whole pane,
    // which on 300 KPIs took one long task as an urgent update (issue 25); React slices it.
    startTransition(() =>
      setNotice({
        intent: "warning",
        text: firedText(fresh, kpis),
        action: { label: fresh.length === 1 ? "Open the action" : `Open ${fresh.length} actions`, run: open },
      }),
    );
    // The series and the pane's functions change with every refresh; the firings follow the
    // register and the summaries (which follow the series), so those are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kpis, summaries, actions, pane.busy, readOnly]);
  return notice;
}
