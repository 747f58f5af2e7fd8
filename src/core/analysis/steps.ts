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

/** Points handled between two steps of a pass over a full column (a few milliseconds each). */
export const PASS_CHUNK = 1 << 16;

/** Runs `pass(from, to)` over [0, n) in chunks of PASS_CHUNK, a step each. */
export function* chunked(n: number, pass: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < n; from += PASS_CHUNK) {
    if (from > 0) yield;
    pass(from, Math.min(n, from + PASS_CHUNK));
  }
}
