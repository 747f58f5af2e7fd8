/**
 * Rate KPIs in core: the choice of p, u, p′ or u′ (Laney's σ_z against laneyThreshold), the rate
 * summary against KPI.SPC and KPI_STATUS in a cell, and year to date as Σ counts / Σ denominators.
 */
import { kpiDefinition } from "../../support/kpiDefinition";
import { chooseRateChart, laneyThreshold, rateAsOf, rateChartReason, ratesOf } from "../../../src/core/model/rates";
import { summariseRate } from "../../../src/core/model/rateSummary";
import { rateRollups } from "../../../src/core/model/rollup";
import { EMPTY_DRAFT, definitionFromDraft, draftFromDefinition, KpiDefinition, FIELD_DEFAULTS, validateDraft } from "../../../src/core/model/kpi";
import { monthEnd } from "../../../src/core/model/monthEnd";
import { formulaChoices, portfolioOf } from "../../../src/core/model/portfolio";
import { kpiStatus, spc } from "../../support/functions";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 2 ** 32;
  };
}

/** Box–Muller standard normal. */
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());

/** Binomial counts for `n` units at rate p (normal approximation, fine at n·p in the hundreds); `extra` adds between-period variation of the true rate. */
function counts(next: () => number, n: number[], p: number, extra = 0): number[] {
  return n.map((ni) => {
    const pi = Math.min(0.99, Math.max(0.001, p * (1 + extra * normal(next))));
    return Math.max(0, Math.round(ni * pi + Math.sqrt(ni * pi * (1 - pi)) * normal(next)));
  });
}

describe("laneyThreshold: when σ_z is well above 1", () => {
  it("matches a simulation of MR̄/1.128 for independent normal z (mean 1, crossed by chance about 1% of the time)", () => {
    const next = random(7);
    for (const k of [11, 35]) {
      const sims: number[] = [];
      for (let s = 0; s < 4000; s++) {
        let prev = normal(next);
        let sum = 0;
        for (let j = 0; j < k; j++) {
          const z = normal(next);
          sum += Math.abs(z - prev);
          prev = z;
        }
        sims.push(sum / k / 1.128);
      }
      sims.sort((a, b) => a - b);
      const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
      expect(mean).toBeCloseTo(1, 1);
      // 1 + 2.326 standard errors (a normal approximation of a slightly right-skewed statistic):
      // chance alone crosses it in about 1% to 2.5% of series.
      const above = sims.filter((v) => v > laneyThreshold(k)).length / sims.length;
      expect(above).toBeGreaterThan(0.004);
      expect(above).toBeLessThan(0.025);
    }
  });

  it("keeps the p chart for binomial data with large denominators, and chooses p′ when the rate wanders", () => {
    const next = random(2002);
    let primeOnBinomial = 0;
    let primeOnWandering = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const n = Array.from({ length: 24 }, () => Math.round(20_000 + 30_000 * next()));
      if (chooseRateChart(counts(next, n, 0.03), n, true, "higher").chart === "p'") primeOnBinomial++;
      if (chooseRateChart(counts(next, n, 0.03, 0.08), n, true, "higher").chart === "p'") primeOnWandering++;
    }
    expect(primeOnBinomial / runs).toBeLessThan(0.04);
    expect(primeOnWandering / runs).toBeGreaterThan(0.95);
  });

  it("gives KPI.SPC's own chart, centre and limits for the chart it chooses, and says why", () => {
    const next = random(11);
    const n = Array.from({ length: 30 }, () => Math.round(30_000 + 10_000 * next()));
    const x = counts(next, n, 0.031, 0.1);
    const choice = chooseRateChart(x, n, true, "higher");
    expect(choice.chart).toBe("p'");
    expect(choice.reason).toMatch(/^p′ chart \(Laney\): .*σz \d.*above \d.*29 moving ranges/);
    const col = (xs: number[]) => xs.map((v) => [v]);
    const detail = Object.fromEntries(
      spc(col(x), null, "higher", null, "detail", "p'", col(n))
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(choice.result.centre).toBeCloseTo(detail.centre as number, 12);
    expect(choice.result.upper).toBeCloseTo(detail.upper_limit as number, 12);
    expect(choice.result.lower).toBeCloseTo(detail.lower_limit as number, 12);
    expect(choice.sigmaZ).toBeCloseTo((detail.average_moving_range as number) / 1.128, 12);
    const plain = chooseRateChart(counts(next, n, 0.031), n, true, "higher");
    expect(plain.chart).toBe("p");
    expect(plain.reason).toMatch(/^p chart: .*not needed/);
  });

  it("uses u and u′ for a rate per N", () => {
    const next = random(5);
    const n = Array.from({ length: 24 }, () => Math.round(5_000 + 5_000 * next()));
    expect(chooseRateChart(counts(next, n, 0.004), n, false, "lower").chart).toBe("u");
    expect(chooseRateChart(counts(next, n, 0.004, 0.3), n, false, "lower").chart).toBe("u'");
  });
});

