import { KpiDefinition } from "../../../src/core/model/kpi";
import { chainsOf, summariesOf } from "../../../src/core/model/portfolio";
import { portfolioVerdicts } from "../../../src/core/review/fdr";
import { perspectiveOf, strategyMap } from "../../../src/core/model/strategyMap";
import { KPI } from "../../taskpane/fakeWorkbook";

const lagging: KpiDefinition & { perspective: string } = { ...KPI, id: "REV", name: "Revenue", objective: "Grow", perspective: "Financial" };
const leading: KpiDefinition & { perspective: string } = {
  ...KPI,
  id: "LEADS",
  name: "Qualified leads",
  kind: "leading",
  predicts: "REV",
  objective: "Win customers",
  initiative: "Webinars",
  perspective: "customer",
};
const other: KpiDefinition & { perspective: string } = {
  ...KPI,
  id: "NOISE",
  name: "Noise",
  kind: "leading",
  predicts: "REV",
  objective: "Win customers",
  initiative: "",
  perspective: "",
};

describe("the strategy map", () => {
  it("reads the four perspectives and their common other words", () => {
    expect(["Financial", " customer ", "Internal processes", "Learning & growth", "", "Marketing"].map(perspectiveOf)).toEqual([
      "financial",
      "customer",
      "internal process",
      "learning and growth",
      "no perspective",
      "no perspective",
    ]);
  });

  it("lays out perspectives top-down, objectives in them, and an arrow per chain with its lag, r and verdict", () => {
    // Revenue follows leads two months later; Noise predicts nothing.
    const leads = [5, 9, 4, 8, 3, 10, 6, 2, 7, 11, 5, 9, 4, 12, 6, 3, 8, 10];
    const revenue = [0, 0, ...leads.slice(0, -2).map((v) => 100 + 10 * v)];
    const noise = [3, 3, 9, 1, 4, 4, 7, 2, 8, 5, 5, 6, 1, 9, 2, 7, 3, 6];
    const kpis = [lagging, leading, other];
    const series = { REV: { values: revenue }, LEADS: { values: leads }, NOISE: { values: noise } };
    const chains = chainsOf(kpis, series);
    const summaries = summariesOf(kpis, series);
    const map = strategyMap(kpis, (id) => summaries[id].status, chains, portfolioVerdicts(chains));
    expect(map.lanes.map((l) => l.title)).toEqual(["Financial", "Customer", "No perspective"]);
    expect(map.lanes[1].objectives.map((o) => [o.name, o.kpis.map((k) => k.initiative)])).toEqual([["Win customers", ["Webinars"]]]);
    const lead = map.arrows.find((a) => a.from === "LEADS")!;
    const best = chains.find((c) => c.leading.id === "LEADS")!.analysis.best!;
    expect(lead).toMatchObject({ to: "REV", lag: best.lag, r: best.r, supported: true, label: `lag ${best.lag}, r = ${best.r.toFixed(2)}` });
    expect(best.lag).toBe(2);
    const weak = map.arrows.find((a) => a.from === "NOISE")!;
    expect(weak.supported).toBe(false);
    expect(weak.label).toMatch(/not supported$|^not tested$/);
    // The lanes stack without overlap, and every KPI sits inside its objective.
    map.lanes.forEach((l, i) => i > 0 && expect(l.y).toBeGreaterThanOrEqual(map.lanes[i - 1].y + map.lanes[i - 1].height));
    for (const o of map.lanes.flatMap((l) => l.objectives)) for (const k of o.kpis) expect(k.y).toBeLessThan(o.y + o.height);
  });
});

describe("the strategy map's arrows in the user's locale", () => {
  const chain = (id: string, lag: number, r: number) => ({ leading: { id }, lagging: { id: "REV" }, analysis: { best: { lag, r } } });
  const chains = [chain("LEADS", 2, 0.9712), chain("NOISE", 1, 0.3149), { leading: { id: "NEW" }, lagging: { id: "REV" }, analysis: { best: null } }];
  const verdicts = {
    tested: 2,
    verdicts: [{ id: "LEADS", p: 0.001, q: 0.002, supportedAlone: true, supported: true, changed: false, sentence: "" }],
    changed: [],
    clause: "",
    chainSupported: {},
  };
  const labels = (locale?: string) => strategyMap([lagging, leading, other], () => null, chains, verdicts, locale).arrows.map((a) => a.label);

  it("keeps en-US as it was", () => {
    expect(labels()).toEqual(["lag 2, r = 0.97", "lag 1, r = 0.31, not supported", "not tested"]);
  });

  it("writes r with a decimal comma in German and French", () => {
    expect(labels("de-DE")).toEqual(["lag 2, r = 0,97", "lag 1, r = 0,31, not supported", "not tested"]);
    expect(labels("fr-FR")).toEqual(["lag 2, r = 0,97", "lag 1, r = 0,31, not supported", "not tested"]);
  });
});
