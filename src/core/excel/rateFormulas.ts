/**
 * The formulas behind a rate KPI's answers (issue 23, item 2): its rates as KPI_STATUS's and
 * SIG_CHANGE's series, and KPI.SPC with the chart its card chose
 * (p, u, p′ or u′: core/model/rates.ts chooseRateChart) and its denominators, exactly as
 * FUNCTIONS.md's "KPI.SPC for rates" signature has them:
 * KPI.SPC(values, [target], [direction], [baseline], [output], [chart], [denominators]).
 * KPI.SPC works per unit (its points are value / denominator), so a rate per N passes its target
 * divided by N; the card multiplies KPI.SPC's per-unit chart by N (rateSummary.ts), so the
 * function's answers are the card's over N. Only Excel 2021's functions, as formulas.ts.
 */
import { KpiDefinition } from "../model/kpi";
import { RateChart } from "../analysis/spcRates";
import { RateFields } from "../model/rates";
import { chartedValues, crosswise, latestPosition, orientationOf, periodsFrom, registerCell, span, yearStartPosition } from "./formulas";
import { denomNameOf, nameOf, targetNameOf } from "./workbookNames";

/** The × N at a formula's end of a rate shown per N (per 1,000 visits); "" for a plain share. */
export const perFactor = (k: Pick<KpiDefinition, "ratePer">): string => (k.ratePer ? `*${String(k.ratePer).toUpperCase()}` : "");

/**
 * 1 for a period (or a segment) with a count and a denominator above 0, else 0, as segmentTotals
 * and the rate functions count it: LN of text, of a blank's 0, of a number not above 0 or of an
 * error is an error ("LN function", support.microsoft.com), so ISNUMBER(LN(d)) is 1 exactly for a
 * denominator above 0, and no error of a cell spreads.
 */
export const countedRate = (values: string, denominators: string): string => `ISNUMBER(${values})*ISNUMBER(LN(${denominators}))`;

type RateKpi = Pick<KpiDefinition, "id" | "source" | "spcFrom" | "target" | "direction"> & RateFields;
type RateYearKpi = RateKpi & Pick<KpiDefinition, "targetRange" | "firstPeriod" | "cadence" | "yearStart">;

/**
 * The KPI's denominators over the periods charted (its Chart from period on, as chartedValues),
 * turned to the values' orientation when they run the other way (a row of visits for a column of
 * orders): KPI.SPC wants them "the same shape as values, period for period".
 */
export function chartedDenominators(k: RateKpi): string {
  const d = k.spcFrom && k.spcFrom > 1 ? periodsFrom(denomNameOf(k.id), String(k.spcFrom), orientationOf(k.denominatorRange ?? "")) : denomNameOf(k.id);
  return alongValues(k, d);
}

/** The denominators in the values' shape: TRANSPOSE when they run the other way. */
function alongValues(k: RateKpi, d: string): string {
  const values = orientationOf(k.source ?? "");
  const way = orientationOf(k.denominatorRange ?? "");
  return values !== null && way !== null && values !== way ? `TRANSPOSE(${d})` : d;
}

/**
 * Every period's rate as an array, in the KPI's terms (value / denominator, × N for a rate per
 * N), "" where KPI.SPC skips the period (no count, no number for a denominator, or one not above
 * 0): a gap to KPI_STATUS ("No data") and SIG_CHANGE, as the card's statuses and change
 * (rateSummary.ts) leave it. Passed as their first argument (formulas.ts statusFormula, changeFormula).
 */
export function ratesArgument(k: RateKpi): string {
  const v = nameOf(k.id);
  const d = alongValues(k, denomNameOf(k.id));
  const rate = k.ratePer ? `${v}/${d}*${String(k.ratePer).toUpperCase()}` : `${v}/${d}`;
  return `IF(ISNUMBER(${v})*ISNUMBER(${d})*(${d}>0),${rate},"")`;
}

