/**
 * How many items of a long list to render: the first `chunk` at once, then `chunk` more after each
 * commit, until all are shown. The chunks are a macrotask apart, so the browser paints and answers
 * input between them, and each is a transition, so React renders it in slices and an edit's update
 * goes first. The first render of 300 KPI cards in one commit is one long task (issue 25: over
 * 50 ms); in chunks, the first screen appears at once and the rest follow. Once the whole list is shown,
 * an item added later (a KPI just tagged) renders at once, where the pane will focus it.
 */
import { startTransition, useEffect, useState } from "react";

export const REVEAL_CHUNK = 24;

export function useRevealed(total: number, chunk: number = REVEAL_CHUNK): number {
  const [revealed, setRevealed] = useState(chunk);
  const all = revealed === Infinity;
  useEffect(() => {
    // An empty list (the pane before its first read) is not yet the list to reveal.
    if (all || total === 0) return;
    if (revealed >= total) {
      setRevealed(Infinity);
      return;
    }
    const timer = setTimeout(() => startTransition(() => setRevealed((r) => r + chunk)), 0);
    return () => clearTimeout(timer);
  }, [all, revealed, total, chunk]);
  return Math.min(total, revealed);
}
