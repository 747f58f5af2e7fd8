/**
 * Forecast honesty, the record (issue 24, item 3d): at a close, each outlook and each lead
 * forecast the pane shows for a KPI closed is kept, with its interval, so that once the actual
 * arrives coverage.ts can say how often the intervals contained it. What is recorded is what the
 * pane shows, computed the pane's way from the values the close reports:
 *   - the card's "Year: lands at …" (monthEnd.ts: KPI.OUTLOOK on the KPI's financial year), while
 *     the year still has an open period (a complete year forecasts nothing);
 *   - the chain section's lead forecast (portfolio.ts chainsOf: KPI.LEAD_FORECAST, every period
 *     the lead covers), only where the section shows it: the chain supported once the false
 *     discovery rate is controlled across every leading KPI (fdr.ts).
 * A close records a forecast once: a period closed again after a reopen adds none for a KPI and
 * kind it recorded already, so one close's forecasts are never counted twice.
 */
import { periodsPerYear } from "../excel/formulas";
import { KpiDefinition } from "../model/kpi";
import { monthEndKept } from "../model/monthEnd";
import { FORECAST_LEVEL } from "../model/outcomeForecast";
import { periodLabel } from "../model/periods";
import { chainsOf, SeriesValues } from "../model/portfolio";
import { STATUS_LABEL } from "../model/status";
import { portfolioVerdicts } from "./fdr";
import { ForecastKind, ForecastRecord } from "./coverage";

/** A forecast as shown, with what an auditor reads beside it in the table. */
export interface ShownForecast extends ForecastRecord {
  closedPeriod: string;
  forecast: number;
  /** The target it was judged against: the year's in the roll-up's terms, or the period's; null for none. */
  target: number | null;
  /** A lead forecast's projected status ("Off track"), "" when it has none (an outlook gives a chance instead). */
  status: string;
  /** Which function and inputs made it: "KPI.OUTLOOK trend, 2026-01 to 2026-12, sum". */
  basis: string;
  /** The sentence the pane showed. */
  sentence: string;
}

/** The level of the card's outlook (monthEnd.ts yearOutlook asks KPI.OUTLOOK for 0.8: "80% between"). */
export const OUTLOOK_LEVEL = 0.8;

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** The KPIs whose values the forecasts of a close need: those closed, and every KPI of a chain (the false discovery rate counts them all). */
export function forecastInputs<K extends KpiDefinition>(kpis: readonly K[], closed: readonly K[]): K[] {
  const inChain = (k: K) =>
    (k.kind === "leading" && kpis.some((x) => same(x.id, k.predicts))) || kpis.some((x) => x.kind === "leading" && same(x.predicts, k.id));
  return kpis.filter((k) => closed.some((c) => same(c.id, k.id)) || inChain(k));
}

function outlookShown(k: KpiDefinition, s: SeriesValues | undefined, closedPeriod: string, when: string): ShownForecast | null {
  const values = s?.values ?? [];
  // With its denominators, as the card computes it: a rate KPI has no outlook (monthEnd.ts).
  const me = monthEndKept(k, values, s?.targets ?? null, s?.denominators ?? null);
  const perYear = periodsPerYear(k.cadence);
  if (!me.outlook || me.yearStart === null || perYear === null) return null;
  const from = me.yearStart;
  const period = from + perYear - 1;
  let open = false;
  for (let p = from; p <= period && !open; p++) open = (values[p - 1] ?? null) === null;
  if (!open) return null;
  const label = (p: number) => periodLabel(k.firstPeriod, k.cadence, p);
  return {
    kpi: k.id,
    kind: "outlook",
    recordedAt: when,
    closedPeriod,
    period,
    from,
    rollup: k.aggregation,
    forecast: me.outlook.landing,
    lower: me.outlook.lower,
    upper: me.outlook.upper,
    level: OUTLOOK_LEVEL,
    target: me.outlook.target,
    status: "",
    basis: `KPI.OUTLOOK trend, ${label(from)} to ${label(period)}, ${k.aggregation}`,
    sentence: `Year: ${me.outlook.sentence}`,
  };
}

/** The lead forecasts the chain section shows for the outcomes in `closed`, each period the lead covers. */
function leadForecastsShown(
  kpis: readonly KpiDefinition[],
  series: Record<string, SeriesValues>,
  closed: readonly KpiDefinition[],
  closedPeriod: string,
  when: string,
): ShownForecast[] {
  const chains = chainsOf(kpis, series);
  const verdicts = portfolioVerdicts(chains);
  return chains.flatMap(({ leading, lagging, analysis, forecast }) => {
    const shown = forecast && (verdicts.verdicts.find((v) => v.id === leading.id)?.supported ?? true);
    if (!shown || !analysis.best || !closed.some((c) => same(c.id, lagging.id))) return [];
    // The forecast's periods count along both series aligned on their latest periods (outcomeForecast.ts alignLatest).
    const lagLength = series[lagging.id]?.values.length ?? 0;
    const offset = lagLength - Math.min(series[leading.id]?.values.length ?? 0, lagLength);
    const rows = [{ ...forecast, status: forecast.status ? STATUS_LABEL[forecast.status] : "" }, ...forecast.later.map((r) => ({ ...r, status: "" }))];
    return rows.map((r) => ({
      kpi: lagging.id,
      kind: "lead forecast" as ForecastKind,
      recordedAt: when,
      closedPeriod,
      period: r.period + offset,
      forecast: r.forecast,
      lower: r.lower,
      upper: r.upper,
      level: FORECAST_LEVEL,
      // chainsOf judges every period against the outcome's one target (none for a target per period).
      target: lagging.target,
      status: r.status,
      basis: `KPI.LEAD_FORECAST from ${leading.id}, lag ${analysis.best!.lag}`,
      sentence: forecast.sentence,
    }));
  });
}

/**
 * What a close records: the forecasts shown for the KPIs it closed (`closed`), less those a
 * close of the same period recorded already (`existing`: the table's forecast rows).
 */
export function forecastsAtClose(
  kpis: readonly KpiDefinition[],
  series: Record<string, SeriesValues>,
  closed: readonly KpiDefinition[],
  closedPeriod: string,
  existing: readonly ForecastRecord[],
  when: string,
): ShownForecast[] {
  const recorded = (r: ShownForecast) => existing.some((e) => same(e.kpi, r.kpi) && e.kind === r.kind && same(e.closedPeriod ?? "", closedPeriod));
  const outlooks = closed.flatMap((k) => outlookShown(k, series[k.id], closedPeriod, when) ?? []);
  return [...outlooks, ...leadForecastsShown(kpis, series, closed, closedPeriod, when)].filter((r) => !recorded(r));
}
