/**
 * What a validated leading KPI says about its outcome: KPI.LEAD_FORECAST's forecast of the next
 * period of the lagging KPI, and whether that forecast is On track, At risk or Off track
 * against the outcome's own target (KPI_STATUS's rules).
 */
import { leadForecast } from "../analysis/forecast";
import { atRiskFor, KpiDefinition } from "./kpi";
import { ProblemError, isProblem } from "../analysis/problem";
import { classify, Status, STATUS_LABEL } from "./status";
import { formatFixed, formatPercent } from "./numberText";

export const FORECAST_LEVEL = 0.8;

export interface OutcomeForecast {
  /** 1-based period of the ranges the forecast is for. */
  period: number;
  forecast: number;
  lower: number;
  upper: number;
  /** Null when the coming period has no target. */
  status: Status | null;
  /** The periods after it the lead already covers (lag > 1), each as the sentence states it. */
  later: { period: number; forecast: number; lower: number; upper: number }[];
  /** What the sentence is built from: the lag, the coming period's target (null: none set), the decimals shown. */
  lag: number;
  target: number | null;
  digits: number;
  /** In en-US; forecastSentence writes it in another locale. */
  sentence: string;
}

/**
 * What the forecast sentence must add when the chain's evidence is on period-over-period changes
 * (chain.ts differences both series when both trend) while KPI.LEAD_FORECAST regresses the
 * levels: on two trending series part of a levels fit is their shared trend, a spurious
 * regression whose residuals are autocorrelated, so its interval is too narrow (Granger &
 * Newbold 1974, "Spurious regressions in econometrics", J. Econometrics 2:111–120). The walk
 * found the levels forecast under the changes' evidence without a word.
 */
export function levelsCaveat(leadingName: string, laggingName: string): string {
  return `This forecast regresses ${laggingName} on the levels of ${leadingName} (KPI.LEAD_FORECAST), while the link above was found on period-over-period changes because both trend: part of a fit on trending levels is the shared trend, so read its interval as too narrow (forecast honesty, under Due this close, counts how often it holds).`;
}

/** Both series aligned on their latest periods, as the chain analysis aligns them. */
export function alignLatest(a: readonly (number | null)[], b: readonly (number | null)[]): [Float64Array, Float64Array] {
  const n = Math.min(a.length, b.length);
  const f = (v: readonly (number | null)[]) => Float64Array.from(v.slice(v.length - n), (x) => (x === null ? NaN : x));
  return [f(a), f(b)];
}

type Lagging = Pick<KpiDefinition, "name" | "target" | "atRisk" | "direction" | "unit"> & Partial<Pick<KpiDefinition, "atRiskPercent">>;

/** The forecast of the first coming period, or null when there is none (lag 0, too few pairs, no leading value). */
export function forecastOutcome(
  leading: Pick<KpiDefinition, "name">,
  lagging: Lagging,
  leadingValues: readonly (number | null)[],
  laggingValues: readonly (number | null)[],
  lag: number,
  digits = 0,
  /** The coming period's target when the outcome has one per period (null: none set for it). */
  nextTarget: number | null = lagging.target,
): OutcomeForecast | null {
  if (lag < 1) return null;
  const [x, y] = alignLatest(leadingValues, laggingValues);
  let result;
  try {
    result = leadForecast(x, y, lag, FORECAST_LEVEL);
  } catch (e) {
    if (e instanceof ProblemError) return null;
    throw e;
  }
  const row = result.rows[0];
  if (isProblem(row.forecast) || isProblem(row.lower) || isProblem(row.upper)) return null;
  const status = nextTarget === null ? null : classify(row.forecast, nextTarget, atRiskFor(lagging, nextTarget), lagging.direction);
  const later = result.rows
    .slice(1)
    .flatMap((r) =>
      isProblem(r.forecast) || isProblem(r.lower) || isProblem(r.upper) ? [] : [{ period: r.period, forecast: r.forecast, lower: r.lower, upper: r.upper }],
    );
  const forecast = { period: row.period, forecast: row.forecast, lower: row.lower, upper: row.upper, status, later, lag, target: nextTarget, digits };
  return { ...forecast, sentence: forecastSentence(forecast, leading, lagging) };
}

/**
 * The forecast as the chain section says it, its numbers in `locale` (numberText.ts): the pane
 * writes it again in the user's language from the forecast the portfolio holds.
 */
export function forecastSentence(f: Omit<OutcomeForecast, "sentence">, leading: Pick<KpiDefinition, "name">, lagging: Lagging, locale = "en-US"): string {
  const fmt = (v: number) => formatFixed(v, locale, f.digits);
  const level = formatPercent(FORECAST_LEVEL, locale);
  const unit = lagging.unit ? ` ${lagging.unit}` : "";
  const { lag, target, status } = f;
  // The lead covers `lag` periods: each is stated (the walk found "covers 2" under one number).
  // A later period is judged against the outcome's one target; with a target per period it has none here.
  const later = f.later.map((r) => {
    const ahead = r.period - f.period;
    const when = ahead === 1 ? "the period after" : `in ${ahead + 1} periods`;
    const judged =
      lagging.target === null ? "" : `, projected ${STATUS_LABEL[classify(r.forecast, lagging.target, atRiskFor(lagging, lagging.target), lagging.direction)]}`;
    return `${fmt(r.forecast)}${unit} ${when} (${level} interval ${fmt(r.lower)} to ${fmt(r.upper)})${judged}`;
  });
  const covers = lag === 2 ? "both" : `all ${lag}`;
  return (
    `${lagging.name} forecast from ${leading.name}: ${fmt(f.forecast)}${unit} next period ` +
    `(${level} interval ${fmt(f.lower)} to ${fmt(f.upper)}), ${status === null || target === null ? "with no target set for that period" : `projected ${STATUS_LABEL[status]} against its target of ${fmt(target)}${unit}`}` +
    (later.length > 0
      ? `; ${later.join("; ")}: ${leading.name} already covers ${covers}.`
      : lag > 1
        ? `; ${leading.name} covers ${lag} periods, the later ones not yet forecast.`
        : ".")
  );
}
