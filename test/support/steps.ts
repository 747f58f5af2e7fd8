/** A stepped computation (a generator that yields where a time slice may end) run to its end. */

/** Runs `steps` to the end: how many times it yielded, and what it returned. */
export function runSteps<T>(steps: Iterator<unknown, T>): { yields: number; value: T } {
  let yields = 0;
  let next = steps.next();
  while (!next.done) {
    yields++;
    next = steps.next();
  }
  return { yields, value: next.value };
}
