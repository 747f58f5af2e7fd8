import { kpiDefinition } from "../../support/kpiDefinition";
import { CheckIn } from "../../../src/core/model/checkins";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";
import { closeEntries, closeEntriesSteps, CloseContext, periodOfClose, reopenEntries, ReportedEntry, standingCloses } from "../../../src/core/model/reported";
import { restatedText, restatements, restatementsOf, sameFigure } from "../../../src/core/model/restatement";

const kpi = (over: Partial<KpiDefinition> = {}): KpiDefinition =>
  kpiDefinition({ ...FIELD_DEFAULTS, id: "REVENUE", target: 1300, atRisk: 1250, unit: "k€", source: "Data!$B$2:$B$13", firstPeriod: "2025-01", ...over });
const values = [1200, 1210, 1250, 1260, 1280, 1300, 1320, 1350, 1360, 1390, 1400, 1443.5];
const context = (when: string, checkIns: CheckIn[] = []): CloseContext => ({ when, who: "Dana Whitfield", checkIns, cellOf: (_id, p) => `Data!B${p + 1}` });
const note = (period: number, text: string, over: Partial<CheckIn> = {}): CheckIn => ({
  when: "2026-01-02T09:00:00Z",
  kpi: "REVENUE",
  period,
  note: text,
  override: null,
  reason: "",
  who: "Dana",
  ...over,
});

