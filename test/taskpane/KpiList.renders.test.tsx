/**
 * @jest-environment jsdom
 */
/**
 * 300 KPIs in the pane (issue 25): React renders only what changed. The list is rendered with
 * 300 KPIs (a third with a target per period, a fifth across segments, some guarded by another,
 * some with notes), then one KPI's values change as a refresh brings them (new maps of series,
 * summaries and month-end cards, the other KPIs' entries the same, new handler functions as the
 * pane passes): that KPI's card re-renders, the other 299 do not.
 *
 * A card's renders are counted at its trend line (Sparkline, labelled "Trend of <name>"), which
 * the card draws on every render of its own; a <Profiler> round the list sees the change as one commit.
 */
import { Profiler } from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import { FIELD_DEFAULTS, KpiDefinition } from "../../src/core/model/kpi";
import { kpiDefinition } from "../support/kpiDefinition";
import { CheckIn } from "../../src/core/model/checkins";
import { KpiSummary } from "../../src/core/model/kpiSummary";
import { summaryOf } from "../../src/core/model/portfolio";
import { SegmentData, segmentTotals } from "../../src/core/model/segments";
import { KpiSeries } from "../../src/workbook/kpiWorkbook";
import { KpiList } from "../../src/taskpane/components/KpiList";
import { REVEAL_CHUNK } from "../../src/taskpane/useRevealed";
import type { SparklineProps } from "../../src/taskpane/components/Sparkline";

const mockRenders = new Map<string, number>();

jest.mock("../../src/taskpane/components/Sparkline", () => {
  const actual = jest.requireActual("../../src/taskpane/components/Sparkline");
  return {
    ...actual,
    Sparkline: (props: SparklineProps) => {
      mockRenders.set(props.label, (mockRenders.get(props.label) ?? 0) + 1);
      return <actual.Sparkline {...props} />;
    },
  };
});

const COUNT = 300;
const PERIODS = 12;

function kpiAt(i: number): KpiDefinition {
  const id = `K${String(i).padStart(3, "0")}`;
  return kpiDefinition({
    ...FIELD_DEFAULTS,
    id,
    name: `KPI ${id}`,
    owner: `Owner ${i % 7}`,
    objective: `Objective ${i % 12}`,
    kind: i % 2 ? "leading" : "lagging",
    // A third of the KPIs have a target per period (their targets come with the series).
    target: i % 3 === 0 ? null : 100,
    targetRange: i % 3 === 0 ? `Budget!$B$2:$B$${PERIODS + 1}` : "",
    atRisk: null,
    initiative: "",
    response: "",
    source: `Data!$B$2:$B$${PERIODS + 1}`,
    lastReviewed: "",
    primary: false,
    firstPeriod: "2025-01",
    guardedBy: i % 10 === 1 ? `K${String(i - 1).padStart(3, "0")}` : "",
    segments: i % 5 === 0 ? "columns" : "",
  });
}

/** Values that wander around 100, different for each KPI; `shift` moves the latest one. */
function valuesOf(i: number, shift = 0): number[] {
  return Array.from({ length: PERIODS }, (_, p) => 100 + ((i * 7 + p * 13) % 23) - 11 + (p === PERIODS - 1 ? shift : 0));
}

function seriesOf(kpi: KpiDefinition, i: number, shift = 0): KpiSeries & { segments?: SegmentData } {
  const base = { id: kpi.id, address: kpi.source, newPeriods: 0, problem: null };
  const targets = kpi.targetRange ? Array.from({ length: PERIODS }, (_, p) => 95 + p) : null;
  if (kpi.segments) {
    const segments: SegmentData = {
      names: ["North", "South", "East"],
      values: [0, 1, 2].map((s) => valuesOf(i + s, shift)),
      denominators: null,
      targets: [100, 100, 100],
    };
    return { ...base, values: segmentTotals(kpi, segments).values, targets, segments };
  }
  return { ...base, values: valuesOf(i, shift), targets };
}

