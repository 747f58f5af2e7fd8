/**
 * Excel.RequestContext for the stand-in ("Excel.RequestContext class" and "Excel JavaScript
 * object model in Office Add-ins", learn.microsoft.com): every call only queues an operation;
 * `context.sync()` runs the queue in order, once per round trip, and counts it; a failing
 * operation rejects the sync and the operations before it stay applied.
 */
import { ExcelApiError } from "./errors";
import type { WorkbookModel } from "./model";
import type { BatchContext, Op } from "./proxy";
import { FakeWorkbook } from "./workbook";

/**
 * Size limits of the Excel JavaScript API ("Resource limits and performance optimization for
 * Office Add-ins", learn.microsoft.com, Excel add-ins section):
 * - Excel on the web limits the payload of each request and each response to 5 MB and fails
 *   the call with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (the codes
 *   users report, e.g. speckle-excel issue #9; the limit is web-only: office-js-docs-pr #5333);
 * - the five-million-cell limit on reading a range is with the range (ranges.ts, GET_CELL_LIMIT).
 * The payload is measured as the JSON of the values sent or returned, which is how the web
 * host carries them.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export function payloadSize(v: unknown): number {
  return JSON.stringify(v ?? null).length;
}

/** Excel.RequestContext ("Excel.RequestContext class", learn.microsoft.com). */
export class FakeRequestContext implements BatchContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(
    readonly model: WorkbookModel,
    private readonly options: Excel.RunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /**
   * Cell-edit mode ("Excel.RunOptions": delayForCellEdit, and "Delay execution while cell is
   * being edited", learn.microsoft.com): while the user edits a cell, a batch "automatically
   * fails" with InvalidOperationInCellEditMode (OfficeExtension.ErrorCodes, @types/office-js
   * Excel.ErrorCodes); with delayForCellEdit: true it waits until editing ends. Nothing of the
   * batch is applied when it fails.
   */
  private async cellEditGate(): Promise<void> {
    if (!this.model.cellEditing) return;
    if (!this.options.delayForCellEdit) {
      throw new ExcelApiError(
        "InvalidOperationInCellEditMode",
        "The operation is not available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by clicking another cell, and then try again.",
      );
    }
    await this.model.cellEditEnded();
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  sending(v: unknown): void {
    if (this.model.host === "web") this.requestBytes += payloadSize(v);
  }

  returning(v: unknown): void {
    if (this.model.host === "web") this.responseBytes += payloadSize(v);
  }

  async sync(): Promise<void> {
    this.model.syncCount++;
    // A test's co-author or second pane may act here, between this batch's queuing and its run
    // (on Excel on the web a round trip takes long enough for a co-author's change to land).
    const between = this.model.beforeSync?.();
    if (between) await between;
    const ops = this.queue;
    const sent = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    // A round trip: nothing runs until the caller yields.
    await Promise.resolve();
    await this.cellEditGate();
    if (sent > PAYLOAD_LIMIT_BYTES) {
      throw new ExcelApiError(
        "RequestPayloadSizeLimitExceeded",
        'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
      );
    }
    try {
      for (const op of ops) op();
    } finally {
      // The answer's way back: on Excel on the web each sync is a network round trip ("Performance optimization
      // using the Excel JavaScript API", learn.microsoft.com), so the workbench's ?latency=task gives it a task of its own.
      // Only a hook: nothing here makes the stand-in answer differently.
      const back = this.model.afterSync?.();
      if (back) await back;
    }
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new ExcelApiError(
        "ResponsePayloadSizeLimitExceeded",
        "The size of the payload exceeded the limit. Read the documentation: https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.",
      );
    }
  }
}

/** Excel.run as the stand-in offers it: Excel.run(batch) or Excel.run(options, batch). */
export interface StandInRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Runs a batch the way Excel.run does, against the model. */
export function runWith(model: WorkbookModel): StandInRun {
  return (async <T>(a: Excel.RunOptions | ((c: Excel.RequestContext) => Promise<T>), b?: (c: Excel.RequestContext) => Promise<T>) => {
    const [options, batch] = typeof a === "function" ? [{}, a] : [a, b!];
    return batch(new FakeRequestContext(model, options) as unknown as Excel.RequestContext);
  }) as StandInRun;
}
