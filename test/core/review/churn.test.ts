/** The health check's added-vs-retired report: an untag undone the same day is no churn. */
import { addedVsRetired } from "../../../src/core/model/guardrails";

const e = (when: string, kpi: string, field: "Tagged" | "Untagged", source = `'Monthly KPIs'!$B$2:$B$37`) =>
  field === "Tagged" ? { when, kpi, field, old: "", new: source, who: "Dana" } : { when, kpi, field, old: source, new: "", who: "Dana" };

describe("addedVsRetired", () => {
  it("counts an untag followed by Undo as neither added nor retired", () => {
    const history = [e("2026-01-05T09:00:00", "REVENUE", "Tagged"), e("2026-11-20T10:00:00", "REVENUE", "Untagged"), e("2026-11-20T10:00:05", "REVENUE", "Tagged")];
    expect(addedVsRetired(history)).toEqual([{ quarter: "2026-Q1", added: 1, retired: 0 }]);
  });

  it("still counts a real retirement, a re-tag another day, and a re-tag of other cells", () => {
    expect(addedVsRetired([e("2026-11-20T10:00:00", "A", "Untagged")])).toEqual([{ quarter: "2026-Q4", added: 0, retired: 1 }]);
    expect(addedVsRetired([e("2026-11-20T10:00:00", "A", "Untagged"), e("2026-11-21T08:00:00", "A", "Tagged")])).toEqual([{ quarter: "2026-Q4", added: 1, retired: 1 }]);
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
    expect(addedVsRetired([{ when: "2026-11-20", field: "Untagged" }, { when: "2026-11-20", field: "Tagged" }])).toEqual([{ quarter: "2026-Q4", added: 1, retired: 1 }]);
  });
});
