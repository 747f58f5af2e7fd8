/**
 * The worksheet functions as a test calls them with Excel's values and no invocation (as on
 * Excel on the web, where a blank arrives as null): the answer is then always synchronous, and
 * this says so loudly if it is not (time slicing is switched off for the call). Tests of the desktop host's blanks call src/functions with
 * an invocation and await the answer.
 */
import * as functions from "../../src/functions/functions";
import { currentSliceBudget, setSliceBudget } from "../../src/core/analysis/slicing";

type Matrix = any[][]; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Calls a function with no time slicing, so even a full column answers at once. */
function now(call: () => unknown): Matrix {
  const budget = currentSliceBudget();
  setSliceBudget(Infinity);
  try {
    const answer = call();
    if (answer instanceof Promise) throw new Error("expected a synchronous answer without an invocation");
    return answer as Matrix;
  } finally {
    setSliceBudget(budget);
  }
}

type Sync<F> = F extends (...args: infer A) => unknown ? (...args: A) => Matrix : never;

export const kpiStatus: Sync<typeof functions.kpiStatus> = (...a) => now(() => functions.kpiStatus(...a));
export const leadLagCorr: Sync<typeof functions.leadLagCorr> = (...a) => now(() => functions.leadLagCorr(...a));
export const sigChange: Sync<typeof functions.sigChange> = (...a) => now(() => functions.sigChange(...a));
export const spc: Sync<typeof functions.spc> = (...a) => now(() => functions.spc(...a));
export const leadForecast: Sync<typeof functions.leadForecast> = (...a) => now(() => functions.leadForecast(...a));
export const variance: Sync<typeof functions.variance> = (...a) => now(() => functions.variance(...a));
export const outlook: Sync<typeof functions.outlook> = (...a) => now(() => functions.outlook(...a));
export const funnel: Sync<typeof functions.funnel> = (...a) => now(() => functions.funnel(...a));

/** KPI.SPC's word for each point of a column of values, higher being better (its "points" output, one per row). */
export const spcPointTypes = (values: readonly number[]): string[] =>
  spc(
    values.map((v) => [v]),
    null,
    "higher",
    null,
    "points",
  ).map((p) => p[0]);
