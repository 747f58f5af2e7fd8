import { summarise } from "../../src/core/kpiSummary";
import { kpiStatus, sigChange } from "../support/functions";

const kpi = { target: 100, atRisk: 90, direction: "higher" as const };
const steady = [100, 103, 98, 101, 99, 102, 100, 97, 101, 99];

describe("a KPI's summary agrees with the worksheet functions", () => {
  it.each([
    ["a jump", [...steady, 130]],
    ["a fall", [...steady, 60]],
    ["routine", [...steady, 101]],
    ["a gap at the end", [...steady, 95, null]],
  ])("%s", (_what, values) => {
    const s = summarise(kpi, values);
    const numbers = values.filter((v): v is number => v !== null);
    expect(s.latest).toBe(numbers[numbers.length - 1]);
    expect(s.statusLabel).toBe(kpiStatus([[s.latest]], [[100]], [[90]])[0][0]);
    const label = sigChange(values.map((v) => [v]), 1, 0.05, "xmr")[0][0] as string;
    expect(s.change?.significant).toBe(label !== "No significant change");
    expect(s.headline.startsWith(`${s.statusLabel} · `)).toBe(true);
  });

  it("names the XmR rule that fired", () => {
    expect(summarise(kpi, [...steady, 130]).changeLabel).toBe("significant increase (rule 1: a point outside the natural process limits)");
    expect(summarise(kpi, [...steady, 101]).changeLabel).toBe("routine variation");
  });

  it("says when there are too few values, and No data when there are none", () => {
    expect(summarise(kpi, [95, 96]).changeLabel).toBe("too few values to test");
    expect(summarise(kpi, [null, null]).headline).toBe("No data · too few values to test");
  });
});
