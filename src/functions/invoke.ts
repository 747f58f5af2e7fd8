/**
 * How each worksheet function runs: the arguments Excel passed, with the blanks Excel for
 * Windows and Mac turned into 0 restored (argumentCells.ts), handed to the function's adapter,
 * and the result made into values Excel can show (cells.ts). The common case, no 0 in a range
 * argument, answers synchronously; otherwise the answer is a Promise, as Excel's async custom
 * functions return, and Excel shows #BUSY! meanwhile.
 */
import { Problem } from "../core/problem";
import { argumentsToCheck, restoreBlanks } from "./argumentCells";
import { evaluate, ResultCell, toExcelError } from "./cells";
import { runSliced } from "./slicing";
import { Steps } from "../core/steps";

export type Answer = unknown[][] | Promise<unknown[][]>;

/** A function body: its result, or steps that compute it (run in time slices: slicing.ts). */
export type Body = (args: unknown[]) => ResultCell[][] | Steps<ResultCell[][]>;

export function invoke(name: string, invocation: CustomFunctions.Invocation | undefined, args: unknown[], rangeParameters: readonly number[], body: Body): Answer {
  const addresses = invocation?.parameterAddresses;
  const indexes = argumentsToCheck(args, rangeParameters, addresses);
  const cancelled = watchCancellation(invocation);
  if (indexes.length === 0) return answer(name, () => body(args), cancelled);
  return restoreBlanks(args, indexes, addresses!).then(
    (restored) => answer(name, () => body(restored), cancelled),
    (e: unknown) => [[toExcelError(new Problem("value", `${name} could not tell blank cells from zeros: ${e instanceof Error ? e.message : String(e)}`))]],
  );
}

/** Excel calls onCanceled when a recalculation abandons a call (@cancelable). */
function watchCancellation(invocation: CustomFunctions.Invocation | undefined): () => boolean {
  let cancelled = false;
  if (invocation) (invocation as CustomFunctions.CancelableInvocation).onCanceled = () => (cancelled = true);
  return () => cancelled;
}

function isSteps(v: unknown): v is Steps<ResultCell[][]> {
  return typeof v === "object" && v !== null && typeof (v as Steps<unknown>).next === "function" && !Array.isArray(v);
}

/** Runs the body; steps in time slices. Errors become Excel errors either way (cells.evaluate). */
function answer(name: string, run: () => ReturnType<Body>, cancelled: () => boolean): Answer {
  const fail = (e: unknown) =>
    evaluate(name, () => {
      throw e;
    });
  let result: ReturnType<Body>;
  let sliced: ResultCell[][] | Promise<ResultCell[][]>;
  try {
    result = run();
    if (!isSteps(result)) return evaluate(name, () => result as ResultCell[][]);
    sliced = runSliced(result, cancelled);
  } catch (e) {
    return fail(e);
  }
  if (!(sliced instanceof Promise)) return evaluate(name, () => sliced as ResultCell[][]);
  return sliced.then((cells) => evaluate(name, () => cells), fail);
}
