/**
 * Any magnitude: SciPy's own test literals (scipy/stats/tests/test_stats.py, expected values
 * computed there with mpmath at 80 digits, or R's t.test), and the same data scaled by 1e±100
 * and 1e±170, give the same r, t and p (relative 1e-9); results in the data's units scale with it.
 */
import { leadLagCorr, sigChange, spc, leadForecast } from "../support/functions";
import { codeOf, column, expectRelative } from "../support/excel";

const SCALES = [1, 1e100, 1e-100, 1e170, 1e-170];
const scaled = (v: number[], s: number) => v.map((x) => x * s);

describe("Pearson r and p at any magnitude (SciPy TestPearsonr literals)", () => {
  it.each([
    [
      "very small input values (scipy#9353)",
      [0.004434375, 0.004756007, 0.003911996, 0.0038005, 0.003409971],
      [2.48e-188, 7.41e-181, 4.09e-208, 2.08e-223, 2.66e-245],
      0.727293054075045,
      0.1637805429533202,
    ],
    // SciPy's expected p as its test suite spells it (more digits than a double holds; compared at 1e-9).
    [
      "very large input values (scipy#8980)",
      [0, 0, 0, 1, 1, 1, 1].map((v) => v * 1e90),
      [0, 1, 2, 3, 4, 5, 6].map((v) => v * 1e90),
      0.8660254037844386,
      // eslint-disable-next-line no-loss-of-precision
      0.011724811003954638,
    ],
    ["extremely large input values", [2.3e200, 4.5e200, 6.7e200, 8e200], [1.2e199, 5.5e200, 3.3e201, 1.0e200], 0.351312332103289, 0.648687667896711],
  ])("%s", (_, x, y, r, p) => {
    const [, row] = leadLagCorr(column(x), column(y), 0);
    expectRelative(row[1], r, 1e-9, "r");
    expectRelative(row[2], p, 1e-9, "p");
  });

  it.each(SCALES)("r and p of ordinary data times %s are those of the data", (s) => {
    const x = [3, 2, 4, 5, 6, 4, 7, 8, 6, 9];
    const y = [9, 7, 12, 15, 17, 12, 19, 22, 18, 23];
    const plain = leadLagCorr(column(x), column(y), 3, "pearson", true);
    const big = leadLagCorr(column(scaled(x, s)), column(scaled(y, 1 / s)), 3, "pearson", true);
    plain.slice(1).forEach((rowPlain, i) => {
      expectRelative(big[i + 1][1], rowPlain[1] as number, 1e-9, `r lag ${i}`);
      expectRelative(big[i + 1][2], rowPlain[2] as number, 1e-9, `p lag ${i}`);
    });
    const spearman = leadLagCorr(column(scaled(x, s)), column(y), 3, "spearman");
    expect(spearman).toEqual(leadLagCorr(column(x), column(y), 3, "spearman"));
  });
});

describe("Welch's t at any magnitude (SciPy test_ttest_ind_with_uneq_var, R's t.test)", () => {
  // SIG_CHANGE compares recent with baseline: t is SciPy's ttest_ind(baseline, recent) negated.
  it.each(SCALES)("baseline 1, 2, 3 and recent 1.1, 2.9, 4.2, times %s", (s) => {
    const values = scaled([1, 2, 3, 1.1, 2.9, 4.2], s);
    const [, detail] = sigChange(column(values), 3, 0.05, "t", "detail");
    expectRelative(detail[2], 0.686495127355726265, 1e-9, "t");
    expectRelative(detail[1], 0.53619490753126686, 1e-9, "p");
    expectRelative(detail[3], 2 * s, 1e-12, "baseline mean");
  });

  it.each(SCALES)("plain noise times %s is no significant change, as unscaled", (s) => {
    const noise = [10.2, 9.7, 10.1, 9.9, 10.4, 9.8, 10.0, 10.3, 9.6, 10.1, 9.9, 10.2];
    for (const method of ["t", "mann-whitney", "xmr"]) {
      const recent = method === "t" ? 1 : 3;
      const plain = sigChange(column(noise), recent, 0.05, method, "detail")[1];
      const big = sigChange(column(scaled(noise, s)), recent, 0.05, method, "detail")[1];
      expect([method, big[0]]).toEqual([method, plain[0]]);
      for (const k of [1, 2]) if (typeof plain[k] === "number") expectRelative(big[k], plain[k] as number, 1e-9, `${method} column ${k}`);
      for (const k of [3, 4, 5, 6]) if (typeof plain[k] === "number") expectRelative(big[k], (plain[k] as number) * s, 1e-9, `${method} column ${k}`);
    }
  });
});

describe("SPC and LEAD_FORECAST at any magnitude", () => {
  const series = [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 5, 9, 6, 5];
  it.each(SCALES)("times %s: the same verdicts, limits scaled", (s) => {
    const plain = spc(column(series), 6, "higher", null as never, "detail");
    const big = spc(column(scaled(series, s)), 6 * s, "higher", null as never, "detail");
    plain.forEach(([measure, value], i) => {
      if (typeof value === "number" && ["centre", "average_moving_range", "lower_limit", "upper_limit", "median"].includes(measure as string)) {
        expectRelative(big[i][1], value * s, 1e-9, measure as string);
      } else expect([measure, big[i][1]]).toEqual([measure, value]);
    });
  });

  it.each(SCALES)("a forecast of data times %s is the forecast times %s", (s) => {
    const lead = [1, 3, 2, 5, 4, 6, 5, 8];
    const lag = [null, 2.1, 6.2, 3.9, 10.1, 8.2, 11.8, null];
    const plain = leadForecast(column(lead), column(lag), 1);
    const big = leadForecast(column(scaled(lead, s)), column(lag.map((v) => (v === null ? null : v / s))), 1);
    for (let c = 1; c < 4; c++) expectRelative(big[1][c], (plain[1][c] as number) / s, 1e-9, `column ${c}`);
  });

  it("a result too large for a number is #NUM!", () => {
    const huge = [1.7e308, -1.7e308, 1.7e308, -1.7e308];
    expect(codeOf(spc(column(huge), 0, "higher", null as never, "detail")[4][1])).toBe("#NUM!");
  });
});
