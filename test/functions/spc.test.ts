/**
 * KPI.SPC against values computed independently from the contract (test/reference/
 * generate_spc_forecast.py: the rules written again in Python, SciPy's binomial quantile), and
 * hand-worked cases for each rule and error.
 */
import references from "../fixtures/spc_forecast_reference.json";
import { spc } from "../support/functions";
import { codeOf, column, expectRelative, excelError, messageOf, OMITTED, row } from "../support/excel";
import { binomialHalfQuantile, runsAnalysis } from "../../src/core/stats/runs";

type Case = (typeof references.spc)[number];
const REL = 1e-9;

function detailMap(result: unknown[][]): Record<string, unknown> {
  expect(result[0]).toEqual(["measure", "value"]);
  return Object.fromEntries(result.slice(1).map(([k, v]) => [k, v]));
}

describe("KPI.SPC against the independent reference", () => {
  it.each(references.spc.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
    const values = column(c.values);
    const target = c.target ?? OMITTED;
    const baseline = c.baseline ?? OMITTED;
    const e = c.expected;
    const detail = detailMap(spc(values, target, c.direction, baseline, "detail"));
    expectRelative(detail.centre, e.centre, REL, "centre");
    expectRelative(detail.average_moving_range, e.mr, REL, "mR");
    expectRelative(detail.lower_limit, e.lower, REL, "lower");
    expectRelative(detail.upper_limit, e.upper, REL, "upper");
    expect(detail.rules).toBe(e.rules);
    expect(detail.variation).toBe(e.variation);
    expectRelative(detail.median, e.median, REL, "median");
    if (e.runs) {
      expect([detail.useful_points, detail.longest_run, detail.longest_run_limit, detail.crossings, detail.crossings_limit, detail.runs]).toEqual([
        e.runs.useful,
        e.runs.longest,
        e.runs.longest_limit,
        e.runs.crossings,
        e.runs.crossings_limit,
        e.runs.label,
      ]);
    } else {
      expect(codeOf(detail.useful_points)).toBe("#N/A");
      expect(codeOf(detail.runs)).toBe("#N/A");
    }
    if (c.target === null) expect(detail.assurance).toBe("");
    else if (e.assurance === null) expect(codeOf(detail.assurance)).toBe("#N/A");
    else expect(detail.assurance).toBe(e.assurance);
    expect(spc(values, target, c.direction, baseline)).toEqual([[e.variation]]);
    expect(spc(values, target, c.direction, baseline, "points")).toEqual(e.types.map((t) => [t]));
  });

  it("the runs limits for 10 … 100 useful points are Anhøj's table (SciPy's binom.ppf)", () => {
    for (const r of references.runs_limits) {
      expect({ u: r.useful, run: Math.round(Math.log2(r.useful) + 3), crossings: binomialHalfQuantile(0.05, r.useful - 1) }).toEqual({
        u: r.useful,
        run: r.longest_run_limit,
        crossings: r.crossings_limit,
      });
    }
  });

  it("the crossings limit stays right for a million points (the normal approximation as a check)", () => {
    const trials = 1_000_000;
    // Binomial(n, 1/2) 5% quantile ≈ n/2 − 1.6449·√n/2 (continuity correction −0.5); exact within 1.
    const approx = trials / 2 - 1.6448536269514722 * Math.sqrt(trials) / 2 - 0.5;
    expect(Math.abs(binomialHalfQuantile(0.05, trials) - approx)).toBeLessThanOrEqual(1);
  });
});

