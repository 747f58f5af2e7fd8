/** The actions deviation triggers opened: the open ones with what to do and by when, and each owner's execution rate. */
import { Button, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { Action, executionRates } from "../../core/model/actions";
import { KpiDefinition } from "../../core/model/kpi";
import { displayLocale, formatPercent } from "../locale";
import { SimpleTable } from "./SimpleTable";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface ActionsSectionProps {
  actions: readonly Action[];
  kpis: readonly KpiDefinition[];
  today: string;
  busy: boolean;
  labelOf(kpi: KpiDefinition | undefined, period: number): string;
  onDone(action: Action, note: string): void;
  /** The user's locale (taskpane/locale.ts), for the execution rate; without one, the pane's display language. */
  locale?: string;
}

export function ActionsSection({ actions, kpis, today, busy, labelOf, onDone, locale = displayLocale() }: ActionsSectionProps) {
  const styles = useStyles();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const open = actions.filter((a) => a.status === "open");
  const rates = executionRates(actions, today);
  const key = (a: Action) => `${a.kpi}|${a.period}|${a.rule}`;
  if (actions.length === 0)
    return <Text size={200}>No actions yet. When a KPI turns Off track, or its trigger fires, an action opens here for its owner.</Text>;
  return (
    <>
      {open.length === 0 ? (
        <Text size={200}>No open actions.</Text>
      ) : (
        <ul aria-label="Open actions" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {open.map((a) => {
            const kpi = kpis.find((k) => k.id.toUpperCase() === a.kpi.toUpperCase());
            const name = kpi?.name ?? a.kpi;
            const when = labelOf(kpi, a.period);
            return (
              <li key={key(a)} className={styles.item}>
                <Text size={200} weight="semibold">
                  {name}: {a.rule} in {when}
                </Text>
                <Text size={200}>{a.response || "No response written for this KPI: edit it to say what its owner does."}</Text>
                <Text size={200}>
                  {a.owner || "No owner"} · due {a.due}
                  {today > a.due && <span className={styles.overdue}> · overdue</span>}
                </Text>
                <div className={styles.row}>
                  <Input
                    size="small"
                    aria-label={`Note on the action for ${name} (${a.rule}, ${when})`}
                    placeholder="What was done"
                    value={notes[key(a)] ?? ""}
                    onChange={(_, d) => setNotes({ ...notes, [key(a)]: d.value })}
                  />
                  <Button size="small" disabled={busy} onClick={() => onDone(a, notes[key(a)] ?? "")} aria-label={`Mark done: ${name} ${a.rule} ${when}`}>
                    Mark done
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <SimpleTable
        label="Execution rate by owner"
        headers={["Owner", "Fired", "Done on time", "Open", "Rate"]}
        rows={rates.map((r) => [
          r.owner,
          r.fired,
          r.doneOnTime,
          `${r.open}${r.overdue ? ` (${r.overdue} overdue)` : ""}`,
          formatPercent(Math.round(r.rate * 100) / 100, locale),
        ])}
      />
    </>
  );
}
