/**
 * Hostile input for the five worksheet functions (fast-check): any shape, any cell type, any
 * argument. Properties: nothing throws, the result is a matrix of values Excel can show, its
 * shape is the one FUNCTIONS.md gives, and a #VALUE! for the call names the argument at fault.
 */
import fc from "fast-check";
import { funnel, kpiStatus, leadForecast, leadLagCorr, outlook, sigChange, spc, variance } from "../support/functions";

const errorValue = fc
  .constantFrom("#N/A", "#VALUE!", "#DIV/0!", "#REF!", "#NUM!", "#NAME?")
  .map((code) => new CustomFunctions.Error(code as CustomFunctions.ErrorCode));

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "", "  ", "12", "1e3", "abc", "TRUE", "=1+1") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorValue },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** A range as Excel passes it, or something no range should be: ragged, empty, a scalar. */
const range = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }).chain((n) => fc.array(cell, { minLength: n, maxLength: n }).map((v) => v.map((x) => [x]))) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }).chain((n) => fc.array(cell, { minLength: n, maxLength: n }).map((v) => [v])) },
  { weight: 1, arbitrary: fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 5 }) },
  { weight: 1, arbitrary: cell },
);

const option = fc.oneof(
  cell,
  fc.constantFrom(
    "higher",
    "LOWER",
    "neutral",
    "variation",
    "assurance",
    "runs",
    "points",
    "fit",
    0.8,
    3,
    7,
    "label",
    "score",
    "table",
    "values",
    "best",
    "pearson",
    "Spearman",
    "t",
    "mann-whitney",
    "xmr",
    "p",
    "detail",
    "direction",
    0,
    1,
    2,
    12,
    0.05,
    -1,
    1.5,
  ),
  fc.constant([[1]]),
  fc.constant([[1, 2]]),
);

function isExcelValue(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "string" || typeof v === "boolean") return true;
  return v instanceof CustomFunctions.Error;
}

function assertMatrixOfExcelValues(result: unknown): asserts result is unknown[][] {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  for (const row of rows) {
    expect(Array.isArray(row)).toBe(true);
    expect(row.length).toBe(width);
    for (const v of row) if (!isExcelValue(v)) throw new Error(`not an Excel value: ${String(v)}`);
  }
}

function singleError(result: unknown[][]): CustomFunctions.Error | null {
  return result.length === 1 && result[0].length === 1 && result[0][0] instanceof CustomFunctions.Error ? (result[0][0] as CustomFunctions.Error) : null;
}

/**
 * Checks that an answer is Excel values and, when it is one error, that a #VALUE! names an
 * argument (`names`); true when it is that one error, where the checks of its shape stop.
 */
function answeredWithOneError(result: unknown[][], names: RegExp): boolean {
  assertMatrixOfExcelValues(result);
  const error = singleError(result);
  if (error?.code === "#VALUE!") expect(error.message ?? "").toMatch(names);
  return error !== null;
}

const settings = { numRuns: 400 };

