/**
 * Dates of a KPI's periods, from its first period and cadence: what year-to-date, a note's
 * period and an action's due date are counted in. Dates are ISO yyyy-mm-dd, in UTC.
 */
import { Cadence } from "./kpi";

function parse(iso: string): Date {
  return new Date(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The date `steps` cadences after `start` (months keep the day, clamped to the month's end: 31 Jan + 1 month = 28/29 Feb). */
export function addCadence(start: string, cadence: Cadence, steps = 1): string {
  const d = parse(start);
  if (cadence === "weekly") return iso(new Date(d.getTime() + steps * 7 * 86_400_000));
  const months = cadence === "monthly" ? steps : 3 * steps;
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(target);
}

/** The start date of period `period` (1-based), or null when the KPI's first period is unknown. */
export function periodDate(firstPeriod: string, cadence: Cadence, period: number): string | null {
  if (!firstPeriod) return null;
  return addCadence(firstPeriod, cadence, period - 1);
}

/** The calendar quarter of an ISO date: "2025-Q4". */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A period as people say it: "2025-12" for a month, "2025-Q4", "week of 2025-12-01"; "period 36" without a first period. */
export function periodLabel(firstPeriod: string, cadence: Cadence, period: number): string {
  const date = periodDate(firstPeriod, cadence, period);
  if (!date) return `period ${period}`;
  if (cadence === "monthly") return date.slice(0, 7);
  if (cadence === "quarterly") return quarterOf(date);
  return `week of ${date}`;
}
