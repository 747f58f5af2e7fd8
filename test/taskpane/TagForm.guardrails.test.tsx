/**
 * @jest-environment jsdom
 *
 * The guardrails issue 24 runs on the data in the pane: a counter-metric's firing offered as a
 * pending trigger, the "Opened an action" message gone with its action, the target's checks at
 * the form's field (wrong length refused, mostly blank warned, an unreachable target flagged
 * with the process limits), and numbers typed the user's way (de-DE).
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Action } from "../../src/core/model/actions";
import { draftFromDefinition, KpiDefinition } from "../../src/core/model/kpi";
import { isoDay } from "../../src/core/model/portfolio";
import { TagForm } from "../../src/taskpane/components/TagForm";
import { FakeWorkbook, KPI, registerOf } from "./fakeWorkbook";
import { standInResizeObserver, standInScrollIntoView } from "../support/jsdomLayout";
import { renderPendingActions, revenueOffTrackAction } from "../support/pendingActions";

beforeAll(() => {
  standInResizeObserver();
  standInScrollIntoView();
});

const SPEED: KpiDefinition = { ...KPI, id: "SPEED", name: "Resolution time", direction: "lower", target: 20, atRisk: 22, guardedBy: "DEF" };
const DEFECTS: KpiDefinition = { ...KPI, id: "DEF", name: "Defects", direction: "lower", target: 30, atRisk: 33 };

describe("a counter-metric in the pane", () => {
  it("offers its firing as a pending trigger, with what it saw, and writes only on Open", async () => {
    const workbook = new FakeWorkbook([SPEED, DEFECTS], { SPEED: [10, 10, 11, 10, 10, 11, 10, 8], DEF: [5, 5, 6, 5, 5, 6, 5, 20] });
    const { now } = renderPendingActions(workbook);
    await waitFor(() => expect(now().notice?.text).toContain("check for gaming"));
    expect(now().notice?.text).toBe("A trigger fired: Resolution time down, Defects up: check for gaming (period 8).");
    expect(workbook.writes()).toEqual([]);
    await act(async () => now().notice!.action!.run());
    expect(workbook.calls.find(([n]) => n === "openActions")?.[1]).toEqual([{ kpi: "SPEED", period: 8, rule: "counter-metric DEF" }]);
  });
});

describe("the Opened an action message", () => {
  it("goes once the action it names is no longer open", async () => {
    const workbook = new FakeWorkbook([KPI], { REV: [120, 110, 80] });
    const { now } = renderPendingActions(workbook);
    await waitFor(() => expect(now().notice?.action?.label).toBe("Open the action"));
    const action: Action & { row: number } = { row: 1, ...revenueOffTrackAction() };
    workbook.opened = [action];
    workbook.register = registerOf([KPI], { actions: [action] });
    await act(async () => now().notice!.action!.run());
    await waitFor(() => expect(now().notice?.text).toBe("Opened an action: Revenue (Off track), Dana by 2026-12-01."));
    workbook.register = registerOf([KPI], { actions: [{ ...action, status: "done", doneOn: isoDay(new Date()) }] });
    await act(async () => void (await now().pane.refresh()));
    await waitFor(() => expect(now().notice).toBeNull());
  });
});

function renderForm(kpi: KpiDefinition, context: Parameters<typeof TagForm>[0]["targetContext"], locale = "en-US") {
  const onSubmit = jest.fn(async () => true);
  render(
    <TagForm kpis={[kpi]} editing={kpi} initial={draftFromDefinition(kpi)} disabled={false} onSubmit={onSubmit} locale={locale} targetContext={context} />,
  );
  const target = screen.getByRole("textbox", { name: "Target" });
  const type = (value: string) => {
    fireEvent.change(target, { target: { value } });
    fireEvent.blur(target);
  };
  return { onSubmit, type, save: () => act(async () => fireEvent.click(screen.getByRole("button", { name: "Save changes" }))) };
}

describe("the target's checks at the field", () => {
  it("refuses a target range of the wrong length before Save, at the field", async () => {
    const { onSubmit, type, save } = renderForm(KPI, { values: [120, 110, 105], periods: 3 });
    type("Budget!B2:B5");
    expect(screen.getByText(/The target range Budget!B2:B5 has 4 periods and Revenue has 3/)).toBeTruthy();
    await save();
    expect(onSubmit).not.toHaveBeenCalled();
    type("Budget!B2:B4");
    expect(screen.queryByText(/has 4 periods/)).toBeNull();
  });

  it("warns about a range mostly blank (Budget!B2:B37 with 2 numbers), without refusing it", async () => {
    const kpi = { ...KPI, target: null, targetRange: "Budget!$B$2:$B$37", atRisk: null, atRiskPercent: 10 };
    const targets = [100, 110, ...Array.from({ length: 34 }, () => null)];
    const { onSubmit, save } = renderForm(kpi, { values: Array.from({ length: 36 }, (_, i) => 100 + i), periods: 36, targets, targetRange: kpi.targetRange });
    expect(screen.getByTestId("target-range-warning").textContent).toContain("holds 2 numbers and 34 blanks");
    await save();
    expect(onSubmit).toHaveBeenCalled();
  });

  it("flags a target the process cannot reach, with its limits, before save", () => {
    const { type } = renderForm(KPI, { values: [100, 102, 98, 101, 99, 100, 103, 97], periods: 8 });
    type("150");
    const flag = screen.getByTestId("target-realism").textContent!;
    expect(flag).toContain("consistently fails");
    expect(flag).toMatch(/limits 9\d(\.\d+)? and 10\d(\.\d+)?/);
    type("101");
    expect(screen.queryByTestId("target-realism")).toBeNull();
  });

  it("reads and shows numbers with the user's decimal separator (de-DE)", async () => {
    const kpi = { ...KPI, target: 1234.5, atRisk: 1000.25 };
    const { onSubmit, type, save } = renderForm(kpi, { values: [1200, 1210, 1190], periods: 3 }, "de-DE");
    expect((screen.getByRole("textbox", { name: "Target" }) as HTMLInputElement).value).toBe("1234,5");
    type("1.300,75");
    await save();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ target: "1300.75", atRisk: "1000.25" }));
    // 1300.75 is beyond what the process reaches: its limits are shown the German way.
    expect(screen.getByTestId("target-realism").textContent).toMatch(/limits 1\.\d{3},\d+ and 1\.\d{3},\d+/);
  });
});
