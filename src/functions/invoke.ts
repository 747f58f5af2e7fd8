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

export type Answer = unknown[][] | Promise<unknown[][]>;

export function invoke(
  name: string,
  invocation: CustomFunctions.Invocation | undefined,
  args: unknown[],
  rangeParameters: readonly number[],
  body: (args: unknown[]) => ResultCell[][],
): Answer {
  const addresses = invocation?.parameterAddresses;
  const indexes = argumentsToCheck(args, rangeParameters, addresses);
  if (indexes.length === 0) return evaluate(name, () => body(args));
  return restoreBlanks(args, indexes, addresses!).then(
    (restored) => evaluate(name, () => body(restored)),
    (e: unknown) => [[toExcelError(new Problem("value", `${name} could not tell blank cells from zeros: ${e instanceof Error ? e.message : String(e)}`))]],
  );
}
