/**
 * KPI.VARIANCE against values computed independently from the contract
 * (test/reference/generate_variance_outlook.py: the labels, materiality and the XmR rules of the
 * variance series written again in Python), and hand-worked cases for every label, threshold,
 * error and decided case of FUNCTIONS.md.
 */
import references from "../fixtures/variance_outlook_reference.json";
import { variance } from "../support/functions";
import { codeOf, column, excelError, expectRelative, messageOf, OMITTED, row } from "../support/excel";
import { varianceCells } from "../../src/functions/varianceCells";
import { CHUNK } from "../../src/functions/variancePeriods";
import * as functions from "../../src/functions/functions";
import { withSliceBudget, withTicks } from "../support/slices";
import { runSteps } from "../support/steps";

type Case = (typeof references.variance)[number];
type Json = number | string | boolean | null | { error: string } | Json[];

/** The fixture's cells as Excel passes them: {error} objects become error values. */
function excel(v: Json): unknown {
  if (Array.isArray(v)) return v.map(excel);
  if (v !== null && typeof v === "object") return excelError(v.error);
  return v;
}

function expectCell(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number") return expectRelative(actual, expected, 1e-9, where);
  if (expected !== null && typeof expected === "object") {
    expect({ where, code: codeOf(actual) }).toEqual({ where, code: (expected as { error: string }).error });
    return;
  }
  expect({ where, value: actual }).toEqual({ where, value: expected });
}

function expectMatrix(actual: unknown[][], expected: unknown[][], what: string): void {
  expect({ what, rows: actual.length, cols: actual[0]?.length }).toEqual({ what, rows: expected.length, cols: expected[0].length });
  expected.forEach((line, r) => line.forEach((cell, c) => expectCell(actual[r][c], cell, `${what} [${r}][${c}]`)));
}

describe("KPI.VARIANCE against the independent reference", () => {
  it.each(references.variance.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
    const actual = excel(c.actual as Json) as unknown[][];
    const target = excel(c.target as Json) as unknown[][];
    const materiality = c.materiality === null ? OMITTED : ((Array.isArray(c.materiality) ? [c.materiality] : c.materiality) as unknown[][]);
    for (const [output, expected] of Object.entries(c.expected)) {
      expectMatrix(variance(actual, target, c.direction, materiality, output), expected as unknown[][], `${output}`);
    }
    expectMatrix(variance(actual, target, c.direction, materiality), c.expected.variance as unknown[][], "default output");
  });
});

