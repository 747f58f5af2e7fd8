/**
 * Target realism at entry: before a target is saved, KPI.SPC's assurance against it, on the
 * chart the KPI itself will show (kpiSummary.ts summarise: its baseline, its "chart from
 * period", its direction). "Consistently fails" means the target lies beyond the natural
 * process limit on the unfavourable side (spc.ts assurance: above the upper limit when higher is
 * better, below the lower one when lower is better): the process as it runs now cannot reach it
 * without a change (NHS England, "Making Data Count": assurance icons). The form shows the
 * limits with the flag, so the owner sees what the process does reach.
 */
import { Direction } from "../model/status";
import { KpiDefinition, KpiDraft, parseNumber } from "../model/kpi";
import { summarise } from "../model/kpiSummary";
import { Assurance } from "../analysis/spc";
import { formatNumber } from "../model/numberText";

export interface Realism {
  assurance: Assurance;
  /** The natural process limits and centre the assurance used. */
  lower: number;
  upper: number;
  centre: number;
  /** The target judged. */
  target: number;
  /** True when the process consistently fails the target. */
  flagged: boolean;
  /** The form's message when flagged, else null. */
  sentence: string | null;
}

/** Digits enough to tell the limits and the target apart (at most 6 after the point), in the user's locale (numberText.ts). */
function formatter(values: readonly number[], spread: number, locale: string): (v: number) => string {
  let digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(Math.abs(spread) || 1))));
  const fmt = (v: number, d: number) => formatNumber(v, locale, d);
  while (digits < 6 && new Set(values.map((v) => fmt(v, digits))).size < new Set(values).size) digits++;
  return (v) => fmt(v, digits);
}

/** The limits, centre and target as the form shows them: as many digits as tell them apart, the locale's separators. */
export function realismFigures(
  r: Pick<Realism, "lower" | "upper" | "centre">,
  target: number,
  locale = "en-US",
): { lower: string; upper: string; centre: string; target: string } {
  const fmt = formatter([r.lower, r.upper, target], r.upper - r.lower, locale);
  return { lower: fmt(r.lower), upper: fmt(r.upper), centre: fmt(r.centre), target: fmt(target) };
}

/**
 * The realism of one target for a KPI with these values (gaps as null); null when there is no
 * answer: fewer than 3 numbers, or a KPI kept within a tolerance (its chart has no better side).
 */
export function targetRealism(
  kpi: { direction: Direction; unit?: string } & Partial<Pick<KpiDefinition, "spcBaseline" | "spcFrom">>,
  target: number,
  values: readonly (number | null)[],
  locale = "en-US",
): Realism | null {
  if (kpi.direction === "within" || !Number.isFinite(target)) return null;
  const summary = summarise({ target, atRisk: null, direction: kpi.direction, spcBaseline: kpi.spcBaseline ?? null, spcFrom: kpi.spcFrom ?? null }, values);
  const chart = summary.spc;
  // summarise judges the latest period's target: with one number for every period, this one.
  if (chart === null || summary.assurance === null) return null;
  const { lower, upper, centre } = chart;
  const flagged = summary.assurance === "Consistently fails";
  const shown = realismFigures({ lower, upper, centre }, target, locale);
  const unit = kpi.unit ? ` ${kpi.unit}` : "";
  const side = kpi.direction === "higher" ? "above" : "below";
  const sentence = flagged
    ? `This process runs between ${shown.lower} and ${shown.upper}${unit}: a target of ${shown.target}${unit} is ${side} what it can reach without a change.`
    : null;
  return { assurance: summary.assurance, lower, upper, centre, target, flagged, sentence };
}

/** The form's check: the draft's target (one number; a target per period is not judged here) against the KPI's values. */
export function draftRealism(
  draft: Pick<KpiDraft, "target" | "direction" | "spcBaseline" | "spcFrom" | "unit">,
  values: readonly (number | null)[],
  locale = "en-US",
): Realism | null {
  const target = parseNumber(draft.target);
  if (target === null) return null;
  const whole = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t.trim()) : null);
  const baseline = whole(draft.spcBaseline);
  return targetRealism(
    {
      direction: draft.direction as Direction,
      unit: draft.unit.trim(),
      spcBaseline: baseline !== null && baseline >= 3 ? baseline : null,
      spcFrom: whole(draft.spcFrom),
    },
    target,
    values,
    locale,
  );
}
