/**
 * What one pane remembers of the workbook between its operations, so that each reads in as few
 * round trips as it can (issue 25: on Excel on the web every round trip crosses the network):
 * - the add-in's tables the last read found: the next read addresses them directly
 *   (registerRead.ts, one round trip);
 * - the pane's read a write made in its own batch (paneRead.ts): the refresh that follows the
 *   write uses it instead of reading again, once, while a change listener is on (onChange) and
 *   no change by anyone else has come since; without a listener a change would go unseen, so
 *   the refresh reads.
 * None of it is trusted for a write: every write reads the register again and its steps guard
 * what they read (writeEngine.ts).
 */
import { KpiDefinition } from "../core/model/kpi";
import { ExcelRun } from "./excelRun";
import { expectedOf, PaneRead, queuePaneRead, readPane, SeriesReader } from "./paneRead";
import { KnownTables, knownTablesOf, readRegisterIn, RegisterRead } from "./registerRead";
import { SharedBatch } from "./sharedBatch";
import { commit, Plan } from "./writeEngine";

/** A read made beside the register's: on `context` (a reader of its own syncs), or through `run` (an Excel.run whose first batch rides too). */
export type EarlyRead<E> = (context: Excel.RequestContext, run: ExcelRun) => Promise<E>;

export class ReadMemory {
  private known: KnownTables = new Set();
  /** The last register read: where each KPI was, for a write outside the engine (writeAlone). */
  private last: RegisterRead | null = null;
  private ready: PaneRead | null = null;
  /** The register as the last write's batch read it, while no change has come since: for a write right after it (takeFresh). */
  private fresh: RegisterRead | null = null;
  /** How many change listeners this pane has: without one, a change by anyone else would go unseen. */
  private listeners = 0;

  constructor(
    private readonly excel: ExcelRun,
    private readonly readRest: SeriesReader,
  ) {}

  /** Reads the register on `context` (one round trip once its tables are known). */
  async read(context: Excel.RequestContext): Promise<RegisterRead> {
    this.fresh = null;
    const read = await readRegisterIn(context, this.known);
    this.remember(read);
    return read;
  }

  /** The last register read, if any: where each KPI was (a guess for a read made beside the next one). */
  get lastRead(): RegisterRead | null {
    return this.last;
  }

  /**
   * The register as this pane's last write left it (read in that write's batch), once, while a
   * change listener is on and no change by anyone else has come since: a write that follows at
   * once (the Review mode's date after its note) need not read it again. Safe as any read is: the
   * write's steps guard what they replace, and a change meanwhile is caught and read again.
   */
  takeFresh(): RegisterRead | null {
    const fresh = this.fresh;
    this.fresh = null;
    return fresh;
  }

  /**
   * Reads the register on `context` with `early` (a reader that needs nothing of the register,
   * such as the cells a tag tags) in the same round trip (sharedBatch.ts). When that round trip
   * fails, the register is read, then `early` runs alone, so each reports its own error. The
   * early read is given as a promise already handled, for the caller to await after its checks of
   * the register (their errors come first, as when the reads were one after the other).
   */
  async readAlongside<E>(context: Excel.RequestContext, early: EarlyRead<E>): Promise<{ read: RegisterRead; early: Promise<E> }> {
    const batch = new SharedBatch(context, this.excel);
    const registerRead = this.read(batch.context);
    const earlyRead = early(batch.context, batch.run);
    earlyRead.catch(() => undefined);
    try {
      await batch.send();
    } catch {
      await registerRead.catch(() => undefined);
      const read = await this.read(context);
      const alone = early(context, this.excel);
      alone.catch(() => undefined);
      return { read, early: alone };
    }
    return { read: await registerRead, early: earlyRead };
  }

  private remember(read: RegisterRead): void {
    this.known = knownTablesOf(read);
    this.last = read;
  }

  /**
   * A change listener is on (onChange): from now on a change by anyone else is seen, so a write's
   * own read can stand for the workbook until one comes. Returns the call that says it is off.
   */
  listening(): () => void {
    this.listeners++;
    let on = true;
    return () => {
      if (on) this.listeners--;
      on = false;
      this.changed();
    };
  }

  /** Someone else changed the workbook (a change event not of this pane's making): the last write's read no longer shows it. */
  changed(): void {
    this.ready = null;
    this.fresh = null;
  }

  /**
   * Commits `plan` (writeEngine.ts) with, in the same batch and after every write, the loads of
   * the pane's read as the plan leaves the workbook: what the operation's `read` found, less or
   * plus the KPI of `change`. The refresh after it uses that read. A batch refused or undone
   * leaves none.
   */
  async commit(
    context: Excel.RequestContext,
    plan: Plan,
    action: string,
    read: RegisterRead,
    change?: readonly [KpiDefinition | null, KpiDefinition | null],
  ): Promise<void> {
    this.changed();
    const created = plan.steps.flatMap((s) => (s.creates ? [s.creates] : []));
    const known = new Set([...knownTablesOf(read), ...created]);
    const batch = new SharedBatch(context, this.excel);
    // Queued when the batch is sent, so after every write of it (an empty plan sends nothing).
    const ride: { after?: Promise<{ read: RegisterRead; pane: PaneRead }> } = {};
    const send = () => {
      ride.after = queuePaneRead(batch, this.excel, this.readRest, known, expectedOf(read, change));
      return batch.send();
    };
    try {
      // Nothing to write (a review marked twice the same day): the round trip carries the read alone.
      await (plan.empty ? send() : commit(context, plan, this.excel, action, send));
    } catch (e) {
      await ride.after?.catch(() => undefined);
      // A read alone that fails leaves the refresh to read: nothing was written, nothing is refused.
      if (plan.empty) return;
      throw e;
    }
    this.known = known;
    try {
      const got = await ride.after;
      if (!got) return;
      this.remember(got.read);
      if (this.listeners > 0) [this.ready, this.fresh] = [got.pane, got.read];
    } catch {
      /* the refresh reads it again */
    }
  }

  /** The pane's read: the last write's, once, if nothing changed since; else read afresh (paneRead.ts readPane). */
  async refresh(): Promise<PaneRead> {
    const ready = this.ready;
    this.ready = null;
    if (ready) return ready;
    const { read, pane } = await readPane(this.excel, this.readRest, this.known);
    this.remember(read);
    return pane;
  }

  /**
   * A write outside the write engine (a formula into a cell the same operation found empty):
   * `queue` queues it on `context`, and the pane's read rides after it, as commit's does, from the
   * last register read. When that batch fails, the write is queued again alone, so what Excel
   * refuses of the write itself is what is reported (a write of the same formula twice is one).
   */
  async writeAlone(context: Excel.RequestContext, queue: () => void): Promise<void> {
    this.changed();
    const last = this.last;
    queue();
    if (!last || this.listeners === 0) return context.sync();
    const batch = new SharedBatch(context, this.excel);
    const after = queuePaneRead(batch, this.excel, this.readRest, this.known, expectedOf(last));
    try {
      await batch.send();
    } catch {
      await after.catch(() => undefined);
      queue();
      return context.sync();
    }
    try {
      const got = await after;
      this.remember(got.read);
      [this.ready, this.fresh] = [got.pane, got.read];
    } catch {
      /* the refresh reads it again */
    }
  }
}
