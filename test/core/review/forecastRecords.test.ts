/** Forecast honesty's record: what a close keeps of the outlooks and lead forecasts the pane shows, and their coverage on seeded series. */
import { kpiDefinition } from "../../support/kpiDefinition";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";
import { monthEnd } from "../../../src/core/model/monthEnd";
import { chainsOf } from "../../../src/core/model/portfolio";
import { forecastHonesty, ForecastRecord } from "../../../src/core/review/coverage";
import { forecastInputs, forecastsAtClose } from "../../../src/core/review/forecastRecords";
import { outlook } from "../../support/functions";

const kpi = (over: Partial<KpiDefinition> = {}): KpiDefinition =>
  kpiDefinition({ ...FIELD_DEFAULTS, id: "REVENUE", atRisk: null, source: "Data!$B$2:$B$19", firstPeriod: "2024-01", aggregation: "sum", ...over });

function normals(seed: number): () => number {
  let s = seed;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
}

const series = (values: (number | null)[]) => ({ values, targets: null });
const WHEN = "2025-05-31T18:00:00.000Z";

describe("the outlook a close records", () => {
  // 2024 complete, 2025 reported to May: the year's outlook has seven open months.
  const values = [...Array.from({ length: 12 }, (_, i) => 100 + i), 112, 115, 113, 118, 117];

  it("is the card's outlook of the open year: its interval, the year's first and last periods and the roll-up", () => {
    const k = kpi();
    const [r] = forecastsAtClose([k], { REVENUE: series(values) }, [k], "2025-05", [], WHEN);
    const shown = monthEnd(k, values).outlook!;
    expect(r).toMatchObject({
      kpi: "REVENUE",
      kind: "outlook",
      closedPeriod: "2025-05",
      recordedAt: WHEN,
      from: 13,
      period: 24,
      rollup: "sum",
      level: 0.8,
      status: "",
    });
    expect([r.forecast, r.lower, r.upper, r.target]).toEqual([shown.landing, shown.lower, shown.upper, 1200]);
    expect(r.basis).toBe("KPI.OUTLOOK trend, 2025-01 to 2025-12, sum");
    expect(r.sentence).toBe(`Year: ${shown.sentence}`);
    // KPI.OUTLOOK in a cell on the year's twelve cells (open ones empty) gives the same landing and interval.
    const horizon = [...values.slice(12), ...Array(7).fill(null)].map((v) => [v]);
    const cell = outlook(horizon, [[1200]], "higher", "trend", "sum", 0.8, "table");
    expect(cell[1].slice(0, 3)).toEqual([expect.closeTo(r.forecast, 9), expect.closeTo(r.lower, 9), expect.closeTo(r.upper, 9)]);
  });

  it("is not recorded for a year with no open period, a KPI not closed, or a close that recorded it already", () => {
    const k = kpi();
    const full = Array.from({ length: 24 }, (_, i) => 100 + i);
    expect(forecastsAtClose([k], { REVENUE: series(full) }, [k], "2025-12", [], WHEN)).toEqual([]);
    expect(forecastsAtClose([k], { REVENUE: series(values) }, [], "2025-05", [], WHEN)).toEqual([]);
    const before: ForecastRecord = { kpi: "revenue", kind: "outlook", recordedAt: "", closedPeriod: "2025-05", period: 24, lower: 0, upper: 1, level: 0.8 };
    expect(forecastsAtClose([k], { REVENUE: series(values) }, [k], "2025-05", [before], WHEN)).toEqual([]);
    expect(forecastsAtClose([k], { REVENUE: series(values) }, [k], "2025-06", [before], WHEN)).toHaveLength(1);
  });

  it("is none for a rate KPI, whose card shows no outlook (its year is a ratio of sums)", () => {
    const rate = kpi({ target: 0.05, denominatorRange: "Data!$C$2:$C$19", ratePer: null });
    const denominators = values.map(() => 1000);
    expect(monthEnd(rate, values, null, denominators).outlook).toBeNull();
    expect(forecastsAtClose([rate], { REVENUE: { ...series(values), denominators } }, [rate], "2025-05", [], WHEN)).toEqual([]);
  });
});

