/**
 * @jest-environment jsdom
 *
 * Issue 24 in the pane: Due this close and its Review mode, and the walk's findings that live in
 * the pane, each retried against a fake workbook that keeps what is written.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Finding } from "../../src/core/model/guardrails";
import { KpiDefinition } from "../../src/core/model/kpi";
import { isoDay } from "../../src/core/model/portfolio";
import { ForecastRecord } from "../../src/core/review/coverage";
import { App } from "../../src/taskpane/App";
import { HealthSection } from "../../src/taskpane/components/HealthSection";
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { FakeWorkbook, KPI } from "./fakeWorkbook";

beforeAll(() => {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= function () {};
  window.CSS ??= { escape: (s: string) => s } as unknown as typeof CSS;
  window.CSS.escape ??= (s: string) => s;
});

/** A fake whose register follows what the pane writes: reviews, tags. */
class KeepingWorkbook extends FakeWorkbook {
  override markReviewed(id: string, isoDate: string, options?: object) {
    this.register = { ...this.register, kpis: this.register.kpis.map((k) => (k.id === id ? { ...k, lastReviewed: isoDate } : k)) };
    return super.markReviewed(id, isoDate, options);
  }
  override async tag(input: KpiInput, address: string, id?: string, reviewedOn?: string) {
    const kpi = await super.tag(input, address, id, reviewedOn);
    this.register = { ...this.register, kpis: [...this.register.kpis, kpi] };
    this.series = [...this.series, { id: kpi.id, address: kpi.source, values: [1, 2], targets: null, newPeriods: 0, problem: null }];
    return kpi;
  }
}

const today = isoDay(new Date());
const THREE: KpiDefinition[] = [
  { ...KPI, id: "REV", name: "Revenue", owner: "Maria Rossi" },
  { ...KPI, id: "MARGIN", name: "Margin", owner: "Maria Rossi", lastReviewed: "2020-01-31" },
  { ...KPI, id: "NPS", name: "Net promoter score", owner: "Sam Patel" },
];

async function renderPane(workbook: FakeWorkbook) {
  render(<App workbook={workbook} dark={false} />);
  await screen.findByRole("region", { name: "KPIs" });
  await waitFor(() => expect(document.querySelector("main")?.getAttribute("aria-busy")).toBe("false"));
}

const press = async (name: string | RegExp, scope: HTMLElement = document.body) => {
  await act(async () => fireEvent.click(within(scope).getByRole("button", { name })));
  await waitFor(() => expect(document.querySelector("main")?.getAttribute("aria-busy")).toBe("false"));
};

describe("Due this close", () => {
  it("lists what is due and overdue by owner, then reviews three KPIs one card at a time", async () => {
    const workbook = new KeepingWorkbook(THREE, { REV: [120, 110, 105], MARGIN: [120, 110, 80], NPS: [120, 110, 104] });
    await renderPane(workbook);
    const due = screen.getByRole("region", { name: "Due this close" });
    expect(within(due).getByRole("list", { name: "Reviews by owner" }).textContent).toContain("Maria Rossi: 1 due, 1 overdue");
    expect(within(due).getByRole("list", { name: "Reviews by owner" }).textContent).toContain("Sam Patel: 1 due");
    workbook.calls = [];

    await press("Review the 3 due KPIs", due);
    // Worst first: Margin (overdue) is the first card, and its heading has focus.
    const heading = within(due).getByRole("heading", { level: 3 });
    expect(heading.textContent).toBe("Margin");
    expect(document.activeElement).toBe(heading);
    expect(within(due).getByText("Card 1 of 3")).toBeTruthy();
    // The name the review is recorded under is said where it is used.
    expect(within(due).getByTestId("review-author").textContent).toBe(
      "The review and the note are recorded without a name: give yours at the top of the pane.",
    );
    expect(within(due).getByTestId("review-numbers").textContent).toMatch(/80 against a target of 100: Off track/);
    // Off track without a note: the card asks for it, and Reviewed saves it with the review.
    const noteBox = within(due).getByRole("textbox", { name: /The note Off track asks for/ });
    fireEvent.change(noteBox, { target: { value: "Price cut in March; reversing it." } });
    await press("Reviewed", due);
    expect(workbook.writes()).toEqual(["addCheckIn", "markReviewed"]);
    expect(workbook.calls.find(([n]) => n === "addCheckIn")).toEqual([
      "addCheckIn",
      "MARGIN",
      { period: 3, note: "Price cut in March; reversing it.", override: null, reason: "" },
    ]);
    expect(within(due).getByRole("status").textContent).toContain("Reviewed Margin, with the note on");

    expect(within(due).getByRole("heading", { level: 3 }).textContent).toBe("Revenue");
    expect(within(due).getByText("Card 2 of 3")).toBeTruthy();
    await press("Reviewed", due);
    expect(within(due).getByRole("heading", { level: 3 }).textContent).toBe("Net promoter score");
    fireEvent.change(within(due).getByRole("textbox", { name: "Decision note (optional)" }), { target: { value: "Keep the survey as is." } });
    await press("Reviewed", due);

    expect(within(due).getByText(/Reviewed 3 of 3 KPIs: nothing more is due this close/)).toBeTruthy();
    expect(workbook.calls.filter(([n]) => n === "markReviewed").map(([, id, day]) => [id, day])).toEqual([
      ["MARGIN", today],
      ["REV", today],
      ["NPS", today],
    ]);
    await press("Back to the list", due);
    expect(within(due).getByText("Every KPI is reviewed for this close.")).toBeTruthy();
  });
});