describe("property: no input breaks a function", () => {
  it("KPI_STATUS returns Excel values shaped like actual, or one error that names an argument", () => {
    fc.assert(
      fc.property(range, range, fc.option(range), option, option, (actual, target, atRisk, direction, output) => {
        const result = kpiStatus(actual as never, target as never, (atRisk ?? undefined) as never, direction, output);
        assertMatrixOfExcelValues(result);
        const error = singleError(result);
        const actualIsMatrix = Array.isArray(actual) && (actual as unknown[]).length > 0 && Array.isArray((actual as unknown[])[0]);
        if (error && error.code === "#VALUE!" && !(actualIsMatrix && (actual as unknown[][]).length === 1 && (actual as unknown[][])[0].length === 1)) {
          expect(error.message ?? "").toMatch(/actual|target|at_risk|direction|output/);
        } else if (!error && actualIsMatrix) {
          expect(result.length).toBe((actual as unknown[][]).length);
          expect(result[0].length).toBe((actual as unknown[][])[0].length);
        }
      }),
      settings,
    );
  });

  it("LEADLAG_CORR returns Excel values in the contract's shape", () => {
    fc.assert(
      fc.property(range, range, option, option, option, option, (leading, lagging, maxLag, method, difference, output) => {
        const result = leadLagCorr(leading as never, lagging as never, maxLag, method, difference, output);
        if (answeredWithOneError(result, /leading|lagging|max_lag|method|difference|output|LEADLAG_CORR/)) return;
        const out =
          String(Array.isArray(output) ? output[0]?.[0] : (output ?? "table"))
            .trim()
            .toLowerCase() || "table";
        expect(result[0].length).toBe(4);
        if (out === "table") expect(result[0]).toEqual(["lag", "r", "p_value", "n"]);
        if (out === "best") expect(result.length).toBe(1);
      }),
      settings,
    );
  });

  it("SIG_CHANGE returns Excel values in the contract's shape", () => {
    fc.assert(
      fc.property(range, option, option, option, option, (values, recent, alpha, method, output) => {
        const result = sigChange(values as never, recent, alpha, method, output);
        if (answeredWithOneError(result, /values|recent|alpha|method|output|SIG_CHANGE/)) return;
        if (result.length === 2) expect(result[0]).toEqual(["change", "p_value", "statistic", "baseline_mean", "recent_mean", "lower_limit", "upper_limit"]);
        else expect(result).toHaveLength(1);
      }),
      settings,
    );
  });

  it("SPC returns Excel values in the contract's shape", () => {
    fc.assert(
      fc.property(range, option, option, option, option, (values, target, direction, baseline, output) => {
        const result = spc(values as never, target, direction, baseline, output);
        if (answeredWithOneError(result, /values|target|direction|baseline|output|SPC/)) return;
        if (result[0][0] === "measure") expect(result.map((r) => r[0]).slice(1, 5)).toEqual(["centre", "average_moving_range", "lower_limit", "upper_limit"]);
      }),
      settings,
    );
  });

  it("LEAD_FORECAST returns Excel values in the contract's shape", () => {
    fc.assert(
      fc.property(range, range, option, option, option, (leading, lagging, lag, level, output) => {
        const result = leadForecast(leading as never, lagging as never, lag, level, output);
        if (answeredWithOneError(result, /leading|lagging|lag|level|output|LEAD_FORECAST/)) return;
        if (result[0][0] === "intercept") expect(result).toHaveLength(2);
        else expect(result[0]).toHaveLength(4);
      }),
      settings,
    );
  });

  it("answers a full column with a huge max_lag or recent window without hanging", () => {
    const column = Array.from({ length: 20_000 }, (_, i) => [Math.sin(i)]);
    expect(leadLagCorr(column, column, 1_048_574, "pearson", false, "best")[0]).toHaveLength(4);
    expect(singleError(leadLagCorr(column, column, 1e12))?.code).toBe("#VALUE!");
    expect(singleError(sigChange(column, 1e15))?.code).toBe("#N/A");
  });
});

/** Options of the rate charts and the funnel, mixed with hostile values. */
const rateOption = fc.oneof(option, fc.constantFrom("p", "u", "p'", "u'", "P′", "xmr", "limits", "proportion", "rate", "flag", "z", "curve", true, false));

/** Two columns of the same length (cases and their denominators): mostly cases among the units, sometimes any cell. */
const period = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([d, f]) => [Math.round(d * f), d] as unknown[]),
  },
  { weight: 1, arbitrary: fc.tuple(cell, cell) },
);
const pairedRanges = fc.array(period, { minLength: 1, maxLength: 50 }).map((rows) => [rows.map((r) => [r[0]]), rows.map((r) => [r[1]])]);

describe("property: rate SPC and FUNNEL", () => {
  it("SPC with a chart and denominators returns Excel values in the contract's shape", () => {
    fc.assert(
      fc.property(
        fc.oneof(pairedRanges, fc.tuple(range, range)),
        option,
        option,
        option,
        rateOption,
        rateOption,
        ([values, dens], target, direction, baseline, output, chart) => {
          const result = spc(values as never, target, direction, baseline, output, chart, dens as never);
          if (answeredWithOneError(result, /values|denominators|target|direction|baseline|output|chart|SPC/)) return;
          if (result[0][0] === "measure") expect(result.map((r) => r[0]).slice(1, 5)).toEqual(["centre", "average_moving_range", "lower_limit", "upper_limit"]);
          if (result[0][0] === "value") {
            expect(result[0]).toEqual(["value", "centre", "lower", "upper", "near_lower", "near_upper"]);
            expect(result).toHaveLength((values as unknown[][]).length + 1);
          }
        },
      ),
      settings,
    );
  });

  it("FUNNEL returns Excel values in the contract's shape", () => {
    fc.assert(
      fc.property(
        fc.oneof(pairedRanges, fc.tuple(range, range)),
        option,
        rateOption,
        rateOption,
        rateOption,
        ([nums, dens], target, chart, overdispersion, output) => {
          const result = funnel(nums as never, dens as never, target, chart, overdispersion, output);
          if (answeredWithOneError(result, /numerators|denominators|target|chart|overdispersion|output|FUNNEL/)) return;
          const head = result[0][0];
          if (head === "rate") expect(result[0]).toHaveLength(7);
          else if (head === "n") expect([2, 51]).toContain(result.length);
          else if (head === "measure")
            expect(result.map((r) => r[0])).toEqual(["measure", "target", "segments", "phi", "above_998", "above_95", "below_95", "below_998"]);
          else expect(result.length * result[0].length).toBe((nums as unknown[][]).length * (nums as unknown[][])[0].length);
        },
      ),
      settings,
    );
  });
});

