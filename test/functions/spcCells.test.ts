/**
 * KPI.SPC (src/functions/spcCells.ts) against values computed independently from the contract
 * (test/reference/generate_spc_forecast.py: the rules written again in Python, SciPy's binomial
 * quantile), and hand-worked cases for each rule and error. Then its rate charts (p, u, p′, u′)
 * and the "limits" output of every chart, against values computed independently from the
 * contract (test/reference/generate_rates_funnel.py), against Montgomery's published p and u
 * chart examples, and case by case for every error and decided case.
 */
import spcReferences from "../fixtures/spc_forecast_reference.json";
import rateReferences from "../fixtures/rates_funnel_reference.json";
import { spc } from "../support/functions";
import { codeOf, column, expectRelative, excelError, messageOf, OMITTED, row } from "../support/excel";
import { binomialHalfQuantile, runsAnalysis } from "../../src/core/stats/runs";

type Case = (typeof spcReferences.spc)[number];
type RateCase = (typeof rateReferences.spc_rates)[number];
const REL = 1e-9;

function detailMap(result: unknown[][]): Record<string, unknown> {
  expect(result[0]).toEqual(["measure", "value"]);
  return Object.fromEntries(result.slice(1).map(([k, v]) => [k, v]));
}

describe("KPI.SPC against the independent reference", () => {
  it.each(spcReferences.spc.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
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
    for (const r of spcReferences.runs_limits) {
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
    const approx = trials / 2 - (1.6448536269514722 * Math.sqrt(trials)) / 2 - 0.5;
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

  it('skips blank and #N/A cells, and points keeps the shape with "" there', () => {
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

// ------------------------------------------------------------------ rate charts
const orNull = <T>(v: T | null | undefined) => (v === null || v === undefined ? OMITTED : v);

function call(c: RateCase, output: string): unknown[][] {
  const dens = c.denominators === null ? OMITTED : (column(c.denominators) as never);
  return spc(column(c.values) as never, orNull(c.target), c.direction, orNull(c.baseline), output, c.chart, dens);
}

describe("KPI.SPC rate charts against the independent reference", () => {
  it.each(rateReferences.spc_rates.map((c) => [c.name, c] as [string, RateCase]))("%s", (_, c) => {
    const e = c.expected;
    const d = detailMap(call(c, "detail"));
    expectRelative(d.centre, e.centre, REL, "centre");
    if (e.mr === null) expect(d.average_moving_range).toBe("");
    else expectRelative(d.average_moving_range, e.mr, REL, "average_moving_range");
    expectRelative(d.lower_limit, e.lower, REL, "lower_limit");
    expectRelative(d.upper_limit, e.upper, REL, "upper_limit");
    expect([d.rules, d.variation]).toEqual([e.rules, e.variation]);
    expectRelative(d.median, e.median, REL, "median");
    if (c.target === null) expect(d.assurance).toBe("");
    else if (e.assurance === null) expect(codeOf(d.assurance)).toBe("#N/A");
    else expect(d.assurance).toBe(e.assurance);
    if (e.runs) {
      const r = e.runs;
      expect([d.useful_points, d.longest_run, d.longest_run_limit, d.crossings, d.crossings_limit, d.runs]).toEqual([
        r.useful,
        r.longest,
        r.longest_limit,
        r.crossings,
        r.crossings_limit,
        r.label,
      ]);
    } else expect(codeOf(d.runs)).toBe("#N/A");
    expect(call(c, "points")).toEqual(e.types.map((t) => [t]));
    expect(call(c, "variation")).toEqual([[e.variation]]);
    const limits = call(c, "limits");
    expect(limits[0]).toEqual(["value", "centre", "lower", "upper", "near_lower", "near_upper"]);
    expect(limits).toHaveLength(c.values.length + 1);
    e.limits.forEach((want, i) => {
      const got = limits[i + 1];
      if (want === null) expect(got).toEqual(["", "", "", "", "", ""]);
      else want.forEach((w, j) => expectRelative(got[j], w, REL, `limits row ${i + 1} column ${j + 1}`));
    });
  });
});

describe("KPI.SPC rate charts: published examples", () => {
  // Montgomery, Introduction to Statistical Quality Control (8th ed., Example 7.1, Table 7.4):
  // 30 samples of 50 orange-juice cans; p̄ = 347/1500 = 0.2313, UCL 0.4102, LCL 0.0524; samples 15
  // and 23 (p = 0.44 and 0.48) are above the upper limit.
  const cans = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];
  const fifty = column(cans.map(() => 50));

  it("Montgomery's fraction nonconforming chart: centre and limits to the book's four decimals, samples 15 and 23 outside", () => {
    const d = detailMap(spc(column(cans), OMITTED, "lower", OMITTED, "detail", "p", fifty));
    expect(Math.abs((d.centre as number) - 0.2313)).toBeLessThan(5e-5);
    expect(Math.abs((d.upper_limit as number) - 0.4102)).toBeLessThan(5e-5);
    expect(Math.abs((d.lower_limit as number) - 0.0524)).toBeLessThan(5e-5);
    const limits = spc(column(cans), OMITTED, "lower", OMITTED, "limits", "p", fifty).slice(1);
    const outside = limits.flatMap((r, i) => ((r[0] as number) > (r[3] as number) || (r[0] as number) < (r[2] as number) ? [i + 1] : []));
    expect(outside).toEqual([15, 23]);
  });

  // Montgomery (Example 7.5 of the 6th ed.): nonconformities in 20 samples of 5 personal computers,
  // ū = 193/100 = 1.93, UCL 3.79, LCL 0.07.
  it("Montgomery's u chart of nonconformities per computer", () => {
    const defects = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];
    const d = detailMap(spc(column(defects), OMITTED, "lower", OMITTED, "detail", "u", column(defects.map(() => 5))));
    expect(d.centre).toBeCloseTo(1.93, 12);
    expect(Math.abs((d.upper_limit as number) - 3.79)).toBeLessThan(5e-3);
    expect(Math.abs((d.lower_limit as number) - 0.07)).toBeLessThan(5e-3);
    expect(d.variation).toBe("Common cause");
  });
});

describe("KPI.SPC rate charts worked by hand", () => {
  it("p′ with σ_z = 1 has the p chart's limits; Laney's σ_z widens or narrows them", () => {
    // Equal denominators: z_j = (y_j − c)/σ, so σ_z = mean|Δy| / (1.128 σ).
    const values = [10, 14, 9, 12, 15, 8, 11, 13];
    const n = 100;
    const c = values.reduce((a, b) => a + b, 0) / (values.length * n);
    const sigma = Math.sqrt((c * (1 - c)) / n);
    const meanMr = values.slice(1).reduce((s, v, i) => s + Math.abs(v - values[i]) / n, 0) / (values.length - 1);
    const sigmaZ = meanMr / sigma / 1.128;
    const dens = column(values.map(() => n));
    const p = detailMap(spc(column(values), OMITTED, OMITTED, OMITTED, "detail", "p", dens));
    const prime = detailMap(spc(column(values), OMITTED, OMITTED, OMITTED, "detail", "P′", dens));
    expectRelative(p.upper_limit, c + 3 * sigma, 1e-12, "p upper");
    expectRelative(prime.upper_limit, c + 3 * sigma * sigmaZ, 1e-12, "p' upper");
    expectRelative(prime.average_moving_range, sigmaZ * 1.128, 1e-12, "mR of z");
    expect(p.average_moving_range).toBe("");
  });

  it("the prime sign and the apostrophe name the same chart, in any case", () => {
    const v = column([3, 5, 4, 6, 2]);
    const d = column([40, 50, 45, 60, 30]);
    const apostrophe = spc(v, OMITTED, OMITTED, OMITTED, "limits", "u'", d);
    expect(spc(v, OMITTED, OMITTED, OMITTED, "limits", "U′", d)).toEqual(apostrophe);
    expect(spc(v, OMITTED, OMITTED, OMITTED, "limits", " u' ", d)).toEqual(apostrophe);
  });

  it("skips a period with a blank, an #N/A, or a denominator of 0 whatever its value; points and limits keep the cells", () => {
    const values = row([3, null, 4, excelError("#N/A"), 5, 99, -4, 6]);
    const dens = row([50, 50, 50, 50, excelError("#N/A"), 0, 0, 50]);
    expect(spc(values, OMITTED, OMITTED, OMITTED, "points", "p", dens)).toEqual([["Common cause", "", "Common cause", "", "", "", "", "Common cause"]]);
    const limits = spc(values, OMITTED, OMITTED, OMITTED, "limits", "p", dens);
    expect(limits.map((r) => r[0])).toEqual(["value", 0.06, "", 0.08, "", "", "", "", 0.12]);
    expect(detailMap(spc(values, OMITTED, OMITTED, OMITTED, "detail", "p", dens)).centre).toBeCloseTo(13 / 150, 15);
  });

  it("assurance uses the latest point's limits", () => {
    // The latest period is large, so its limits are narrow: 0.3 is above them.
    const values = column([20, 25, 18, 22, 2000]);
    const dens = column([100, 100, 100, 100, 10000]);
    expect(spc(values, 0.3, "higher", OMITTED, "assurance", "p", dens)).toEqual([["Consistently fails"]]);
    expect(spc(values, 0.3, "lower", OMITTED, "assurance", "p", dens)).toEqual([["Consistently passes"]]);
    expect(spc(values, 0.2, "lower", OMITTED, "assurance", "p", dens)).toEqual([["Hit and miss"]]);
  });

  it("lower lines are clipped at 0 and, for proportions, upper ones at 1", () => {
    const low = spc(column([0, 1, 0, 1]), OMITTED, OMITTED, OMITTED, "limits", "p", column([10, 10, 10, 10]))[1];
    expect([low[2], low[4]]).toEqual([0, 0]);
    const high = spc(column([9, 10, 10, 9]), OMITTED, OMITTED, OMITTED, "limits", "p", column([10, 10, 10, 10]))[1];
    expect([high[3], high[5]]).toEqual([1, 1]);
    const u = spc(column([9, 10, 10, 9]), OMITTED, OMITTED, OMITTED, "limits", "u", column([10, 10, 10, 10]))[1];
    expect(u[3] as number).toBeGreaterThan(1);
  });

  it("every formula written before keeps its meaning: chart omitted is xmr; xmr gains the limits output", () => {
    const values = column([10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9, 20]);
    expect(spc(values, OMITTED, "higher", 12, OMITTED, OMITTED, OMITTED)).toEqual(spc(values, OMITTED, "higher", 12));
    expect(spc(values, OMITTED, "higher", 12, "variation", "XMR")).toEqual([["Special cause improvement"]]);
    const limits = spc(values, OMITTED, "higher", 12, "limits");
    expect(limits[13]).toEqual([20, 10, 10 - 2.66, 10 + 2.66, 10 - (2 / 3) * 2.66, 10 + (2 / 3) * 2.66]);
  });
});

describe("KPI.SPC rate charts: errors", () => {
  const v = column([3, 5, 4, 6]);
  const d = column([40, 50, 45, 60]);
  const err = (result: unknown[][]) => [codeOf(result[0][0]), messageOf(result[0][0])];

  it.each([
    ["denominators with xmr", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "xmr", d), /denominators/],
    ["denominators with the default chart", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, OMITTED, d), /denominators/],
    ["no denominators with p", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "p"), /denominators are required/],
    ["no denominators with u'", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "u'", [[null]]), /denominators are required/],
    ["denominators of another length", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "p", column([40, 50, 45])), /shape of values/],
    ["denominators in a row for a column", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "p", row([40, 50, 45, 60])), /shape of values/],
    ["a negative value", () => spc(column([3, -5, 4, 6]), OMITTED, OMITTED, OMITTED, OMITTED, "u", d), /values: value 2 .*negative/],
    ["a negative denominator", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "u", column([40, -50, 45, 60])), /denominators: value 2 .*negative/],
    ["a p value above its denominator", () => spc(column([3, 51, 4, 6]), OMITTED, OMITTED, OMITTED, OMITTED, "p'", d), /value 2 .*above its denominator/],
    ["an unknown chart", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "c", d), /chart must be/],
    ["text in a value", () => spc(column([3, "five", 4, 6]), OMITTED, OMITTED, OMITTED, OMITTED, "p", d), /values: value 2/],
    ["text in a denominator", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "p", column([40, "fifty", 45, 60])), /denominators: value 2/],
    ["TRUE in a denominator", () => spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "u", column([40, true, 45, 60])), /denominators: value 2/],
    ["a baseline beyond the periods used", () => spc(v, OMITTED, OMITTED, 5, OMITTED, "p", d), /baseline must be a whole number from 3 to 4/],
  ])("%s → #VALUE!", (_, run, message) => {
    const [code, text] = err(run());
    expect(code).toBe("#VALUE!");
    expect(text).toMatch(message);
  });

  it("a u value above its denominator is a rate above 1, not an error", () => {
    expect(spc(column([30, 51, 44, 60]), OMITTED, OMITTED, OMITTED, OMITTED, "u", d)).toEqual([["Common cause"]]);
  });

  it("fewer than 3 periods used → #N/A", () => {
    const [code, text] = err(spc(v, OMITTED, OMITTED, OMITTED, OMITTED, "p", column([40, 0, null, 60])));
    expect(code).toBe("#N/A");
    expect(text).toMatch(/at least 3 periods/);
  });

  it.each([
    ["a centre of 0 (no events)", column([0, 0, 0, 0]), "u"],
    ["a centre of 1 for p", column([40, 50, 45, 60]), "p"],
    ["a centre of 1 for p'", column([40, 50, 45, 60]), "p'"],
    ["σ_z = 0 (every z the same)", column([4, 4, 4, 4]), "u'"],
  ])("%s → #DIV/0!", (_, values, chart) => {
    const dens = chart === "u'" ? column([40, 40, 40, 40]) : d;
    expect(codeOf(spc(values, OMITTED, OMITTED, OMITTED, OMITTED, chart, dens)[0][0])).toBe("#DIV/0!");
  });

  it("a centre of 1 is fine for u (a rate of one event per unit)", () => {
    expect(spc(column([40, 50, 45, 60]), OMITTED, OMITTED, OMITTED, OMITTED, "u", d)).toEqual([["Common cause"]]);
  });

  it("an unknown output names the new one too", () => {
    expect(messageOf(spc(v, OMITTED, OMITTED, OMITTED, "chart", "p", d)[0][0])).toMatch(/"limits"/);
  });
});
