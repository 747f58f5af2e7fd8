/**
 * The card's month-end numbers against the functions' own answers, called as a user would in a
 * cell with the ranges the insertable formulas pass (formulas.ts): every number is KPI.VARIANCE's
 * or KPI.OUTLOOK's.
 */
import { kpiDefinition } from "../../support/kpiDefinition";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";
import { compact, monthEnd, yearStartOf } from "../../../src/core/model/monthEnd";
import { outlookFormula, varianceFormula, yearStartPosition, ytdVarianceFormula } from "../../../src/core/excel/formulas";
import { outlook, variance } from "../../support/functions";

const kpi = (over: Partial<KpiDefinition> = {}): KpiDefinition =>
  kpiDefinition({
    ...FIELD_DEFAULTS,
    id: "REVENUE",
    target: null,
    atRisk: null,
    atRiskPercent: 10,
    targetRange: "Budget!$B$2:$B$40",
    unit: "k€",
    source: "Data!$B$2:$B$19",
    firstPeriod: "2024-04",
    yearStart: 4,
    aggregation: "sum",
    materiality: 50,
    materialityPercent: 5,
    ...over,
  });
// April 2024 to September 2025; the financial year from April 2025 is periods 13 … 24, six of them reported.
const values: (number | null)[] = [1200, 1215, 1190, 1230, 1244, 1220, 1251, 1262, 1240, 1275, 1290, 1266, 1301, 1312, null, 1330, 1625, 1340];
const budget = Array.from({ length: 39 }, (_, i) => 1210 + 8 * i);
const col = (xs: readonly (number | null)[]) => xs.map((x) => [x]);
const MATERIALITY = [[50, "5%"]]; // IF({1,0},Materiality,Materiality %) as the formula passes it

