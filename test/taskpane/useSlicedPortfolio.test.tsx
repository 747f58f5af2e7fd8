/**
 * @jest-environment jsdom
 */
/**
 * The pane's portfolio computed in time slices (useSlicedPortfolio.ts): what is shown is always one
 * read's register, values and portfolio together, a newer read cancels one still computing, and a
 * portfolio that fits one slice is there at once.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
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

  function shownReads() {
    let renders = 0;
    const hook = renderHook(() => {
      renders++;
      return useSlicedPortfolio();
    });
    return {
      hook,
      shown: () => hook.result.current.shown, // A read being computed renders nothing; the pane's next render (its busy state cleared) asks whether it is still reading.
      reading: () => (hook.rerender(), hook.result.current.reading),
      show: (r: ReturnType<typeof read>) => act(() => hook.result.current.show(r.register, r.series)),
      renders: () => renders,
    };
  }

  it("shows a read only with its own portfolio, and a newer read supersedes one still computing", async () => {
    // A slice of no time: every step is a slice of its own, handed back to the event loop between them.
    setSliceBudget(0);
    const [a, b, c] = [read(0), read(30), read(60)];
    const pane = shownReads();
    expect(pane.reading()).toBe(false);
    pane.show(a);
    expect(pane.reading()).toBe(true);
    expect(pane.shown().register).toBeNull();
    expect(pane.shown().portfolio.kpis).toEqual([]);
    await waitFor(() => expect(pane.shown().register).toBe(a.register));
    expect(pane.reading()).toBe(false);
    expect(pane.shown().series).toBe(a.series);
    expect(pane.shown().portfolio.summaries.K0.latest).toBe(80);

    const shownSeries: unknown[] = [];
    pane.show(b);
    pane.show(c);
    // Until c's portfolio is ready the pane keeps showing a, whole; b's is never shown.
    expect(pane.shown().series).toBe(a.series);
    expect(pane.reading()).toBe(true);
    await waitFor(() => {
      shownSeries.push(pane.shown().series);
      expect(pane.shown().register).toBe(c.register);
    });
    expect(shownSeries).not.toContain(b.series);
    expect(pane.shown().series).toBe(c.series);
    expect(pane.shown().portfolio.summaries.K3).toBe(summaryOf(kpis[3], c.series.K3));
    expect(pane.shown().portfolio.summaries.K3.latest).toBe(140);
    expect(pane.reading()).toBe(false);
  });

  it("shows a read whose portfolio fits one slice at once, in one render with its portfolio", () => {
    setSliceBudget(Infinity);
    const [a, b] = [read(0), read(30)];
    const pane = shownReads();
    pane.show(a);
    expect(pane.shown().register).toBe(a.register);
    const before = pane.renders();
    pane.show(b);
    // The register and its portfolio arrive together: one render, not one for each.
    expect(pane.renders() - before).toBe(1);
    expect(pane.shown().series).toBe(b.series);
    expect(pane.shown().portfolio.summaries.K0.latest).toBe(110);
  });
});
