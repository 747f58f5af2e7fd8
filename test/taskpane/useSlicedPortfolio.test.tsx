/**
 * @jest-environment jsdom
 */
/**
 * The pane's portfolio computed in time slices (useSlicedPortfolio.ts): what is shown is always one
 * read's register, values and portfolio together, a newer read cancels one still computing, and a
 * portfolio that fits one slice is there at once.
 */
import { renderHook, waitFor } from "@testing-library/react";
import { currentSliceBudget, setSliceBudget } from "../../src/core/analysis/slicing";
import { KpiDefinition } from "../../src/core/model/kpi";
import { summaryOf } from "../../src/core/model/portfolio";
import { useSlicedPortfolio } from "../../src/taskpane/useSlicedPortfolio";
import { KpiSeries, RegisterState } from "../../src/workbook/kpiWorkbook";
import { KPI, registerOf } from "./fakeWorkbook";

const kpis: KpiDefinition[] = Array.from({ length: 6 }, (_, i) => ({ ...KPI, id: `K${i}`, name: `KPI ${i}` }));
const read = (shift: number): { register: RegisterState; series: Record<string, KpiSeries> } => ({
  register: registerOf(kpis),
  series: Object.fromEntries(
    kpis.map((k, i) => [k.id, { id: k.id, address: k.source, values: [100, 90 + i, 80 + shift], targets: null, newPeriods: 0, problem: null }]),
  ),
});

describe("the pane's portfolio in time slices", () => {
  const budget = currentSliceBudget();
  afterEach(() => setSliceBudget(budget));

  it("shows a read only with its own portfolio, and a newer read supersedes one still computing", async () => {
    // A slice of no time: every step is a slice of its own, handed back to the event loop between them.
    setSliceBudget(0);
    const [a, b, c] = [read(0), read(30), read(60)];
    const hook = renderHook(({ r }) => useSlicedPortfolio(r.register, r.series), { initialProps: { r: a } });
    expect(hook.result.current.computing).toBe(true);
    expect(hook.result.current.register).toBeNull();
    expect(hook.result.current.portfolio.kpis).toEqual([]);
    await waitFor(() => expect(hook.result.current.computing).toBe(false));
    expect(hook.result.current.series).toBe(a.series);
    expect(hook.result.current.portfolio.summaries.K0.latest).toBe(80);

    const shownSeries: unknown[] = [];
    hook.rerender({ r: b });
    hook.rerender({ r: c });
    // Until c's portfolio is ready the pane keeps showing a, whole; b's is never shown.
    expect(hook.result.current.series).toBe(a.series);
    await waitFor(() => {
      shownSeries.push(hook.result.current.series);
      expect(hook.result.current.computing).toBe(false);
    });
    expect(shownSeries).not.toContain(b.series);
    expect(hook.result.current.series).toBe(c.series);
    expect(hook.result.current.portfolio.summaries.K3).toBe(summaryOf(kpis[3], c.series.K3));
    expect(hook.result.current.portfolio.summaries.K3.latest).toBe(140);
  });

  it("shows a read whose portfolio fits one slice in the same render pass", () => {
    setSliceBudget(Infinity);
    const [a, b] = [read(0), read(30)];
    const hook = renderHook(({ r }) => useSlicedPortfolio(r.register, r.series), { initialProps: { r: a } });
    expect(hook.result.current.computing).toBe(false);
    hook.rerender({ r: b });
    expect(hook.result.current.computing).toBe(false);
    expect(hook.result.current.series).toBe(b.series);
    expect(hook.result.current.portfolio.summaries.K0.latest).toBe(110);
  });
});
