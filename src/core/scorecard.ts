/**
 * The Scorecard sheet's rows: one per KPI, grouped by objective, every cell a live formula over
 * the KPI's name and its register row (so the sheet stays right as data and definitions change,
 * and anyone can audit it), in the order Objective, KPI, Owner, Latest, Target, Status,
 * Variation, Trend.
 */
import { KpiDefinition } from "./kpi";
import { atRiskArgument, chartedValues, registerCell, targetNameOf } from "./formulas";

export const SCORECARD_HEADERS = ["Objective", "KPI", "Owner", "Latest", "Target", "Status", "Variation", "Trend"] as const;

const nameOf = (id: string) => `KPI_${id}`;

/** The KPIs in the scorecard's order: by objective, then name. */
export function scorecardOrder(kpis: readonly KpiDefinition[]): KpiDefinition[] {
  return [...kpis].sort((a, b) => (a.objective || "~").localeCompare(b.objective || "~") || a.name.localeCompare(b.name));
}

/**
 * The formulas of one KPI's row, for sheet row `row` (1-based). Latest is the last number of
 * the KPI's range (MATCH of a number larger than any finds the last numeric cell); a target per
 * period is that period's. Status reads the row's own Latest and Target cells; a percentage At
 * risk reaches it as the boundary number (formulas.ts atRiskArgument: no locale-dependent text),
 * and Variation charts from the Chart from period by reference (no DROP, which Excel 2021 lacks).
 * Objective, KPI and Owner are `&""` so an empty register cell shows empty, not 0: a text column,
 * shown and never parsed, so the locale cannot change what a function reads.
 */
export function scorecardRow(k: KpiDefinition, row: number, spcBaseline: number | null): string[] {
  const values = nameOf(k.id);
  const latestAt = `MATCH(9.99E+307,${values})`;
  const text = (column: string) => `=${registerCell(k.id, column)}&""`;
  const target = k.target !== null ? `=${registerCell(k.id, "Target")}` : `=INDEX(${targetNameOf(k.id)},${latestAt})`;
  const direction = k.direction === "within" ? "neutral" : k.direction;
  return [
    text("Objective"),
    text("Name"),
    text("Owner"),
    `=INDEX(${values},${latestAt})`,
    target,
    `=KPI.KPI_STATUS(D${row},E${row},${atRiskArgument(k, `E${row}`)},"${k.direction}")`,
    `=KPI.SPC(${chartedValues(k)},E${row},"${direction}",${spcBaseline ?? ""},"variation")`,
    `=KPI.SIG_CHANGE(${values},1,0.05,"xmr")`,
  ];
}
