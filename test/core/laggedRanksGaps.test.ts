import { spearmanByLagGapsSteps } from "../../src/core/stats/laggedRanksGaps";
import { runToEnd } from "../../src/core/steps";
import { Problem } from "../../src/core/problem";

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The definition: keep the lag's complete pairs, rank each side (ties averaged), correlate. */
function bruteSpearman(x: number[], y: number[], lag: number): { r: number; n: number } | null {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i + lag < y.length; i++) {
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i + lag])) {
      a.push(x[i]);
      b.push(y[i + lag]);
    }
  }
  const ranks = (v: number[]) => v.map((u) => v.filter((w) => w < u).length + (v.filter((w) => w === u).length + 1) / 2);
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (v: number[]) => v.reduce((s, u) => s + u, 0) / v.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) ** 2;
    sbb += (rb[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : { r: sab / Math.sqrt(saa * sbb), n: a.length };
}

describe("Spearman by lag with gaps", () => {
  it.each([
    [1, 300, 0.05, 40],
    [2, 500, 0.2, 60],
    [3, 120, 0.4, 100],
  ])("matches the definition at every lag (seed %i: n = %i, %f gaps, ties, max lag %i)", (seed, n, gapShare, maxLag) => {
    const next = lcg(seed);
    // Few distinct values, so ties are everywhere; y follows x 3 periods later.
    const x = Array.from({ length: n }, () => Math.floor(next() * 12));
    const y = x.map((_, i) => (i >= 3 ? x[i - 3] : 5) + Math.floor(next() * 4));
    for (let i = 0; i < n; i++) {
      if (next() < gapShare) x[i] = NaN;
      if (next() < gapShare) y[i] = NaN;
    }
    const rows = runToEnd(spearmanByLagGapsSteps(Float64Array.from(x), Float64Array.from(y), maxLag));
    for (const row of rows) {
      const expected = bruteSpearman(x, y, row.lag);
      if (expected === null || expected.n < 3) {
        expect(row.result).toBeInstanceOf(Problem);
        continue;
      }
      const got = row.result as { r: number; n: number };
      expect(got.n).toBe(expected.n);
      expect(Math.abs(got.r - expected.r)).toBeLessThanOrEqual(1e-12);
    }
  });

  it("says a side is constant when its kept values are all equal, though other periods differ", () => {
    // At lag 1 the only x values kept are the 7s (their partners are numbers).
    const x = Float64Array.from([7, 7, 7, 1, 9, 7]);
    const y = Float64Array.from([0, 1, 2, 3, NaN, NaN]);
    const [, lag1] = runToEnd(spearmanByLagGapsSteps(x, y, 1));
    expect(lag1.n).toBe(3);
    expect((lag1.result as Problem).kind).toBe("div0");
  });
});
