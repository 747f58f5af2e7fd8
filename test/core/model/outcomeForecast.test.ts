/** The chain section's forecast is KPI.LEAD_FORECAST's first row, judged by KPI_STATUS's rules. */
import { forecastOutcome } from "../../../src/core/model/outcomeForecast";
import { kpiStatus, leadForecast } from "../../support/functions";

const leads = [210, 190, 230, 205, 220, 240, 200, 215, 235, 225, 250, 245];
const revenue: (number | null)[] = [null, null, ...leads.slice(0, 9).map((x, i) => 3.5 * x + 400 + ((i * 37) % 11) - 5), null];
const lagging = { name: "Revenue", target: 1200, atRisk: 1150, direction: "higher" as const, unit: "k€" };

describe("forecastOutcome", () => {
  it("is LEAD_FORECAST's first forecast row, with its status against the outcome's target", () => {
    const f = forecastOutcome({ name: "Qualified leads" }, lagging, leads, revenue, 2)!;
    const [, first] = leadForecast(leads.map((v) => [v]), revenue.map((v) => [v]), 2, 0.8);
    expect([f.period, f.forecast, f.lower, f.upper]).toEqual(first);
    expect(f.status === "on" ? "On track" : f.status === "risk" ? "At risk" : "Off track").toBe(kpiStatus([[f.forecast]], [[1200]], [[1150]])[0][0]);
    expect(f.sentence).toMatch(/^Revenue forecast from Qualified leads: [\d,]+ k€ next period \(80% interval [\d,]+ to [\d,]+\), projected (On track|At risk|Off track) against its target of 1,200 k€/);
  });

  it("gives none for a lag of 0 or too few pairs", () => {
    expect(forecastOutcome({ name: "L" }, lagging, leads, revenue, 0)).toBeNull();
    expect(forecastOutcome({ name: "L" }, lagging, [1, 2, 3], [null, 4, 5], 1)).toBeNull();
  });
});
