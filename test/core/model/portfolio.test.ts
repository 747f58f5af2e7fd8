import { kpiDefinition } from "../../support/kpiDefinition";
import {
  chainsOf,
  crosswise,
  dueFirings,
  findingsOf,
  firingKey,
  firstCell,
  formulaChoices,
  isoDay,
  portfolioOf,
  portfolioSteps,
  RegisterView,
  SeriesValues,
  summariesOf,
} from "../../../src/core/model/portfolio";
import { Action } from "../../../src/core/model/actions";
import { KpiDefinition } from "../../../src/core/model/kpi";

const base: KpiDefinition = kpiDefinition();
const today = new Date(2026, 10, 22, 10);

// A leading KPI whose values the lagging one follows one period later: a chain the data supports.
const leadValues = [3, 7, 2, 9, 4, 8, 1, 6, 5, 9, 2, 7, 3, 8, 4, 6, 1, 9, 5, 7, 2, 8, 3, 6];
const lagValues = leadValues.map((_, i) => (i === 0 ? 50 : 50 + 10 * leadValues[i - 1] + ((i * 7) % 3) - 1));
const leading: KpiDefinition = { ...base, id: "CALLS", name: "Calls", kind: "leading", predicts: "REV", target: 5, atRisk: 4, primary: false };
const lagging: KpiDefinition = { ...base, target: 100, atRisk: 90 };

function register(kpis: KpiDefinition[], extra: Partial<RegisterView> = {}): RegisterView {
  return { kpis, checkIns: [], actions: [], history: [], ...extra };
}

function action(kpi: string, period: number, rule: string): Action {
  return { fired: "2026-11-01", kpi, period, rule, response: "", owner: "Dana", due: "2026-12-01", status: "open", note: "", doneOn: "" };
}

describe("portfolio of the register", () => {
  it("is empty before the register is read", () => {
    expect(portfolioOf(null, {}, today)).toEqual({
      kpis: [],
      checkIns: [],
      actions: [],
      summaries: {},
      chains: [],
      findings: [],
      churn: [],
      verdicts: expect.anything(),
      pack: { cards: {}, restatements: [], findings: [] },
    });
  });

  it("summarises every KPI against its target and per-period targets", () => {
    const summaries = summariesOf([base, { ...base, id: "B", targetRange: "Budget!B2:B4", target: null, atRisk: null }], {
      REV: { values: [120, 110, 80] },
      B: { values: [10, 24, 30], targets: [5, 25, 30] },
    });
    expect(summaries.REV.status).toBe("off");
    expect(summaries.REV.latestPeriod).toBe(3);
    expect(summaries.B.statuses).toEqual(["on", "risk", "on"]);
  });

  it("chains a leading KPI to the lagging one it predicts, with a forecast when the data supports it", () => {
    const series = { CALLS: { values: leadValues }, REV: { values: lagValues } };
    const [chain, ...others] = chainsOf([lagging, leading], series);
    expect(others).toEqual([]);
    expect(chain.leading.id).toBe("CALLS");
    expect(chain.lagging.id).toBe("REV");
    expect(chain.analysis.supported).toBe(true);
    expect(chain.analysis.best?.lag).toBe(1);
    expect(chain.forecast).not.toBeNull();
  });

  it("makes no chain from a leading KPI predicting a leading one, or nothing", () => {
    const other = { ...leading, id: "VISITS", predicts: "CALLS" };
    expect(chainsOf([leading, other, { ...leading, id: "X", predicts: "" }], { CALLS: { values: leadValues }, VISITS: { values: leadValues } })).toEqual([]);
  });

  it("leaves out the forecast of a chain the data does not support", () => {
    const [chain] = chainsOf([lagging, leading], { CALLS: { values: [1, 2] }, REV: { values: [3, 4] } });
    expect(chain.analysis.best).toBeNull();
    expect(chain.forecast).toBeNull();
  });

  it("lists health findings, including an Off track KPI without a note for its latest period", () => {
    const kpis = [base, { ...base, id: "B", name: "Bookings", owner: "" }];
    const series = { REV: { values: [120, 80] }, B: { values: [120, 130] } };
    const summaries = summariesOf(kpis, series);
    const findings = findingsOf(kpis, [], [], summaries, today);
    expect(findings.map((f) => [f.kind, f.kpiIds.join()])).toEqual(
      expect.arrayContaining([
        ["no-owner", "B"],
        ["off-track-no-note", "REV"],
      ]),
    );
    const noted = findingsOf(
      kpis,
      [],
      [{ kpi: "rev", period: 2, note: "Known", override: null, reason: "", who: "Dana", when: "2026-11-21" }] as never,
      summaries,
      today,
    );
    expect(noted.some((f) => f.kind === "off-track-no-note")).toBe(false);
  });

  it("does not judge a chain too short to have a best lag", () => {
    const kpis = [lagging, leading];
    const series = { CALLS: { values: [1, 2] }, REV: { values: [3, 4] } };
    const summaries = summariesOf(kpis, series);
    const findings = findingsOf(kpis, chainsOf(kpis, series), [], summaries, today);
    expect(findings.some((f) => f.kind === "prediction-unsupported")).toBe(false);
  });

  it("counts KPIs added and retired per quarter from the history", () => {
    const history = [
      { when: "2026-01-10T09:00:00Z", field: "Tagged" },
      { when: "2026-02-10T09:00:00Z", field: "Tagged" },
      { when: "2026-02-11T09:00:00Z", field: "Target" },
      { when: "2026-04-01T09:00:00Z", field: "Untagged" },
    ];
    expect(portfolioOf(register([base], { history }), {}, today).churn).toEqual([
      { quarter: "2026-Q1", added: 2, retired: 0 },
      { quarter: "2026-Q2", added: 0, retired: 1 },
    ]);
  });

  it("puts the summaries, chains and findings together", () => {
    const p = portfolioOf(register([lagging, leading]), { CALLS: { values: leadValues }, REV: { values: lagValues } }, today);
    expect(Object.keys(p.summaries)).toEqual(["REV", "CALLS"]);
    expect(p.chains).toHaveLength(1);
    expect(p.findings.some((f) => f.kind === "prediction-unsupported")).toBe(false);
  });

  it("computes in steps of at most one KPI's or chain's work, to the same portfolio", () => {
    const kpis = [lagging, leading, { ...base, id: "COST", name: "Cost" }];
    const series = { CALLS: { values: leadValues }, REV: { values: lagValues }, COST: { values: lagValues.map((v) => v / 2) } };
    const steps = portfolioSteps(register(kpis), series, today);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    // Three summaries, one chain and three month-end cards: the pane's slices can end between any two.
    expect(yields).toBeGreaterThanOrEqual(2 * kpis.length + 1);
    expect(next.value).toEqual(portfolioOf(register(kpis), series, today));
  });

  it("keeps a chain's analysis while its KPIs and values stay the same, and analyses a changed one afresh", () => {
    const series = { CALLS: { values: leadValues }, REV: { values: lagValues } };
    const [first] = chainsOf([lagging, leading], series);
    const [again] = chainsOf([{ ...lagging }, { ...leading }], { CALLS: { values: [...leadValues] }, REV: { values: [...lagValues] } });
    expect(again.analysis).toBe(first.analysis);
    const [changed] = chainsOf([lagging, leading], { ...series, REV: { values: lagValues.map((v, i) => (i === 5 ? v + 40 : v)) } });
    expect(changed.analysis).not.toBe(first.analysis);
    expect(changed.analysis.rows).not.toEqual(first.analysis.rows);
  });
});

