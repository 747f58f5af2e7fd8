/**
 * The workbook interface the pane uses (kpiWorkbookApi.ts), implemented over the Excel API. Each
 * Excel concern lives in a module of its own: registerRead (reading the register and finding
 * leftovers), registerRow (its rows), ownFormats (our conditional formats), series (values within
 * Excel's limits), selection, events, edit (a KPI's save), notesAndActionsWrite, untag and orphans;
 * every write goes through writeEngine.ts.
 *
 * An operation reads, plans its steps, and commits them in one guarded batch (writeEngine.ts): a
 * co-author's change between the read and the write is caught, undone exactly and retried once.
 * Round trips (npm run bench -- --only round-trips counts every pane action; issue 25: at most 4):
 *   read the register   1 sync once its tables are known (2 the first time), with what an action reads beside it
 *   refresh every KPI   2 syncs; none after this pane's own write, whose batch read it (readMemory.ts)
 *   a write             the read, one round trip for the tables it makes, and one write batch
 */
import { KpiDefinition } from "../core/model/kpi";
import { parseAddress, qualified } from "../core/excel/a1";
import { handBack } from "../core/analysis/slicing";
import { KpiWorkbookError } from "./errors";
import { ExcelRun } from "./excelRun";
import { rangeAt } from "./ownFormats";
import { findKpi, nameOf, RegisterRead, RegisterState } from "./registerRead";
import { registerUpdateStep, RowWriteOptions } from "./registerRow";
import { readTargetValuesIn } from "./targetRange";
import { operationToken, Plan, withRetry } from "./writeEngine";
import { EarlyRead, ReadMemory } from "./readMemory";
import { predictFrom } from "./paneRead";
import { KpiSeries } from "./series";
import { readSelectedAddressIn, readSelectionIn, Selection, SELECTION_VALUE_CELLS } from "./selection";
import { planTag, readTagTargetIn, TagTarget } from "./tagTarget";
import { othersChanges, subscribe } from "./events";
import { changes, HistoryEntry, historySteps, readHistoryIn } from "./history";
import { chooseId, checkId } from "./ids";
import { CheckIn } from "../core/model/checkins";
import { Action, Firing } from "../core/model/actions";
import { findPrevious, scorecardStep, ScorecardResult } from "./scorecard";
import { buildDataOf } from "./scorecardCharts";
import type { ScorecardView } from "../core/excel/scorecardReported";
import { cellOfPeriod, PeriodCloseResult, planClose, planReopen } from "./periodClose";
import { readCellMarkIn } from "./steps/cellMarks";
import { CheckInInput, planActionStatus, planCheckIn, planOpenActions } from "./notesAndActionsWrite";
import { ReportedEntry } from "../core/model/reported";

export { KpiWorkbookError, FormulaConflictError } from "./errors";
export { nameOf } from "./registerRead";
export type { RegisterState, Orphan } from "./registerRead";
export type { KpiSeries } from "./series";
export type { Selection } from "./selection";
export type { RowWriteOptions } from "./registerRow";
export type { ExcelRun } from "./excelRun";
export type { HistoryEntry } from "./history";
export type { ScorecardResult } from "./scorecard";
export type { PeriodCloseResult } from "./periodClose";
export type { KpiInput, KpiWorkbook, UntagReceipt } from "./kpiWorkbookApi";
import type { KpiInput, KpiWorkbook, UntagReceipt } from "./kpiWorkbookApi";
import { assertWritable, queueRangeChecks } from "./kpiChecks";
import { planOrphanRecovery, planOrphanRemoval } from "./orphans";
import { planUndoUntag, planUntag } from "./untag";
import { planExtend } from "./extend";
import { EditOptions, planEdit } from "./edit";
import { BlockTagRead, isSegmentTag, planSegmentTag, readBlockTagIn } from "./segmentsTag";
import { segmentLayoutOf } from "../core/model/segments";
import { readAllSeriesShared, readSeriesOf } from "./segmentsRead";

interface WriteOptions<E> {
  /** A register that is read-only may still be written (its leftovers removed). */
  readOnlyOk?: boolean;
  /** A read that needs nothing of the register, made in the register read's round trip (readMemory.ts readAlongside). */
  early?: EarlyRead<E>;
  /** Right after this pane's last write: the register as that write's batch read it, no read of its own (readMemory.ts takeFresh). */
  afterLastWrite?: boolean;
}

