/**
 * The health check: the known ways a KPI set goes wrong, found in the register and the data.
 */
import { KpiDefinition } from "./kpi";
import { quarterOf } from "./periods";
import { reviewStateOf } from "../review/due";

export const MAX_PRIMARY_PER_OBJECTIVE = 3;

export type FindingKind =
  | "no-owner"
  | "too-many-primary"
  | "no-initiative"
  | "predicts-nothing"
  | "prediction-unsupported"
  | "not-reviewed"
  | "no-response"
  | "no-counter-metric"
  | "off-track-no-note"
  // The month-end pack's (monthEndPane.ts): a period KPI.VARIANCE marks "explain" with no note; a figure changed since its close.
  | "explain-no-note"
  | "restated";

export interface Finding {
  kind: FindingKind;
  /** The KPIs concerned (several for an objective with too many primary KPIs). */
  kpiIds: string[];
  message: string;
  /** What fixes it from the pane ("history": nothing to fix, the History shows what changed since the close). */
  fix: "edit" | "review" | "note" | "history";
  /** The period a note is asked for, when the fix is a note of another period than the latest. */
  period?: number;
}

/** The form field that fixes each kind of finding, where one does. */
export const FIELD_OF_FINDING: Partial<Record<FindingKind, "owner" | "primary" | "initiative" | "predicts" | "response" | "guardedBy">> = {
  "no-owner": "owner",
  "too-many-primary": "primary",
  "no-initiative": "initiative",
  "predicts-nothing": "predicts",
  "prediction-unsupported": "predicts",
  "no-response": "response",
  "no-counter-metric": "guardedBy",
};

/**
 * Names of KPIs people can push up at the expense of something else (speed over quality,
 * volume over value, growth over retention): such a primary KPI wants a counter-metric.
 */
const GAMING_RISK =
  /\b(speed|time|cycle|throughput|velocity|volume|count|calls|tickets|closed|leads|sign-?ups|deals|bookings|growth|new|output|units|utili[sz]ation|revenue|sales)\b/i;

export function gamingRisk(k: Pick<KpiDefinition, "name">): boolean {
  return GAMING_RISK.test(k.name);
}

function daysBetween(fromIso: string, to: Date): number {
  const from = Date.parse(`${fromIso}T00:00:00Z`);
  const today = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  return Math.floor((today - from) / 86_400_000);
}

export interface GuardrailInput {
  kpis: readonly KpiDefinition[];
  /** For each leading KPI with a Predicts: whether the data supports the link. */
  chainSupported: Record<string, boolean | undefined>;
  today: Date;
  /** KPIs whose latest period is Off track with no note for it (checkins.needsNote). */
  offTrackWithoutNote?: readonly string[];
}

