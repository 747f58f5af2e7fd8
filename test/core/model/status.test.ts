import { atRiskOnUnfavourableSide, classify, defaultAtRisk, worseStatus } from "../../../src/core/model/status";

describe("status bands (FUNCTIONS.md, KPI_STATUS)", () => {
  it.each([
    [100, 100, 90, "on"],
    [120, 100, 90, "on"],
    [99.99, 100, 90, "risk"],
    [90, 100, 90, "risk"],
    [89.99, 100, 90, "off"],
  ] as const)("higher is better: actual %p against target %p, at risk %p is %p", (actual, target, atRisk, status) => {
    expect(classify(actual, target, atRisk, "higher")).toBe(status);
  });

  it.each([
    [5, 5, 6, "on"],
    [4, 5, 6, "on"],
    [5.01, 5, 6, "risk"],
    [6, 5, 6, "risk"],
    [6.01, 5, 6, "off"],
  ] as const)("lower is better: actual %p against target %p, at risk %p is %p", (actual, target, atRisk, status) => {
    expect(classify(actual, target, atRisk, "lower")).toBe(status);
  });

  it("puts the default at-risk boundary 10% of |target| on the unfavourable side", () => {
    expect(defaultAtRisk(200, "higher")).toBe(180);
    expect(defaultAtRisk(200, "lower")).toBe(220);
    expect(defaultAtRisk(-50, "higher")).toBe(-55);
    expect(defaultAtRisk(-50, "lower")).toBe(-45);
  });

  it("accepts an at-risk boundary only on the unfavourable side or on the target", () => {
    expect(atRiskOnUnfavourableSide(100, 90, "higher")).toBe(true);
    expect(atRiskOnUnfavourableSide(100, 100, "higher")).toBe(true);
    expect(atRiskOnUnfavourableSide(100, 110, "higher")).toBe(false);
    expect(atRiskOnUnfavourableSide(100, 110, "lower")).toBe(true);
    expect(atRiskOnUnfavourableSide(100, 90, "lower")).toBe(false);
  });

  it("rolls up to the worse of two statuses", () => {
    expect(worseStatus("on", "risk")).toBe("risk");
    expect(worseStatus("off", "risk")).toBe("off");
    expect(worseStatus("on", "on")).toBe("on");
  });
});

describe('direction "within": a KPI to maintain, worked by hand', () => {
  // Target 100, at risk 90: d = 10, so On track within 5 of 100, At risk within 10, Off beyond.
  it.each([
    [100, "on"],
    [105, "on"],
    [95, "on"],
    [105.01, "risk"],
    [94.99, "risk"],
    [110, "risk"],
    [90, "risk"],
    [110.01, "off"],
    [89, "off"],
    [130, "off"],
  ] as [number, string][])("actual %s is %s", (actual, status) => {
    expect(classify(actual, 100, 90, "within")).toBe(status);
    // At risk may be given on either side: 110 is the same band.
    expect(classify(actual, 100, 110, "within")).toBe(status);
  });

  it("defaults to 10% of |target|: On track within 5%, At risk within 10%", () => {
    const atRisk = defaultAtRisk(-200, "within");
    expect([classify(-209, -200, atRisk, "within"), classify(-211, -200, atRisk, "within"), classify(-221, -200, atRisk, "within")]).toEqual([
      "on",
      "risk",
      "off",
    ]);
  });
});
