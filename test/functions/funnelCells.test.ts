/**
 * KPI.FUNNEL against values computed independently from the contract (test/reference/
 * generate_rates_funnel.py), and case by case for the limits, flags, Spiegelhalter's winsorised
 * overdispersion, every output, error and decided case.
 */
import references from "../fixtures/rates_funnel_reference.json";
import { funnel } from "../support/functions";
import { codeOf, column, excelError, expectRelative, messageOf, OMITTED, row } from "../support/excel";

type Case = (typeof references.funnel)[number];
const REL = 1e-9;
const orNull = <T>(v: T | null | undefined) => (v === null || v === undefined ? OMITTED : v);

function detailMap(result: unknown[][]): Record<string, unknown> {
  expect(result[0]).toEqual(["measure", "value"]);
  return Object.fromEntries(result.slice(1).map(([k, v]) => [k, v]));
}

describe("KPI.FUNNEL against the independent reference", () => {
  it.each(references.funnel.map((c) => [c.name, c] as [string, Case]))("%s", (_, c) => {
    const shape = c.orientation === "row" ? row : column;
    const call = (output: string) => funnel(shape(c.numerators) as never, column(c.denominators) as never, orNull(c.target), c.chart, c.overdispersion, output);
    const e = c.expected;
    const table = call("table");
    expect(table[0]).toEqual(["rate", "z", "lower95", "upper95", "lower998", "upper998", "flag"]);
    expect(table).toHaveLength(c.numerators.length + 1);
    e.table.forEach((want, i) => {
      const got = table[i + 1];
      if (want === null) return expect(got).toEqual(["", "", "", "", "", "", ""]);
      for (let j = 0; j < 6; j++) expectRelative(got[j], want[j] as number, REL, `table row ${i + 1} column ${j + 1}`);
      expect(got[6]).toBe(want[6]);
    });
    const flags = e.table.map((t) => (t === null ? "" : t[6]));
    const z = call("z");
    expect(call("flag")).toEqual(c.orientation === "row" ? [flags] : flags.map((f) => [f]));
    expect(c.orientation === "row" ? z[0].length : z.length).toBe(c.numerators.length);
    const curve = call("curve");
    expect(curve[0]).toEqual(["n", "lower95", "upper95", "lower998", "upper998"]);
    expect(curve).toHaveLength(e.curve.length + 1);
    e.curve.forEach((want, i) => want.forEach((w, j) => expectRelative(curve[i + 1][j], w, REL, `curve row ${i + 1} column ${j + 1}`)));
    const d = detailMap(call("detail"));
    expectRelative(d.target, e.detail.target, REL, "target");
    expectRelative(d.phi, e.detail.phi, REL, "phi");
    expect([d.segments, d.above_998, d.above_95, d.below_95, d.below_998]).toEqual([
      e.detail.segments,
      e.detail.above_998,
      e.detail.above_95,
      e.detail.below_95,
      e.detail.below_998,
    ]);
  });
});

