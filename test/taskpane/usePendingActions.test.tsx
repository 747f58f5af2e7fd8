/**
 * @jest-environment jsdom
 */
import { act, waitFor } from "@testing-library/react";
import { isoDay } from "../../src/core/model/portfolio";
import { renderPendingActions, revenueOffTrackAction } from "../support/pendingActions";
import { FakeWorkbook, KPI, registerOf } from "./fakeWorkbook";

describe("fired triggers", () => {
  it("are shown as pending and written only when the user opens them", async () => {
    const workbook = new FakeWorkbook([KPI], { REV: [120, 110, 80] });
    const { now } = renderPendingActions(workbook);
    await waitFor(() => expect(now().notice?.action?.label).toBe("Open the action"));
    expect(now().notice).toMatchObject({ intent: "warning", text: "A trigger fired: Revenue (Off track, period 3)." });
    expect(workbook.writes()).toEqual([]);

    workbook.opened = [revenueOffTrackAction()];
    await act(async () => now().notice!.action!.run());
    await waitFor(() => expect(now().notice?.intent).toBe("success"));
    expect(now().notice?.text).toBe("Opened an action: Revenue (Off track), Dana by 2026-12-01.");
    expect(workbook.calls.filter(([n]) => n === "openActions")).toEqual([["openActions", [{ kpi: "REV", period: 3, rule: "Off track" }], isoDay(new Date())]]);
  });

  it("counts several firings in one button, and are not offered again once pressed", async () => {
    const workbook = new FakeWorkbook([KPI, { ...KPI, id: "COST", name: "Cost", trigger: "rise 20%", direction: "lower", target: 200, atRisk: 250 }], {
      REV: [120, 80],
      COST: [100, 130],
    });
    const { now } = renderPendingActions(workbook);
    await waitFor(() => expect(now().notice?.action?.label).toBe("Open 2 actions"));
    expect(now().notice?.text).toBe("2 triggers fired: Revenue (Off track, period 2); Cost (rise 20%, period 2).");
    // The write is refused: the message says so, and the same firings are not offered again.
    workbook.refuse = new Error("The KPI Actions table is damaged.");
    await act(async () => now().notice!.action!.run());
    await waitFor(() => expect(now().notice?.intent).toBe("error"));
    expect(now().notice?.text).toBe("KPI Lens could not open the actions: Excel reported a problem: The KPI Actions table is damaged.");
    await act(async () => now().pane.refresh());
    expect(now().notice?.intent).toBe("error");
    expect(workbook.writes()).toEqual(["openActions"]);
  });

  it("are not offered when the register is read-only", async () => {
    const workbook = new FakeWorkbook([KPI], { REV: [120, 110, 80] });
    workbook.register = registerOf([KPI], { readOnly: "The register was made by a newer KPI Lens." });
    const { now } = renderPendingActions(workbook);
    await waitFor(() => expect(now().pane.register).not.toBeNull());
    await waitFor(() => expect(now().pane.busy).toBeNull());
    expect(now().notice).toBeNull();
  });

  it("are not offered for a KPI on track", async () => {
    const workbook = new FakeWorkbook([KPI], { REV: [120, 110, 105] });
    const { now } = renderPendingActions(workbook);
    await waitFor(() => expect(now().pane.busy).toBeNull());
    expect(now().notice).toBeNull();
  });
});
