/**
 * The "Due this close" section's body: the list by owner and state, or, once started, the
 * Review mode's card. The close is today: the pane reviews the periods that have ended.
 */
import { Button, Text } from "@fluentui/react-components";
import { useMemo } from "react";
import { KpiDefinition } from "../../core/model/kpi";
import { Portfolio } from "../../core/model/portfolio";
import { dueThisClose } from "../../core/review/due";
import { useReviewMode } from "../review/useReviewMode";
import { DueSection } from "./DueSection";
import { ReviewCard } from "./ReviewCard";

export interface DueReviewProps {
  portfolio: Portfolio;
  /** The close date (yyyy-mm-dd). */
  close: string;
  busy: boolean;
  locale: string;
  onReviewed(kpi: KpiDefinition, note: string, period: number | null): Promise<boolean>;
}

export function DueReview({ portfolio, close, busy, locale, onReviewed }: DueReviewProps) {
  const { kpis, summaries, checkIns, actions } = portfolio;
  const review = useMemo(() => dueThisClose(kpis, close), [kpis, close]);
  const mode = useReviewMode();
  const kpi = kpis.find((k) => k.id === mode.current);
  const state = review.states.find((s) => s.id === mode.current);
  if (mode.finished) {
    return (
      <>
        <Text size={200} role="status">
          Reviewed {mode.reviewed.size} of {mode.queue.length} KPI{mode.queue.length === 1 ? "" : "s"}: nothing more is due this close.
        </Text>
        <div>
          <Button onClick={mode.stop}>Back to the list</Button>
        </div>
      </>
    );
  }
  if (!kpi || !state) return <DueSection review={review} busy={busy} onStart={mode.start} />;
  return (
    <ReviewCard
      kpi={kpi}
      state={state}
      summary={summaries[kpi.id]}
      checkIns={checkIns}
      actions={actions}
      position={mode.queue.indexOf(kpi.id) + 1}
      total={mode.queue.length}
      busy={busy}
      locale={locale}
      onReviewed={async (k, note, period) => {
        const written = await onReviewed(k, note, period);
        if (written) mode.advance(k.id);
        return written;
      }}
      onSkip={mode.skip}
      onStop={mode.stop}
    />
  );
}