/** Options of VARIANCE and OUTLOOK, mixed with hostile values. */
const varianceOption = fc.oneof(
  option,
  fc.constantFrom(
    "within",
    "variance",
    "percent",
    "label",
    "material",
    "explain",
    "total",
    "5%",
    "-5%",
    "trend",
    "average",
    "budget",
    "sum",
    "last",
    "landing",
    "periods",
    0.95,
  ),
  fc.constant([[10, "5%"]]),
  fc.constant([["5%"], [50]]),
);
const materialityArgument = fc.oneof(fc.constant(undefined), varianceOption, range, fc.constant([[0.5]]));
/** A horizon: numbers first (reported), then gaps (open), sometimes any cell. */
const horizon = fc
  .tuple(
    fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 0, maxLength: 30 }),
    fc.integer({ min: 0, max: 12 }),
    fc.constantFrom(null, "", new CustomFunctions.Error("#N/A" as CustomFunctions.ErrorCode)),
  )
  .map(([reported, open, gap]) => [...reported, ...Array(open).fill(gap)].map((v) => [v]))
  .filter((h) => h.length > 0);
const nonEmpty = (m: unknown): m is unknown[][] => Array.isArray(m) && m.length > 0 && Array.isArray(m[0]) && (m[0] as unknown[]).length > 0;

describe("property: VARIANCE and OUTLOOK", () => {
  it("VARIANCE returns Excel values in the contract's shape, or one error that names an argument", () => {
    fc.assert(
      fc.property(range, fc.oneof(range, cell), varianceOption, materialityArgument, varianceOption, (actual, target, direction, materiality, output) => {
        const result = variance(actual as never, target as never, direction, materiality as never, output);
        if (answeredWithOneError(result, /actual|target|direction|materiality|output|VARIANCE/)) return;
        const head = result[0][0];
        if (head === "actual" && result[0].length === 7) expect(result[0]).toEqual(["actual", "target", "variance", "percent", "label", "material", "explain"]);
        else if (head === "actual") expect(result).toHaveLength(2);
        else if (nonEmpty(actual)) expect([result.length, result[0].length]).toEqual([actual.length, actual[0].length]);
      }),
      settings,
    );
  });

  it("VARIANCE of numbers is actual − target, labelled by its sign, material only when non-zero without thresholds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 40 }),
        (pairs) => {
          const actual = pairs.map(([a]) => [a]);
          const target = pairs.map(([, t]) => [t]);
          const v = variance(actual, target).map(([x]) => x);
          const labels = variance(actual, target, "lower", undefined, "label").map(([x]) => x);
          const material = variance(actual, target, undefined, undefined, "material").map(([x]) => x);
          pairs.forEach(([a, t], i) => {
            expect(v[i]).toBe(a - t);
            expect(labels[i]).toBe(a - t > 0 ? "Unfavourable" : a - t < 0 ? "Favourable" : "On target");
            expect(material[i]).toBe(a - t !== 0);
          });
        },
      ),
      settings,
    );
  });

  it("OUTLOOK returns Excel values in the contract's shape, or one error that names an argument", () => {
    fc.assert(
      fc.property(
        fc.oneof(horizon, range),
        fc.oneof(range, cell, horizon),
        varianceOption,
        varianceOption,
        varianceOption,
        varianceOption,
        varianceOption,
        (actual, target, direction, method, rollup, level, output) => {
          const result = outlook(actual as never, target as never, direction, method, rollup, level, output);
          if (answeredWithOneError(result, /actual|target|direction|method|rollup|level|output|OUTLOOK/)) return;
          if (result[0][0] === "landing") expect([result.length, result[0].length]).toEqual([2, 5]);
          else if (nonEmpty(actual) && (actual.length > 1 || actual[0].length > 1))
            expect([result.length, result[0].length]).toEqual([actual.length, actual[0].length]);
        },
      ),
      settings,
    );
  });

  it("OUTLOOK's interval holds its landing, and its probability lies in [0, 1]", () => {
    fc.assert(
      fc.property(
        horizon,
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.constantFrom("higher", "lower"),
        fc.constantFrom("trend", "average"),
        fc.constantFrom("sum", "average", "last"),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (actual, target, direction, method, rollup, level) => {
          const result = outlook(actual as never, [[target]], direction, method, rollup, level, "table");
          if (singleError(result)) return expect(singleError(result)!.code).toBe("#N/A");
          const [landing, lower, upper, goal, probability] = result[1] as number[];
          expect(lower).toBeLessThanOrEqual(landing);
          expect(upper).toBeGreaterThanOrEqual(landing);
          expect(goal).toBe(target);
          expect(probability).toBeGreaterThanOrEqual(0);
          expect(probability).toBeLessThanOrEqual(1);
        },
      ),
      settings,
    );
  });
});
