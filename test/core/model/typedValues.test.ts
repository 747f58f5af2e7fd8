import { definitionFromDraft, draftFromDefinition, EMPTY_DRAFT, validateDraft } from "../../../src/core/model/kpi";
import { materialityOf, materialityText, monthOf } from "../../../src/core/model/typedValues";

const draft = (over: Partial<typeof EMPTY_DRAFT>) => ({ ...EMPTY_DRAFT, name: "Revenue", owner: "Dana Whitfield", target: "1300", ...over });

describe("materiality as typed", () => {
  it("reads an amount, a percentage, or one of each, as KPI.VARIANCE takes them", () => {
    expect(materialityOf("10,000")).toEqual({ amount: 10000, percent: null });
    expect(materialityOf("5%")).toEqual({ amount: null, percent: 5 });
    expect(materialityOf("10000 and 5%")).toEqual({ amount: 10000, percent: 5 });
    expect(materialityOf("5% ; 10000")).toEqual({ amount: 10000, percent: 5 });
    expect(materialityOf("0.05")).toEqual({ amount: 0.05, percent: null }); // a number is always an amount
  });

  it("refuses two of a kind, negatives, more than two, and words", () => {
    for (const bad of ["10 and 20", "5% and 6%", "-1", "-5%", "1 and 2% and 3", "a lot", ""]) expect(materialityOf(bad)).toBeNull();
  });

  it("writes it back as the form shows it", () => {
    expect(materialityText({ materiality: 10000, materialityPercent: 5 })).toBe("10000 and 5%");
    expect(materialityText({ materiality: null, materialityPercent: 12.5 })).toBe("12.5%");
    expect(materialityText({ materiality: null, materialityPercent: null })).toBe("");
  });
});

describe("Year starts in", () => {
  it("reads 1 to 12 or a month's name", () => {
    expect([monthOf("4"), monthOf("12"), monthOf("April"), monthOf("apr"), monthOf(" Sept ")]).toEqual([4, 12, 4, 4, 9]);
    for (const bad of ["0", "13", "Ap", "4.5", "Smarch"]) expect(monthOf(bad)).toBeNull();
  });
});

describe("the form's new fields", () => {
  it("validates them, and a valid draft becomes the definition and back", () => {
    expect(validateDraft(draft({ materiality: "lots", yearStart: "13" }), [])).toEqual({
      materiality: expect.stringMatching(/not a materiality/),
      yearStart: expect.stringMatching(/not a month/),
    });
    expect(validateDraft(draft({ materiality: "10000 and 5%", yearStart: "Apr" }), [])).toEqual({});
    const k = definitionFromDraft(draft({ materiality: "10000 and 5%", yearStart: "Apr" }), "REVENUE", "S!A1:A3", "");
    expect([k.materiality, k.materialityPercent, k.yearStart]).toEqual([10000, 5, 4]);
    expect(draftFromDefinition(k)).toMatchObject({ materiality: "10000 and 5%", yearStart: "4" });
  });

  it("leaves them at their defaults when empty: every variance matters, a calendar year", () => {
    const k = definitionFromDraft(draft({}), "REVENUE", "S!A1:A3", "");
    expect([k.materiality, k.materialityPercent, k.yearStart]).toEqual([null, null, 1]);
    expect(draftFromDefinition(k)).toMatchObject({ materiality: "", yearStart: "" });
  });
});
