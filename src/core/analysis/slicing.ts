/**
 * Running steps without freezing Excel: a worksheet function's (src/functions/invoke.ts), the
 * pane's portfolio (core/model/portfolio.ts portfolioSteps) and a write's own work between its
 * round trips (handBack). In core so that every layer runs them the one way; it imports nothing
 * and touches no Office, React or DOM object, only the event loop every JavaScript host has
 * (setImmediate, MessageChannel or setTimeout). In the shared runtime the task pane and every
 * custom function share one JavaScript thread ("Configure your Office Add-in to use a shared
 * runtime", learn.microsoft.com), so a call that computes for seconds would freeze the pane and
 * every other function. Steps (core/analysis/steps.ts) run until a time budget is spent, then the
 * thread is handed back (a macrotask) before the next slice: a small call finishes in its first
 * slice and answers synchronously; a large one answers with a Promise (Excel shows #BUSY!
 * meanwhile) and stops when Excel cancels it (@cancelable: onCanceled).
 *
 * Time slices rather than a Web Worker, measured: handing a worker a full column as Excel passes
 * it (a million one-cell rows) is a structured clone that itself blocks the thread for longer
 * than the goal; only a typed array can be transferred cheaply, and making one is the column
 * read, which must run (sliced) on this thread anyway. A worker would also need its own bundle
 * and could not share the metadata-generated entry points. Slicing keeps one code path for the
 * pane, the workbench and Excel, and its longest block is one slice: SLICE_MS plus at most one
 * step (a chunk of a read, of a pass or of a lag, a stretch of a sort's partition), plus whatever
 * collector pause lands in it. The arguments' reading and the answer's conversion are steps too
 * (invoke.ts): nothing of a call runs outside its slices.
 */
import { Steps } from "./steps";

/**
 * The longest a task may hold the thread before browsers call it a long task (the Long Tasks
 * API; the RAIL model's budget for answering input): the goal for every function call.
 */
export const LONG_TASK_MS = 50;

/**
 * How long one slice may run before the thread is handed back: a fifth of LONG_TASK_MS, so that a
 * step longer than the one before it, or a collector pause landing in the slice (a scavenge of a
 * spilled column's rows, a marking step while Excel's million-row arguments are live), still ends
 * it inside the goal. The steps are short (chunks that start small while V8 has not optimised a
 * loop and double to 65,536 elements, steps.ts), so a slice ends within a few ms of its budget.
 */
export const SLICE_MS = 10;
let sliceBudget = SLICE_MS;

/**
 * Sets the slice budget; Infinity makes every answer synchronous. For callers that want the
 * answer at once and own the thread (the unit tests' reference comparisons, the bench's
 * throughput runs), never for the add-in.
 */
export function setSliceBudget(ms: number): void {
  sliceBudget = ms;
}

/** The slice budget in force, so that a caller that changes it can put it back. */
export function currentSliceBudget(): number {
  return sliceBudget;
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

/** Told when each slice starts and ends, and when the thread is handed back and taken again (the bench's measures; null in the add-in). */
export interface SliceWatcher {
  start(): void;
  end(): void;
  yielded?(): void;
  resumed?(): void;
}
let watcher: SliceWatcher | null = null;

/** Sets (or, with null, clears) the slice watcher. */
export function watchSlices(w: SliceWatcher | null): void {
  watcher = w;
}

/**
 * Runs steps for one slice; returns the result if they finished. The slice also ends when the
 * next step, if it takes as long as the last one, would overrun the budget: the thread is then
 * held for one long step (a column read, a sort) rather than for two.
 */
function slice<T>(steps: Steps<T>, budget: number): { done: true; value: T } | { done: false } {
  watcher?.start();
  try {
    const start = now();
    let before = start;
    for (;;) {
      const next = steps.next();
      if (next.done) return { done: true, value: next.value };
      const after = now();
      if (after - start + (after - before) >= budget) return { done: false };
      before = after;
    }
  } finally {
    watcher?.end();
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
      await handedBack();
      if (cancelled()) {
        steps.return(undefined as never);
        throw new Cancelled();
      }
      const next = slice(steps, budget);
      if (next.done) return next.value;
    }
  })();
}

async function handedBack(): Promise<void> {
  watcher?.yielded?.();
  await yieldToEventLoop();
  watcher?.resumed?.();
}

/**
 * Hands the thread back between two stretches of an operation's own work that no round trip
 * separates (a write's planning and its queuing, kpiWorkbook.ts), so that they are two tasks, not
 * one long one; at once when the slice budget is Infinity (the caller owns the thread).
 */
export function handBack(): Promise<void> {
  return sliceBudget === Infinity ? Promise.resolve() : handedBack();
}