describe("the month-end numbers of a KPI with a budget per period", () => {
  const m = monthEnd(kpi(), values, budget);

  it("this period's variance is KPI.VARIANCE's, with the amount, percentage and label in words", () => {
    const [a, t] = [[[1340]], [[budget[17]]]];
    expect(m.period!.period).toBe(18);
    expect(m.period!.variance).toBeCloseTo(variance(a, t, "higher", MATERIALITY, "variance")[0][0], 9);
    expect(m.period!.percent).toBeCloseTo(variance(a, t, "higher", MATERIALITY, "percent")[0][0], 12);
    expect(m.period!.label).toBe(variance(a, t, "higher", MATERIALITY, "label")[0][0]);
    expect(m.period!.material).toBe(variance(a, t, "higher", MATERIALITY, "material")[0][0]);
    // 1340 − 1346 = −6: −0.4% of budget, not material against 50 and 5%.
    expect(m.period!.words).toBe("-6 (-0.4%): unfavourable");
  });

  it("the year starts in April: period 13, as the formula's L − MOD(L − 1 + offset, 12) gives", () => {
    expect(m.yearStart).toBe(13);
    expect(yearStartPosition(kpi())).toBe("MATCH(9.99E+307,KPI_REVENUE)-MOD(MATCH(9.99E+307,KPI_REVENUE)-1,12)");
    expect(yearStartOf(kpi({ yearStart: 1 }), 18)).toBe(10); // a calendar year: January 2025 is period 10
    expect(yearStartPosition(kpi({ yearStart: 1 }))).toContain("-1+3,12)");
  });

  it("the year to date is KPI.VARIANCE's total over the year's periods", () => {
    const total = variance(col(values.slice(12, 18)), col(budget.slice(12, 18)), "higher", MATERIALITY, "total");
    expect(total[0]).toEqual(["actual", "target", "variance", "percent", "label", "material"]);
    const [actual, target, v, percent, label, material] = total[1];
    expect(m.ytd).toMatchObject({ periods: [13, 14, 16, 17, 18], label, material });
    expect(m.ytd!.actual).toBeCloseTo(actual, 9);
    expect(m.ytd!.target).toBeCloseTo(target, 9);
    expect(m.ytd!.variance).toBeCloseTo(v, 9);
    expect(m.ytd!.percent).toBeCloseTo(percent, 12);
  });

  it("the year's outlook is KPI.OUTLOOK's table over the twelve periods, open ones blank, in one sentence", () => {
    const horizon = col([...values.slice(12, 18), ...Array(6).fill(null)]);
    const [, [landing, lower, upper, target, probability]] = outlook(horizon, col(budget.slice(12, 24)), "higher", "trend", "sum", 0.8, "table");
    expect(m.outlook!.landing).toBeCloseTo(landing, 6);
    expect(m.outlook!.lower).toBeCloseTo(lower, 6);
    expect(m.outlook!.upper).toBeCloseTo(upper, 6);
    expect(m.outlook!.target).toBeCloseTo(target, 6);
    expect(m.outlook!.probability).toBeCloseTo(probability, 9);
    expect(m.outlook!.sentence).toBe(
      `lands at ${compact(landing)}, 80% between ${compact(lower)} and ${compact(upper)}, against a budget of ${compact(target)}: ${Math.round(probability * 100)}% chance to meet it`,
    );
  });

  it("asks for a note where KPI.VARIANCE's explain is TRUE: material and a special cause", () => {
    const explain = variance(col(values), col(budget.slice(0, 18)), "higher", MATERIALITY, "explain")
      .map((r, i) => (r[0] === true ? i + 1 : null))
      .filter((p) => p !== null);
    expect(m.explain).toEqual(explain);
    expect(m.explain).toEqual([17]); // 1625 against 1338: far outside the variances' limits, and material
    expect(monthEnd(kpi({ materiality: 500, materialityPercent: null }), values, budget).explain).toEqual([]); // 287 is not above 500
  });

  it("writes the formulas behind them over the same ranges", () => {
    expect(varianceFormula(kpi())).toBe(
      '=KPI.VARIANCE(KPI_REVENUE,KPITarget_REVENUE,"higher",IF({1,0},INDEX(KPI_Register[Materiality],MATCH("REVENUE",KPI_Register[ID],0)),INDEX(KPI_Register[Materiality %],MATCH("REVENUE",KPI_Register[ID],0))),"explain")',
    );
    const start = yearStartPosition(kpi());
    expect(ytdVarianceFormula(kpi())).toBe(
      `=KPI.VARIANCE(INDEX(KPI_REVENUE,MAX(1,${start})):INDEX(KPI_REVENUE,MATCH(9.99E+307,KPI_REVENUE)),INDEX(KPITarget_REVENUE,MAX(1,${start})):INDEX(KPITarget_REVENUE,MATCH(9.99E+307,KPI_REVENUE)),"higher",IF({1,0},INDEX(KPI_Register[Materiality],MATCH("REVENUE",KPI_Register[ID],0)),INDEX(KPI_Register[Materiality %],MATCH("REVENUE",KPI_Register[ID],0))),"total")`,
    );
    // KPI.OUTLOOK's table, unless the year began before the first period or the budget row stops before it ends.
    const covered = `ROWS(KPITarget_REVENUE)*COLUMNS(KPITarget_REVENUE)-(${start})+1`;
    const call = `KPI.OUTLOOK(OFFSET(INDEX(KPI_REVENUE,${start}),0,0,12,1),OFFSET(INDEX(KPITarget_REVENUE,${start}),0,0,12,1),"higher","trend","sum",0.8,"table")`;
    const stops = Array.from({ length: 11 }, (_, i) => `"Budget stops at month ${i + 1} of 12"`).join(",");
    expect(outlookFormula(kpi())).toBe(`=IF(${start}<1,"Year began before the first period",IF(${covered}<12,INDEX({${stops}},${covered}),${call}))`);
  });
});

