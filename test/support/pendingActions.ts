/** The pane's state and its pending-actions notice (usePendingActions) over a workbook, as App.tsx wires them. */
import { renderHook } from "@testing-library/react";
import { useMemo } from "react";
import { Action } from "../../src/core/model/actions";
import { isoDay, portfolioOf } from "../../src/core/model/portfolio";
import { usePane } from "../../src/taskpane/usePane";
import { usePendingActions } from "../../src/taskpane/usePendingActions";
import { KpiWorkbook } from "../../src/workbook/kpiWorkbook";

export function renderPendingActions(workbook: KpiWorkbook) {
  const hook = renderHook(() => {
    const pane = usePane(workbook);
    const portfolio = useMemo(() => portfolioOf(pane.register, pane.series, new Date()), [pane.register, pane.series]);
    return { pane, notice: usePendingActions(workbook, pane, portfolio) };
  });
  return { hook, now: () => hook.result.current };
}

/** The action Revenue's Off track firing at period 3 opens today: the register's response, owner Dana, due 2026-12-01. */
export function revenueOffTrackAction(): Action {
  return {
    fired: isoDay(new Date()),
    kpi: "REV",
    period: 3,
    rule: "Off track",
    response: "Call the team",
    owner: "Dana",
    due: "2026-12-01",
    status: "open",
    note: "",
    doneOn: "",
  };
}
