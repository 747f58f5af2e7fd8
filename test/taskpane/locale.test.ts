import { formatNumber, invariantDraft, localDraft, separatorsOf, toInvariantNumber } from "../../src/taskpane/locale";

describe("numbers in the user's own separators", () => {
  it("reads what a German or French analyst types, as Excel would", () => {
    expect(separatorsOf("de-DE")).toEqual({ decimal: ",", group: "." });
    expect(["1.234,5", "1234,5", "-0,25", "10%", "12,5%", "Budget!B2:B37"].map((t) => toInvariantNumber(t, "de-DE"))).toEqual(["1234.5", "1234.5", "-0.25", "10%", "12.5%", "Budget!B2:B37"]);
    // A point that cannot be a German group is the register's decimal point, left as typed.
    expect(["1300.75", "1.30", "1.234.567,5"].map((t) => toInvariantNumber(t, "de-DE"))).toEqual(["1300.75", "1.30", "1234567.5"]);
    // French groups with a (narrow) no-break space.
    expect(toInvariantNumber("1\u202f234,5", "fr-FR")).toBe("1234.5");
    expect(toInvariantNumber("1 234,5", "fr-FR")).toBe("1234.5");
    // In en-US nothing changes: the register's parser reads it as typed.
    expect(toInvariantNumber("1,234.5", "en-US")).toBe("1,234.5");
  });

  it("shows numbers the locale's way, and puts a draft's numbers back and forth", () => {
    expect(formatNumber(1234.5, "de-DE")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en-US")).toBe("1,234.5");
    expect(formatNumber(null, "de-DE")).toBe("–");
    const draft = { target: "1300.75", atRisk: "10%", baseline: "", materiality: "2.5%", spcBaseline: "12", spcFrom: "" };
    const shown = localDraft(draft, "de-DE");
    expect(shown).toEqual({ ...draft, target: "1300,75", materiality: "2,5%" });
    expect(invariantDraft(shown, "de-DE")).toEqual(draft);
  });
});
