/**
 * What the card shows under a segmented KPI's total (segments.ts): small multiples, one per
 * segment with its trend and latest status, worst first; and a funnel plot of the latest period
 * (KPI.FUNNEL, core/analysis/funnel.ts: Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 24, 2005), which tells the segments that really differ
 * from the pooled rate, allowing for their size, from those that only look different. Pure.
 */
import { LongPeriods, longSegmentFormulaChoices } from "../excel/segmentLongFormulas";
import type { KpiDefinition } from "./kpi";
import { KpiSummary, summarise } from "./kpiSummary";
import { summariseRate } from "./rateSummary";
import { SegmentData } from "./segments";
import { STATUS_SCORE } from "./status";
import { curveSizes, FunnelChart, FunnelFlag, FunnelLimits, funnelSteps } from "../analysis/funnel";
import { ProblemError } from "../analysis/problem";
import { runToEnd } from "../analysis/steps";
import { parseAddress } from "../excel/a1";
import { segmentFormulaChoices } from "../excel/segmentFormulas";
import { periodLabel } from "./periods";
import type { FormulaChoice } from "../excel/formulaChoice";

export interface SegmentCard {
  name: string;
  /** The segment's place in the data (its column of the block). */
  index: number;
  /** What the sparkline draws: the values, or a rate KPI's rates. */
  trend: (number | null)[];
  /** The segment's summary (status, latest, chart), as a KPI of its own with the segment's target. */
  summary: KpiSummary;
}

/** Each segment as a KPI of its own: its values (rates over its denominators), against its own target. */
export function segmentCards(kpi: KpiDefinition, data: SegmentData): SegmentCard[] {
  return data.names.map((name, index) => {
    const own = { ...kpi, target: data.targets[index] };
    const denominators = kpi.denominatorRange ? data.denominators?.[index] : undefined;
    // Targets per period (a long table's target column): each period judged by its own, as a budget row is.
    const perPeriod = data.periodTargets?.[index] ?? null;
    const summary = denominators ? summariseRate(own, data.values[index], denominators, perPeriod) : summarise(own, data.values[index], "xmr", perPeriod);
    return { name, index, trend: summary.rate?.rates ?? data.values[index], summary };
  });
}

/**
 * How far the latest value lies on the wrong side of its target, relative to the target
 * (positive is worse): the tie-break among segments of the same status.
 */
function shortfall(kpi: Pick<KpiDefinition, "direction">, s: KpiSummary): number {
  if (s.latest === null || s.target === null) return -Infinity;
  const gap = (s.latest - s.target) / (Math.abs(s.target) || 1);
  return kpi.direction === "higher" ? -gap : kpi.direction === "lower" ? gap : Math.abs(gap);
}

/** Worst first: Off track, At risk, On track, then those without a status; within a status the furthest from target first. */
export function worstFirst(kpi: Pick<KpiDefinition, "direction">, cards: readonly SegmentCard[]): SegmentCard[] {
  const rank = (c: SegmentCard) => (c.summary.status === null ? 2 : STATUS_SCORE[c.summary.status]);
  return [...cards].sort((a, b) => rank(a) - rank(b) || shortfall(kpi, b.summary) - shortfall(kpi, a.summary) || a.index - b.index);
}

export interface FunnelPoint {
  segment: string;
  /** In the KPI's terms (× N for a rate per N), as are the limits and the target. */
  rate: number;
  denominator: number;
  z: number;
  flag: FunnelFlag;
  limits: FunnelLimits;
}

export interface SegmentFunnel {
  /** The 1-based period plotted: the latest with at least two segments that have a rate. */
  period: number;
  chart: FunnelChart;
  per: number | null;
  /** The pooled rate of the segments plotted (KPI.FUNNEL's default benchmark). */
  target: number;
  /** The segments plotted, in the data's order. */
  points: FunnelPoint[];
  /** Segments without a rate in that period. */
  skipped: string[];
  /** The funnel's lines at KPI.FUNNEL's "curve" sizes. */
  curve: ({ n: number } & FunnelLimits)[];
}

export type FunnelOutcome = { ok: true; funnel: SegmentFunnel } | { ok: false; period: number | null; problem: string };

/** The last period in which at least two segments have a value and a denominator above 0, or null. */
export function latestComparablePeriod(data: SegmentData): number | null {
  const periods = Math.max(0, ...data.values.map((v) => v.length));
  for (let p = periods - 1; p >= 0; p--) {
    let usable = 0;
    for (let s = 0; s < data.names.length; s++) {
      const d = data.denominators?.[s][p] ?? null;
      if (data.values[s][p] !== null && data.values[s][p] !== undefined && d !== null && d > 0) usable++;
    }
    if (usable >= 2) return p + 1;
  }
  return null;
}

