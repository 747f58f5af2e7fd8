/**
 * Forecast honesty: the outlooks and lead forecasts shown at each close are recorded with their
 * interval; once the actual arrives, how often did the intervals contain it? An 80% interval
 * should contain the actual about 80% of the time. The share is given with a 95% Wilson score
 * interval (Wilson 1927, JASA 22:209–212), the interval R's prop.test(x, n, correct = FALSE)
 * and statsmodels' proportion_confint(method = "wilson") give: it keeps close to its nominal
 * coverage for small n and shares near 0 or 1, where the Wald interval fails (Brown, Cai &
 * DasGupta 2001, Statistical Science 16:101–133), and unlike Clopper–Pearson it is not
 * conservative, so "consistent with 80%" is not said too easily. With few intervals the share is
 * consistent with almost anything, and the sentence says so (TOO_FEW_MARGIN). An outlook's
 * actual is its year rolled up (actualOf), known once the year is reported; several closes'
 * outlooks of one year share that actual, are not independent trials, and the sentence says so.
 */
import { twoSidedZPValue } from "../stats/distributions";
import { formatPercent } from "../model/numberText";

export type ForecastKind = "outlook" | "lead forecast";
export type ForecastRollup = "sum" | "average" | "last";

export interface ForecastRecord {
  kpi: string;
  kind: ForecastKind;
  /** When it was shown (the close's ISO timestamp). */
  recordedAt: string;
  /** The close at which it was shown ("2025-12"), or "". */
  closedPeriod?: string;
  /** The 1-based period of the KPI it forecast: an outlook's last period of its year. */
  period: number;
  /** An outlook's first period of the year it lands (KPI.OUTLOOK's horizon); absent: `period` alone. */
  from?: number;
  /** How the periods from `from` to `period` roll up to what was forecast (the KPI's Roll-up); absent: "last". */
  rollup?: ForecastRollup;
  /** The point forecast shown, when known. */
  forecast?: number;
  lower: number;
  upper: number;
  /** The interval's nominal level, 0.8 for 80%. */
  level: number;
}

export interface Coverage {
  level: number;
  /** Intervals whose actual has arrived. */
  n: number;
  /** Of those, the intervals that contained it (bounds included). */
  hits: number;
  /** hits / n; null when n = 0. */
  share: number | null;
  /** The 95% Wilson interval of the share; null when n = 0. */
  low: number | null;
  high: number | null;
  /** Whether the nominal level lies inside that interval (null when n = 0). */
  consistent: boolean | null;
  /** The distinct actuals the n intervals forecast (several closes' outlooks of one year share one). */
  distinct: number;
  sentence: string;
}

/** The two-sided standard normal quantile z with P(|Z| > z) = alpha, by Newton's method on erfc. */
export function normalCritical(alpha: number): number {
  let z = 2;
  for (let i = 0; i < 50; i++) {
    const f = twoSidedZPValue(z) - alpha;
    const slope = -Math.sqrt(2 / Math.PI) * Math.exp((-z * z) / 2);
    const step = f / slope;
    z -= step;
    if (Math.abs(step) < 1e-15 * z) break;
  }
  return z;
}

/** The Wilson score interval of hits out of n at the given confidence. */
export function wilsonInterval(hits: number, n: number, confidence = 0.95): { low: number; high: number } {
  if (!(n > 0) || hits < 0 || hits > n) throw new RangeError(`Wilson interval needs 0 <= hits <= n and n > 0; got ${hits} of ${n}`);
  const z = normalCritical(1 - confidence);
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n hits the formula gives the bound exactly; clamp the rounding either side.
  return { low: hits === 0 ? 0 : Math.max(0, centre - half), high: hits === n ? 1 : Math.min(1, centre + half) };
}

/** A whole percentage in the user's locale ("80%", "80 %"), rounded as Math.round rounds. */
const percent = (v: number, locale: string) => formatPercent(Math.round(v * 100) / 100, locale);

/**
 * How far below the nominal level the share may lie before the sentence says the count is too
 * small to tell (20 points: an 80% interval that is really a 60% one).
 */
export const TOO_FEW_MARGIN = 0.2;

/** One interval and its actual (null until it arrives); `key` names the actual it forecast, so repeats of one are seen. */
export interface Outcome {
  lower: number;
  upper: number;
  actual: number | null;
  key?: string;
}

