/**
 * KPI.OUTLOOK against statsmodels' OLS (params, scale, cov_params(): the matrix formula of the
 * landing's standard error) and scipy.stats.t, from test/reference/generate_variance_outlook.py,
 * and hand-worked cases for every method, roll-up, error and decided case of FUNCTIONS.md.
 */
import references from "../fixtures/variance_outlook_reference.json";
import { outlook } from "../support/functions";
import { codeOf, column, excelError, expectRelative, messageOf, OMITTED, row } from "../support/excel";
import { outlookCells } from "../../src/functions/outlookCells";
import * as functions from "../../src/functions/functions";
import { withSliceBudget, withTicks } from "../support/slices";
import { runSteps } from "../support/steps";

type Case = (typeof references.outlook)[number];
type Json = number | string | null | { error: string };

const REL = 1e-9;
const excel = (v: Json) => (v !== null && typeof v === "object" ? excelError(v.error) : v);
const T_90_1 = 3.077683537175253; // Student's t, 0.9 quantile, 1 degree of freedom (scipy.stats.t.ppf)

describe("KPI.OUTLOOK against statsmodels and SciPy", () => {
  it.each(references.outlook.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
    const cells = (c.actual as Json[]).map(excel);
    const actual = c.as_row ? row(cells) : column(cells);
    const target = Array.isArray(c.target) ? (c.target_as_row ? row(c.target) : column(c.target)) : [[c.target]];
    const e = c.expected;
    const table = outlook(actual, target as never, c.direction, c.method, c.rollup, c.level, "table");
    expect(table[0]).toEqual(["landing", "lower", "upper", "target", "probability"]);
    const [landing, lower, upper, goal, probability] = table[1];
    expectRelative(landing, e.landing, REL, "landing");
    expectRelative(lower, e.lower, REL, "lower");
    expectRelative(upper, e.upper, REL, "upper");
    expectRelative(goal, e.target, REL, "target");
    if (e.probability === "") expect(probability).toBe("");
    else expectRelative(probability, e.probability as number, REL, "probability");
    expect(outlook(actual, target as never, c.direction, c.method, c.rollup, c.level)).toEqual([[landing]]);
    const periods = outlook(actual, target as never, c.direction, c.method, c.rollup, c.level, "periods");
    const flat = c.as_row ? periods[0] : periods.map(([p]) => p);
    expect(c.as_row ? periods.length : periods[0].length).toBe(1);
    expect(flat).toHaveLength(e.periods.length);
    e.periods.forEach((p, i) => (p === "" ? expect(flat[i]).toBe("") : expectRelative(flat[i], p as number, REL, `period ${i + 1}`)));
  });
});

