/**
 * @jest-environment jsdom
 */
/**
 * A chart's points as one path per colour and size (ChartPoints.tsx): every point drawn once, in
 * the colour of the type KPI.SPC gives it, a special cause larger on a windowed chart, and a few
 * elements for a chart where there was one per point.
 */
import { render } from "@testing-library/react";
import { ChartWindow } from "../../src/taskpane/components/ChartWindow";
import { XmrChart } from "../../src/taskpane/components/XmrChart";
import { summarise } from "../../src/core/model/kpiSummary";
import { FIELD_DEFAULTS } from "../../src/core/model/kpi";
import { kpiDefinition } from "../support/kpiDefinition";
import { pointColours, pointsDrawn } from "../support/chartPoints";
import { spcPointTypes } from "../support/functions";

// A steady run, then a shift up (an improvement for "higher"), then one low point.
const values = [...Array.from({ length: 24 }, (_, i) => 100 + ((i * 7) % 5) - 2), ...Array.from({ length: 10 }, () => 109), 80];
const summary = summarise(kpiDefinition({ ...FIELD_DEFAULTS, id: "K", name: "K", target: 100, atRisk: null, source: "Data!$B$2:$B$36" }), values);
// KPI.SPC's own words for each point, computed by the worksheet function, not by the chart.
const types = spcPointTypes(values);
const colourOf: Record<string, string> = { "Common cause": "#7F7F7F", Improvement: "#1F6FB2", High: "#1F6FB2", Concern: "#E46C0A", Low: "#E46C0A" };
const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

describe("a chart's points", () => {
  it("are each drawn once, in the colour of the type KPI.SPC gives them", () => {
    expect(new Set(types).size).toBeGreaterThan(1);
    const { container } = render(<XmrChart chart={summary.spc!} values={summary.spcValues} title="Chart of K" target={100} />);
    expect(pointsDrawn(container)).toBe(values.length);
    expect(tally(pointColours(container))).toEqual(tally(types.map((t) => colourOf[t])));
  });

  it("are a path per colour, not an element per point", () => {
    const { container } = render(<XmrChart chart={summary.spc!} values={summary.spcValues} title="Chart of K" target={100} />);
    expect(container.querySelectorAll("circle")).toHaveLength(0);
    expect(container.querySelectorAll("[data-chart-points] path").length).toBe(new Set(types.map((t) => colourOf[t])).size);
    for (const path of container.querySelectorAll("[data-chart-points] path")) {
      expect(path.getAttribute("stroke-linecap")).toBe("round");
      // Each point a zero-length subpath: a round cap's dot.
      expect(path.getAttribute("d")).toMatch(/^(M[\d.]+,[\d.]+h0)+$/);
    }
  });

  it("on a windowed chart, draw a special cause larger than a common one", () => {
    const long = [...Array.from({ length: 200 }, (_, i) => 100 + ((i * 7) % 5) - 2), 80];
    const s = summarise(kpiDefinition({ ...FIELD_DEFAULTS, id: "K", name: "K", target: 100, atRisk: null, source: "Data!$B$2:$B$202" }), long);
    const { container } = render(<ChartWindow chart={s.spc!} values={s.spcValues} title="Chart of K" target={100} />);
    const widths = Object.fromEntries(
      [...container.querySelectorAll("[data-chart-points] path")].map((p) => [p.getAttribute("stroke"), Number(p.getAttribute("stroke-width"))]),
    );
    expect(widths["#7F7F7F"]).toBeCloseTo(4.4);
    expect(widths["#E46C0A"]).toBeCloseTo(6.8);
  });
});
