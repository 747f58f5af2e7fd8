/**
 * @jest-environment jsdom
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { draftFromDefinition, KpiDraft } from "../../src/core/model/kpi";
import { isoDay } from "../../src/core/model/portfolio";
import { useCommands } from "../../src/taskpane/useCommands";
import { useEditor } from "../../src/taskpane/useEditor";
import { usePane } from "../../src/taskpane/usePane";
import { FormulaConflictError, KpiWorkbookError } from "../../src/workbook/kpiWorkbook";
import { FakeWorkbook, KPI } from "./fakeWorkbook";

/** The pane's state, its form and its commands over one workbook, as the pane composes them. */
async function setUp(workbook = new FakeWorkbook()) {
  const hook = renderHook(() => {
    const pane = usePane(workbook);
    const editor = useEditor();
    return { pane, editor, ...useCommands(workbook, pane, editor) };
  });
  await waitFor(() => expect(hook.result.current.pane.busy).toBeNull());
  workbook.calls = [];
  return { workbook, hook, now: () => hook.result.current };
}

const draft = (changes: Partial<KpiDraft> = {}): KpiDraft => ({ ...draftFromDefinition(KPI), ...changes });
const today = isoDay(new Date());

describe("the pane's commands", () => {
  it("marks a KPI reviewed today and says so in the KPI list", async () => {
    const { workbook, now } = await setUp();
    await act(async () => now().commands.review(KPI));
    await waitFor(() => expect(now().pane.busy).toBeNull());
    expect(workbook.calls).toContainEqual(["markReviewed", "REV", today, { replaceFormulas: false }]);
    expect(now().noticeFor("kpis")).toEqual({ intent: "success", text: "Marked Revenue reviewed today." });
    expect(now().noticeFor("top")).toBeNull();
  });

  it("offers to replace the user's formula when a review would, and does only when asked", async () => {
    const { workbook, now } = await setUp();
    workbook.refuse = new FormulaConflictError([{ column: "Last reviewed", formula: "=TODAY()", value: 1 }]);
    await act(async () => now().commands.review(KPI));
    await waitFor(() => expect(now().pane.busy).toBeNull());
    const notice = now().noticeFor("kpis");
    expect(notice?.intent).toBe("error");
    expect(notice?.action?.label).toBe("Replace my formula");
    expect(workbook.writes()).toEqual(["markReviewed"]);
    await act(async () => notice!.action!.run());
    await waitFor(() => expect(now().noticeFor("kpis")?.text).toBe("Marked Revenue reviewed today."));
    expect(workbook.calls.filter(([n]) => n === "markReviewed").map((c) => c[3])).toEqual([{ replaceFormulas: false }, { replaceFormulas: true }]);
  });

  it("tags the selection read at the click, and says when only part of it holds values", async () => {
    const { workbook, now } = await setUp();
    workbook.selection = { ...workbook.selection, address: "Data!B1:B4" };
    let ok = false;
    await act(async () => {
      ok = await now().commands.tag(draft({ name: "New KPI" }));
    });
    expect(ok).toBe(true);
    const tag = workbook.calls.find(([n]) => n === "tag")!;
    expect(tag[2]).toBe("Data!B1:B4");
    expect(tag[4]).toBe(today);
    expect(now().noticeFor("form")?.text).toBe("Tagged New KPI as a KPI (KPI_NEW), on Data!B3:B4: the part of your selection that holds values.");
  });

  it("saves an edit with the definition the form was opened with, then closes the form", async () => {
    const { workbook, now } = await setUp();
    act(() => now().editor.edit(KPI, "owner"));
    expect(now().editor.focusField).toBe("owner");
    await act(async () => {
      await now().commands.save(draft({ owner: "Sam" }));
    });
    const [, id, input, options] = workbook.calls.find(([n]) => n === "update")!;
    expect(id).toBe("REV");
    expect((input as { owner: string }).owner).toBe("Sam");
    expect(options).toEqual({ replaceFormulas: false, opened: KPI });
    expect(now().editor.editing).toBeNull();
    expect(now().noticeFor("form")?.text).toBe("Saved Revenue.");
  });

  it("warns that inserted formulas must be inserted again when a target turns into a target range", async () => {
    const { now } = await setUp();
    act(() => now().editor.edit(KPI));
    await act(async () => {
      await now().commands.save(draft({ target: "Budget!B2:B4" }));
    });
    expect(now().noticeFor("form")?.text).toBe("Saved Revenue. Formulas you inserted for it before refer to its old kind of target: insert them again.");
  });

  it("shows the workbook's message at the field it names, and keeps the form open", async () => {
    const { workbook, now } = await setUp();
    act(() => now().editor.edit(KPI));
    workbook.refuse = new KpiWorkbookError("The target range has 2 cells; the KPI has 3 periods.", "target");
    let ok = true;
    await act(async () => {
      ok = await now().commands.save(draft({ target: "Budget!B2:B3" }));
    });
    expect(ok).toBe(false);
    expect(now().editor.fieldError).toEqual({ field: "target", message: "The target range has 2 cells; the KPI has 3 periods." });
    expect(now().editor.editing).toBe(KPI);
    expect(now().noticeFor("form")).toEqual({ intent: "error", text: "The target range has 2 cells; the KPI has 3 periods.", action: undefined });
  });

  it("untags with an Undo that puts the KPI back", async () => {
    const { workbook, now } = await setUp();
    await act(async () => now().commands.untag(KPI));
    await waitFor(() => expect(now().noticeFor("kpis")?.action?.label).toBe("Undo"));
    expect(now().noticeFor("kpis")?.text).toBe("Untagged Revenue; its cells keep their values and your own formats.");
    await act(async () => now().noticeFor("kpis")!.action!.run());
    await waitFor(() => expect(now().noticeFor("kpis")?.text).toBe("Revenue is back, as it was."));
    expect(workbook.writes()).toEqual(["untag", "undoUntag"]);
  });

  it("gives each section's command its message in that section", async () => {
    const { workbook, now } = await setUp();
    const run = async (command: () => unknown) => {
      await act(async () => {
        await command();
      });
      await waitFor(() => expect(now().pane.busy).toBeNull());
    };
    await run(() => now().commands.extend(KPI));
    expect(now().noticeFor("kpis")?.text).toBe("Revenue now includes its new periods.");
    await run(() => now().commands.markDone({ kpi: "REV", period: 3, rule: "Off track" }, "Called", "Revenue"));
    expect(now().noticeFor("actions")?.text).toBe("Marked the action on Revenue done.");
    expect(workbook.calls).toContainEqual(["setActionStatus", { kpi: "REV", period: 3, rule: "Off track" }, "done", "Called", today]);
    await run(() => now().commands.removeOrphan("OLD"));
    expect(now().noticeFor("health")?.text).toBe("Removed what was left of OLD.");
    await run(() => now().commands.rebuildOrphan("OLD"));
    expect(now().noticeFor("health")?.text).toBe("Rebuilt the register row of OLD from its name and colours: add its owner, objective and response.");
    await run(() => now().commands.buildScorecard());
    expect(now().noticeFor("scorecard")?.text).toBe("Built the sheet Scorecard: 1 KPI, 1 chart.");
    await run(() => now().commands.addCheckIn(KPI, { period: 2, note: "Late invoices", override: null, reason: "" }));
    expect(now().noticeFor("kpis")?.text).toBe("Saved the note on Revenue (2026-02).");
    expect(now().noticeFor("health")).toBeNull();
    expect(workbook.writes()).toEqual(["extend", "setActionStatus", "removeOrphan", "recoverOrphan", "buildScorecard", "addCheckIn"]);
    // A KPI across segments the build left out is named.
    workbook.buildScorecard = () =>
      Promise.resolve({ sheet: "Scorecard", rows: 1, charts: 1, rebuilt: true, view: "restated" as const, leftOut: ["Orders by region"] });
    await run(() => now().commands.buildScorecard());
    expect(now().noticeFor("scorecard")?.text).toBe(
      "Rebuilt the sheet Scorecard: 1 KPI, 1 chart. Left out, split by a column of a table with no period column (their cards show them; a first column of months puts them on the sheet): Orders by region.",
    );
  });

  it("inserts a formula at the selection's top-left cell as it is at the click", async () => {
    const { workbook, now } = await setUp();
    workbook.selection = { ...workbook.selection, address: "Report!D5:F9" };
    await act(async () =>
      now().commands.insertFormula("Data!C2", { label: "Latest change", formula: "=KPI.SIG_CHANGE(KPI_REV)", size: { rows: 2, columns: 7 } }),
    );
    await waitFor(() => expect(now().noticeFor("formulas")?.text).toBe("Inserted =KPI.SIG_CHANGE(KPI_REV)."));
    expect(workbook.calls).toContainEqual(["insertFormula", "Report!D5", "=KPI.SIG_CHANGE(KPI_REV)", { rows: 2, columns: 7 }]);
  });

  it("refreshes from the top, and shows a message no command caused where it is asked to", async () => {
    const { workbook, now } = await setUp();
    await act(async () => now().commands.refresh());
    await waitFor(() => expect(now().pane.busy).toBeNull());
    expect(workbook.calls.map(([n]) => n)).toEqual(["refresh"]);
    act(() => now().say("kpis", { intent: "info", text: "Copied 1 KPI as a table." }));
    expect(now().noticeFor("kpis")?.text).toBe("Copied 1 KPI as a table.");
    expect(now().noticeFor("top")).toBeNull();
  });
});
