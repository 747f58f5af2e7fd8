/**
 * How this session's Excel passes a blank cell to a custom function, decided before any
 * recalculation needs it, so that the functions ask Excel nothing on their common path.
 *
 * What is known (office-js issue #4702 and the Microsoft reply in it, 2024-08-07):
 * - Excel on the web passes a blank cell of a reference as null.
 * - Excel on Windows and Mac passed it as 0 and, after a bug fix, pass it as null; there is "no
 *   clear way (like a new version of requirement set) to distinguish that because it was changed
 *   as a bug fix": "==null means the Excel is with the update", "==0 has 2 possibilities".
 *   So no build number in Office.context.diagnostics decides it, and neither does a
 *   requirement set.
 *
 * Hence the two facts used here, each final for the session:
 * 1. The platform in Office.context.diagnostics (read once, when Office is ready, outside any
 *    recalculation): "OfficeOnline" passes null.
 * 2. Evidence: once any call received null (or an Excel.EmptyCellValue) for a cell of a
 *    reference, this Excel has the fix, and every 0 it passes is a real 0.
 * Until either is known, a 0 that came from cells may stand for a blank, and only a look at the
 * cells can tell (argumentCells.ts, bounded by a timeout).
 */

export type BlankArrival = "null" | "null-or-zero";

export interface HostBlanks {
  arrival: BlankArrival;
  /** Why, for messages and tests. */
  reason: string;
}

const UNKNOWN: HostBlanks = { arrival: "null-or-zero", reason: "a desktop Excel that has not yet passed a blank cell" };

let known: HostBlanks | null = null;
let diagnosticsRead = false;

interface Diagnostics {
  platform?: string;
  version?: string;
}

/**
 * Records what Office.context.diagnostics says about this host. Called once per session outside
 * any recalculation (Office.onReady below); tests and the workbench call it with the host they
 * play.
 */
export function learnHostFromDiagnostics(diagnostics: Diagnostics | undefined): void {
  diagnosticsRead = true;
  if (known?.arrival === "null") return;
  if (diagnostics?.platform === "OfficeOnline") known = { arrival: "null", reason: "Excel on the web passes a blank cell as null (office-js #4702)" };
}

/** A call received null for a referenced cell: this Excel passes blanks as null (#4702). */
export function noteBlankPassedAsNull(): void {
  if (known?.arrival !== "null") known = { arrival: "null", reason: "this Excel passed a blank cell as null, so its zeros are real (office-js #4702)" };
}

/** How blanks arrive in this session, as far as is known now. */
export function hostBlanks(): HostBlanks {
  if (!diagnosticsRead) learnHostFromDiagnostics(officeDiagnostics());
  return known ?? UNKNOWN;
}

/** Forgets what was learnt: a new session (tests, and the workbench switching host). */
export function resetHostBlanks(): void {
  known = null;
  diagnosticsRead = false;
}

/**
 * Office.context.diagnostics when Office is initialised, else undefined. A property of the
 * context Office.js filled at initialisation ("Office.ContextInformation"): no request to Excel.
 */
function officeDiagnostics(): Diagnostics | undefined {
  try {
    const office = (globalThis as unknown as { Office?: { context?: { diagnostics?: Diagnostics } } }).Office;
    return office?.context?.diagnostics ?? undefined;
  } catch {
    return undefined;
  }
}

// In the add-in, learn the platform as soon as Office is ready, before any recalculation asks.
const office = (globalThis as unknown as { Office?: { onReady?: (f: () => void) => unknown } }).Office;
if (typeof office?.onReady === "function") {
  void Promise.resolve(office.onReady(() => learnHostFromDiagnostics(officeDiagnostics()))).catch(() => undefined);
}
