import { sigChange } from "../support/functions";
import { codeOf, column, excelError, expectRelative, messageOf, reference, row } from "../support/excel";

const { series, cases } = reference.sigchange;
type Case = (typeof cases)[number];
const SCIPY_WELCH_P = 0.20229392336867796;
const HEADER = ["change", "p_value", "statistic", "baseline_mean", "recent_mean", "lower_limit", "upper_limit"];

function label(direction: number): string {
  return direction > 0 ? "Significant increase" : direction < 0 ? "Significant decrease" : "No significant change";
}

/** The direction FUNCTIONS.md prescribes, from the reference figures. */
function expectedDirection(c: Case): number {
  const e = c.expected as unknown as Record<string, number>;
  if (c.method === "xmr") return e.side;
  return e.p < c.alpha ? Math.sign(e.recent_mean - e.baseline_mean) : 0;
}

describe("SIG_CHANGE against 60-digit references, SciPy and a separate XmR implementation", () => {
  it.each(cases.map((c) => [`${c.series}, ${c.method}, recent ${c.recent}, alpha ${c.alpha}`, c] as const))("%s", (_name, c) => {
    const values = column(series[c.series as keyof typeof series]);
    const e = c.expected as unknown as Record<string, number>;
    const detail = sigChange(values, c.recent, c.alpha, c.method, "detail");
    expect(detail[0]).toEqual(HEADER);
    const [change, p, statistic, baselineMean, recentMean, lower, upper] = detail[1];
    expect(change).toBe(label(expectedDirection(c)));
    expectRelative(baselineMean, e.baseline_mean, 1e-9, "baseline_mean");
    expectRelative(recentMean, e.recent_mean, 1e-9, "recent_mean");
    if (c.method === "xmr") {
      expect(p).toBe("");
      expect(statistic).toBe(e.statistic);
      expectRelative(lower, e.lower, 1e-9, "lower");
      expectRelative(upper, e.upper, 1e-9, "upper");
      expect(codeOf(sigChange(values, c.recent, c.alpha, c.method, "p")[0][0])).toBe("#N/A");
    } else {
      expectRelative(p, e.p, 1e-7, "p");
      expectRelative(statistic, e.statistic, 1e-9, "statistic");
      expectRelative(sigChange(values, c.recent, c.alpha, c.method, "p")[0][0], e.p, 1e-7, "p output");
      if (c.method === "t") {
        expectRelative(lower, e.lower, 1e-9, "lower");
        expectRelative(upper, e.upper, 1e-9, "upper");
      } else {
        expect([lower, upper]).toEqual(["", ""]);
      }
    }
    expect(sigChange(values, c.recent, c.alpha, c.method)).toEqual([[label(expectedDirection(c))]]);
    expect(sigChange(values, c.recent, c.alpha, c.method, "direction")).toEqual([[expectedDirection(c)]]);
  });
});