describe("a single target, the other roll-ups and cadences", () => {
  const single = kpi({ target: 1300, targetRange: "", materiality: null, materialityPercent: null });

  it("a sum's year target is twelve periods of the target", () => {
    const m = monthEnd(single, values, null);
    const [, row] = outlook(col([...values.slice(12, 18), ...Array(6).fill(null)]), [[1300 * 12]], "higher", "trend", "sum", 0.8, "table");
    expect(m.outlook!.landing).toBeCloseTo(row[0], 6);
    expect(m.outlook!.probability).toBeCloseTo(row[4], 9);
    expect(outlookFormula(single)).toContain(`INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0))*12,"higher"`);
    expect(varianceFormula(single)).toMatch(/,"higher",,"explain"\)$/); // no materiality: every variance is material
  });

  it("an average compares the means of the year's periods; a last the latest period", () => {
    const avg = monthEnd({ ...single, aggregation: "average" }, values, null);
    const reported = [1301, 1312, 1330, 1625, 1340];
    expect(avg.ytd!.actual).toBeCloseTo(reported.reduce((a, b) => a + b) / 5, 9);
    expect(avg.ytd!.variance).toBeCloseTo(reported.reduce((a, b) => a + b) / 5 - 1300, 9);
    const [, row] = outlook(col([...values.slice(12, 18), ...Array(6).fill(null)]), [[1300]], "higher", "trend", "average", 0.8, "table");
    expect(avg.outlook!.landing).toBeCloseTo(row[0], 6);
    const last = monthEnd({ ...single, aggregation: "last" }, values, null);
    expect(last.ytd).toMatchObject({ periods: [18], actual: 1340, variance: 40 });
    expect(ytdVarianceFormula({ ...single, aggregation: "average" })).toBeNull();
  });

  it("a quarterly KPI's year has four quarters; lower is better mirrors the labels", () => {
    const q = kpi({
      cadence: "quarterly",
      firstPeriod: "2024-04",
      yearStart: 4,
      target: 3900,
      targetRange: "",
      direction: "lower",
      materiality: null,
      materialityPercent: null,
    });
    const m = monthEnd(q, [4000, 3950, 3890, 3920, 3870], null);
    expect(m.yearStart).toBe(5);
    expect(m.period!.label).toBe(variance([[3870]], [[3900]], "lower", undefined, "label")[0][0]);
    expect(m.outlook).toBeNull(); // one reported quarter: the trend needs three
    expect(m.outlookReason).toMatch(/needs at least 3 reported periods/);
  });

  it("says why there is no year: no First period, weekly, a year begun before the first period, within", () => {
    expect(monthEnd(kpi({ firstPeriod: "" }), values, budget).outlookReason).toMatch(/financial year is unknown/);
    expect(monthEnd(kpi({ cadence: "weekly" }), values, budget).ytd).toBeNull();
    // A calendar year for a KPI from April 2024: its first year began in January, before period 1.
    expect(monthEnd(kpi({ yearStart: 1 }), values.slice(0, 6), budget).outlookReason).toMatch(/began before its first period/);
    expect(monthEnd(kpi({ direction: "within" }), values, budget).outlookReason).toMatch(/no side of success/);
    expect(outlookFormula(kpi({ direction: "within" }))).toBeNull();
    expect(monthEnd(kpi(), [null, null], budget)).toMatchObject({ period: null, outlook: null, explain: [] });
  });

  it("says where a budget row that ends before the year stops, and which periods it lacks (issue 22, item 3)", () => {
    // The year Apr 2025 - Mar 2026 is periods 13-24; a budget row as long as the 18 values stops at Sep 2025, its 6th month.
    expect(monthEnd(kpi(), values, budget.slice(0, 18)).outlookReason).toBe(
      "the budget row stops at month 6 of 12 of the year (2025-09): 2025-10 to 2026-03 have no budget",
    );
    expect(monthEnd(kpi(), values, budget.slice(0, 23)).outlookReason).toBe(
      "the budget row stops at month 11 of 12 of the year (2026-02): 2026-03 has no budget",
    );
    const holed = budget.map((b, i) => (i === 19 ? null : b));
    expect(monthEnd(kpi(), values, holed).outlookReason).toBe("the budget has no figure for 2025-11, so the year has no target");
    expect(monthEnd(kpi(), values, budget.slice(0, 24)).outlook).not.toBeNull();
    // A quarterly budget row: the year Apr 2025 - Mar 2026 is quarters 5-8; five quarters of budget reach its first.
    const q = kpi({ cadence: "quarterly", firstPeriod: "2024-04", yearStart: 4 });
    expect(monthEnd(q, [4000, 3950, 3890, 3920, 3870], [3900, 3900, 3900, 3900, 3900]).outlookReason).toBe(
      "the budget row stops at quarter 1 of 4 of the year (2025-Q2): 2025-Q3 to 2026-Q1 have no budget",
    );
  });

  it("counts the year to date from the first period when the year began before it, as the card does", () => {
    // A calendar year for a KPI from April 2024: its first year's start lies before period 1.
    const first = kpi({ yearStart: 1, target: 1300, targetRange: "" });
    expect(monthEnd(first, values.slice(0, 6), null).ytd!.periods).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ytdVarianceFormula(first)).toContain(`INDEX(KPI_REVENUE,MAX(1,${yearStartPosition(first)})):`);
  });
});
