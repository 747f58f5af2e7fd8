import { actionOf, executionRates, firings, OFF_TRACK_RULE, Action } from "../../../src/core/model/actions";
import { needsNote, overrideOf, validateCheckIn, CheckIn } from "../../../src/core/model/checkins";
import { addCadence, periodLabel } from "../../../src/core/model/periods";
import { rollups } from "../../../src/core/model/rollup";

describe("periods", () => {
  it("steps by the cadence, keeping the day within the month", () => {
    expect(addCadence("2025-01-31", "monthly")).toBe("2025-02-28");
    expect(addCadence("2024-01-31", "monthly")).toBe("2024-02-29");
    expect(addCadence("2025-11-15", "quarterly")).toBe("2026-02-15");
    expect(addCadence("2025-12-29", "weekly")).toBe("2026-01-05");
    expect(periodLabel("2023-01", "monthly", 36)).toBe("2025-12");
    expect(periodLabel("2023-01", "quarterly", 4)).toBe("2023-Q4");
    expect(periodLabel("", "monthly", 7)).toBe("period 7");
  });
});

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

describe("check-ins", () => {
  const notes: CheckIn[] = [
    { when: "2026-01-01", kpi: "REV", period: 36, note: "Deal slipped", override: null, reason: "", who: "Dana" },
    { when: "2026-01-02", kpi: "REV", period: 35, note: "One-off", override: "risk", reason: "Restated", who: "Dana" },
    { when: "2026-01-03", kpi: "REV", period: 35, note: "Confirmed", override: "on", reason: "Final figure", who: "Lee" },
  ];
  it("lets the latest override of a period win", () => {
    expect(overrideOf(notes, "rev", 35)?.override).toBe("on");
    expect(overrideOf(notes, "REV", 36)).toBeNull();
  });
  it("asks for a note when the latest period is Off track and has none", () => {
    expect(needsNote(notes, "REV", 36, "off")).toBe(false);
    expect(needsNote(notes, "REV", 37, "off")).toBe(true);
    expect(needsNote(notes, "REV", 37, "risk")).toBe(false);
  });
  it("requires a note, a period in range, and a reason for an override", () => {
    expect(validateCheckIn({ period: "37", note: "", override: "on", reason: "" }, 36)).toEqual({
      period: "Choose a period from 1 to 36.",
      note: "Write the note: what happened, and what is being done.",
      reason: "Say why the status is On track instead of what the numbers give.",
    });
    expect(validateCheckIn({ period: "36", note: "Ok", override: "", reason: "" }, 36)).toEqual({});
  });
});

describe("deviation triggers and actions", () => {
  const kpi = { id: "REV", trigger: "drop 20%", response: "Call the top ten accounts", owner: "Dana Whitfield", cadence: "monthly" as const };

  it("fires Off track once when the KPI turns Off track, and the rule when it fires", () => {
    const fired = firings(kpi, [1000, 800], ["on", "off"], "Common cause", []);
    // 1000 → 800 is exactly a 20% drop.
    expect(fired).toEqual([{ kpi: "REV", period: 2, rule: OFF_TRACK_RULE }, { kpi: "REV", period: 2, rule: "drop 20%" }]);
    expect(firings(kpi, [1000, 801], ["on", "off"], null, []).map((f) => f.rule)).toEqual([OFF_TRACK_RULE]);
  });

  it("does not fire again for the same KPI, period and rule, nor while it stays Off track", () => {
    const open: Action = { ...actionOf({ kpi: "REV", period: 2, rule: OFF_TRACK_RULE }, kpi, "2026-11-23"), status: "open" };
    expect(firings({ ...kpi, trigger: "" }, [1000, 800], ["on", "off"], null, [open])).toEqual([]);
    expect(firings({ ...kpi, trigger: "" }, [1000, 800, 790], ["on", "off", "off"], null, [open])).toEqual([]);
    // Tagged while already Off track: one action even though the month before was off too.
    expect(firings({ ...kpi, trigger: "" }, [800, 790], ["off", "off"], null, [])).toEqual([{ kpi: "REV", period: 2, rule: OFF_TRACK_RULE }]);
  });

  it("fires a special cause rule on a concern, and a rise on a rise", () => {
    expect(firings({ ...kpi, trigger: "special cause" }, [1, 2, 3], ["on", "on", "on"], "Concern", [])).toEqual([{ kpi: "REV", period: 3, rule: "special cause" }]);
    expect(firings({ ...kpi, trigger: "rise 50%" }, [-100, -40], ["on", "on"], null, [])).toEqual([{ kpi: "REV", period: 2, rule: "rise 50%" }]);
  });

  it("opens an action due one cadence later, and rates each owner's execution", () => {
    const a = actionOf({ kpi: "REV", period: 36, rule: OFF_TRACK_RULE }, kpi, "2026-01-31");
    expect(a).toMatchObject({ owner: "Dana Whitfield", response: "Call the top ten accounts", due: "2026-02-28", status: "open" });
    const actions: Action[] = [
      { ...a, status: "done", doneOn: "2026-02-10" },
      { ...a, period: 37, status: "done", doneOn: "2026-03-10" }, // late
      { ...a, period: 38, status: "open" }, // overdue on 2026-03-01
      { ...a, owner: "Lee Chan", status: "open", due: "2026-04-01" },
    ];
    expect(executionRates(actions, "2026-03-01")).toEqual([
      { owner: "Dana Whitfield", fired: 3, doneOnTime: 1, open: 1, overdue: 1, rate: 1 / 3 },
      { owner: "Lee Chan", fired: 1, doneOnTime: 0, open: 1, overdue: 0, rate: 0 },
    ]);
  });
});
