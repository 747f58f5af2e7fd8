/**
 * Change and selection events. A handler is removed in the request context it was added in,
 * inside Excel.run(handler.context, …) as Excel requires ("Work with events using the Excel
 * JavaScript API", learn.microsoft.com: "remove the event handler ... using the same
 * RequestContext"); a failure to remove is reported, not lost.
 */
import { ExcelRun } from "./excelRun";

export type RunIn = <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run(context, batch) where Office provides it; the batch on that context otherwise. */
export const runInContext: RunIn = (context, batch) => {
  const excel = (globalThis as unknown as { Excel?: { run?: (c: unknown, b: unknown) => Promise<unknown> } }).Excel;
  return excel?.run ? (excel.run(context, batch) as ReturnType<typeof batch>) : batch(context);
};

export function subscribe(
  run: ExcelRun,
  add: (context: Excel.RequestContext) => OfficeExtension.EventHandlerResult<unknown>,
  runIn: RunIn = runInContext,
  onRemoveFailed: (e: unknown) => void = (e) => console.warn("KPI Lens could not remove an Excel event handler:", e),
): Promise<() => void> {
  return run(async (context) => {
    const handler = add(context);
    await context.sync();
    return () => {
      runIn(handler.context as Excel.RequestContext, async (context) => {
        handler.remove();
        await context.sync();
      }).catch(onRemoveFailed);
    };
  });
}

/**
 * A worksheet change handler for the changes of others: this pane's own writes are left out, as
 * their result is read in their own batch (readMemory.ts). triggerSource is ExcelApi 1.14
 * ("Excel.WorksheetChangedEventArgs: triggerSource", learn.microsoft.com); an older host leaves it
 * out, and every change counts.
 */
export function othersChanges(listener: () => void): (e: Excel.WorksheetChangedEventArgs) => Promise<void> {
  return async (e) => {
    if (e.triggerSource !== "ThisLocalAddin") listener();
  };
}