describe("triggers due", () => {
  const kpis = [base];
  const offSeries: Record<string, SeriesValues> = { REV: { values: [120, 110, 80] } };

  it("fires Off track at the latest period when the KPI turns Off track", () => {
    expect(dueFirings(kpis, summariesOf(kpis, offSeries), offSeries, [])).toEqual([{ kpi: "REV", period: 3, rule: "Off track" }]);
  });

  it("fires nothing the Actions table already holds", () => {
    expect(dueFirings(kpis, summariesOf(kpis, offSeries), offSeries, [action("REV", 3, "Off track")])).toEqual([]);
  });

  it("fires nothing for a KPI whose values cannot be read", () => {
    const broken = { REV: { values: [120, 110, 80], problem: "KPI_REV no longer refers to cells." } };
    expect(dueFirings(kpis, summariesOf(kpis, broken), broken, [])).toEqual([]);
  });

  it("fires the KPI's own trigger rule", () => {
    const dropping = [{ ...base, trigger: "drop 20%", target: 50, atRisk: 40 }];
    const series = { REV: { values: [100, 75] } };
    expect(dueFirings(dropping, summariesOf(dropping, series), series, [])).toEqual([{ kpi: "REV", period: 2, rule: "drop 20%" }]);
  });

  it("keys a firing and its action alike", () => {
    expect(firingKey({ kpi: "REV", period: 3, rule: "Off track" })).toBe(firingKey(action("REV", 3, "Off track")));
    expect(firingKey({ kpi: "REV", period: 3, rule: "Off track" })).not.toBe(firingKey({ kpi: "REV", period: 2, rule: "Off track" }));
  });
});

