/** The target range at the form's field: its length and how much of it is blank. */
import { targetRangeCheck } from "../../../src/core/review/targetRange";

describe("targetRangeCheck", () => {
  const budget = [1300, 1320, ...Array.from({ length: 34 }, () => null)];

  it("warns about the form's own example: 2 numbers and 34 blanks", () => {
    expect(targetRangeCheck("Budget!B2:B37", 36, budget)).toEqual({
      error: null,
      warning: "Budget!B2:B37 holds 2 numbers and 34 blanks: the 34 periods without a target will have no status or colour. Is this the right range?",
    });
  });

  it("refuses the wrong length at the field, with the message Tag gives", () => {
    expect(targetRangeCheck("=Budget!$B$2:$B$13", 36, null, "Revenue").error).toBe(
      "The target range Budget!B2:B13 has 12 periods and Revenue has 36: give one target per period, in the same order.",
    );
  });

  it("is quiet for a full or mostly full range, and for what it cannot read", () => {
    expect(targetRangeCheck("Budget!B2:B5", 4, [1, 2, null, 4])).toEqual({ error: null, warning: null });
    expect(targetRangeCheck("Budget!B2:B5", 4, [1, 2, null, null])).toEqual({ error: null, warning: null });
    expect(targetRangeCheck("Budget!B2:B5", 4, [1, null, null, null]).warning).toMatch(/^Budget!B2:B5 holds 1 number and 3 blanks/);
    expect(targetRangeCheck("Budget!B2:B5", 4, [null, null, null, null]).warning).toBe("Budget!B2:B5 holds no numbers: no period would have a target.");
    expect(targetRangeCheck("lots", 4, null)).toEqual({ error: null, warning: null });
    expect(targetRangeCheck("Budget!B2:AK2", null, null)).toEqual({ error: null, warning: null });
  });
});
