/**
 * What a Scorecard build needs of the KPIs' data (issue 23, items 2 and 4): each rate KPI's chart
 * (p, u, p′ or u′) as its card chooses it, so the sheet's variation and assurance and the card's
 * agree, and the summary's order, most urgent first, as the pane's summary orders the same data.
 * Both come from the card's own computations (core/model/portfolio.ts summariesOf, rates.ts
 * chooseRateChart, portfolioSummary.ts summaryRows) on the values read here: one round trip for
 * the values, targets and denominators, a KPI across segments' blocks riding too (segmentsRead.ts
 * readSeriesOf, beside the register read when the build begins it there: kpiWorkbook.ts). A KPI
 * across segments' series is its totals with its segments, as the pane reads it, so the summary
 * lists its segments worst first as its card does (segmentView.ts segmentCards, worstFirst).
 */
import { RateChart } from "../core/analysis/spcRates";
import { KpiDefinition } from "../core/model/kpi";
import { summariesOf } from "../core/model/portfolio";
import { summaryRows } from "../core/model/portfolioSummary";
import { segmentCards, worstFirst } from "../core/model/segmentView";
import type { BuildData } from "../core/excel/scorecardSummary";
import type { SummarySegment } from "../core/excel/scorecardSegmentSummary";
import { readSeriesOf } from "./segmentsRead";
import { columnNamed } from "./segmentsLongRead";
import { parseStructuredReference } from "../core/excel/a1";
import type { LongTotals } from "../core/excel/scorecardLongTotals";
import type { LongPeriods } from "../core/excel/segmentLongFormulas";
import { denomNameOf, targetNameOf } from "../core/excel/workbookNames";
import { segmentLayoutOf } from "../core/model/segments";
import { ExcelRun } from "./excelRun";
import type { RegisterRead } from "./registerRead";

// Declared in core (scorecardSummary.ts), so scorecard.ts needs no import of this reader's (madge: no cycle through segmentsRead.ts).
export type { BuildData };

/** The build's data for the KPIs with a range. */
export async function buildDataOf(run: ExcelRun, read: RegisterRead): Promise<BuildData> {
  const kpis = read.state.kpis.filter((k) => read.state.sources[k.id]);
  if (kpis.length === 0) return { chartOf: () => null, urgent: [] };
  // Values and denominators begun at once: one round trip when they ride with the register read (kpiWorkbook.ts).
  const series = await readSeriesOf(run, read, kpis);
  const summaries = summariesOf(kpis, Object.fromEntries(series.map((s) => [s.id, s])));
  const charts = new Map<string, RateChart>();
  for (const k of kpis) {
    const chart = summaries[k.id]?.rate?.chart;
    if (chart) charts.set(k.id.toUpperCase(), chart);
  }
  const segments = new Map<string, SummarySegment[]>();
  for (const s of series) {
    const k = kpis.find((x) => x.id === s.id);
    if (!k || !s.segments) continue;
    const cards = worstFirst(k, segmentCards(k, s.segments));
    segments.set(
      k.id.toUpperCase(),
      cards.map((c) => ({ column: c.index + 1, chart: c.summary.rate ? c.summary.rate.chart.replace("'", "′") : "XmR" })),
    );
  }
  const longs = new Map<string, LongTotals>();
  for (const s of series) {
    const k = kpis.find((x) => x.id === s.id);
    const long = k && s.byPeriod && s.segments ? longTotalsOf(read, k, s.byPeriod, s.segments.names.length) : null;
    if (long) longs.set(s.id.toUpperCase(), long);
  }
  return {
    chartOf: (k: KpiDefinition) => charts.get(k.id.toUpperCase()) ?? null,
    longOf: (k: KpiDefinition) => longs.get(k.id.toUpperCase()) ?? null,
    urgent: summaryRows(kpis, summaries).map((r) => r.id),
    segmentsOf: (k: KpiDefinition) => segments.get(k.id.toUpperCase()) ?? [],
  };
}

/** What a long KPI's totals are read from: its table's columns by the names its register row and names give, and the periods read. */
function longTotalsOf(read: RegisterRead, k: KpiDefinition, byPeriod: LongPeriods, segments: number): LongTotals | null {
  const source = parseStructuredReference(read.state.sources[k.id] ?? "");
  const layout = segmentLayoutOf(k.segments ?? "");
  if (!source || layout?.kind !== "by") return null;
  const column = (name: string) => columnNamed(read, name, source.table) ?? null;
  return {
    table: source.table,
    value: source.column,
    segment: layout.column,
    period: byPeriod.column,
    denominator: k.denominatorRange ? column(denomNameOf(k.id)) : null,
    target: k.targetRange ? column(targetNameOf(k.id)) : null,
    keys: byPeriod.keys,
    segments,
  };
}