describe("SIG_CHANGE contract", () => {
  const steady = [10, 12, 11, 13, 12, 11, 12, 10, 11, 12];

  it("is T.TEST(baseline, recent, 2, 3) on the data of Excel's T.TEST help page", () => {
    // Help page data: Data1 = 3,4,5,8,9,1,2,4,5 and Data2 = 6,19,3,2,14,4,5,17,1 (the page shows
    // only the paired type); SciPy's ttest_ind(Data2, Data1, equal_var=False) gives this p.
    const values = [3, 4, 5, 8, 9, 1, 2, 4, 5, 6, 19, 3, 2, 14, 4, 5, 17, 1];
    const [[p]] = sigChange(column(values), 9, 0.05, "t", "p");
    expectRelative(p, SCIPY_WELCH_P, 1e-9);
  });

  it("uses recent 1, alpha 0.05, method t and the label by default", () => {
    const values = column([...steady, 30]);
    expect(sigChange(values)).toEqual([["Significant increase"]]);
    expect(sigChange(values, null, null, null, null)).toEqual(sigChange(values, 1, 0.05, "t", "label"));
    expect(sigChange(values, undefined, undefined, undefined, "detail")).toEqual(sigChange(values, 1, 0.05, "t", "detail"));
  });

  it("skips blank, empty and #N/A cells", () => {
    const withGaps = column([10, null, 12, 11, "", 13, 12, excelError("#N/A"), 11, 12, 10, 11, 12, 30]);
    expect(sigChange(withGaps, 1, 0.05, "t", "detail")).toEqual(sigChange(column([...steady, 30]), 1, 0.05, "t", "detail"));
  });

  it("reads a row as well as a column, and options case-insensitively", () => {
    expect(sigChange(row([...steady, 30]), 2, 0.05, "MANN-WHITNEY", "Detail")).toEqual(sigChange(column([...steady, 30]), 2, 0.05, "mann-whitney", "detail"));
  });

  it("reports a decrease with direction -1", () => {
    expect(sigChange(column([...steady, 1]), 1, 0.05, "t", "direction")).toEqual([[-1]]);
    expect(sigChange(column([...steady, 1]))).toEqual([["Significant decrease"]]);
  });

  it("a zero spread with equal values is no change", () => {
    const detail = sigChange(column([5, 5, 5, 5, 5]), 1, 0.05, "t", "detail");
    expect(detail[1][0]).toBe("No significant change");
    expect(detail[1][1]).toBe(1);
    expect(codeOf(detail[1][2])).toBe("#DIV/0!");
  });

  it("a zero spread with a different value is a change with p = 0", () => {
    const detail = sigChange(column([5, 5, 5, 5, 6]), 1, 0.05, "t", "detail");
    expect(detail[1][0]).toBe("Significant increase");
    expect(detail[1][1]).toBe(0);
    expect(detail[1][5]).toBe(5);
    expect(detail[1][6]).toBe(5);
    const welch = sigChange(column([5, 5, 5, 5, 4, 4]), 2, 0.05, "t", "detail");
    expect([welch[1][0], welch[1][1]]).toEqual(["Significant decrease", 0]);
  });

  it("XmR names the first rule that fired: 1 for a point outside the limits", () => {
    const [, detail] = sigChange(column([...steady, 30]), 1, 0.05, "xmr", "detail");
    expect(detail[0]).toBe("Significant increase");
    expect(detail[2]).toBe(1);
    // centre 114/10, moving ranges 2,1,2,1,1,1,2,1,1 average 12/9, limits centre ± 2.66·12/9 (Wheeler).
    expect(detail[5]).toBeCloseTo(11.4 - (2.66 * 12) / 9, 12);
    expect(detail[6]).toBeCloseTo(11.4 + (2.66 * 12) / 9, 12);
  });

  it("XmR rule 2 fires on 8 values in a row below the centre", () => {
    // Baseline mean 375/17 ≈ 22.06, lower limit ≈ 14.2: no point outside, but the last 8 are all below.
    const values = [22, 26, 21, 27, 23, 25, 20, 26, 22, 24, 20, 19.5, 20.5, 19, 20, 20.5, 19.5, 20];
    const [, detail] = sigChange(column(values), 1, 0.05, "xmr", "detail");
    expect(detail[2]).toBe(2);
    expect(detail[0]).toBe("Significant decrease");
  });

  it.each([
    ["recent 0", [column(steady), 0], /recent/],
    ["recent 1.5", [column(steady), 1.5], /recent/],
    ["alpha 0", [column(steady), 1, 0], /alpha/],
    ["alpha 1", [column(steady), 1, 1], /alpha/],
    ["alpha as text", [column(steady), 1, "five percent"], /alpha/],
    ["an unknown method", [column(steady), 1, 0.05, "anova"], /method/],
    ["an unknown output", [column(steady), 1, 0.05, "t", "chart"], /output/],
    [
      "a 2×3 range",
      [
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
      ],
      /values must be one row or one column/,
    ],
    ["mann-whitney with recent 1", [column(steady), 1, 0.05, "mann-whitney"], /recent >= 2/],
  ])("%s is #VALUE! naming the argument", (_what, args, message) => {
    const [[cell]] = (sigChange as (...a: unknown[]) => unknown[][])(...args);
    expect(codeOf(cell)).toBe("#VALUE!");
    expect(messageOf(cell)).toMatch(message);
  });

  it.each([
    ["fewer than 3 baseline values", [column([1, 2, 3]), 1], /3 baseline/],
    ["fewer values than recent", [column([1, 2, 3]), 5], /recent = 5/],
    ["only blanks", [column([null, "", null]), 1], /needs at least/],
  ])("%s is #N/A saying how much is needed", (_what, args, message) => {
    const [[cell]] = (sigChange as (...a: unknown[]) => unknown[][])(...args);
    expect(codeOf(cell)).toBe("#N/A");
    expect(messageOf(cell)).toMatch(message);
  });
});
