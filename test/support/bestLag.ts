/** LEADLAG_CORR's answer on a chain's two series, asked as the chain asks it. */
import { leadLagCorr } from "./functions";

/** The "best" row (lag, r, p …) of Pearson's LEADLAG_CORR, with the chain's maximum lag and on changes where it differenced. */
export function bestLag(lead: number[], lagging: number[], chain: { maxLag: number; differenced: boolean }): unknown[] {
  return leadLagCorr(
    lead.map((v) => [v]),
    lagging.map((v) => [v]),
    chain.maxLag,
    "pearson",
    chain.differenced,
    "best",
  )[0];
}
