import { summarise } from "../../../src/core/model/kpiSummary";
import { kpiStatus, sigChange, spc } from "../../support/functions";

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
    const label = sigChange(
      values.map((v) => [v]),
      1,
      0.05,
      "xmr",
    )[0][0] as string;
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

describe("the card's variation and assurance are KPI.SPC's answers on the same numbers", () => {
  const series = [...steady, 96, 95, 94, null, 93, 92, 91, 90, 89, 110];
  it.each([
    ["higher, all points", { target: 100, atRisk: 90, direction: "higher" as const, spcBaseline: null }],
    ["lower, limits from the first 10", { target: 80, atRisk: 90, direction: "lower" as const, spcBaseline: 10 }],
    ["a baseline longer than the data is capped", { target: 120, atRisk: 110, direction: "higher" as const, spcBaseline: 50 }],
  ])("%s", (_, k) => {
    const s = summarise(k, series);
    const cells = series.map((v) => [v]);
    const baseline = s.spcBaseline ?? undefined;
    expect(s.variationLabel).toBe(spc(cells, k.target, k.direction, baseline)[0][0]);
    expect(s.assurance).toBe(spc(cells, k.target, k.direction, baseline, "assurance")[0][0]);
    expect(s.spc?.types).toEqual(
      spc(cells, k.target, k.direction, baseline, "points")
        .map(([t]) => t)
        .filter((t) => t !== ""),
    );
  });
});

describe("charting from a known change", () => {
  it("charts from period P, with limits from the first N periods after it, as KPI.SPC on those cells", () => {
    const series = [...steady, 120, 121, 119, 122, 120, 118, 121, 123];
    const k = { target: 100, atRisk: 90, direction: "higher" as const, spcFrom: 11, spcBaseline: 5 };
    const s = summarise(k, series);
    const after = series.slice(10).map((v) => [v]);
    expect(s.spcValues).toEqual(series.slice(10));
    expect(s.variationLabel).toBe(spc(after, 100, "higher", 5)[0][0]);
    expect(s.spc?.centre).toBeCloseTo(120.4, 12);
  });
});
