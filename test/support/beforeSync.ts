/** A co-author acting between an operation's read and its write, in the in-memory Excel. */
import { WorkbookModel } from "../../src/workbench/excel/model";

/** Runs `act` once, right before the `n`-th sync from now (the operation's write, when n is its last). */
export function beforeSyncNumber(model: WorkbookModel, n: number, act: () => unknown): void {
  const start = model.syncCount;
  model.beforeSync = async () => {
    if (model.syncCount !== start + n) return;
    model.beforeSync = null;
    await act();
  };
}
