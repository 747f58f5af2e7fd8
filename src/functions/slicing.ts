/**
 * Running a function's steps without freezing Excel. In the shared runtime the task pane and
 * every custom function share one JavaScript thread ("Configure your Office Add-in to use a
 * shared runtime", learn.microsoft.com), so a call that computes for seconds would freeze the
 * pane and every other function. Steps (core/steps.ts) run until a time budget is spent, then
 * the thread is handed back (a macrotask) before the next slice: a small call finishes in its
 * first slice and answers synchronously; a large one answers with a Promise (Excel shows
 * #BUSY! meanwhile) and stops when Excel cancels it (@cancelable: onCanceled).
 *
 * Time slices rather than a Web Worker: a worker would have to receive the series by copy and
 * could not share the metadata-generated entry points; slicing keeps one code path for the pane,
 * the workbench and Excel, and its longest block is one step (a lag, or a sort of the series).
 */
import { Steps } from "../core/steps";

/** How long one slice may run before the thread is handed back. */
export const SLICE_MS = 40;
let sliceBudget = SLICE_MS;

/**
 * Sets the slice budget; Infinity makes every answer synchronous. For callers that want the
 * answer at once and own the thread (the unit tests' reference comparisons, the bench's
 * throughput runs), never for the add-in.
 */
export function useSliceBudget(ms: number): void {
  sliceBudget = ms;
}

/** Hands the thread back to the event loop, then resumes (a macrotask, not a microtask). */
function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as { setImmediate?: (f: () => void) => void; MessageChannel?: typeof MessageChannel };
  if (g.setImmediate) return new Promise((resolve) => g.setImmediate!(resolve));
  if (g.MessageChannel) {
    return new Promise((resolve) => {
      const channel = new g.MessageChannel!();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Cancelled extends Error {
  constructor() {
    super("the calculation was cancelled");
    this.name = "Cancelled";
  }
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/**
 * Runs steps for one slice; returns the result if they finished. The slice also ends when the
 * next step, if it takes as long as the last one, would overrun the budget: the thread is then
 * held for one long step (a column read, a sort) rather than for two.
 */
function slice<T>(steps: Steps<T>, budget: number): { done: true; value: T } | { done: false } {
  const start = now();
  let before = start;
  for (;;) {
    const next = steps.next();
    if (next.done) return { done: true, value: next.value };
    const after = now();
    if (after - start + (after - before) >= budget) return { done: false };
    before = after;
  }
}

/**
 * The result now when the steps fit in one slice, else a Promise of it, computed slice by slice.
 * `cancelled` is asked between slices; once it says yes, the Promise rejects with Cancelled.
 */
export function runSliced<T>(steps: Steps<T>, cancelled: () => boolean = () => false, budget = sliceBudget): T | Promise<T> {
  const first = slice(steps, budget);
  if (first.done) return first.value;
  return (async () => {
    for (;;) {
      await yieldToEventLoop();
      if (cancelled()) {
        steps.return(undefined as never);
        throw new Cancelled();
      }
      const next = slice(steps, budget);
      if (next.done) return next.value;
    }
  })();
}
