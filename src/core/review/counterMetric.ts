/**
 * Counter-metric trigger: a KPI "Guarded by" another (defects for speed) fires when its
 * counter-metric worsens while it improves: "Resolution time down, Defects up: check for gaming".
 *
 * The rule, at the latest period both KPIs report (series aligned on their latest periods, as
 * the chain aligns them):
 * - the counter-metric **worsens** when its latest point is a special cause of concern on its
 *   own KPI.SPC chart (the KPI's baseline and chart-from period; the same rules as the
 *   "special cause" trigger);
 * - the primary **improves** when its latest period-over-period movement is in its own better
 *   direction, or its latest point is a special cause of improvement.
 * Why not period over period for both: two unrelated noisy KPIs move "one better, one worse"
 * in about a quarter of all periods (½ · ½), and each firing opens an action with an owner.
 * The counter-metric is the evidence of harm, so it must be more than routine variation; the
 * primary need only be moving the way it is pushed (requiring a signal on both would rarely
 * coincide in one period, and gaming that has already lifted the primary shows as a shift).
 * A KPI kept within a tolerance has no better side and is not judged either way.
 */
import { Action, Firing } from "../model/actions";
import { KpiDefinition } from "../model/kpi";
import { summarise } from "../model/kpiSummary";

export const COUNTER_RULE_PREFIX = "counter-metric";

export interface CounterFiring extends Firing {
  /** The counter-metric's ID. */
  counter: string;
  /** "Resolution time down, Defects up: check for gaming" */
  message: string;
}

type Judged = Pick<KpiDefinition, "id" | "name" | "direction"> & Partial<Pick<KpiDefinition, "spcBaseline" | "spcFrom">>;

/** The last index (of the aligned series) where both have a number, with the offsets of each series. */
function latestShared(a: readonly (number | null)[], b: readonly (number | null)[]): { ia: number; ib: number } | null {
  const n = Math.min(a.length, b.length);
  for (let k = n - 1; k >= 0; k--) {
    const ia = a.length - n + k;
    const ib = b.length - n + k;
    if (a[ia] !== null && a[ia] !== undefined && b[ib] !== null && b[ib] !== undefined) return { ia, ib };
  }
  return null;
}

function previousNumber(values: readonly (number | null)[], i: number): number | null {
  for (let j = i - 1; j >= 0; j--) if (values[j] !== null) return values[j];
  return null;
}

function word(values: readonly (number | null)[], i: number): string {
  const before = previousNumber(values, i);
  return before === null || values[i] === before ? "steady" : (values[i] as number) > before ? "up" : "down";
}

/**
 * The trigger for `primary` guarded by `counter`, at the latest period both report, unless an
 * action for that period and rule exists. The firing is the primary's (its owner is asked).
 */
export function counterMetricFirings(
  primary: Judged,
  counter: Judged,
  primaryValues: readonly (number | null)[],
  counterValues: readonly (number | null)[],
  existing: readonly Action[],
): CounterFiring[] {
  if (primary.direction === "within" || counter.direction === "within") return [];
  const at = latestShared(primaryValues, counterValues);
  if (at === null) return [];
  const p = primaryValues.slice(0, at.ia + 1);
  const c = counterValues.slice(0, at.ib + 1);
  const counterChart = summarise(
    { target: null, atRisk: null, direction: counter.direction, spcBaseline: counter.spcBaseline ?? null, spcFrom: counter.spcFrom ?? null },
    c,
  );
  if (counterChart.variation !== "Concern") return [];
  const before = previousNumber(p, at.ia);
  const latest = p[at.ia] as number;
  const better = before !== null && (primary.direction === "higher" ? latest > before : latest < before);
  const primaryChart = summarise(
    { target: null, atRisk: null, direction: primary.direction, spcBaseline: primary.spcBaseline ?? null, spcFrom: primary.spcFrom ?? null },
    p,
  );
  if (!better && primaryChart.variation !== "Improvement") return [];
  const period = at.ia + 1;
  const rule = `${COUNTER_RULE_PREFIX} ${counter.id}`;
  const mine = existing.some((a) => a.kpi.toUpperCase() === primary.id.toUpperCase() && a.period === period && a.rule.toLowerCase() === rule.toLowerCase());
  if (mine) return [];
  const message = `${primary.name} ${word(p, at.ia)}, ${counter.name} ${word(c, at.ib)}: check for gaming.`;
  return [{ kpi: primary.id, period, rule, counter: counter.id, message }];
}

/** Every guarded KPI's trigger across the register. */
export function allCounterMetricFirings(
  kpis: readonly (Judged & Pick<KpiDefinition, "guardedBy">)[],
  valuesOf: (id: string) => readonly (number | null)[] | undefined,
  existing: readonly Action[],
): CounterFiring[] {
  return kpis.flatMap((k) => {
    const counter = k.guardedBy ? kpis.find((x) => x.id.toUpperCase() === k.guardedBy.toUpperCase() && x.id !== k.id) : undefined;
    const pv = valuesOf(k.id);
    const cv = counter ? valuesOf(counter.id) : undefined;
    return counter && pv && cv ? counterMetricFirings(k, counter, pv, cv, existing) : [];
  });
}
