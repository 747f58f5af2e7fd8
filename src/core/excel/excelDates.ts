/**
 * Excel date serials and the workbook's date system. A cell holding a date holds a number whose
 * meaning depends on the workbook ("Date systems in Excel", support.microsoft.com; ECMA-376 Part 1,
 * 18.17.4.1 Date Representation):
 * - 1900 date system (Excel for Windows, Excel for Mac 2011 and later, the web): serial 1 is
 *   1 January 1900, and serial 60 is 29 February 1900, a day that never was ("Excel incorrectly
 *   assumes that the year 1900 is a leap year", support.microsoft.com), so from serial 61 on a
 *   serial counts days from 30 December 1899; the last day is 9999-12-31, serial 2,958,465.
 * - 1904 date system (Excel 2008 for Mac and earlier; a workbook keeps it when opened elsewhere):
 *   serial 0 is 1 January 1904; the last day is serial 2,957,003. The same date is 1,462 days
 *   lower than in the 1900 system.
 * The add-in writes its own dates as ISO text, which no date system changes; these functions
 * read the serials a user types or pastes into a date column.
 */

export type DateSystem = "1900" | "1904";

const DAY_MS = 86_400_000;
/** 1899-12-30 and 1904-01-01 as days since 1970-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30) / DAY_MS;
const EPOCH_1904 = Date.UTC(1904, 0, 1) / DAY_MS;
const LAST = { "1900": 2_958_465, "1904": 2_957_003 } as const;
/** The serials of 1904-01-01 in each system: what DATE(1904,1,1) answers in the workbook. */
export const DATE_1904_01_01 = { "1900": 1462, "1904": 0 } as const;

/**
 * The date (yyyy-mm-dd) of a serial in a date system; a time of day is dropped. Null for what is
 * no date there: below the first day, beyond 9999-12-31, not finite, or 1900's serial 60.
 */
export function isoOfSerial(serial: number, system: DateSystem): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day > LAST[system]) return null;
  if (system === "1904") return day < 0 ? null : isoOfDay(EPOCH_1904 + day);
  if (day < 1 || day === 60) return null;
  // Before the day that never was, serials are one ahead of a count from 1899-12-30.
  return isoOfDay(EPOCH_1900 + (day < 60 ? day + 1 : day));
}

/** The serial of a date (yyyy-mm-dd) in a date system, or null when the system has no such day. */
export function serialOfIso(iso: string, system: DateSystem): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const date = new Date(ms);
  if (date.getUTCFullYear() !== Number(m[1]) || date.getUTCMonth() !== Number(m[2]) - 1) return null;
  const days = ms / DAY_MS;
  const serial = system === "1904" ? days - EPOCH_1904 : days - EPOCH_1900;
  if (system === "1900" && serial < 61) return serial < 2 ? null : serial - 1;
  return serial >= 0 && serial <= LAST[system] ? serial : null;
}

/**
 * The workbook's date system from what DATE(1904,1,1) answers in it (Excel.Functions.date,
 * ExcelApi 1.2): 0 in the 1904 system, 1,462 in the 1900 system. Anything else (the call failed,
 * an error) is read as the 1900 system, Excel's default on every host since Excel 2011 for Mac.
 */
export function dateSystemOf(date19040101: unknown): DateSystem {
  return date19040101 === DATE_1904_01_01["1904"] ? "1904" : "1900";
}

/** A date column's cell as ISO text: a serial converted in the workbook's system, text as it is. */
export function dateTextOf(v: unknown, system: DateSystem): string {
  if (typeof v === "number") return isoOfSerial(v, system) ?? String(v);
  return v === null || v === undefined ? "" : String(v).trim();
}

function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
