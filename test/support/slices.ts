/** A function's call in the shared runtime's time slices (src/core/analysis/slicing.ts), driven from a test. */
import { setSliceBudget, SLICE_MS } from "../../src/core/analysis/slicing";

/** Awaits an answer, which must be a Promise, while a timer counts the turns other work got between its slices. */
export async function withTicks<T>(answer: T | Promise<T>): Promise<{ result: T; ticks: number }> {
  expect(answer).toBeInstanceOf(Promise);
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 0);
  const result = await answer;
  clearInterval(ticker);
  return { result, ticks };
}

/** Runs `run` with slices of `ms` milliseconds, then puts back the default (SLICE_MS), also when it fails. */
export async function withSliceBudget<T>(ms: number, run: () => T | Promise<T>): Promise<T> {
  setSliceBudget(ms);
  try {
    return await run();
  } finally {
    setSliceBudget(SLICE_MS);
  }
}