const scaleLimits = (l: FunnelLimits, k: number): FunnelLimits => ({
  lower95: l.lower95 * k,
  upper95: l.upper95 * k,
  lower998: l.lower998 * k,
  upper998: l.upper998 * k,
});

/**
 * The funnel plot of the latest comparable period: KPI.FUNNEL of that period's numerators and
 * denominators with its defaults (the pooled rate as benchmark, no overdispersion factor: with a
 * handful of segments φ would be estimated from the very outliers it should reveal), "proportion"
 * for a proportion KPI and "rate" for a rate per N. A KPI without denominators has no funnel: it
 * compares rates, whose noise depends on their size.
 */
export function latestFunnel(kpi: Pick<KpiDefinition, "denominatorRange" | "ratePer">, data: SegmentData): FunnelOutcome {
  if (!kpi.denominatorRange || !data.denominators) {
    return {
      ok: false,
      period: null,
      problem:
        "A funnel plot compares rates, whose noise depends on their size: give the KPI its denominators (a block of the same shape) to see which segments really differ.",
    };
  }
  const period = latestComparablePeriod(data);
  if (period === null)
    return { ok: false, period: null, problem: "No period has two segments with a value and a denominator above 0, so there is no funnel to draw." };
  const nums = Float64Array.from(data.values, (v) => v[period - 1] ?? NaN);
  const dens = Float64Array.from(data.denominators, (d) => d[period - 1] ?? NaN);
  const chart: FunnelChart = kpi.ratePer ? "rate" : "proportion";
  const per = kpi.ratePer ?? null;
  const k = per ?? 1;
  try {
    const result = runToEnd(funnelSteps(nums, dens, { chart, target: null, overdispersion: false }));
    const points: FunnelPoint[] = [];
    const skipped: string[] = [];
    for (let i = 0, j = 0; i < data.names.length; i++) {
      if (!result.used[i]) {
        skipped.push(data.names[i]);
        continue;
      }
      const n = result.denominators[j];
      points.push({
        segment: data.names[i],
        rate: result.rates[j] * k,
        denominator: n,
        z: result.z[j],
        flag: result.flags[j],
        limits: scaleLimits(result.limitsAt(n), k),
      });
      j++;
    }
    const curve = curveSizes(result.denominators).map((n) => ({ n, ...scaleLimits(result.limitsAt(n), k) }));
    return { ok: true, funnel: { period, chart, per, target: result.target * k, points, skipped, curve } };
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    return { ok: false, period, problem: `KPI.FUNNEL cannot compare the segments of that period: ${e.message}.` };
  }
}

/** The segments whose flag says they really differ (beyond the 99.8% limits), and those beyond 95% only. */
export function differing(funnel: SegmentFunnel): { really: FunnelPoint[]; possibly: FunnelPoint[] } {
  return {
    really: funnel.points.filter((p) => p.flag === "Above 99.8%" || p.flag === "Below 99.8%"),
    possibly: funnel.points.filter((p) => p.flag === "Above 95%" || p.flag === "Below 95%"),
  };
}

/** The period the card's per-segment answers are about: the funnel's for a rate KPI, else the last with a value in any segment; null for none. */
export function cardPeriod(kpi: Pick<KpiDefinition, "denominatorRange">, data: SegmentData): number | null {
  if (kpi.denominatorRange) return latestComparablePeriod(data);
  const periods = Math.max(0, ...data.values.map((v) => v.length));
  for (let p = periods - 1; p >= 0; p--) if (data.values.some((v) => v[p] !== null && v[p] !== undefined)) return p + 1;
  return null;
}

/** The formulas behind a segmented KPI's card (core/excel/segmentFormulas.ts), for its period; none before its segments are read. */
export function segmentChoicesOf(kpi: KpiDefinition, data: SegmentData | null | undefined, byPeriod?: LongPeriods): FormulaChoice[] {
  if (!data) return [];
  const period = cardPeriod(kpi, data);
  if (byPeriod && period !== null) return longSegmentFormulaChoices(kpi, period, periodLabel(kpi.firstPeriod, kpi.cadence, period), byPeriod);
  let targetIsColumn = false;
  try {
    const t = kpi.targetRange ? parseAddress(kpi.targetRange) : null;
    targetIsColumn = t !== null && t.colCount === 1 && t.rowCount > 1;
  } catch {
    /* not an address: the register reader refuses such a target */
  }
  const label = period === null ? "" : periodLabel(kpi.firstPeriod, kpi.cadence, period);
  return segmentFormulaChoices(kpi, period, label, data.names.length, targetIsColumn);
}
