/**
 * @jest-environment jsdom
 */
/**
 * One KPI across segments in the pane (issue 23, item 3): the card's total and how it is made,
 * the small multiples worst first with each segment's status against its own target, the funnel
 * plot of the latest period naming the segment that really differs (numbers as the Python
 * reference computed them: test/reference/generate_segments.py), the insert-formula menu's
 * KPI.FUNNEL, and the form's Segments field.
 */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { EMPTY_DRAFT, KpiDefinition, KpiDraft, FIELD_DEFAULTS } from "../../src/core/model/kpi";
import { formulaChoices, summaryOf } from "../../src/core/model/portfolio";
import { SegmentData, segmentTotals } from "../../src/core/model/segments";
import { SegmentsDetail } from "../../src/taskpane/components/SegmentsDetail";
import { TagSection } from "../../src/taskpane/components/TagSection";
import { TagForm } from "../../src/taskpane/components/TagForm";
import { SegmentFields } from "../../src/taskpane/components/SegmentFields";
import { FormulaSection } from "../../src/taskpane/components/FormulaSection";
import { kpiDefinition } from "../support/kpiDefinition";
import { sig4 } from "../support/sig4";
import { CASE, CASE_CONVERSION, CASE_DATA } from "../support/segmentsCase";

const conversion: KpiDefinition = kpiDefinition({ ...FIELD_DEFAULTS, ...CASE_CONVERSION });
const data = CASE_DATA;
const totals = segmentTotals(conversion, data);
const series = { values: totals.values, denominators: totals.denominators, targets: null, segments: data };

describe("a segmented KPI's card", () => {
  it("shows the total, the regions worst first with their status, and the funnel flagging the region that really differs", () => {
    const summary = summaryOf(conversion, series);
    render(<SegmentsDetail kpi={conversion} summary={summary} segments={data} />);
    const want = CASE.expected;
    expect(screen.getByTestId("segment-total").textContent).toBe(`Total of 4 segments (Σ numerators / Σ denominators): ${sig4(want.total!.latest)} in 2025-12`);
    const list = screen.getByRole("list", { name: "Conversion by region by segment, worst first" });
    const items = within(list).getAllByTestId("segment");
    expect(items.map((i) => i.dataset.segment)).toEqual(want.worstFirst);
    const label = { on: "On track", risk: "At risk", off: "Off track" } as const;
    for (const item of items) {
      const s = want.segments.find((x) => x.name === item.dataset.segment)!;
      expect(item.getAttribute("aria-label")).toBe(`${s.name}: ${label[s.status as keyof typeof label]}`);
      expect(within(item).getByTestId("segment-latest").textContent).toBe(`${sig4(s.latest!)} vs ${sig4(s.target!)}`);
      expect(within(item).getByRole("img").getAttribute("aria-label")).toMatch(new RegExp(`^Trend of Conversion by region in ${s.name}: 12 periods`));
    }
    const points = screen.getAllByTestId("funnel-point");
    expect(points.map((p) => p.dataset.segment)).toEqual(want.funnel!.points.map((p) => p.segment));
    want.funnel!.points.forEach((p, j) => {
      expect(points[j].textContent).toBe(
        `${p.segment}: ${sig4(p.rate)} of ${p.denominator.toLocaleString("en-US")} · z ${p.z.toLocaleString("en-US", { maximumFractionDigits: 2 })} · 99.8% limits ${sig4(p.limits[2])} to ${sig4(p.limits[3])} · ${p.flag}`,
      );
    });
    expect(screen.getByTestId("funnel-verdict").textContent).toBe("East, West really differ (beyond the 99.8% limits); North may (beyond 95% only).");
    expect(screen.getByTestId("funnel-plot").querySelectorAll("circle")).toHaveLength(4);
  });

  it("says why a block of counts has no funnel, and shows nothing for a KPI of one series", () => {
    const counts = { ...conversion, denominatorRange: "", target: 400, atRiskPercent: null, atRisk: 300 };
    const blocks: SegmentData = { ...data, denominators: null, targets: [400, 400, 400, 400] };
    const t = segmentTotals(counts, blocks);
    const { unmount } = render(<SegmentsDetail kpi={counts} summary={summaryOf(counts, { values: t.values, segments: blocks })} segments={blocks} />);
    expect(screen.getByTestId("segment-total").textContent).toMatch(/^Total of 4 segments \(their sum\): /);
    expect(screen.getByTestId("funnel-problem").textContent).toMatch(/A funnel plot compares rates/);
    unmount();
    const { container } = render(<SegmentsDetail kpi={{ ...conversion, segments: "" }} summary={summaryOf(conversion, series)} segments={data} />);
    expect(container.innerHTML).toBe("");
  });

  it("offers the funnel's KPI.FUNNEL and each segment's status in the insert-formula menu", () => {
    const choices = formulaChoices(conversion, { CONV: series }, { CONV: summaryOf(conversion, series) }, []);
    expect(choices.map((c) => c.formula)).toEqual([
      '=KPI.FUNNEL(INDEX(KPI_CONV,12,1):INDEX(KPI_CONV,12,COLUMNS(KPI_CONV)),INDEX(KPIDenom_CONV,12,1):INDEX(KPIDenom_CONV,12,COLUMNS(KPIDenom_CONV)),,"proportion",FALSE,"table")',
      '=KPI.FUNNEL(INDEX(KPI_CONV,12,1):INDEX(KPI_CONV,12,COLUMNS(KPI_CONV)),INDEX(KPIDenom_CONV,12,1):INDEX(KPIDenom_CONV,12,COLUMNS(KPIDenom_CONV)),,"proportion",FALSE,"curve")',
      expect.stringMatching(/^=KPI\.KPI_STATUS\(INDEX\(KPI_CONV,12,1\):INDEX\(KPI_CONV,12,COLUMNS\(KPI_CONV\)\)\/\(INDEX\(KPIDenom_CONV,12,1\)/),
    ]);
    expect(choices[0].size).toEqual({ rows: 5, columns: 7 });
  });
});

describe("the form's Segments field", () => {
  it("tags a block as one KPI across segments when Segments says Columns", async () => {
    const submitted: KpiDraft[] = [];
    render(<TagForm kpis={[]} editing={null} initial={EMPTY_DRAFT} disabled={false} onSubmit={async (d) => (submitted.push(d), true)} />);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Conversion by region" } });
    fireEvent.change(screen.getByLabelText("Owner"), { target: { value: "Dana Whitfield" } });
    fireEvent.change(screen.getByLabelText("Target"), { target: { value: "Regions!B40:E40" } });
    fireEvent.change(screen.getByLabelText("Denominator"), { target: { value: "Regions!H3:K38" } });
    fireEvent.change(screen.getByLabelText("Segments"), { target: { value: "columns" } });
    fireEvent.click(screen.getByRole("button", { name: "Tag as KPI" }));
    await screen.findByRole("button", { name: "Tag as KPI" });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ segments: "columns", denominator: "Regions!H3:K38", target: "Regions!B40:E40" });
  });

  it("refuses a block of denominators without Segments, at the field", async () => {
    const submitted: KpiDraft[] = [];
    render(
      <TagForm
        kpis={[]}
        editing={null}
        initial={{ ...EMPTY_DRAFT, name: "C", owner: "Dana Whitfield", target: "0.03" }}
        disabled={false}
        onSubmit={async (d) => (submitted.push(d), true)}
      />,
    );
    fireEvent.change(screen.getByLabelText("Denominator"), { target: { value: "Regions!H3:K38" } });
    fireEvent.click(screen.getByRole("button", { name: "Tag as KPI" }));
    expect(await screen.findByText(/not one row or column of cells/)).toBeTruthy();
    expect(submitted).toEqual([]);
  });
});