// Why this chart, as an analyst in Germany or France reads it (expected strings worked by hand).
describe("the rate chart's reason in the user's locale", () => {
  it("keeps en-US as it was", () => {
    expect(rateChartReason({ chart: "p'", sigmaZ: 3.4167, threshold: 1.4123, movingRanges: 11 })).toBe(
      "p′ chart (Laney): the periods vary 3.42 times as much as binomial chance allows for their denominators (σz 3.42, above 1.41 for 11 moving ranges), so plain p limits would be too narrow.",
    );
  });

  it("writes σz and the threshold with a decimal comma, and thousands with a point, in German", () => {
    expect(rateChartReason({ chart: "p'", sigmaZ: 1234.5, threshold: 1.4123, movingRanges: 11 }, "de-DE")).toBe(
      "p′ chart (Laney): the periods vary 1.234,5 times as much as binomial chance allows for their denominators (σz 1.234,5, above 1,41 for 11 moving ranges), so plain p limits would be too narrow.",
    );
    expect(rateChartReason({ chart: "u", sigmaZ: NaN, threshold: 1.3, movingRanges: 1 }, "de-DE")).toBe(
      "u chart: the periods vary as Poisson chance allows for their denominators (σz undefined, not above 1,3 for 1 moving range), so Laney's u′ is not needed.",
    );
  });

  it("writes them with a decimal comma and a narrow no-break space between thousands in French", () => {
    expect(rateChartReason({ chart: "u'", sigmaZ: 2345.678, threshold: 1.2, movingRanges: 23 }, "fr-FR")).toBe(
      "u′ chart (Laney): the periods vary 2\u202f345,68 times as much as Poisson chance allows for their denominators (σz 2\u202f345,68, above 1,2 for 23 moving ranges), so plain u limits would be too narrow.",
    );
    expect(rateChartReason({ chart: "p", sigmaZ: 1.0849, threshold: 1.3917, movingRanges: 29 }, "fr-FR")).toBe(
      "p chart: the periods vary as binomial chance allows for their denominators (σz 1,08, not above 1,39 for 29 moving ranges), so Laney's p′ is not needed.",
    );
  });

  it("is the reason chooseRateChart gives, in en-US", () => {
    const next = random(11);
    const n = Array.from({ length: 30 }, () => Math.round(30_000 + 10_000 * next()));
    for (const x of [counts(next, n, 0.031, 0.1), counts(next, n, 0.031)]) {
      const choice = chooseRateChart(x, n, true, "higher");
      expect(rateChartReason({ chart: choice.chart, sigmaZ: choice.sigmaZ, threshold: choice.threshold, movingRanges: 29 })).toBe(choice.reason);
    }
  });
});

