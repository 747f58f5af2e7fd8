/**
 * KPI.LEAD_FORECAST against statsmodels (OLS, get_prediction(...).summary_frame: obs_ci_lower
 * and obs_ci_upper), from test/reference/generate_spc_forecast.py, and worked cases by hand.
 */
import references from "../fixtures/spc_forecast_reference.json";
import { leadForecast } from "../support/functions";
import { codeOf, column, expectRelative, messageOf, OMITTED } from "../support/excel";

type Case = (typeof references.forecast)[number];

describe("KPI.LEAD_FORECAST against statsmodels", () => {
  it.each(references.forecast.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
    const table = leadForecast(column(c.leading), column(c.lagging), c.lag, c.level);
    expect(table[0]).toEqual(["period", "forecast", "lower", "upper"]);
    expect(table).toHaveLength(c.rows.length + 1);
    c.rows.forEach((expected, i) => {
      const [period, forecast, lower, upper] = table[i + 1];
      expect(period).toBe(expected.period);
      if (expected.forecast === null) {
        expect([codeOf(forecast), codeOf(lower), codeOf(upper)]).toEqual(["#N/A", "#N/A", "#N/A"]);
        return;
      }
      expectRelative(forecast, expected.forecast, 1e-9, "forecast");
      expectRelative(lower, expected.lower!, 1e-9, "lower");
      expectRelative(upper, expected.upper!, 1e-9, "upper");
    });
    const [header, fit] = leadForecast(column(c.leading), column(c.lagging), c.lag, c.level, "fit");
    expect(header).toEqual(["intercept", "slope", "r2", "n", "std_error"]);
    expectRelative(fit[0], c.fit.intercept, 1e-9, "intercept");
    expectRelative(fit[1], c.fit.slope, 1e-9, "slope");
    expectRelative(fit[2], c.fit.r2, 1e-9, "r2");
    expect(fit[3]).toBe(c.fit.n);
    expectRelative(fit[4], c.fit.std_error, 1e-9, "std_error");
    expect(leadForecast(column(c.leading), column(c.lagging), c.lag, c.level, "values")).toEqual(table.slice(1));
  });
});

describe("KPI.LEAD_FORECAST worked by hand", () => {
  it("an exact line y = 2x + 1 one period later forecasts the next period with a zero-width interval", () => {
    const leading = column([1, 2, 3, 4, 5]);
    const lagging = column([null, 3, 5, 7, null]);
    expect(leadForecast(leading, lagging, 1)).toEqual([
      ["period", "forecast", "lower", "upper"],
      [5, 9, 9, 9],
    ]);
  });

  it.each([
    ["different lengths", [column([1, 2, 3]), column([1, 2]), 1], "#VALUE!", /same length/],
    ["lag omitted", [column([1, 2, 3, 4]), column([1, 2, 3, 4]), OMITTED], "#VALUE!", /lag is required/],
    ["lag 0", [column([1, 2, 3, 4]), column([1, 2, 3, 4]), 0], "#VALUE!", /lag/],
    ["fewer than 3 pairs", [column([1, 2, 3, 4]), column([1, 2, 3, 4]), 2], "#N/A", /at least 3/],
    ["constant leading", [column([2, 2, 2, 2, 2]), column([1, 2, 3, 4, 5]), 1], "#DIV/0!", /./],
  ] as [string, [unknown[][], unknown[][], unknown], string, RegExp][])("%s → %s", (_, [a, b, lag], code, message) => {
    const result = leadForecast(a, b, lag);
    expect(codeOf(result[0][0])).toBe(code);
    if (code !== "#DIV/0!") expect(messageOf(result[0][0])).toMatch(message);
  });

  it("refuses a level outside (0, 1) and an unknown output", () => {
    expect(codeOf(leadForecast(column([1, 2, 3, 4, 5]), column([1, 3, 2, 5, 4]), 1, 1)[0][0])).toBe("#VALUE!");
    expect(codeOf(leadForecast(column([1, 2, 3, 4, 5]), column([1, 3, 2, 5, 4]), 1, 0.8, "chart")[0][0])).toBe("#VALUE!");
  });
});
