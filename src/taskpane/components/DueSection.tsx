/**
 * Due this close: from each KPI's cadence and its Last reviewed date (core/review/due.ts), what
 * the close asks a review of, by owner ("Maria Rossi: 3 due, 1 overdue"), and the button that
 * starts the Review mode over the due KPIs. Each status is a word as well as a colour.
 */
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CloseReview, ReviewState } from "../../core/review/due";
import { useRevealed } from "../useRevealed";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

const BADGE = { overdue: "danger", due: "warning", done: "success" } as const;
const LABEL = { overdue: "Overdue", due: "Due", done: "Done" } as const;

/** "Revenue: overdue, 2 periods without a review" */
export function stateText(s: ReviewState): string {
  if (s.status === "done") return `${s.name}: done (reviewed ${s.lastReviewed})`;
  if (s.neverReviewed) return `${s.name}: due, never reviewed`;
  if (s.status === "overdue") return `${s.name}: overdue, ${s.missed} period${s.missed === 1 ? "" : "s"} without a review`;
  return `${s.name}: due for the period ending ${s.periodEnd}`;
}

export interface DueSectionProps {
  review: CloseReview;
  busy: boolean;
  onStart(queue: readonly string[]): void;
}

export function DueSection({ review, busy, onStart }: DueSectionProps) {
  const styles = useStyles();
  // A KPI a line: 300 KPIs are 900 elements, the first now and the rest a chunk a task (useRevealed.ts).
  const revealed = useRevealed(review.states.length);
  if (review.states.length === 0) return null;
  const ids = review.queue.map((s) => s.id);
  return (
    <>
      <ul className={styles.list} aria-label="Reviews by owner">
        {review.owners.map((o) => (
          <li key={o.owner}>
            <Text size={200}>{o.sentence}</Text>
          </li>
        ))}
      </ul>
      <ul className={styles.list} aria-label={`Reviews at the close of ${review.close}`}>
        {review.states.slice(0, revealed).map((s) => (
          <li key={s.id} className={styles.row}>
            <Badge appearance="tint" color={BADGE[s.status]}>
              {LABEL[s.status]}
            </Badge>
            <Text size={200}>{stateText(s)}</Text>
          </li>
        ))}
      </ul>
      {ids.length === 0 ? (
        <Text size={200}>Every KPI is reviewed for this close.</Text>
      ) : (
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={() => onStart(ids)}>
            Review the {ids.length} due KPI{ids.length === 1 ? "" : "s"}
          </Button>
        </div>
      )}
    </>
  );
}
