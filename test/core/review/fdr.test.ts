/** Benjamini–Hochberg over the portfolio's chains: by hand and against R's p.adjust(p, "BH"). */
import reference from "../../fixtures/bh_reference.json";
import { analyseChain, CHAIN_ALPHA } from "../../../src/core/model/chain";
import { benjaminiHochberg, ChainInput, portfolioVerdicts } from "../../../src/core/review/fdr";

describe("benjaminiHochberg", () => {
  it("a hand-worked portfolio of 7", () => {
    // Sorted: 0.005, 0.01, 0.03, 0.04, 0.04, 0.20, 0.5; n/i·p = 0.035, 0.035, 0.07, 0.07, 0.056, 0.2333, 0.5;
    // the running minimum from the top: 0.5, 0.2333, 0.056, 0.056, 0.056, 0.035, 0.035.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5]) as number[];
    const expected = [0.035, 0.056, 0.056, 0.035, 0.7 / 3, 0.056, 0.5];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it.each(reference.cases.map((c) => [c.name, c.p, c.q] as const))('equals R\'s p.adjust(p, "BH"): %s', (_name, p, q) => {
    const ours = benjaminiHochberg(p as (number | null)[]);
    expect(ours.length).toBe(q.length);
    ours.forEach((v, i) => {
      if (q[i] === null) expect(v).toBeNull();
      else expect(v as number).toBeCloseTo(q[i] as number, 14);
    });
  });

  it("the fixture holds the cases the brief names", () => {
    const names = reference.cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["ties", "p = 0 and p = 1", "n = 1", "with NA"]));
  });
});

const chain = (id: string, p: number, r = 0.5, sameSense = true): ChainInput => ({
  leading: { id, name: `Lead ${id}` },
  lagging: { name: "Revenue", cadence: "monthly" },
  analysis: {
    best: { lag: 2, r, pAdjusted: p, n: 30, lagsTested: 13 },
    differenced: false,
    sameSense,
    supported: p < CHAIN_ALPHA && Math.sign(r) === (sameSense ? 1 : -1),
  },
});

describe("portfolioVerdicts", () => {
  const chains = [chain("A", 0.01), chain("B", 0.04), chain("C", 0.03), chain("D", 0.005), chain("E", 0.2), chain("F", 0.04, -0.5), chain("G", 0.5)];
  const result = portfolioVerdicts(chains);

  it("withdraws the support that does not survive the false discovery rate, and says so", () => {
    expect(result.tested).toBe(7);
    expect(result.clause).toBe("controlling the false discovery rate at 5% across 7 leading KPIs");
    expect(result.verdicts.map((v) => [v.id, v.supportedAlone, v.supported])).toEqual([
      ["A", true, true],
      ["B", true, false],
      ["C", true, false],
      ["D", true, true],
      ["E", false, false],
      ["F", false, false],
      ["G", false, false],
    ]);
    expect(result.changed).toEqual(["B", "C"]);
    expect(result.chainSupported).toEqual({ A: true, B: false, C: false, D: true, E: false, F: false, G: false });
  });

  it("says the q-value and the clause in each chain's sentence", () => {
    const s = Object.fromEntries(result.verdicts.map((v) => [v.id, v.sentence]));
    expect(s.A).toBe("Lead A moves Revenue 2 months later, r = 0.50, p = 0.01; q = 0.04 controlling the false discovery rate at 5% across 7 leading KPIs.");
    expect(s.B).toBe(
      "No evidence that Lead B predicts Revenue (best lag 2, r = 0.50, p = 0.04 after testing 13 lags, but q = 0.06 controlling the false discovery rate at 5% across 7 leading KPIs): revalidate or replace it.",
    );
    expect(s.E).toBe(
      "No evidence that Lead E predicts Revenue (best lag 2, r = 0.50, p = 0.20 after testing 13 lags; q = 0.23 controlling the false discovery rate at 5% across 7 leading KPIs): revalidate or replace it.",
    );
    expect(s.F).toBe("No evidence that Lead F predicts Revenue (the strongest link (lag 2, r = -0.50) runs the wrong way): revalidate or replace it.");
  });

  // The same verdicts for an analyst in Germany or France: decimal commas, a no-break space before the percent sign.
  it("says r, p, q and the rate the locale's way (de-DE, fr-FR)", () => {
    const de = portfolioVerdicts(chains, "de-DE");
    const s = Object.fromEntries(de.verdicts.map((v) => [v.id, v.sentence]));
    expect(de.clause).toBe("controlling the false discovery rate at 5\u00a0% across 7 leading KPIs");
    expect(s.A).toBe(
      "Lead A moves Revenue 2 months later, r = 0,50, p = 0,01; q = 0,04 controlling the false discovery rate at 5\u00a0% across 7 leading KPIs.",
    );
    expect(s.B).toBe(
      "No evidence that Lead B predicts Revenue (best lag 2, r = 0,50, p = 0,04 after testing 13 lags, but q = 0,06 controlling the false discovery rate at 5\u00a0% across 7 leading KPIs): revalidate or replace it.",
    );
    expect(s.F).toBe("No evidence that Lead F predicts Revenue (the strongest link (lag 2, r = -0,50) runs the wrong way): revalidate or replace it.");
    const fr = portfolioVerdicts(chains, "fr-FR");
    expect(fr.verdicts.find((v) => v.id === "E")!.sentence).toBe(
      "No evidence that Lead E predicts Revenue (best lag 2, r = 0,50, p = 0,20 after testing 13 lags; q = 0,23 controlling the false discovery rate at 5\u00a0% across 7 leading KPIs): revalidate or replace it.",
    );
    // The verdicts themselves do not depend on the language.
    expect(de.verdicts.map((v) => [v.q, v.supported])).toEqual(result.verdicts.map((v) => [v.q, v.supported]));
  });

  it("leaves an untested chain out of n and unjudged", () => {
    const untested: ChainInput = { ...chain("U", 0.5), analysis: { best: null, differenced: false, sameSense: true, supported: false } };
    const r = portfolioVerdicts([chain("A", 0.01), untested]);
    expect(r.tested).toBe(1);
    expect(r.verdicts[1]).toMatchObject({ p: null, q: null, supported: false, changed: false });
    expect(r.chainSupported).toEqual({ A: true, U: undefined });
    expect(r.verdicts[0].sentence).toMatch(/across 1 leading KPI\.$/);
  });

  it("with one chain, q is its own p and the verdict is analyseChain's", () => {
    const noise = (i: number) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453) - 0.5;
    const driver = Array.from({ length: 40 }, (_, i) => 100 + 20 * Math.sin(i / 2) + 5 * noise(i));
    const analysis = analyseChain(
      { name: "Qualified leads", values: driver.slice(2) },
      { name: "Revenue", values: driver.slice(0, 38).map((d, i) => 2 * d + 40 * noise(i + 100)), cadence: "monthly" },
      true,
    );
    const r = portfolioVerdicts([{ leading: { id: "QL", name: "Qualified leads" }, lagging: { name: "Revenue", cadence: "monthly" }, analysis }]);
    expect(r.verdicts[0].q).toBe(analysis.best!.pAdjusted);
    expect(r.verdicts[0].supported).toBe(analysis.supported);
    expect(r.verdicts[0].sentence.startsWith(analysis.sentence.slice(0, -1))).toBe(true);
  });
});
