/**
 * The fast lag sweeps (prefix sums for Pearson, rank updates for Spearman, stamped walks with
 * gaps) against a brute force computed another way: pairs gathered per lag, naive O(n²) average
 * ranks, simple-statistics' sampleCorrelation.
 */
import fc from "fast-check";
import { leadLag } from "../../../src/core/analysis/leadLag";
import { bruteForce } from "../../support/bruteForce";

const value = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 4, arbitrary: fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 1e6) / 1e6) },
  { weight: 1, arbitrary: fc.constant(NaN) },
);

describe.each(["pearson", "spearman"] as const)("%s by lag", (method) => {
  it("equals the brute force at every lag, with ties and gaps", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 4, maxLength: 60 }),
        fc.array(value, { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 0, max: 8 }),
        (x, yAll, maxLag) => {
          const y = yAll.slice(0, x.length);
          const rows = leadLag(Float64Array.from(x), Float64Array.from(y), { maxLag, method, difference: false });
          rows.forEach((row) => {
            const expected = bruteForce(x, y, row.lag, method);
            expect(row.n).toBe(expected.n);
            if (expected.r === null) expect(typeof row.r).not.toBe("number");
            else expect(Math.abs((row.r as number) - expected.r)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected.r)));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
