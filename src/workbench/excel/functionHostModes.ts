/**
 * The Excel hosts the in-memory Excel can play when it calls custom functions, and what each
 * hands a function. Every rule names its source; a rule taken from a user report rather than a
 * Microsoft page says so, and a guess is marked as one, always on the strict side (never more
 * forgiving than Excel).
 */
import { learnHostFromDiagnostics, resetHostBlanks } from "../../functions/hostBlanks";
import type { ExcelRun } from "../../functions/argumentCells";

export interface FunctionHostMode {
  /**
   * A blank cell of a reference: null on the web (office-js #4702) and on Windows/Mac builds with
   * the fix (the Microsoft reply in #4702); 0 on older Windows/Mac builds (#4702, #5262, #1951,
   * user reports); an Excel.EmptyCellValue ("empty-object") when data types are on is a guess.
   */
  blanks: "null" | "zero" | "empty-object";
  /**
   * Hands Excel.CellValue objects ({ type: "Double", basicValue }, { type: "Error", basicValue:
   * "#N/A", errorType: "NotAvailable" }...) instead of plain values, when functions.json sets
   * allowCustomDataForDataTypeAny (CustomFunctionsRuntime 1.4; "Use data types with custom
   * functions in Excel"). Whether Excel does so for every `any` argument is unconfirmed (issue
   * 21, item 1): the stand-in does it for every argument given, literals included (strict side).
   */
  cellValues: boolean;
  /** invocation.parameterAddresses: CustomFunctionsRuntime 1.3; absent on 1.1/1.2 hosts. */
  parameterAddresses: boolean;
  /** Office.context.diagnostics.platform ("Office.PlatformType"). */
  platform: "OfficeOnline" | "PC" | "Mac";
  /**
   * Arguments and results of a custom function are capped at 5 MB: "an existing platform
   * constraint", "by design" (office-js #4654, a Microsoft reply); a whole-column argument gives
   * #CALC! on the web while desktop takes it (#4613, a user report). The limit is applied on the
   * web only, as #4613 reports desktop passing A:A; the measure (JSON text length) and the
   * answer for a result over the limit (#CALC!) are guesses.
   */
  payloadLimit: boolean;
}

export const HOST_MODES = {
  web: { blanks: "null", cellValues: false, parameterAddresses: true, platform: "OfficeOnline", payloadLimit: true },
  desktop: { blanks: "zero", cellValues: false, parameterAddresses: true, platform: "PC", payloadLimit: false },
  "desktop-fixed": { blanks: "null", cellValues: false, parameterAddresses: true, platform: "PC", payloadLimit: false },
  "data-types": { blanks: "empty-object", cellValues: true, parameterAddresses: true, platform: "PC", payloadLimit: false },
  "data-types-zero": { blanks: "zero", cellValues: true, parameterAddresses: true, platform: "Mac", payloadLimit: false },
  "no-addresses": { blanks: "null", cellValues: false, parameterAddresses: false, platform: "PC", payloadLimit: false },
} satisfies Record<string, FunctionHostMode>;

export type HostModeName = keyof typeof HOST_MODES;

/**
 * A new session of the functions' runtime on this host: what the functions learnt about blanks
 * is forgotten, and Office.context.diagnostics says which platform this is, as the add-in's
 * runtime learns it once when Office is ready.
 */
export function startFunctionSession(mode: FunctionHostMode): void {
  resetHostBlanks();
  learnHostFromDiagnostics({ platform: mode.platform, version: "16.0.0.0" });
}

/** ErrorCellValueType by code (@types/office-js). */
const ERROR_TYPE_OF_CODE: Record<string, string> = {
  "#N/A": "NotAvailable",
  "#DIV/0!": "Div0",
  "#VALUE!": "Value",
  "#NUM!": "Num",
  "#NULL!": "Null",
  "#REF!": "Ref",
  "#NAME?": "Name",
  "#CALC!": "Calc",
  "#SPILL!": "Spill",
  "#BUSY!": "Busy",
};

/** One cell as a host with data types on hands it (@types/office-js Excel.CellValue). */
export function asCellValue(v: unknown): unknown {
  if (typeof v === "number") return { type: "Double", basicType: "Double", basicValue: v };
  if (typeof v === "string") return { type: "String", basicType: "String", basicValue: v };
  if (typeof v === "boolean") return { type: "Boolean", basicType: "Boolean", basicValue: v };
  if (typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string") {
    const code = (v as { code: string }).code;
    return { type: "Error", basicType: "Error", basicValue: code, errorType: ERROR_TYPE_OF_CODE[code] ?? "Value" };
  }
  return v;
}

/** A blank cell of a reference, as this host passes it (`dataTypes`: objects are handed, see cellValues). */
export function blankAsPassed(mode: FunctionHostMode, dataTypes: boolean): unknown {
  if (mode.blanks === "zero") return dataTypes ? asCellValue(0) : 0;
  if (mode.blanks === "empty-object" && dataTypes) return { type: "Empty", basicType: "Empty", basicValue: "" };
  return null;
}

/** The 5 MB of office-js #4654. */
export const FUNCTION_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Whether arguments or a result exceed the limit, measured as JSON text (a guess: see above). */
export function overPayloadLimit(mode: FunctionHostMode, value: unknown): boolean {
  if (!mode.payloadLimit) return false;
  return (JSON.stringify(value) ?? "").length > FUNCTION_PAYLOAD_LIMIT_BYTES;
}

/**
 * How Excel answers a function's own Excel.run during a recalculation:
 * - "normal": as any batch.
 * - "hang": never settles; users report #BUSY! that never clears when a custom function calls
 *   the API during a recalc (office-js #1395, #6150, #6841, #6930: user reports).
 * - "cell-edit": rejects with InvalidOperation, as batches do while the user edits a cell
 *   ("Delay execution while cell is being edited", learn.microsoft.com) and as the functions'
 *   reads are reported to during formula value preview (issue 21, item 9).
 * - "slow": settles after `slowMs` (a busy workbook; a guess at how long is the caller's).
 */
export type ArgumentReadMode = "normal" | "hang" | "cell-edit" | "slow";

export function argumentReads(run: ExcelRun, mode: ArgumentReadMode, slowMs = 500): ExcelRun {
  if (mode === "normal") return run;
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    if (mode === "hang") return new Promise<T>(() => undefined);
    if (mode === "cell-edit") {
      const error = Object.assign(new Error("The operation is not allowed while a cell is being edited."), { code: "InvalidOperation", name: "RichApi.Error" });
      return Promise.reject(error);
    }
    return new Promise<T>((resolve, reject) => setTimeout(() => run(batch).then(resolve, reject), slowMs));
  };
}
