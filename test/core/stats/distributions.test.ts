import { twoSidedTCritical, twoSidedTPValue, twoSidedZPValue } from "../../../src/core/stats/distributions";
import { expectRelative, reference } from "../../support/excel";

describe("Student-t and normal tails against SciPy", () => {
  it.each(reference.distributions.t_two_sided)("two-sided t p-value at t=$t, df=$df", ({ t, df, p }) => {
    expectRelative(twoSidedTPValue(t, df), p, 1e-9);
    expectRelative(twoSidedTPValue(-t, df), p, 1e-9);
  });

  it.each(reference.distributions.t_critical)("critical t at alpha=$alpha, df=$df", ({ alpha, df, t }) => {
    expectRelative(twoSidedTCritical(alpha, df), t, 1e-9);
  });

  it.each(reference.distributions.normal_two_sided)("two-sided normal p-value at z=$z", ({ z, p }) => {
    expectRelative(twoSidedZPValue(z), p, 1e-9);
  });

  it("matches Excel's documented T.DIST.2T(1.959999998, 60) = 0.054645", () => {
    // The T.DIST.2T help page gives the result to 6 decimals.
    expect(Math.abs(twoSidedTPValue(1.959999998, 60) - 0.054645)).toBeLessThan(5e-7);
  });

  it("keeps infinite statistics at p = 0", () => {
    expect(twoSidedTPValue(Infinity, 5)).toBe(0);
    expect(twoSidedZPValue(-Infinity)).toBe(0);
  });
});
