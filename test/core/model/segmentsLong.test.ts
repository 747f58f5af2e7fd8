/**
 * The long format (Month | Region | Orders | Visits): periods by the period column, so a table
 * sorted or filtered reads the same; gaps, duplicates and table order. Expected values are the
 * hand-laid table's own cells, put in place by hand.
 */
import { longDataError, longDataOf, tableColumnTextOf } from "../../../src/core/model/segmentsLong";

// Jan..Mar 2026 as Excel's serial dates: 46023, 46054, 46082.
const JAN = 46023;
const FEB = 46054;
const MAR = 46082;
const rows: [number, string, number, number][] = [
  [JAN, "North", 10, 100],
  [JAN, "South", 20, 200],
  [FEB, "North", 11, 110],
  [FEB, "South", 21, 210],
  [MAR, "North", 12, 120],
  [MAR, "South", 22, 220],
];
const cols = (rs: typeof rows) => ({ month: rs.map((r) => r[0]), region: rs.map((r) => r[1]), orders: rs.map((r) => r[2]), visits: rs.map((r) => r[3]) });

describe("longDataOf", () => {
  it("splits the value column by the segment column, periods by date", () => {
    const c = cols(rows);
    const d = longDataOf(c.month, c.region, c.orders, c.visits);
    expect(d).toEqual({
      names: ["North", "South"],
      values: [
        [10, 11, 12],
        [20, 21, 22],
      ],
      denominators: [
        [100, 110, 120],
        [200, 210, 220],
      ],
      periods: [JAN, FEB, MAR],
    });
  });

  it("reads a table sorted by its values the same (the periods come from the dates, not the order)", () => {
    const sorted = [...rows].sort((a, b) => b[2] - a[2]);
    const c = cols(sorted);
    const d = longDataOf(c.month, c.region, c.orders, null);
    if (typeof d === "string") throw new Error(d);
    // South comes first now (22 is the largest), but each value is in its own month.
    expect(d.names).toEqual(["South", "North"]);
    expect(d.values).toEqual([
      [20, 21, 22],
      [10, 11, 12],
    ]);
    expect(d.periods).toEqual([JAN, FEB, MAR]);
  });

  it("leaves a gap where a segment has no row for a period, and refuses two rows of one period", () => {
    const c = cols(rows.filter((r) => !(r[0] === FEB && r[1] === "South")));
    const d = longDataOf(c.month, c.region, c.orders, null);
    if (typeof d === "string") throw new Error(d);
    expect(d.values).toEqual([
      [10, 11, 12],
      [20, null, 22],
    ]);
    const twice = cols([...rows, [FEB, "south", 99, 1]]);
    expect(longDataOf(twice.month, twice.region, twice.orders, null)).toBe("South has two rows for the period 46054: give each segment one row a period");
  });

  it("keeps text periods in the order they first appear, and reads table order without a period column", () => {
    const d = longDataOf(["Mar", "Jan", "Mar", "Jan"], ["N", "N", "S", "S"], [3, 1, 30, 10], null);
    expect(d).toEqual({
      names: ["N", "S"],
      values: [
        [3, 1],
        [30, 10],
      ],
      denominators: null,
      periods: ["Mar", "Jan"],
    });
    const inOrder = longDataOf(null, ["N", "S", "N", "S"], [1, 10, 2, 20], null);
    expect(inOrder).toEqual({
      names: ["N", "S"],
      values: [
        [1, 2],
        [10, 20],
      ],
      denominators: null,
      periods: null,
    });
  });

  it("says why a table is not one KPI across segments", () => {
    const one = longDataOf([JAN, FEB], ["N", "N"], [1, 2], null);
    if (typeof one === "string") throw new Error(one);
    expect(longDataError(one)).toMatch(/two segments or more/);
    const empty = longDataOf([JAN, FEB, JAN, FEB], ["N", "N", "S", "S"], [1, 2, "", ""], null);
    if (typeof empty === "string") throw new Error(empty);
    expect(longDataError(empty)).toBe("the rows of S hold no numbers");
    const ok = longDataOf([JAN, FEB, JAN, FEB], ["N", "N", "S", "S"], [1, 2, 3, 4], null);
    if (typeof ok === "string") throw new Error(ok);
    expect(longDataError(ok)).toBeNull();
  });
});

describe("tableColumnTextOf", () => {
  it("takes a column of the table by header or structured reference, never a sheet range", () => {
    expect(tableColumnTextOf(" Visits ")).toBe("Visits");
    expect(tableColumnTextOf("=OrdersByRegion[Visits]")).toBe("OrdersByRegion[Visits]");
    expect(tableColumnTextOf("'Orders by region'!D2:D49")).toBeNull();
    expect(tableColumnTextOf("D2:D49")).toBeNull();
    expect(tableColumnTextOf("")).toBeNull();
  });
});
