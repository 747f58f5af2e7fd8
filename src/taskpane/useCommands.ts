/**
 * The pane's commands: each a progress label, one call to the workbook and the message it
 * leaves. A command's message shows in the section where it was given (noticeFor), and a
 * command that would replace the user's formulas offers to run again with their consent.
 */
import { useState } from "react";
import { Action } from "../core/model/actions";
import { CheckIn } from "../core/model/checkins";
import { definitionFromDraft, KpiDefinition, KpiDraft } from "../core/model/kpi";
import { periodLabel } from "../core/model/periods";
import { firstCell, FormulaChoice, isoDay } from "../core/model/portfolio";
import type { ScorecardView } from "../core/excel/scorecardReported";
import { KpiInput, KpiWorkbook, nameOf } from "../workbook/kpiWorkbook";
import { closeCommands } from "./closeCommands";
import { Editor } from "./useEditor";
import { Notice, PaneState } from "./usePane";

export type NoticePlace = "top" | "form" | "kpis" | "health" | "formulas" | "actions" | "scorecard" | "due" | "chain" | "close";

/** Runs a change from one place of the pane, with its label and message (PaneState.act). */
type ActAt = (where: NoticePlace) => PaneState["act"];

/** Today as yyyy-mm-dd in the user's own time zone. */
const today = () => isoDay(new Date());

function inputOf(draft: KpiDraft): KpiInput {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, source, lastReviewed, ...input } = definitionFromDraft(draft, "", "", "");
  return input;
}

/** What Tag says: the KPI's name and where it went, when that is only part of the selection (a header left out). */
function taggedText(kpi: KpiDefinition, selected: string): string {
  const source = kpi.source.replace(/\$/g, "");
  const part = source !== selected && !kpi.source.includes("[") ? `, on ${source}: the part of your selection that holds values` : "";
  return `Tagged ${kpi.name} as a KPI (${nameOf(kpi.id)})${part}.`;
}

/** The form's commands: tag a new KPI, save an edited one. */
function formCommands(workbook: KpiWorkbook, at: ActAt, editor: Editor) {
  const fieldError = (field: string, message: string) => editor.setFieldError({ field, message });
  const tag = (draft: KpiDraft) =>
    at("form")(
      "Tagging…",
      async () => {
        // The selection at the moment of the click, not the one last shown: a quick user (or
        // script) may select and press before the pane has caught up.
        // Its address alone: one round trip (the tag reads the cells themselves with the register).
        const current = await workbook.readSelection("address");
        editor.setFieldError(null);
        return { kpi: await workbook.tag(inputOf(draft), current.address, undefined, today()), selected: current.address };
      },
      { fieldError, done: ({ kpi, selected }) => ({ intent: "success", text: taggedText(kpi, selected) }) },
    );
  const save = (draft: KpiDraft, replaceFormulas = false): Promise<boolean> => {
    const editing = editor.editing!;
    // Inserted formulas name a per-period target by KPITarget_<ID> and one number by its register cell.
    const kindChanged = (editing.target === null) !== (inputOf(draft).target === null);
    return at("form")(
      "Saving…",
      async () => {
        editor.setFieldError(null);
        // The definition the form was opened with: only the fields the user changed are written.
        await workbook.update(editing.id, inputOf(draft), { replaceFormulas, opened: editing });
        editor.close();
      },
      {
        done: kindChanged
          ? `Saved ${draft.name.trim()}. Formulas you inserted for it before refer to its old kind of target: insert them again.`
          : `Saved ${draft.name.trim()}.`,
        replaceFormulas: () => void save(draft, true),
        fieldError,
      },
    );
  };
  return { tag, save };
}

