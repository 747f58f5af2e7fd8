/**
 * False discoveries across the portfolio. Each leading KPI's chain is tested on up to 13 lags and
 * its best lag's p-value is Bonferroni-adjusted over those lags (leadLag.ts bestLag): a valid
 * p-value for "this leading KPI predicts nothing at any lag". With many leading KPIs, some of
 * those fall below 5% by chance alone, so the verdicts control the false discovery rate across
 * the portfolio with Benjamini–Hochberg (Benjamini & Hochberg 1995, J. R. Stat. Soc. B 57:289–300)
 * over every leading KPI's best-lag p-value. The adjusted values are R's p.adjust(p, "BH"):
 *   q(i) = min over j ≥ i of min(1, n · p(j) / j), p(1) ≤ … ≤ p(n) sorted ascending,
 * so tied p-values get the same q (R: pmin(1, cummin(n / i * p[o]))[ro], o = order(p, decreasing = TRUE)).
 * BH never raises a verdict (q ≥ p): it can only withdraw support a chain had on its own.
 */
import { CHAIN_ALPHA, ChainAnalysis, chainSentence, fdrClause } from "../model/chain";
import { Cadence } from "../model/kpi";

/**
 * Benjamini–Hochberg adjusted p-values, in the order given. Null entries (no test) are left out
 * of n and stay null, as R's p.adjust leaves NA out with its default n = sum(!is.na(p)).
 */
export function benjaminiHochberg(p: readonly (number | null)[]): (number | null)[] {
  const present = p.flatMap((v, i) => (v === null || Number.isNaN(v) ? [] : [i]));
  const n = present.length;
  // Descending by p; ties keep their given order, which the running minimum makes irrelevant.
  const order = [...present].sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
  const out: (number | null)[] = p.map(() => null);
  let running = Infinity;
  order.forEach((index, k) => {
    const rank = n - k;
    running = Math.min(running, (n / rank) * (p[index] as number));
    out[index] = Math.min(1, running);
  });
  return out;
}

/** A chain as the pane holds it (portfolio.ts ChainEntry). */
export interface ChainInput {
  leading: { id: string; name: string };
  lagging: { name: string; cadence: Cadence };
  analysis: Pick<ChainAnalysis, "best" | "differenced" | "supported" | "sameSense">;
}

export interface PortfolioVerdict {
  /** The leading KPI's ID. */
  id: string;
  /** The best lag's Bonferroni-adjusted p; null when the chain could not be tested. */
  p: number | null;
  /** Its Benjamini–Hochberg q across the portfolio; null when not tested. */
  q: number | null;
  /** The verdict on the chain's own (Bonferroni over its lags) and after the portfolio's FDR. */
  supportedAlone: boolean;
  supported: boolean;
  /** Supported alone, no longer once every leading KPI is counted. */
  changed: boolean;
  /** The chain section's sentence, naming the false discovery rate control. */
  sentence: string;
}

export interface PortfolioVerdicts {
  /** Leading KPIs tested (those with a best lag): the n of the correction. */
  tested: number;
  verdicts: PortfolioVerdict[];
  /** The verdicts the correction changed (IDs), for a note in the section. */
  changed: string[];
  /** "controlling the false discovery rate at 5% across 7 leading KPIs" */
  clause: string;
  /** The health check's input: each leading KPI's verdict, undefined when not tested. */
  chainSupported: Record<string, boolean | undefined>;
}

/**
 * A chain's sentence under its portfolio verdict (its q across `tested` leading KPIs; null: not
 * tested), in `locale`: the pane writes it again in the user's language from the verdict it holds.
 */
export function verdictSentence(c: ChainInput, q: number | null, tested: number, locale = "en-US"): string {
  const { best, differenced, sameSense } = c.analysis;
  const portfolio = q === null ? undefined : { q, tested };
  return chainSentence(c.leading.name, c.lagging.name, c.lagging.cadence, best, differenced, sameSense, portfolio, locale);
}

/** Every chain's verdict with the false discovery rate controlled at CHAIN_ALPHA across the portfolio; its sentences in `locale`. */
export function portfolioVerdicts(chains: readonly ChainInput[], locale = "en-US"): PortfolioVerdicts {
  const p = chains.map((c) => c.analysis.best?.pAdjusted ?? null);
  const q = benjaminiHochberg(p);
  const tested = p.filter((v) => v !== null).length;
  const verdicts = chains.map((c, i): PortfolioVerdict => {
    const qi = q[i];
    const supported = c.analysis.supported && qi !== null && qi < CHAIN_ALPHA;
    return {
      id: c.leading.id,
      p: p[i],
      q: qi,
      supportedAlone: c.analysis.supported,
      supported,
      changed: c.analysis.supported && !supported,
      sentence: verdictSentence(c, qi, tested, locale),
    };
  });
  return {
    tested,
    verdicts,
    changed: verdicts.filter((v) => v.changed).map((v) => v.id),
    clause: fdrClause(tested, CHAIN_ALPHA, locale),
    chainSupported: Object.fromEntries(verdicts.map((v) => [v.id, v.q === null ? undefined : v.supported])),
  };
}
