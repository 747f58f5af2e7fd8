/**
 * Long computations as resumable steps: a generator that yields between units of work (a lag,
 * a sort). Core code stays synchronous and pure; whoever runs the steps decides whether to run
 * them to the end at once (tests, the pane's small series) or in time slices that give the
 * event loop back between them (the worksheet functions on a full column: src/functions/slicing.ts).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
