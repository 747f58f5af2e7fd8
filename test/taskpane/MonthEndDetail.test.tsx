/**
 * @jest-environment jsdom
 */
/**
 * The month-end pack in the pane (issue 22): the card's variance, year to date and outlook in
 * words and colour, a restatement since close, the note asked only for a material and unusual
 * latest period, and the close section's close, unreviewed list and explicit reopen.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ReactNode } from "react";
import { KpiDefinition } from "../../src/core/model/kpi";
import { monthEndPackOf } from "../../src/core/model/monthEndPane";
import { summariesOf } from "../../src/core/model/portfolio";
import { ReportedEntry } from "../../src/core/model/reported";
import { CloseSection } from "../../src/taskpane/components/CloseSection";
import { MonthEndDetail } from "../../src/taskpane/components/MonthEndDetail";
import { KPI } from "./fakeWorkbook";

const wrap = (node: ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

// Twelve months on budget within noise, then a month far below it: material and unusual.
const rev: KpiDefinition = {
  ...KPI,
  target: null,
  targetRange: "Budget!B2:M2",
  atRisk: null,
  atRiskPercent: 10,
  firstPeriod: "2025-01",
  source: "Data!$B$2:$B$13",
};
const budget = Array.from({ length: 12 }, (_, i) => 1000 + 10 * i);
const values = budget.map((b, i) => (i === 11 ? b - 300 : b + (i % 2 === 0 ? 5 : -5)));
const series = { REV: { values, targets: budget } };
const closed: ReportedEntry = {
  when: "2026-01-05T09:00:00.000Z",
  who: "Dana",
  event: "Closed",
  kpi: "REV",
  closedPeriod: "2025-11",
  period: 11,
  periodDate: "2025-11-01",
  value: 1095,
  target: 1100,
  status: "On track",
  statusBasis: "KPI_STATUS",
  variance: -5,
  variancePercent: -0.0045,
  note: "",
  reason: "",
  valueCell: "Data!B12",
};

describe("the card's month end", () => {
  it("states the variance, year to date and outlook in words and colour, the restatement, and asks a note for the unusual month", () => {
    const restated = { REV: { values: values.map((v, i) => (i === 10 ? 1443.5 : v)), targets: budget } };
    const pack = monthEndPackOf([rev], restated, [closed], [], summariesOf([rev], restated));
    const card = pack.cards.REV;
    expect(card.notePeriod).toBe(12);
    expect(card.noteReason).toBe("material and unusual");
    wrap(<MonthEndDetail kpi={rev} pack={card} />);
    const group = screen.getByRole("group", { name: "Month end of Revenue" });
    expect(within(group).getByTestId("variance").textContent).toBe(`Variance 2025-12: ${card.monthEnd.period!.words}`);
    expect(card.monthEnd.period!.words).toBe("-300 (-27.0%): unfavourable");
    // The word is there beside its colour.
    expect(within(group).getByText("Unfavourable")).toBeTruthy();
    expect(within(group).getByTestId("ytd-variance").textContent).toContain("Year to date from 2025-01:");
    expect(within(group).getByTestId("outlook").textContent).toMatch(/^Year: lands at .* chance to meet it$/);
    expect(within(group).getByTestId("restatement").textContent).toBe("2025-11 restated: 1,095.0 → 1,443.5 since close (2025-11 closed by Dana)");
    expect(pack.findings.map((f) => f.kind)).toEqual(["explain-no-note", "restated"]);
  });

  it("asks nothing for an Off track month that is the usual gap to budget, and nothing once noted", () => {
    // Every month about 200 below budget: Off track, but the variance is its usual noise.
    const steady = { REV: { values: budget.map((b, i) => b - 200 + (i % 2 === 0 ? 5 : -5)), targets: budget } };
    const pack = monthEndPackOf([rev], steady, [], [], summariesOf([rev], steady));
    expect(summariesOf([rev], steady).REV.status).toBe("off");
    expect(pack.cards.REV.notePeriod).toBeNull();
    const noted = monthEndPackOf(
      [rev],
      series,
      [],
      [{ kpi: "REV", period: 12, note: "Lost a client", override: null, reason: "", who: "Dana", when: "" }],
      summariesOf([rev], series),
    );
    expect(noted.cards.REV.notePeriod).toBeNull();
  });
});

describe("the close section", () => {
  it("closes the period offered, lists who is unreviewed, and reopens only with a reason", () => {
    const onClose = jest.fn();
    const onReopen = jest.fn();
    const { rerender } = wrap(<CloseSection kpis={[rev]} reported={[]} initial="2025-12" busy={false} onClose={onClose} onReopen={onReopen} />);
    expect(screen.getByText("2025-12 is not closed yet.")).toBeTruthy();
    expect(screen.getByRole("list", { name: /Still unreviewed at this close \(1\)/ }).textContent).toContain("Revenue (Dana): due, never reviewed");
    fireEvent.click(screen.getByRole("button", { name: "Close 2025-12" }));
    expect(onClose).toHaveBeenCalledWith("2025-12");
    fireEvent.change(screen.getByLabelText("Period to close"), { target: { value: "Dec" } });
    expect(screen.getByText(/"Dec" is not a period/)).toBeTruthy();
    expect((screen.getByRole("button", { name: /^Close/ }) as HTMLButtonElement).disabled).toBe(true);

    const dec = { ...closed, closedPeriod: "2025-12", period: 12 };
    rerender(
      <FluentProvider theme={webLightTheme}>
        <CloseSection kpis={[rev]} reported={[dec]} initial="2025-12" busy={false} onClose={onClose} onReopen={onReopen} />
      </FluentProvider>,
    );
    fireEvent.change(screen.getByLabelText("Period to close"), { target: { value: "2025-12" } });
    expect(screen.getByTestId("close-state").textContent).toMatch(/^2025-12 is closed: 1 KPI reported, by Dana on 2026-01-05/);
    const reopen = screen.getByRole("button", { name: "Reopen 2025-12" }) as HTMLButtonElement;
    expect(reopen.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Reason to reopen 2025-12/), { target: { value: "Late invoice" } });
    fireEvent.click(reopen);
    expect(onReopen).toHaveBeenCalledWith("2025-12", "Late invoice");
  });
});