describe("a rate KPI's summary and roll-ups", () => {
  const orders = [300, 45, null, 290, 330, 305, 350, 320, 298, 360, 340, 372];
  const visits = [10_000, 1_200, 9_800, 9_900, 11_000, 0, 11_500, 10_200, 9_700, 12_000, 11_100, 12_400];
  const kpi = {
    target: 0.03,
    atRisk: null,
    atRiskPercent: 10,
    direction: "higher" as const,
    denominatorRange: "Traffic!$B$2:$B$13",
    ratePer: null,
    firstPeriod: "2025-01",
    cadence: "monthly" as const,
  };

  it("judges the rate, as KPI_STATUS and KPI.SPC do in cells", () => {
    const s = summariseRate(kpi, orders, visits);
    const rates = ratesOf(orders, visits);
    expect(s.latest).toBeCloseTo(372 / 12_400, 15);
    expect(s.statuses).toEqual(
      rates.map((r) =>
        r === null
          ? null
          : ({ "On track": "on", "At risk": "risk", "Off track": "off" } as const)[kpiStatus([[r]], [[0.03]], [["10%"]], "higher")[0][0] as "On track"],
      ),
    );
    const col = (xs: (number | null)[]) => xs.map((v) => [v]);
    const chart = s.rate!.chart;
    const detail = Object.fromEntries(
      spc(col(orders), 0.03, "higher", null, "detail", chart, col(visits))
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(s.spc!.centre).toBeCloseTo(detail.centre as number, 12);
    expect(s.spc!.upper).toBeCloseTo(detail.upper_limit as number, 12);
    expect(s.variationLabel).toBe(detail.variation);
    expect(s.assurance).toBe(detail.assurance);
    // Two periods have no rate (no orders; no visits), so 10 points are charted.
    expect(s.spcValues).toHaveLength(10);
  });

  it("charts a rate per N in its own units", () => {
    const s = summariseRate({ ...kpi, target: 30, atRiskPercent: 10, ratePer: 1000 }, orders, visits);
    expect(s.latest).toBeCloseTo((372 / 12_400) * 1000, 12);
    expect(s.rate!.chart[0]).toBe("u");
    // KPI.SPC charts events per unit: the card's chart is its chart × 1000.
    const col = (xs: (number | null)[]) => xs.map((v) => [v]);
    const limits = spc(col(orders), null, "higher", null, "limits", s.rate!.chart, col(visits))
      .slice(1)
      .filter((r) => r[0] !== "");
    expect(limits).toHaveLength(s.spcValues.length);
    limits.forEach((row, i) => {
      expect(s.spcValues[i]).toBeCloseTo((row[0] as number) * 1000, 9);
      expect(s.spc!.lines.upper(i)).toBeCloseTo((row[3] as number) * 1000, 9);
      expect(s.spc!.lines.lower(i)).toBeCloseTo((row[2] as number) * 1000, 9);
    });
  });

  it("rolls the year up as Σ orders / Σ visits, not the mean of the months' rates", () => {
    const targets = orders.map(() => 0.03);
    const r = rateRollups(kpi, orders, visits, targets)!;
    const used = [0, 1, 3, 4, 6, 7, 8, 9, 10, 11];
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const ytd = sum(used.map((i) => orders[i] as number)) / sum(used.map((i) => visits[i]));
    expect(r.ytd.actual).toBeCloseTo(ytd, 15);
    const meanOfRates = sum(used.map((i) => (orders[i] as number) / visits[i])) / used.length;
    expect(Math.abs(r.ytd.actual - meanOfRates)).toBeGreaterThan(1e-5);
    expect(r.ytd.target).toBeCloseTo(0.03, 15);
    expect(r.qtd.periods).toEqual([10, 11, 12]);
    expect(r.qtd.actual).toBeCloseTo((360 + 340 + 372) / (12_000 + 11_100 + 12_400), 15);
    // A budget per month weighs each month's target by its visits.
    const budget = orders.map((_, i) => 0.028 + 0.001 * i);
    const q = rateRollups(kpi, orders, visits, budget)!.qtd;
    expect(q.target).toBeCloseTo((0.037 * 12_000 + 0.038 * 11_100 + 0.039 * 12_400) / 35_500, 15);
  });
});

describe("the form's rate fields", () => {
  it("reads Rate as, and refuses a rate without denominators or a range that is not one row or column", () => {
    expect(rateAsOf("proportion")).toEqual({ per: null });
    expect(rateAsOf("per 1,000")).toEqual({ per: 1000 });
    expect(rateAsOf("per 1k")).toEqual({ per: 1000 });
    // N as a German, French or Swiss analyst types it: the thousands separator of each (a point, a
    // no-break or narrow no-break space, an apostrophe); a comma or point before other than three digits is the decimal.
    expect(["per 1.000", "per 1\u00a0000", "per 1\u202f000", "per 1'000", "per 1 000", "/ 100.000"].map(rateAsOf)).toEqual([
      { per: 1000 },
      { per: 1000 },
      { per: 1000 },
      { per: 1000 },
      { per: 1000 },
      { per: 100000 },
    ]);
    expect([rateAsOf("per 2.5"), rateAsOf("per 2,5"), rateAsOf("per 100")]).toEqual([{ per: 2.5 }, { per: 2.5 }, { per: 100 }]);
    expect(rateAsOf("per 1.00.0")).toBeNull();
    expect(rateAsOf("per cent or so")).toBeNull();
    const base = { ...EMPTY_DRAFT, name: "Conversion", owner: "Ana Lima", target: "0.03" };
    expect(validateDraft({ ...base, rateAs: "per 1000" }, []).rateAs).toMatch(/needs its denominators/);
    expect(validateDraft({ ...base, denominator: "Traffic!B2:C9" }, []).denominator).toMatch(/one row or column/);
    const ok = { ...base, denominator: "Traffic!B2:B37", rateAs: "per 1000" };
    expect(validateDraft(ok, [])).toEqual({});
    const k = definitionFromDraft(ok, "CONV", "Shop!$B$2:$B$37", "");
    expect(k).toMatchObject({ denominatorRange: "Traffic!$B$2:$B$37", ratePer: 1000 });
    expect(draftFromDefinition(k)).toMatchObject({ denominator: "Traffic!B2:B37", rateAs: "per 1000" });
  });
});

describe("a rate's month end, worked by hand", () => {
  // Jan 10/100 = 0.10, Feb 30/1000 = 0.03, Mar 40/1000 = 0.04; April has orders but no visits
  // counted (0), so no rate. The year to date is 80/2100 = 0.0380952…, below the 5% target; the
  // mean of the months' rates, (0.10 + 0.03 + 0.04)/3 = 0.05667, would say above it.
  const orders = [10, 30, 40, 5];
  const visits = [100, 1000, 1000, 0];
  const conv: KpiDefinition = kpiDefinition({
    ...FIELD_DEFAULTS,
    id: "CONV",
    name: "Conversion",
    target: 0.05,
    atRisk: null,
    atRiskPercent: 10,
    source: "Shop!$C$2:$C$5",
    firstPeriod: "2025-01",
    aggregation: "sum",
    denominatorRange: "Shop!$B$2:$B$5",
    ratePer: null,
  });

  it("this period's variance is March's rate against the target; the year to date is Σ orders / Σ visits whatever the Roll-up says", () => {
    const me = monthEnd(conv, orders, null, visits);
    expect(me.period).toMatchObject({ period: 3, actual: 0.04, target: 0.05, label: "Unfavourable" });
    expect(me.period!.variance).toBeCloseTo(-0.01, 15);
    expect(me.period!.percent).toBeCloseTo(-0.2, 15);
    expect(me.ytd!.periods).toEqual([1, 2, 3]);
    expect(me.ytd!.actual).toBeCloseTo(80 / 2100, 15);
    expect(me.ytd!.actual).toBeCloseTo(0.038095238095238, 14);
    expect(me.ytd!.variance).toBeCloseTo(0.038095238095238 - 0.05, 14);
    expect(me.ytd!.label).toBe("Unfavourable");
    // The mean of rates would have been favourable: the case tells the two apart.
    expect((0.1 + 0.03 + 0.04) / 3).toBeGreaterThan(0.05);
    expect(me.outlook).toBeNull();
    expect(me.outlookReason).toMatch(/Σ counts \/ Σ denominators/);
  });

  it("a budget per month weighs each month's target by its visits; a rate per 1,000 is × 1,000; the card's roll-up says the same", () => {
    const budget = [0.06, 0.05, 0.04, 0.04];
    const me = monthEnd({ ...conv, target: null, targetRange: "Plan!$B$2:$B$5" }, orders, budget, visits);
    // (0.06·100 + 0.05·1000 + 0.04·1000) / 2100 = 96 / 2100
    expect(me.ytd!.target).toBeCloseTo(96 / 2100, 15);
    const per = monthEnd({ ...conv, target: 50, ratePer: 1000 }, orders, null, visits);
    expect(per.ytd!.actual).toBeCloseTo(38.095238095238, 11);
    expect(per.period!.actual).toBeCloseTo(40, 12);
    expect(
      rateRollups(
        conv,
        orders,
        visits,
        orders.map(() => 0.05),
      )!.ytd.actual,
    ).toBeCloseTo(me.ytd!.actual, 15);
  });

  it("the pane's month-end pack reads the denominators, and offers no formula that would total the counts", () => {
    const series = { CONV: { address: "Shop!C2:C5", values: orders, denominators: visits } };
    const portfolio = portfolioOf({ kpis: [conv], checkIns: [], actions: [], history: [] }, series, new Date("2025-05-01T12:00:00Z"));
    expect(portfolio.pack.cards.CONV.monthEnd.ytd!.actual).toBeCloseTo(80 / 2100, 15);
    const labels = formulaChoices(conv, series, portfolio.summaries, []).map((c) => c.label);
    expect(labels.filter((l) => /Variance|variance|explain|outlook/.test(l))).toEqual([]);
  });
});