describe("which period a close covers", () => {
  it("maps a month to a monthly KPI's period and a quarter (or its last month) to a quarterly one's", () => {
    expect(periodOfClose(kpi(), "2025-12")).toEqual({ period: 12 });
    expect(periodOfClose(kpi(), "2026-3")).toEqual({ period: 15 });
    expect(periodOfClose(kpi({ cadence: "quarterly" }), "2025-12")).toEqual({ period: 4 });
    expect(periodOfClose(kpi({ cadence: "quarterly" }), "2025-q4")).toEqual({ period: 4 });
    // Fiscal quarters Feb–Apr, May–Jul …: April closes the first.
    expect(periodOfClose(kpi({ cadence: "quarterly", firstPeriod: "2025-02" }), "2025-04")).toEqual({ period: 1 });
  });

  it("says why when it covers none, rather than guessing", () => {
    expect(periodOfClose(kpi(), "2024-12")).toEqual({ reason: expect.stringMatching(/first period is after 2024-12/) });
    expect(periodOfClose(kpi(), "2025-Q4")).toEqual({ reason: expect.stringMatching(/monthly: close a month \(such as 2025-12\)/) });
    expect(periodOfClose(kpi({ cadence: "quarterly" }), "2025-11")).toEqual({ reason: expect.stringMatching(/not the last month/) });
    expect(periodOfClose(kpi({ cadence: "quarterly", firstPeriod: "2025-02" }), "2025-Q2")).toEqual({
      reason: expect.stringMatching(/do not start with the calendar's/),
    });
    expect(periodOfClose(kpi({ cadence: "weekly" }), "2025-12")).toEqual({ reason: expect.stringMatching(/weekly/) });
    expect(periodOfClose(kpi({ firstPeriod: "" }), "2025-12")).toEqual({ reason: expect.stringMatching(/no First period/) });
    expect(periodOfClose(kpi(), "Dec 2025")).toEqual({ reason: expect.stringMatching(/not a period/) });
  });
});

describe("closing a period", () => {
  it("plans in steps of one KPI each, to the same rows (a close of 300 KPIs runs in time slices)", () => {
    const kpis = [kpi(), kpi({ id: "COST", name: "Cost" }), kpi({ id: "EMPTY", name: "Empty" })];
    const series = [
      { id: "REVENUE", values, targets: null },
      { id: "COST", values: values.map((v) => v / 2), targets: null },
    ];
    const steps = closeEntriesSteps(kpis, series, [], "2025-12", context("2026-01-05T10:00:00Z"));
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBe(kpis.length);
    expect(next.value).toEqual(closeEntries(kpis, series, [], "2025-12", context("2026-01-05T10:00:00Z")));
    expect(next.value.entries.map((e) => e.kpi)).toEqual(["REVENUE", "COST"]);
    expect(next.value.skipped.map((s) => s.id)).toEqual(["EMPTY"]);
  });

  it("records the value, target, status, variance and the period's latest note, with who and when", () => {
    const notes = [note(12, "first take"), note(12, "Two renewals landed early"), note(11, "other month")];
    const { entries, skipped } = closeEntries([kpi()], [{ id: "REVENUE", values, targets: null }], [], "2025-12", context("2026-01-05T10:00:00Z", notes));
    expect(skipped).toEqual([]);
    expect(entries).toEqual([
      {
        when: "2026-01-05T10:00:00Z",
        who: "Dana Whitfield",
        event: "Closed",
        kpi: "REVENUE",
        closedPeriod: "2025-12",
        period: 12,
        periodDate: "2025-12-01",
        value: 1443.5,
        target: 1300,
        status: "On track",
        statusBasis: "KPI_STATUS",
        variance: 143.5,
        variancePercent: 143.5 / 1300,
        note: "Two renewals landed early",
        reason: "",
        valueCell: "Data!B13",
      },
    ]);
  });

  it("reports an override as the status, saying so; a per-period target as that period's", () => {
    const notes = [note(12, "Restated by finance", { override: "risk", reason: "one-off credit" })];
    const targets = values.map((_, i) => 1250 + 20 * i); // December's budget: 1470
    const { entries } = closeEntries(
      [kpi({ target: null, atRisk: null, atRiskPercent: 5 })],
      [{ id: "REVENUE", values, targets }],
      [],
      "2025-12",
      context("2026-01-05T10:00:00Z", notes),
    );
    expect(entries[0]).toMatchObject({ target: 1470, variance: 1443.5 - 1470, status: "At risk", statusBasis: "override: one-off credit" });
  });

  it("skips a KPI closed already, one without a value in the period, and one with no such period, each with its reason", () => {
    const first = closeEntries([kpi()], [{ id: "REVENUE", values, targets: null }], [], "2025-12", context("2026-01-05T10:00:00Z")).entries;
    const kpis = [kpi(), kpi({ id: "CHURN" }), kpi({ id: "NPS", cadence: "weekly" })];
    const series = [
      { id: "REVENUE", values, targets: null },
      { id: "CHURN", values: values.slice(0, 11), targets: null },
      { id: "NPS", values, targets: null },
    ];
    const again = closeEntries(kpis, series, first, "2025-12", context("2026-01-06T10:00:00Z"));
    expect(again.entries).toEqual([]);
    expect(again.skipped).toEqual([
      { id: "REVENUE", reason: "closed already by Dana Whitfield on 2026-01-05: reopen it first" },
      { id: "CHURN", reason: "it has no value for 2025-12" },
      { id: "NPS", reason: expect.stringMatching(/weekly/) },
    ]);
  });
});

describe("restatements", () => {
  const series = (v: (number | null)[] = values, targets: (number | null)[] | null = null) => [{ id: "REVENUE", values: v, targets }];
  const closed = (): ReportedEntry[] => closeEntries([kpi()], series(), [], "2025-12", context("2026-01-05T10:00:00Z")).entries;

  it("none right after a close", () => {
    expect(restatements(closed(), [kpi()], series())).toEqual([]);
  });

  it("a changed value is restated, as the card says it", () => {
    const changed = [...values.slice(0, 11), 1470];
    const found = restatements(closed(), [kpi()], series(changed));
    expect(found).toEqual([
      {
        kpi: "REVENUE",
        period: 12,
        closedPeriod: "2025-12",
        field: "value",
        reported: 1443.5,
        current: 1470,
        closedOn: "2026-01-05T10:00:00Z",
        closedBy: "Dana Whitfield",
        text: "restated: 1,443.5 → 1,470.0 since close",
      },
    ]);
    expect(restatementsOf(found, "revenue")).toEqual(found);
  });

  it("a changed target, and a value removed since, are restatements too", () => {
    const found = restatements(closed(), [kpi({ target: 1350 })], series([...values.slice(0, 11), null]));
    expect(found.map((r) => r.text)).toEqual(["target restated: 1,300 → 1,350 since close", "restated: 1,443.5 → no value since close"]);
  });

  it("a reopened period is not restated; closed again, it is compared with the new close", () => {
    const entries = [...closed()];
    entries.push(...reopenEntries(entries, "2025-12", "late invoice", { when: "2026-01-07T08:00:00Z", who: "Lee Chan" }));
    expect(entries[1]).toMatchObject({ event: "Reopened", reason: "late invoice", who: "Lee Chan", value: 1443.5 });
    const changed = [...values.slice(0, 11), 1470];
    expect(restatements(entries, [kpi()], series(changed))).toEqual([]);
    entries.push(...closeEntries([kpi()], series(changed), entries, "2025-12", context("2026-01-08T08:00:00Z")).entries);
    expect(standingCloses(entries).map((e) => e.value)).toEqual([1470]);
    expect(restatements(entries, [kpi()], series(changed))).toEqual([]);
    expect(restatements(entries, [kpi()], series([...values.slice(0, 11), 1480]))[0].text).toBe("restated: 1,470 → 1,480 since close");
  });

  it("orders events by time, not by the table's order (the user may sort it)", () => {
    const entries = [...closed()];
    const reopened = reopenEntries(entries, "2025-12", "late invoice", { when: "2026-01-07T08:00:00Z", who: "Lee Chan" });
    expect(restatements([...reopened, ...entries], [kpi()], series([...values.slice(0, 11), 1470]))).toEqual([]);
  });

  it("a figure Excel kept to 15 digits is the same figure", () => {
    expect(sameFigure(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameFigure(1443.5, 1443.6)).toBe(false);
    expect(sameFigure(null, 0)).toBe(false);
    expect(restatedText(-2.25, 1_000_000)).toBe("-2.25 → 1,000,000.00");
  });
});
