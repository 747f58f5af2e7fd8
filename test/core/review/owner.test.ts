/** The owner rule: one named person (the issue 24 walk's owners, each at its cause). */
import { ownerError } from "../../../src/core/review/owner";
import { EMPTY_DRAFT, validateDraft } from "../../../src/core/model/kpi";

describe("ownerError", () => {
  it("accepts one named person, with a team or role in brackets", () => {
    for (const ok of [
      "Dana Whitfield",
      "Dana",
      "Maria Rossi",
      "Rossi, Maria",
      "Dana Whitfield (Marketing)",
      "Maria Rossi (FP&A)",
      "Sam Patel (Head of Sales)",
      "Anne-Marie O'Neill",
      "Sam Ortiz",
    ]) {
      expect([ok, ownerError(ok)]).toEqual([ok, null]);
    }
  });

  it("refuses a team, an abbreviation of one, several people, and a role without a name", () => {
    expect(ownerError("FP&A")).toMatch(/^"FP&A" reads as a team: .*e\.g\. "Dana Whitfield \(FP&A\)"\.$/);
    expect(ownerError("HR")).toMatch(/reads as a team/);
    expect(ownerError("Finance team")).toBe(
      '"Finance team" reads as a team: a KPI needs one accountable person as its owner. Write the person\'s name, and the team in brackets if you like, e.g. "Dana Whitfield (Finance team)".',
    );
    expect(ownerError("CFO")).toBe('"CFO" is a role: name the person who holds it, and the role in brackets if you like, e.g. "Dana Whitfield (CFO)".');
    expect(ownerError("Head of Sales")).toBe(
      '"Head of Sales" is a role: name the person who holds it, and the role in brackets if you like, e.g. "Dana Whitfield (Head of Sales)".',
    );
    expect(ownerError("VP Marketing")).toMatch(/is a role/);
    expect(ownerError("Maria Rossi, Sam Patel")).toBe(
      '"Maria Rossi, Sam Patel" names 2 people: a KPI needs one accountable owner. Choose one; the others can be named in the response.',
    );
    expect(ownerError("Maria Rossi and Sam Patel")).toMatch(/names 2 people/);
    expect(ownerError("Maria / Sam / Lee")).toMatch(/names 3 people/);
    expect(ownerError("(Marketing)")).toMatch(/reads as a team/);
    expect(ownerError("  ")).toBe("Name the person who owns this KPI.");
  });

  it("is the form's owner rule", () => {
    const draft = { ...EMPTY_DRAFT, name: "Revenue", target: "1300" };
    expect(validateDraft({ ...draft, owner: "CFO" }, []).owner).toBe(ownerError("CFO"));
    expect(validateDraft({ ...draft, owner: "Maria Rossi" }, []).owner).toBeUndefined();
  });
});