describe("the lead forecasts a close records", () => {
  // Revenue follows leads two periods later (a = 20, b = 3), with noise: a chain the data supports.
  const z = normals(424242);
  const leads = Array.from({ length: 30 }, () => 50 + 10 * z());
  const revenue = leads.map((_, t) => (t < 2 ? null : 20 + 3 * leads[t - 2] + 2 * z()));
  const rev = kpi({ target: 170, firstPeriod: "" });
  const lead = kpi({ id: "LEADS", name: "Qualified leads", kind: "leading", predicts: "REVENUE", firstPeriod: "" });
  // The outcome has two periods more than the lead (an older start): its periods count from its own first.
  const all = { REVENUE: series([500, 510, ...revenue]), LEADS: series(leads) };

  it("records every period the lead covers, on the outcome's own periods, as the chain section shows them", () => {
    const [chain] = chainsOf([rev, lead], all);
    expect(chain.analysis.supported).toBe(true);
    expect(chain.analysis.best!.lag).toBe(2);
    const recorded = forecastsAtClose([rev, lead], all, [rev], "2026-06", [], WHEN);
    expect(recorded.map((r) => [r.kind, r.kpi, r.period, r.level])).toEqual([
      ["lead forecast", "REVENUE", 33, 0.8],
      ["lead forecast", "REVENUE", 34, 0.8],
    ]);
    const f = chain.forecast!;
    expect(recorded[0]).toMatchObject({
      forecast: f.forecast,
      lower: f.lower,
      upper: f.upper,
      target: 170,
      basis: "KPI.LEAD_FORECAST from LEADS, lag 2",
      sentence: f.sentence,
    });
    expect(recorded[0].status).toMatch(/^(On track|At risk|Off track)$/);
    expect(recorded[1]).toMatchObject({ forecast: f.later[0].forecast, lower: f.later[0].lower, upper: f.later[0].upper, status: "" });
    // By hand: the lead's last two values, through the fitted line, are the two forecasts.
    expect(f.forecast).toBeCloseTo(20 + 3 * leads[28], -0.5);
  });

  it("records none for an outcome not closed, or one whose chain the data does not support", () => {
    expect(forecastsAtClose([rev, lead], all, [lead], "2026-06", [], WHEN)).toEqual([]);
    const noise = normals(99);
    const unrelated = { REVENUE: series(leads.map(() => 100 + noise())), LEADS: series(leads) };
    expect(chainsOf([rev, lead], unrelated)[0].analysis.supported).toBe(false);
    expect(forecastsAtClose([rev, lead], unrelated, [rev], "2026-06", [], WHEN).filter((r) => r.kind === "lead forecast")).toEqual([]);
  });

  it("reads every KPI of a chain, and those closed", () => {
    const other = kpi({ id: "NPS", name: "NPS" });
    expect(forecastInputs([rev, lead, other], [rev]).map((k) => k.id)).toEqual(["REVENUE", "LEADS"]);
    expect(forecastInputs([rev, lead, other], [other]).map((k) => k.id)).toEqual(["REVENUE", "LEADS", "NPS"]);
  });
});

describe("coverage of recorded outlooks on a seeded series", () => {
  it("is consistent with 80% when the trend is right: KPI.OUTLOOK's t interval of the year's sum is exact", () => {
    // y = 100 + 0.5·t + ε, ε ~ N(0, 4²), 240 years; an outlook recorded at one close in each year (month 3 to 11).
    const z = normals(20261201);
    const years = 240;
    const k = kpi({ firstPeriod: "2000-01", target: 110 });
    const records: ForecastRecord[] = [];
    const actuals: number[] = [];
    for (let y = 0; y < years; y++) {
      const year = Array.from({ length: 12 }, (_, m) => 100 + 0.5 * m + 4 * z());
      const month = 3 + (y % 9);
      const before = [...actuals, ...year.slice(0, month)];
      const shown = forecastsAtClose([k], { REVENUE: series(before) }, [k], `${2000 + y}-${String(month).padStart(2, "0")}`, [], WHEN);
      expect(shown).toHaveLength(1);
      records.push(shown[0]);
      actuals.push(...year);
    }
    const [line] = forecastHonesty(records, { REVENUE: actuals });
    expect(line.coverage.n).toBe(years);
    expect(line.waiting).toBe(0);
    // Each record's actual is its own year's sum, counted by hand here.
    const hits = records.filter((r) => {
      const sum = actuals.slice(r.from! - 1, r.period).reduce((a, b) => a + b, 0);
      return sum >= r.lower && sum <= r.upper;
    }).length;
    expect(line.coverage.hits).toBe(hits);
    expect(line.coverage.consistent).toBe(true);
    expect(Math.abs(line.coverage.share! - 0.8)).toBeLessThan(0.07);
  });
});
