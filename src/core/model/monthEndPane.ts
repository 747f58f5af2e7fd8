/**
 * The month-end pack as the pane shows it (issue 22): each KPI's month-end numbers (monthEnd.ts)
 * and restatements (restatement.ts), which period its card asks a note for, the health check's
 * findings about commentary and restatements, the budget each chart draws, and the formulas
 * behind the card's variance, year to date and outlook. Pure, like portfolio.ts, which calls it.
 */
import { CheckIn } from "./checkins";
import { orientationOf, outlookFormula, varianceFormula, ytdVarianceFormula } from "../excel/formulas";
import type { Finding } from "./guardrails";
import { KpiDefinition } from "./kpi";
import { KpiSummary, targetsOf } from "./kpiSummary";
import { isRateKpi } from "./rates";
import { MonthEnd, monthEndKept } from "./monthEnd";
import { runToEnd, Steps } from "../analysis/steps";
import { periodLabel } from "./periods";
import type { FormulaChoice } from "../excel/formulaChoice";
import type { SeriesValues } from "./seriesValues";
import { ReportedEntry } from "./reported";
import { Restatement, restatements } from "./restatement";

/** What the card shows of the month end for one KPI. */
export interface CardPack {
  monthEnd: MonthEnd;
  /** Its restatements, newest period first. */
  restatements: Restatement[];
  /** The period the card asks a note for, or null. */
  notePeriod: number | null;
  /** Why it asks: "material and unusual" or "Off track". */
  noteReason: string;
}

export interface MonthEndPack {
  cards: Record<string, CardPack>;
  restatements: Restatement[];
  findings: Finding[];
}

const hasTarget = (k: Pick<KpiDefinition, "target" | "targetRange">) => k.target !== null || k.targetRange !== "";
const noted = (checkIns: readonly CheckIn[], kpi: string, period: number) =>
  checkIns.some((c) => c.kpi.toUpperCase() === kpi.toUpperCase() && c.period === period && c.note.trim() !== "");

/**
 * Whether KPI.VARIANCE's "explain" can be decided: it needs 3 periods with a value and a target,
 * which are the periods with a status (kpiSummary.ts statuses).
 */
export function explainDecidable(summary: Pick<KpiSummary, "statuses"> | undefined): boolean {
  return (summary?.statuses.filter((s) => s !== null).length ?? 0) >= 3;
}

/**
 * The period the card asks a note for. This REPLACES the earlier rule (the latest period Off
 * track without a note) wherever KPI.VARIANCE's "explain" can be decided: a note is asked only
 * when the latest period is material and a special cause of the variance series, so an Off track
 * month that is the usual gap to budget asks nothing, and an unusual month On track does. Where
 * "explain" cannot be decided (fewer than 3 periods with a value and a target) the old rule stays:
 * an Off track latest period still wants its note.
 */
export function notePeriodOf(
  k: KpiDefinition,
  me: MonthEnd,
  summary: Pick<KpiSummary, "statuses" | "latestPeriod" | "status">,
  checkIns: readonly CheckIn[],
): { period: number | null; reason: string } {
  const p = summary.latestPeriod;
  if (p === null || noted(checkIns, k.id, p)) return { period: null, reason: "" };
  if (explainDecidable(summary)) return me.explain.includes(p) ? { period: p, reason: "material and unusual" } : { period: null, reason: "" };
  return summary.status === "off" ? { period: p, reason: "Off track" } : { period: null, reason: "" };
}

/** Periods KPI.VARIANCE's "explain" marks that have no note, oldest first. */
export function explainWithoutNote(k: KpiDefinition, me: MonthEnd, checkIns: readonly CheckIn[]): number[] {
  return me.explain.filter((p) => !noted(checkIns, k.id, p));
}

/** "2025-12, 2025-11, 2025-10 and 31 more": the latest first, a health-check line stays short. */
function periodList(k: KpiDefinition, periods: readonly number[]): string {
  const latest = [...periods].reverse();
  const shown = latest.slice(0, 3).map((p) => periodLabel(k.firstPeriod, k.cadence, p));
  return latest.length > 3 ? `${shown.join(", ")} and ${latest.length - 3} more` : shown.join(", ");
}

