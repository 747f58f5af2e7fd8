/** What the pane puts in the workbook once there are KPIs: the Scorecard sheet, and formulas in cells. */
import { firstCell, formulaChoices, Portfolio } from "../../core/model/portfolio";
import { standingCloses } from "../../core/model/reported";
import { Commands, CommandsState } from "../useCommands";
import { PaneState } from "../usePane";
import { FormulaSection } from "./FormulaSection";
import { PaneSection } from "./PaneSection";
import { ScorecardSection } from "./ScorecardSection";

interface WorkbookOutputsProps {
  pane: PaneState;
  portfolio: Portfolio;
  commands: Commands;
  noticeFor: CommandsState["noticeFor"];
  formulaKpi: string;
  onFormulaKpi(id: string): void;
}

export function WorkbookOutputs({ pane, portfolio, commands, noticeFor, formulaKpi, onFormulaKpi }: WorkbookOutputsProps) {
  const busy = pane.busy !== null;
  return (
    <>
      <PaneSection id="scorecard" title="Scorecard sheet" notice={noticeFor("scorecard")} noticeAfter divided>
        <ScorecardSection
          disabled={busy || (pane.register?.readOnly ?? null) !== null}
          closed={standingCloses(pane.register?.reported ?? []).length > 0}
          onBuild={commands.buildScorecard}
        />
      </PaneSection>
      <PaneSection id="formulas" title="Insert a formula" notice={noticeFor("formulas")} noticeAfter divided>
        <FormulaSection
          kpis={portfolio.kpis}
          choicesFor={(k) => formulaChoices(k, pane.series, portfolio.summaries, portfolio.chains)}
          cell={pane.selection ? firstCell(pane.selection.address) : null}
          busy={busy}
          kpiId={formulaKpi}
          onKpiChange={onFormulaKpi}
          onInsert={commands.insertFormula}
        />
      </PaneSection>
    </>
  );
}
