/** New periods below a block of segments (segments.ts newBlockPeriods): whole rows only, never past the KPI's own parts below it. */
import { newBlockPeriods } from "../../../src/core/model/segments";

describe("newBlockPeriods", () => {
  it("counts the rows with a number in every segment, up to the first that has not", () => {
    expect(
      newBlockPeriods([
        [1, 2, 3],
        [4, 5, 6],
        ["", "", ""],
        [7, 8, 9],
      ]),
    ).toBe(2);
    expect(
      newBlockPeriods([
        [1, 2, ""],
        [4, 5, 6],
      ]),
    ).toBe(0);
    expect(newBlockPeriods([])).toBe(0);
  });

  it("does not count text, booleans, errors or non-finite numbers as a period's value", () => {
    expect(newBlockPeriods([[1, "2", 3]])).toBe(0);
    expect(newBlockPeriods([[1, true, 3]])).toBe(0);
    expect(newBlockPeriods([[1, "#N/A", 3]])).toBe(0);
    expect(newBlockPeriods([[1, Infinity, 3]])).toBe(0);
  });

  it("stops at `stop`, the first row of the KPI's target row or denominators under it", () => {
    const rows = [
      [1, 2],
      [0.03, 0.03],
      [5, 6],
    ];
    expect(newBlockPeriods(rows, 1)).toBe(1);
    expect(newBlockPeriods(rows, 0)).toBe(0);
    expect(newBlockPeriods(rows)).toBe(3);
  });
});
