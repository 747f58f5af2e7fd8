/**
 * The health check: the known ways a KPI set goes wrong, found in the register and the data.
 */
import { Cadence, KpiDefinition } from "./kpi";

export const MAX_PRIMARY_PER_OBJECTIVE = 3;

export type FindingKind = "no-owner" | "too-many-primary" | "no-initiative" | "predicts-nothing" | "prediction-unsupported" | "not-reviewed" | "no-response";

export interface Finding {
  kind: FindingKind;
  /** The KPIs concerned (several for an objective with too many primary KPIs). */
  kpiIds: string[];
  message: string;
  /** What fixes it from the pane. */
  fix: "edit" | "review";
}

/** The form field that fixes each kind of finding, where one does. */
export const FIELD_OF_FINDING: Partial<Record<FindingKind, "owner" | "primary" | "initiative" | "predicts" | "response">> = {
  "no-owner": "owner",
  "too-many-primary": "primary",
  "no-initiative": "initiative",
  "predicts-nothing": "predicts",
  "prediction-unsupported": "predicts",
  "no-response": "response",
};

const CADENCE_DAYS: Record<Cadence, number> = { weekly: 7, monthly: 31, quarterly: 92 };

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
}

export function healthCheck({ kpis, chainSupported, today }: GuardrailInput): Finding[] {
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
    if (!k.initiative.trim()) findings.push({ kind: "no-initiative", kpiIds: [k.id], message: `${k.name} has no initiative meant to move it (orphaned).`, fix: "edit" });
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
    if (!k.response.trim()) findings.push({ kind: "no-response", kpiIds: [k.id], message: `${k.name} has no response for when it leaves On track.`, fix: "edit" });
    const limit = CADENCE_DAYS[k.cadence];
    if (!k.lastReviewed) {
      findings.push({ kind: "not-reviewed", kpiIds: [k.id], message: `${k.name} has never been reviewed (${k.cadence} cadence).`, fix: "review" });
    } else {
      const age = daysBetween(k.lastReviewed, today);
      if (age > limit) findings.push({ kind: "not-reviewed", kpiIds: [k.id], message: `${k.name} was last reviewed ${age} days ago, beyond its ${k.cadence} cadence.`, fix: "review" });
    }
  }
  return findings;
}
