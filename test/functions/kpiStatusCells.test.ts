import { kpiStatus } from "../support/functions";
import { codeOf, column, excelError, expectSingleValueError, messageOf, OMITTED } from "../support/excel";

describe("KPI_STATUS contract", () => {
  it("classifies a single value (as a number or a 1×1 range)", () => {
    expect(kpiStatus([[105]], [[100]])).toEqual([["On track"]]);
    expect(kpiStatus(95 as never, 100 as never)).toEqual([["At risk"]]);
    expect(kpiStatus([[89]], [[100]])).toEqual([["Off track"]]);
  });

  it("spills to the shape of actual, with one target for every cell", () => {
    expect(
      kpiStatus(
        [
          [100, 95],
          [90, 80],
        ],
        [[100]],
      ),
    ).toEqual([
      ["On track", "At risk"],
      ["At risk", "Off track"],
    ]);
  });

  it("takes target and at_risk ranges of the same shape cell by cell", () => {
    expect(kpiStatus(column([50, 50, 50]), column([40, 60, 60]), column([30, 45, 55]))).toEqual(column(["On track", "At risk", "Off track"]));
  });

  it("defaults at_risk to 10% of |target| on the unfavourable side", () => {
    expect(kpiStatus(column([90, 89.99]), [[100]])).toEqual(column(["At risk", "Off track"]));
    expect(kpiStatus(column([110, 110.01]), [[100]], OMITTED, "lower")).toEqual(column(["At risk", "Off track"]));
    // A negative target: 10% of |−50| = 5 below it.
    expect(kpiStatus(column([-55, -55.01]), [[-50]])).toEqual(column(["At risk", "Off track"]));
  });

  it('mirrors the bands when lower is better ("lower" or -1, any case)', () => {
    const actual = column([4, 5, 5.5, 6, 7]);
    const expected = column(["On track", "On track", "At risk", "At risk", "Off track"]);
    expect(kpiStatus(actual, [[5]], [[6]], "lower")).toEqual(expected);
    expect(kpiStatus(actual, [[5]], [[6]], "LOWER")).toEqual(expected);
    expect(kpiStatus(actual, [[5]], [[6]], -1)).toEqual(expected);
    expect(kpiStatus(actual, [[5]], [[6]], [[-1]])).toEqual(expected);
  });

  it('gives scores 1, 0, -1 and "" for no data', () => {
    expect(kpiStatus(column([100, 95, 80, null]), [[100]], OMITTED, "higher", "score")).toEqual(column([1, 0, -1, ""]));
    expect(kpiStatus(column([100]), [[100]], OMITTED, 1, "Score")).toEqual(column([1]));
  });

  it("reads a blank, empty text or #N/A actual as No data", () => {
    expect(kpiStatus(column([null, "", excelError("#N/A"), OMITTED as never]), [[1]])).toEqual(column(["No data", "No data", "No data", "No data"]));
  });

  it("puts #VALUE! in a cell whose actual is text or a boolean, and nowhere else", () => {
    const result = kpiStatus(column([100, "n/a", true, 80]), [[100]]);
    expect(result[0][0]).toBe("On track");
    expect(codeOf(result[1][0])).toBe("#VALUE!");
    expect(messageOf(result[1][0])).toMatch(/actual at row 2/);
    expect(codeOf(result[2][0])).toBe("#VALUE!");
    expect(result[3][0]).toBe("Off track");
  });

  it("passes an error in an actual cell through to that cell", () => {
    const result = kpiStatus(column([excelError("#DIV/0!"), 100]), [[100]]);
    expect(codeOf(result[0][0])).toBe("#DIV/0!");
    expect(result[1][0]).toBe("On track");
  });

  it("puts #VALUE! in a cell whose target is blank or not a number", () => {
    const result = kpiStatus(column([1, 1, 1]), column([null, "ten", 1]));
    expect(codeOf(result[0][0])).toBe("#VALUE!");
    expect(messageOf(result[0][0])).toMatch(/target/);
    expect(codeOf(result[1][0])).toBe("#VALUE!");
    expect(result[2][0]).toBe("On track");
  });

  it("rejects an at_risk on the favourable side of the target", () => {
    const [[higher]] = kpiStatus([[100]], [[100]], [[110]]);
    expect(codeOf(higher)).toBe("#VALUE!");
    expect(messageOf(higher)).toMatch(/at_risk/);
    const [[lower]] = kpiStatus([[5]], [[5]], [[4]], "lower");
    expect(codeOf(lower)).toBe("#VALUE!");
    // On the target itself the at-risk band is empty, which is allowed.
    expect(kpiStatus(column([99, 100]), [[100]], [[100]])).toEqual(column(["Off track", "On track"]));
  });

  it.each([
    ["a target range of another shape", [column([1, 2, 3]), column([1, 2])], /target/],
    ["an at_risk range of another shape", [column([1, 2, 3]), [[1]], [[1, 2, 3]]], /at_risk/],
    ["an unknown direction", [[[1]], [[1]], null, "up"], /direction/],
    ["a numeric direction other than 1 or -1", [[[1]], [[1]], null, 2], /direction/],
    ["an unknown output", [[[1]], [[1]], null, "higher", "colour"], /output/],
    ["a ragged actual", [[[1, 2], [3]], [[1]]], /actual/],
  ])("%s is a single #VALUE!", (_what, args, message) => {
    expectSingleValueError((kpiStatus as (...a: unknown[]) => unknown[][])(...args), message);
  });
});

