/** The correlogram's note when a bar crosses its 5% line and the verdict still says no evidence. */
import { analyseChain } from "../../../src/core/model/chain";
import { boundSentence, lagsBeyondBound } from "../../../src/core/review/correlogram";
import { unrelatedSeries } from "../../support/chainSeries";

describe("a lag beyond its 5% bound", () => {
  const { A, B } = unrelatedSeries();
  const chain = analyseChain({ name: "A", values: A.values }, { name: "B", values: B.values, cadence: "monthly" }, true);

  it("is a lag whose own p is below 5% (the bound is where p = 5%)", () => {
    const crossing = lagsBeyondBound(chain).map((c) => c.lag);
    const byP = chain.rows.filter((r) => typeof r.p === "number" && r.p < 0.05).map((r) => r.lag);
    expect(crossing).toEqual(byP);
    expect(crossing).toEqual([5]);
  });

  it("is explained when the Bonferroni verdict says no evidence", () => {
    expect(chain.supported).toBe(false);
    expect(boundSentence(chain)).toBe(
      "Lag 5 crosses the dashed 5% line (r = -0.55, p = 0.01 for that lag alone), but 13 lags were tested: about 0.65 of them would cross it by chance alone, so the verdict uses the best lag's p after Bonferroni's correction for 13 lags (p = 0.19).",
    );
  });

  it("is explained in the user's locale (de-DE, fr-FR: decimal commas, a no-break space before %)", () => {
    const de =
      "Lag 5 crosses the dashed 5\u00a0% line (r = -0,55, p = 0,01 for that lag alone), but 13 lags were tested: about 0,65 of them would cross it by chance alone, so the verdict uses the best lag's p after Bonferroni's correction for 13 lags (p = 0,19).";
    expect(boundSentence(chain, "de-DE")).toBe(de);
    expect(boundSentence(chain, "fr-FR")).toBe(de);
  });

  it("says nothing when no bar crosses, or when the chain is supported", () => {
    const quiet = {
      rows: [{ lag: 0, r: 0.1, p: 0.6, n: 20 }],
      bounds: [0.44],
      best: { lag: 0, r: 0.1, pAdjusted: 0.6, n: 20, lagsTested: 1 },
      supported: false,
    };
    expect(boundSentence(quiet)).toBeNull();
    expect(
      boundSentence({ ...quiet, rows: [{ lag: 0, r: 0.6, p: 0.005, n: 20 }], best: { ...quiet.best, r: 0.6, pAdjusted: 0.005 }, supported: true }),
    ).toBeNull();
  });
});
