/**
 * Writing the KPI Notes and KPI Actions tables (notesAndActions.ts: their specs and rows): a
 * check-in with the mark an auditor sees on its period's cell, the actions that firings open,
 * and an action's status. Rows are appended, or one action's row changed where it still is.
 */
import { Action, actionOf, Firing } from "../core/model/actions";
import { CheckIn } from "../core/model/checkins";
import { periodDate, periodLabel } from "../core/model/periods";
import { STATUS_LABEL } from "../core/model/status";
import { rowChangeStep, tableAppendSteps } from "./addinTable";
import { KpiWorkbookError } from "./errors";
import { ACTIONS, actionRow, checkInRow, NOTES } from "./notesAndActions";
import { cellOfPeriod } from "./periodClose";
import { findKpi, RegisterRead } from "./registerRead";
import { RowWriteOptions } from "./registerRow";
import { noteMarkText, readCellMarkIn } from "./steps/cellMarks";
import { Plan, Step } from "./writeEngine";

/** A check-in as the pane gives it. */
export type CheckInInput = Pick<CheckIn, "period" | "note" | "override" | "reason">;

/** The period's cell where the last read put the KPI, and its mark read beside the register read; used when the register agrees. */
export interface GuessedMark {
  cell: string;
  mark: Promise<(text: string) => Step | null>;
}

/** Plans a check-in of KPI `id` by `who`: its row in KPI Notes and the mark on its period's cell. */
export async function planCheckIn(
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  token: string,
  note: { id: string; input: CheckInInput; who: string },
  guessed: GuessedMark | null,
): Promise<{ result: CheckIn; action: string }> {
  const { input } = note;
  const kpi = findKpi(read, note.id);
  if (input.note.trim() === "") throw new KpiWorkbookError("Write the note first.", "note");
  if (input.override && input.reason.trim() === "") throw new KpiWorkbookError("An overridden status needs a reason.", "reason");
  const checkIn: CheckIn = { ...input, note: input.note.trim(), reason: input.reason.trim(), kpi: kpi.id, when: new Date().toISOString(), who: note.who };
  plan.add(...tableAppendSteps(NOTES, read.notes, [checkInRow(checkIn, periodDate(kpi.firstPeriod, kpi.cadence, checkIn.period))], token));
  // The mark an auditor sees on the period's cell without the add-in (steps/cellMarks.ts).
  const label = periodLabel(kpi.firstPeriod, kpi.cadence, checkIn.period);
  const cell = cellOfPeriod(read.state.sources[kpi.id], checkIn.period);
  const mark = guessed && cell === guessed.cell ? await guessed.mark : await readCellMarkIn(context, cell);
  plan.add(mark(noteMarkText(checkIn, label, checkIn.override && STATUS_LABEL[checkIn.override])));
  return { result: checkIn, action: `add the note to ${kpi.name}` };
}

/** Plans the actions that `firings` open: one per KPI, period and rule not already in KPI Actions. */
export function planOpenActions(
  read: RegisterRead,
  plan: Plan,
  token: string,
  firings: readonly Firing[],
  today: string,
): { result: Action[]; action: string } {
  const opened: Action[] = [];
  for (const f of firings) {
    const kpi = read.state.kpis.find((k) => k.id.toUpperCase() === f.kpi.toUpperCase());
    const known = [...read.state.actions, ...opened].some(
      (a) => a.kpi.toUpperCase() === f.kpi.toUpperCase() && a.period === f.period && a.rule.toLowerCase() === f.rule.toLowerCase(),
    );
    if (kpi && !known) opened.push(actionOf(f, kpi, today));
  }
  const dateOf = (a: Action) => {
    const k = read.state.kpis.find((x) => x.id === a.kpi)!;
    return periodDate(k.firstPeriod, k.cadence, a.period);
  };
  plan.add(
    ...tableAppendSteps(
      ACTIONS,
      read.actions,
      opened.map((a) => actionRow(a, dateOf(a))),
      token,
    ),
  );
  return { result: opened, action: "open the actions" };
}

/** Plans an action's new status (and note), on its row as read, refused if that row moved meanwhile. */
export function planActionStatus(
  read: RegisterRead,
  plan: Plan,
  key: Pick<Action, "kpi" | "period" | "rule">,
  change: { status: Action["status"]; note: string; today: string },
  options: RowWriteOptions,
): { result: undefined; action: string } {
  const { status, note, today } = change;
  const action = read.state.actions.find((a) => a.kpi.toUpperCase() === key.kpi.toUpperCase() && a.period === key.period && a.rule === key.rule);
  if (!action) throw new KpiWorkbookError(`The action for ${key.kpi} (${key.rule}, period ${key.period}) is no longer in the KPI Actions table.`);
  const cells = { Status: status, "Done on": status === "done" ? today : "", Note: note.trim() || action.note };
  const moved = `The action of ${key.kpi} moved in the KPI Actions table while you saved (it was sorted or filtered, or a row was inserted).`;
  plan.add(rowChangeStep(ACTIONS, read.actions, action.row, cells, { headers: ["KPI", "Period", "Rule"], moved }, options.replaceFormulas));
  return { result: undefined, action: `mark the action of ${key.kpi} ${status}` };
}
