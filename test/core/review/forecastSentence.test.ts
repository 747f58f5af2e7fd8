/** The forecast sentence states every period the lead covers (the walk: "covers 2" under one number). */
import { forecastOutcome } from "../../../src/core/model/outcomeForecast";
import { leadForecast } from "../../support/functions";

const leads = [210, 190, 230, 205, 220, 240, 200, 215, 235, 225, 250, 245];
const revenue: (number | null)[] = [null, null, ...leads.slice(0, 9).map((x, i) => 3.5 * x + 400 + ((i * 37) % 11) - 5), null];
const lagging = { name: "Revenue", target: 1200, atRisk: 1150, direction: "higher" as const, unit: "k€" };
const fmt = (v: unknown) => (v as number).toLocaleString("en-US", { maximumFractionDigits: 0 });

describe("the forecast sentence", () => {
  it("states both periods a lag of 2 covers, each with KPI.LEAD_FORECAST's interval", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 2)!;
    const [, first, second] = leadForecast(leads.map((v) => [v]), revenue.map((v) => [v]), 2, 0.8);
    expect(f.sentence).toContain(`: ${fmt(first[1])} k€ next period (80% interval ${fmt(first[2])} to ${fmt(first[3])}), projected`);
    expect(f.sentence).toMatch(new RegExp(`; ${fmt(second[1])} k€ the period after \\(80% interval ${fmt(second[2])} to ${fmt(second[3])}\\), projected (On track|At risk|Off track): Qualified leads already covers both\\.$`));
  });

  it("a lag of 1 states one period", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 1)!;
    expect(f.sentence).toMatch(/next period \(80% interval [\d,]+ to [\d,]+\), projected [A-Za-z ]+ against its target of 1,200 k€\.$/);
  });
});