type WriteBody<T, E = undefined> = (
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  token: string,
  /** The write's early read (options.early), read with the register: awaited after the body's own checks of the register. */
  early: Promise<E>,
) => Promise<{ result: T; action: string; history?: [KpiDefinition | null, KpiDefinition | null] }>;

export class ExcelKpiWorkbook implements KpiWorkbook {
  private readonly run: ExcelRun;

  /** The tables and register of the last read, and the pane's read a write made (readMemory.ts). */
  private readonly reads: ReadMemory;

  constructor(private readonly excel: ExcelRun) {
    this.reads = new ReadMemory(excel, (read) => readAllSeriesShared(excel, read));
    // One operation at a time in this pane: each reads the register and then writes it. Other
    // panes and co-authors are caught by the write engine's guards (writeEngine.ts).
    let queue: Promise<unknown> = Promise.resolve();
    this.run = (batch) => {
      const next = queue.then(() => excel(batch));
      queue = next.catch(() => undefined);
      return next;
    };
  }

  /**
   * A write: read the register, refuse when it is read-only, let `body` validate and plan its
   * steps, add the history, commit all or nothing in one batch (writeEngine.ts); on a concurrent
   * change, once more from a fresh read.
   */
  private write<T, E = undefined>(body: WriteBody<T, E>, options: WriteOptions<E> = {}): Promise<T> {
    return this.operation(() =>
      withRetry(() =>
        this.excel(async (context) => {
          const fresh = options.afterLastWrite ? this.reads.takeFresh() : null;
          const alone = async (): Promise<{ read: RegisterRead; early: Promise<E> }> => ({
            read: fresh ?? (await this.read(context)),
            early: Promise.resolve(undefined as E),
          });
          const { read, early } = options.early && !fresh ? await this.reads.readAlongside(context, options.early) : await alone();
          if (!options.readOnlyOk) assertWritable(read);
          const plan = new Plan();
          const token = operationToken();
          const { result, action, history: change } = await body(context, read, plan, token, early);
          if (change) plan.add(...historySteps(read.history, changes(change[0], change[1], new Date().toISOString(), this.author), token));
          // Planning and queuing are two tasks of the shared thread (a scorecard of 300 KPIs is over 50 ms of both).
          await handBack();
          // The pane's read rides in the write's batch: the refresh after it needs no round trip.
          await this.reads.commit(context, plan, action, read, change);
          return result;
        }),
      ),
    );
  }

  private author = "";

  setAuthor(name: string): void {
    this.author = name.trim();
  }

  history(id: string): Promise<HistoryEntry[]> {
    return this.run((context) => readHistoryIn(context, id));
  }

  closePeriod(period: string, options: { ids?: readonly string[] } = {}): Promise<PeriodCloseResult> {
    // A rate KPI's close reports its rate, so its denominators are read too, a segmented one its totals; every KPI's, beside the register read.
    const predicted = predictFrom(this.reads.lastRead, (run, r) =>
      readSeriesOf(
        run,
        r,
        r.state.kpis.filter((k) => r.state.sources[k.id]),
      ),
    );
    const early = (_context: Excel.RequestContext, run: ExcelRun) => Promise.resolve(predicted.begin(run));
    return this.write(
      async (context, read, plan, token, begun) => {
        const all = predicted.take(read, await begun);
        const readValues = async (kpis: KpiDefinition[]) => {
          const got = new Map((all ? await all : []).map((s) => [s.id, s]));
          return kpis.every((k) => got.has(k.id)) ? kpis.map((k) => got.get(k.id)!) : readSeriesOf(this.excel, read, kpis);
        };
        const { steps, result } = await planClose(context, readValues, read, period, this.author, token, options.ids);
        plan.add(...steps);
        return { result, action: `close ${result.closed[0].closedPeriod}` };
      },
      { early },
    );
  }

  reopenPeriod(period: string, reason: string): Promise<ReportedEntry[]> {
    return this.write(async (_ctx, read, plan, token) => {
      const { steps, result } = planReopen(read, period, reason, this.author, token);
      plan.add(...steps);
      return { result, action: `reopen ${result[0].closedPeriod}` };
    });
  }

