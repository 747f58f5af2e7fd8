/**
 * The Review mode's card: one due KPI at a time, with what a review looks at (its latest number
 * against target, its variation, the note Off track asks for, its open actions), a decision
 * note, and Reviewed, which writes the date (and the note) and moves on to the next due KPI.
 * The card's heading takes focus on each new card, so a keyboard or screen-reader user hears
 * which KPI came up (WAI-ARIA APG: move focus to the new content when a step changes it).
 */
import { Button, Card, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { Action } from "../../core/model/actions";
import { CheckIn, needsNote } from "../../core/model/checkins";
import { KpiDefinition } from "../../core/model/kpi";
import { KpiSummary } from "../../core/model/kpiSummary";
import { periodLabel } from "../../core/model/periods";
import { ReviewState } from "../../core/review/due";
import { readAuthor } from "../author";
import { formatNumber } from "../locale";
import { stateText } from "./DueSection";

const useStyles = makeStyles({
  card: { padding: tokens.spacingVerticalM, gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  heading: { margin: 0 },
});

export interface ReviewCardProps {
  kpi: KpiDefinition;
  state: ReviewState;
  summary: KpiSummary;
  checkIns: readonly CheckIn[];
  actions: readonly Action[];
  /** 1-based place of the card in the queue, and the queue's length. */
  position: number;
  total: number;
  busy: boolean;
  locale: string;
  /** Writes the review (and the note, when there is one); resolves true when it was written. */
  onReviewed(kpi: KpiDefinition, note: string, period: number | null): Promise<boolean>;
  onSkip(): void;
  onStop(): void;
}

export function ReviewCard(props: ReviewCardProps) {
  const { kpi, state, summary, checkIns, actions, position, total, locale } = props;
  const styles = useStyles();
  const [note, setNote] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setNote("");
    heading.current?.focus();
  }, [kpi.id]);
  const asksNote = needsNote(checkIns, kpi.id, summary.latestPeriod, summary.status);
  const label = (p: number) => periodLabel(kpi.firstPeriod, kpi.cadence, p);
  const missingNote = asksNote && note.trim() === "";
  return (
    <Card className={styles.card} role="region" aria-labelledby="review-card-heading">
      <Text size={200}>
        Card {position} of {total}
      </Text>
      <h3 id="review-card-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {kpi.name}
      </h3>
      <Text size={200}>
        {stateText(state)}; owner {kpi.owner || "none"}.
      </Text>
      <ReviewFigures kpi={kpi} summary={summary} locale={locale} />
      <OpenActions kpi={kpi} actions={actions} />
      <Field
        label={asksNote ? `The note Off track asks for (${label(summary.latestPeriod!)}): why, and what is being done` : "Decision note (optional)"}
        validationState={missingNote ? "warning" : "none"}
        validationMessage={missingNote ? "Off track asks for a note: Reviewed saves it with the review." : undefined}
      >
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      <ReviewButtons {...props} note={note} />
      <Text size={200} data-testid="review-author">
        {readAuthor().trim()
          ? `The review and the note are recorded as ${readAuthor().trim()}.`
          : "The review and the note are recorded without a name: give yours at the top of the pane."}
      </Text>
    </Card>
  );
}

/** The latest number against target with its status, and the variation (or the change, without limits). */
function ReviewFigures({ kpi, summary, locale }: Pick<ReviewCardProps, "kpi" | "summary" | "locale">) {
  const label = (p: number) => periodLabel(kpi.firstPeriod, kpi.cadence, p);
  const unit = kpi.unit ? ` ${kpi.unit}` : "";
  return (
    <>
      <Text size={200} data-testid="review-numbers">
        {summary.latestPeriod === null
          ? "No value yet."
          : `${label(summary.latestPeriod)}: ${formatNumber(summary.latest, locale)}${unit} against a target of ${formatNumber(summary.target, locale)}${unit}: ${summary.statusLabel}.`}
      </Text>
      <Text size={200} data-testid="review-variation">
        {summary.variationLabel
          ? `Variation: ${summary.variationLabel}${summary.assurance ? `; ${summary.assurance.toLowerCase()}` : ""}.`
          : `Change: ${summary.changeLabel}.`}
      </Text>
    </>
  );
}

/** The KPI's open actions, each with its rule, period, response, owner and due date. */
function OpenActions({ kpi, actions }: Pick<ReviewCardProps, "kpi" | "actions">) {
  const label = (p: number) => periodLabel(kpi.firstPeriod, kpi.cadence, p);
  const open = actions.filter((a) => a.status === "open" && a.kpi.toUpperCase() === kpi.id.toUpperCase());
  if (open.length === 0) return <Text size={200}>No open actions.</Text>;
  return (
    <ul aria-label={`Open actions on ${kpi.name}`} style={{ margin: 0, paddingLeft: 16 }}>
      {open.map((a) => (
        <li key={`${a.period}|${a.rule}`}>
          <Text size={200}>
            {a.rule} in {label(a.period)}: {a.response || "no response set"}, {a.owner || "no owner"} by {a.due}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** Reviewed (with the note), Skip for now (when another card waits) and End review. */
function ReviewButtons({ kpi, summary, note, total, busy, onReviewed, onSkip, onStop }: ReviewCardProps & { note: string }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Button appearance="primary" disabled={busy} onClick={() => void onReviewed(kpi, note.trim(), summary.latestPeriod)}>
        Reviewed
      </Button>
      <Button disabled={busy || total < 2} onClick={onSkip}>
        Skip for now
      </Button>
      <Button appearance="subtle" disabled={busy} onClick={onStop}>
        End review
      </Button>
    </div>
  );
}
