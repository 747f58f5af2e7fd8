/**
 * Structural sharing across the pane's reads (keepUnchanged.ts): after a refresh in which one KPI
 * changed, every other KPI keeps its objects (definition, values, summary, month-end card), so
 * its memoised card does not render again; the changed one gets new ones.
 */
import { portfolioOf } from "../../src/core/model/portfolio";
import { KpiDefinition } from "../../src/core/model/kpi";
import { kpiDefinition } from "../support/kpiDefinition";
import { keepUnchangedEntries, keepUnchangedItems, keepUnchangedPortfolio } from "../../src/taskpane/keepUnchanged";

const kpi = (id: string, target: number): KpiDefinition =>
  kpiDefinition({
    id,
    name: id,
    owner: "Dana Whitfield",
    target,
    atRisk: null,
    initiative: "",
    response: "",
    source: `Data!${id}1:${id}24`,
    lastReviewed: "",
    primary: false,
    firstPeriod: "2024-01",
  });
const values = (seed: number) => Array.from({ length: 24 }, (_, i) => 100 + ((i * 37 + seed * 11) % 23));

describe("keeping what did not change across reads", () => {
  it("keeps the previous entry or item when its content is the same, and takes the new one otherwise", () => {
    const before = { A: { values: [1, 2] }, B: { values: [3] } };
    const after = keepUnchangedEntries(before, { A: { values: [1, 2] }, B: { values: [4] }, C: { values: [5] } });
    expect(after.A).toBe(before.A);
    expect(after.B).toEqual({ values: [4] });
    expect(after.B).not.toBe(before.B);
    expect(Object.keys(after)).toEqual(["A", "B", "C"]);
    const items = [
      { id: "A", n: 1 },
      { id: "B", n: 2 },
    ];
    const next = keepUnchangedItems(
      items,
      [
        { id: "B", n: 2 },
        { id: "A", n: 9 },
      ],
      (x) => x.id,
    );
    expect(next[0]).toBe(items[1]);
    expect(next[1]).toEqual({ id: "A", n: 9 });
  });

  it("after a re-read where one KPI of 300 changed, only that KPI's definition, values, summary and card are new", () => {
    const ids = Array.from({ length: 300 }, (_, i) => `K${i}`);
    const read = (changed: string | null) => ({
      // A read builds every object afresh, as the workbook layer does.
      kpis: ids.map((id, i) => kpi(id, id === changed ? 999 : 110 + (i % 7))),
      series: Object.fromEntries(ids.map((id, i) => [id, { address: `Data!A1:A24`, values: values(id === changed ? i + 1 : i) }])),
    });
    const first = read(null);
    const register = (r: ReturnType<typeof read>, kpis = r.kpis) => ({ kpis, checkIns: [], actions: [], history: [] });
    const p1 = keepUnchangedPortfolio(null, portfolioOf(register(first), first.series, new Date(2026, 11, 1)));
    const second = read("K42");
    const kpis = keepUnchangedItems(first.kpis, second.kpis, (k) => k.id);
    const series = keepUnchangedEntries(first.series, second.series);
    const p2 = keepUnchangedPortfolio(p1, portfolioOf(register(second, kpis), series, new Date(2026, 11, 1)));
    const changed = <T>(a: Record<string, T>, b: Record<string, T>) => ids.filter((id) => a[id] !== b[id]);
    expect(ids.filter((_, i) => kpis[i] !== first.kpis[i])).toEqual(["K42"]);
    expect(changed(first.series, series)).toEqual(["K42"]);
    expect(changed(p1.summaries, p2.summaries)).toEqual(["K42"]);
    expect(changed(p1.pack.cards, p2.pack.cards)).toEqual(["K42"]);
    // Without the sharing every card is new; the summaries are shared already by the portfolio's own
    // memo (core/model/contentMemo.ts: the same content gives the same object), all but K42's.
    const unshared = portfolioOf(register(first), first.series, new Date(2026, 11, 1));
    expect(changed(unshared.pack.cards, p2.pack.cards)).toHaveLength(300);
    expect(changed(unshared.summaries, p2.summaries)).toEqual(["K42"]);
  });
});
