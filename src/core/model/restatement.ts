/**
 * Restatements (issue 22, item 4): after a close, a value or target that differs from what was
 * reported. Shown on the card ("restated: 1,443.5 → 1,470.0 since close"), in the health check
 * and in History. Only periods whose latest event is a close count: a reopened period is open
 * for correction, so changing it is no restatement (until it is closed again, against that close).
 */
import { KpiDefinition } from "./kpi";
import { formatFixed } from "./numberText";
import { isRateEntry, ReportedEntry, reportedValueAt, SeriesOfKpi, standingCloses, targetAt } from "./reported";

export interface Restatement {
  kpi: string;
  /** The KPI's 1-based period. */
  period: number;
  /** "2025-12". */
  closedPeriod: string;
  field: "value" | "target";
  reported: number | null;
  current: number | null;
  /** The close's time (ISO) and who closed it. */
  closedOn: string;
  closedBy: string;
  /** "restated: 1,443.5 → 1,470.0 since close", "target restated: …". */
  text: string;
}

/**
 * Whether two figures are the same reported figure. Excel keeps 15 significant digits of what is
 * written to a cell ("Excel specifications and limits": number precision 15 digits), so a value
 * recorded at the close and read back may differ from the series' double in the 16th or 17th
 * digit without anyone restating it.
 */
export function sameFigure(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));
}

/** Decimals a figure needs to show itself (up to 6): 1443.5 → 1, 1470 → 0. */
function decimalsOf(n: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Number(n.toFixed(d)) - n) <= 1e-9 * Math.max(1, Math.abs(n))) return d;
  return 6;
}

/** Both figures with the same decimals, as a month-end pack prints them: "1,443.5 → 1,470.0" (en-US), "1.443,5 → 1.470,0" (de-DE); a missing one is "no value". */
export function restatedText(reported: number | null, current: number | null, locale = "en-US"): string {
  const d = Math.max(reported === null ? 0 : decimalsOf(reported), current === null ? 0 : decimalsOf(current));
  const show = (n: number | null) => (n === null ? "no value" : formatFixed(n, locale, d));
  return `${show(reported)} → ${show(current)}`;
}

/** A restatement as the card says it, in the user's locale: "restated: 1.443,5 → 1.470,0 since close". */
export function restatementText(r: Pick<Restatement, "field" | "reported" | "current">, locale = "en-US"): string {
  return `${r.field === "target" ? "target " : ""}restated: ${restatedText(r.reported, r.current, locale)} since close`;
}

/**
 * Every restatement: for each KPI period standing closed, its value and its target now against
 * what was reported. `series` are the KPIs' values as read (KpiSeries has this shape); a KPI no
 * longer in the register or without a series is left out (there is nothing to compare).
 */
export function restatements(entries: readonly ReportedEntry[], kpis: readonly KpiDefinition[], series: readonly SeriesOfKpi[]): Restatement[] {
  const out: Restatement[] = [];
  for (const close of standingCloses(entries)) {
    const kpi = kpis.find((k) => k.id.toUpperCase() === close.kpi.toUpperCase());
    const s = series.find((x) => x.id.toUpperCase() === close.kpi.toUpperCase());
    if (!kpi || !s) continue;
    // A rate is compared as a rate; a close that recorded the count (before rates were reported) with the count.
    const value = reportedValueAt(kpi, s, close.period, isRateEntry(close));
    const target = targetAt(kpi, s, close.period);
    const base = { kpi: kpi.id, period: close.period, closedPeriod: close.closedPeriod, closedOn: close.when, closedBy: close.who };
    const restated = (field: Restatement["field"], reported: number | null, current: number | null) => ({
      ...base,
      field,
      reported,
      current,
      text: restatementText({ field, reported, current }),
    });
    if (value !== undefined && !sameFigure(close.value, value)) out.push(restated("value", close.value, value));
    if (!sameFigure(close.target, target)) out.push(restated("target", close.target, target));
  }
  return out.sort((a, b) => a.kpi.localeCompare(b.kpi) || a.period - b.period || a.field.localeCompare(b.field));
}

/** A KPI's restatements, for its card: newest period first. */
export function restatementsOf(all: readonly Restatement[], kpi: string): Restatement[] {
  return all.filter((r) => r.kpi.toUpperCase() === kpi.toUpperCase()).sort((a, b) => b.period - a.period);
}
