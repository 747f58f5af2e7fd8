/** The counter-metric trigger: the guard worsens beyond routine variation while the primary improves. */
import { allCounterMetricFirings, counterMetricFirings } from "../../../src/core/review/counterMetric";
import { Action } from "../../../src/core/model/actions";
import { spc } from "../../support/functions";

const time = { id: "TIME", name: "Resolution time", direction: "lower" as const };
const defects = { id: "DEFECTS", name: "Defects", direction: "lower" as const };
const times = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 9];
// By hand: mean 67/11 = 6.09, mean moving range 15/10 = 1.5, upper limit 6.09 + 2.66 · 1.5 = 10.08: 12 lies outside.
const defectCounts = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 12];

describe("counterMetricFirings", () => {
  it("fires when the counter-metric's latest point is a special cause of concern and the primary moved its better way", () => {
    expect(
      spc(
        defectCounts.map((v) => [v]),
        undefined,
        "lower",
      ),
    ).toEqual([["Special cause concern"]]);
    expect(counterMetricFirings(time, defects, times, defectCounts, [])).toEqual([
      { kpi: "TIME", period: 11, rule: "counter-metric DEFECTS", counter: "DEFECTS", message: "Resolution time down, Defects up: check for gaming." },
    ]);
  });

  it("does not fire on routine variation of the counter-metric, nor when the primary worsened", () => {
    expect(counterMetricFirings(time, defects, times, [...defectCounts.slice(0, 10), 6], [])).toEqual([]);
    expect(counterMetricFirings(time, defects, [...times.slice(0, 10), 13], defectCounts, [])).toEqual([]);
  });

  it("aligns on the latest periods both report and waits for both", () => {
    // The counter-metric has not reported period 12 yet: the latest shared period is the 11th.
    expect(counterMetricFirings(time, defects, [...times, 8], [...defectCounts, null], [])[0].period).toBe(11);
    // A primary with one more period at the start: aligned on the latest, its 12th is the counter's 11th.
    expect(counterMetricFirings(time, defects, [8, ...times], defectCounts, [])[0].period).toBe(12);
  });

  it("fires once per period: an action already opened for it stops it", () => {
    const open: Action = {
      fired: "2026-11-30",
      kpi: "time",
      period: 11,
      rule: "Counter-metric DEFECTS",
      response: "",
      owner: "",
      due: "",
      status: "open",
      note: "",
      doneOn: "",
    };
    expect(counterMetricFirings(time, defects, times, defectCounts, [open])).toEqual([]);
  });

  it("judges no KPI kept within a tolerance", () => {
    expect(counterMetricFirings({ ...time, direction: "within" }, defects, times, defectCounts, [])).toEqual([]);
  });

  it("fires on pure noise far less often than period-over-period would (about 1 in 4)", () => {
    let s = 12345;
    const normal = () => {
      s = (s * 48271) % 2147483647;
      const u = s / 2147483647;
      s = (s * 48271) % 2147483647;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * (s / 2147483647));
    };
    let fired = 0;
    let naive = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const a = Array.from({ length: 24 }, () => 100 + 5 * normal());
      const b = Array.from({ length: 24 }, () => 20 + 2 * normal());
      if (counterMetricFirings(time, defects, a, b, []).length > 0) fired++;
      if (a[23] < a[22] && b[23] > b[22]) naive++;
    }
    expect(naive / trials).toBeGreaterThan(0.18);
    expect(fired / trials).toBeLessThan(0.08);
  });
});

describe("allCounterMetricFirings", () => {
  it("pairs each KPI with the one named in its Guarded by", () => {
    const kpis = [
      { ...time, guardedBy: "defects" },
      { ...defects, guardedBy: "" },
    ];
    const values: Record<string, number[]> = { TIME: times, DEFECTS: defectCounts };
    expect(allCounterMetricFirings(kpis, (id) => values[id], []).map((f) => f.kpi)).toEqual(["TIME"]);
  });
});
