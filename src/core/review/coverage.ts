/**
 * Forecast honesty: the outlooks and lead forecasts shown at each close are recorded with their
 * interval; once the actual arrives, how often did the intervals contain it? An 80% interval
 * should contain the actual about 80% of the time. The share is given with a 95% Wilson score
 * interval (Wilson 1927, JASA 22:209–212), the interval R's prop.test(x, n, correct = FALSE)
 * and statsmodels' proportion_confint(method = "wilson") give: it keeps close to its nominal
 * coverage for small n and shares near 0 or 1, where the Wald interval fails (Brown, Cai &
 * DasGupta 2001, Statistical Science 16:101–133), and unlike Clopper–Pearson it is not
 * conservative, so "consistent with 80%" is not said too easily.
 */
import { twoSidedZPValue } from "../stats/distributions";

export interface ForecastRecord {
  kpi: string;
  /** "outlook" or "lead forecast". */
  kind: string;
  /** The close at which it was shown (yyyy-mm-dd). */
  recordedAt: string;
  /** The 1-based period of the KPI it forecast. */
  period: number;
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

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** How often the intervals of one level contained the actual: records paired with the actual each forecast. */
export function coverageOf(outcomes: readonly { lower: number; upper: number; actual: number | null }[], level: number): Coverage {
  const arrived = outcomes.filter((o) => o.actual !== null && Number.isFinite(o.actual));
  const n = arrived.length;
  const hits = arrived.filter((o) => (o.actual as number) >= o.lower && (o.actual as number) <= o.upper).length;
  if (n === 0) return { level, n, hits, share: null, low: null, high: null, consistent: null, sentence: `No ${pct(level)} interval has its actual yet.` };
  const { low, high } = wilsonInterval(hits, n);
  const consistent = level >= low && level <= high;
  const verdict = consistent ? `consistent with ${pct(level)}` : hits / n < level ? `the intervals are too narrow for ${pct(level)}` : `the intervals are wider than ${pct(level)} needs`;
  const sentence = `${hits} of ${n} ${pct(level)} intervals contained the actual (${pct(hits / n)}; 95% confidence interval ${pct(low)} to ${pct(high)}): ${verdict}.`;
  return { level, n, hits, share: hits / n, low, high, consistent, sentence };
}

/**
 * The coverage of recorded forecasts against each KPI's values (by ID, 1-based periods; null
 * where not yet reported), one entry per nominal level, highest level first.
 */
export function forecastCoverage(records: readonly ForecastRecord[], actuals: Record<string, readonly (number | null)[] | undefined>): Coverage[] {
  const levels = [...new Set(records.map((r) => r.level))].sort((a, b) => b - a);
  return levels.map((level) =>
    coverageOf(
      records.filter((r) => r.level === level).map((r) => ({ lower: r.lower, upper: r.upper, actual: actuals[r.kpi]?.[r.period - 1] ?? null })),
      level,
    ),
  );
}