describe("the form's Segments field, By column", () => {
  const fill = () => {
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Orders by region" } });
    fireEvent.change(screen.getByLabelText("Owner"), { target: { value: "Dana Whitfield" } });
    fireEvent.change(screen.getByLabelText("Target"), { target: { value: "1200" } });
  };

  it("tags a table column split by the segment column typed, its denominators another column of the table", async () => {
    const submitted: KpiDraft[] = [];
    render(<TagForm kpis={[]} editing={null} initial={EMPTY_DRAFT} disabled={false} onSubmit={async (d) => (submitted.push(d), true)} />);
    fill();
    fireEvent.change(screen.getByLabelText("Denominator"), { target: { value: "Visits" } });
    fireEvent.change(screen.getByLabelText("Segments"), { target: { value: "by" } });
    // No column yet: the field says what it needs, and Tag is refused.
    expect(screen.getByText(/Choose the column that names each row's segment/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tag as KPI" }));
    await screen.findByRole("button", { name: "Tag as KPI" });
    expect(submitted).toEqual([]);
    fireEvent.change(screen.getByLabelText("Segment column"), { target: { value: "Sales region" } });
    expect((screen.getByLabelText("Segment column") as HTMLInputElement).value).toBe("Sales region");
    fireEvent.click(screen.getByRole("button", { name: "Tag as KPI" }));
    await screen.findByRole("button", { name: "Tag as KPI" });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ segments: "by Sales region", denominator: "Visits" });
  });

  it("offers the table's headers to choose from when the pane has them", () => {
    // SegmentFields alone, with a kit of the form's shape.
    const set = jest.fn(() => jest.fn());
    const setter = jest.fn();
    set.mockReturnValue(setter);
    render(
      <SegmentFields
        kit={
          {
            draft: { ...EMPTY_DRAFT, segments: "by " },
            parsed: EMPTY_DRAFT,
            locale: "en-US",
            show: () => undefined,
            set,
            text: () => null,
            styles: { control: "" },
          } as never
        }
        columns={["Month", "Region", "Orders", "Visits"]}
      />,
    );
    const select = screen.getByLabelText("Segment column") as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["Choose…", "Month", "Region", "Orders", "Visits"]);
    fireEvent.change(select, { target: { value: "Region" } });
    expect(set).toHaveBeenCalledWith("segments");
    expect(setter).toHaveBeenCalledWith("by Region");
  });

  it("offers the selected table column's other columns through the Tag section", () => {
    const selection = {
      address: "'Orders by region'!C2:C49",
      usedAddress: "'Orders by region'!C2:C49",
      dataAddress: "'Orders by region'!C2:C49",
      header: null,
      rowCount: 48,
      columnCount: 1,
      numbers: 48,
      tableColumn: { table: "OrdersByRegion", column: "Orders", headers: ["Month", "Region", "Orders", "Visits"] },
    };
    const editor = { editing: null, close: () => {}, focusField: undefined, fieldError: null, setFieldError: () => {} };
    render(
      <TagSection kpis={[]} editor={editor as never} selection={selection} disabled={false} notice={null} onTag={async () => true} onSave={async () => true} />,
    );
    fireEvent.change(screen.getByLabelText("Segments"), { target: { value: "by" } });
    const select = screen.getByLabelText("Segment column") as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["Choose…", "Month", "Region", "Visits"]);
  });

  it("refuses a sheet range as the denominators of a KPI split by a column, at the field", async () => {
    const submitted: KpiDraft[] = [];
    render(<TagForm kpis={[]} editing={null} initial={EMPTY_DRAFT} disabled={false} onSubmit={async (d) => (submitted.push(d), true)} />);
    fill();
    fireEvent.change(screen.getByLabelText("Segments"), { target: { value: "by" } });
    fireEvent.change(screen.getByLabelText("Segment column"), { target: { value: "Region" } });
    fireEvent.change(screen.getByLabelText("Denominator"), { target: { value: "'Orders by region'!D2:D49" } });
    fireEvent.click(screen.getByRole("button", { name: "Tag as KPI" }));
    expect(await screen.findByText(/"'Orders by region'!D2:D49" is not/)).toBeTruthy();
    expect(submitted).toEqual([]);
  });
});

