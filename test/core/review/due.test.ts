/** Due this close, against dates worked out by hand on a calendar. */
import { kpiDefinition } from "../../support/kpiDefinition";
import { dueThisClose, nextToReview, reviewStateOf } from "../../../src/core/review/due";
import { healthCheck } from "../../../src/core/model/guardrails";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";

const kpi = (over: Partial<KpiDefinition>): KpiDefinition =>
  kpiDefinition({
    ...FIELD_DEFAULTS,
    id: "A",
    name: "A",
    owner: "Maria Rossi",
    target: 1,
    atRisk: null,
    response: "Call",
    source: "S!A1:A3",
    lastReviewed: "",
    primary: false,
    ...over,
  });
const at = (over: Partial<KpiDefinition>, close: string) => reviewStateOf(kpi(over), close);
const statusAt = (over: Partial<KpiDefinition>, close: string) => {
  const s = at(over, close);
  return [s.status, s.missed];
};

describe("monthly, calendar months", () => {
  it("a close on the month's last day reviews that month; a review counts from the period's last day", () => {
    const s = at({ lastReviewed: "2026-11-30" }, "2026-11-30");
    expect([s.status, s.periodStart, s.periodEnd, s.overdueFrom]).toEqual(["done", "2026-11-01", "2026-11-30", "2027-01-01"]);
    // 29 November is before November ended: it is October's review, so November's is due.
    expect(statusAt({ lastReviewed: "2026-11-29" }, "2026-11-30")).toEqual(["due", 1]);
    expect(statusAt({ lastReviewed: "2026-10-31" }, "2026-11-30")).toEqual(["due", 1]);
    // 30 October reviewed September: October and November are both missing.
    expect(statusAt({ lastReviewed: "2026-10-30" }, "2026-11-30")).toEqual(["overdue", 2]);
  });

  it("a close a few days into December still reviews November", () => {
    expect(at({ lastReviewed: "2026-12-02" }, "2026-12-03").periodEnd).toBe("2026-11-30");
    expect(statusAt({ lastReviewed: "2026-12-02" }, "2026-12-03")).toEqual(["done", 0]);
    expect(statusAt({ lastReviewed: "2026-11-03" }, "2026-12-03")).toEqual(["due", 1]);
  });

  it("February ends on the 29th in a leap year and the 28th otherwise", () => {
    expect(at({ lastReviewed: "2024-02-28" }, "2024-02-29").periodEnd).toBe("2024-02-29");
    expect(statusAt({ lastReviewed: "2024-02-28" }, "2024-02-29")).toEqual(["due", 1]);
    expect(statusAt({ lastReviewed: "2024-02-29" }, "2024-02-29")).toEqual(["done", 0]);
    // On 28 February 2024 February has not ended: January is under review.
    expect(at({ lastReviewed: "2024-01-31" }, "2024-02-28").periodEnd).toBe("2024-01-31");
    expect(statusAt({ lastReviewed: "2024-01-31" }, "2024-02-28")).toEqual(["done", 0]);
    // 2025 is no leap year: 28 February closes February.
    expect(at({ lastReviewed: "2025-02-28" }, "2025-02-28").periodEnd).toBe("2025-02-28");
    expect(statusAt({ lastReviewed: "2025-02-28" }, "2025-02-28")).toEqual(["done", 0]);
  });

  it("periods from a first period on the 31st are clamped to short months, as periods.ts dates them", () => {
    // 31 Jan 2024 + 1 month = 29 Feb; + 2 months = 31 Mar: the second period is 29 Feb – 30 Mar.
    const s = at({ firstPeriod: "2024-01-31", lastReviewed: "2024-03-30" }, "2024-03-30");
    expect([s.periodStart, s.periodEnd, s.status]).toEqual(["2024-02-29", "2024-03-30", "done"]);
  });
});

