import { rollups } from "../../../src/core/model/rollup";

describe("roll-ups (hand-worked month-end pack)", () => {
  // Oct 2024 … Mar 2025: the latest period is March 2025, so YTD is Jan–Mar and QTD the same quarter.
  const values = [100, 110, 120, 90, null, 130];
  const targets = [100, 100, 100, 100, 100, 120];
  const kpi = { firstPeriod: "2024-10", cadence: "monthly" as const, direction: "higher" as const, atRisk: null, atRiskPercent: null };

  it("sums a flow over the periods with a value, against the budget of the same periods", () => {
    const r = rollups({ ...kpi, aggregation: "sum" }, values, targets)!;
    expect(r.ytd.label).toBe("2025 to date");
    expect(r.ytd.periods).toEqual([4, 6]); // February has no value: left out on both sides
    expect(r.ytd.actual).toBe(220);
    expect(r.ytd.target).toBe(220);
    expect(r.ytd.status).toBe("on");
    expect(r.qtd.label).toBe("2025-Q1 to date");
  });

  it("averages a rate, and takes the last of a stock", () => {
    const avg = rollups({ ...kpi, aggregation: "average" }, values, targets)!;
    expect(avg.ytd.actual).toBe(110);
    expect(avg.ytd.target).toBe(110);
    const last = rollups({ ...kpi, aggregation: "last" }, values, [100, 100, 100, 100, 100, 150])!;
    // 130 against 150, 10% default boundary 135: Off track.
    expect([last.ytd.actual, last.ytd.target, last.ytd.status]).toEqual([130, 150, "off"]);
  });

  it("scales a fixed At risk distance with the number of periods summed", () => {
    // Each month's boundary is 10 below a 100 target; two months summed: 200 target, boundary 180.
    const r = rollups({ ...kpi, aggregation: "sum", atRisk: 90 }, [null, null, null, 95, 90], [100, 100, 100, 100, 100])!;
    expect([r.ytd.actual, r.ytd.target, r.ytd.status]).toEqual([185, 200, "risk"]);
  });

  it("has nothing to say without a first period", () => {
    expect(rollups({ ...kpi, aggregation: "sum", firstPeriod: "" }, values, targets)).toBeNull();
  });
});