describe('KPI_STATUS with direction "within"', () => {
  it("spills the symmetric bands, as the reference describes them", () => {
    const actual = [[100], [104], [96], [107], [92], [111], [85], [null]];
    expect(kpiStatus(actual, [[100]], [[90]], "WITHIN")).toEqual([
      ["On track"],
      ["On track"],
      ["On track"],
      ["At risk"],
      ["At risk"],
      ["Off track"],
      ["Off track"],
      ["No data"],
    ]);
    expect(kpiStatus(actual, [[100]], [[110]], "within", "score")).toEqual([[1], [1], [1], [0], [0], [-1], [-1], [""]]);
  });
});

describe("KPI_STATUS with at_risk as a percentage of the target", () => {
  it("puts the boundary that share of |target| on the unfavourable side (hand-worked)", () => {
    // target 200, 5%: the boundary is 190 when higher is better, 210 when lower is.
    expect(kpiStatus([[200], [195], [190], [189.9]], [[200]], "5%" as never, "higher")).toEqual([["On track"], ["At risk"], ["At risk"], ["Off track"]]);
    expect(kpiStatus([[200], [205], [210], [210.1]], [[200]], [["5 %"]], "lower")).toEqual([["On track"], ["At risk"], ["At risk"], ["Off track"]]);
    // Negative targets use |target|: −200 with 5% higher-is-better puts the boundary at −210.
    expect(kpiStatus([[-205], [-211]], [[-200]], "5%" as never)).toEqual([["At risk"], ["Off track"]]);
  });

  it("applies to each period's own target when the target is a range", () => {
    // Budgets 100 and 200 with 10%: boundaries 90 and 180.
    expect(kpiStatus([[95], [170]], [[100], [200]], "10%" as never)).toEqual([["At risk"], ["Off track"]]);
    // As TEXT(0.1,"0.########%") writes it.
    expect(kpiStatus([[95], [170]], [[100], [200]], "10.%" as never)).toEqual([["At risk"], ["Off track"]]);
  });

  it("refuses a negative percentage, and text that is no percentage", () => {
    const negative = kpiStatus([[95]], [[100]], "-5%" as never);
    expect(codeOf(negative[0][0])).toBe("#VALUE!");
    expect(messageOf(negative[0][0])).toMatch(/0% or more/);
    expect(codeOf(kpiStatus([[95]], [[100]], "ten%" as never)[0][0])).toBe("#VALUE!");
  });
});
