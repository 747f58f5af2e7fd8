/** A KPI card's footer: who owns it and when it was reviewed, what went wrong reading it, the new periods to take in, and its buttons. */
import { Button, Text } from "@fluentui/react-components";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSeries } from "../../workbook/kpiWorkbook";
import type { CardActions } from "./kpiCardActions";
import { useCardStyles } from "./kpiCardStyles";

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
          <Text size={200}>
            {series.newPeriods} new value{series.newPeriods > 1 ? "s" : ""} after the range.
          </Text>
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
  return (
    <div className={styles.actions}>
      <Button size="small" disabled={busy} onClick={() => onSelect(kpi)} aria-label={`Select range of ${kpi.name}`}>
        Select range
      </Button>
      <Button size="small" disabled={busy} onClick={() => onEdit(kpi)} aria-label={`Edit ${kpi.name}`}>
        Edit
      </Button>
      <Button size="small" disabled={busy} onClick={() => onReview(kpi)} aria-label={`Mark reviewed: ${kpi.name}`}>
        Mark reviewed
      </Button>
      <Button size="small" disabled={busy} onClick={() => onFormulas(kpi)} aria-label={`Formulas for ${kpi.name}`}>
        Formulas
      </Button>
      <Button size="small" disabled={busy} onClick={() => onHistory(kpi)} aria-label={`History of ${kpi.name}`}>
        History
      </Button>
      <Button size="small" disabled={busy} onClick={() => onAddNote(kpi)} aria-label={`Add note to ${kpi.name}`}>
        Add note
      </Button>
      <Button size="small" disabled={busy} onClick={() => onUntag(kpi)} aria-label={`Untag ${kpi.name}`}>
        Untag
      </Button>
    </div>
  );
}