function findingsOfKpi(k: KpiDefinition, me: MonthEnd, checkIns: readonly CheckIn[], restated: readonly Restatement[]): Finding[] {
  const out: Finding[] = [];
  const missing = explainWithoutNote(k, me, checkIns);
  if (missing.length > 0) {
    const many = missing.length === 1 ? "period is" : `${missing.length} periods are`;
    out.push({
      kind: "explain-no-note",
      kpiIds: [k.id],
      message: `${k.name}: ${many} material and unusual against target with no note (${periodList(k, missing)}).`,
      fix: "note",
      period: missing[missing.length - 1],
    });
  }
  for (const r of restated) {
    out.push({
      kind: "restated",
      kpiIds: [k.id],
      message: `${k.name} ${periodLabel(k.firstPeriod, k.cadence, r.period)} ${r.text} (closed ${r.closedPeriod} by ${r.closedBy || "someone"}).`,
      fix: "history",
    });
  }
  return out;
}

/** The month-end pack of every KPI; `summaries` are the card's (portfolio.ts summariesOf). */
export function monthEndPackOf(
  kpis: readonly KpiDefinition[],
  series: Record<string, SeriesValues>,
  reported: readonly ReportedEntry[],
  checkIns: readonly CheckIn[],
  summaries: Record<string, KpiSummary>,
): MonthEndPack {
  return runToEnd(monthEndPackSteps(kpis, series, reported, checkIns, summaries));
}

/** The month-end pack as steps, a KPI each, for the portfolio's steps (portfolio.ts portfolioSteps). */
export function* monthEndPackSteps(
  kpis: readonly KpiDefinition[],
  series: Record<string, SeriesValues>,
  reported: readonly ReportedEntry[],
  checkIns: readonly CheckIn[],
  summaries: Record<string, KpiSummary>,
): Steps<MonthEndPack> {
  const withIds = Object.entries(series).map(([id, s]) => ({ id, values: s.values, targets: s.targets ?? null, denominators: s.denominators }));
  const all = restatements(reported, kpis, withIds);
  const byKpi = new Map<string, Restatement[]>();
  for (const r of all) {
    const mine = byKpi.get(r.kpi);
    if (mine) mine.push(r);
    else byKpi.set(r.kpi, [r]);
  }
  const cards: Record<string, CardPack> = {};
  const findings: Finding[] = [];
  for (const k of kpis) {
    yield;
    const s = series[k.id];
    const me = monthEndKept(k, s?.values ?? [], s?.targets ?? null, s?.denominators ?? null);
    const mine = [...(byKpi.get(k.id) ?? [])].sort((a, b) => b.period - a.period);
    const note = notePeriodOf(k, me, summaries[k.id], checkIns);
    cards[k.id] = { monthEnd: me, restatements: mine, notePeriod: note.period, noteReason: note.reason };
    findings.push(...findingsOfKpi(k, me, checkIns, mine));
  }
  return { cards, restatements: all, findings };
}

/**
 * Each period's target, for the points a chart draws: `from` is the first period charted (the
 * KPI's Chart from period), gaps skipped as KPI.SPC skips them, so the budget line and the
 * points stay aligned.
 */
export function chartedTargets(
  k: Pick<KpiDefinition, "target">,
  values: readonly (number | null)[],
  perPeriod: readonly (number | null)[] | null | undefined,
  from = 1,
): (number | null)[] {
  const targets = targetsOf(k, values.length, perPeriod);
  return values.flatMap((v, i) => (i < from - 1 || v === null ? [] : [targets[i]]));
}

/**
 * The formulas behind the card's month-end lines, for a KPI with a target; `periods` its number
 * of periods, `address` where its values are ("explain" spills in their shape, "detail" always
 * a row per period).
 */
export function monthEndChoices(k: KpiDefinition, periods: number, address: string | null | undefined): FormulaChoice[] {
  // A rate KPI's card gives the rate's month end (monthEnd.ts): these formulas would total its counts against the rate's target.
  if (!hasTarget(k) || isRateKpi(k)) return [];
  const row = orientationOf(address ?? "") === "row";
  const choices: FormulaChoice[] = [
    {
      label: "Variance of every period (detail; the latest row is this period's)",
      formula: varianceFormula(k, "detail"),
      size: { rows: periods + 1, columns: 7 },
    },
    {
      label: "Periods to explain (material and unusual)",
      formula: varianceFormula(k, "explain"),
      size: row ? { rows: 1, columns: periods } : { rows: periods, columns: 1 },
    },
  ];
  const ytd = ytdVarianceFormula(k);
  if (ytd) choices.push({ label: "Year-to-date variance", formula: ytd, size: { rows: 2, columns: 6 } });
  const outlook = outlookFormula(k);
  if (outlook) choices.push({ label: "Year's outlook (80% interval, chance to meet the budget)", formula: outlook, size: { rows: 2, columns: 5 } });
  return choices;
}
