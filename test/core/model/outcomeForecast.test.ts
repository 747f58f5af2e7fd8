/** The chain section's forecast is KPI.LEAD_FORECAST's first row, judged by KPI_STATUS's rules. */
import { forecastOutcome, forecastSentence } from "../../../src/core/model/outcomeForecast";
import { kpiStatus, leadForecast } from "../../support/functions";

const leads = [210, 190, 230, 205, 220, 240, 200, 215, 235, 225, 250, 245];
const revenue: (number | null)[] = [null, null, ...leads.slice(0, 9).map((x, i) => 3.5 * x + 400 + ((i * 37) % 11) - 5), null];
const lagging = { name: "Revenue", target: 1200, atRisk: 1150, direction: "higher" as const, unit: "k€" };
const fmt = (v: unknown) => (v as number).toLocaleString("en-US", { maximumFractionDigits: 0 });

describe("forecastOutcome", () => {
  it("is LEAD_FORECAST's first forecast row, with its status against the outcome's target", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 2)!;
    const [, first] = leadForecast(
      leads.map((v) => [v]),
      revenue.map((v) => [v]),
      2,
      0.8,
    );
    expect([f.period, f.forecast, f.lower, f.upper]).toEqual(first);
    expect(f.status === "on" ? "On track" : f.status === "risk" ? "At risk" : "Off track").toBe(kpiStatus([[f.forecast]], [[1200]], [[1150]])[0][0]);
    expect(f.sentence).toMatch(
      /^Revenue forecast from Qualified leads: [\d,]+ k€ next period \(80% interval [\d,]+ to [\d,]+\), projected (On track|At risk|Off track) against its target of 1,200 k€/,
    );
  });

  it("gives none for a lag of 0 or too few pairs", () => {
    expect(forecastOutcome({ name: "L" }, lagging, leads, revenue, 0)).toBeNull();
    expect(forecastOutcome({ name: "L" }, lagging, [1, 2, 3], [null, 4, 5], 1)).toBeNull();
  });
});

// The forecast sentence states every period the lead covers (the walk: "covers 2" under one number).
describe("the forecast sentence", () => {
  it("states both periods a lag of 2 covers, each with KPI.LEAD_FORECAST's interval", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 2)!;
    const [, first, second] = leadForecast(
      leads.map((v) => [v]),
      revenue.map((v) => [v]),
      2,
      0.8,
    );
    expect(f.sentence).toContain(`: ${fmt(first[1])} k€ next period (80% interval ${fmt(first[2])} to ${fmt(first[3])}), projected`);
    expect(f.sentence).toMatch(
      new RegExp(
        `; ${fmt(second[1])} k€ the period after \\(80% interval ${fmt(second[2])} to ${fmt(second[3])}\\), projected (On track|At risk|Off track): Qualified leads already covers both\\.$`,
      ),
    );
  });

  it("a lag of 1 states one period", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 1)!;
    expect(f.sentence).toMatch(/next period \(80% interval [\d,]+ to [\d,]+\), projected [A-Za-z ]+ against its target of 1,200 k€\.$/);
  });
});

// What an analyst in Germany or France reads of the same forecast (expected strings worked by hand).
describe("the forecast sentence in the user's locale", () => {
  const NBSP = "\u00a0";
  const NARROW = "\u202f";
  const one = { period: 13, forecast: 1234.5, lower: 1100.2, upper: 1368.8, status: "on" as const, later: [], lag: 1, target: 1200, digits: 1 };
  const two = { ...one, lag: 2, later: [{ period: 14, forecast: 1250, lower: 1080, upper: 1420.4 }] };

  it("keeps en-US as it was", () => {
    expect(forecastSentence(one, { name: "Qualified leads" }, lagging)).toBe(
      "Revenue forecast from Qualified leads: 1,234.5 k€ next period (80% interval 1,100.2 to 1,368.8), projected On track against its target of 1,200.0 k€.",
    );
  });

  it("writes German numbers with a point between thousands and a decimal comma", () => {
    expect(forecastSentence(one, { name: "Qualified leads" }, lagging, "de-DE")).toBe(
      `Revenue forecast from Qualified leads: 1.234,5 k€ next period (80${NBSP}% interval 1.100,2 to 1.368,8), projected On track against its target of 1.200,0 k€.`,
    );
    expect(forecastSentence(two, { name: "Qualified leads" }, lagging, "de-DE")).toBe(
      `Revenue forecast from Qualified leads: 1.234,5 k€ next period (80${NBSP}% interval 1.100,2 to 1.368,8), projected On track against its target of 1.200,0 k€; ` +
        `1.250,0 k€ the period after (80${NBSP}% interval 1.080,0 to 1.420,4), projected On track: Qualified leads already covers both.`,
    );
  });

  it("writes French numbers with a narrow no-break space between thousands", () => {
    expect(forecastSentence({ ...one, target: null, status: null, digits: 0 }, { name: "Qualified leads" }, lagging, "fr-FR")).toBe(
      `Revenue forecast from Qualified leads: 1${NARROW}235 k€ next period (80${NBSP}% interval 1${NARROW}100 to 1${NARROW}369), with no target set for that period.`,
    );
  });

  it("is the sentence forecastOutcome gives, in en-US", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 2)!;
    expect(f).toMatchObject({ lag: 2, target: 1200, digits: 0 });
    expect(forecastSentence(f, { name: "Qualified leads" }, lagging)).toBe(f.sentence);
  });
});
