/**
 * How each worksheet function runs: the arguments Excel passed, decoded to plain values
 * (cells.decodeCell: Excel.CellValue objects, error objects), with the blanks an older Excel
 * for Windows and Mac turned into 0 restored where that is still unknown (hostBlanks.ts,
 * argumentCells.ts), handed to the function's adapter, and the result made into values Excel can
 * show (cells.toExcelCell). All of it runs as steps in time slices (slicing.ts), the reading of
 * the arguments and the conversion of the answer included: a full column is a million cells, and
 * a pass over them in one go would hold the thread for longer than a slice. On Excel on the web
 * and on a desktop Excel that has shown it passes blanks as null, nothing here asks Excel
 * anything, and a call answers synchronously when its steps fit in one slice; a look at the cells
 * makes the answer a Promise (Excel shows #BUSY! meanwhile, READ_TIMEOUT_MS at most).
 */
import { Problem } from "../core/analysis/problem";
import { CannotTell, lookAtCells, readArgumentsSteps } from "./argumentCells";
import { failedAnswer, ResultCell, toExcelCell, toExcelError } from "./cells";
import { runSliced } from "../core/analysis/slicing";
import { FIRST_CHUNK, rampUp, Steps } from "../core/analysis/steps";

export type Answer = unknown[][] | Promise<unknown[][]>;

/** A function body: the steps that compute its result (run in time slices: slicing.ts). */
export type Body = (args: unknown[]) => Steps<ResultCell[][]>;

/** CustomFunctionsRuntime 1.5: set while Excel shows a formula's value as the user types it. */
type PreviewInvocation = CustomFunctions.Invocation & { isInValuePreview?: boolean };

/** The call answered, or the arguments whose cells must be looked at before it can be. */
type Outcome = { cells: unknown[][] } | { look: number[]; decoded: unknown[] };

/**
 * Runs a function. `args` are its parameters in order (at least its ranges; options passed here
 * are repaired too, #4702 scalar blanks); `rangeParameters` says which are ranges, for readers of
 * the call. Every argument is decoded; any of them holding a 0 from cells may get a look.
 */
export function invoke(
  name: string,
  invocation: CustomFunctions.Invocation | undefined,
  args: unknown[],
  rangeParameters: readonly number[],
  body: Body,
): Answer {
  void rangeParameters;
  const addresses = invocation?.parameterAddresses;
  const cancelled = watchCancellation(invocation);
  const preview = (invocation as PreviewInvocation | undefined)?.isInValuePreview === true;
  const fail = (e: unknown) => (e instanceof CannotTell ? cannotTell(name, e.message) : failedAnswer(name, e));
  const settle = (outcome: Outcome): Answer => {
    if ("cells" in outcome) return outcome.cells;
    return lookAtCells(outcome.decoded, outcome.look, addresses!).then((restored) => sliced(restoredCallSteps(restored, body), cancelled, fail), fail);
  };
  const outcome = sliced<Outcome>(callSteps(name, args, addresses, preview, body), cancelled, (e) => ({ cells: fail(e) }));
  return outcome instanceof Promise ? outcome.then(settle) : settle(outcome);
}

/** The steps run in time slices; a failure, now or in a later slice, becomes `fail`'s answer. */
function sliced<T>(steps: Steps<T>, cancelled: () => boolean, fail: (e: unknown) => T): T | Promise<T> {
  try {
    const result = runSliced(steps, cancelled);
    return result instanceof Promise ? result.catch(fail) : result;
  } catch (e) {
    return fail(e);
  }
}

function* callSteps(name: string, args: unknown[], addresses: readonly (string | undefined)[] | undefined, preview: boolean, body: Body): Steps<Outcome> {
  const { decoded, toCheck } = yield* readArgumentsSteps(args, addresses);
  if (toCheck.length === 0) return { cells: yield* answerSteps(body, decoded) };
  // A value preview may not call the Excel API (item 9 of issue 21); the entered formula will.
  if (preview) return { cells: cannotTell(name, "a preview cannot look at the cells; enter the formula to see its result") };
  return { look: toCheck, decoded };
}

function* restoredCallSteps(restored: Steps<unknown[]>, body: Body): Steps<unknown[][]> {
  return yield* answerSteps(body, yield* restored);
}

function cannotTell(name: string, why: string): unknown[][] {
  return [
    [
      toExcelError(
        new Problem("value", `${name} could not tell blank cells from zeros: ${why}. Recalculate (F9) to try again, or mark missing periods with =NA()`),
      ),
    ],
  ];
}

/** Excel calls onCanceled when a recalculation abandons a call (@cancelable). */
function watchCancellation(invocation: CustomFunctions.Invocation | undefined): () => boolean {
  let cancelled = false;
  if (invocation) (invocation as CustomFunctions.CancelableInvocation).onCanceled = () => (cancelled = true);
  return () => cancelled;
}

/** Cells converted between two steps at most: a spilled full column of six columns is six million cells. */
// Read once: a CommonJS build (the tests, the bench) reads an imported binding through a getter at every use.
const toCell = toExcelCell;
const CONVERT_CHUNK = 1 << 15;

/**
 * The body's result made into values Excel can show (cells.toExcelCell, in place: a spilled
 * column is not copied again), CONVERT_CHUNK cells a step, so that the spill of a full column
 * does not hold the thread in one block.
 */
function* answerSteps(body: Body, args: unknown[]): Steps<unknown[][]> {
  const rows = (yield* body(args)) as unknown[][];
  for (let i = 0, cells = FIRST_CHUNK; i < rows.length; cells = rampUp(cells, CONVERT_CHUNK)) {
    if (i > 0) yield;
    i = convertRows(rows, i, cells);
  }
  return rows;
}

/** Converts rows from `from` on until about `limit` cells are done; returns where it stopped (a plain function: V8 optimises loops in generators less well). */
function convertRows(rows: unknown[][], from: number, limit: number): number {
  let cells = 0;
  let i = from;
  for (; i < rows.length && cells < limit; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) row[j] = toCell(row[j] as ResultCell);
    cells += row.length;
  }
  return i;
}
