/**
 * Targets per row in the long format (issue 23, item 3, "a target per segment allowed"): a
 * table's target column (Month | Region | Orders | Budget) gives each segment its own target in
 * each period, read by row as the values are. Expected figures are worked by hand from the small
 * table below.
 */
import { longDataOf } from "../../../src/core/model/segmentsLong";
import { segmentTargetsOf, segmentTotals, SegmentData } from "../../../src/core/model/segments";
import { segmentCards } from "../../../src/core/model/segmentView";
import { kpiDefinition } from "../../support/kpiDefinition";

const JAN = 46023;
const FEB = 46054;
const MAR = 46082;
// Month, Region, Orders, Budget: North's budget rises 10, 12, 14; South's stays 25.
const rows: [number, string, number | string, number | string][] = [
  [JAN, "North", 10, 10],
  [JAN, "South", 20, 25],
  [FEB, "North", 11, 12],
  [FEB, "South", 21, 25],
  [MAR, "North", 15, 14],
  [MAR, "South", 22, 25],
];
const column = (rs: typeof rows, c: number) => rs.map((r) => r[c]);

function read(rs: typeof rows, byPeriod = true): SegmentData {
  const long = longDataOf(byPeriod ? column(rs, 0) : null, column(rs, 1), column(rs, 2), null, column(rs, 3));
  if (typeof long === "string") throw new Error(long);
  const kpi = kpiDefinition({ target: null, targetRange: "Orders[Budget]", aggregation: "sum" });
  return { ...long, targets: segmentTargetsOf(kpi, long.names.length, null, long) };
}

describe("a long table's target column", () => {
  it("gives each segment its target per period, and its latest period's as its own target", () => {
    const data = read(rows);
    expect(data.periodTargets).toEqual([
      [10, 12, 14],
      [25, 25, 25],
    ]);
    expect(data.targets).toEqual([14, 25]);
  });

  it("keeps each target with its row when the table is sorted (by Orders, descending)", () => {
    const sorted = [...rows].sort((a, b) => (b[2] as number) - (a[2] as number));
    const data = read(sorted);
    // South comes first now; each budget is still its own region's and month's.
    expect(data.names).toEqual(["South", "North"]);
    expect(data.periodTargets).toEqual([
      [25, 25, 25],
      [10, 12, 14],
    ]);
  });

  it("reads the targets in table order too, without a period column", () => {
    const data = read(rows, false);
    expect(data.periodTargets).toEqual([
      [10, 12, 14],
      [25, 25, 25],
    ]);
  });

  it("totals the targets period by period (35, 37, 39) and leaves out a period where a segment has none", () => {
    const kpi = kpiDefinition({ target: null, targetRange: "Orders[Budget]", aggregation: "sum" });
    expect(segmentTotals(kpi, read(rows)).targets).toEqual([35, 37, 39]);
    const noBudget = rows.map((r) => (r[0] === FEB && r[1] === "South" ? ([r[0], r[1], r[2], ""] as (typeof rows)[number]) : r));
    expect(segmentTotals(kpi, read(noBudget)).targets).toEqual([35, null, 39]);
  });

  it("judges each segment's card against its own latest budget: North 15 against 14, South 22 against 25", () => {
    const kpi = kpiDefinition({ target: null, targetRange: "Orders[Budget]", aggregation: "sum", atRisk: null, atRiskPercent: 10 });
    const [north, south] = segmentCards(kpi, read(rows));
    expect(north.summary.target).toBe(14);
    expect(north.summary.status).toBe("on");
    // 22 is 12% under 25, past the 10% At risk band.
    expect(south.summary.target).toBe(25);
    expect(south.summary.status).toBe("off");
  });

  it("takes a segment's target at its latest period with a value, not a budget typed ahead", () => {
    const ahead = [...rows, [46113, "North", "", 16] as (typeof rows)[number], [46113, "South", "", 25] as (typeof rows)[number]];
    expect(read(ahead).targets).toEqual([14, 25]);
  });
});
