/**
 * How each worksheet function runs: the arguments Excel passed, decoded to plain values
 * (cells.decodeArgument: Excel.CellValue objects, error objects), with the blanks an older Excel
 * for Windows and Mac turned into 0 restored where that is still unknown (hostBlanks.ts,
 * argumentCells.ts), handed to the function's adapter, and the result made into values Excel can
 * show (cells.ts). On Excel on the web and on a desktop Excel that has shown it passes blanks as
 * null, nothing here asks Excel anything, and a call answers synchronously unless its steps need
 * more than one time slice; a look at the cells makes the answer a Promise (Excel shows #BUSY!
 * meanwhile, READ_TIMEOUT_MS at most).
 */
import { Problem } from "../core/analysis/problem";
import { argumentsToCheck, passedBlankAsNull, restoreBlanks } from "./argumentCells";
import { decodeArgument, evaluate, ResultCell, toExcelCell, toExcelError } from "./cells";
import { hostBlanks, noteBlankPassedAsNull } from "./hostBlanks";
import { runSliced } from "./slicing";
import { Steps } from "../core/analysis/steps";

export type Answer = unknown[][] | Promise<unknown[][]>;

/** A function body: its result, or steps that compute it (run in time slices: slicing.ts). */
export type Body = (args: unknown[]) => ResultCell[][] | Steps<ResultCell[][]>;

/** CustomFunctionsRuntime 1.5: set while Excel shows a formula's value as the user types it. */
type PreviewInvocation = CustomFunctions.Invocation & { isInValuePreview?: boolean };

/**
 * Runs a function. `args` are its parameters in order (at least its ranges; options passed here
 * are repaired too, #4702 scalar blanks); `rangeParameters` says which are ranges, for readers of
 * the call. Every argument is decoded; any of them holding a 0 from cells may get a look.
 */
export function invoke(name: string, invocation: CustomFunctions.Invocation | undefined, args: unknown[], rangeParameters: readonly number[], body: Body): Answer {
  void rangeParameters;
  const addresses = invocation?.parameterAddresses;
  const cancelled = watchCancellation(invocation);
  if (hostBlanks().arrival !== "null" && passedBlankAsNull(args, addresses)) noteBlankPassedAsNull();
  const decoded = args.map(decodeArgument);
  const indexes = hostBlanks().arrival === "null" ? [] : argumentsToCheck(decoded, decoded.map((_, i) => i), addresses);
  if (indexes.length === 0) return answer(name, () => body(decoded), cancelled);
  const cannotTell = (why: string) => [[toExcelError(new Problem("value", `${name} could not tell blank cells from zeros: ${why}. Recalculate (F9) to try again, or mark missing periods with =NA()`))]];
  // A value preview may not call the Excel API (item 9 of issue 21); the entered formula will.
  if ((invocation as PreviewInvocation | undefined)?.isInValuePreview) return cannotTell("a preview cannot look at the cells; enter the formula to see its result");
  return restoreBlanks(decoded, indexes, addresses!).then(
    (restored) => answer(name, () => body(restored), cancelled),
    (e: unknown) => cannotTell(e instanceof Error ? e.message : String(e)),
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
    sliced = runSliced(convertedSteps(result), cancelled);
  } catch (e) {
    return fail(e);
  }
  // Already converted in its last steps (convertedSteps): a second pass would be one long block.
  if (!(sliced instanceof Promise)) return sliced as unknown[][];
  return sliced.then((cells) => cells as unknown[][], fail);
}

/** Cells converted between two steps: a spilled full column of six columns is six million cells. */
const CONVERT_CHUNK = 1 << 15;

/**
 * The steps' result made into values Excel can show in steps of its own (cells.toExcelCell, in
 * place), so that the spill of a full column does not hold the thread in one block; the answer is
 * then returned as it stands. Only for stepped bodies: a synchronous one is small by design.
 */
function* convertedSteps(steps: Steps<ResultCell[][]>): Steps<ResultCell[][]> {
  const rows = yield* steps;
  let done = 0;
  for (const row of rows as unknown[][]) {
    for (let j = 0; j < row.length; j++) row[j] = toExcelCell(row[j] as ResultCell);
    done += row.length;
    if (done >= CONVERT_CHUNK) {
      done = 0;
      yield;
    }
  }
  return rows;
}
