/** The health check: each finding with the action that fixes it. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Finding, FIELD_OF_FINDING } from "../../core/guardrails";
import { KpiDefinition } from "../../core/kpi";

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
}

export function HealthSection({ findings, kpis, busy, onEdit, onReview }: HealthSectionProps) {
  const styles = useStyles();
  if (kpis.length === 0) return null;
  if (findings.length === 0) return <Text size={200}>No problems found: every KPI has an owner, an initiative, a response and a recent review.</Text>;
  return (
    <ul aria-label="Health check findings" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {findings.map((f, i) => {
        const kpi = kpis.find((k) => k.id === f.kpiIds[0]);
        return (
          <li key={`${f.kind}-${f.kpiIds.join()}-${i}`} className={styles.item}>
            <Text size={200} id={`finding-${i}`}>
              {f.message}
            </Text>
            {kpi &&
              (f.fix === "review" ? (
                <Button size="small" disabled={busy} onClick={() => onReview(kpi)} aria-describedby={`finding-${i}`}>
                  Mark reviewed
                </Button>
              ) : (
                <Button size="small" disabled={busy} onClick={() => onEdit(kpi, FIELD_OF_FINDING[f.kind])} aria-describedby={`finding-${i}`}>
                  Fix
                </Button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