/** The commands on one KPI of the list. */
function kpiCommands(workbook: KpiWorkbook, at: ActAt) {
  const review = (k: KpiDefinition, replaceFormulas = false): void =>
    void at("kpis")("Recording the review…", () => workbook.markReviewed(k.id, today(), { replaceFormulas }), {
      done: `Marked ${k.name} reviewed today.`,
      replaceFormulas: () => review(k, true),
    });
  const untag = (k: KpiDefinition): void =>
    void at("kpis")("Untagging…", () => workbook.untag(k.id), {
      done: (receipt) => ({
        intent: "success",
        text: `Untagged ${k.name}; its cells keep their values and your own formats.`,
        action: { label: "Undo", run: () => void at("kpis")("Putting it back…", () => workbook.undoUntag(receipt), `${k.name} is back, as it was.`) },
      }),
    });
  /** The Review mode's Reviewed: the decision note (when written) on the latest period, then the date. */
  const reviewAtClose = (k: KpiDefinition, note: string, period: number | null, replaceFormulas = false): Promise<boolean> =>
    at("due")(
      "Recording the review…",
      async () => {
        const noted = note !== "" && period !== null;
        if (noted) await workbook.addCheckIn(k.id, { period, note, override: null, reason: "" });
        // Right after the note: the register as the note's own batch read it (no read of its own).
        await workbook.markReviewed(k.id, today(), noted ? { replaceFormulas, afterLastWrite: true } : { replaceFormulas });
      },
      {
        done: `Reviewed ${k.name}${note !== "" && period !== null ? `, with the note on ${periodLabel(k.firstPeriod, k.cadence, period)}` : ""}.`,
        replaceFormulas: () => void reviewAtClose(k, "", period, true),
      },
    );
  return {
    review,
    reviewAtClose,
    untag,
    select: (k: KpiDefinition) => void at("kpis")("Selecting…", () => workbook.select(k.id)),
    extend: (k: KpiDefinition) => void at("kpis")("Extending…", () => workbook.extend(k.id), `${k.name} now includes its new periods.`),
    addCheckIn: (k: KpiDefinition, checkIn: Pick<CheckIn, "period" | "note" | "override" | "reason">) =>
      at("kpis")(
        "Saving the note…",
        () => workbook.addCheckIn(k.id, checkIn),
        `Saved the note on ${k.name} (${periodLabel(k.firstPeriod, k.cadence, checkIn.period)}).`,
      ),
  };
}

/** The commands of the other sections: actions, leftovers, the scorecard and formulas. */
function workbookCommands(workbook: KpiWorkbook, at: ActAt) {
  return {
    refresh: () => void at("top")("Refreshing…", () => Promise.resolve()),
    /** "Check the chain": the numbers read again, every chain tested on them (the section shows the verdicts). */
    checkChain: () => void at("chain")("Checking the chain…", () => Promise.resolve(), "Checked every chain on the workbook's current numbers."),
    markDone: (a: Pick<Action, "kpi" | "period" | "rule">, note: string, kpiName: string) =>
      void at("actions")("Marking it done…", () => workbook.setActionStatus(a, "done", note, today()), `Marked the action on ${kpiName} done.`),
    removeOrphan: (id: string) => void at("health")("Removing leftovers…", () => workbook.removeOrphan(id), `Removed what was left of ${id}.`),
    rebuildOrphan: (id: string) =>
      void at("health")(
        "Rebuilding…",
        () => workbook.recoverOrphan(id),
        `Rebuilt the register row of ${id} from its name and colours: add its owner, objective and response.`,
      ),
    /** `view`: the figures asked for; none keeps the sheet's (today's for a new one). */
    buildScorecard: (view?: ScorecardView) =>
      void at("scorecard")("Building the scorecard…", () => workbook.buildScorecard(view ? { view } : undefined), {
        done: (r) => ({
          intent: "success",
          text: `${r.rebuilt ? "Rebuilt" : "Built"} the sheet ${r.sheet}: ${r.rows} KPI${r.rows === 1 ? "" : "s"}, ${r.charts} chart${r.charts === 1 ? "" : "s"}${r.view === "reported" ? ", as reported at the close" : ""}.${
            r.leftOut.length
              ? ` Left out, split by a column of a table with no period column (their cards show them; a first column of months puts them on the sheet): ${r.leftOut.join(", ")}.`
              : ""
          }`,
        }),
      }),
    insertFormula: (shown: string, choice: FormulaChoice) =>
      void at("formulas")(
        "Inserting…",
        async () => {
          // Where the selection is now; the cell the pane showed if it is no longer on a sheet.
          const cell = firstCell((await workbook.readSelection("address")).address) ?? shown;
          await workbook.insertFormula(cell, choice.formula, choice.size);
        },
        `Inserted ${choice.formula}.`,
      ),
  };
}

export type Commands = ReturnType<typeof formCommands> &
  ReturnType<typeof kpiCommands> &
  ReturnType<typeof workbookCommands> &
  ReturnType<typeof closeCommands>;

export interface CommandsState {
  commands: Commands;
  /** The message to show at a place of the pane: the last command's, if it was given there. */
  noticeFor(where: NoticePlace): Notice | null;
  /** Shows a message no workbook call caused (a copy to the clipboard) at a place. */
  say(where: NoticePlace, notice: Notice): void;
}

export function useCommands(workbook: KpiWorkbook, pane: PaneState, editor: Editor): CommandsState {
  // A message shows next to the part of the pane whose action caused it.
  const [noticeAt, setNoticeAt] = useState<NoticePlace>("top");
  const at: ActAt =
    (where) =>
    (...args) => {
      setNoticeAt(where);
      return pane.act(...args);
    };
  return {
    commands: { ...formCommands(workbook, at, editor), ...kpiCommands(workbook, at), ...workbookCommands(workbook, at), ...closeCommands(workbook, at) },
    noticeFor: (where) => (noticeAt === where ? pane.notice : null),
    say: (where, notice) => {
      setNoticeAt(where);
      pane.say(notice);
    },
  };
}
