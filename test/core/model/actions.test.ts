import { actionOf, executionRates, firings, OFF_TRACK_RULE, Action } from "../../../src/core/model/actions";

describe("deviation triggers and actions", () => {
  const kpi = { id: "REV", trigger: "drop 20%", response: "Call the top ten accounts", owner: "Dana Whitfield", cadence: "monthly" as const };

  it("fires Off track once when the KPI turns Off track, and the rule when it fires", () => {
    const fired = firings(kpi, [1000, 800], ["on", "off"], "Common cause", []);
    // 1000 → 800 is exactly a 20% drop.
    expect(fired).toEqual([
      { kpi: "REV", period: 2, rule: OFF_TRACK_RULE },
      { kpi: "REV", period: 2, rule: "drop 20%" },
    ]);
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
    expect(firings({ ...kpi, trigger: "special cause" }, [1, 2, 3], ["on", "on", "on"], "Concern", [])).toEqual([
      { kpi: "REV", period: 3, rule: "special cause" },
    ]);
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
