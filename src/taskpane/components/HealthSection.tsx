/** The health check: each finding with the action that fixes it. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Finding, FIELD_OF_FINDING, QuarterChurn } from "../../core/model/guardrails";
import { KpiDefinition } from "../../core/model/kpi";
import { useMemo } from "react";
import { SimpleTable } from "./SimpleTable";
import { useRevealed } from "../useRevealed";

/** What each Fix changes, in the words of the form's field: "Fix owner of Revenue". */
const FIELD_WORDS: Record<string, string> = {
  owner: "owner",
  primary: "primary KPIs",
  initiative: "initiative",
  predicts: "Predicts",
  response: "response",
  guardedBy: "counter-metric",
};

/** The Fix button's text: which field of which KPI it opens. */
export function fixLabel(f: Finding, kpi: KpiDefinition): string {
  const field = FIELD_OF_FINDING[f.kind];
  return field ? `Fix ${FIELD_WORDS[field]} of ${kpi.name}` : `Fix ${kpi.name}`;
}

const useStyles = makeStyles({
  item: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} 0` },
});

export interface HealthSectionProps {
  findings: Finding[];
  kpis: readonly KpiDefinition[];
  busy: boolean;
  /** Opens the KPI's form at the field that fixes the finding. */
  onEdit(kpi: KpiDefinition, field?: string): void;
  onReview(kpi: KpiDefinition): void;
  /** Opens the note dialog, at `period` when the finding names one (a month-end explain period). */
  onNote(kpi: KpiDefinition, period?: number): void;
  /** Opens the KPI's history (closes, reopens and restatements); without it a restatement has no button. */
  onHistory?(kpi: KpiDefinition): void;
  /** KPIs added and retired per quarter, from the history. */
  churn: readonly QuarterChurn[];
}

export function HealthSection({ findings, kpis, busy, onEdit, onReview, onNote, onHistory, churn }: HealthSectionProps) {
  const styles = useStyles();
  // 300 KPIs can have as many findings: the first now, the rest a chunk a task (useRevealed.ts).
  const revealed = useRevealed(findings.length);
  // Drawn again at each chunk: a finding's KPI by id, not by a search of the register each time.
  const byId = useMemo(() => new Map(kpis.map((k) => [k.id, k])), [kpis]);
  if (kpis.length === 0) return null;
  const report =
    churn.length === 0 ? null : (
      <SimpleTable
        label="KPIs added and retired per quarter"
        headers={["Quarter", "Added", "Retired"]}
        rows={churn.map((q) => [q.quarter, q.added, q.retired])}
      />
    );
  if (findings.length === 0) {
    return (
      <>
        <Text size={200}>No problems found: every KPI has an owner, an initiative, a response and a recent review.</Text>
        {report}
      </>
    );
  }
  return (
    <>
      <ul aria-label="Health check findings" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {findings.slice(0, revealed).map((f, i) => {
          const kpi = byId.get(f.kpiIds[0]);
          return (
            <li key={`${f.kind}-${f.kpiIds.join()}-${i}`} className={styles.item}>
              <Text size={200} id={`finding-${i}`}>
                {f.message}
              </Text>
              {kpi &&
                (f.fix === "note" ? (
                  <Button size="small" disabled={busy} onClick={() => onNote(kpi, f.period)} aria-describedby={`finding-${i}`}>
                    Write note on {kpi.name}
                  </Button>
                ) : f.fix === "history" ? (
                  onHistory && (
                    <Button size="small" disabled={busy} onClick={() => onHistory(kpi)} aria-describedby={`finding-${i}`}>
                      Restatement history: {kpi.name}
                    </Button>
                  )
                ) : f.fix === "review" ? (
                  <Button size="small" disabled={busy} onClick={() => onReview(kpi)} aria-describedby={`finding-${i}`}>
                    Mark {kpi.name} reviewed
                  </Button>
                ) : (
                  <Button size="small" disabled={busy} onClick={() => onEdit(kpi, FIELD_OF_FINDING[f.kind])} aria-describedby={`finding-${i}`}>
                    {fixLabel(f, kpi)}
                  </Button>
                ))}
            </li>
          );
        })}
      </ul>
      {report}
    </>
  );
}
