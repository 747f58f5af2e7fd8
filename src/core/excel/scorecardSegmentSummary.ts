/**
 * A segment's line of the Scorecard's summary (issue 23, item 4), under its KPI's line, as the
 * pane's summary lists a KPI across segments' segments (portfolioSummary.ts summaryRows over
 * segmentView.ts segmentCards, worst first): each cell a live formula over the segment's own
 * column of the block (KPI_<ID>, periods down, segments across), judged as its card judges it, a
 * KPI of its own against its own target (segmentCards: `{ ...kpi, target: data.targets[index] }`),
 * so a fixed At risk is the register's one number, not k times as the total's is
 * (scorecardSegments.ts overTotals). The order is the pane's at the build, the figures live.
 * A column of the block is INDEX(b,1,s):INDEX(b,ROWS(b),s), a reference (segmentFormulas.ts
 * blockRow says why), so a custom function still receives blanks as blanks. The name is live:
 * the KPI's register name and the segment's cell of the header row above the block,
 * OFFSET(b,-1,s-1,1,1) ("OFFSET function", support.microsoft.com: rows "can be positive … or
 * negative", on the host list, hostFunctions.ts).
 */
import { KpiDefinition } from "../model/kpi";
import { perFactor } from "./rateFormulas";
import { atRiskArgument, registerCell } from "./formulas";
import { periodAt } from "./scorecard";
import { denomNameOf, nameOf, targetNameOf } from "./workbookNames";

/** A segment of a KPI across segments as the summary shows it: its 1-based column of the block and its card's chart ("XmR", "p′" …). */
export interface SummarySegment {
  column: number;
  chart: string;
}

/** Segment `s`'s column (1-based) of a block named `name`, from period `from` (1-based) down. */
export function segmentColumn(name: string, s: number, from = 1): string {
  return `INDEX(${name},${from},${s}):INDEX(${name},ROWS(${name}),${s})`;
}

/**
 * The cells of segment `seg`'s summary line at sheet row `row` (1-based), the KPI's own line of
 * the summary at `kpiRow` (its name cell), with the KPI's limits baseline; columns as
 * SUMMARY_HEADERS: KPI, Period, Latest, Target, Status, Variation, Assurance, Chart, Attention.
 */
export function segmentSummaryRow(k: KpiDefinition, seg: SummarySegment, row: number, kpiRow: number, baseline: number | null): string[] {
  const s = seg.column;
  const values = segmentColumn(nameOf(k.id), s);
  const last = `MATCH(9.99E+307,${values})`;
  const rate = !!k.denominatorRange;
  const denominators = segmentColumn(denomNameOf(k.id), s);
  const per = perFactor(k);
  const [C, D] = [`C${row}`, `D${row}`];
  // Its own target: the register's one number, or its cell of KPITarget_<ID> (a row or a column of one cell per segment).
  const target = k.target !== null ? registerCell(k.id, "Target") : `INDEX(${targetNameOf(k.id)},${s})`;
  const from = k.spcFrom && k.spcFrom > 1 ? k.spcFrom : 1;
  const charted = segmentColumn(nameOf(k.id), s, from);
  const perUnit = k.ratePer ? `(${D})/${String(k.ratePer).toUpperCase()}` : D;
  const spc = (direction: string, output: string) =>
    rate
      ? `=KPI.SPC(${charted},${perUnit},"${direction}",${baseline ?? ""},"${output}","${seg.chart.replace("′", "'")}",${segmentColumn(denomNameOf(k.id), s, from)})`
      : `=KPI.SPC(${charted},${D},"${direction}",${baseline ?? ""},"${output}")`;
  const is = (col: string, words: string) => `ISNUMBER(1/(${col}${row}="${words}"))`;
  return [
    `=$A$${kpiRow}&" · "&OFFSET(${nameOf(k.id)},-1,${s - 1},1,1)`,
    `=${periodAt(k, last)}`,
    rate ? `=INDEX(${values},${last})/INDEX(${denominators},${last})${per}` : `=INDEX(${values},${last})`,
    `=${target}`,
    `=KPI.KPI_STATUS(${C},${D},${atRiskArgument(k, D)},"${k.direction}")`,
    spc(k.direction === "within" ? "neutral" : k.direction, "variation"),
    // Assurance needs a side of the target that is better: none for a KPI kept within one.
    k.direction === "within" ? `=""` : spc(k.direction, "assurance"),
    `="${seg.chart}"`,
    // The urgency of the pane's summary (scorecard.ts attentionFormula), over this line's own cells.
    `=8*${is("F", "Special cause concern")}+4*${is("G", "Consistently fails")}+2*${is("E", "Off track")}+${is("E", "At risk")}-${is("F", "Special cause improvement")}`,
  ];
}
