/**
 * The worksheet formulas behind the pane's answers, so an auditor can recompute them in a cell.
 * They refer to the KPIs' names (KPI_<ID>), so they stay live as the data grows, and read the
 * target and thresholds from the KPI's register row (INDEX/MATCH on its ID, so sorting the
 * register does not break them): change the target in the register and every formula follows.
 */
import { KpiDefinition } from "./kpi";
import { nameOf, REGISTER_TABLE, targetNameOf } from "./workbookNames";

/** The register cell of a KPI's column, found by ID: INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)). */
export function registerCell(id: string, column: string): string {
  const escaped = column.replace(/[[\]#']/g, "'$&");
  return `INDEX(${REGISTER_TABLE}[${escaped}],MATCH("${id}",${REGISTER_TABLE}[ID],0))`;
}

export { targetNameOf };

/**
 * The target as a formula argument: the register cell, or the KPI's target range by its name
 * (turned to the values' orientation when a budget row targets a column of values, as
 * KPI_STATUS wants a target range of the actual's shape).
 */
function targetArgument(k: KpiDefinition, transpose: boolean): string {
  if (k.target !== null) return registerCell(k.id, "Target");
  return transpose ? `TRANSPOSE(${targetNameOf(k.id)})` : targetNameOf(k.id);
}

/**
 * KPI_STATUS of every period of the KPI's range; it spills, and its last row is the latest
 * status. At risk is linked when the register holds one (a percentage stays one); otherwise the argument is left out so KPI_STATUS applies
 * its default (an empty cell would reach the function as 0 on Windows/Mac). `transpose`: the
 * target range runs the other way from the values.
 */
export function statusFormula(k: KpiDefinition, transpose = false): string {
  const target = targetArgument(k, transpose);
  // A percentage reaches KPI_STATUS as text ("10%"), which it applies to each period's target.
  const atRisk =
    k.atRiskPercent !== null ? `TEXT(${registerCell(k.id, "At risk")},"0.########%")` : k.atRisk === null ? "" : registerCell(k.id, "At risk");
  return `=KPI.KPI_STATUS(${nameOf(k.id)},${target},${atRisk},"${k.direction}")`;
}

/** SIG_CHANGE of the latest value against the ones before it, XmR rules as the pane uses. */
export function changeFormula(k: KpiDefinition): string {
  return `=KPI.SIG_CHANGE(${nameOf(k.id)},1,0.05,"xmr","detail")`;
}

/** KPI.SPC's detail table, with the KPI's target, direction and limits baseline, as the card shows it. */
export function spcFormula(k: KpiDefinition, baseline: number | null): string {
  const values = k.spcFrom && k.spcFrom > 1 ? `DROP(${nameOf(k.id)},${k.spcFrom - 1})` : nameOf(k.id);
  // A target per period: the chart shows the last period's.
  const target = k.target !== null ? registerCell(k.id, "Target") : `INDEX(${targetNameOf(k.id)},ROWS(${nameOf(k.id)})*COLUMNS(${nameOf(k.id)}))`;
  return `=KPI.SPC(${values},${target},"${k.direction === "within" ? "neutral" : k.direction}",${baseline ?? ""},"detail")`;
}

/** The two series aligned on their latest periods, as the chain analysis aligns them. */
function aligned(leading: KpiDefinition, lagging: KpiDefinition, lengths: { leading: number; lagging: number }): [string, string] {
  const n = Math.min(lengths.leading, lengths.lagging);
  const side = (k: KpiDefinition, length: number) => (length > n ? `TAKE(${nameOf(k.id)},-${n})` : nameOf(k.id));
  return [side(leading, lengths.leading), side(lagging, lengths.lagging)];
}

/** LEADLAG_CORR's best lag, as the pane's chain analysis ran it (aligned on the latest periods). */
export function chainFormula(leading: KpiDefinition, lagging: KpiDefinition, lengths: { leading: number; lagging: number }, maxLag: number, differenced: boolean): string {
  const [a, b] = aligned(leading, lagging, lengths);
  return `=KPI.LEADLAG_CORR(${a},${b},${maxLag},"pearson",${differenced ? "TRUE" : "FALSE"},"best")`;
}

/** LEAD_FORECAST at the chain's best lag with an 80% interval, as the chain section states it. */
export function forecastFormula(leading: KpiDefinition, lagging: KpiDefinition, lengths: { leading: number; lagging: number }, lag: number): string {
  const [a, b] = aligned(leading, lagging, lengths);
  return `=KPI.LEAD_FORECAST(${a},${b},${lag},0.8,"table")`;
}
