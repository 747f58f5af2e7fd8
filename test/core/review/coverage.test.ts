/** Forecast honesty: coverage of recorded intervals, with a Wilson interval checked against statsmodels and R. */
import reference from "../../fixtures/coverage_reference.json";
import { actualOf, coverageOf, forecastCoverage, forecastHonesty, ForecastRecord, normalCritical, wilsonInterval } from "../../../src/core/review/coverage";
import { leadForecast } from "../../../src/core/analysis/forecast";

function normals(seed: number): () => number {
  let s = seed;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
}

describe("the Wilson interval", () => {
  it("uses scipy's normal quantiles", () => {
    expect(normalCritical(0.05)).toBeCloseTo(reference.z975, 14);
    expect(normalCritical(0.2)).toBeCloseTo(reference.z90, 14);
  });

  it.each(reference.wilson95.map((c) => [c.hits, c.n, c.low, c.high]))(
    "%i of %i equals statsmodels' proportion_confint(method='wilson')",
    (hits, n, low, high) => {
      const w = wilsonInterval(hits, n);
      expect(w.low).toBeCloseTo(low, 13);
      expect(w.high).toBeCloseTo(high, 13);
    },
  );

  it("equals R's prop.test(x, n, correct = FALSE)$conf.int (R 4.2.2)", () => {
    const w = wilsonInterval(19, 25);
    expect(w.low).toBeCloseTo(0.56570316644570928, 13);
    expect(w.high).toBeCloseTo(0.8850368630659855, 13);
  });
});

describe("coverage of recorded intervals", () => {
  it("counts hits with the bounds included, and says whether the level is consistent", () => {
    const c = coverageOf(
      [
        { lower: 0, upper: 10, actual: 10 },
        { lower: 0, upper: 10, actual: 0 },
        { lower: 0, upper: 10, actual: 11 },
        { lower: 0, upper: 10, actual: null },
      ],
      0.8,
    );
    expect([c.n, c.hits, c.share]).toEqual([3, 2, 2 / 3]);
    // By hand: Wilson with z = 1.95996: centre (2/3 + 0.6402)/(1 + 1.2805) = 0.5730, half 0.3656: 21% to 94%.
    expect(c.sentence).toBe(
      "80% intervals: 2 of 3 contained the actual (67%; 95% confidence interval 21% to 94%): consistent with 80%, but too few to tell: 3 intervals cannot rule out 21%.",
    );
    expect(coverageOf([], 0.8)).toMatchObject({ n: 0, share: null, consistent: null, sentence: "80% intervals: none has its actual yet." });
  });

  it("on a seeded series with a true coverage of exactly 80%: one-step lead forecasts of a correctly specified line", () => {
    // y[t] = 3 + 2·x[t−1] + ε, ε ~ N(0, 1): KPI.LEAD_FORECAST's 80% t prediction interval has coverage exactly 80%.
    const z = normals(20261124);
    const T = 320;
    const x = Float64Array.from({ length: T }, () => 10 + 2 * z());
    const y = Float64Array.from({ length: T }, (_, t) => (t === 0 ? NaN : 3 + 2 * x[t - 1] + z()));
    const records: ForecastRecord[] = [];
    for (let origin = 20; origin < T; origin++) {
      const { rows } = leadForecast(x.subarray(0, origin), y.subarray(0, origin), 1, 0.8);
      records.push({
        kpi: "Y",
        kind: "lead forecast",
        recordedAt: "",
        period: rows[0].period,
        lower: rows[0].lower as number,
        upper: rows[0].upper as number,
        level: 0.8,
      });
    }
    const [c] = forecastCoverage(records, { Y: Array.from(y, (v) => (Number.isNaN(v) ? null : v)) });
    const hits = records.filter((r) => y[r.period - 1] >= r.lower && y[r.period - 1] <= r.upper).length;
    expect(c.n).toBe(300);
    expect(c.hits).toBe(hits);
    expect(c.consistent).toBe(true);
    expect(c.low!).toBeLessThan(0.8);
    expect(c.high!).toBeGreaterThan(0.8);
    expect(Math.abs(c.share! - 0.8)).toBeLessThan(0.06);
  });

  it("finds intervals too narrow when they are really 50% intervals called 80%", () => {
    const z = normals(7);
    const records: ForecastRecord[] = [];
    const actual: number[] = [];
    // ±0.6745 standard deviations contain a normal draw half the time.
    for (let i = 0; i < 200; i++) {
      actual.push(z());
      records.push({ kpi: "K", kind: "outlook", recordedAt: "", period: i + 1, lower: -0.6745, upper: 0.6745, level: 0.8 });
    }
    const [c] = forecastCoverage(records, { K: actual });
    expect(c.consistent).toBe(false);
    expect(c.high!).toBeLessThan(0.8);
    expect(c.sentence).toMatch(/: the intervals are too narrow for 80%\.$/);
  });

  it("keeps each level apart, highest first", () => {
    const recs: ForecastRecord[] = [
      { kpi: "K", kind: "outlook", recordedAt: "", period: 1, lower: 0, upper: 1, level: 0.8 },
      { kpi: "K", kind: "outlook", recordedAt: "", period: 2, lower: 0, upper: 1, level: 0.95 },
    ];
    expect(forecastCoverage(recs, { K: [0.5, 2] }).map((c) => [c.level, c.hits, c.n])).toEqual([
      [0.95, 0, 1],
      [0.8, 1, 1],
    ]);
  });
});

