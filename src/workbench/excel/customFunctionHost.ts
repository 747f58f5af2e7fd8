/**
 * How Excel calls an add-in's custom functions, per host, as far as KPI Lens depends on it:
 *
 * - Blank cells: Excel on the web passes a blank cell of a range argument as null, Excel on
 *   Windows and Mac as 0 (office-js issues #4702, #5262 and #1951). `host` picks which.
 *   An omitted optional argument arrives as null on both ("Custom functions parameter options",
 *   learn.microsoft.com: "optional parameters ... undefined or null").
 * - Error values: a function is called with an error value in its arguments only when
 *   functions.json sets allowErrorForDataTypeAny; otherwise Excel answers with the error itself
 *   and never calls the function ("Handle and return errors from your custom function").
 * - @requiresParameterAddresses: Excel passes an Invocation after the declared parameters whose
 *   parameterAddresses hold each argument's address, "SheetName!A1:B2", and nothing for an
 *   argument that is not a reference ("Custom functions parameter options", learn.microsoft.com).
 * - A function that returns a Promise shows #BUSY! until it settles ("Custom functions
 *   overview": asynchronous functions); the cell then shows the result.
 * - Data types, hosts without parameterAddresses, the 5 MB payload limit and the other ways a
 *   host differs: functionHostModes.ts, each rule with its source.
 */
import { qualified } from "../../core/excel/a1";
import { asCellValue, blankAsPassed, FunctionHostMode, HOST_MODES, overPayloadLimit } from "./functionHostModes";

export type Host = "web" | "desktop";

export interface RegisteredFunction {
  fn: (...args: unknown[]) => unknown;
  /** Declared parameters, before the invocation Excel appends. */
  parameterCount: number;
  requiresParameterAddresses: boolean;
}

export interface FunctionRegistry {
  /** functions.json's top-level allowErrorForDataTypeAny. */
  allowErrorForDataTypeAny: boolean;
  /** functions.json's top-level allowCustomDataForDataTypeAny: data types reach `any` parameters. */
  allowCustomDataForDataTypeAny?: boolean;
  /** The host these functions run on, when not the model's plain "web" or "desktop" (functionHostModes.ts). */
  hostMode?: FunctionHostMode;
  /** By upper-case name with namespace, e.g. "KPI.KPI_STATUS". */
  functions: Record<string, RegisteredFunction>;
}

export const NO_FUNCTIONS: FunctionRegistry = { allowErrorForDataTypeAny: false, functions: {} };

/** One argument as the formula engine found it: its values, and its cells when it is a reference. */
export interface CallArgument {
  /** Excel's values, blank cells as null; undefined when omitted. */
  value: unknown;
  omitted: boolean;
  /** The referenced cells, when the argument is a reference. */
  reference: { sheet: string; row: number; col: number; rowCount: number; colCount: number } | null;
}

export interface ErrorCell {
  code: string;
}

const isError = (v: unknown): v is ErrorCell => typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as ErrorCell).code === "string";

function firstError(v: unknown): ErrorCell | null {
  if (isError(v)) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const e = firstError(x);
      if (e) return e;
    }
  }
  return null;
}

/** The value a host passes for one argument: blanks of a reference as the host passes them, data types as objects. */
function asPassed(arg: CallArgument, mode: FunctionHostMode, dataTypes: boolean): unknown {
  if (arg.omitted) return null;
  const blank = blankAsPassed(mode, dataTypes);
  const cell = (v: unknown) => (v === null || v === undefined ? (arg.reference ? blank : null) : dataTypes ? asCellValue(v) : v);
  return Array.isArray(arg.value) ? arg.value.map((row: unknown[]) => row.map(cell)) : cell(arg.value);
}

const CALC = [[{ code: "#CALC!" }]];

const BUSY = [[{ code: "#BUSY!" }]];

interface Pending {
  done: boolean;
  value?: unknown;
}

/**
 * Calls registered functions as Excel does. Their results, at once or awaited, are kept until the
 * workbook changes (`forget`), as Excel recalculates a formula when its inputs change.
 */