describe("forecast honesty", () => {
  it("reports how often the intervals recorded at past closes contained the actual, and what still waits", async () => {
    const workbook = new FakeWorkbook(THREE, { REV: [120, 110, 105, 98], MARGIN: [120, 110, 80], NPS: [120, 110, 104] });
    const lead = (period: number, lower: number, upper: number): ForecastRecord => ({
      kpi: "REV",
      kind: "lead forecast",
      recordedAt: "",
      closedPeriod: "2026-01",
      period,
      lower,
      upper,
      level: 0.8,
    });
    // Revenue's actuals 110, 105, 98: the first two intervals hold theirs, the third misses; period 5 has no actual yet.
    workbook.register = {
      ...workbook.register,
      forecasts: [lead(2, 100, 120), lead(3, 100, 110), lead(4, 100, 110), lead(5, 90, 110), { ...lead(4, 300, 500), kind: "outlook", from: 1, rollup: "sum" }],
    };
    await renderPane(workbook);
    const due = screen.getByRole("region", { name: "Due this close" });
    const lines = within(due).getByRole("list", { name: "Forecast honesty" });
    expect(
      within(lines)
        .getAllByTestId("forecast-honesty")
        .map((l) => l.textContent),
    ).toEqual([
      "Lead forecasts, 80% intervals: 2 of 3 contained the actual (67%; 95% confidence interval 21% to 94%): consistent with 80%, but too few to tell: 3 intervals cannot rule out 21%. 1 more waits for its actual.",
      // 120 + 110 + 105 + 98 = 433, inside 300 to 500.
      "Year outlooks, 80% intervals: 1 of 1 contained the actual (100%; 95% confidence interval 21% to 100%): consistent with 80%, but too few to tell: 1 interval cannot rule out 21%.",
    ]);
  });

  it("says nothing is recorded yet before the first close", async () => {
    await renderPane(new FakeWorkbook(THREE));
    expect(
      within(screen.getByRole("region", { name: "Due this close" })).getByText(
        /No forecast is recorded yet: each close records the outlooks and lead forecasts it shows/,
      ),
    ).toBeTruthy();
  });
});

