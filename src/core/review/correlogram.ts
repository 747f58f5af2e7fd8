/**
 * The correlogram's dashed lines are each lag's own 5% bound (chain.ts criticalR), while the
 * verdict rests on the best lag's p after Bonferroni over every lag tested. When a bar crosses
 * its line and the verdict still says "no evidence", the reader sees a contradiction: this
 * sentence explains it. With k lags tested and no relation at all, about 0.05·k of them cross
 * their line by chance alone (each lag's test has a 5% false-positive rate).
 */
import { CHAIN_ALPHA, ChainAnalysis } from "../model/chain";
import { formatCorrelation, formatNumber, formatP, formatPercent } from "../model/numberText";

export interface BoundCrossing {
  lag: number;
  r: number;
  /** The lag's own p (not adjusted). */
  p: number;
}

/** The lags whose |r| lies beyond their 5% bound. */
export function lagsBeyondBound(analysis: Pick<ChainAnalysis, "rows" | "bounds">): BoundCrossing[] {
  return analysis.rows.flatMap((row, i) => {
    const bound = analysis.bounds[i];
    if (typeof row.r !== "number" || typeof row.p !== "number" || bound === null || bound === undefined) return [];
    return Math.abs(row.r) > bound ? [{ lag: row.lag, r: row.r, p: row.p }] : [];
  });
}

function list(lags: readonly number[]): string {
  return lags.length === 1 ? `${lags[0]}` : `${lags.slice(0, -1).join(", ")} and ${lags[lags.length - 1]}`;
}

/**
 * The correlogram's note, or null when no bar crosses its line or the chain is supported (the
 * crossing is then the evidence the sentence already gives). Its numbers in `locale` (numberText.ts).
 */
export function boundSentence(analysis: Pick<ChainAnalysis, "rows" | "bounds" | "best" | "supported">, locale = "en-US"): string | null {
  const crossing = lagsBeyondBound(analysis);
  if (crossing.length === 0 || analysis.supported || analysis.best === null) return null;
  const tested = analysis.best.lagsTested;
  const chance = Math.round(CHAIN_ALPHA * tested * 100) / 100;
  const line = `the dashed ${formatPercent(CHAIN_ALPHA, locale)} line`;
  const which =
    crossing.length === 1
      ? `Lag ${crossing[0].lag} crosses ${line} (r = ${formatCorrelation(crossing[0].r, locale)}, ${formatP(crossing[0].p, locale)} for that lag alone)`
      : `Lags ${list(crossing.map((c) => c.lag))} cross ${line}`;
  const verdict =
    analysis.best.pAdjusted < CHAIN_ALPHA
      ? "and the strongest runs the wrong way for a leading indicator"
      : `so the verdict uses the best lag's p after Bonferroni's correction for ${tested} lags (${formatP(analysis.best.pAdjusted, locale)})`;
  return `${which}, but ${tested} lags were tested: about ${formatNumber(chance, locale, 2)} of them would cross it by chance alone, ${verdict}.`;
}
