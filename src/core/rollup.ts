/**
 * Period roll-ups, as a month-end pack shows them: year-to-date and quarter-to-date of a KPI,
 * aggregated its own way (a flow sums, a rate averages, a stock takes the last), against the
 * target aggregated the same way over the same periods, with KPI_STATUS's bands. Periods with
 * no value are left out on both sides, so a missing month neither counts as 0 nor inflates
 * the target.
 */
import { Aggregation, atRiskFor, KpiDefinition } from "./kpi";
import { periodDate, quarterOf } from "./periods";
import { classify, Status } from "./status";

export interface Rollup {
  /** "2025 to date", "2025-Q4 to date". */
  label: string;
  /** 1-based periods included. */
  periods: number[];
  actual: number;
  target: number | null;
  status: Status | null;
}

function aggregate(values: readonly number[], how: Aggregation): number {
  if (how === "last") return values[values.length - 1];
  const sum = values.reduce((a, b) => a + b, 0);
  return how === "sum" ? sum : sum / values.length;
}

/**
 * Year- and quarter-to-date at the latest period with a value. Null when the KPI's first
 * period is unknown (nothing says where a year starts) or it has no value.
 */
export function rollups(
  kpi: Pick<KpiDefinition, "aggregation" | "firstPeriod" | "cadence" | "direction" | "atRisk" | "atRiskPercent">,
  values: readonly (number | null)[],
  targets: readonly (number | null)[],
): { ytd: Rollup; qtd: Rollup } | null {
  if (!kpi.firstPeriod) return null;
  let latest = -1;
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) { latest = i; break; }
  if (latest < 0) return null;
  const dates = values.map((_, i) => periodDate(kpi.firstPeriod, kpi.cadence, i + 1) as string);
  const year = dates[latest].slice(0, 4);
  const quarter = quarterOf(dates[latest]);
  const view = (label: string, inWindow: (date: string) => boolean): Rollup => {
    const periods: number[] = [];
    for (let i = 0; i <= latest; i++) if (values[i] !== null && inWindow(dates[i])) periods.push(i + 1);
    const actual = aggregate(periods.map((p) => values[p - 1] as number), kpi.aggregation);
    const periodTargets = periods.map((p) => targets[p - 1]);
    const target = periodTargets.some((t) => t === null || t === undefined) ? null : aggregate(periodTargets as number[], kpi.aggregation);
    return { label, periods, actual, target, status: target === null ? null : classify(actual, target, boundary(kpi, target, periodTargets as number[]), kpi.direction) };
  };
  return { ytd: view(`${year} to date`, (d) => d.slice(0, 4) === year), qtd: view(`${quarter} to date`, (d) => quarterOf(d) === quarter) };
}

/**
 * The At risk boundary of an aggregate: a percentage (or the default) applies to the
 * aggregated target; a fixed boundary keeps its distance from each period's target, so a sum
 * of n periods is n distances away and an average or last one.
 */
function boundary(kpi: Pick<KpiDefinition, "aggregation" | "direction" | "atRisk" | "atRiskPercent">, target: number, periodTargets: readonly number[]): number {
  if (kpi.atRisk === null) return atRiskFor(kpi, target);
  const distance = kpi.atRisk - periodTargets[periodTargets.length - 1];
  return target + (kpi.aggregation === "sum" ? distance * periodTargets.length : distance);
}