describe("the actual a record forecast", () => {
  const values = [10, 20, null, 40, 50, 60];

  it("is the period's value for a lead forecast, and null until it arrives", () => {
    expect(actualOf({ period: 2 }, values)).toBe(20);
    expect(actualOf({ period: 3 }, values)).toBeNull();
    expect(actualOf({ period: 7 }, values)).toBeNull();
    expect(actualOf({ period: 2 }, undefined)).toBeNull();
  });

  it("is an outlook's year rolled up the KPI's way, once every period of it is reported", () => {
    expect(actualOf({ from: 4, period: 6, rollup: "sum" }, values)).toBe(150);
    expect(actualOf({ from: 4, period: 6, rollup: "average" }, values)).toBe(50);
    expect(actualOf({ from: 1, period: 6, rollup: "last" }, values)).toBe(60);
    // A gap in the year: the year's sum is not known yet.
    expect(actualOf({ from: 1, period: 6, rollup: "sum" }, values)).toBeNull();
    expect(actualOf({ from: 4, period: 7, rollup: "sum" }, values)).toBeNull();
  });
});

describe("forecast honesty in the pane's words", () => {
  const record = (over: Partial<ForecastRecord>): ForecastRecord => ({
    kpi: "K",
    kind: "lead forecast",
    recordedAt: "",
    period: 1,
    lower: 0,
    upper: 10,
    level: 0.8,
    ...over,
  });

  it("says when several intervals forecast the same actual (outlooks of one year from several closes)", () => {
    const year = { from: 1, period: 3, rollup: "sum" as const, kind: "outlook" as const };
    const records = [
      record({ ...year, lower: 0, upper: 100 }),
      record({ ...year, lower: 0, upper: 8 }),
      record({ kind: "outlook", period: 1, lower: 0, upper: 5 }),
    ];
    const [c] = forecastCoverage(records, { K: [2, 3, 4] });
    expect([c.n, c.hits, c.distinct]).toEqual([3, 2, 2]);
    expect(c.sentence).toMatch(/They forecast 2 distinct actuals, and intervals of the same actual are not independent: the true range is wider than this\.$/);
  });

  it("says plainly consistent when enough intervals rule out much worse", () => {
    // 80 of 100: Wilson 95% interval 71.1% to 86.7% (statsmodels proportion_confint(80, 100, method="wilson")).
    const c = coverageOf(
      Array.from({ length: 100 }, (_, i) => ({ lower: 0, upper: 1, actual: i < 80 ? 0.5 : 2 })),
      0.8,
    );
    expect(c.low!).toBeCloseTo(0.7112, 4);
    expect(c.high!).toBeCloseTo(0.8666, 4);
    expect(c.sentence).toBe("80% intervals: 80 of 100 contained the actual (80%; 95% confidence interval 71% to 87%): consistent with 80%.");
  });

  it("writes its percentages the user's way", () => {
    const c = coverageOf(
      Array.from({ length: 100 }, (_, i) => ({ lower: 0, upper: 1, actual: i < 80 ? 0.5 : 2 })),
      0.8,
      "de-DE",
    );
    expect(c.sentence).toBe(
      "80\u00a0% intervals: 80 of 100 contained the actual (80\u00a0%; 95\u00a0% confidence interval 71\u00a0% to 87\u00a0%): consistent with 80\u00a0%.",
    );
  });

  it("keeps lead forecasts and outlooks apart, and counts those still waiting for their actual", () => {
    const records = [
      record({ period: 1 }),
      record({ period: 2, lower: 50, upper: 60 }),
      record({ period: 4 }),
      record({ kind: "outlook", from: 1, period: 4, rollup: "sum", lower: 0, upper: 100 }),
    ];
    const lines = forecastHonesty(records, { k: [5, 5, 5, null] });
    expect(lines.map((l) => [l.kind, l.coverage.n, l.coverage.hits, l.waiting])).toEqual([
      ["lead forecast", 2, 1, 1],
      ["outlook", 0, 0, 1],
    ]);
  });
});
