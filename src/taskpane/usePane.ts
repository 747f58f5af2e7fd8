/**
 * The pane's state: the register, every KPI's values, the current selection, what is running
 * and what went wrong. All reads and writes go through the KpiWorkbook interface.
 */
import { keepUnchangedEntries, keepUnchangedItems } from "./keepUnchanged";
import { Dispatch, SetStateAction, startTransition, useCallback, useEffect, useRef, useState } from "react";
import { FormulaConflictError, KpiSeries, KpiWorkbook, KpiWorkbookError, RegisterState, Selection } from "../workbook/kpiWorkbook";
import { ShownRead, useSlicedPortfolio } from "./useSlicedPortfolio";

export interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: string;
  /** A follow-up the user can take from the message (Undo, Replace my formula). */
  action?: { label: string; run: () => void };
}

export interface ActOptions<T> {
  /** The message after success, from what the change returned. */
  done?: string | ((result: T) => Notice);
  /** When the change would replace the user's formulas: run it again with their consent. */
  replaceFormulas?: () => void;
  /** When the workbook names the form field at fault: show the message there too. */
  fieldError?: (field: string, message: string) => void;
}

export interface PaneState {
  register: RegisterState | null;
  series: Record<string, KpiSeries>;
  selection: Selection | null;
  /** What is running, for the progress indicator; null when idle. */
  busy: string | null;
  notice: Notice | null;
  dismiss(): void;
  /** Shows a message that no workbook action caused (a copy to the clipboard). */
  say(notice: Notice): void;
  refresh(): Promise<void>;
  /** Runs a change with progress and a message; refreshes after it. Returns whether it worked. */
  act<T>(label: string, change: () => Promise<T>, options?: string | ActOptions<T>): Promise<boolean>;
}

/** Turns what Excel or the workbook layer threw into a sentence for the user. */
export function describeError(e: unknown): string {
  if (e instanceof KpiWorkbookError) return e.message;
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  // A batch refused while the user types in a cell (hosts below ExcelApi 1.11 cannot wait for it).
  if (code === "InvalidOperationInCellEditMode")
    return "Excel is busy with the cell you are editing: press Enter or Esc to finish it, then try again. Nothing was changed.";
  if (code === "AccessDenied") return `Excel refused the change: ${message} Unprotect the sheet and try again.`;
  if (code === "ItemNotFound") return `Something KPI Lens needs is gone from the workbook: ${message} Refresh, then try again.`;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
    return `Excel refused to move that much at once (Excel on the web carries at most 5 MB a request, and any Excel reads at most five million cells): ${message} Select fewer cells, or a KPI of fewer periods.`;
  }
  if (code === "InvalidArgument")
    return `Excel refused a name or an address KPI Lens wrote: ${message} Nothing was changed; rename the sheet or table column if it holds unusual characters, then try again.`;
  return `Excel reported a problem: ${message}`;
}

/**
 * Reads the register and every KPI's values; one refresh at a time, and a change during it asks
 * for one more, so no update is lost.
 */
