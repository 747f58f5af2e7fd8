/**
 * One KPI across segments: the layout words, the names from a header row, the totals by roll-up,
 * each segment's status worst first and the funnel of the latest period, checked against
 * test/reference/generate_segments.py (an independent Python reading of what the card promises and
 * of KPI.FUNNEL's contract) at 1e-12.
 */
import reference from "../../fixtures/segments_reference.json";
import { kpiDefinition } from "../../support/kpiDefinition";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";
import {
  blockRangeOf,
  columnsOf,
  fromLongRows,
  isSegmented,
  SegmentData,
  segmentLayoutOf,
  segmentLayoutText,
  segmentNamesOf,
  segmentTotals,
} from "../../../src/core/model/segments";
import { differing, latestComparablePeriod, latestFunnel, segmentCards, worstFirst } from "../../../src/core/model/segmentView";
import { summaryOf } from "../../../src/core/model/portfolio";

type Case = (typeof reference.cases)[number];

const close = (actual: number | null | undefined, expected: number | null, what: string) => {
  if (expected === null) return expect(actual).toBeNull();
  if (typeof actual !== "number") throw new Error(`${what}: expected ${expected}, got ${String(actual)}`);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
};
const closeAll = (actual: readonly (number | null)[] | null, expected: readonly (number | null)[] | null, what: string) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => close(actual![i], e, `${what}[${i}]`));
};

function definitionOf(c: Case): KpiDefinition {
  const perSegment = new Set(c.targets).size > 1;
  return kpiDefinition({
    ...FIELD_DEFAULTS,
    id: "SEG",
    name: c.name,
    direction: c.direction as KpiDefinition["direction"],
    target: perSegment ? null : c.target,
    targetRange: perSegment ? "Plan!$B$2:$E$2" : "",
    atRisk: c.atRisk,
    atRiskPercent: c.atRiskPercent,
    source: "Data!$B$2:$E$13",
    aggregation: c.aggregation as KpiDefinition["aggregation"],
    denominatorRange: c.denominators ? "Data!$H$2:$K$13" : "",
    ratePer: c.ratePer,
    segments: "columns",
  });
}

const dataOf = (c: Case): SegmentData => ({ names: c.names, values: c.values, denominators: c.denominators, targets: c.targets });

describe("against the Python reference", () => {
  for (const c of reference.cases) {
    describe(c.name, () => {
      const kpi = definitionOf(c);
      const data = dataOf(c);
      it("totals each period by the KPI's roll-up, and rolls the targets up alike", () => {
        const totals = segmentTotals(kpi, data);
        closeAll(totals.values, c.expected.totals.values, "values");
        closeAll(totals.denominators, c.expected.totals.denominators, "denominators");
        closeAll(totals.targets, c.expected.totals.targets, "targets");
      });
      it("judges the total's latest period against the total's target (the pane's summary of the KPI)", () => {
        const totals = segmentTotals(kpi, data);
        const series = { values: totals.values, denominators: totals.denominators, targets: totals.targets, segments: data };
        const summary = summaryOf(kpi, series);
        const want = c.expected.total!;
        expect(summary.latestPeriod).toBe(want.period);
        const latest = summary.rate ? summary.rate.rates[want.period - 1] : summary.latest;
        close(latest, want.latest, "latest");
        close(summary.target, want.target, "target");
        expect(summary.status).toBe(want.status);
      });
      it("gives each segment its own status, worst first", () => {
        const cards = segmentCards(kpi, data);
        for (const s of c.expected.segments) {
          const card = cards[s.index];
          expect(card.name).toBe(s.name);
          expect(card.summary.status).toBe(s.status);
          const latest = card.summary.rate ? card.trend[card.summary.latestPeriod! - 1] : card.summary.latest;
          close(latest, s.latest, `${s.name} latest`);
        }
        expect(worstFirst(kpi, cards).map((x) => x.name)).toEqual(c.expected.worstFirst);
      });
      it(
        c.expected.funnel ? "plots the latest comparable period's funnel as KPI.FUNNEL's contract says" : "has no funnel without denominators, and says why",
        () => {
          const got = latestFunnel(kpi, data);
          const want = c.expected.funnel;
          if (!want) {
            expect(got.ok).toBe(false);
            if (!got.ok) expect(got.problem).toMatch(/compares rates.*give the KPI its denominators/);
            return;
          }
          if (!got.ok) throw new Error(got.problem);
          expect(got.funnel.period).toBe(want.period);
          close(got.funnel.target, want.target, "p0");
          expect(got.funnel.skipped).toEqual(want.skipped);
          expect(got.funnel.points.map((p) => p.segment)).toEqual(want.points.map((p) => p.segment));
          got.funnel.points.forEach((p, j) => {
            const w = want.points[j];
            close(p.rate, w.rate, `${w.segment} rate`);
            close(p.denominator, w.denominator, `${w.segment} n`);
            close(p.z, w.z, `${w.segment} z`);
            expect(p.flag).toBe(w.flag);
            closeAll([p.limits.lower95, p.limits.upper95, p.limits.lower998, p.limits.upper998], w.limits, `${w.segment} limits`);
          });
        },
      );
    });
  }

  it("the fixture covers flags beyond 99.8% on both sides, within 95% and a skipped segment", () => {
    const flags = reference.cases.flatMap((c) => c.expected.funnel?.points.map((p) => p.flag) ?? []);
    expect(new Set(flags)).toEqual(new Set(["Above 99.8%", "Below 99.8%", "Above 95%", "Below 95%", "Within"]));
    expect(reference.cases.some((c) => (c.expected.funnel?.skipped.length ?? 0) > 0)).toBe(true);
  });
});

