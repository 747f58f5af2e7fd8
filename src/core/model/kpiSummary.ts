/**
 * What the pane says about one KPI: its latest value and status (KPI_STATUS's rules) and
 * whether the latest movement is a real change (SIG_CHANGE's statistics, XmR by default).
 */
import { atRiskFor, KpiDefinition } from "./kpi";
import { ProblemError } from "../analysis/problem";
import { CHANGE_LABEL, sigChange, SigChangeResult, SigMethod } from "../analysis/sigChange";
import { classify, Status, STATUS_LABEL } from "./status";
import { Assurance, assurance, PointType, spc, SpcResult, variationOf } from "../analysis/spc";
import type { RateChart } from "../analysis/spcRates";

/** What a rate KPI's summary adds (rateSummary.ts computes it). */
export interface RateSummary {
  chart: RateChart;
  /** Why this chart (rates.ts chooseRateChart). */
  reason: string;
  sigmaZ: number;
  threshold: number;
  /** Null for a proportion, N for a rate per N. */
  per: number | null;
  /** Every period's rate (null where it has none), in the KPI's terms. */
  rates: (number | null)[];
}

export interface KpiSummary {
  latest: number | null;
  /** 1-based period of the latest value. */
  latestPeriod: number | null;
  status: Status | null;
  statusLabel: string;
  /** The latest period's target (its own, when the KPI has one per period); null when that period has none. */
  target: number | null;
  /** KPI_STATUS of every period, oldest first; null where a value or its target is missing. */
  statuses: (Status | null)[];
  change: SigChangeResult | null;
  /** "routine variation", "significant increase (rule 1: a point outside the limits)", or why there is no test. */
  changeLabel: string;
  /** "Off track · routine variation" */
  headline: string;
  /** KPI.SPC over the numbers (gaps skipped), with the KPI's target and direction; null below 3 numbers. */
  spc: SpcResult | null;
  /** The numbers SPC charted, in order. */
  spcValues: number[];
  /** The baseline SPC used (the KPI's setting, capped at the numbers there are). */
  spcBaseline: number | null;
  /** The latest point's type, and its label as KPI.SPC's "variation" gives it. */
  variation: PointType | null;
  variationLabel: string;
  assurance: Assurance | null;
  /** A rate KPI's chart (p, u, p′ or u′), why, and every period's rate (rateSummary.ts); absent for a KPI that is not a rate. */
  rate?: RateSummary;
}

const RULE_TEXT: Record<number, string> = {
  1: "a point outside the natural process limits",
  2: "8 in a row on one side of the centre",
  3: "3 of the last 4 beyond 1.33 moving ranges",
};

/** Each period's target: the KPI's one number, or its range's value for that period (null where blank or past its end). */
export function targetsOf(kpi: Pick<KpiDefinition, "target">, periods: number, perPeriod?: readonly (number | null)[] | null): (number | null)[] {
  if (kpi.target !== null) return Array.from({ length: periods }, () => kpi.target);
  return Array.from({ length: periods }, (_, i) => perPeriod?.[i] ?? null);
}

/** KPI_STATUS of each period against its own target. */
export function statusesOf(
  kpi: Pick<KpiDefinition, "atRisk" | "direction"> & { atRiskPercent?: number | null },
  values: readonly (number | null)[],
  targets: readonly (number | null)[],
): (Status | null)[] {
  return values.map((v, i) => {
    const t = targets[i];
    return v === null || t === null || t === undefined ? null : classify(v, t, atRiskFor(kpi, t), kpi.direction);
  });
}

export function summarise(
  kpi: Pick<KpiDefinition, "target" | "atRisk" | "direction"> & Partial<Pick<KpiDefinition, "atRiskPercent" | "spcBaseline" | "spcFrom">>,
  values: readonly (number | null)[],
  method: SigMethod = "xmr",
  perPeriodTargets?: readonly (number | null)[] | null,
): KpiSummary {
  let latestPeriod: number | null = null;
  for (let i = values.length - 1; i >= 0; i--) {
    if (values[i] !== null) {
      latestPeriod = i + 1;
      break;
    }
  }
  const latest = latestPeriod === null ? null : (values[latestPeriod - 1] as number);
  const targets = targetsOf(kpi, values.length, perPeriodTargets);
  const statuses = statusesOf(kpi, values, targets);
  const target = latestPeriod === null ? (targets[targets.length - 1] ?? null) : targets[latestPeriod - 1];
  const status = latestPeriod === null ? null : statuses[latestPeriod - 1];
  const statusLabel = status !== null ? STATUS_LABEL[status] : latest !== null && target === null ? "No target" : "No data";
  let change: SigChangeResult | null = null;
  let changeLabel: string;
  try {
    change = sigChange(
      values.map((v) => (v === null ? NaN : v)),
      { recent: 1, alpha: 0.05, method },
    );
    changeLabel = describeChange(change, method);
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    changeLabel = "too few values to test";
  }
  // Charted from the period of a known change, when the KPI names one.
  const spcValues = values.slice(Math.max(0, (kpi.spcFrom ?? 1) - 1)).filter((v): v is number => v !== null);
  const spcBaseline = kpi.spcBaseline && spcValues.length >= 3 ? Math.min(kpi.spcBaseline, spcValues.length) : null;
  // A KPI to keep within a tolerance has no better side: its chart is neutral (high / low).
  const spcDirection = kpi.direction === "within" ? "neutral" : kpi.direction;
  const chart = spcValues.length >= 3 ? spc(Float64Array.from(spcValues), spcDirection, spcBaseline ?? undefined) : null;
  const variation = chart ? chart.types[chart.types.length - 1] : null;
  return {
    latest,
    latestPeriod,
    status,
    statusLabel,
    target,
    statuses,
    change,
    changeLabel,
    headline: `${statusLabel} · ${changeLabel}`,
    spc: chart,
    spcValues,
    spcBaseline,
    variation,
    variationLabel: variation ? variationOf(variation) : "too few values to chart",
    assurance: chart && kpi.direction !== "within" && target !== null ? assurance(chart, target, kpi.direction) : null,
  };
}

function describeChange(change: SigChangeResult, method: SigMethod): string {
  if (!change.significant) return method === "xmr" ? "routine variation" : "no significant change";
  const label = CHANGE_LABEL[change.direction].toLowerCase();
  if (method === "xmr" && typeof change.statistic === "number") return `${label} (rule ${change.statistic}: ${RULE_TEXT[change.statistic]})`;
  return label;
}