describe("numbers in Office's display language", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("writes the card's numbers, the month-end lines and the form's hint in German, and reads what is typed the German way", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "de-DE" } };
    const workbook = new FakeWorkbook([{ ...KPI, target: 1300, atRisk: 1250 }], { REV: [1234.5, 1300.25, 1443.5] });
    await renderPane(workbook);
    const card = screen.getByRole("group", { name: "KPI Revenue" }).closest("[data-kpi-id]") as HTMLElement;
    expect(card.textContent).toContain("Latest 1.443,5 · target 1.300");
    // By hand: 1443.5 − 1300 = +143.5, +11.0% of the target; the year to date 3,978.25 against 3,900: +78.25.
    expect(within(card).getByTestId("variance").textContent).toBe("Variance 2026-03: +143,5 (+11,0\u00a0%): favourable");
    expect(within(card).getByTestId("ytd-variance").textContent).toMatch(/^Year to date from 2026-01: \+78,25 \(\+2,0\u00a0%\): favourable/);
    expect(within(card).getByTestId("rollup").textContent).toContain("3.978,3 vs 3.900");

    const form = screen.getByRole("form", { name: "Tag a KPI" });
    fireEvent.change(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Bookings" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Owner" }), { target: { value: "Dana Whitfield" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Target" }), { target: { value: "1.300,5" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "At risk" }), { target: { value: "10\u00a0%" } });
    // 1,300.5 less 10% of it: 1,170.45.
    expect(within(form).getByText(/of the target: Off track beyond/).textContent).toBe(
      "10\u00a0% of the target: Off track beyond 1.170,45 (kept as a percentage: it follows the target)",
    );
    await press("Tag as KPI", form);
    const [, input] = workbook.calls.find(([n]) => n === "tag")!;
    expect(input).toMatchObject({ target: 1300.5, atRisk: null, atRiskPercent: 10 });
  });
});

