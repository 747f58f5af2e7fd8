/**
 * A chart that flags most of its points (the walk: a trending KPI's chart flagged 36 of 36, with
 * no word). Limits worked out over a process that changed describe neither the process before
 * nor the one after, so nearly every point falls outside them; the remedy is to chart from the
 * change, not to read 36 special causes one by one. Limits are recalculated when the process has
 * changed, from the change, not on a rolling window (D. J. Wheeler, "When Do I Recalculate My
 * Limits?", Quality Digest: the limits must reflect the voice of the process; M. Graban, "Questions
 * on shifts and recalculating limits", measuresofsuccessbook.com: start the new limits at the
 * signal or the known change). The card says so and opens the form at Chart from period; it does
 * not pick the period itself: only the owner knows when the process changed.
 */
import { SpcResult } from "../analysis/spc";

/** More points special than not: the limits no longer describe one process. */
export const MOSTLY_SPECIAL = 0.5;
/** Fewer points than this are too few to call a chart mostly special (a short chart flags a shift of 7 at most). */
export const NUDGE_MIN_POINTS = 12;

export interface ChartNudge {
  special: number;
  points: number;
  sentence: string;
}

/** The nudge for a KPI's chart, or null when most of its points are common cause (or it has too few). `spcFrom`: its Chart from period, if set. */
export function chartNudge(chart: Pick<SpcResult, "types"> | null, spcFrom: number | null = null): ChartNudge | null {
  if (!chart || chart.types.length < NUDGE_MIN_POINTS) return null;
  const points = chart.types.length;
  const special = chart.types.filter((t) => t !== "Common cause").length;
  if (special / points <= MOSTLY_SPECIAL) return null;
  const from = spcFrom && spcFrom > 1 ? ` even charted from period ${spcFrom}` : "";
  const sentence =
    `${special} of ${points} points are special causes${from}: the process changed (a trend or a shift), so limits over all of them describe neither before nor after. ` +
    `If you know when it changed (an initiative, a price change), set Chart from period to that period to recalculate the limits from there.`;
  return { special, points, sentence };
}
