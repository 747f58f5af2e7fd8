/**
 * The Review mode's state: the queue is a snapshot taken when the mode starts (dueThisClose's
 * review order), so a KPI reviewed on the way does not reorder the cards under the user; each
 * Reviewed moves to the next not yet reviewed (due.ts nextToReview).
 */
import { useState } from "react";
import { nextToReview } from "../../core/review/due";

export interface ReviewMode {
  /** The KPI on the card, or null when the mode is off. */
  current: string | null;
  queue: readonly string[];
  reviewed: ReadonlySet<string>;
  /** Whether the mode ran through every card of its queue. */
  finished: boolean;
  start(queue: readonly string[]): void;
  /** Records the card's KPI as reviewed and shows the next one. */
  advance(id: string): void;
  /** Shows the next card without reviewing this one. */
  skip(): void;
  stop(): void;
}

export function useReviewMode(): ReviewMode {
  const [queue, setQueue] = useState<readonly string[]>([]);
  const [reviewed, setReviewed] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<string | null>(null);
  const [finished, setFinished] = useState(false);
  return {
    current,
    queue,
    reviewed,
    finished,
    start: (q) => {
      setQueue(q);
      setReviewed(new Set());
      setFinished(false);
      setCurrent(q[0] ?? null);
    },
    advance: (id) => {
      const done = new Set(reviewed).add(id);
      setReviewed(done);
      const next = nextToReview(queue, done, id);
      setCurrent(next);
      setFinished(next === null);
    },
    skip: () => setCurrent(nextToReview(queue, reviewed, current) ?? current),
    stop: () => {
      setCurrent(null);
      setFinished(false);
    },
  };
}
