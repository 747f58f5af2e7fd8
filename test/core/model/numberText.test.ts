/**
 * The chain's numbers (p-values, correlations, toPrecision's significant digits) in the user's
 * locale. Expected strings written by hand from the locales' conventions: German and French write
 * a decimal comma; toPrecision's rounding and exponent form stay.
 */
import { formatCorrelation, formatP, formatSignificant } from "../../../src/core/model/numberText";

describe("a p-value the locale's way", () => {
  it("keeps en-US as the chain always wrote it", () => {
    expect([formatP(0.0004), formatP(0.0042), formatP(0.031), formatP(0.5)]).toEqual(["p < 0.001", "p = 0.004", "p = 0.03", "p = 0.50"]);
  });

  it("writes German and French p-values with a decimal comma", () => {
    expect([formatP(0.0004, "de-DE"), formatP(0.0042, "de-DE"), formatP(0.031, "de-DE")]).toEqual(["p < 0,001", "p = 0,004", "p = 0,03"]);
    expect([formatP(0.0004, "fr-FR"), formatP(0.0456, "fr-FR")]).toEqual(["p < 0,001", "p = 0,05"]);
  });
});

describe("a correlation and significant digits the locale's way", () => {
  it("gives r with two decimals", () => {
    expect([
      formatCorrelation(0.6234, "en-US"),
      formatCorrelation(0.6234, "de-DE"),
      formatCorrelation(-0.318, "fr-FR"),
      formatCorrelation(0.5, "de-DE", 3),
    ]).toEqual(["0.62", "0,62", "-0,32", "0,500"]);
  });

  it("gives toPrecision's digits, its exponent below 1e-6 included", () => {
    expect([
      formatSignificant(0.01234, "en-US", 2),
      formatSignificant(0.01234, "de-DE", 2),
      formatSignificant(0.5, "fr-FR", 3),
      formatSignificant(1, "de-DE", 2),
    ]).toEqual(["0.012", "0,012", "0,500", "1,0"]);
    expect([formatSignificant(1e-8, "en-US", 2), formatSignificant(1.234e-9, "de-DE", 3)]).toEqual(["1.0e-8", "1,23e-9"]);
  });
});
