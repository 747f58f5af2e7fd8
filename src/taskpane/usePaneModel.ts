/**
 * The pane's state and commands, for App.tsx to compose its sections from: the workbook as last
 * read (usePane.ts), the portfolio computed from it (core/model/portfolio.ts), the form's editor,
 * the commands and where their notices go (useCommands.ts), the dialogs, and the little the
 * sections share beyond those (the locale, the KPI the formula section shows, whether the pane
 * is busy or the register read-only).
 */
import { useCallback, useMemo, useState } from "react";
import { KpiDefinition } from "../core/model/kpi";
import { KpiWorkbook } from "../workbook/kpiWorkbook";
import { displayLocale } from "./locale";
import { useDialogs } from "./PaneDialogs";
import { useFocusNewKpi } from "./review/useFocusNewKpi";
import { useTagRequest } from "./review/useTagRequest";
import { useCommands } from "./useCommands";
import { useEditor } from "./useEditor";
import { PaneState, usePane } from "./usePane";
import { usePendingActions } from "./usePendingActions";

export type PaneModel = ReturnType<typeof usePaneModel>;

export function usePaneModel(workbook: KpiWorkbook) {
  // Every section shows the read the portfolio was computed from (useSlicedPortfolio.ts); until a
  // newer read is shown, the pane says it is still reading rather than that it is done.
  const { portfolio, reading, ...live } = usePane(workbook);
  const pane: PaneState = { ...live, busy: live.busy ?? (reading ? "Reading the workbook…" : null) };
  const editor = useEditor();
  const { commands, noticeFor, say } = useCommands(workbook, pane, editor);
  const pendingActions = usePendingActions(workbook, pane, portfolio);
  const dialogs = useDialogs(workbook, portfolio, pane.series);
  const [formulaKpi, setFormulaKpi] = useState("");
  const locale = useMemo(() => displayLocale(), []);
  const readTargets = useCallback((address: string, sheet: string | null) => workbook.readTargetValues(address, sheet), [workbook]);
  // Forecast honesty: the forecasts past closes recorded, against the values as they stand.
  const honesty = useMemo(
    () => ({ records: pane.register?.forecasts ?? [], values: Object.fromEntries(Object.entries(pane.series).map(([id, s]) => [id, s.values])) }),
    [pane.register, pane.series],
  );
  // Focus on the new KPI's card after Tag; the cell menu's Tag as KPI… opens the form (officeActions.ts).
  const tagged = useFocusNewKpi(portfolio.kpis);
  useTagRequest(editor.close);
  const busy = pane.busy !== null;
  const readOnly = pane.register?.readOnly ?? null;
  const nameOf = (id: string) => portfolio.kpis.find((k) => k.id === id)?.name ?? id;
  const showFormulas = (k: KpiDefinition) => {
    setFormulaKpi(k.id);
    document.getElementById("formulas-heading")?.scrollIntoView({ behavior: "smooth" });
  };
  return {
    pane,
    portfolio,
    editor,
    commands,
    noticeFor,
    say,
    pendingActions,
    dialogs,
    formulaKpi,
    setFormulaKpi,
    locale,
    readTargets,
    honesty,
    tagged,
    busy,
    readOnly,
    nameOf,
    showFormulas,
  };
}