export function healthCheck({ kpis, chainSupported, today, offTrackWithoutNote = [] }: GuardrailInput): Finding[] {
  const findings: Finding[] = [];
  for (const k of kpis) if (!k.owner.trim()) findings.push({ kind: "no-owner", kpiIds: [k.id], message: `${k.name} has no owner.`, fix: "edit" });

  const byObjective = new Map<string, KpiDefinition[]>();
  for (const k of kpis) if (k.primary) byObjective.set(k.objective || "(no objective)", [...(byObjective.get(k.objective || "(no objective)") ?? []), k]);
  for (const [objective, members] of byObjective) {
    if (members.length > MAX_PRIMARY_PER_OBJECTIVE) {
      findings.push({
        kind: "too-many-primary",
        kpiIds: members.map((k) => k.id),
        message: `${objective} has ${members.length} primary KPIs; keep at most ${MAX_PRIMARY_PER_OBJECTIVE} so it stays focused (${members.map((k) => k.name).join(", ")}).`,
        fix: "edit",
      });
    }
  }

  for (const k of kpis) {
    if (!k.initiative.trim())
      findings.push({ kind: "no-initiative", kpiIds: [k.id], message: `${k.name} has no initiative meant to move it (orphaned).`, fix: "edit" });
    if (k.kind === "leading") {
      const target = kpis.find((x) => x.id === k.predicts);
      if (!k.predicts || !target) {
        findings.push({ kind: "predicts-nothing", kpiIds: [k.id], message: `${k.name} is a leading KPI that predicts no lagging KPI.`, fix: "edit" });
      } else if (chainSupported[k.id] === false) {
        findings.push({
          kind: "prediction-unsupported",
          kpiIds: [k.id],
          message: `The data no longer supports ${k.name} as a predictor of ${target.name}.`,
          fix: "edit",
        });
      }
    }
    if (!k.response.trim())
      findings.push({ kind: "no-response", kpiIds: [k.id], message: `${k.name} has no response for when it leaves On track.`, fix: "edit" });
    // Stale means overdue as Due this close defines it (review/due.ts): a whole review cycle
    // missed. A review merely due (the period that just ended) is the close's work, not a fault.
    const review = reviewStateOf(k, today.toISOString().slice(0, 10));
    if (review.neverReviewed) {
      findings.push({ kind: "not-reviewed", kpiIds: [k.id], message: `${k.name} has never been reviewed (${k.cadence} cadence).`, fix: "review" });
    } else if (review.status === "overdue") {
      const age = daysBetween(k.lastReviewed, today);
      findings.push({
        kind: "not-reviewed",
        kpiIds: [k.id],
        message: `${k.name} was last reviewed ${age} days ago, beyond its ${k.cadence} cadence.`,
        fix: "review",
      });
    }
    if (k.primary && gamingRisk(k) && !kpis.some((x) => x.id === k.guardedBy)) {
      findings.push({
        kind: "no-counter-metric",
        kpiIds: [k.id],
        message: `${k.name} can be pushed up at the expense of something else: pair it with the KPI that guards it (quality for speed, retention for growth).`,
        fix: "edit",
      });
    }
    if (offTrackWithoutNote.includes(k.id)) {
      findings.push({
        kind: "off-track-no-note",
        kpiIds: [k.id],
        message: `${k.name} is Off track in its latest period and has no note saying why and what is being done.`,
        fix: "note",
      });
    }
  }
  return findings;
}

export interface QuarterChurn {
  quarter: string;
  added: number;
  retired: number;
}

/** A history entry as far as the churn needs it (workbook/history.ts HistoryEntry). */
export interface ChurnEntry {
  when: string;
  field: string;
  kpi?: string;
  old?: string;
  new?: string;
}

/**
 * The indexes of Untagged entries undone the same day: an Untagged followed, as the KPI's next
 * Tagged/Untagged entry, by a Tagged of the same KPI on the same day that puts back the same
 * source (Undo writes exactly that pair: kpiWorkbook.ts undoUntag records [null, the KPI]), with
 * the index of that Tagged. Neither counts as churn: nothing was added or retired.
 */
function undoneUntags(history: readonly ChurnEntry[]): Set<number> {
  const cancelled = new Set<number>();
  history.forEach((e, i) => {
    if (e.field !== "Untagged" || !e.kpi) return;
    const kpi = e.kpi.toUpperCase();
    const j = history.findIndex((f, k) => k > i && (f.field === "Tagged" || f.field === "Untagged") && f.kpi?.toUpperCase() === kpi);
    const next = j < 0 ? undefined : history[j];
    if (next && next.field === "Tagged" && next.when.slice(0, 10) === e.when.slice(0, 10) && (next.new ?? "") === (e.old ?? "")) {
      cancelled.add(i);
      cancelled.add(j);
    }
  });
  return cancelled;
}

/**
 * KPIs added and retired per quarter, from the history's Tagged and Untagged entries: a KPI set
 * that only grows is collecting noise (the practice: retire what nobody acts on). An untag
 * undone the same day counts as neither (undoneUntags).
 */
export function addedVsRetired(history: readonly ChurnEntry[]): QuarterChurn[] {
  const byQuarter = new Map<string, QuarterChurn>();
  const undone = undoneUntags(history);
  history.forEach((e, i) => {
    if (e.field !== "Tagged" && e.field !== "Untagged") return;
    if (undone.has(i) || !/^\d{4}-\d{2}/.test(e.when)) return;
    const quarter = quarterOf(e.when);
    const q = byQuarter.get(quarter) ?? { quarter, added: 0, retired: 0 };
    if (e.field === "Tagged") q.added++;
    else q.retired++;
    byQuarter.set(quarter, q);
  });
  return [...byQuarter.values()].sort((a, b) => a.quarter.localeCompare(b.quarter));
}
