/**
 * Excel's cell-edit mode: while the user types in a cell, Excel runs no add-in batch; a batch
 * fails, or waits when the add-in asked for it ("Excel.RunOptions: delayForCellEdit",
 * learn.microsoft.com). context.ts asks this before it runs a batch.
 */
export class CellEditMode {
  private editing: Promise<void> | null = null;
  private endEditing: (() => void) | null = null;

  get on(): boolean {
    return this.editing !== null;
  }

  /** The user starts (true) or ends (false) a cell edit. */
  set(on: boolean): void {
    if (on && !this.editing) this.editing = new Promise((done) => (this.endEditing = done));
    if (!on && this.editing) {
      this.endEditing?.();
      this.editing = null;
      this.endEditing = null;
    }
  }

  /** Resolves when the user leaves cell-edit mode. */
  ended(): Promise<void> {
    return this.editing ?? Promise.resolve();
  }
}
