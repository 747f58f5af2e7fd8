/**
 * Closing a period (issue 22, item 4): what was reported for each KPI at a month end (value,
 * target, status, variance, note, who and when), kept as rows of the KPI Reported table that are
 * only ever added to. Reopening adds a row too (event "Reopened", with its reason), so an auditor
 * reads the whole story from the table without the add-in; nothing closed is ever deleted.
 *
 * A close names a calendar period as people say it ("2025-12", or "2025-Q4"); each KPI maps it to
 * its own 1-based period through its First period and cadence (periods.ts).
 */
import { overrideOf, CheckIn } from "./checkins";
import { atRiskFor, KpiDefinition } from "./kpi";
import { periodDate, quarterOf } from "./periods";
import { classify, STATUS_LABEL } from "./status";
import { varianceShare } from "../analysis/variance";
import { Problem } from "../analysis/problem";
import { runToEnd, Steps } from "../analysis/steps";
import { isRateKpi, ratesOf } from "./rates";

export type ReportedEvent = "Closed" | "Reopened";

export interface ReportedEntry {
  /** ISO timestamp of the close or reopen. */
  when: string;
  who: string;
  event: ReportedEvent;
  kpi: string;
  /** The period closed, as people say it: "2025-12" or "2025-Q4". */
  closedPeriod: string;
  /** The KPI's own 1-based period. */
  period: number;
  /** The period's start date, yyyy-mm-dd. */
  periodDate: string;
  value: number | null;
  target: number | null;
  /** The status reported: the period's override when it has one, else KPI_STATUS's. */
  status: string;
  /** "KPI_STATUS", or "override: <reason>". */
  statusBasis: string;
  variance: number | null;
  /** variance / |target|; null when the target is 0 or missing. */
  variancePercent: number | null;
  /** The period's latest note in KPI Notes, as it stood at the close. */
  note: string;
  /** Why a period was reopened; "" for a close. */
  reason: string;
  /** Where the value was read: the period's cell, so an auditor can find it. */
  valueCell: string;
}

/** A KPI's series as the workbook read it: one value per period, and its targets per period when it has them. */
export interface SeriesOfKpi {
  id: string;
  values: readonly (number | null)[];
  targets: readonly (number | null)[] | null;
  /** A rate KPI's denominators (denominatorRange.ts withDenominators); null or absent when they could not be read. */
  denominators?: readonly (number | null)[] | null;
}

/**
 * What a close reports as a period's value: the value, or for a rate KPI its rate (value /
 * denominator, × N for a rate per N), as the card shows it (rateSummary.ts). `asRate` false
 * gives the count (what a close before rates were reported recorded). Null when there is none;
 * undefined for a rate whose denominators could not be read (nothing to say either way).
 */
export function reportedValueAt(kpi: KpiDefinition, series: SeriesOfKpi, period: number, asRate = isRateKpi(kpi)): number | null | undefined {
  const value = series.values[period - 1] ?? null;
  if (!asRate) return value;
  if (!series.denominators) return undefined;
  return ratesOf([value], [series.denominators[period - 1] ?? null], kpi.ratePer ?? null)[0];
}

/**
 * Status basis of a rate's row: "KPI_STATUS of the rate 1312 / 42118" ("… × 1000" per N), the
 * override's "override of the rate …: reason". The KPI Reported table's columns stay as they are
 * (an older workbook's table is not damaged), so the row says here that it is a rate, and of what.
 */
function rateBasis(kpi: KpiDefinition, series: SeriesOfKpi, period: number, override: string | null): string {
  const per = kpi.ratePer ? ` × ${kpi.ratePer}` : "";
  const of = `of the rate ${series.values[period - 1]} / ${series.denominators![period - 1]}${per}`;
  return override === null ? `KPI_STATUS ${of}` : `override ${of}: ${override}`;
}

/** Whether a row reports a rate (rateBasis wrote its Status basis), not a count. */
export const isRateEntry = (e: Pick<ReportedEntry, "statusBasis">): boolean => /^(KPI_STATUS|override) of the rate /.test(e.statusBasis);

type CloseLabel = { kind: "month"; year: number; month: number } | { kind: "quarter"; year: number; quarter: number };

