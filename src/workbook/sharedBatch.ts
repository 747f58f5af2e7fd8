/**
 * One round trip for several readers. On Excel on the web every context.sync() crosses the
 * network, and a batch's operations run in the order they were queued ("Excel JavaScript object
 * model in Office Add-ins" and "Resource limits and performance optimization for Office
 * Add-ins", learn.microsoft.com: batch reads and writes, sync as little as possible). A reader
 * written as read…In(context) queues its loads, then awaits context.sync(); given a SharedBatch's
 * `context`, that sync joins the batch's instead of making one of its own. So readers started
 * before `send` (and whatever the owner queued, such as an operation's writes) all go in one
 * round trip, and each reader goes on after it as if it had synced alone. A sync a reader makes
 * after the send is its own round trip.
 *
 * When the shared round trip fails (Excel refused an operation of it), every reader waiting on it
 * is rejected with SharedBatchRefused, which carries no Excel error code, so no reader mistakes
 * it for its own (registerRead.ts reads again on ItemNotFound): the owner decides what follows.
 */
import { ExcelRun } from "./excelRun";

export class SharedBatchRefused extends Error {
  constructor(readonly cause: unknown) {
    super(`The shared round trip was refused: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "SharedBatchRefused";
  }
}

export class SharedBatch {
  private sent = false;
  private riders: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  /** The context readers are given: its workbook is the owner's, its sync joins the shared one. */
  readonly context: Excel.RequestContext;
  /** An Excel.run whose batches, until the send, are queued on the shared round trip; afterwards each runs alone. */
  readonly run: ExcelRun;

  constructor(
    private readonly owner: Excel.RequestContext,
    excel: ExcelRun,
  ) {
    const join = () => this.join();
    // Only workbook and sync: all a reader of this layer uses of its context.
    this.context = {
      get workbook() {
        return owner.workbook;
      },
      sync: join,
    } as unknown as Excel.RequestContext;
    this.run = (batch) => (this.sent ? excel(batch) : batch(this.context));
  }

  private join(): Promise<void> {
    if (this.sent) return this.owner.sync();
    return new Promise((resolve, reject) => this.riders.push({ resolve, reject }));
  }

  /** Makes the shared round trip; then the readers waiting on it go on. Rejects as Excel does. */
  async send(): Promise<void> {
    this.sent = true;
    const riders = this.riders.splice(0);
    try {
      await this.owner.sync();
    } catch (e) {
      for (const r of riders) r.reject(new SharedBatchRefused(e));
      throw e;
    }
    for (const r of riders) r.resolve();
  }
}

/**
 * Sends the batch; when it fails, waits for `rider` (a reader on it, rejected now) to settle before
 * rethrowing, so no rejection is left unhandled and no reader outlives its context.
 */
export async function sendWith(batch: SharedBatch, rider: Promise<unknown>): Promise<void> {
  try {
    await batch.send();
  } catch (e) {
    await rider.catch(() => undefined);
    throw e;
  }
}
