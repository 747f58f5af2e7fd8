/**
 * Does a leading KPI still predict the lagging KPI it is paired with? The lead-lag analysis of
 * LEADLAG_CORR, on differences when both series trend (two trends correlate whatever their
 * relation), summed up as a correlogram and a sentence a manager can act on.
 */
import { bestLag, LagRow, leadLag } from "../analysis/leadLag";
import { Problem } from "../analysis/problem";
import { correlationPValue, pearson } from "../stats/correlation";
import { twoSidedTCritical } from "../stats/distributions";
import { Cadence } from "./kpi";
import { formatCorrelation, formatP, formatPercent } from "./numberText";

// The p-value's words are numberText's (the pane's one way of writing numbers); kept importable from here.
export { formatP };

export const CHAIN_ALPHA = 0.05;
const MAX_LAG = 12;

export interface ChainAnalysis {
  rows: LagRow[];
  /** Whether the series were differenced because both trend. */
  differenced: boolean;
  best: { lag: number; r: number; pAdjusted: number; n: number; lagsTested: number } | null;
  /** |r| beyond which a single lag is significant at CHAIN_ALPHA, per lag (depends on its n). */
  bounds: (number | null)[];
  supported: boolean;
  sentence: string;
  maxLag: number;
  /** Whether both KPIs are better in the same direction (a working lead then correlates positively). */
  sameSense: boolean;
}

const PERIOD: Record<Cadence, [string, string]> = { weekly: ["week", "weeks"], monthly: ["month", "months"], quarterly: ["quarter", "quarters"] };

/** Whether a series has a significant linear trend over time (p < alpha). */
export function trends(values: readonly (number | null)[], alpha = CHAIN_ALPHA): boolean {
  const t: number[] = [];
  const v: number[] = [];
  values.forEach((x, i) => {
    if (x !== null) {
      t.push(i);
      v.push(x);
    }
  });
  const c = pearson(t, v, t.length);
  return !(c instanceof Problem) && correlationPValue(c) < alpha;
}

/** The |r| a lag with n pairs must exceed to be significant: r = t / sqrt(df + t²). */
export function criticalR(n: number, alpha = CHAIN_ALPHA): number | null {
  if (n < 3) return null;
  const t = twoSidedTCritical(alpha, n - 2);
  return t / Math.sqrt(n - 2 + t * t);
}

/**
 * Analyses a pair. Series of different lengths are aligned on their latest periods.
 * `sameSense`: true when both KPIs are better in the same direction, so a working lead
 * correlates positively.
 */
export function analyseChain(
  leading: { name: string; values: readonly (number | null)[] },
  lagging: { name: string; values: readonly (number | null)[]; cadence: Cadence },
  sameSense: boolean,
): ChainAnalysis {
  const n = Math.min(leading.values.length, lagging.values.length);
  const x = leading.values.slice(leading.values.length - n);
  const y = lagging.values.slice(lagging.values.length - n);
  const differenced = trends(x) && trends(y);
  const periods = differenced ? n - 1 : n;
  // LEADLAG_CORR's default of 12 lags, fewer only when the last lag would keep under 3 pairs.
  const maxLag = Math.max(0, Math.min(MAX_LAG, periods - 3));
  const asSeries = (v: readonly (number | null)[]) => v.map((a) => (a === null ? NaN : a));
  const rows = leadLag(asSeries(x), asSeries(y), { maxLag, method: "pearson", difference: differenced });
  const found = bestLag(rows);
  const best = found instanceof Problem ? null : found;
  const bounds = rows.map((r) => criticalR(r.n));
  const supported = best !== null && best.pAdjusted < CHAIN_ALPHA && Math.sign(best.r) === (sameSense ? 1 : -1);
  const sentence = chainSentence(leading.name, lagging.name, lagging.cadence, best, differenced, sameSense);
  return { rows, differenced, best, bounds, supported, sentence, maxLag, sameSense };
}

/** The portfolio a verdict was judged in (review/fdr.ts): its q-value and how many leading KPIs were tested. */
export interface PortfolioTest {
  q: number;
  tested: number;
}

/** "controlling the false discovery rate at 5% across 7 leading KPIs" (de-DE: "5 %"). */
export function fdrClause(tested: number, alpha = CHAIN_ALPHA, locale = "en-US"): string {
  return `controlling the false discovery rate at ${formatPercent(Math.round(alpha * 100) / 100, locale)} across ${tested} leading KPI${tested === 1 ? "" : "s"}`;
}

/**
 * The chain's sentence. Supported: the best lag significant at CHAIN_ALPHA after Bonferroni over
 * its lags (and, when `portfolio` is given, its q-value across every leading KPI below
 * CHAIN_ALPHA too: review/fdr.ts), and its sign the one a working lead gives. Its r, p and q
 * in `locale` (numberText.ts): "r = 0,62, p = 0,004" for an analyst in Germany.
 */
export function chainSentence(
  leadingName: string,
  laggingName: string,
  cadence: Cadence,
  best: ChainAnalysis["best"],
  differenced: boolean,
  sameSense: boolean,
  portfolio?: PortfolioTest,
  locale = "en-US",
): string {
  const [one, many] = PERIOD[cadence];
  const r = best ? formatCorrelation(best.r, locale) : "";
  if (best === null) return `Not enough paired values to test whether ${leadingName} predicts ${laggingName}: it needs at least 3 periods of both.`;
  const q = portfolio ? `q${formatP(portfolio.q, locale).slice(1)} ${fdrClause(portfolio.tested, CHAIN_ALPHA, locale)}` : "";
  const rightWay = Math.sign(best.r) === (sameSense ? 1 : -1);
  const significant = best.pAdjusted < CHAIN_ALPHA;
  if (rightWay && significant && (!portfolio || portfolio.q < CHAIN_ALPHA)) {
    const when = best.lag === 0 ? "in the same " + one : `${best.lag} ${best.lag === 1 ? one : many} later`;
    return `${leadingName} moves ${laggingName} ${when}, r = ${r}, ${formatP(best.pAdjusted, locale)}${differenced ? " (period-over-period changes)" : ""}${q ? `; ${q}` : ""}.`;
  }
  const tested = `best lag ${best.lag}, r = ${r}, ${formatP(best.pAdjusted, locale)} after testing ${best.lagsTested} lags`;
  // Significant on its own and the right way, but not once every leading KPI is counted: the verdict the portfolio changed.
  const why = !significant
    ? `${tested}${q ? `; ${q}` : ""}`
    : rightWay
      ? `${tested}, but ${q}`
      : `the strongest link (lag ${best.lag}, r = ${r}) runs the wrong way`;
  return `No evidence that ${leadingName} predicts ${laggingName} (${why}): revalidate or replace it.`;
}