describe("the card of a KPI split by a column", () => {
  it("shows the same total and small multiples as a block's, and says where its segments and its targets come from", () => {
    const long: KpiDefinition = { ...conversion, source: "OrdersByRegion[Orders]", denominatorRange: "OrdersByRegion[Visits]", segments: "by Region" };
    render(<SegmentsDetail kpi={long} summary={summaryOf(long, series)} segments={data} />);
    expect(screen.getByTestId("segment-total").textContent).toBe(
      `Total of 4 segments (Σ numerators / Σ denominators): ${sig4(CASE.expected.total!.latest)} in 2025-12`,
    );
    expect(
      within(screen.getByRole("list", { name: "Conversion by region by segment, worst first" }))
        .getAllByTestId("segment")
        .map((i) => i.dataset.segment),
    ).toEqual(CASE.expected.worstFirst);
    expect(screen.getByTestId("segment-layout").textContent).toBe("OrdersByRegion[Orders] split by the table's Region column, one target for every segment.");
    cleanup();
    const budgeted = { ...long, target: null, targetRange: "OrdersByRegion[Budget]" };
    render(<SegmentsDetail kpi={budgeted} summary={summaryOf(budgeted, series)} segments={data} />);
    expect(screen.getByTestId("segment-layout").textContent).toBe(
      "OrdersByRegion[Orders] split by the table's Region column, each row judged against its own target in OrdersByRegion[Budget].",
    );
  });
});

describe("the insert-formula section with a KPI that offers none", () => {
  it("says so, keeps the KPI choice and offers no Insert (it crashed on an empty list)", () => {
    const long: KpiDefinition = { ...conversion, id: "LONG", name: "Orders split by region", source: "OrdersByRegion[Orders]", segments: "by Region" };
    const choicesFor = (k: KpiDefinition) =>
      formulaChoices(k, { LONG: series, CONV: series }, { LONG: summaryOf(long, series), CONV: summaryOf(conversion, series) }, []);
    render(
      <FormulaSection
        kpis={[long, conversion]}
        choicesFor={choicesFor}
        cell="Z1"
        busy={false}
        kpiId="LONG"
        onKpiChange={() => undefined}
        onInsert={() => undefined}
      />,
    );
    expect(screen.getByText("Orders split by region has no formula to insert yet.")).toBeTruthy();
    expect(screen.getByLabelText("Formula for KPI")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Insert formula in Z1" })).toBeNull();
  });
});
