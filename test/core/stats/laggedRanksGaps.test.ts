import { spearmanByLagGapsSteps } from "../../../src/core/stats/laggedRanksGaps";
import { describeEachRankPass } from "../../support/rankPasses";
import { runToEnd } from "../../../src/core/analysis/steps";
import { Problem } from "../../../src/core/analysis/problem";
import { bruteForce, lagPairs, lcg } from "../../support/bruteForce";
import { sampleCorrelation } from "simple-statistics";

/** Average ranks the plain way: sort the indices by value, then give each run of equal values the mean of its ranks. */
function sortedRanks(v: number[]): number[] {
  const order = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const ranks = new Array<number>(v.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && v[order[end]] === v[order[start]]) end++;
    for (let q = start; q < end; q++) ranks[order[q]] = (start + 1 + end) / 2;
    start = end;
  }
  return ranks;
}

describeEachRankPass("Spearman by lag with gaps, by the %s pass", () => {
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
      const expected = bruteForce(x, y, row.lag, "spearman");
      if (expected.r === null) {
        expect(row.result).toBeInstanceOf(Problem);
        continue;
      }
      const got = row.result as { r: number; n: number };
      expect(got.n).toBe(expected.n);
      expect(Math.abs(got.r - expected.r)).toBeLessThanOrEqual(1e-12);
    }
  });

  it("matches sorted ranks when more than 65,535 values are left out at a lag (the wide table), with ties on both sides", () => {
    const next = lcg(7);
    const n = 140_000;
    const x = Array.from({ length: n }, () => Math.floor(next() * 1000));
    // More than half of y is missing, so x loses over 70,000 partners at every lag.
    const y = x.map((_, i) => (next() < 0.55 ? NaN : (i >= 2 ? x[i - 2] : 0) + Math.floor(next() * 50)));
    for (let i = 0; i < n; i += 97) x[i] = NaN;
    const rows = runToEnd(spearmanByLagGapsSteps(Float64Array.from(x), Float64Array.from(y), 3));
    for (const row of rows) {
      const { a, b } = lagPairs(x, y, row.lag);
      const got = row.result as { r: number; n: number };
      expect(got.n).toBe(a.length);
      expect(a.length).toBeLessThan(n - 70_000);
      expect(Math.abs(got.r - sampleCorrelation(sortedRanks(a), sortedRanks(b)))).toBeLessThanOrEqual(1e-10);
    }
  });

  it("matches sorted ranks when few values are tied (ranks as if untied, the tied pairs corrected), ties on both sides at once", () => {
    const next = lcg(13);
    const n = 4000;
    const x = Array.from({ length: n }, () => next());
    const y = x.map((_, i) => (i >= 2 ? x[i - 2] : 0.5) + 0.3 * next());
    // A few tied values, some groups of three, and y's ties placed where x's are two periods earlier (tied on both sides at lag 2).
    for (const i of [5, 90, 91, 700, 1500, 2222, 3999]) x[i] = x[i - 1];
    x[1200] = x[1201] = x[1199];
    for (const i of [7, 92, 1502, 3000]) y[i] = y[i - 1];
    for (let i = 0; i < n; i++) {
      if (i % 37 === 11) x[i] = NaN;
      if (i % 41 === 3) y[i] = NaN;
    }
    const rows = runToEnd(spearmanByLagGapsSteps(Float64Array.from(x), Float64Array.from(y), 12));
    for (const row of rows) {
      const { a, b } = lagPairs(x, y, row.lag);
      const got = row.result as { r: number; n: number };
      expect(got.n).toBe(a.length);
      expect(Math.abs(got.r - sampleCorrelation(sortedRanks(a), sortedRanks(b)))).toBeLessThanOrEqual(1e-12);
    }
  });

  it("gives 1 − r² from the exact sums near |r| = 1", () => {
    // y is x with one pair swapped: r just below 1, where 1 − r² by subtraction would keep few digits.
    const n = 2000;
    const x = Array.from({ length: n }, (_, i) => (i % 50 === 7 ? NaN : i));
    const y = x.map((v, i) => (i === 100 ? 101 : i === 101 ? 100 : v));
    const [row] = runToEnd(spearmanByLagGapsSteps(Float64Array.from(x), Float64Array.from(y), 0));
    const got = row.result as { r: number; oneMinusR2: number; n: number };
    // By the definition: Σd² = 2 (one swap of neighbours), r = 1 − 6Σd²/(m(m² − 1)), and 1 − r² from that exactly.
    const m = got.n;
    const oneMinusR = 12 / (m * (m * m - 1));
    expect(got.r).toBeCloseTo(1 - oneMinusR, 15);
    expect(Math.abs(got.oneMinusR2 - oneMinusR * (2 - oneMinusR)) / (oneMinusR * 2)).toBeLessThan(1e-12);
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