/** The target in KPI.SPC's per-unit terms: the register's (a target per period: the latest period's), over N for a rate per N. */
function perUnitTarget(k: RateKpi): string {
  // The latest period's: the one with the last number (issue 22, item 2), not the range's last cell.
  const target = k.target !== null ? registerCell(k.id, "Target") : `INDEX(${targetNameOf(k.id)},MATCH(9.99E+307,${nameOf(k.id)}))`;
  return k.ratePer ? `${target}/${String(k.ratePer).toUpperCase()}` : target;
}

/**
 * KPI.SPC's rate chart of the KPI, as its card draws it: the chart chosen, the denominators, the
 * limits baseline (`baseline`, the card's), output "detail" (the measures) or "limits" (every
 * period's point, centre, limits and near-limit lines, for Excel's own line chart).
 */
export function spcRateFormula(k: RateKpi, chart: RateChart, baseline: number | null, output: "detail" | "limits" = "detail"): string {
  const direction = k.direction === "within" ? "neutral" : k.direction;
  return `=KPI.SPC(${chartedValues(k)},${perUnitTarget(k)},"${direction}",${baseline ?? ""},"${output}","${chart}",${chartedDenominators(k)})`;
}

/**
 * A rate KPI's year to date as its card computes it (core/model/rollup.ts windowRate): Σ counts /
 * Σ denominators (× N) over the year's periods that have a rate and a target, against the targets
 * weighed by those denominators (one target for every period: itself). Null when the year cannot
 * be told. The mask is 1 for such a period: a number, a denominator above 0 (LN of anything else is
 * an error: "LN function", support.microsoft.com), a target. SUMPRODUCT takes a text or blank entry
 * as 0 ("SUMPRODUCT function": "treats non-numeric array entries as if they were zeros"). A year
 * without one such period is 0/0, #DIV/0!, where the card shows none: a guard would repeat the
 * mask and pass Excel's 8,192 characters for a long ID.
 */
export function rateYearToDateFormulas(k: RateYearKpi): { actual: string; budget: string } | null {
  const start = yearStartPosition(k);
  if (start === null) return null;
  const L = latestPosition(k.id);
  const from = `MAX(1,${start})`;
  const v = span(nameOf(k.id), from, L, orientationOf(k.source ?? ""));
  const d = alongValues(k, span(denomNameOf(k.id), from, L, orientationOf(k.denominatorRange ?? "")));
  const perPeriod = span(targetNameOf(k.id), from, L, orientationOf(k.targetRange ?? ""));
  const t = k.target !== null ? registerCell(k.id, "Target") : crosswise(k) ? `TRANSPOSE(${perPeriod})` : perPeriod;
  const mask = `${countedRate(v, d)}*ISNUMBER(${t})`;
  const units = `SUMPRODUCT(${mask},${d})`;
  const per = perFactor(k);
  return {
    actual: `=SUMPRODUCT(${mask},${v})/${units}${per}`,
    budget: k.target !== null ? `=${t}` : `=SUMPRODUCT(${mask},${d},${t})/${units}`,
  };
}

/**
 * A rate KPI's rate at 1-based position `i`, for the Scorecard's chart of its rates (a line of
 * the counts would chart the numerators): value / denominator (× N), #N/A where it has none
 * (no count, no number for a denominator, or one not above 0), which a line chart leaves out
 * ("Display empty cells, null (#N/A) values, and hidden worksheet data in a chart",
 * support.microsoft.com).
 */
export function rateAtFormula(k: Pick<KpiDefinition, "id"> & RateFields, i: number): string {
  const [v, d] = [`INDEX(${nameOf(k.id)},${i})`, `INDEX(${denomNameOf(k.id)},${i})`];
  const per = perFactor(k);
  return `=IF(ISNUMBER(${v})*ISNUMBER(${d}),IF(${d}>0,${v}/${d}${per},NA()),NA())`;
}
