/**
 * The worksheet formulas behind the pane's answers, so an auditor can recompute them in a cell.
 * They refer to the KPIs' names (KPI_<ID>), so they stay live as the data grows.
 */
import { defaultAtRisk } from "./status";
import { KpiDefinition } from "./kpi";

const nameOf = (id: string) => `KPI_${id}`;

function literal(n: number): string {
  return String(n).toUpperCase();
}

/** KPI_STATUS of every period of the KPI's range; it spills, and its last row is the latest status. */
export function statusFormula(k: KpiDefinition): string {
  const atRisk = k.atRisk ?? defaultAtRisk(k.target, k.direction);
  return `=KPI.KPI_STATUS(${nameOf(k.id)},${literal(k.target)},${literal(atRisk)},"${k.direction}")`;
}

/** SIG_CHANGE of the latest value against the ones before it, XmR rules as the pane uses. */
export function changeFormula(k: KpiDefinition): string {
  return `=KPI.SIG_CHANGE(${nameOf(k.id)},1,0.05,"xmr","detail")`;
}

/** LEADLAG_CORR's best lag, as the pane's chain analysis ran it (aligned on the latest periods). */
export function chainFormula(leading: KpiDefinition, lagging: KpiDefinition, lengths: { leading: number; lagging: number }, maxLag: number, differenced: boolean): string {
  const n = Math.min(lengths.leading, lengths.lagging);
  const side = (k: KpiDefinition, length: number) => (length > n ? `TAKE(${nameOf(k.id)},-${n})` : nameOf(k.id));
  return `=KPI.LEADLAG_CORR(${side(leading, lengths.leading)},${side(lagging, lengths.lagging)},${maxLag},"pearson",${differenced ? "TRUE" : "FALSE"},"best")`;
}