function verdictOf(level: number, n: number, low: number, high: number, locale: string): string {
  const pct = (v: number) => percent(v, locale);
  if (level < low) return `the intervals are wider than ${pct(level)} needs`;
  if (level > high) return `the intervals are too narrow for ${pct(level)}`;
  // Consistent, but with few intervals also with intervals far worse: said, not hidden behind "consistent".
  if (low < level - TOO_FEW_MARGIN) return `consistent with ${pct(level)}, but too few to tell: ${n} interval${n === 1 ? "" : "s"} cannot rule out ${pct(low)}`;
  return `consistent with ${pct(level)}`;
}

/** How often the intervals of one level contained the actual: each interval paired with the actual it forecast; the sentence in `locale`. */
export function coverageOf(outcomes: readonly Outcome[], level: number, locale = "en-US"): Coverage {
  const pct = (v: number) => percent(v, locale);
  const arrived = outcomes.filter((o) => o.actual !== null && Number.isFinite(o.actual));
  const n = arrived.length;
  const hits = arrived.filter((o) => (o.actual as number) >= o.lower && (o.actual as number) <= o.upper).length;
  const distinct = new Set(arrived.map((o, i) => o.key ?? `#${i}`)).size;
  if (n === 0)
    return { level, n, hits, share: null, low: null, high: null, consistent: null, distinct, sentence: `${pct(level)} intervals: none has its actual yet.` };
  const { low, high } = wilsonInterval(hits, n);
  const consistent = level >= low && level <= high;
  // The Wilson interval counts each interval as an independent trial; intervals of one actual are not.
  const shared =
    distinct < n
      ? ` They forecast ${distinct} distinct actual${distinct === 1 ? "" : "s"}, and intervals of the same actual are not independent: the true range is wider than this.`
      : "";
  const sentence = `${pct(level)} intervals: ${hits} of ${n} contained the actual (${pct(hits / n)}; ${pct(0.95)} confidence interval ${pct(low)} to ${pct(high)}): ${verdictOf(level, n, low, high, locale)}.${shared}`;
  return { level, n, hits, share: hits / n, low, high, consistent, distinct, sentence };
}

/**
 * What a record forecast, from a KPI's values (1-based periods, null where not reported), or null
 * until it has arrived: the period's value; for an outlook, its year rolled up the KPI's way
 * (KPI.OUTLOOK's landing), once every period of the year is reported (the last one for "last").
 */
export function actualOf(record: Pick<ForecastRecord, "period" | "from" | "rollup">, values: readonly (number | null)[] | undefined): number | null {
  if (!values) return null;
  const at = (p: number) => {
    const v = values[p - 1];
    return v === null || v === undefined || !Number.isFinite(v) ? null : v;
  };
  const rollup = record.rollup ?? "last";
  if (rollup === "last") return at(record.period);
  const from = record.from ?? record.period;
  let sum = 0;
  for (let p = from; p <= record.period; p++) {
    const v = at(p);
    if (v === null) return null;
    sum += v;
  }
  return rollup === "average" ? sum / (record.period - from + 1) : sum;
}

/**
 * The coverage of recorded forecasts against each KPI's values (by ID, 1-based periods; null
 * where not yet reported), one entry per nominal level, highest level first.
 */
export function forecastCoverage(
  records: readonly ForecastRecord[],
  actuals: Record<string, readonly (number | null)[] | undefined>,
  locale = "en-US",
): Coverage[] {
  const levels = [...new Set(records.map((r) => r.level))].sort((a, b) => b - a);
  const valuesOf = (id: string) => actuals[id] ?? actuals[Object.keys(actuals).find((k) => k.toUpperCase() === id.toUpperCase()) ?? ""];
  return levels.map((level) =>
    coverageOf(
      records
        .filter((r) => r.level === level)
        .map((r) => ({
          lower: r.lower,
          upper: r.upper,
          actual: actualOf(r, valuesOf(r.kpi)),
          key: `${r.kpi.toUpperCase()}|${r.from ?? r.period}|${r.period}|${r.rollup ?? "last"}`,
        })),
      level,
      locale,
    ),
  );
}

export interface HonestyLine {
  kind: ForecastKind;
  coverage: Coverage;
  /** Intervals of this kind and level still waiting for their actual. */
  waiting: number;
}

/** Forecast honesty as the pane reports it: lead forecasts and outlooks apart (two methods), each level apart. */
export function forecastHonesty(
  records: readonly ForecastRecord[],
  actuals: Record<string, readonly (number | null)[] | undefined>,
  locale = "en-US",
): HonestyLine[] {
  const kinds: ForecastKind[] = ["lead forecast", "outlook"];
  return kinds.flatMap((kind) => {
    const mine = records.filter((r) => r.kind === kind);
    return forecastCoverage(mine, actuals, locale).map((coverage) => ({
      kind,
      coverage,
      waiting: mine.filter((r) => r.level === coverage.level).length - coverage.n,
    }));
  });
}