const kpis = Array.from({ length: COUNT }, (_, i) => kpiAt(i));
const series: Record<string, KpiSeries> = Object.fromEntries(kpis.map((k, i) => [k.id, seriesOf(k, i)]));
const summaries: Record<string, KpiSummary> = Object.fromEntries(kpis.map((k) => [k.id, summaryOf(k, series[k.id])]));
const checkIns: CheckIn[] = kpis
  .filter((_, i) => i % 4 === 0)
  .map((k) => ({ when: "2025-12-31", kpi: k.id, period: PERIODS, note: `Why ${k.id} moved`, override: null, reason: "", who: "Dana" }));

/** The props the pane passes, with new handler functions on every call (as KpiCards passes arrow functions). */
const handlers = () => ({
  onSelect: jest.fn(),
  onEdit: jest.fn(),
  onUntag: jest.fn(),
  onExtend: jest.fn(),
  onReview: jest.fn(),
  onFormulas: jest.fn(),
  onHistory: jest.fn(),
  onAddNote: jest.fn(),
  onCopied: jest.fn(),
});

describe("the KPI list with 300 KPIs", () => {
  it("draws the cards a screenful at a time, then re-renders only the card of the KPI whose values changed", async () => {
    const commits: { phase: string; duration: number }[] = [];
    const onRender = (_id: string, phase: string, duration: number) => commits.push({ phase, duration });
    const list = (s: Record<string, KpiSeries>, sums: Record<string, KpiSummary>) => (
      <Profiler id="kpi-list" onRender={onRender}>
        <KpiList kpis={kpis} series={s} summaries={sums} checkIns={checkIns} busy={false} locale="en-US" {...handlers()} />
      </Profiler>
    );
    const { rerender } = render(list(series, summaries));
    const trend = (k: KpiDefinition) => `Trend of ${k.name}`;
    const drawn = () => kpis.filter((k) => mockRenders.has(trend(k)));
    // The first commit draws a screenful, not 300 cards in one long task (useRevealed.ts); the rest follow a chunk a task.
    expect(drawn()).toHaveLength(REVEAL_CHUNK);
    await waitFor(() => expect(drawn()).toHaveLength(COUNT), { timeout: 60_000 });
    // Each card drawn once: a chunk appended leaves the cards already shown as they were.
    expect(kpis.map((k) => mockRenders.get(trend(k)))).toEqual(kpis.map(() => 1));
    expect(commits.length).toBeGreaterThanOrEqual(Math.ceil(COUNT / REVEAL_CHUNK));
    const revealCommits = commits.length;
    expect(screen.getAllByTestId("pair")).toHaveLength(COUNT / 10);
    expect(screen.getAllByText(/\(per period\)/)).toHaveLength(COUNT / 3);
    expect(screen.getAllByRole("list", { name: /by segment, worst first$/ })).toHaveLength(COUNT / 5);

    // KPI 42 gets a new latest value: a refresh brings new maps, the other KPIs' entries unchanged.
    const changed = kpis[42];
    const moved = seriesOf(changed, 42, 50);
    const before = new Map(mockRenders);
    rerender(list({ ...series, [changed.id]: moved }, { ...summaries, [changed.id]: summaryOf(changed, moved) }));

    const rendered = kpis.filter((k) => mockRenders.get(trend(k)) !== before.get(trend(k)));
    expect(rendered.map((k) => k.id)).toEqual([changed.id]);
    expect(mockRenders.get(trend(changed))).toBe(2);
    const card = document.querySelector<HTMLElement>(`[data-kpi-id="${changed.id}"]`)!;
    expect(within(card).getByText(/^Latest /).textContent).toContain(`Latest ${moved.values[PERIODS - 1]}`);
    expect(commits.map((c) => c.phase)).toEqual(["mount", ...Array(revealCommits - 1).fill("update"), "update"]);
  }, 120_000);
});