export class CustomFunctionCaller {
  private settled = new Map<string, Pending>();
  private generation = 0;
  /** How many calls have answered #BUSY! so far: a formula that saw one grow is itself #BUSY! (model.ts valueAt). */
  busyAnswers = 0;
  private answeredBy: FunctionRegistry | null = null;

  constructor(
    private readonly registry: () => FunctionRegistry,
    private readonly host: () => Host,
    private readonly onSettled: () => void,
  ) {}

  /**
   * After a change: the answers drop, so a formula is calculated again; a call still computing is
   * kept, since a function not marked volatile "is recalculated only when the input variables
   * change" (Application.Volatile, learn.microsoft.com) and a call with other inputs has another
   * key here (Excel may cancel the old one: CustomFunctions.CancelableInvocation.onCanceled, not
   * modelled). Dropping it orphaned its answer: a read meanwhile called again, and a run of changes
   * while it computed could keep a cell #BUSY! for good. `all`: other functions registered, whose
   * calls' answers are not theirs.
   */
  forget(all = false): void {
    if (this.settled.size === 0) return;
    if (all) {
      this.settled.clear();
      this.generation++;
      return;
    }
    for (const [key, p] of this.settled) if (p.done) this.settled.delete(key);
  }

  call(name: string, args: CallArgument[]): unknown {
    const registry = this.registry();
    // Other functions registered (a test's registry, the add-in's reloaded): what the old ones answered goes.
    if (registry !== this.answeredBy) {
      this.forget(true);
      this.answeredBy = registry;
    }
    const { allowErrorForDataTypeAny, allowCustomDataForDataTypeAny, hostMode, functions } = registry;
    const f = functions[name];
    // An error is answered as a 1×1 array: the formula engine takes arrays and plain values only.
    if (!f) return [[{ code: "#NAME?" }]];
    const mode = hostMode ?? HOST_MODES[this.host()];
    if (!allowErrorForDataTypeAny) {
      const error = firstError(args.map((a) => (a.omitted ? null : a.value)));
      if (error) return [[{ code: error.code }]];
    }
    const values = args.map((a) => asPassed(a, mode, mode.cellValues && allowCustomDataForDataTypeAny === true));
    if (overPayloadLimit(mode, values)) return CALC;
    while (values.length < f.parameterCount) values.push(null);
    const key = `${name}|${hostMode ? "" : this.host()}|${JSON.stringify(values)}|${JSON.stringify(args.map((a) => a.reference))}`;
    const known = this.settled.get(key);
    if (known) return known.done ? known.value : this.busy();
    if (f.requiresParameterAddresses && mode.parameterAddresses) {
      const parameterAddresses = args.map((a) => (a.reference ? qualified(a.reference.sheet, a.reference) : undefined));
      values.push({ parameterAddresses });
    }
    const result = f.fn(...values);
    if (!(result instanceof Promise)) {
      // Kept like an awaited answer: a function not marked @volatile (none of the add-in's is) is
      // recalculated only when its inputs change ("Volatile values in functions", learn.microsoft.com;
      // Application.Volatile: "A nonvolatile function is recalculated only when the input variables
      // change"), not once per read, so an answer that came at once cannot turn #BUSY! on a later read.
      const value = overPayloadLimit(mode, result) ? CALC : result;
      this.settled.set(key, { done: true, value });
      return value;
    }
    const pending: Pending = { done: false };
    this.settled.set(key, pending);
    const generation = this.generation;
    result.then(
      (value) => {
        pending.done = true;
        pending.value = overPayloadLimit(mode, value) ? CALC : value;
        if (generation === this.generation) this.onSettled();
      },
      () => {
        pending.done = true;
        pending.value = [[{ code: "#VALUE!" }]];
        if (generation === this.generation) this.onSettled();
      },
    );
    return this.busy();
  }

  private busy(): unknown {
    this.busyAnswers++;
    return BUSY;
  }
}
