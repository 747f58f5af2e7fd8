/**
 * The one write path of the workbook layer, applied the way a database applies a transaction
 * (HyperFormula's UndoRedo entries are the model: each change is a step whose apply and undo are
 * written once).
 *
 * An operation reads what it needs first, then builds a Plan of steps. `commit` queues, in ONE
 * batch, every step's guard (loads of the key cells and the prior values of what the step will
 * overwrite), then every write, then the finishing renames, and syncs once. Office.js runs a
 * batch's operations in order ("Excel JavaScript object model in Office Add-ins": the queue runs
 * on sync), so the guards see exactly the state the writes replace.
 *
 * After the sync each step checks its guard against what the operation read. A key that moved or
 * a prior value that differs means someone changed the workbook between the read and the write (a
 * co-author, a second pane, the user sorting or typing): the operation puts back exactly what it
 * overwrote, using the prior values the guards loaded, and nothing else, and reports a
 * ConcurrentChange so the caller can read again and retry once. When Excel refuses the batch
 * (a failed sync keeps the operations before the failing one applied, and returns no loads), each
 * step undoes what it may have applied, touching only what still holds what it wrote and only what
 * it created (recognised by identity: a unique temporary name, a formula it wrote), never a thing
 * by its name alone.
 *
 * The batch may also carry, after every write, the loads of what the pane shows next (`send`,
 * paneRead.ts): they read the workbook as the writes left it, so no refresh round trip follows.
 * They are never read when a guard failed or Excel refused; and as they come after the writes,
 * one that fails (a sheet removed meanwhile) fails the batch like any refusal: everything is put
 * back, and an ItemNotFound is a concurrent change, read again and retried.
 */
import { ExcelRun } from "./excelRun";
import { KpiWorkbookError } from "./errors";
import { SharedBatch, SharedBatchRefused } from "./sharedBatch";

export interface Step {
  /** What the step changes, for messages: "the Owner of REVENUE". */
  readonly what: string;
  /** The table the step makes, if it makes one (the next read can then address it directly). */
  readonly creates?: string;
  /**
   * Makes what the step creates (a sheet and table of the add-in's), in round trips of its own
   * before the write batch, so that a refusal (the name was taken by someone who made it first) is
   * known to be this step's and nothing else of the operation has been applied yet.
   */
  prepare?(context: Excel.RequestContext): Promise<void>;
  /**
   * The prepare can share its round trip with the other steps' (sharedBatch.ts): it finds what it
   * made after a refusal that came after it (steps/tables.ts, by its marker).
   */
  readonly sharesPrepare?: boolean;
  /** Queues the loads that guard the write: keys and prior values. Runs before any write of the batch. */
  guard?(context: Excel.RequestContext): void;
  /** Queues the writes. */
  apply(context: Excel.RequestContext): void;
  /** Queues what must come after every write (renaming a sheet or table from its temporary name). */
  finish?(context: Excel.RequestContext): void;
  /** Queues the batch's very last writes, which cannot be refused (a name's final comment). */
  last?(context: Excel.RequestContext): void;
  /** After a successful sync: null when the workbook was as the operation read it, else what changed. */
  check?(): string | null;
  /**
   * Puts back what the step did. `applied` says the batch synced (the guards' loads are there);
   * otherwise the step may or may not have run. The undo may sync as often as it needs.
   */
  undo(context: Excel.RequestContext, applied: boolean): Promise<void>;
}

/** Someone changed the workbook between the operation's read and its write; nothing of ours is left. */
export class ConcurrentChange extends KpiWorkbookError {
  constructor(
    readonly action: string,
    readonly changes: string[],
  ) {
    super(`${changes.join(" ")} Nothing was changed by KPI Lens: try again.`);
    this.name = "ConcurrentChange";
  }
}

/** The steps of one operation, in the order they are applied. */
export class Plan {
  readonly steps: Step[] = [];

  add(...steps: (Step | null | undefined)[]): void {
    for (const s of steps) if (s) this.steps.push(s);
  }

  get empty(): boolean {
    return this.steps.length === 0;
  }
}

/** Undoes the steps, newest first, each in batches of its own; returns what could not be undone. */
export async function rollBack(run: ExcelRun, steps: readonly Step[], applied: boolean): Promise<string[]> {
  const failed: string[] = [];
  for (const step of [...steps].reverse()) {
    try {
      await run(async (context) => {
        await step.undo(context, applied);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a refused step's undo runs alone, newest first, so one failing undo cannot stop the others
        await context.sync();
      });
    } catch {
      failed.push(step.what);
    }
  }
  return failed;
}

