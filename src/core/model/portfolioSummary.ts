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

/** One row per KPI, the most urgent first (then by name): concern, failing, Off track, At risk, the rest. */
export function summaryRows(kpis: readonly KpiDefinition[], summaries: Record<string, KpiSummary>): SummaryRow[] {
  const rows = kpis.map((k): SummaryRow => {
    const s = summaries[k.id];
    const v = s?.spcValues[s.spcValues.length - 1];
    return {
      id: k.id,
      name: k.name,
      period: s?.latestPeriod ?? null,
      latest: s?.latest ?? null,
      target: s?.target ?? null,
      status: s?.status ?? null,
      statusLabel: s?.statusLabel ?? "No data",
      variation: s?.variation ?? null,
      high: !!s?.spc && v !== undefined && v > s.spc.centre,
      assurance: s?.assurance ?? null,
      chart: s?.rate ? s.rate.chart.replace("'", "′") : "XmR",
    };
  });
  return rows.sort((a, b) => urgency(b) - urgency(a) || a.name.localeCompare(b.name));
}
