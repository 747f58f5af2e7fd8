/**
 * The KPI Lens task pane: tag the selected range as a KPI, and see every KPI by objective.
 * It knows the KpiWorkbook interface only; the workbench hands it the in-memory Excel, the
 * add-in the real one. This file composes the sections; what they show is computed in
 * core/model/portfolio.ts, what they do is in useCommands.ts, and both reach them through the
 * pane's model (usePaneModel.ts).
 */
import { FluentProvider, RendererProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { isoDay } from "../core/model/portfolio";
import { KpiWorkbook } from "../workbook/kpiWorkbook";
import { AuthorField } from "./components/AuthorField";
import { ChainAndMap, DueThisClose } from "./components/RhythmSections";
import { PaneHeader } from "./components/PaneHeader";
import { PaneSection } from "./components/PaneSection";
import { PortfolioSummary } from "./components/PortfolioSummary";
import { ClosePeriod, HealthCheck, KpiActions, KpiCards } from "./components/RegisterSections";
import { TagSection } from "./components/TagSection";
import { WorkbookOutputs } from "./components/WorkbookOutputs";
import { PaneDialogs } from "./PaneDialogs";
import { paneStyleRenderer } from "./styleRenderer";
import { prefersDark, themeOf } from "./theme";
import { usePaneModel } from "./usePaneModel";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  workbook: KpiWorkbook;
  dark?: boolean;
}

export function App({ workbook, dark = prefersDark() }: AppProps) {
  const [renderer] = useState(paneStyleRenderer);
  return (
    <RendererProvider renderer={renderer}>
      <FluentProvider theme={themeOf(dark)}>
        <Pane workbook={workbook} />
      </FluentProvider>
    </RendererProvider>
  );
}

function Pane({ workbook }: { workbook: KpiWorkbook }) {
  const styles = useStyles();
  const model = usePaneModel(workbook);
  const { pane, portfolio, editor, commands, noticeFor, dialogs, locale, busy, readOnly } = model;
  return (
    <main className={styles.root} aria-busy={busy}>
      <PaneHeader busy={pane.busy} notice={noticeFor("top")} register={pane.register} onRefresh={commands.refresh} />
      {/* Asked up front, before the first change it names (the history records who made each). */}
      <AuthorField workbook={workbook} />
      <TagSection
        kpis={portfolio.kpis}
        editor={editor}
        selection={pane.selection}
        disabled={busy || readOnly !== null}
        notice={noticeFor("form")}
        onTag={(d) => model.tagged(commands.tag(d))}
        onSave={commands.save}
        series={pane.series}
        locale={locale}
        readTargets={model.readTargets}
      />
      <DueThisClose
        portfolio={portfolio}
        commands={commands}
        notice={noticeFor("due")}
        busy={busy || readOnly !== null}
        locale={locale}
        close={isoDay(new Date())}
        forecasts={model.honesty}
      />
      <PaneSection id="summary" title="Summary" divided>
        <PortfolioSummary kpis={portfolio.kpis} summaries={portfolio.summaries} series={pane.series} locale={locale} />
      </PaneSection>
      <KpiCards {...model} />
      <KpiActions {...model} />
      <ChainAndMap portfolio={portfolio} commands={commands} notice={noticeFor("chain")} busy={busy} locale={locale} />
      <ClosePeriod {...model} />
      <HealthCheck {...model} />
      {portfolio.kpis.length > 0 && (
        <WorkbookOutputs
          pane={pane}
          portfolio={portfolio}
          commands={commands}
          noticeFor={noticeFor}
          formulaKpi={model.formulaKpi}
          onFormulaKpi={model.setFormulaKpi}
        />
      )}
      <PaneDialogs
        dialogs={dialogs}
        checkIns={portfolio.checkIns}
        commands={commands}
        closes={{ reported: pane.register?.reported, restatements: portfolio.pack.restatements }}
        locale={locale}
      />
    </main>
  );
}
