import { analyseChain, criticalR, trends } from "../../../src/core/model/chain";
import { leadLagCorr } from "../../support/functions";
import { twoSidedTPValue } from "../../../src/core/stats/distributions";

const noise = (i: number) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453) - 0.5;

describe("the lead-lag chain", () => {
  const driver = Array.from({ length: 40 }, (_, i) => 100 + 20 * Math.sin(i / 2) + 5 * noise(i));
  const leads = driver.slice(2);
  const revenue = driver.slice(0, 38).map((d, i) => 2 * d + 40 * noise(i + 100));

  it("finds the lag LEADLAG_CORR finds, with the same Bonferroni-adjusted p, and says it plainly", () => {
    const chain = analyseChain({ name: "Qualified leads", values: leads }, { name: "Revenue", values: revenue, cadence: "monthly" }, true);
    const [[lag, r, p]] = leadLagCorr(leads.map((v) => [v]), revenue.map((v) => [v]), chain.maxLag, "pearson", chain.differenced, "best");
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
