/**
 * Deviation triggers and the actions they open. A KPI's response fires when its latest period
 * turns Off track, or when the rule the KPI names fires: "drop 20%" / "rise 20%" period over
 * period (against the previous value, as a share of its magnitude), or "special cause" (the
 * latest point a special cause of concern on KPI.SPC's chart). Each firing opens one action,
 * once per KPI, period and rule: KPI, period, rule, the documented response, the owner, a due
 * date one cadence after it fired, open until marked done.
 */
import { Cadence, KpiDefinition, parseTrigger } from "./kpi";
import { addCadence } from "./periods";
import { PointType } from "../analysis/spc";
import { Status } from "./status";

export const OFF_TRACK_RULE = "Off track";

export interface Action {
  fired: string;
  kpi: string;
  period: number;
  rule: string;
  response: string;
  owner: string;
  due: string;
  status: "open" | "done";
  note: string;
  doneOn: string;
}

export interface Firing {
  kpi: string;
  period: number;
  rule: string;
}

/** The rules that fire at the KPI's latest period, given its values, statuses and latest SPC point. */
export function firings(
  kpi: Pick<KpiDefinition, "id" | "trigger">,
  values: readonly (number | null)[],
  statuses: readonly (Status | null)[],
  latestPoint: PointType | null,
  existing: readonly Action[],
): Firing[] {
  let latest = -1;
  for (let i = values.length - 1; i >= 0; i--)
    if (values[i] !== null) {
      latest = i;
      break;
    }
  if (latest < 0) return [];
  const period = latest + 1;
  const mine = existing.filter((a) => a.kpi.toUpperCase() === kpi.id.toUpperCase());
  const fired: Firing[] = [];
  if (statuses[latest] === "off") {
    // "Turns" Off track: the period before was not, or no Off track action was ever opened (a KPI tagged while already off).
    let previous = latest - 1;
    while (previous >= 0 && values[previous] === null) previous--;
    const turned = previous < 0 || statuses[previous] !== "off" || !mine.some((a) => a.rule === OFF_TRACK_RULE);
    if (turned) fired.push({ kpi: kpi.id, period, rule: OFF_TRACK_RULE });
  }
  const rule = parseTrigger(kpi.trigger);
  if (rule?.kind === "special cause" && latestPoint === "Concern") fired.push({ kpi: kpi.id, period, rule: "special cause" });
  if (rule && rule.kind !== "special cause") {
    let previous = latest - 1;
    while (previous >= 0 && values[previous] === null) previous--;
    const before = previous >= 0 ? (values[previous] as number) : null;
    if (before !== null && before !== 0) {
      const change = ((values[latest] as number) - before) / Math.abs(before);
      // A small tolerance so "exactly 20% down" fires despite binary fractions (1000 → 800).
      const eps = 1e-12;
      if (rule.kind === "drop" ? change <= -rule.percent / 100 + eps : change >= rule.percent / 100 - eps)
        fired.push({ kpi: kpi.id, period, rule: `${rule.kind} ${rule.percent}%` });
    }
  }
  return fired.filter((f) => !mine.some((a) => a.period === f.period && a.rule.toLowerCase() === f.rule.toLowerCase()));
}

/** The action a firing opens, due one cadence after `today`. */
export function actionOf(firing: Firing, kpi: Pick<KpiDefinition, "response" | "owner" | "cadence">, today: string): Action {
  return {
    fired: today,
    kpi: firing.kpi,
    period: firing.period,
    rule: firing.rule,
    response: kpi.response,
    owner: kpi.owner,
    due: addCadence(today, kpi.cadence as Cadence),
    status: "open",
    note: "",
    doneOn: "",
  };
}

export interface ExecutionRate {
  owner: string;
  fired: number;
  doneOnTime: number;
  open: number;
  overdue: number;
  /** done on time / fired, 0…1. */
  rate: number;
}

/** Each owner's execution: actions done by their due date, of all that fired for them. */
export function executionRates(actions: readonly Action[], today: string): ExecutionRate[] {
  const byOwner = new Map<string, ExecutionRate>();
  for (const a of actions) {
    const owner = a.owner || "(no owner)";
    const r = byOwner.get(owner) ?? { owner, fired: 0, doneOnTime: 0, open: 0, overdue: 0, rate: 0 };
    r.fired++;
    if (a.status === "done" && a.doneOn !== "" && a.doneOn <= a.due) r.doneOnTime++;
    if (a.status === "open") {
      r.open++;
      if (today > a.due) r.overdue++;
    }
    byOwner.set(owner, r);
  }
  return [...byOwner.values()].map((r) => ({ ...r, rate: r.doneOnTime / r.fired })).sort((a, b) => a.owner.localeCompare(b.owner));
}
