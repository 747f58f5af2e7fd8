/**
 * What the pane says about a rate KPI: everything kpiSummary.ts says about a KPI, computed on the
 * rate (value / denominator, × N for a rate per N) instead of the counts, with KPI.SPC's p, u, p′
 * or u′ chart (rates.ts chooseRateChart) in place of the XmR chart of the rates, which would give a
 * month of 40 visits and one of 40,000 the same limits.
 */
import { KpiDefinition } from "./kpi";
import { KpiSummary, summarise } from "./kpiSummary";
import { ProblemError } from "../analysis/problem";
import { chooseRateChart, RateFields, ratesOf } from "./rates";
import { assurance, scaledLines, SpcResult, variationOf } from "../analysis/spc";

// The shape is kpiSummary.ts's (a KPI's summary carries it); re-exported for the rate modules.
export type { RateSummary } from "./kpiSummary";

/** A chart in per-unit terms (KPI.SPC's) scaled to the KPI's (per N); the types and flags are the same. */
function scaled(result: SpcResult, k: number): SpcResult {
  if (k === 1) return result;
  const lines = scaledLines(result.lines, k);
  return { ...result, centre: result.centre * k, lower: result.lower * k, upper: result.upper * k, baselineMedian: result.baselineMedian * k, lines };
}

type RateKpi = Pick<KpiDefinition, "target" | "atRisk" | "direction"> & Partial<Pick<KpiDefinition, "atRiskPercent" | "spcBaseline" | "spcFrom">> & RateFields;

/**
 * The summary of a rate KPI from its counts and denominators (one per period, null for a gap).
 * Status and the latest change are those of the rates; the chart is KPI.SPC's with the chosen
 * chart over the periods from Chart from period on, its baseline capped at the periods used.
 */
export function summariseRate(
  kpi: RateKpi,
  values: readonly (number | null)[],
  denominators: readonly (number | null)[],
  perPeriodTargets?: readonly (number | null)[] | null,
): KpiSummary {
  const per = kpi.ratePer ?? null;
  const rates = ratesOf(values, denominators, per);
  // The XmR chart of the rates is dropped below: spcFrom past the end keeps summarise from charting them.
  const base = summarise({ ...kpi, spcFrom: rates.length + 1 }, rates, "xmr", perPeriodTargets);
  const from = Math.max(0, (kpi.spcFrom ?? 1) - 1);
  const used = rates.slice(from).filter((r) => r !== null).length;
  const spcBaseline = kpi.spcBaseline && used >= 3 ? Math.min(kpi.spcBaseline, used) : null;
  const direction = kpi.direction === "within" ? "neutral" : kpi.direction;
  const empty = { ...base, spc: null, spcValues: [], spcBaseline, variation: null, variationLabel: "too few values to chart", assurance: null };
  if (used < 3)
    return {
      ...empty,
      rate: { chart: per === null ? "p" : "u", reason: "Too few periods with a value and a denominator for a chart.", sigmaZ: NaN, threshold: NaN, per, rates },
    };
  try {
    const choice = chooseRateChart(values.slice(from), denominators.slice(from), per === null, direction, spcBaseline ?? undefined);
    const k = per ?? 1;
    const chart = scaled(choice.result, k);
    const variation = chart.types[chart.types.length - 1];
    return {
      ...base,
      spc: chart,
      spcValues: Array.from(choice.periods.points, (y) => y * k),
      spcBaseline,
      variation,
      variationLabel: variationOf(variation),
      assurance: kpi.direction !== "within" && base.target !== null ? assurance(chart, base.target, kpi.direction) : null,
      rate: { chart: choice.chart, reason: choice.reason, sigmaZ: choice.sigmaZ, threshold: choice.threshold, per, rates },
    };
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    // A centre of 0 or 1, a count above its denominator: KPI.SPC's own error, said on the card.
    return { ...empty, rate: { chart: per === null ? "p" : "u", reason: `No chart: ${e.message}.`, sigmaZ: NaN, threshold: NaN, per, rates } };
  }
}
