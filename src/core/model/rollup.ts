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
import { RateFields, ratesOf } from "./rates";

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
  for (let i = values.length - 1; i >= 0; i--)
    if (values[i] !== null) {
      latest = i;
      break;
    }
  if (latest < 0) return null;
  const dates = values.map((_, i) => periodDate(kpi.firstPeriod, kpi.cadence, i + 1) as string);
  const year = dates[latest].slice(0, 4);
  const quarter = quarterOf(dates[latest]);
  const view = (label: string, inWindow: (date: string) => boolean): Rollup => {
    const periods: number[] = [];
    for (let i = 0; i <= latest; i++) if (values[i] !== null && inWindow(dates[i])) periods.push(i + 1);
    const actual = aggregate(
      periods.map((p) => values[p - 1] as number),
      kpi.aggregation,
    );
    const periodTargets = periods.map((p) => targets[p - 1]);
    const target = periodTargets.some((t) => t === null || t === undefined) ? null : aggregate(periodTargets as number[], kpi.aggregation);
    return {
      label,
      periods,
      actual,
      target,
      status: target === null ? null : classify(actual, target, boundary(kpi, target, periodTargets as number[]), kpi.direction),
    };
  };
  return { ytd: view(`${year} to date`, (d) => d.slice(0, 4) === year), qtd: view(`${quarter} to date`, (d) => quarterOf(d) === quarter) };
}

/**
 * The At risk boundary of an aggregate: a percentage (or the default) applies to the
 * aggregated target; a fixed boundary keeps its distance from each period's target, so a sum
 * of n periods is n distances away and an average or last one.
 */
function boundary(
  kpi: Pick<KpiDefinition, "aggregation" | "direction" | "atRisk" | "atRiskPercent">,
  target: number,
  periodTargets: readonly number[],
): number {
  if (kpi.atRisk === null) return atRiskFor(kpi, target);
  const distance = kpi.atRisk - periodTargets[periodTargets.length - 1];
  return target + (kpi.aggregation === "sum" ? distance * periodTargets.length : distance);
}

/**
 * The rate of a window of periods: Σ counts / Σ denominators (× N for a rate per N), the rate of
 * the whole window, not the average of its periods' rates (a month of 40 visits would weigh as
 * much as one of 40,000). Its target: Σ target_i·denominator_i / Σ denominator_i, the rate the
 * window would have had with every period on its target (a single target stays itself); null
 * when a period has none. `periods` (1-based) must each have a count and a denominator above 0.
 */
export function windowRate(
  values: readonly (number | null)[],
  denominators: readonly (number | null)[],
  targets: readonly (number | null)[],
  periods: readonly number[],
  per: number | null,
): { actual: number; target: number | null } {
  let counts = 0;
  let units = 0;
  let weighted = 0;
  let targeted = true;
  for (const p of periods) {
    const d = denominators[p - 1] as number;
    counts += values[p - 1] as number;
    units += d;
    const t = targets[p - 1];
    if (t === null || t === undefined) targeted = false;
    else weighted += t * d;
  }
  return { actual: (counts / units) * (per ?? 1), target: targeted ? weighted / units : null };
}

/** Year- and quarter-to-date of a rate KPI, each its window's rate (windowRate), over the periods rollups() takes among those with a rate. */
export function rateRollups(
  kpi: Pick<KpiDefinition, "firstPeriod" | "cadence" | "direction" | "atRisk" | "atRiskPercent"> & RateFields,
  values: readonly (number | null)[],
  denominators: readonly (number | null)[],
  targets: readonly (number | null)[],
): { ytd: Rollup; qtd: Rollup } | null {
  const per = kpi.ratePer ?? null;
  const base = rollups({ ...kpi, aggregation: "last" }, ratesOf(values, denominators, per), targets);
  if (!base) return null;
  const view = (r: Rollup): Rollup => {
    const { actual, target } = windowRate(values, denominators, targets, r.periods, per);
    const last = targets[r.periods[r.periods.length - 1] - 1] ?? 0;
    const atRisk = target === null ? null : kpi.atRisk === null ? atRiskFor(kpi, target) : target + (kpi.atRisk - last);
    return { ...r, actual, target, status: target === null || atRisk === null ? null : classify(actual, target, atRisk, kpi.direction) };
  };
  return { ytd: view(base.ytd), qtd: view(base.qtd) };
}
