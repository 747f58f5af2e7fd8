/**
 * Date serials in both of Excel's date systems, against the published values: ECMA-376 Part 1,
 * 18.17.4.1 Date Representation (DATEVALUE of 01-Jan-1900, 03-Feb-1910, 01-Feb-2006 and
 * 31-Dec-9999 in the 1900 and the 1904 base), "Date systems in Excel" (support.microsoft.com:
 * 5 July 2011 is 40729 in the 1900 system; the systems are 1,462 days apart) and "Excel
 * incorrectly assumes that the year 1900 is a leap year" (serial 60 is 29 February 1900).
 */
import { dateSystemOf, dateTextOf, DATE_1904_01_01, DateSystem, isoOfSerial, serialOfIso } from "../../../src/core/excel/excelDates";

const PUBLISHED: [string, number, number | null][] = [
  // date, 1900 serial, 1904 serial (null: before the 1904 system's first day)
  ["1900-01-01", 1, null],
  ["1904-01-01", 1462, 0],
  ["1910-02-03", 3687, 2225],
  ["2006-02-01", 38749, 37287],
  ["2011-07-05", 40729, 39267],
  ["9999-12-31", 2958465, 2957003],
];

describe("Excel date serials", () => {
  it.each(PUBLISHED)("%s is %d in the 1900 system and %p in the 1904 system, both ways", (iso, s1900, s1904) => {
    expect(isoOfSerial(s1900, "1900")).toBe(iso);
    expect(serialOfIso(iso, "1900")).toBe(s1900);
    expect(serialOfIso(iso, "1904")).toBe(s1904);
    if (s1904 !== null) expect(isoOfSerial(s1904, "1904")).toBe(iso);
  });

  it("keeps the 1,462 days between the systems for every day from 1904 to 9999", () => {
    for (let s = 0; s <= 2957003; s += 997) {
      const iso = isoOfSerial(s, "1904")!;
      expect(serialOfIso(iso, "1900")).toBe(s + 1462);
      expect(isoOfSerial(s + 1462, "1900")).toBe(iso);
    }
  });

  it("reads 1900's serial 60 as no date, and the days either side of it as Excel does", () => {
    expect(isoOfSerial(59, "1900")).toBe("1900-02-28");
    expect(isoOfSerial(60, "1900")).toBeNull();
    expect(isoOfSerial(61, "1900")).toBe("1900-03-01");
    expect(serialOfIso("1900-02-29", "1900")).toBeNull();
  });

  it("drops a time of day, and has no date outside a system's range or for what is no number", () => {
    expect(isoOfSerial(45292.75, "1900")).toBe("2024-01-01");
    expect(isoOfSerial(43830.999, "1904")).toBe("2024-01-01");
    for (const [v, system] of [
      [0, "1900"],
      [-1, "1904"],
      [2958466, "1900"],
      [2957004, "1904"],
      [NaN, "1900"],
      [Infinity, "1904"],
    ] as [number, DateSystem][]) {
      expect({ v, system, iso: isoOfSerial(v, system) }).toEqual({ v, system, iso: null });
    }
    expect(serialOfIso("2024-13-01", "1900")).toBeNull();
    expect(serialOfIso("2024-02-30", "1904")).toBeNull();
  });

  it("tells the system from DATE(1904,1,1) as the workbook answers it, and reads anything else as 1900", () => {
    expect(DATE_1904_01_01).toEqual({ "1900": serialOfIso("1904-01-01", "1900"), "1904": serialOfIso("1904-01-01", "1904") });
    expect(dateSystemOf(0)).toBe("1904");
    expect(dateSystemOf(1462)).toBe("1900");
    for (const other of [undefined, null, "#NUM!", "0", 1461]) expect(dateSystemOf(other)).toBe("1900");
  });

  it("gives a date column's cell as ISO text: serials in the workbook's system, text as typed", () => {
    expect(dateTextOf(45292, "1900")).toBe("2024-01-01");
    expect(dateTextOf(45292, "1904")).toBe("2028-01-02");
    expect(dateTextOf(43830, "1904")).toBe("2024-01-01");
    expect(dateTextOf(" 2024-03-31 ", "1904")).toBe("2024-03-31");
    expect(dateTextOf(null, "1900")).toBe("");
    expect(dateTextOf(-5, "1904")).toBe("-5");
  });
});
