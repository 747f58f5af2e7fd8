import { analyseChain, chainSentence, criticalR, fdrClause, trends } from "../../../src/core/model/chain";
import { bestLag } from "../../support/bestLag";
import { twoSidedTPValue } from "../../../src/core/stats/distributions";

const noise = (i: number) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453) - 0.5;

describe("the lead-lag chain", () => {
  const driver = Array.from({ length: 40 }, (_, i) => 100 + 20 * Math.sin(i / 2) + 5 * noise(i));
  const leads = driver.slice(2);
  const revenue = driver.slice(0, 38).map((d, i) => 2 * d + 40 * noise(i + 100));

  it("finds the lag LEADLAG_CORR finds, with the same Bonferroni-adjusted p, and says it plainly", () => {
    const chain = analyseChain({ name: "Qualified leads", values: leads }, { name: "Revenue", values: revenue, cadence: "monthly" }, true);
    const [lag, r, p] = bestLag(leads, revenue, chain);
    expect(chain.best?.lag).toBe(lag);
    expect(chain.best?.r).toBeCloseTo(r as number, 12);
    expect(chain.best?.pAdjusted).toBeCloseTo(p as number, 12);
    expect(chain.supported).toBe(true);
    expect(chain.sentence).toMatch(/^Qualified leads moves Revenue 2 months later, r = 0\.\d\d, p < 0\.001/);
  });

  it("differences two trending series and finds no evidence where there is none", () => {
    const a = Array.from({ length: 36 }, (_, i) => 10 + i + 2 * noise(i));
    const b = Array.from({ length: 36 }, (_, i) => 50 + 2 * i + 3 * noise(i + 500));
    const chain = analyseChain({ name: "A", values: a }, { name: "B", values: b, cadence: "weekly" }, true);
    expect(chain.differenced).toBe(true);
    expect(chain.supported).toBe(false);
    expect(chain.sentence).toMatch(/^No evidence that A predicts B .*revalidate or replace it\.$/);
  });

  it("computes the significance bound so that a correlation on it has p = alpha", () => {
    const r = criticalR(20)!;
    const t = r * Math.sqrt(18 / (1 - r * r));
    expect(twoSidedTPValue(t, 18)).toBeCloseTo(0.05, 12);
    expect(criticalR(2)).toBeNull();
  });

  it("detects a trend", () => {
    expect(trends(Array.from({ length: 20 }, (_, i) => i + noise(i)))).toBe(true);
    expect(trends(Array.from({ length: 20 }, (_, i) => noise(i)))).toBe(false);
  });
});

// The sentence an analyst in Germany or France reads: r and p with a decimal comma (worked by hand).
describe("the chain's sentence in the user's locale", () => {
  const best = { lag: 2, r: 0.6234, pAdjusted: 0.0042, n: 20, lagsTested: 13 };

  it("keeps en-US as it was", () => {
    expect(chainSentence("Qualified leads", "Revenue", "monthly", best, false, true)).toBe(
      "Qualified leads moves Revenue 2 months later, r = 0.62, p = 0.004.",
    );
  });

  it("writes r, p and q with a decimal comma in German, the rate with a no-break space before %", () => {
    expect(chainSentence("Qualified leads", "Revenue", "monthly", best, true, true, undefined, "de-DE")).toBe(
      "Qualified leads moves Revenue 2 months later, r = 0,62, p = 0,004 (period-over-period changes).",
    );
    expect(chainSentence("Qualified leads", "Revenue", "monthly", best, false, true, { q: 0.0123, tested: 3 }, "de-DE")).toBe(
      "Qualified leads moves Revenue 2 months later, r = 0,62, p = 0,004; q = 0,01 controlling the false discovery rate at 5\u00a0% across 3 leading KPIs.",
    );
    expect(chainSentence("A", "B", "weekly", { ...best, lag: 1, r: 0.2149, pAdjusted: 0.4567, lagsTested: 12 }, false, true, undefined, "de-DE")).toBe(
      "No evidence that A predicts B (best lag 1, r = 0,21, p = 0,46 after testing 12 lags): revalidate or replace it.",
    );
    expect(fdrClause(1, 0.05, "de-DE")).toBe("controlling the false discovery rate at 5\u00a0% across 1 leading KPI");
  });

  it("writes them with a decimal comma in French", () => {
    expect(chainSentence("A", "B", "quarterly", { ...best, lag: 3, r: -0.7051, pAdjusted: 0.0004 }, false, true, undefined, "fr-FR")).toBe(
      "No evidence that A predicts B (the strongest link (lag 3, r = -0,71) runs the wrong way): revalidate or replace it.",
    );
    expect(chainSentence("A", "B", "quarterly", { ...best, lag: 0, r: -0.7051, pAdjusted: 0.0004 }, false, false, undefined, "fr-FR")).toBe(
      "A moves B in the same quarter, r = -0,71, p < 0,001.",
    );
  });
});
