/** A KPI card's footer: who owns it and when it was reviewed, what went wrong reading it, the new periods to take in, and its buttons. */
import { Button, Text } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";
import { isSegmented } from "../../core/model/segments";
import { KpiSeries } from "../../workbook/kpiWorkbook";
import type { CardActions } from "./kpiCardActions";
import { useCardStyles } from "./kpiCardStyles";

/** What stands after the KPI's cells: numbers after a range, whole rows (a number in every segment) below a block. */
function newPeriodsText(kpi: KpiDefinition, n: number): string {
  const s = n > 1 ? "s" : "";
  return isSegmented(kpi) ? `${n} new period${s} below the block (a row with every segment filled).` : `${n} new value${s} after the range.`;
}

export function CardFooter({ kpi, series, busy, actions }: { kpi: KpiDefinition; series: KpiSeries | undefined; busy: boolean; actions: CardActions }) {
  const styles = useCardStyles();
  return (
    <>
      <Text size={200}>
        Owner {kpi.owner || "none"} · {kpi.kind}
        {kpi.lastReviewed ? ` · reviewed ${kpi.lastReviewed}` : " · never reviewed"}
      </Text>
      {series?.problem && (
        <Text size={200} className={styles.problem} role="alert">
          {series.problem}
        </Text>
      )}
      {series && series.newPeriods > 0 && (
        <div className={styles.row}>
          <Text size={200}>{newPeriodsText(kpi, series.newPeriods)}</Text>
          <Button size="small" disabled={busy} onClick={() => actions.onExtend(kpi)}>
            Include new periods
          </Button>
        </div>
      )}
      <CardButtons kpi={kpi} busy={busy} actions={actions} />
    </>
  );
}

/** What can be done with one KPI; each button's name says which KPI it acts on. */
function CardButtons({ kpi, busy, actions }: { kpi: KpiDefinition; busy: boolean; actions: CardActions }) {
  const styles = useCardStyles();
  const { onSelect, onEdit, onReview, onFormulas, onHistory, onAddNote, onUntag } = actions;
  // Each button: its text, what it does, and its accessible name, which names the KPI.
  const buttons: [string, (k: KpiDefinition) => void, string][] = [
    ["Select range", onSelect, `Select range of ${kpi.name}`],
    ["Edit", onEdit, `Edit ${kpi.name}`],
    ["Mark reviewed", onReview, `Mark reviewed: ${kpi.name}`],
    ["Formulas", onFormulas, `Formulas for ${kpi.name}`],
    ["History", onHistory, `History of ${kpi.name}`],
    ["Add note", onAddNote, `Add note to ${kpi.name}`],
    ["Untag", onUntag, `Untag ${kpi.name}`],
  ];
  return (
    <div className={styles.actions}>
      {buttons.map(([text, act, name]) => (
        <Button key={text} size="small" disabled={busy} onClick={() => act(kpi)} aria-label={name}>
          {text}
        </Button>
      ))}
    </div>
  );
}