describe("the walk's findings in the pane", () => {
  it("names what each health check button fixes", async () => {
    const workbook = new FakeWorkbook([{ ...KPI, owner: "", initiative: "" }]);
    await renderPane(workbook);
    const findings = screen.getByRole("list", { name: "Health check findings" });
    expect(within(findings).getByRole("button", { name: "Fix owner of Revenue" })).toBeTruthy();
    expect(within(findings).getByRole("button", { name: "Fix initiative of Revenue" })).toBeTruthy();
    expect(within(findings).queryByRole("button", { name: "Fix" })).toBeNull();
  });

  it("asks for the history's name before the form, and says where it is used", async () => {
    await renderPane(new FakeWorkbook());
    const name = screen.getByRole("textbox", { name: "Your name in the KPI history" });
    const tagForm = screen.getByRole("form", { name: "Tag a KPI" });
    expect(name.compareDocumentPosition(tagForm) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says in Untag's dialog what depends on the KPI", async () => {
    const lead: KpiDefinition = { ...KPI, id: "LEADS", name: "Qualified leads", kind: "leading", predicts: "REV" };
    await renderPane(new FakeWorkbook([KPI, lead], { REV: [1, 2, 3], LEADS: [1, 2, 3] }));
    await press("Untag Revenue");
    const text = (await screen.findByTestId("untag-dependents")).textContent;
    expect(text).toContain("its row on the scorecard");
    expect(text).toContain("KPI_REV and will show #NAME?");
    expect(text).toContain("Qualified leads predicts it");
  });

  it("gives Write note an accessible name that holds its visible words", () => {
    const finding: Finding = { kind: "off-track-no-note", kpiIds: ["REV"], message: "Revenue is Off track and has no note.", fix: "note" };
    render(<HealthSection findings={[finding]} kpis={[KPI]} busy={false} onEdit={() => {}} onReview={() => {}} onNote={() => {}} churn={[]} />);
    const button = screen.getByRole("button", { name: /Write note/ });
    // axe's label-content-name-mismatch: the name must contain the visible words (WCAG 2.5.3 Label in Name).
    expect(button.textContent).toBe("Write note on Revenue");
    expect((button.getAttribute("aria-label") ?? button.textContent)!.toLowerCase()).toContain("write note");
  });

  it("flags before Tag, for a new KPI, a target the selected process cannot reach (with its limits) and a target range mostly blank", async () => {
    const workbook = new FakeWorkbook([KPI]);
    // By hand: mean 11.6, mean moving range 1.5, limits 11.6 ± 2.66 · 1.5 = 7.61 and 15.59.
    workbook.selection = {
      ...workbook.selection,
      address: "Data!C2:C6",
      usedAddress: "Data!C2:C6",
      dataAddress: "Data!C2:C6",
      rowCount: 5,
      numbers: 5,
      values: [10, 12, 11, 13, 12],
    };
    workbook.targetValues = { "Budget!B2:B6": [1400, null, null, null, 1450] };
    await renderPane(workbook);
    const form = screen.getByRole("form", { name: "Tag a KPI" });
    fireEvent.change(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Bookings" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Target" }), { target: { value: "16" } });
    const flag = await within(form).findByTestId("target-realism");
    expect(flag.textContent).toContain("consistently fails. The process runs between its limits 7.61 and 15.59 (centre 11.6)");
    fireEvent.change(within(form).getByRole("textbox", { name: "Target" }), { target: { value: "12" } });
    expect(within(form).queryByTestId("target-realism")).toBeNull();

    fireEvent.change(within(form).getByRole("textbox", { name: "Target" }), { target: { value: "Budget!B2:B6" } });
    const warning = await within(form).findByTestId("target-range-warning");
    expect(warning.textContent).toBe(
      "Budget!B2:B6 holds 2 numbers and 3 blanks: the 3 periods without a target will have no status or colour. Is this the right range?",
    );
    // Read once, for the range as typed, on the selection's sheet; nothing written, Tag not pressed.
    expect(workbook.calls.filter(([n]) => n === "readTargetValues")).toEqual([["readTargetValues", "Budget!B2:B6", "Data"]]);
    // A range of the wrong length is refused at the field, against the selection's 5 periods, before Tag.
    fireEvent.change(within(form).getByRole("textbox", { name: "Target" }), { target: { value: "Budget!B2:B7" } });
    expect(
      within(form).getByText("The target range Budget!B2:B7 has 6 periods and Bookings has 5: give one target per period, in the same order."),
    ).toBeTruthy();
    expect(workbook.writes()).toEqual([]);
  });

  it("moves focus to the new KPI's card after Tag", async () => {
    const workbook = new KeepingWorkbook([KPI]);
    await renderPane(workbook);
    const form = screen.getByRole("form", { name: "Tag a KPI" });
    fireEvent.change(within(form).getByRole("textbox", { name: "Name" }), { target: { value: "Bookings" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Owner" }), { target: { value: "Dana Whitfield" } });
    fireEvent.change(within(form).getByRole("textbox", { name: "Target" }), { target: { value: "100" } });
    await press("Tag as KPI", form);
    await waitFor(() => expect(document.activeElement?.getAttribute("data-kpi-id")).toBe("NEW"));
  });

  it("nudges a trending KPI's chart, which flags most of its points, to Chart from period, and opens the form there", async () => {
    const trend = Array.from({ length: 36 }, (_, i) => 100 + 3 * i + (i % 3) * 0.5);
    const workbook = new FakeWorkbook([{ ...KPI, target: 150, atRisk: 140 }], { REV: trend });
    await renderPane(workbook);
    const card = document.querySelector("[data-kpi-id='REV']") as HTMLElement;
    expect(within(card).getByTestId("chart-nudge").textContent).toMatch(/^\d+ of 36 points are special causes: the process changed/);
    await press("Set Chart from period for Revenue", card);
    const form = screen.getByRole("form", { name: "Edit Revenue" });
    expect(document.activeElement).toBe(within(form).getByRole("textbox", { name: "Chart from period" }));
  });

  it("has a Check the chain button that checks every chain again", async () => {
    const lead: KpiDefinition = { ...KPI, id: "LEADS", name: "Qualified leads", kind: "leading", predicts: "REV" };
    const workbook = new FakeWorkbook([KPI, lead], { REV: [1, 2, 3, 4, 5, 6], LEADS: [2, 3, 1, 5, 4, 6] });
    await renderPane(workbook);
    workbook.calls = [];
    const chain = screen.getByRole("region", { name: "Lead-lag chain" });
    await press("Check the chain", chain);
    expect(workbook.calls.map(([n]) => n)).toContain("refresh");
    expect(within(chain).getByRole("status").textContent).toBe("Checked every chain on the workbook's current numbers.");
  });
});