describe("KPI.SPC worked by hand", () => {
  // centre 10, mR 1 (alternating 9, 11 → |diff| 2 ... ) built so each rule fires alone.
  const flat = [10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9];

  it("outside: a point above the upper limit is a special cause; higher is better makes it an improvement", () => {
    const values = column([...flat, 20]);
    const d = detailMap(spc(values, OMITTED, "higher", 12, "detail"));
    expect([d.centre, d.average_moving_range, d.upper_limit]).toEqual([10, 1, 12.66]);
    expect(d.rules).toBe("outside");
    expect(spc(values, OMITTED, "higher", 12)).toEqual([["Special cause improvement"]]);
    expect(spc(values, OMITTED, "LOWER", 12)).toEqual([["Special cause concern"]]);
    expect(spc(values, OMITTED, "neutral", 12)).toEqual([["Special cause high"]]);
  });

  it("shift: the 7th point in a row above the centre flags all seven; six do not", () => {
    const six = column([...flat, 11, 11, 11, 11, 11, 11]);
    expect(spc(six, OMITTED, "higher", 12)).toEqual([["Common cause"]]);
    const seven = column([...flat, 11, 11, 11, 11, 11, 11, 11]);
    const points = spc(seven, OMITTED, "higher", 12, "points").map(([p]) => p);
    expect(points.slice(12)).toEqual(Array(7).fill("Improvement"));
    expect(detailMap(spc(seven, OMITTED, "higher", 12, "detail")).rules).toBe("shift");
  });

  it("a point on the centre breaks a shift", () => {
    expect(spc(column([...flat, 11, 11, 11, 10, 11, 11, 11]), OMITTED, "higher", 12)).toEqual([["Common cause"]]);
  });

  it("trend: six falls in a row (seven points) flag every point; a point on the centre takes the trend's direction", () => {
    const values = column([...flat, 11.5, 11, 10.5, 10, 9.5, 9, 8.5]);
    const points = spc(values, OMITTED, "higher", 12, "points").map(([p]) => p);
    // Above the centre a flagged point is high (an improvement here), below it low; 10 sits on the centre.
    expect(points.slice(12)).toEqual(["Improvement", "Improvement", "Improvement", "Concern", "Concern", "Concern", "Concern"]);
    expect(detailMap(spc(values, OMITTED, "higher", 12, "detail")).rules).toBe("trend");
  });

  it("two of three beyond the near-limit line (centre + 2/3 · 2.66 · mR), all three above the centre", () => {
    const near = 10 + (2 / 3) * 2.66;
    const values = column([...flat, near + 0.01, 10.2, near + 0.01]);
    expect(detailMap(spc(values, OMITTED, "higher", 12, "detail")).rules).toBe("two of three");
    expect(spc(column([...flat, near + 0.01, 9.9, near + 0.01]), OMITTED, "higher", 12)).toEqual([["Common cause"]]);
  });

  it("assurance: a target below the lower limit is consistently passed when higher is better, failed when lower is", () => {
    const values = column(flat);
    expect(spc(values, 5, "higher", OMITTED, "assurance")).toEqual([["Consistently passes"]]);
    expect(spc(values, 5, "lower", OMITTED, "assurance")).toEqual([["Consistently fails"]]);
    expect(spc(values, 10, "lower", OMITTED, "assurance")).toEqual([["Hit and miss"]]);
    expect(messageOf(spc(values, OMITTED, "higher", OMITTED, "assurance")[0][0])).toMatch(/needs a target/);
    expect(codeOf(spc(values, 5, "neutral", OMITTED, "assurance")[0][0])).toBe("#N/A");
  });

  it("runs: needs 10 points off the median; a long run is non-random", () => {
    expect(messageOf(spc(column([1, 2, 3, 4, 5, 6, 7, 8, 9]), OMITTED, OMITTED, OMITTED, "runs")[0][0])).toMatch(/at least 10 points off the median/);
    const analysis = runsAnalysis([1, 1, 1, 1, 1, 1, 1, 1, 9, 9, 9, 9], 5);
    expect(analysis).toMatchObject({ useful: 12, longestRun: 8, longestRunLimit: 7, crossings: 1, crossingsLimit: 3, nonRandom: true });
  });

  it("skips blank and #N/A cells, and points keeps the shape with \"\" there", () => {
    const values = row([10, null, 11, excelError("#N/A"), 10, 9, ""]);
    expect(spc(values, OMITTED, OMITTED, OMITTED, "points")).toEqual([["Common cause", "", "Common cause", "", "Common cause", "Common cause", ""]]);
  });

  it.each([
    [[[10], ["abc"], [11], [12]], OMITTED, "values"],
    [[[10], [11], [12]], "lots", "target"],
    [[[10], [11], [12]], 5, "direction"],
    [[[10], [11], [12], [13]], OMITTED, "baseline"],
  ])("refuses bad input with #VALUE! naming it (%#)", (values, target, what) => {
    const direction = what === "direction" ? "sideways" : OMITTED;
    const baseline = what === "baseline" ? 2.5 : OMITTED;
    const result = spc(values, target, direction, baseline);
    expect(codeOf(result[0][0])).toBe("#VALUE!");
    expect(messageOf(result[0][0])).toContain(what);
  });

  it("needs 3 numbers (#N/A); another error value in the series is named (Excel lets a function return #REF! only as #VALUE!)", () => {
    expect(codeOf(spc(column([1, 2]))[0][0])).toBe("#N/A");
    expect(codeOf(spc(column([1, 2, excelError("#DIV/0!"), 4]))[0][0])).toBe("#DIV/0!");
    const ref = spc(column([1, 2, excelError("#REF!"), 4]))[0][0];
    expect([codeOf(ref), messageOf(ref)]).toEqual(["#VALUE!", "values: value 3 holds #REF!"]);
  });
});
