/**
 * The KPI Lens task pane: tag the selected range as a KPI, and see every KPI by objective.
 * It knows the KpiWorkbook interface only; the workbench hands it the in-memory Excel, the
 * add-in the real one. This file composes the sections; what they show is computed in
 * core/model/portfolio.ts, what they do is in useCommands.ts.
 */
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { KpiDefinition } from "../core/model/kpi";
import { periodLabel } from "../core/model/periods";
import { isoDay, portfolioOf } from "../core/model/portfolio";
import { KpiWorkbook } from "../workbook/kpiWorkbook";
import { ActionsSection } from "./components/ActionsSection";
import { AuthorField } from "./components/AuthorField";
import { CloseSection } from "./components/CloseSection";
import { defaultClose } from "../core/model/closeView";
import { ChainAndMap, DueThisClose } from "./components/RhythmSections";
import { useFocusNewKpi } from "./review/useFocusNewKpi";
import { useTagRequest } from "./review/useTagRequest";
import { displayLocale } from "./locale";
import { HealthSection } from "./components/HealthSection";
import { KpiList } from "./components/KpiList";
import { LeftoversSection } from "./components/LeftoversSection";
import { NoticeBar } from "./components/NoticeBar";
import { PaneHeader } from "./components/PaneHeader";
import { PaneSection } from "./components/PaneSection";
import { PortfolioSummary } from "./components/PortfolioSummary";
import { TagSection } from "./components/TagSection";
import { WorkbookOutputs } from "./components/WorkbookOutputs";
import { PaneDialogs, useDialogs } from "./PaneDialogs";
import { prefersDark, themeOf } from "./theme";
import { useCommands } from "./useCommands";
import { useEditor } from "./useEditor";
import { usePane } from "./usePane";
import { usePendingActions } from "./usePendingActions";

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface AppProps {
  workbook: KpiWorkbook;
  dark?: boolean;
}

export function App({ workbook, dark = prefersDark() }: AppProps) {
  return (
    <FluentProvider theme={themeOf(dark)}>
      <Pane workbook={workbook} />
    </FluentProvider>
  );
}

function Pane({ workbook }: { workbook: KpiWorkbook }) {
  const styles = useStyles();
  const pane = usePane(workbook);
  // The health check's staleness is measured against the time of the read, like every number shown.
  const portfolio = useMemo(() => portfolioOf(pane.register, pane.series, new Date()), [pane.register, pane.series]);
  const { kpis, summaries, checkIns } = portfolio;
  const editor = useEditor();
  const { commands, noticeFor, say } = useCommands(workbook, pane, editor);
  const pendingActions = usePendingActions(workbook, pane, portfolio);
  const dialogs = useDialogs(workbook, portfolio, pane.series);
  const [formulaKpi, setFormulaKpi] = useState("");
  const locale = useMemo(() => displayLocale(), []);
  const readTargets = useCallback((address: string, sheet: string | null) => workbook.readTargetValues(address, sheet), [workbook]);
  // Forecast honesty: the forecasts past closes recorded, against the values as they stand.
  const honesty = useMemo(() => ({ records: pane.register?.forecasts ?? [], values: Object.fromEntries(Object.entries(pane.series).map(([id, s]) => [id, s.values])) }), [pane.register, pane.series]);
  // Focus on the new KPI's card after Tag; the cell menu's Tag as KPI… opens the form (officeActions.ts).
  const tagged = useFocusNewKpi(kpis);
  useTagRequest(editor.close);
  const busy = pane.busy !== null;
  const readOnly = pane.register?.readOnly ?? null;
  const nameOf = (id: string) => kpis.find((k) => k.id === id)?.name ?? id;
  const showFormulas = (k: KpiDefinition) => {
    setFormulaKpi(k.id);
    document.getElementById("formulas-heading")?.scrollIntoView({ behavior: "smooth" });
  };

  return (
    <main className={styles.root} aria-busy={busy}>
      <PaneHeader busy={pane.busy} notice={noticeFor("top")} register={pane.register} onRefresh={commands.refresh} />
      {/* Asked up front, before the first change it names (the history records who made each). */}
      <AuthorField workbook={workbook} />
      <TagSection kpis={kpis} editor={editor} selection={pane.selection} disabled={busy || readOnly !== null} notice={noticeFor("form")} onTag={(d) => tagged(commands.tag(d))} onSave={commands.save} series={pane.series} locale={locale} readTargets={readTargets} />
      <DueThisClose portfolio={portfolio} commands={commands} notice={noticeFor("due")} busy={busy || readOnly !== null} locale={locale} close={isoDay(new Date())} forecasts={honesty} />
      <PaneSection id="summary" title="Summary" divided>
        <PortfolioSummary kpis={kpis} summaries={summaries} locale={locale} />
      </PaneSection>
      <PaneSection id="kpis" title="KPIs" notice={noticeFor("kpis")} divided>
        <KpiList
          kpis={kpis}
          series={pane.series}
          busy={busy}
          summaries={summaries}
          checkIns={checkIns}
          onSelect={commands.select}
          onEdit={(k, field) => editor.edit(k, field)}
          onHistory={dialogs.showHistory}
          onCopied={(text) => say("kpis", { intent: "info", text })}
          onUntag={dialogs.askUntag}
          onAddNote={dialogs.openNote}
          onExtend={commands.extend}
          onReview={(k) => commands.review(k)}
          onFormulas={showFormulas}
          pack={portfolio.pack.cards}
          locale={locale}
        />
      </PaneSection>
      <PaneSection id="actions" title="Actions" notice={noticeFor("actions")} divided>
        <NoticeBar notice={pendingActions} />
        <ActionsSection
          actions={portfolio.actions}
          kpis={kpis}
          today={isoDay(new Date())}
          busy={busy}
          labelOf={(k, p) => (k ? periodLabel(k.firstPeriod, k.cadence, p) : `period ${p}`)}
          onDone={(a, note) => commands.markDone(a, note, nameOf(a.kpi))}
        />
      </PaneSection>
      <ChainAndMap portfolio={portfolio} commands={commands} notice={noticeFor("chain")} busy={busy} />
      {kpis.length > 0 && (
        <PaneSection id="close" title="Close a period" notice={noticeFor("close")} divided>
          <CloseSection
            kpis={kpis}
            reported={pane.register?.reported ?? []}
            initial={defaultClose(kpis, summaries)}
            busy={busy || readOnly !== null}
            onClose={(p) => void commands.closePeriod(p, nameOf)}
            onReopen={(p, reason) => void commands.reopenPeriod(p, reason)}
          />
        </PaneSection>
      )}
      <PaneSection id="health" title="Health check" notice={noticeFor("health")} divided>
        <HealthSection findings={portfolio.findings} kpis={kpis} busy={busy} onEdit={editor.edit} onReview={(k) => commands.review(k)} onNote={dialogs.openNote} onHistory={dialogs.showHistory} churn={portfolio.churn} />
        <LeftoversSection
          orphans={pane.register?.orphans ?? []}
          busy={busy}
          canRebuild={!readOnly}
          onRemove={(o) => commands.removeOrphan(o.id)}
          onRebuild={(o) => commands.rebuildOrphan(o.id)}
        />
      </PaneSection>
      {kpis.length > 0 && <WorkbookOutputs pane={pane} portfolio={portfolio} commands={commands} noticeFor={noticeFor} formulaKpi={formulaKpi} onFormulaKpi={setFormulaKpi} />}
      <PaneDialogs dialogs={dialogs} checkIns={checkIns} commands={commands} closes={{ reported: pane.register?.reported, restatements: portfolio.pack.restatements }} />
    </main>
  );
}