describe("KPI.OUTLOOK worked by hand", () => {
  const table = (...args: Parameters<typeof outlook>) => outlook(...args)[1];

  it("trend: an exact line lands exactly, with no interval, and meets (or misses) the target for certain", () => {
    const actual = column([100, 110, 120, null, null]);
    expect(outlook(actual, [[600]])).toEqual([[600]]);
    expect(table(actual, [[600]], OMITTED, OMITTED, OMITTED, OMITTED, "table")).toEqual([600, 600, 600, 600, 1]);
    expect(table(actual, [[601]], "higher", OMITTED, OMITTED, OMITTED, "table")).toEqual([600, 600, 600, 601, 0]);
    expect(table(actual, [[601]], -1, OMITTED, OMITTED, OMITTED, "table")).toEqual([600, 600, 600, 601, 1]);
    expect(outlook(actual, [[600]], OMITTED, OMITTED, OMITTED, OMITTED, "periods")).toEqual([[""], [""], [""], [130], [140]]);
    // Average of the horizon, and its last period.
    expect(outlook(actual, [[120]], OMITTED, OMITTED, "average")).toEqual([[120]]);
    expect(outlook(actual, [[120]], OMITTED, OMITTED, "LAST")).toEqual([[140]]);
  });

  it("average: the open periods at the mean; se² = s²·(f + f²/n) for the sum, / N² for the average, s²·(1 + 1/n) for the last", () => {
    // Reported 10 and 14 (mean 12, s² = 8, df 1), two periods open: sum 48, se² = 8·(2 + 4/2) = 32.
    const actual = column([10, 14, null, null]);
    const [l, lo, hi, t, p] = table(actual, [[50]], OMITTED, "average", "sum", 0.8, "table") as number[];
    expect([l, t]).toEqual([48, 50]);
    expect(hi - l).toBeCloseTo(T_90_1 * Math.sqrt(32), 12);
    expect(l - lo).toBeCloseTo(T_90_1 * Math.sqrt(32), 12);
    // P(landing >= 50) with the t of 1 degree of freedom (a Cauchy): 1/2 − atan(2/√32)/π.
    expect(p).toBeCloseTo(0.5 - Math.atan(2 / Math.sqrt(32)) / Math.PI, 14);
    const [la, loa] = table(actual, [[12]], OMITTED, "average", "average", 0.8, "table") as number[];
    expect(la).toBe(12);
    expect(la - loa).toBeCloseTo((T_90_1 * Math.sqrt(32)) / 4, 12);
    const [ll, lol] = table(actual, [[12]], OMITTED, "average", "last", 0.8, "table") as number[];
    expect(ll).toBe(12);
    expect(ll - lol).toBeCloseTo(T_90_1 * Math.sqrt(8 * 1.5), 12);
  });

  it("budget: every open period at its own target, no interval and no probability", () => {
    const actual = row([100, 105, null, ""]);
    const targets = row([90, 100, 110, 120]);
    expect(table(actual, targets, OMITTED, "budget", "sum", OMITTED, "table")).toEqual([435, 435, 435, 420, ""]);
    expect(outlook(actual, targets, OMITTED, "budget", OMITTED, OMITTED, "periods")).toEqual([["", "", 110, 120]]);
    expect(table(actual, targets, OMITTED, "budget", "last", OMITTED, "table")).toEqual([120, 120, 120, 120, ""]);
  });

  it("a target per period: the horizon's target is their sum, mean or last cell; a row of budgets for a column of actuals is fine", () => {
    const actual = column([100, 110, 120, null]);
    const budgets = row([100, 100, 120, 140]);
    expect(table(actual, budgets, OMITTED, OMITTED, "sum", OMITTED, "table")[3]).toBe(460);
    expect(table(actual, budgets, OMITTED, OMITTED, "average", OMITTED, "table")[3]).toBe(115);
    expect(table(actual, column([100, 100, 120, 140]), OMITTED, OMITTED, "last", OMITTED, "table")[3]).toBe(140);
  });

  it("last: no interval when the closing period is reported, whatever is open before it", () => {
    expect(table(column([5, 6, null, 7.5]), [[7]], OMITTED, OMITTED, "last", OMITTED, "table")).toEqual([7.5, 7.5, 7.5, 7, 1]);
  });

  it('blank, "" and #N/A are open periods on every host; other text is #VALUE!', () => {
    const withGaps = outlook(column([100, 110, 120, null, "", excelError("#N/A")]), [[0]], OMITTED, OMITTED, OMITTED, OMITTED, "periods");
    expect(withGaps).toEqual([[""], [""], [""], [130], [140], [150]]);
    const text = outlook(column([100, "n/a", 120, 130]), [[500]]);
    expect([codeOf(text[0][0]), messageOf(text[0][0])]).toEqual(["#VALUE!", expect.stringMatching(/actual: value 2 is the text "n\/a"/)]);
  });

  it.each([
    [
      "actual a block",
      [
        [
          [1, 2],
          [3, 4],
        ],
        10,
      ],
      /actual must be one row or one column/,
    ],
    ["a target range of another length", [column([1, 2, 3, null]), column([1, 2, 3])], /one cell per period of actual \(4\); got 3/],
    [
      "a block of targets",
      [
        column([1, 2, 3, null]),
        [
          [1, 2],
          [3, 4],
        ],
      ],
      /target must be one number or one row or column/,
    ],
    ["a blank in the target range", [column([1, 2, 3, null]), column([1, null, 3, 4])], /target: period 2 is blank/],
    ["text in the target range", [column([1, 2, 3, null]), column([1, 2, "tbd", 4])], /target: period 3 is the text "tbd"/],
    ["#N/A in the target range", [column([1, 2, 3, null]), column([1, 2, excelError("#N/A"), 4])], /target: period 3 is #N\/A/],
    ["a non-numeric target", [column([1, 2, 3, null]), "lots"], /target must be a number/],
    ["no target", [column([1, 2, 3, null]), OMITTED], /target is required/],
    ["budget with one target", [column([1, 2, 3, null]), 10, OMITTED, "budget"], /"budget" .* one target per period/],
    ["budget with a one-cell target range (a number)", [column([1, 2, 3, null]), [[10]], OMITTED, "budget"], /"budget"/],
    ["direction within", [column([1, 2, 3, null]), 10, "within"], /direction must be "higher" .*"within" does not say/],
    ["an unknown direction", [column([1, 2, 3, null]), 10, "up"], /direction must be/],
    ["an unknown method", [column([1, 2, 3, null]), 10, OMITTED, "arima"], /method must be/],
    ["an unknown rollup", [column([1, 2, 3, null]), 10, OMITTED, OMITTED, "max"], /rollup must be/],
    ["an unknown output", [column([1, 2, 3, null]), 10, OMITTED, OMITTED, OMITTED, OMITTED, "chart"], /output must be/],
    ["level 0", [column([1, 2, 3, null]), 10, OMITTED, OMITTED, OMITTED, 0], /level must be between 0 and 1/],
    ["level 1", [column([1, 2, 3, null]), 10, OMITTED, OMITTED, OMITTED, 1], /level must be between 0 and 1/],
    ["level 80 (a percentage typed as a number)", [column([1, 2, 3, null]), 10, OMITTED, OMITTED, OMITTED, 80], /level/],
  ] as [string, unknown[], RegExp][])("%s → #VALUE!", (_, args, message) => {
    const result = (outlook as (...a: unknown[]) => unknown[][])(...args);
    expect(result).toHaveLength(1);
    expect([codeOf(result[0][0]), messageOf(result[0][0])]).toEqual(["#VALUE!", expect.stringMatching(message)]);
  });

  it.each([
    ["no reported period", [column([null, null, null]), 10], /"trend" needs at least 3 reported periods .*got 0/],
    ["trend with 2 reported", [column([1, 2, null]), 10], /"trend" needs at least 3 reported periods .*got 2/],
    ["average with 1 reported", [column([1, null, null]), 10, OMITTED, "average"], /"average" needs at least 2 reported periods .*got 1/],
    ["budget with none reported", [column([null, null]), column([1, 2]), OMITTED, "budget"], /"budget" needs at least 1 reported period .*got 0/],
  ] as [string, unknown[], RegExp][])("%s → #N/A saying how many", (_, args, message) => {
    const result = (outlook as (...a: unknown[]) => unknown[][])(...args);
    expect([codeOf(result[0][0]), messageOf(result[0][0])]).toEqual(["#N/A", expect.stringMatching(message)]);
  });

  it("the help page's worked example (src/help/examples.ts) is what the function answers", () => {
    const year = column([100, 104, 109, 111, 116, 118, null, null, null, null, null, null]);
    const [landing, lower, upper, target, probability] = table(year, [[1450]], "higher", "trend", "sum", 0.8, "table") as number[];
    expect([landing, lower, upper, target, probability].map((x) => Number(x.toFixed(2)))).toEqual([1447.66, 1434.79, 1460.53, 1450, 0.4]);
    expect(probability.toFixed(3)).toBe("0.397");
    const periods = outlook(year, [[1450]], OMITTED, OMITTED, OMITTED, OMITTED, "periods").map(([p]) => (typeof p === "number" ? p.toFixed(2) : p));
    expect([periods[5], periods[6], periods[11]]).toEqual(["", "122.47", "140.75"]);
    const average = table(year, [[1450]], "higher", "average", "sum", 0.8, "table") as number[];
    expect([average[0], average[4].toFixed(4)]).toEqual([1316, "0.0012"]);
  });

  it("a full column is read, forecast and written in steps", () => {
    const n = 1 << 18;
    const actual = Array.from({ length: n }, (_, i) => [i < n / 2 ? 100 + i * 0.01 + Math.sin(i) : null]);
    const { yields, value } = runSteps(outlookCells(actual, 1e7, null, null, null, null, "periods"));
    expect(yields).toBeGreaterThanOrEqual(5);
    expect(value).toHaveLength(n);
  });

  it("a small call answers at once; a long one, sliced, answers with a Promise, lets other work in between and gives the same answer", async () => {
    // A small call fits one slice: checked with a slice long enough that a loaded machine's pause
    // cannot make it look long (what is tested is the step structure, not this machine's speed).
    await withSliceBudget(1000, () => expect(Array.isArray(functions.outlook(column([100, 110, 120, null]), [[480]]))).toBe(true));
    const actual = Array.from({ length: 100_000 }, (_, i) => [i < 60_000 ? 100 + i * 0.01 + Math.sin(i) : null]);
    const expected = outlook(actual, [[1e7]], OMITTED, OMITTED, OMITTED, OMITTED, "periods");
    const { result, ticks } = await withSliceBudget(0, () => withTicks(functions.outlook(actual, [[1e7]], OMITTED, OMITTED, OMITTED, OMITTED, "periods")));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toEqual(expected);
  });
});
