/**
 * KPI.SPC's rate charts (p, u, p′, u′) and the "limits" output of every chart, against values
 * computed independently from the contract (test/reference/generate_rates_funnel.py), against
 * Montgomery's published p and u chart examples, and case by case for every error and decided case.
 */
import references from "../fixtures/rates_funnel_reference.json";
import { spc } from "../support/functions";
import { codeOf, column, excelError, expectRelative, messageOf, OMITTED, row } from "../support/excel";

type Case = (typeof references.spc_rates)[number];
const REL = 1e-9;

function detailMap(result: unknown[][]): Record<string, unknown> {
  expect(result[0]).toEqual(["measure", "value"]);
  return Object.fromEntries(result.slice(1).map(([k, v]) => [k, v]));
}

const orNull = <T>(v: T | null | undefined) => (v === null || v === undefined ? OMITTED : v);

function call(c: Case, output: string): unknown[][] {
  const dens = c.denominators === null ? OMITTED : (column(c.denominators) as never);
  return spc(column(c.values) as never, orNull(c.target), c.direction, orNull(c.baseline), output, c.chart, dens);
}

describe("KPI.SPC rate charts against the independent reference", () => {
  it.each(references.spc_rates.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
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
      expect([d.useful_points, d.longest_run, d.longest_run_limit, d.crossings, d.crossings_limit, d.runs]).toEqual([r.useful, r.longest, r.longest_limit, r.crossings, r.crossings_limit, r.label]);
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