describe("KPI.VARIANCE worked by hand", () => {
  it('FUNCTIONS.md\'s example: 1,180 against a budget of 1,250 is −70, −5.6%, Unfavourable, and material with {50,"5%"}', () => {
    const materiality = [[50, "5%"]];
    expect(variance([[1180]], [[1250]])).toEqual([[-70]]);
    expect(variance([[1180]], [[1250]], OMITTED, materiality, "percent")).toEqual([[-0.056]]);
    expect(variance([[1180]], [[1250]], OMITTED, materiality, "label")).toEqual([["Unfavourable"]]);
    expect(variance([[1180]], [[1250]], OMITTED, materiality, "material")).toEqual([[true]]);
    // The two thresholds as two cells of a column, and 70 > 50 but not > 6% of 1,250 (75).
    expect(variance([[1180]], [[1250]], OMITTED, [[50], ["5%"]], "material")).toEqual([[true]]);
    expect(variance([[1180]], [[1250]], OMITTED, [[50, "6%"]], "material")).toEqual([[false]]);
    expect(variance([[1180]], [[1250]], OMITTED, [[80, "5%"]], "material")).toEqual([[false]]);
  });

  it.each([
    ["higher", 5, "Favourable"],
    ["higher", -5, "Unfavourable"],
    [1, 5, "Favourable"],
    ["LOWER", 5, "Unfavourable"],
    ["lower", -5, "Favourable"],
    [-1, -5, "Favourable"],
    ["within", 5, "Over"],
    ["Within", -5, "Under"],
    ["higher", 0, "On target"],
    ["lower", 0, "On target"],
    ["within", 0, "On target"],
  ] as [unknown, number, string][])("direction %s, variance %d → %s", (direction, v, label) => {
    expect(variance([[100 + v]], [[100]], direction, OMITTED, "label")).toEqual([[label]]);
  });

  it("materiality: strictly above every threshold given; none given means any non-zero variance", () => {
    const material = (a: number, t: number, m: unknown) => variance([[a]], [[t]], OMITTED, m as unknown[][], "material")[0][0];
    expect([material(101, 100, OMITTED), material(100, 100, OMITTED), material(99, 100, OMITTED)]).toEqual([true, false, true]);
    // An amount: 10 is not above 10; 10.5 is.
    expect([material(110, 100, 10), material(110.5, 100, 10), material(89.5, 100, [[10]])]).toEqual([false, true, true]);
    // A percentage of |target|: 5 is not above 5% of 100; of a negative target its absolute value.
    expect([material(105, 100, "5%"), material(106, 100, "5%"), material(-94, -100, "5%"), material(-106, -100, " 5 %")]).toEqual([false, true, true, true]);
    // A number is always an amount, even 0.05.
    expect(material(100.06, 100, 0.05)).toBe(true);
    // With a target of 0 a percentage is exceeded by any non-zero variance.
    expect([material(0.001, 0, "5%"), material(0, 0, "5%"), material(3, 0, [[2, "5%"]])]).toEqual([true, false, true]);
    // An amount of 0: every non-zero variance.
    expect([material(100, 100, 0), material(100.5, 100, 0)]).toEqual([false, true]);
    // A blank cell of a two-cell materiality leaves the other threshold.
    expect([material(108, 100, [[null, "5%"]]), material(104, 100, [["", "5%"]])]).toEqual([true, false]);
  });

  it.each([
    ["a negative amount", -1, /0 or more/],
    ["a negative percentage", "-5%", /0% or more/],
    ["text that is not a percentage", "five percent", /materiality must be/],
    ["a percentage with a comma (1.5% or 15%?)", "1,5%", /materiality must be/],
    ["TRUE", true, /materiality must be/],
    ["an error value", excelError("#DIV/0!"), /materiality must be/],
    ["three values", [[10, "5%", 20]], /at most two values/],
    ["two amounts", [[10, 20]], /two amounts/],
    ["two percentages", [["5%"], ["10%"]], /two percentages/],
  ] as [string, unknown, RegExp][])("materiality: %s → #VALUE!", (_, m, message) => {
    const result = variance([[1180]], [[1250]], OMITTED, m as unknown[][], "material");
    expect(codeOf(result[0][0])).toBe("#VALUE!");
    expect(messageOf(result[0][0])).toMatch(message);
    expect(messageOf(result[0][0])).toContain("materiality");
  });

  it("percent: v / |target|, and #DIV/0! in that cell only when the target is 0", () => {
    const result = variance(column([90, 5, -130]), column([100, 0, -100]), OMITTED, OMITTED, "percent");
    expect(result[0][0]).toBeCloseTo(-0.1, 15);
    expect(codeOf(result[1][0])).toBe("#DIV/0!");
    expect(result[2][0]).toBeCloseTo(-0.3, 15);
  });

  it('a blank, "" or #N/A actual is "" in every per-cell output, and wins over a blank target', () => {
    const actual = column([null, "", excelError("#N/A"), 10]);
    for (const output of ["variance", "percent", "label", "material"]) {
      expect(variance(actual, column([null, 5, 5, 8]), OMITTED, OMITTED, output).slice(0, 3)).toEqual([[""], [""], [""]]);
    }
  });

  it("text or TRUE/FALSE in actual, and a blank, text or #N/A target, are #VALUE! in that cell only", () => {
    const result = variance(column(["n/a", true, 10, 10, 10, 12]), column([5, 5, null, "tbd", excelError("#N/A"), 10]));
    expect(result.map(([c]) => codeOf(c))).toEqual(["#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", "#VALUE!", undefined]);
    expect(messageOf(result[0][0])).toMatch(/actual at row 1.*text "n\/a"/);
    expect(messageOf(result[2][0])).toMatch(/target at row 3.*blank/);
    expect(messageOf(result[4][0])).toMatch(/target at row 5.*#N\/A/);
    expect(result[5][0]).toBe(2);
  });

  it("another error value in actual is passed on in its cell (as KPI_STATUS does)", () => {
    const result = variance(column([excelError("#DIV/0!"), 3]), [[1]]);
    expect([codeOf(result[0][0]), result[1][0]]).toEqual(["#DIV/0!", 2]);
  });

  it("spills to the shape of actual, with one target for all or a target per cell", () => {
    expect(
      variance(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [[3]],
      ),
    ).toEqual([
      [-2, -1, 0],
      [1, 2, 3],
    ]);
    expect(
      variance(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [
          [1, 1, 1],
          [2, 2, 2],
        ],
        OMITTED,
        OMITTED,
        "label",
      ),
    ).toEqual([
      ["On target", "Favourable", "Favourable"],
      ["Favourable", "Favourable", "Favourable"],
    ]);
  });

  it("explain: TRUE only for a period that is both material and a special cause of the variance series", () => {
    // Variances 5, −5, … (twelve), then 60: centre 60/13 ≈ 4.62, mR = 175/12 ≈ 14.58, upper limit ≈ 43.4.
    // The ±5 alternate around the centre (no shift, no trend), so only the 60 is outside.
    const actuals = [...Array(6).fill([105, 95]).flat(), 160];
    const explain = (m: unknown) => variance(column(actuals), [[100]], OMITTED, m as unknown[][], "explain").map(([c]) => c);
    expect(explain(OMITTED)).toEqual([...Array(12).fill(false), true]);
    // A threshold the outlier does not pass: not material, so nothing to explain.
    expect(explain(70)).toEqual(Array(13).fill(false));
    // Every variance is material with 4, but only the special cause is explained.
    expect(explain(4)).toEqual([...Array(12).fill(false), true]);
    expect(variance(column(actuals), [[100]], OMITTED, [[4]], "material").every(([c]) => c === true)).toBe(true);
  });

  it('explain charts the variances as KPI.SPC(variances, , "neutral") does: a shift of 7 below the centre is special too', () => {
    // Variances 4, 2, 4, 2, 4, 2 (six above the centre 22/13 ≈ 1.69: not yet a shift), then
    // 1, 0, 1, 0, 1, 0, 1: seven below it, a shift (mR = 17/12, so no point nears a limit). A
    // variance of 0 is not material, so it is not explained though the rule flags it.
    const actuals = [14, 12, 14, 12, 14, 12, 11, 10, 11, 10, 11, 10, 11];
    expect(variance(column(actuals), [[10]], "lower", OMITTED, "explain").map(([c]) => c)).toEqual([
      ...Array(6).fill(false),
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it("explain skips periods without data and keeps bad cells' errors; fewer than 3 variances is one #N/A", () => {
    const result = variance(row([100, null, 101, "x", 99, 100, 130]), [[100]], OMITTED, OMITTED, "explain");
    expect(result[0].map((c) => codeOf(c) ?? c)).toEqual([false, "", false, "#VALUE!", false, false, true]);
    const few = variance(column([1, null, 2]), [[0]], OMITTED, OMITTED, "explain");
    expect(few).toHaveLength(1);
    expect([codeOf(few[0][0]), messageOf(few[0][0])]).toEqual(["#N/A", expect.stringMatching(/at least 3/)]);
  });

  it('detail: a header and a row per period (a row of periods too); no data shows "" and the target as given; a bad cell #VALUE! from variance on', () => {
    const result = variance(row([100, null, "n/a", 101, 99, 130]), row([100, 100, 100, "tbd", 100, 100]), OMITTED, OMITTED, "detail");
    expect(result[0]).toEqual(["actual", "target", "variance", "percent", "label", "material", "explain"]);
    expect(result).toHaveLength(7);
    expect(result[1]).toEqual([100, 100, 0, 0, "On target", false, false]);
    expect(result[2]).toEqual(["", 100, "", "", "", "", ""]);
    expect(result[3].slice(0, 2)).toEqual(["n/a", 100]);
    expect(result[3].slice(2).map(codeOf)).toEqual(Array(5).fill("#VALUE!"));
    expect(result[4].slice(0, 2)).toEqual([101, "tbd"]);
    expect(result[4].slice(2).map(codeOf)).toEqual(Array(5).fill("#VALUE!"));
    expect(result[6]).toEqual([130, 100, 30, 0.3, "Favourable", true, false]);
  });

  it("detail: with fewer than 3 variances only the explain cells are #N/A", () => {
    const result = variance(column([1180, null]), [[1250]], OMITTED, OMITTED, "detail");
    expect(result[1].slice(0, 6)).toEqual([1180, 1250, -70, -0.056, "Unfavourable", true]);
    expect(codeOf(result[1][6])).toBe("#N/A");
    expect(result[2]).toEqual(["", 1250, "", "", "", "", ""]);
  });

  it("total: the year to date of the periods where both are numbers, on any shape, ignoring the others (text included)", () => {
    const actual = [
      [100, 120, null],
      ["n/a", 90, 110],
    ];
    const target = [
      [100, 100, 100],
      [100, "tbd", 100],
    ];
    const result = variance(actual, target, OMITTED, [[5, "5%"]], "total");
    expect(result[0]).toEqual(["actual", "target", "variance", "percent", "label", "material"]);
    expect(result[1]).toEqual([330, 300, 30, 0.1, "Favourable", true]);
    expect(variance(column([1, 2]), column([1, 2]), "lower", OMITTED, "total")[1]).toEqual([3, 3, 0, 0, "On target", false]);
    expect(codeOf(variance(column([1, 2]), column([0, -0]), OMITTED, OMITTED, "total")[1][3])).toBe("#DIV/0!");
    const none = variance(column([null, "x"]), [[5]], OMITTED, OMITTED, "total");
    expect([none.length, codeOf(none[0][0])]).toEqual([1, "#N/A"]);
  });

  it.each([
    ["target of another shape", [[[1], [2], [3]], [[1], [2]], OMITTED, OMITTED, OMITTED], /target must be one value or a range the shape of actual \(3×1\)/],
    ["an unknown direction", [[[1]], [[1]], "sideways", OMITTED, OMITTED], /direction/],
    ["an unknown output", [[[1]], [[1]], OMITTED, OMITTED, "chart"], /output/],
    [
      "explain on a block",
      [
        [
          [1, 2],
          [3, 4],
        ],
        [[1]],
        OMITTED,
        OMITTED,
        "explain",
      ],
      /output "explain" needs a series/,
    ],
    [
      "detail on a block",
      [
        [
          [1, 2],
          [3, 4],
        ],
        [[1]],
        OMITTED,
        OMITTED,
        "detail",
      ],
      /output "detail" needs a series/,
    ],
  ] as [string, [unknown[][], unknown[][], unknown, unknown[][] | undefined, unknown], RegExp][])("%s → a single #VALUE!", (_, args, message) => {
    const result = variance(...args);
    expect(result).toHaveLength(1);
    expect([codeOf(result[0][0]), messageOf(result[0][0])]).toEqual(["#VALUE!", expect.stringMatching(message)]);
  });

  it("reads Excel's data-type objects in cells as their values (cells.decodeCell, read in steps by argumentCells.ts)", () => {
    const double = { type: "Double", basicValue: 1180 };
    expect(variance([[double]], [[{ type: "FormattedNumber", basicValue: 1250, numberFormat: "#,##0" }]])).toEqual([[-70]]);
  });

  it("a full column is read, charted and written in steps of a chunk, so the time slices can give the thread back", () => {
    const n = 3 * CHUNK + 5;
    const actual = Array.from({ length: n }, (_, i) => [i % 97 === 0 ? null : 100 + Math.sin(i)]);
    const { yields, value } = runSteps(varianceCells(actual, [[100]], null, null, "explain"));
    expect(yields).toBeGreaterThanOrEqual(6);
    expect(value).toHaveLength(n);
  });

  it("a small call answers at once; a long one, sliced, answers with a Promise, lets other work in between and gives the same answer", async () => {
    // A small call fits one slice: checked with a slice long enough that a loaded machine's pause
    // cannot make it look long (what is tested is the step structure, not this machine's speed).
    await withSliceBudget(1000, () => expect(Array.isArray(functions.variance(column([1180, 1200, 1300]), [[1250]]))).toBe(true));
    const actual = Array.from({ length: 2 * CHUNK }, (_, i) => [i % 50 === 0 ? null : 100 + Math.sin(i) + (i === 999 ? 40 : 0)]);
    const expected = variance(actual, [[100]], OMITTED, [[0.5]], "explain");
    const { result, ticks } = await withSliceBudget(0, () => withTicks(functions.variance(actual, [[100]], OMITTED, [[0.5]], "explain")));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toEqual(expected);
    expect(result[999][0]).toBe(true);
  });
});