describe("quarterly and weekly", () => {
  it("calendar quarters without a first period", () => {
    const s = at({ cadence: "quarterly", lastReviewed: "2024-12-31" }, "2025-02-15");
    expect([s.periodStart, s.periodEnd, s.status]).toEqual(["2024-10-01", "2024-12-31", "done"]);
    expect(statusAt({ cadence: "quarterly", lastReviewed: "2024-10-05" }, "2025-02-15")).toEqual(["due", 1]);
    expect(statusAt({ cadence: "quarterly", lastReviewed: "2024-09-29" }, "2025-02-15")).toEqual(["overdue", 2]);
  });

  it("fiscal quarters from a first period in April", () => {
    const s = at({ cadence: "quarterly", firstPeriod: "2024-04", lastReviewed: "2025-03-31" }, "2025-04-10");
    expect([s.periodStart, s.periodEnd, s.status]).toEqual(["2025-01-01", "2025-03-31", "done"]);
    expect(at({ cadence: "quarterly", firstPeriod: "2024-05", lastReviewed: "" }, "2025-04-10").periodEnd).toBe("2025-01-31");
  });

  it("ISO weeks end on Sunday, across a year end", () => {
    // 22 November 2026 is a Sunday: the week of 16–22 November is under review that day.
    const s = at({ cadence: "weekly", lastReviewed: "2026-11-22" }, "2026-11-22");
    expect([s.periodStart, s.periodEnd, s.status]).toEqual(["2026-11-16", "2026-11-22", "done"]);
    expect(statusAt({ cadence: "weekly", lastReviewed: "2026-11-15" }, "2026-11-25")).toEqual(["due", 1]);
    expect(statusAt({ cadence: "weekly", lastReviewed: "2026-11-14" }, "2026-11-25")).toEqual(["overdue", 2]);
    // Friday 1 January 2027 is in the week of 28 December – 3 January: 21–27 December is under review.
    expect(at({ cadence: "weekly", lastReviewed: "" }, "2027-01-01").periodEnd).toBe("2026-12-27");
  });

  it("a KPI never reviewed is due, and marked so", () => {
    expect(at({ lastReviewed: "" }, "2026-11-30")).toMatchObject({ status: "due", neverReviewed: true, missed: 1 });
  });

  it("a review after the close counts as done", () => {
    expect(statusAt({ lastReviewed: "2027-01-05" }, "2026-11-30")).toEqual(["done", 0]);
  });
});

describe("the close, by owner, in the review order", () => {
  const close = "2026-11-30";
  const kpis = [
    kpi({ id: "M1", name: "Revenue", lastReviewed: "2026-11-02" }),
    kpi({ id: "M2", name: "Margin", lastReviewed: "2026-10-31" }),
    kpi({ id: "M3", name: "Churn", lastReviewed: "" }),
    kpi({ id: "M4", name: "Backlog", lastReviewed: "2026-08-01" }),
    kpi({ id: "S1", name: "Leads", owner: "Sam Patel", cadence: "weekly", lastReviewed: "2026-11-30" }),
    kpi({ id: "S2", name: "NPS", owner: "Sam Patel", cadence: "quarterly", lastReviewed: "2026-10-02" }),
    kpi({ id: "N1", name: "Cash", owner: " ", lastReviewed: "2026-09-10" }),
  ];
  const review = dueThisClose(kpis, close);

  it("counts each owner's due, overdue and done", () => {
    expect(review.owners.map((o) => o.sentence)).toEqual(["Maria Rossi: 3 due, 1 overdue", "(no owner): 1 overdue", "Sam Patel: all 2 done"]);
  });

  it("queues overdue first (most periods missed first), then never reviewed, then due, then owner, name, ID", () => {
    // Backlog: reviewed 1 Aug (July's review): August to November missing = 4; Cash: reviewed 10 Sep (August's review), September to November missing = 3.
    expect(review.queue.map((s) => [s.id, s.status, s.missed])).toEqual([
      ["M4", "overdue", 4],
      ["N1", "overdue", 3],
      ["M3", "due", 1],
      ["M2", "due", 1],
      ["M1", "due", 1],
    ]);
    expect(dueThisClose([...kpis].reverse(), close).queue.map((s) => s.id)).toEqual(review.queue.map((s) => s.id));
  });

  it("steps through the queue snapshot, skipping what is reviewed", () => {
    const ids = review.queue.map((s) => s.id);
    expect(nextToReview(ids, new Set(), null)).toBe("M4");
    expect(nextToReview(ids, new Set(["M4"]), "M4")).toBe("N1");
    expect(nextToReview(ids, new Set(["M4", "N1", "M2"]), "M3")).toBe("M1");
    expect(nextToReview(ids, new Set(["N1", "M3", "M2", "M1"]), "M1")).toBe("M4");
    expect(nextToReview(ids, new Set(ids), "M1")).toBeNull();
  });

  it("is what the health check calls stale: overdue and never reviewed, not merely due", () => {
    const today = new Date(`${close}T12:00:00Z`);
    const stale = healthCheck({ kpis, chainSupported: {}, today })
      .filter((f) => f.kind === "not-reviewed")
      .map((f) => f.kpiIds[0]);
    expect(stale.sort()).toEqual(["M3", "M4", "N1"]);
  });
});