  buildScorecard(options: { view?: ScorecardView } = {}): Promise<ScorecardResult> {
    // In the register read's round trip: the last build's scorecard, and the build's data (paneRead.ts predictFrom).
    const predicted = predictFrom(this.reads.lastRead, buildDataOf);
    const early = (context: Excel.RequestContext, run: ExcelRun) => {
      const previous = findPrevious(context);
      previous.catch(() => undefined);
      return Promise.resolve({ previous, data: predicted.begin(run) });
    };
    return this.write(
      async (context, read, plan, token, begun) => {
        const { previous, data: begunData } = await begun;
        const data = await (predicted.take(read, begunData) ?? buildDataOf(this.excel, read));
        // Every KPI's summary (the data's) and every KPI's row are two tasks of the shared thread.
        await handBack();
        // A rate KPI's cells use the chart its card chose, the summary the pane's order (scorecardCharts.ts).
        const { step, result } = await scorecardStep(context, read, token, (k) => k.spcBaseline, { view: options.view, data, previous });
        plan.add(step);
        return { result, action: result.rebuilt ? "rebuild the scorecard" : "build the scorecard" };
      },
      { early },
    );
  }

  addCheckIn(id: string, input: CheckInInput): Promise<CheckIn> {
    // The period's cell where the last read put the KPI: its mark is read with the register, and used when the register agrees.
    const guess = cellOfPeriod(this.reads.lastRead?.state.sources[id.toUpperCase()] ?? this.reads.lastRead?.state.sources[id], input.period);
    const early = guess ? (context: Excel.RequestContext) => readCellMarkIn(context, guess) : undefined;
    return this.write(
      (context, read, plan, token, mark) => planCheckIn(context, read, plan, token, { id, input, who: this.author }, early ? { cell: guess, mark } : null),
      { early },
    );
  }

  openActions(firings: readonly Firing[], today: string): Promise<Action[]> {
    return this.write(async (_ctx, read, plan, token) => planOpenActions(read, plan, token, firings, today));
  }

  setActionStatus(
    key: Pick<Action, "kpi" | "period" | "rule">,
    status: Action["status"],
    note: string,
    today: string,
    options: RowWriteOptions = {},
  ): Promise<void> {
    return this.write(async (_ctx, read, plan) => planActionStatus(read, plan, key, { status, note, today }, options));
  }

  /** Runs an operation in the queue; inside it, `excel` runs further batches (rollback, reads). */
  private operation<T>(body: () => Promise<T>): Promise<T> {
    return this.run(() => body());
  }

  private read(context: Excel.RequestContext): Promise<RegisterRead> {
    return this.reads.read(context);
  }

  readRegister(): Promise<RegisterState> {
    return this.run(async (context) => (await this.read(context)).state);
  }

  refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }> {
    // Segmented KPIs' blocks too (segmentsRead.ts): their totals, with the segments behind them.
    return this.operation(() => this.reads.refresh());
  }

  readSelection(): Promise<Selection>;
  readSelection(only: "address"): Promise<Pick<Selection, "address">>;
  readSelection(only?: "address"): Promise<Selection | Pick<Selection, "address">> {
    return this.run(only ? readSelectedAddressIn : readSelectionIn);
  }

  readTargetValues(address: string, valuesSheet: string | null): Promise<(number | null)[] | null> {
    return this.run((context) => readTargetValuesIn(context, address, valuesSheet, SELECTION_VALUE_CELLS));
  }

  tag(input: KpiInput, address: string, id?: string, reviewedOn = ""): Promise<KpiDefinition> {
    // What the selection tags needs nothing of the register: it is read in the same round trip (tagTarget.ts, segmentsTag.ts).
    const block = isSegmentTag(input) && segmentLayoutOf(input.segments ?? "")?.kind !== "by";
    const early = (context: Excel.RequestContext): Promise<TagTarget | BlockTagRead | undefined> =>
      block ? readBlockTagIn(context, address, input) : isSegmentTag(input) ? Promise.resolve(undefined) : readTagTargetIn(context, address, input);
    return this.write(
      async (context, read, plan, token, tagged) => {
        const kpiId = id ? checkId(id, read) : chooseId(input.name, read);
        const request = { input, address, id: kpiId, reviewedOn };
        // A block of periods × segments, or a column split by a segment column: one KPI across segments (segmentsTag.ts).
        if (isSegmentTag(input)) return planSegmentTag(context, read, plan, token, request, tagged as Promise<BlockTagRead | undefined>);
        return planTag(context, read, plan, token, { input, id: kpiId, reviewedOn, target: (await tagged) as TagTarget });
      },
      { early: isSegmentTag(input) && !block ? undefined : early },
    );
  }

  update(id: string, input: KpiInput, options: EditOptions = {}): Promise<KpiDefinition> {
    // The typed ranges' sheets are looked up beside the register read, on the sheet the last read put the KPI on.
    const last = this.reads.lastRead?.state.sources[id];
    const sheet = last && !last.includes("[") ? parseAddress(last).sheet : undefined;
    const early =
      sheet && (input.targetRange || input.denominatorRange) ? async (context: Excel.RequestContext) => queueRangeChecks(context, input, sheet) : undefined;
    return this.write((context, read, plan, _token, queued) => planEdit(context, read, plan, id, input, options, queued), { early });
  }

  untag(id: string): Promise<UntagReceipt> {
    return this.write((context, read, plan) => planUntag(context, read, plan, id));
  }

  undoUntag(receipt: UntagReceipt): Promise<void> {
    return this.write(async (_context, read, plan, token) => planUndoUntag(read, plan, token, receipt));
  }

  markReviewed(id: string, isoDate: string, options: RowWriteOptions & { afterLastWrite?: boolean } = {}): Promise<void> {
    return this.write(
      async (_ctx, read, plan) => {
        const current = findKpi(read, id);
        plan.add(registerUpdateStep(read, { ...current, lastReviewed: isoDate }, options, ["lastReviewed"]));
        return { result: undefined, action: `mark ${current.name} reviewed` };
      },
      { afterLastWrite: options.afterLastWrite },
    );
  }

  extend(id: string): Promise<void> {
    return this.write((context, read, plan) => planExtend(context, this.excel, read, plan, id));
  }

  removeOrphan(id: string): Promise<void> {
    return this.write((context, read, plan) => planOrphanRemoval(context, read, plan, id), { readOnlyOk: true });
  }

  recoverOrphan(id: string): Promise<KpiDefinition> {
    return this.write(async (_context, read, plan, token) => planOrphanRecovery(read, plan, token, id));
  }

  select(id: string): Promise<void> {
    return this.run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject(nameOf(id));
      name.load("type");
      await context.sync();
      if (name.isNullObject || name.type !== "Range")
        throw new KpiWorkbookError(`The range of KPI ${id} is gone: its name ${nameOf(id)} no longer refers to cells.`);
      const range = name.getRange();
      range.worksheet.activate();
      range.select();
      await context.sync();
    });
  }

  insertFormula(address: string, formula: string, size = { rows: 1, columns: 1 }): Promise<void> {
    return this.run(async (context) => {
      const area = parseAddress(address);
      const cell = rangeAt(context, address);
      const spill = cell.getCell(0, 0).getResizedRange(size.rows - 1, size.columns - 1);
      spill.load("address, formulas");
      const sheet = cell.worksheet;
      sheet.protection.load("protected");
      await context.sync();
      if (sheet.protection.protected) throw new KpiWorkbookError("That sheet is protected: unprotect it to insert a formula.");
      const taken = spill.formulas.flat().some((v) => v !== "" && v !== null);
      if (taken) {
        const where =
          size.rows * size.columns > 1 ? `${spill.address} (where the result spills)` : qualified(area.sheet ?? "", { ...area, rowCount: 1, colCount: 1 });
        throw new KpiWorkbookError(`${where} is not empty: pick a cell with room below it so nothing of yours is overwritten.`);
      }
      // The pane's read rides after the formula (readMemory.ts): the refresh after it needs no round trip.
      await this.reads.writeAlone(context, () => (cell.getCell(0, 0).formulas = [[formula]]));
    });
  }

  async onChange(listener: () => void): Promise<() => void> {
    const others = () => {
      this.reads.changed();
      listener();
    };
    const off = await subscribe(this.run, (context) => context.workbook.worksheets.onChanged.add(othersChanges(others)));
    const unlisten = this.reads.listening();
    return () => {
      unlisten();
      off();
    };
  }

  onSelectionChange(listener: () => void): Promise<() => void> {
    return subscribe(this.run, (context) => context.workbook.onSelectionChanged.add(async () => listener()));
  }
}