describe("formula choices", () => {
  it("offers status, change and SPC for every KPI, the status spilling one row per period", () => {
    const series = { REV: { address: "Data!B2:B4", values: [1, 2, 3] } };
    const choices = formulaChoices(base, series, summariesOf([base], series), []);
    expect(choices.map((c) => [c.label, c.size])).toEqual([
      ["Status of every period (the last is the latest)", { rows: 3, columns: 1 }],
      ["Latest change (XmR detail)", { rows: 2, columns: 7 }],
      ["Variation and assurance (SPC detail)", { rows: 15, columns: 2 }],
      // The month-end pack's, for a KPI with a target (monthEndPane.ts monthEndChoices).
      ["Variance of every period (detail; the latest row is this period's)", { rows: 4, columns: 7 }],
      ["Periods to explain (material and unusual)", { rows: 3, columns: 1 }],
      ["Year-to-date variance", { rows: 2, columns: 6 }],
      ["Year's outlook (80% interval, chance to meet the budget)", { rows: 2, columns: 5 }],
    ]);
    expect(choices[0].formula).toMatch(/^=KPI\.KPI_STATUS\(KPI_REV,/);
    expect(choices.slice(3, 6).map((c) => c.formula.slice(0, 14))).toEqual(["=KPI.VARIANCE(", "=KPI.VARIANCE(", "=KPI.VARIANCE("]);
    // The outlook is guarded: where the budget row stops before the year does, it answers in words, never #REF! (issue 22).
    expect(choices[6].formula).toMatch(/^=IF\(MATCH\(9\.99E\+307,.*KPI\.OUTLOOK\(/);
  });

  it("transposes a per-period target that runs the other way from the values", () => {
    const k = { ...base, target: null, targetRange: "Budget!B2:D2" };
    const down = { REV: { address: "Data!B2:B4", values: [1, 2, 3] } };
    const across = { REV: { address: "Data!B2:D2", values: [1, 2, 3] } };
    expect(formulaChoices(k, down, summariesOf([k], down), [])[0].formula).not.toBe(formulaChoices(k, across, summariesOf([k], across), [])[0].formula);
  });

  it("adds the lead-lag and the forecast for a leading KPI with a supported chain", () => {
    const series = { CALLS: { values: leadValues }, REV: { values: lagValues } };
    const kpis = [lagging, leading];
    const chains = chainsOf(kpis, series);
    const choices = formulaChoices(leading, series, summariesOf(kpis, series), chains);
    expect(choices.slice(3, 5).map((c) => [c.label, c.size])).toEqual([
      ["Lead-lag to Revenue (best lag)", { rows: 1, columns: 4 }],
      ["Forecast of Revenue (80% interval)", { rows: 2, columns: 4 }],
    ]);
    expect(choices[3].formula).toMatch(/^=KPI\.LEADLAG_CORR\(/);
    expect(choices[4].formula).toMatch(/^=KPI\.LEAD_FORECAST\(.*,1,0\.8,"table"\)$/);
    // The lagging end of the chain gets the three answers of its own only.
    // Its three and the month-end pack's four: no chain formulas for the outcome itself.
    expect(
      formulaChoices(lagging, series, summariesOf(kpis, series), chains)
        .map((c) => c.label)
        .filter((l) => /Lead-lag|Forecast of/.test(l)),
    ).toEqual([]);
  });

  it("chains an outcome across segments by its totals, with no formula over its block", () => {
    // The pane's chain reads the totals (SeriesValues.values); KPI_REV would be the block of regions.
    const regional: KpiDefinition = { ...lagging, segments: "columns", source: "Regions!$B$2:$E$25" };
    const series = { CALLS: { values: leadValues }, REV: { values: lagValues } };
    const kpis = [regional, leading];
    const chains = chainsOf(kpis, series);
    expect(chains.map((c) => [c.leading.id, c.lagging.id, c.analysis.supported])).toEqual([["CALLS", "REV", true]]);
    const labels = formulaChoices(leading, series, summariesOf(kpis, series), chains).map((c) => c.label);
    expect(labels.filter((l) => /Lead-lag|Forecast of/.test(l))).toEqual([]);
    expect(labels.slice(0, 2)).toEqual(["Status of every period (the last is the latest)", "Latest change (XmR detail)"]);
  });
});

describe("cells and days", () => {
  it("tells whether a target range runs across the values", () => {
    expect(crosswise("Data!B2:B13", "Budget!B2:M2")).toBe(true);
    expect(crosswise("Data!B2:B13", "Budget!C2:C13")).toBe(false);
    expect(crosswise(null, "Budget!B2:M2")).toBe(false);
    expect(crosswise("Data!B2:B13", "")).toBe(false);
    expect(crosswise("not an address!!", "Budget!B2:M2")).toBe(false);
  });

  it("takes the top-left cell of a selection on a sheet", () => {
    expect(firstCell("Data!C3:E9")).toBe("Data!C3");
    expect(firstCell("'My data'!B2")).toBe("'My data'!B2");
    expect(firstCell("C3:E9")).toBeNull();
    expect(firstCell("")).toBeNull();
  });

  it("writes a day in the user's own time zone", () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(isoDay(new Date(2026, 11, 31, 0, 1))).toBe("2026-12-31");
  });
});
