/**
 * All-or-nothing writes. Excel runs a batch's operations in order and, when one fails, keeps
 * those before it ("Excel JavaScript object model": a failed sync leaves earlier operations
 * applied). So each write operation records, while it queues its writes, how to undo each one;
 * when the sync fails, the journal undoes in reverse order, in a batch of its own, whatever of
 * it Excel had applied. Each undo step looks before it acts (OrNullObject), so a step Excel never
 * ran is skipped.
 */
import { ExcelRun } from "./excelRun";
import { KpiWorkbookError } from "./errors";

export type Undo = (ctx: Excel.RequestContext) => Promise<void>;

export class Journal {
  private readonly steps: { what: string; undo: Undo }[] = [];

  record(what: string, undo: Undo): void {
    this.steps.push({ what, undo });
  }

  /** Undoes everything recorded; returns what could not be undone. */
  async rollBack(run: ExcelRun): Promise<string[]> {
    const failed: string[] = [];
    for (const step of [...this.steps].reverse()) {
      try {
        await run(async (ctx) => {
          await step.undo(ctx);
          await ctx.sync();
        });
      } catch {
        failed.push(step.what);
      }
    }
    return failed;
  }
}

/** Runs the writes `journal` recorded; on failure rolls them back and says what Excel refused. */
export async function commit(ctx: Excel.RequestContext, journal: Journal, run: ExcelRun, action: string): Promise<void> {
  try {
    await ctx.sync();
  } catch (e) {
    const refused = e instanceof Error ? e.message : String(e);
    const left = await journal.rollBack(run);
    const undone = left.length === 0 ? "Nothing was changed." : `KPI Lens could not undo: ${left.join("; ")}. Check those by hand.`;
    throw new KpiWorkbookError(`Excel refused to ${action}: ${refused} ${undone}`);
  }
}
