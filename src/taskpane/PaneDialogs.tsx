/**
 * The pane's dialogs (confirm an untag, a KPI's history, write a note) and the state that opens
 * them. The dialogs (and Fluent's Dialog with them) are one chunk, "dialogs", loaded when one is
 * first opened: the first screen shows none (issue 25).
 */
import { useState } from "react";
import { CheckIn } from "../core/model/checkins";
import { KpiDefinition } from "../core/model/kpi";
import { periodLabel } from "../core/model/periods";
import { Portfolio } from "../core/model/portfolio";
import { HistoryEntry, KpiSeries, KpiWorkbook } from "../workbook/kpiWorkbook";
import type { CheckInTarget } from "./components/CheckInDialog";
import type { HistoryDialogProps } from "./components/HistoryDialog";
import { LazyPart, lazyNamed, useOpenedOnce } from "./lazyPart";
import { displayLocale } from "./locale";
import { Commands } from "./useCommands";

const UntagDialog = lazyNamed(() => import(/* webpackChunkName: "dialogs" */ "./components/UntagDialog"), "UntagDialog");
const HistoryDialog = lazyNamed(() => import(/* webpackChunkName: "dialogs" */ "./components/HistoryDialog"), "HistoryDialog");
const CheckInDialog = lazyNamed(() => import(/* webpackChunkName: "dialogs" */ "./components/CheckInDialog"), "CheckInDialog");

export interface Dialogs {
  confirmUntag: KpiDefinition | null;
  askUntag(kpi: KpiDefinition | null): void;
  historyOf: { kpi: KpiDefinition; entries: HistoryEntry[] } | null;
  showHistory(kpi: KpiDefinition): void;
  closeHistory(): void;
  noteFor: CheckInTarget | null;
  /** Opens the note dialog at the KPI's latest period; a KPI with no periods has nothing to note. */
  openNote(kpi: KpiDefinition, period?: number): void;
  closeNote(): void;
  /** The leading KPIs whose Predicts names this one: Untag says they depend on it. */
  predictorsOf(kpi: KpiDefinition | null): KpiDefinition[];
}

export function useDialogs(workbook: KpiWorkbook, portfolio: Portfolio, series: Record<string, KpiSeries>): Dialogs {
  const [confirmUntag, askUntag] = useState<KpiDefinition | null>(null);
  const [historyOf, setHistoryOf] = useState<Dialogs["historyOf"]>(null);
  const [noteFor, setNoteFor] = useState<CheckInTarget | null>(null);
  return {
    confirmUntag,
    askUntag,
    historyOf,
    // A history that cannot be read shows as empty rather than not at all.
    showHistory: (k) =>
      void workbook.history(k.id).then(
        (entries) => setHistoryOf({ kpi: k, entries }),
        () => setHistoryOf({ kpi: k, entries: [] }),
      ),
    closeHistory: () => setHistoryOf(null),
    noteFor,
    openNote: (k, at) => {
      const summary = portfolio.summaries[k.id];
      const periods = series[k.id]?.values.length ?? 0;
      if (periods === 0) return;
      setNoteFor({
        kpi: k,
        periods,
        period: at ?? summary.latestPeriod ?? periods,
        labelOf: (p) => periodLabel(k.firstPeriod, k.cadence, p),
        statuses: summary.statuses,
      });
    },
    closeNote: () => setNoteFor(null),
    predictorsOf: (k) => (k ? portfolio.kpis.filter((l) => l.kind === "leading" && l.predicts.toUpperCase() === k.id.toUpperCase()) : []),
  };
}

/** `locale`: the user's (taskpane/locale.ts); without one, the pane's own display language. */
export function PaneDialogs(props: {
  dialogs: Dialogs;
  checkIns: readonly CheckIn[];
  commands: Commands;
  closes?: Pick<HistoryDialogProps, "reported" | "restatements">;
  locale?: string;
}) {
  const { dialogs, checkIns, commands, closes, locale = displayLocale() } = props;
  const { historyOf } = dialogs;
  const untag = useOpenedOnce(dialogs.confirmUntag !== null);
  const history = useOpenedOnce(historyOf !== null);
  const note = useOpenedOnce(dialogs.noteFor !== null);
  return (
    <>
      {untag && (
        <LazyPart>
          <UntagDialog
            kpi={dialogs.confirmUntag}
            predictors={dialogs.predictorsOf(dialogs.confirmUntag)}
            onConfirm={(k) => {
              dialogs.askUntag(null);
              commands.untag(k);
            }}
            onCancel={() => dialogs.askUntag(null)}
          />
        </LazyPart>
      )}
      {history && (
        <LazyPart>
          <HistoryDialog
            name={historyOf?.kpi.name ?? null}
            entries={historyOf?.entries ?? []}
            notes={historyOf ? checkIns.filter((c) => c.kpi.toUpperCase() === historyOf.kpi.id.toUpperCase()) : []}
            reported={historyOf ? closes?.reported?.filter((e) => e.kpi.toUpperCase() === historyOf.kpi.id.toUpperCase()) : []}
            restatements={historyOf ? closes?.restatements?.filter((r) => r.kpi === historyOf.kpi.id) : []}
            labelOf={(p) => (historyOf ? periodLabel(historyOf.kpi.firstPeriod, historyOf.kpi.cadence, p) : String(p))}
            locale={locale}
            onClose={dialogs.closeHistory}
          />
        </LazyPart>
      )}
      {note && (
        <LazyPart>
          <CheckInDialog target={dialogs.noteFor} onClose={dialogs.closeNote} onSave={commands.addCheckIn} />
        </LazyPart>
      )}
    </>
  );
}