describe("KPI.FUNNEL worked by hand", () => {
  it("limits are p0 ± 1.959963985·σ and ± 3.090232306·σ with σ = √(p0(1 − p0)/n); strict inequalities flag", () => {
    // p0 = 0.1, n = 100: σ = 0.03; the upper 95% limit is 0.1587989…, the 99.8% limit 0.1927069….
    const table = funnel(column([15, 16, 20, 10]), column([100, 100, 100, 100]), 0.1, OMITTED, OMITTED, "table");
    expect(table[1].slice(2, 6)).toEqual(
      [0.1 - 1.959963985 * 0.03, 0.1 + 1.959963985 * 0.03, 0.1 - 3.090232306 * 0.03, 0.1 + 3.090232306 * 0.03].map((v) => expect.closeTo(v, 15)),
    );
    expect(table.slice(1).map((r) => r[6])).toEqual(["Within", "Above 95%", "Above 99.8%", "Within"]);
    expectRelative(table[3][1], (0.2 - 0.1) / 0.03, 1e-12, "z");
  });

  it("a rate chart uses σ = √(p0/n), without an upper clip", () => {
    // p0 = 2, n = 10: σ = √0.2; 40/10 = 4 is above 2 + 3.09·σ = 3.38, 30/10 = 3 only above the 95% line.
    const table = funnel(row([40, 30, 1]), row([10, 10, 10]), 2, "RATE", OMITTED, "table");
    const sigma = Math.sqrt(2 / 10);
    expectRelative(table[1][3], 2 + 1.959963985 * sigma, 1e-12, "upper95");
    expect(table.slice(1).map((r) => r[6])).toEqual(["Above 99.8%", "Above 95%", "Below 99.8%"]);
    expect(table[3][4]).toBe(2 - 3.090232306 * sigma);
    // A rate of 0.8 per unit in segments of 1: the upper lines pass 1 (a proportion's would stop there).
    const wide = funnel(column([1, 0]), column([1, 1]), 0.8, "rate", OMITTED, "table");
    expectRelative(wide[1][5], 0.8 + 3.090232306 * Math.sqrt(0.8), 1e-12, "upper998 above 1");
    expect(funnel(column([1, 0]), column([1, 1]), 0.8, "proportion", OMITTED, "table")[1][5]).toBe(1);
  });

  it("overdispersion: φ from z winsorised at the 10% tails; σ·√φ when φ > 1; φ shown even when <= 1", () => {
    // Ten segments of 100 at p0 = 0.5 (σ = 0.05): g = 1, so the smallest and largest z are pulled in.
    const nums = [30, 40, 45, 48, 50, 50, 52, 55, 60, 90];
    const z = nums.map((x) => (x / 100 - 0.5) / 0.05).sort((a, b) => a - b);
    const w = z.map((v) => Math.min(Math.max(v, z[1]), z[8]));
    const phi = w.reduce((s, v) => s + v * v, 0) / 10;
    const args = [column(nums), column(nums.map(() => 100)), 0.5, OMITTED] as const;
    expectRelative(detailMap(funnel(...args, true, "detail")).phi, phi, 1e-12, "phi");
    expectRelative(funnel(...args, true, "z")[9][0], 8 / Math.sqrt(phi), 1e-12, "z after √φ");
    expect(detailMap(funnel(...args, false, "detail")).phi).toBe(1);
    expect(funnel(...args, 0, "z")[9][0]).toBe(8);
    const tight = [50, 50, 51, 49, 50, 50, 50, 50, 50, 50];
    const calm = detailMap(funnel(column(tight), column(tight.map(() => 100)), 0.5, OMITTED, 1, "detail"));
    expect(calm.phi as number).toBeLessThan(1);
    expect(funnel(column(tight), column(tight.map(() => 100)), 0.5, OMITTED, TRUE, "z")).toEqual(
      funnel(column(tight), column(tight.map(() => 100)), 0.5, OMITTED, FALSE, "z"),
    );
  });

  it('the default target is the pooled rate of the segments used; skipped segments are blank, #N/A, "" or a denominator of 0', () => {
    const nums = column([10, null, 30, excelError("#N/A"), 5, 7, ""]);
    const dens = column([100, 100, 200, 100, 0, 50, 10]);
    const d = detailMap(funnel(nums, dens, OMITTED, OMITTED, OMITTED, "detail"));
    expect(d.target).toBeCloseTo(47 / 350, 15);
    expect(d.segments).toBe(3);
    expect(funnel(nums, dens).map((r) => r[0] === "")).toEqual([false, true, false, true, true, false, true]);
  });

  it("the two ranges may differ in orientation; results take the shape of numerators", () => {
    const byRow = funnel(row([10, 20, 30]), column([100, 100, 100]), OMITTED, OMITTED, OMITTED, "z");
    expect(byRow).toHaveLength(1);
    expect(byRow[0]).toHaveLength(3);
    expect(funnel(column([10, 20, 30]), row([100, 100, 100]), OMITTED, OMITTED, OMITTED, "z").map((r) => r[0])).toEqual(byRow[0]);
  });

  it("the curve runs from the smallest to the largest segment in 50 geometric steps", () => {
    const curve = funnel(column([5, 50]), column([10, 1000]), 0.1, OMITTED, OMITTED, "curve");
    expect(curve).toHaveLength(51);
    expectRelative(curve[1][0], 10, 1e-15, "n_min");
    expectRelative(curve[50][0], 1000, 1e-12, "n_max");
    expectRelative(curve[25][0], 10 * 100 ** (24 / 49), 1e-12, "n_24");
  });
});