describe("layouts and names", () => {
  it("reads the Segments words and writes them back the one way", () => {
    expect(segmentLayoutOf("")).toBeNull();
    expect(segmentLayoutOf(" Columns ")).toEqual({ kind: "columns" });
    expect(segmentLayoutOf("across columns")).toEqual({ kind: "columns" });
    expect(segmentLayoutOf("by [Region]")).toEqual({ kind: "by", column: "Region" });
    expect(segmentLayoutOf("BY Sales region")).toEqual({ kind: "by", column: "Sales region" });
    expect(segmentLayoutOf("rows")).toBeUndefined();
    expect(segmentLayoutText({ kind: "by", column: "Region" })).toBe("by Region");
    expect(segmentLayoutText(segmentLayoutOf("Across  columns")!)).toBe("columns");
    expect(isSegmented({ segments: "" })).toBe(false);
    expect(isSegmented({ segments: "nonsense" })).toBe(false);
    expect(isSegmented({ segments: "columns" })).toBe(true);
  });

  it("takes the segments' names from the header row, refusing blanks, numbers and repeats", () => {
    expect(segmentNamesOf([" North", "South ", "East"])).toEqual(["North", "South", "East"]);
    expect(segmentNamesOf(["North", "", "East"])).toMatch(/segment 2 is empty/);
    expect(segmentNamesOf(["North", 2024, "East"])).toMatch(/segment 2 is not a name \(2024\)/);
    expect(segmentNamesOf(["North", "north"])).toMatch(/two segments are named "north"/);
  });

  it("splits a block's rows into one series per segment, text and errors as gaps", () => {
    expect(
      columnsOf(
        [
          [1, 2],
          ["x", 4],
          [null, "#N/A"],
        ],
        2,
      ),
    ).toEqual([
      [1, null, null],
      [2, 4, null],
    ]);
  });

  it("reads the long format: segments in order of appearance, each segment's n-th row its n-th period", () => {
    const got = fromLongRows(["North", "South", "North", "south", "", "West"], [1, 2, 3, 4, 99, 5], [10, 20, 30, 40, 99, 50]);
    expect(got).toEqual({
      names: ["North", "South", "West"],
      values: [
        [1, 3],
        [2, 4],
        [5, null],
      ],
      denominators: [
        [10, 30],
        [20, 40],
        [50, null],
      ],
    });
  });

  it("takes a block for a segmented KPI's denominators", () => {
    expect(blockRangeOf("Visits!h2:k37")).toBe("Visits!$H$2:$K$37");
    expect(blockRangeOf("='Web shop'!B2 : C3")).toBe("'Web shop'!$B$2:$C$3");
    expect(blockRangeOf("B2")).toBeNull();
    expect(blockRangeOf("Sales[Visits]")).toBeNull();
  });
});

describe("the funnel's edge cases", () => {
  const kpi = { denominatorRange: "Data!$H$2:$I$4", ratePer: null };
  it("plots the latest period in which two segments have a rate, and names the ones left out", () => {
    const data: SegmentData = {
      names: ["A", "B", "C"],
      values: [
        [5, 6, null],
        [7, null, 9],
        [8, 8, 8],
      ],
      denominators: [
        [100, 100, 100],
        [100, 100, 100],
        [100, 100, 0],
      ],
      targets: [null, null, null],
    };
    expect(latestComparablePeriod(data)).toBe(2);
    const got = latestFunnel(kpi, data);
    if (!got.ok) throw new Error(got.problem);
    expect(got.funnel.skipped).toEqual(["B"]);
    // Hand-worked: p0 = (6 + 8) / 200 = 0.07; σ = √(0.07·0.93/100) = 0.025515; z = ∓0.01/σ.
    expect(got.funnel.target).toBeCloseTo(0.07, 15);
    expect(got.funnel.points.map((p) => p.z)).toEqual([
      expect.closeTo(-0.01 / Math.sqrt(0.0651 / 100), 12),
      expect.closeTo(0.01 / Math.sqrt(0.0651 / 100), 12),
    ]);
    expect(differing(got.funnel)).toEqual({ really: [], possibly: [] });
  });

  it("says why when no period has two segments, or a proportion's count exceeds its denominator", () => {
    const lone: SegmentData = { names: ["A", "B"], values: [[5], [null]], denominators: [[100], [100]], targets: [null, null] };
    expect(latestFunnel(kpi, lone)).toEqual({ ok: false, period: null, problem: expect.stringMatching(/No period has two segments/) });
    const over: SegmentData = { names: ["A", "B"], values: [[5], [120]], denominators: [[100], [100]], targets: [null, null] };
    expect(latestFunnel(kpi, over)).toEqual({ ok: false, period: 1, problem: expect.stringMatching(/above its denominator/) });
  });
});
