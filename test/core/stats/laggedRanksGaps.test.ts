import { spearmanByLagGapsSteps } from "../../../src/core/stats/laggedRanksGaps";
import { runToEnd } from "../../../src/core/analysis/steps";
import { Problem } from "../../../src/core/analysis/problem";
import { bruteForce, lcg } from "../../support/bruteForce";

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

  it("says a side is constant when its kept values are all equal, though other periods differ", () => {
    // At lag 1 the only x values kept are the 7s (their partners are numbers).
    const x = Float64Array.from([7, 7, 7, 1, 9, 7]);
    const y = Float64Array.from([0, 1, 2, 3, NaN, NaN]);
    const [, lag1] = runToEnd(spearmanByLagGapsSteps(x, y, 1));
    expect(lag1.n).toBe(3);
    expect((lag1.result as Problem).kind).toBe("div0");
  });
});