/**
 * Applies the plan in one batch on `context` (which may hold the operation's earlier reads, already
 * synced). Throws ConcurrentChange when a guard failed, a KpiWorkbookError when Excel refused.
 * `send` makes the batch's round trip (by default context.sync(); a SharedBatch's send when loads
 * ride with the writes).
 */
export async function commit(
  context: Excel.RequestContext,
  plan: Plan,
  run: ExcelRun,
  action: string,
  send: () => Promise<void> = () => context.sync(),
): Promise<void> {
  if (plan.empty) return;
  await prepareAll(context, plan, run, action);
  for (const s of plan.steps) s.guard?.(context);
  for (const s of plan.steps) s.apply(context);
  for (const s of plan.steps) s.finish?.(context);
  for (const s of plan.steps) s.last?.(context);
  try {
    await send();
  } catch (e) {
    const refused = e instanceof Error ? e.message : String(e);
    const left = await rollBack(run, plan.steps, false);
    // Something the operation read is gone at write time (a second pane removed the same colours,
    // a co-author deleted a row): a concurrent change, worth one more try from a fresh read.
    if (left.length === 0 && (e as { code?: string }).code === "ItemNotFound")
      throw new ConcurrentChange(action, [`Something KPI Lens read was removed meanwhile (${refused.replace(/\.$/, "")}).`]);
    const undone = left.length === 0 ? "Nothing was changed." : `KPI Lens could not undo: ${left.join("; ")}. Check those by hand.`;
    throw new KpiWorkbookError(`Excel refused to ${action}: ${refused} ${undone}`);
  }
  const changed = plan.steps.map((s) => s.check?.() ?? null).filter((c): c is string => c !== null);
  if (changed.length === 0) return;
  const left = await rollBack(run, plan.steps, true);
  if (left.length > 0) {
    throw new KpiWorkbookError(`${changed.join(" ")} KPI Lens could not put back: ${left.join("; ")}. Check those by hand.`);
  }
  throw new ConcurrentChange(action, changed);
}

/**
 * Runs the steps' prepares: those that share (sharesPrepare) in one round trip together, the
 * others one by one. When one is refused, each undoes what it made and nothing else is applied.
 */
async function prepareAll(context: Excel.RequestContext, plan: Plan, run: ExcelRun, action: string): Promise<void> {
  const preparing = plan.steps.filter((x) => x.prepare);
  const shared = preparing.filter((x) => x.sharesPrepare);
  const prepared: Step[] = [];
  const refuse = async (e: unknown): Promise<never> => {
    const left = await rollBack(run, prepared, true);
    const cause = e instanceof SharedBatchRefused ? e.cause : e;
    const refused = cause instanceof Error ? cause.message : String(cause);
    const undone = left.length === 0 ? "Nothing was changed." : `KPI Lens could not undo: ${left.join("; ")}. Check those by hand.`;
    throw new KpiWorkbookError(`Excel refused to ${action}: ${refused} ${undone}`);
  };
  if (shared.length > 1) {
    const batch = new SharedBatch(context, run);
    // Each prepare, refused, undoes what it made (its own round trips) before its promise settles.
    const made = shared.map((s) =>
      s.prepare!(batch.context).then(
        () => null,
        (e: unknown) => ({ e }),
      ),
    );
    await batch.send().catch(() => undefined);
    const failed = (await Promise.all(made)).find((r) => r !== null);
    if (failed) await refuse(failed.e);
    prepared.push(...shared);
  }
  for (const s of preparing.filter((x) => !prepared.includes(x))) {
    try {
      await s.prepare!(context);
      prepared.push(s);
    } catch (e) {
      await refuse(e);
    }
  }
}

/**
 * Runs `attempt` (read, plan, commit) and, when it met a concurrent change, once more on a fresh
 * read: a sort or a co-author's edit usually settles within a round trip. A second collision is
 * reported with what changed.
 */
export async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (e) {
    if (!(e instanceof ConcurrentChange)) throw e;
    return attempt();
  }
}

/** A short unique token for the temporary names of what an operation creates. */
export function operationToken(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Whether two cell contents (formulas as Excel returns them) are the same. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === "" || b === null || b === undefined;
  if (b === null || b === undefined) return a === "";
  if (typeof a === "number" && typeof b === "string") return b.trim() !== "" && Number(b) === a;
  if (typeof b === "number" && typeof a === "string") return a.trim() !== "" && Number(a) === b;
  return String(a) === String(b);
}