const TRUE = true;
const FALSE = false;

describe("KPI.FUNNEL: errors", () => {
  const n = column([10, 20, 30]);
  const d = column([100, 100, 100]);
  const err = (result: unknown[][]) => [codeOf(result[0][0]), messageOf(result[0][0])];

  it.each([
    [
      "numerators not one row or column",
      () =>
        funnel(
          [
            [1, 2],
            [3, 4],
          ],
          d,
        ),
      /numerators must be one row or one column/,
    ],
    ["lengths that differ", () => funnel(n, column([100, 100])), /same length/],
    ["a negative numerator", () => funnel(column([10, -2, 30]), d), /numerators: value 2 .*negative/],
    ["a negative denominator", () => funnel(n, column([100, -1, 100])), /denominators: value 2 .*negative/],
    ["a proportion's numerator above its denominator", () => funnel(column([10, 200, 30]), d), /numerators: value 2 .*above its denominator/],
    ["a target above 1 for proportions", () => funnel(n, d, 1.5), /target must be a proportion/],
    ["a negative target for rates", () => funnel(n, d, -0.1, "rate"), /target must be a rate/],
    ["a text target", () => funnel(n, d, "high"), /target must be a number/],
    ["an unknown chart", () => funnel(n, d, OMITTED, "poisson"), /chart must be/],
    ["an unknown output", () => funnel(n, d, OMITTED, OMITTED, OMITTED, "plot"), /output must be/],
    ["overdispersion 2", () => funnel(n, d, OMITTED, OMITTED, 2), /overdispersion must be TRUE or FALSE/],
    ["overdispersion as text", () => funnel(n, d, OMITTED, OMITTED, "yes"), /overdispersion must be TRUE or FALSE/],
    ["text in a numerator", () => funnel(column([10, "x", 30]), d), /numerators: value 2/],
    ["TRUE in a denominator", () => funnel(n, column([100, true, 100])), /denominators: value 2/],
  ])("%s → #VALUE!", (_, run, message) => {
    const [code, text] = err(run());
    expect(code).toBe("#VALUE!");
    expect(text).toMatch(message);
  });

  it("a rate's numerator may exceed its denominator", () => {
    expect(funnel(column([10, 200, 30]), d, OMITTED, "rate")[1][0]).toBe("Above 99.8%");
  });

  it("fewer than 2 segments used → #N/A", () => {
    const [code, text] = err(funnel(column([10, null, 30]), column([100, 100, 0])));
    expect(code).toBe("#N/A");
    expect(text).toMatch(/at least 2 segments/);
  });

  it.each([
    ["p0 = 0 from the data", () => funnel(column([0, 0, 0]), d)],
    ["p0 = 0 given", () => funnel(n, d, 0, "rate")],
    ["p0 = 1 for proportions", () => funnel(n, d, 1)],
    ["pooled p0 = 1 for proportions", () => funnel(d, d)],
  ])("%s → #DIV/0!", (_, run) => {
    expect(codeOf(run()[0][0])).toBe("#DIV/0!");
  });

  it("a target of 1 is an ordinary rate", () => {
    expect(funnel(n, d, 1, "rate")).toEqual([["Below 99.8%"], ["Below 99.8%"], ["Below 99.8%"]]);
  });

  it("another error value in a range is that error", () => {
    expect(codeOf(funnel(column([10, excelError("#DIV/0!"), 30]), d)[0][0])).toBe("#DIV/0!");
  });
});