function useRefresh(
  workbook: KpiWorkbook,
  onRead: (result: Awaited<ReturnType<KpiWorkbook["refresh"]>>) => void,
  onError: (e: unknown) => void,
): () => Promise<void> {
  const refreshing = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  return useCallback(async () => {
    if (refreshing.current) {
      again.current = true;
      return refreshing.current;
    }
    const run = (async () => {
      do {
        again.current = false;
        try {
          onRead(await workbook.refresh());
        } catch (e) {
          onError(e);
        }
      } while (again.current);
    })();
    refreshing.current = run;
    try {
      await run;
    } finally {
      refreshing.current = null;
    }
    // onRead and onError only set state: the refresh changes with the workbook alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook]);
}

/** The pane's state with the portfolio of the read it shows (useSlicedPortfolio.ts). */
export type ShownPane = PaneState & Pick<ShownRead, "portfolio"> & { reading: boolean };

export function usePane(workbook: KpiWorkbook): ShownPane {
  const { shown, show, reading } = useSlicedPortfolio();
  const lastRead = useRef<{ register: RegisterState; series: Record<string, KpiSeries> } | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const refresh = useRefresh(
    workbook,
    (result) => {
      // An unchanged KPI keeps its objects, so its card does not render again (keepUnchanged.ts).
      const before = lastRead.current;
      const register = { ...result.register, kpis: keepUnchangedItems(before?.register.kpis, result.register.kpis, (k) => k.id) };
      const series = keepUnchangedEntries(before?.series, Object.fromEntries(result.series.map((s) => [s.id, s])));
      lastRead.current = { register, series };
      show(register, series);
    },
    (e) => setNotice({ intent: "error", text: describeError(e) }),
  );

  const readSelection = useCallback(async () => {
    try {
      const read = await workbook.readSelection();
      // What the form says of the selection follows Excel's; like a read, it is no reason to hold up typing.
      startTransition(() => setSelection(read));
    } catch {
      setSelection(null);
    }
  }, [workbook]);

  useWorkbookEvents(workbook, refresh, readSelection, setBusy, setNotice);
  const act = useAct(refresh, setBusy, setNotice);

  return {
    register: shown.register,
    series: shown.series,
    portfolio: shown.portfolio,
    reading,
    selection,
    busy,
    notice,
    dismiss: () => setNotice(null),
    say: setNotice,
    refresh,
    act,
  };
}

type SetBusy = Dispatch<SetStateAction<string | null>>;
type SetNotice = Dispatch<SetStateAction<Notice | null>>;

/**
 * The first read (the register and the selection), then a refresh after the workbook changes
 * (debounced: a paste fires many changes) and a read of the selection when it moves.
 */
function useWorkbookEvents(
  workbook: KpiWorkbook,
  refresh: () => Promise<void>,
  readSelection: () => Promise<void>,
  setBusy: SetBusy,
  setNotice: SetNotice,
): void {
  useEffect(() => {
    let alive = true;
    const offs: (() => void)[] = [];
    setBusy("Reading the workbook…");
    void Promise.all([refresh(), readSelection()]).finally(() => alive && setBusy(null));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = (off: () => void) => (alive ? offs.push(off) : off());
    const unavailable = () => setNotice({ intent: "warning", text: "KPI Lens cannot follow changes in this workbook: press Refresh after editing values." });
    workbook
      .onChange(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(), 150);
      })
      .then(keep, unavailable);
    workbook.onSelectionChange(() => void readSelection()).then(keep, unavailable);
    return () => {
      alive = false;
      clearTimeout(timer);
      offs.forEach((off) => off());
    };
  }, [workbook, refresh, readSelection, setBusy, setNotice]);
}

/** Runs a change with progress and a message; refreshes after it, whether it worked or not. */
function useAct(refresh: () => Promise<void>, setBusy: SetBusy, setNotice: SetNotice): PaneState["act"] {
  return useCallback(
    async <T>(label: string, change: () => Promise<T>, options: string | ActOptions<T> = {}) => {
      const { done, replaceFormulas, fieldError } =
        typeof options === "string" ? { done: options, replaceFormulas: undefined, fieldError: undefined } : options;
      setBusy(label);
      setNotice(null);
      try {
        const result = await change();
        if (typeof done === "function") setNotice(done(result));
        else if (done) setNotice({ intent: "success", text: done });
        return true;
      } catch (e) {
        const conflict = e instanceof FormulaConflictError && replaceFormulas;
        if (e instanceof KpiWorkbookError && e.field && fieldError) fieldError(e.field, e.message);
        setNotice({ intent: "error", text: describeError(e), action: conflict ? { label: "Replace my formula", run: replaceFormulas } : undefined });
        return false;
      } finally {
        await refresh();
        setBusy(null);
      }
    },
    [refresh, setBusy, setNotice],
  );
}