/** "2025-12" or "2025-Q4" (case-insensitive), or null. */
export function closeLabelOf(text: string): CloseLabel | null {
  const t = text.trim().toUpperCase();
  const month = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return { kind: "month", year: Number(month[1]), month: Number(month[2]) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(t);
  return quarter ? { kind: "quarter", year: Number(quarter[1]), quarter: Number(quarter[2]) } : null;
}

/** The close label written back the one way: "2025-12", "2025-Q4". */
export function closeText(label: CloseLabel): string {
  return label.kind === "month" ? `${label.year}-${String(label.month).padStart(2, "0")}` : `${label.year}-Q${label.quarter}`;
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/**
 * The KPI's period that a close covers, or why none: a monthly KPI's month; a quarterly KPI's
 * quarter when the close is that quarter or the quarter's last month (a December close closes
 * Q4). Weekly KPIs have no one period in a month, so a monthly close does not guess one.
 */
export function periodOfClose(kpi: Pick<KpiDefinition, "firstPeriod" | "cadence">, close: string): { period: number } | { reason: string } {
  const label = closeLabelOf(close);
  if (!label) return { reason: `"${close}" is not a period such as 2025-12 or 2025-Q4` };
  if (!kpi.firstPeriod) return { reason: "it has no First period, so nothing says which of its periods is " + closeText(label) };
  if (kpi.cadence === "weekly") return { reason: "it is weekly, and a month or quarter holds several of its periods" };
  const first = monthIndex(periodDate(kpi.firstPeriod, kpi.cadence, 1)!);
  if (kpi.cadence === "monthly") {
    if (label.kind !== "month")
      return { reason: `it is monthly: close a month (such as ${label.year}-${String(label.quarter * 3).padStart(2, "0")}), not a quarter` };
    const period = label.year * 12 + label.month - 1 - first + 1;
    return period >= 1 ? { period } : { reason: `its first period is after ${closeText(label)}` };
  }
  const lastMonth = label.kind === "month" ? label.year * 12 + label.month - 1 : label.year * 12 + label.quarter * 3 - 1;
  const offset = lastMonth - first - 2;
  if (offset < 0) return { reason: `its first period is after ${closeText(label)}` };
  const period = Math.floor(offset / 3) + 1;
  if (label.kind === "quarter" && (offset % 3 !== 0 || quarterOf(periodDate(kpi.firstPeriod, "quarterly", period)!) !== closeText(label))) {
    return { reason: `its quarters do not start with the calendar's, so ${closeText(label)} is not one of them: close the month that ends one` };
  }
  if (offset % 3 !== 0) return { reason: `${closeText(label)} is not the last month of one of its quarters` };
  return { period };
}

const sameKey = (e: Pick<ReportedEntry, "kpi" | "period">, kpi: string, period: number) => e.kpi.toUpperCase() === kpi.toUpperCase() && e.period === period;

/**
 * The latest event of a KPI's period, or null. By time, then by table order: the user may sort
 * the table, so its order alone says nothing.
 */
export function latestEvent(entries: readonly ReportedEntry[], kpi: string, period: number): ReportedEntry | null {
  let latest: ReportedEntry | null = null;
  for (const e of entries) if (sameKey(e, kpi, period) && (latest === null || e.when >= latest.when)) latest = e;
  return latest;
}

/** Each KPI and period whose latest event is a close: what stands as reported. */
export function standingCloses(entries: readonly ReportedEntry[]): ReportedEntry[] {
  const seen = new Map<string, ReportedEntry>();
  for (const e of entries) {
    const key = `${e.kpi.toUpperCase()}|${e.period}`;
    const was = seen.get(key);
    if (!was || e.when >= was.when) seen.set(key, e);
  }
  return [...seen.values()].filter((e) => e.event === "Closed");
}

/** A period's target: the KPI's one number, or that period's own. */
export function targetAt(kpi: Pick<KpiDefinition, "target">, series: Pick<SeriesOfKpi, "targets">, period: number): number | null {
  if (kpi.target !== null) return kpi.target;
  return series.targets?.[period - 1] ?? null;
}

export interface CloseContext {
  when: string;
  who: string;
  checkIns: readonly CheckIn[];
  /** Where period `period` of a KPI is (its cell's address; a rate's "value cell / denominator cell"), for the auditor. */
  cellOf: (id: string, period: number) => string;
}

/** What a close records for one KPI's period: the value (a rate KPI's rate), target, status and variance as they stand now. */
export function reportedEntryOf(kpi: KpiDefinition, series: SeriesOfKpi, close: string, period: number, c: CloseContext): ReportedEntry {
  const value = reportedValueAt(kpi, series, period) ?? null;
  const target = targetAt(kpi, series, period);
  const override = overrideOf(c.checkIns, kpi.id, period);
  const computed = value !== null && target !== null ? classify(value, target, atRiskFor(kpi, target), kpi.direction) : null;
  const status = override?.override ?? computed;
  const variance = value !== null && target !== null ? value - target : null;
  const share = variance !== null && target !== null ? varianceShare(variance, target) : null;
  const notes = c.checkIns.filter((n) => sameKey(n, kpi.id, period) && n.note !== "");
  return {
    when: c.when,
    who: c.who,
    event: "Closed",
    kpi: kpi.id,
    closedPeriod: closeText(closeLabelOf(close)!),
    period,
    periodDate: periodDate(kpi.firstPeriod, kpi.cadence, period) ?? "",
    value,
    target,
    status: status ? STATUS_LABEL[status] : value === null ? "No data" : "No target",
    statusBasis: isRateKpi(kpi) ? rateBasis(kpi, series, period, override?.reason ?? null) : override ? `override: ${override.reason}` : "KPI_STATUS",
    variance,
    variancePercent: share === null || share instanceof Problem ? null : share,
    note: notes.length ? notes[notes.length - 1].note : "",
    reason: "",
    valueCell: c.cellOf(kpi.id, period),
  };
}

export interface ClosePlan {
  entries: ReportedEntry[];
  /** KPIs not closed, and why (no such period, no value, closed already). */
  skipped: { id: string; reason: string }[];
}

/** The rows a close adds: one per KPI with a value in the period that is not closed already. */
export function closeEntries(
  kpis: readonly KpiDefinition[],
  series: readonly SeriesOfKpi[],
  existing: readonly ReportedEntry[],
  close: string,
  c: CloseContext,
): ClosePlan {
  return runToEnd(closeEntriesSteps(kpis, series, existing, close, c));
}

/** The close's rows as steps, a KPI each, for the close to run in time slices (core/analysis/slicing.ts): 300 KPIs' are a long task. */
export function* closeEntriesSteps(
  kpis: readonly KpiDefinition[],
  series: readonly SeriesOfKpi[],
  existing: readonly ReportedEntry[],
  close: string,
  c: CloseContext,
): Steps<ClosePlan> {
  const plan: ClosePlan = { entries: [], skipped: [] };
  for (const kpi of kpis) {
    yield;
    const found = periodOfClose(kpi, close);
    if ("reason" in found) {
      plan.skipped.push({ id: kpi.id, reason: found.reason });
      continue;
    }
    const s = series.find((x) => x.id.toUpperCase() === kpi.id.toUpperCase());
    const latest = latestEvent(existing, kpi.id, found.period);
    if (latest?.event === "Closed")
      plan.skipped.push({ id: kpi.id, reason: `closed already by ${latest.who || "someone"} on ${latest.when.slice(0, 10)}: reopen it first` });
    else if (!s || (s.values[found.period - 1] ?? null) === null)
      plan.skipped.push({ id: kpi.id, reason: `it has no value for ${closeText(closeLabelOf(close)!)}` });
    else if (reportedValueAt(kpi, s, found.period) === undefined)
      plan.skipped.push({ id: kpi.id, reason: "its denominators could not be read, so its rate is unknown" });
    else if (reportedValueAt(kpi, s, found.period) === null)
      plan.skipped.push({ id: kpi.id, reason: `it has no denominator above 0 for ${closeText(closeLabelOf(close)!)}, so no rate` });
    else plan.entries.push(reportedEntryOf(kpi, s, close, found.period, c));
  }
  return plan;
}

/** The rows a reopen adds: for each KPI whose period of this close stands closed, what was reported, with the reason. */
export function reopenEntries(existing: readonly ReportedEntry[], close: string, reason: string, c: Pick<CloseContext, "when" | "who">): ReportedEntry[] {
  const label = closeLabelOf(close);
  if (!label) return [];
  const text = closeText(label);
  return standingCloses(existing)
    .filter((e) => e.closedPeriod.toUpperCase() === text)
    .map((e) => ({ ...e, when: c.when, who: c.who, event: "Reopened" as const, reason: reason.trim() }));
}
