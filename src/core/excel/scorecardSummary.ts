/**
 * The Scorecard's summary of the portfolio (issue 23, item 4), as NHS England's "Making Data
 * Count" summary table lays it out and the pane's (core/model/portfolioSummary.ts) shows it: every
 * KPI with its latest period, value, target, status, variation and assurance, most urgent first.
 * Each cell refers to the KPI's line of the table above (its KPI.KPI_STATUS and KPI.SPC cells, a
 * rate KPI's rate chart included), so the figures stay live; the order is the pane's at the build
 * (summaryRows of the same data), and each line's Attention cell (scorecard.ts attentionFormula)
 * keeps its urgency live beside it, so a KPI that has grown more urgent since shows it. A live
 * sort would need SORTBY or LARGE over every line, evaluated again for each cell it feeds. A KPI
 * across segments' line is followed by a line per segment, worst first at the build as the pane's
 * summary lists them, over the segment's own column of the block (scorecardSegmentSummary.ts).
 */
import type { LongTotals } from "./scorecardLongTotals";
import { KpiDefinition } from "../model/kpi";
import { SCORECARD_HEADERS } from "./scorecard";
import { isRateKpi } from "../model/rates";
import { RateChart } from "../analysis/spcRates";
import { segmentSummaryRow, SummarySegment } from "./scorecardSegmentSummary";

export const SUMMARY_HEADERS = ["KPI", "Period", "Latest", "Target", "Status", "Variation", "Assurance", "Chart", "Attention"] as const;

/** 0-based columns of the summary the writer formats and colours. */
export const SUMMARY_PERIOD_COLUMN = 1;
export const SUMMARY_STATUS_COLUMN = 4;
export const SUMMARY_VARIATION_COLUMN = 5;

const column = (h: (typeof SCORECARD_HEADERS)[number]) => String.fromCharCode(65 + SCORECARD_HEADERS.indexOf(h));

/**
 * A KPI's line of the table above: its sheet row (1-based) and the chart its variation uses ("XmR", "p′" …);
 * or one of its segments' (scorecardSegmentSummary.ts), after the KPI's own line, with the KPI's limits baseline.
 */
export interface SummaryLine {
  kpi: KpiDefinition;
  row: number;
  chart: string;
  segment?: SummarySegment;
  baseline?: number | null;
}

/**
 * The summary's rows, one per line in the order given (the pane's, most urgent first), each cell
 * the line's; a segment's line over its own column of the block, its name after its KPI's summary
 * line's (the line before it with no segment). `top`: the sheet row (1-based) of the first line.
 */
export function summaryRows(lines: readonly SummaryLine[], top = 0): string[][] {
  let kpiRow = top;
  return lines.map(({ kpi, row, chart, segment, baseline }, i) => {
    if (segment) return segmentSummaryRow(kpi, segment, top + i, kpiRow, baseline ?? null);
    kpiRow = top + i;
    const from = (h: (typeof SCORECARD_HEADERS)[number]) => `=$${column(h)}$${row}`;
    return [
      from("KPI"),
      from("Period"),
      from("Latest"),
      from("Target"),
      from("Status"),
      from("Variation"),
      from("Assurance"),
      `="${chart}"`,
      from("Attention"),
    ];
  });
}

/** A rate KPI's chart as its card chose it (p, u, p′ or u′), null for one that is not a rate or has none yet. */
export type ChartOf = (k: KpiDefinition) => RateChart | null;

/** What a Scorecard build needs of the KPIs' data (workbook/scorecardCharts.ts buildDataOf reads it). */
export interface BuildData {
  chartOf: ChartOf;
  /** The KPIs' IDs, most urgent first (the pane's summary order). */
  urgent: string[];
  /** A KPI across segments' segments, worst first as its card lists them at the build; absent or empty for others. */
  segmentsOf?: (k: KpiDefinition) => SummarySegment[];
  /** A KPI split by a column of a table with a period column: what its totals are read from (scorecardLongTotals.ts); null for others. */
  longOf?: (k: KpiDefinition) => LongTotals | null;
}

/** The chart a line's variation uses, as the pane's summary names it: "XmR", or the rate chart with its prime sign. */
export function chartLabel(k: KpiDefinition, chartOf: ChartOf): string {
  if (!isRateKpi(k)) return "XmR";
  return (chartOf(k) ?? (k.ratePer ? "u" : "p")).replace("'", "′");
}

/** The summary's block: its title, its headers, then summaryRows; `top` the sheet row (1-based) of the title. */
export function summaryCells(lines: readonly SummaryLine[], top = 0): string[][] {
  const title =
    "Summary of every KPI, most urgent first when built (as NHS England's Making Data Count lays it out); a KPI across segments is followed by its segments, worst first when built. Attention follows the data: a special cause of concern 8, a target reliably failed 4, Off track 2, At risk 1, a special cause of improvement -1.";
  return [[title], [...SUMMARY_HEADERS], ...summaryRows(lines, top + 2)];
}

/**
 * The rules that colour variation and assurance words, for the top-left cell of a range of them:
 * blue for a special cause of improvement or a target reliably met, orange for concern or a target
 * reliably missed, as "Making Data Count" colours its icons; the words stay in the cell, so print
 * and grey scale read them. Within 255 characters, no structured or other-sheet reference.
 */
export function iconRules(topLeft: string, ruleId: string): { look: "improvement" | "concern"; formula: string }[] {
  const either = (a: string, b: string) => `(${topLeft}="${a}")+(${topLeft}="${b}")>0`;
  return [
    { look: "improvement", formula: `=AND(${either("Special cause improvement", "Consistently passes")},N("kpilens:${ruleId}:improvement")=0)` },
    { look: "concern", formula: `=AND(${either("Special cause concern", "Consistently fails")},N("kpilens:${ruleId}:concern")=0)` },
  ];
}
