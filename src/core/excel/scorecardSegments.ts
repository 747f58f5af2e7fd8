/**
 * A KPI across segments on the Scorecard (issue 23, item 3): a block of periods × segments
 * (Segments "columns", core/model/segments.ts) is shown by its total per period, as its card
 * shows it (segmentTotals): the segments added up (a sum or a "last" roll-up), or their mean
 * ("average"); a period where a segment has no number has no total (#N/A, which the add-in's
 * functions read as a gap, functions/cells.ts, and a line chart leaves out). The totals, and the
 * total's target per period where it is not the register's one number, are columns of live
 * formulas beside the charts' period labels (scorecardParts.ts), and the KPI's row is a plain
 * KPI's row over them: its names KPI_<ID> and KPITarget_<ID> read as those columns, judged as the
 * card judges the total (totalDefinition: a sum of k segments has k times one segment's target
 * and At risk). A rate across segments (Σ counts / Σ denominators) and a table column split by
 * a segment column (its periods are each segment's n-th row) are not on the sheet yet.
 * Only host-list functions (hostFunctions.ts): a period's row of the block is
 * INDEX(b,p,1):INDEX(b,p,COLUMNS(b)), a reference as formulas.ts periodsFrom builds one.
 */
import { KpiDefinition } from "../model/kpi";
import { isRateKpi } from "../model/rates";
import { BLOCK_LAYOUT, segmentLayoutOf } from "../model/segments";
import { registerCell } from "./formulas";
import { nameOf, targetNameOf } from "./workbookNames";

/** Where a segmented KPI's columns are on the Scorecard (absolute A1 on its own sheet). */
export interface TotalsColumns {
  values: string;
  /** The total's target per period; null where the register's one number is the total's too (a mean), or there is no target. */
  targets: string | null;
}

/** Whether the Scorecard shows a segmented KPI by its totals: a block of counts or amounts, not a rate, not a table's column. */
export function onScorecardByTotals(k: Pick<KpiDefinition, "segments" | "denominatorRange">): boolean {
  const layout = segmentLayoutOf(k.segments ?? "");
  return !!layout && layout.kind === BLOCK_LAYOUT && !isRateKpi(k);
}

const mean = (k: Pick<KpiDefinition, "aggregation">, segments: string) => (k.aggregation === "average" ? `/${segments}` : "");

/** Period `p`'s total (1-based) over the block's row: every segment's number added up (or their mean), else #N/A. */
export function segmentTotalFormula(k: Pick<KpiDefinition, "id" | "aggregation">, p: number): string {
  const b = nameOf(k.id);
  const row = `INDEX(${b},${p},1):INDEX(${b},${p},COLUMNS(${b}))`;
  return `=IF(SUMPRODUCT(ISNUMBER(${row})*1)=COLUMNS(${b}),SUMPRODUCT(${row})${mean(k, `COLUMNS(${b})`)},NA())`;
}

/**
 * The total's target, the same each period (a formula), or null where it is the register's one
 * number (a mean of segments) or there is none: k × the register's Target for a sum, else the
 * segments' targets (KPITarget_<ID>, one cell per segment) added up or their mean, #N/A where a
 * segment has none (segmentTotals: "null where a segment has none").
 */
export function segmentTargetFormula(k: Pick<KpiDefinition, "id" | "aggregation" | "target" | "targetRange">): string | null {
  const b = nameOf(k.id);
  if (k.target !== null) return k.aggregation === "average" ? null : `=COLUMNS(${b})*${registerCell(k.id, "Target")}`;
  if (!k.targetRange) return null;
  const t = targetNameOf(k.id);
  return `=IF(SUMPRODUCT(ISNUMBER(${t})*1)=COLUMNS(${b}),SUMPRODUCT(${t})${mean(k, `COLUMNS(${b})`)},NA())`;
}

/** The definition the KPI's row is written for: one series (its totals column), its target the totals' targets where there are. */
export function totalsDefinition(k: KpiDefinition, at: TotalsColumns): KpiDefinition {
  return { ...k, segments: "", source: at.values, ...(at.targets ? { target: null, targetRange: at.targets } : {}) };
}

/**
 * A formula of that row, its names read as the columns: KPI_<ID> as the totals, KPITarget_<ID> as
 * their targets; and for a sum against the register's one number, a fixed At risk k times the
 * register's (totalDefinition), as its target is.
 */
export function overTotals(formula: string, k: KpiDefinition, at: TotalsColumns): string {
  const token = (name: string) => new RegExp(`(?<![\\w.])${name.replace(/[.\\]/g, "\\$&")}(?![\\w.(])`, "gi");
  let f = formula.replace(token(nameOf(k.id)), at.values);
  if (at.targets) f = f.replace(token(targetNameOf(k.id)), at.targets);
  if (k.target !== null && at.targets && k.atRisk !== null && k.atRiskPercent === null) {
    const atRisk = registerCell(k.id, "At risk");
    f = f.split(atRisk).join(`COLUMNS(${nameOf(k.id)})*${atRisk}`);
  }
  return f;
}
