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
 * and At risk). A rate across segments is a plain rate KPI's row over columns of its total counts,
 * total denominators and (with a target per segment) the period's target Σ tₛ·dₛ / Σ dₛ, its chart
 * over a column of the pooled rates (segmentTotals: "the pooled rate, … never the mean of the
 * segments' rates"). A table column split by a segment column gives the same columns from its
 * table's columns by name where the table has a period column (scorecardLongTotals.ts); without
 * one (its periods are each segment's n-th row) it is not on the sheet.
 * Only host-list functions (hostFunctions.ts): a period's row of the block is
 * INDEX(b,p,1):INDEX(b,p,COLUMNS(b)), a reference as formulas.ts periodsFrom builds one.
 */
import { KpiDefinition } from "../model/kpi";
import { isRateKpi } from "../model/rates";
import { BLOCK_LAYOUT, segmentLayoutOf } from "../model/segments";
import { orientationOf, registerCell } from "./formulas";
import { denomNameOf, nameOf, targetNameOf } from "./workbookNames";
import { countedRate, perFactor } from "./rateFormulas";

/** Where a segmented KPI's columns are on the Scorecard (absolute A1 on its own sheet). */
export interface TotalsColumns {
  values: string;
  /** The total's target per period; null where the register's one number is the total's too (a mean), or there is no target. */
  targets: string | null;
  /** A rate's total denominators per period; absent for counts or amounts. */
  denominators?: string;
  /** How many segments a total adds up, where it is not the block's COLUMNS (a long KPI's, as the build read them). */
  count?: number;
}

/** Whether the Scorecard shows a segmented KPI by its totals: a block (of counts, amounts or a rate's counts), not a table's column. */
export function onScorecardByTotals(k: Pick<KpiDefinition, "segments">): boolean {
  const layout = segmentLayoutOf(k.segments ?? "");
  return !!layout && layout.kind === BLOCK_LAYOUT;
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

const blockRow = (r: string, p: number) => `INDEX(${r},${p},1):INDEX(${r},${p},COLUMNS(${r}))`;

/** Whether period `p` of a rate across segments has a total: every segment a count and a denominator above 0 (rateFormulas.ts countedRate). */
function rateComplete(k: Pick<KpiDefinition, "id">, p: number): string {
  const b = nameOf(k.id);
  return `SUMPRODUCT(${countedRate(blockRow(b, p), blockRow(denomNameOf(k.id), p))})=COLUMNS(${b})`;
}

/**
 * A rate across segments' total in period `p`: its counts added up ("numerators") or its
 * denominators; "" where the period has none, a gap to the add-in's functions (functions/cells.ts:
 * empty text "counts as a gap") that SUMPRODUCT reads as 0 in the year to date (rateFormulas.ts),
 * where an error (#N/A) would spread: "SUMPRODUCT function" treats only non-numeric entries as zeros.
 */
function segmentRateTotalFormula(k: Pick<KpiDefinition, "id">, p: number, part: "numerators" | "denominators"): string {
  const r = part === "numerators" ? nameOf(k.id) : denomNameOf(k.id);
  return `=IF(${rateComplete(k, p)},SUMPRODUCT(${blockRow(r, p)}),"")`;
}

/** The pooled rate of period `p`, Σ counts / Σ denominators (× N), for its chart: #N/A where it has none, which a line chart leaves out. */
function segmentRateFormula(k: Pick<KpiDefinition, "id" | "ratePer">, p: number): string {
  const per = perFactor(k);
  return `=IF(${rateComplete(k, p)},SUMPRODUCT(${blockRow(nameOf(k.id), p)})/SUMPRODUCT(${blockRow(denomNameOf(k.id), p)})${per},NA())`;
}

/**
 * A rate across segments' target in period `p`, with a target per segment (KPITarget_<ID>, one
 * cell per segment, turned to run across when it is a column): Σ tₛ·dₛ / Σ dₛ, the rate with every
 * segment on its target, "" where the period has no total or a segment no target (segmentTotals).
 * Null with the register's one number: every period's weighed target is that number.
 */
function segmentRateTargetFormula(k: Pick<KpiDefinition, "id" | "target" | "targetRange">, p: number): string | null {
  if (k.target !== null || !k.targetRange) return null;
  const t = orientationOf(k.targetRange) === "column" ? `TRANSPOSE(${targetNameOf(k.id)})` : targetNameOf(k.id);
  const d = blockRow(denomNameOf(k.id), p);
  const targeted = `(SUMPRODUCT(ISNUMBER(${t})*1)=COLUMNS(${nameOf(k.id)}))`;
  return `=IF((${rateComplete(k, p)})*${targeted},SUMPRODUCT(${t},${d})/SUMPRODUCT(${d}),"")`;
}

/** The definition the KPI's row is written for: one series (its totals column), its target the totals' targets where there are, a rate's denominators theirs. */
export function totalsDefinition(k: KpiDefinition, at: TotalsColumns): KpiDefinition {
  return {
    ...k,
    segments: "",
    source: at.values,
    ...(at.targets ? { target: null, targetRange: at.targets } : {}),
    ...(at.denominators ? { denominatorRange: at.denominators } : {}),
  };
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
  if (at.denominators) f = f.replace(token(denomNameOf(k.id)), at.denominators);
  if (k.target !== null && at.targets && k.atRisk !== null && k.atRiskPercent === null) {
    const atRisk = registerCell(k.id, "At risk");
    f = f.split(atRisk).join(`${at.count ?? `COLUMNS(${nameOf(k.id)})`}*${atRisk}`);
  }
  return f;
}

/** The columns of a KPI across segments' `n` periods, as formulas: totals, their targets (null: the register's one number), and a rate's denominators and pooled rates. */
export interface TotalsFormulas {
  values: string[];
  targets: string[] | null;
  denominators?: string[];
  rates?: string[];
}

/** The Scorecard's columns of a block's `n` periods (scorecardParts.ts puts them beside the period labels). */
export function totalsFormulas(k: KpiDefinition, n: number): TotalsFormulas {
  const each = (f: (p: number) => string) => Array.from({ length: n }, (_, i) => f(i + 1));
  if (!isRateKpi(k)) {
    const target = segmentTargetFormula(k);
    return { values: each((p) => segmentTotalFormula(k, p)), targets: target === null ? null : each(() => target) };
  }
  return {
    values: each((p) => segmentRateTotalFormula(k, p, "numerators")),
    targets: segmentRateTargetFormula(k, 1) === null ? null : each((p) => segmentRateTargetFormula(k, p)!),
    denominators: each((p) => segmentRateTotalFormula(k, p, "denominators")),
    rates: each((p) => segmentRateFormula(k, p)),
  };
}
