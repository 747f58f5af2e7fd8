/** The walk's trending KPI whose chart flagged 36 of 36 points without a word: the nudge to Chart from period. */
import { spc } from "../../../src/core/analysis/spc";
import { summarise } from "../../../src/core/model/kpiSummary";
import { chartNudge } from "../../../src/core/review/chartNudge";

function noise(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 48271) % 2147483647) / 2147483647 - 0.5) * 2;
}

describe("chartNudge", () => {
  it("speaks when most of a trending KPI's points are special causes", () => {
    const z = noise(11);
    // Rising 3 a month with noise of at most ±1: the moving ranges average about 3, the limits about ±8 around the centre.
    const trend = Array.from({ length: 36 }, (_, i) => 100 + 3 * i + z());
    const chart = spc(Float64Array.from(trend), "higher");
    const special = chart.types.filter((t) => t !== "Common cause").length;
    // By hand: every point more than 8 from the centre (i below 15 or above 20, 30 of them) is beyond a limit.
    expect(special).toBeGreaterThanOrEqual(30);
    const nudge = chartNudge(chart)!;
    expect([nudge.special, nudge.points]).toEqual([special, 36]);
    expect(nudge.sentence).toBe(
      `${special} of 36 points are special causes: the process changed (a trend or a shift), so limits over all of them describe neither before nor after. If you know when it changed (an initiative, a price change), set Chart from period to that period to recalculate the limits from there.`,
    );
    expect(chartNudge(chart, 13)!.sentence).toMatch(/^\d+ of 36 points are special causes even charted from period 13:/);
  });

  it("is silent on routine variation, on a short chart, and once the chart starts at the change", () => {
    const z = noise(5);
    expect(
      chartNudge(
        spc(
          Float64Array.from({ length: 36 }, () => 100 + z()),
          "higher",
        ),
      ),
    ).toBeNull();
    expect(
      chartNudge(
        spc(
          Float64Array.from({ length: 11 }, (_, i) => 100 + 10 * i),
          "higher",
        ),
      ),
    ).toBeNull();
    expect(chartNudge(null)).toBeNull();
    // A step from 100 to 130 at period 19: over all 36 the limits span both levels; charted from 19, one process.
    const step = Array.from({ length: 36 }, (_, i) => (i < 18 ? 100 : 130) + z());
    const all = summarise({ target: null, atRisk: null, direction: "higher", spcBaseline: null, spcFrom: null }, step);
    const after = summarise({ target: null, atRisk: null, direction: "higher", spcBaseline: null, spcFrom: 19 }, step);
    expect(chartNudge(all.spc)).not.toBeNull();
    expect(chartNudge(after.spc, 19)).toBeNull();
  });
});
