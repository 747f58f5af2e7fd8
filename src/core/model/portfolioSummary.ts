/**
 * The portfolio at a glance, as NHS England's "Making Data Count" summary table lays it out: one
 * row per KPI with its latest period, value and target, its variation (is the latest point a
 * special cause, and of improvement or concern) and its assurance (will it reliably meet the
 * target), worst first, so a board sees where to look before reading a single chart. Every cell is
 * one a worksheet function gives: KPI_STATUS, KPI.SPC "variation" and "assurance" (the chart a
 * rate KPI's card names: p, u, p′ or u′). Pure: the pane's section is a view over it.
 */
import { KpiDefinition } from "./kpi";
import { KpiSummary } from "./kpiSummary";
import { Assurance, PointType } from "../analysis/spc";
import { Status } from "./status";

export interface SummaryRow {
  id: string;
  name: string;
  /** 1-based period of the latest value, or null. */
  period: number | null;
  latest: number | null;
  target: number | null;
  status: Status | null;
  statusLabel: string;
  variation: PointType | null;
  /** Whether the latest point sits above the centre (the icon's H or L). */
  high: boolean;
  assurance: Assurance | null;
  /** "XmR", or the rate chart ("p′"). */
  chart: string;
  /** A segment's row: its KPI's ID, and the segment's name. */
  segmentOf?: string;
  segment?: string;
}

/** How urgently a row needs attention: a special cause of concern, then a target reliably failed, then Off track … */
function urgency(r: SummaryRow): number {
  let u = 0;
  if (r.variation === "Concern") u += 8;
  if (r.assurance === "Consistently fails") u += 4;
  if (r.status === "off") u += 2;
  else if (r.status === "risk") u += 1;
  if (r.variation === "Improvement") u -= 1;
  return u;
}

/** A KPI's row, or one of its segments' (its name after the KPI's: "Conversion by region · West"). */
function rowOf(id: string, name: string, s: KpiSummary | undefined, segment?: { of: string; name: string }): SummaryRow {
  const v = s?.spcValues[s.spcValues.length - 1];
  return {
    id,
    name,
    period: s?.latestPeriod ?? null,
    latest: s?.latest ?? null,
    target: s?.target ?? null,
    status: s?.status ?? null,
    statusLabel: s?.statusLabel ?? "No data",
    variation: s?.variation ?? null,
    high: !!s?.spc && v !== undefined && v > s.spc.centre,
    assurance: s?.assurance ?? null,
    chart: s?.rate ? s.rate.chart.replace("'", "′") : "XmR",
    ...(segment ? { segmentOf: segment.of, segment: segment.name } : {}),
  };
}

/**
 * One row per KPI, the most urgent first (then by name): concern, failing, Off track, At risk, the
 * rest. A KPI across segments is followed by a row per segment (`segments`: its cards, segmentView.ts),
 * worst first as its card lists them, so a region's alarm shows beside the total that hides it.
 */
export function summaryRows(
  kpis: readonly KpiDefinition[],
  summaries: Record<string, KpiSummary>,
  segments: Readonly<Record<string, readonly { name: string; summary: KpiSummary }[]>> = {},
): SummaryRow[] {
  const rows = kpis.map((k) => rowOf(k.id, k.name, summaries[k.id]));
  rows.sort((a, b) => urgency(b) - urgency(a) || a.name.localeCompare(b.name));
  return rows.flatMap((r) => [
    r,
    ...(segments[r.id] ?? []).map((c) => rowOf(`${r.id}:${c.name}`, `${r.name} · ${c.name}`, c.summary, { of: r.id, name: c.name })),
  ]);
}
