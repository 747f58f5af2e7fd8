import { kpiDefinition } from "../../support/kpiDefinition";
import { addedVsRetired, healthCheck } from "../../../src/core/model/guardrails";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";

const base: KpiDefinition = kpiDefinition({
  ...FIELD_DEFAULTS,
  id: "A",
  name: "A",
  target: 1,
  atRisk: null,
  response: "Call",
  source: "S!A1:A3",
  lastReviewed: "2026-11-01",
});
const today = new Date("2026-11-22T10:00:00Z");

describe("health check", () => {
  it("finds nothing wrong with a complete, recently reviewed KPI", () => {
    expect(healthCheck({ kpis: [base], chainSupported: {}, today })).toEqual([]);
  });

  it("lists each failure mode with its fix", () => {
    const kpis: KpiDefinition[] = [
      { ...base, id: "A", name: "A", owner: "" },
      { ...base, id: "B", name: "B", initiative: "" },
      { ...base, id: "C", name: "C", response: "", lastReviewed: "" },
      // Stale is now "overdue" as Due this close defines it (src/core/review/due.ts): reviewed on
      // 1 October, D's October review is only due on 22 November; mid-September leaves September's
      // review missing too, a whole cycle, which the health check flags.
      { ...base, id: "D", name: "D", lastReviewed: "2026-09-15" },
      { ...base, id: "E", name: "E", kind: "leading", predicts: "" },
      { ...base, id: "F", name: "F", kind: "leading", predicts: "A", primary: false },
    ];
    const kinds = healthCheck({ kpis, chainSupported: { F: false }, today }).map((f) => [f.kind, f.kpiIds.join(","), f.fix]);
    expect(kinds).toEqual([
      ["no-owner", "A", "edit"],
      ["too-many-primary", "A,B,C,D,E", "edit"],
      ["no-initiative", "B", "edit"],
      ["no-response", "C", "edit"],
      ["not-reviewed", "C", "review"],
      ["not-reviewed", "D", "review"],
      ["predicts-nothing", "E", "edit"],
      ["prediction-unsupported", "F", "edit"],
    ]);
  });

  it("measures staleness against the cadence", () => {
    const weekly = { ...base, cadence: "weekly" as const, lastReviewed: "2026-11-14" };
    expect(healthCheck({ kpis: [weekly], chainSupported: {}, today }).map((f) => f.message)).toEqual([
      "A was last reviewed 8 days ago, beyond its weekly cadence.",
    ]);
    expect(healthCheck({ kpis: [{ ...weekly, lastReviewed: "2026-11-15" }], chainSupported: {}, today })).toEqual([]);
  });
});

describe("At risk as finance writes it", () => {
  it("reads 10% as 10% of |target| on the unfavourable side, never as 0.1", () => {
    const { atRiskOfDraft } = jest.requireActual("../../../src/core/model/kpi") as typeof import("../../../src/core/model/kpi");
    expect(atRiskOfDraft({ atRisk: "10%", target: "1300", direction: "higher" })).toBe(1170);
    expect(atRiskOfDraft({ atRisk: "10 %", target: "2.6", direction: "lower" })).toBeCloseTo(2.86, 12);
    expect(atRiskOfDraft({ atRisk: "5%", target: "-200", direction: "higher" })).toBe(-210);
    expect(atRiskOfDraft({ atRisk: "1,250", target: "1300", direction: "higher" })).toBe(1250);
    expect(atRiskOfDraft({ atRisk: "10%", target: "", direction: "higher" })).toBeNull();
  });
});

// The health check's added-vs-retired report: an untag undone the same day is no churn.
const e = (when: string, kpi: string, field: "Tagged" | "Untagged", source = `'Monthly KPIs'!$B$2:$B$37`) =>
  field === "Tagged" ? { when, kpi, field, old: "", new: source, who: "Dana" } : { when, kpi, field, old: source, new: "", who: "Dana" };

describe("addedVsRetired", () => {
  it("counts an untag followed by Undo as neither added nor retired", () => {
    const history = [
      e("2026-01-05T09:00:00", "REVENUE", "Tagged"),
      e("2026-11-20T10:00:00", "REVENUE", "Untagged"),
      e("2026-11-20T10:00:05", "REVENUE", "Tagged"),
    ];
    expect(addedVsRetired(history)).toEqual([{ quarter: "2026-Q1", added: 1, retired: 0 }]);
  });

  it("still counts a real retirement, a re-tag another day, and a re-tag of other cells", () => {
    expect(addedVsRetired([e("2026-11-20T10:00:00", "A", "Untagged")])).toEqual([{ quarter: "2026-Q4", added: 0, retired: 1 }]);
    expect(addedVsRetired([e("2026-11-20T10:00:00", "A", "Untagged"), e("2026-11-21T08:00:00", "A", "Tagged")])).toEqual([
      { quarter: "2026-Q4", added: 1, retired: 1 },
    ]);
    expect(addedVsRetired([e("2026-11-20T10:00:00", "A", "Untagged"), e("2026-11-20T11:00:00", "A", "Tagged", "Other!$C$2:$C$9")])).toEqual([
      { quarter: "2026-Q4", added: 1, retired: 1 },
    ]);
  });

  it("pairs each untag with the same KPI's next entry only, whatever other KPIs do between", () => {
    const history = [
      e("2026-11-20T10:00:00", "A", "Untagged"),
      e("2026-11-20T10:00:01", "B", "Tagged", "S!$D$2:$D$9"),
      e("2026-11-20T10:00:02", "a", "Tagged"),
      // Untagged again later the same day and not undone: a retirement.
      e("2026-11-20T16:00:00", "A", "Untagged"),
    ];
    expect(addedVsRetired(history)).toEqual([{ quarter: "2026-Q4", added: 1, retired: 1 }]);
  });

  it("reads entries without KPI and source (older callers) as before", () => {
    expect(
      addedVsRetired([
        { when: "2026-11-20", field: "Untagged" },
        { when: "2026-11-20", field: "Tagged" },
      ]),
    ).toEqual([{ quarter: "2026-Q4", added: 1, retired: 1 }]);
  });
});
