/**
 * The workbook interface the pane uses, and its implementation over the Excel API. Each Excel
 * concern lives in a module of its own: registerRead (reading the register and finding
 * leftovers), registerRow (writing rows), ownFormats (our conditional formats), series (reading
 * values within Excel's limits), selection, events, rollback (all-or-nothing writes).
 *
 * Every write validates first, then queues its writes with an undo for each, then syncs once;
 * if Excel refuses any step, what it had applied is undone and the user told what was refused.
 * Round trips stay a small constant whatever the number of KPIs:
 *   read the register   2 syncs
 *   refresh every KPI   3 syncs (more only for KPIs longer than series.READ_BATCH_CELLS)
 *   tag, update, untag  at most 8 syncs (read, look, find our own formats, write)
 */
import { KpiDefinition } from "../core/kpi";
import { intersection, parseAddress, qualified } from "../core/a1";
import { KpiWorkbookError } from "./errors";
import { ExcelRun } from "./excelRun";
import { bandFormatsStep, bandNameRemoval, findOwnFormats, FormatSpec, formatsRecordStep, rangeAt, restoreFormatsStep } from "./ownFormats";
import { bandNameOf } from "./bandFormats";
import { findKpi, KnownTables, knownTablesOf, nameOf, NameInfo, readRegisterIn, RegisterRead, RegisterState } from "./registerRead";
import { ensureColumns, registerAppendSteps, registerUpdateStep, RowWriteOptions } from "./registerRow";
import { checkTargetRange, targetNameStep } from "./targetRange";
import { targetNameOf } from "./bandFormats";
import { LATER_FIELDS } from "../core/kpi";
import { cellsOf, ColumnKey, COLUMNS, REGISTER_SHEET, REGISTER_TABLE, SCHEMA_SETTING, SCHEMA_VERSION } from "./registerSchema";
import { commit, operationToken, Plan, withRetry } from "./writeEngine";
import { nameStep } from "./steps/names";
import { denomNameOf, kpiNameComment } from "../core/workbookNames";
import { settingStep } from "./steps/settings";
import { appendSteps } from "./addinTable";
import { deleteRowStep } from "./steps/rows";
import { KpiSeries, readSeries } from "./series";
import { queueLeadingCells, readSelectionIn, Selection, tableColumnOf, tableColumnReference } from "./selection";
import { dataAreaOf } from "./seriesHeader";
import { subscribe } from "./events";
import { changes, HistoryEntry, historySteps, readHistoryIn } from "./history";
import { recoverFromBandName, recoverFromRules } from "./recover";
import { chooseId, checkId } from "./ids";
import { rowChangeStep, tableAppendSteps } from "./addinTable";
import { ACTIONS, actionRow, checkInRow, NOTES } from "./notesAndActions";
import { CheckIn } from "../core/checkins";
import { Action, actionOf, Firing } from "../core/actions";
import { periodDate } from "../core/periods";
import { scorecardStep, ScorecardResult } from "./scorecard";
import { cellOfPeriod, PeriodCloseResult, planClose, planReopen } from "./periodClose";
import { cellMarkStep, noteMarkText } from "./steps/cellMarks";
import { periodLabel } from "../core/periods";
import { STATUS_LABEL } from "../core/status";
import { denominatorNameStep, planDenominators, withDenominators } from "./denominatorRange";
import { ReportedEntry } from "../core/reported";

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

export type KpiInput = Omit<KpiDefinition, "id" | "source" | "lastReviewed"> & { id?: string };

/** What Untag removed, so Undo can put it back exactly. */
export interface UntagReceipt {
  kpi: KpiDefinition;
  /** Index of the register row in the table body, and the row's formulas (the user's columns too). */
  rowIndex: number;
  rowFormulas: unknown[];
  rowNumberFormats: unknown[];
  name: NameInfo | null;
  /** The KPITarget_<ID> name of a per-period target. */
  targetName: NameInfo | null;
  formats: { address: string; specs: FormatSpec[] }[];
  formatsRecord: { address: string; formulas: string[] } | null;
  /** The KPIBand_<ID> name its colours read (a target per period). */
  bandName?: NameInfo | null;
  /** The KPIDenom_<ID> name of a rate KPI (denominatorRange.ts). */
  denomName?: NameInfo | null;
}

export interface KpiWorkbook {
  readRegister(): Promise<RegisterState>;
  refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }>;
  readSelection(): Promise<Selection>;
  /** Tags the range; `id` is chosen from the name when omitted. Tags the used part of a larger range. */
  tag(input: KpiInput, address: string, id?: string, reviewedOn?: string): Promise<KpiDefinition>;
  /** Saves a form: with `opened` (the definition the form showed), only the fields the user changed are written. */
  update(id: string, input: KpiInput, options?: RowWriteOptions & { opened?: KpiDefinition }): Promise<KpiDefinition>;
  untag(id: string): Promise<UntagReceipt>;
  /** Puts back what an untag removed: the row, the name, the colours. */
  undoUntag(receipt: UntagReceipt): Promise<void>;
  markReviewed(id: string, isoDate: string, options?: RowWriteOptions): Promise<void>;
  extend(id: string): Promise<void>;
  /** Removes a KPI's leftovers (its name and our colours) when its register row is gone. */
  removeOrphan(id: string): Promise<void>;
  /** Writes a register row back for leftovers, from the name and the colours' rules. */
  recoverOrphan(id: string): Promise<KpiDefinition>;
  select(id: string): Promise<void>;
  /** Writes a formula into a cell; `size` is the area its result spills into, which must be empty. */
  insertFormula(address: string, formula: string, size?: { rows: number; columns: number }): Promise<void>;
  onChange(listener: () => void): Promise<() => void>;
  onSelectionChange(listener: () => void): Promise<() => void>;
  /** Who the history names for the changes that follow (Excel gives an add-in no identity). */
  setAuthor(name: string): void;
  /** A KPI's definition changes, oldest first, from the KPI History table. */
  history(id: string): Promise<HistoryEntry[]>;
  /** Adds a note for one period of a KPI, optionally overriding its status (with a reason), to the KPI Notes table. */
  addCheckIn(id: string, checkIn: Pick<CheckIn, "period" | "note" | "override" | "reason">): Promise<CheckIn>;
  /** Opens an action in the KPI Actions table for each firing not already there; returns those opened. */
  openActions(firings: readonly Firing[], today: string): Promise<Action[]>;
  /** Builds the Scorecard sheet, or rebuilds it in place: live formulas and a line chart per KPI. */
  buildScorecard(): Promise<ScorecardResult>;
  /** Closes a period ("2025-12", "2025-Q4"): records each KPI's value, target, status, variance and note as reported, in KPI Reported (periodClose.ts). */
  closePeriod(period: string, options?: { ids?: readonly string[] }): Promise<PeriodCloseResult>;
  /** Reopens a closed period, with the reason, as rows of its own in KPI Reported (the closed rows stay). */
  reopenPeriod(period: string, reason: string): Promise<ReportedEntry[]>;
  /** Marks an action done (or open again), with a note. */
  setActionStatus(action: Pick<Action, "kpi" | "period" | "rule">, status: Action["status"], note: string, today: string, options?: RowWriteOptions): Promise<void>;
}

type WriteBody<T> = (
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  token: string,
) => Promise<{ result: T; action: string; history?: [KpiDefinition | null, KpiDefinition | null] }>;

export class ExcelKpiWorkbook implements KpiWorkbook {
  private readonly run: ExcelRun;

  constructor(private readonly excel: ExcelRun) {
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
  private write<T>(body: WriteBody<T>, options: { readOnlyOk?: boolean } = {}): Promise<T> {
    return this.operation(() =>
      withRetry(() =>
        this.excel(async (context) => {
          const read = await this.read(context);
          if (!options.readOnlyOk) assertWritable(read);
          const plan = new Plan();
          const token = operationToken();
          const { result, action, history: change } = await body(context, read, plan, token);
          if (change) plan.add(...historySteps(read.history, changes(change[0], change[1], new Date().toISOString(), this.author), token));
          await commit(context, plan, this.excel, action);
          this.known = new Set([...this.known, ...plan.steps.flatMap((s) => (s.creates ? [s.creates] : []))]);
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
    return this.write(async (_ctx, read, plan, token) => {
      const readValues = (kpis: KpiDefinition[]) => readSeries(this.excel, kpis, read.state.sources, read.state.targets);
      const { steps, result } = await planClose(readValues, read, period, this.author, token, options.ids);
      plan.add(...steps);
      return { result, action: `close ${result.closed[0].closedPeriod}` };
    });
  }

  reopenPeriod(period: string, reason: string): Promise<ReportedEntry[]> {
    return this.write(async (_ctx, read, plan, token) => {
      const { steps, result } = planReopen(read, period, reason, this.author, token);
      plan.add(...steps);
      return { result, action: `reopen ${result[0].closedPeriod}` };
    });
  }

  buildScorecard(): Promise<ScorecardResult> {
    return this.write(async (context, read, plan, token) => {
      const { step, result } = await scorecardStep(context, read, token, (k) => k.spcBaseline);
      plan.add(step);
      return { result, action: result.rebuilt ? "rebuild the scorecard" : "build the scorecard" };
    });
  }

  addCheckIn(id: string, input: Pick<CheckIn, "period" | "note" | "override" | "reason">): Promise<CheckIn> {
    return this.write(async (context, read, plan, token) => {
      const kpi = findKpi(read, id);
      if (input.note.trim() === "") throw new KpiWorkbookError("Write the note first.", "note");
      if (input.override && input.reason.trim() === "") throw new KpiWorkbookError("An overridden status needs a reason.", "reason");
      const checkIn: CheckIn = { ...input, note: input.note.trim(), reason: input.reason.trim(), kpi: kpi.id, when: new Date().toISOString(), who: this.author };
      plan.add(...tableAppendSteps(NOTES, read.notes, [checkInRow(checkIn, periodDate(kpi.firstPeriod, kpi.cadence, checkIn.period))], token));
      // The mark an auditor sees on the period's cell without the add-in (steps/cellMarks.ts).
      const label = periodLabel(kpi.firstPeriod, kpi.cadence, checkIn.period);
      plan.add(await cellMarkStep(context, cellOfPeriod(read.state.sources[kpi.id], checkIn.period), noteMarkText(checkIn, label, checkIn.override && STATUS_LABEL[checkIn.override])));
      return { result: checkIn, action: `add the note to ${kpi.name}` };
    });
  }

  openActions(firings: readonly Firing[], today: string): Promise<Action[]> {
    return this.write(async (_ctx, read, plan, token) => {
      const opened: Action[] = [];
      for (const f of firings) {
        const kpi = read.state.kpis.find((k) => k.id.toUpperCase() === f.kpi.toUpperCase());
        const known = [...read.state.actions, ...opened].some((a) => a.kpi.toUpperCase() === f.kpi.toUpperCase() && a.period === f.period && a.rule.toLowerCase() === f.rule.toLowerCase());
        if (kpi && !known) opened.push(actionOf(f, kpi, today));
      }
      const dateOf = (a: Action) => {
        const k = read.state.kpis.find((x) => x.id === a.kpi)!;
        return periodDate(k.firstPeriod, k.cadence, a.period);
      };
      plan.add(...tableAppendSteps(ACTIONS, read.actions, opened.map((a) => actionRow(a, dateOf(a))), token));
      return { result: opened, action: "open the actions" };
    });
  }

  setActionStatus(key: Pick<Action, "kpi" | "period" | "rule">, status: Action["status"], note: string, today: string, options: RowWriteOptions = {}): Promise<void> {
    return this.write(async (_ctx, read, plan) => {
      const action = read.state.actions.find((a) => a.kpi.toUpperCase() === key.kpi.toUpperCase() && a.period === key.period && a.rule === key.rule);
      if (!action) throw new KpiWorkbookError(`The action for ${key.kpi} (${key.rule}, period ${key.period}) is no longer in the KPI Actions table.`);
      const change = { Status: status, "Done on": status === "done" ? today : "", Note: note.trim() || action.note };
      const moved = `The action of ${key.kpi} moved in the KPI Actions table while you saved (it was sorted or filtered, or a row was inserted).`;
      plan.add(rowChangeStep(ACTIONS, read.actions, action.row, change, { headers: ["KPI", "Period", "Rule"], moved }, options.replaceFormulas));
      return { result: undefined, action: `mark the action of ${key.kpi} ${status}` };
    });
  }

  /** Runs an operation in the queue; inside it, `excel` runs further batches (rollback, reads). */
  private operation<T>(body: () => Promise<T>): Promise<T> {
    return this.run(() => body());
  }

  /** The tables the last read found: the next read addresses them directly, in one round trip. */
  private known: KnownTables = new Set();

  private async read(context: Excel.RequestContext): Promise<RegisterRead> {
    const read = await readRegisterIn(context, this.known);
    this.known = knownTablesOf(read);
    return read;
  }

  readRegister(): Promise<RegisterState> {
    return this.run(async (context) => (await this.read(context)).state);
  }

  refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }> {
    return this.operation(async () => {
      const read = await this.excel((context) => this.read(context));
      const series = await withDenominators(this.excel, read, await readSeries(this.excel, read.state.kpis, read.state.sources, read.state.targets));
      return { register: read.state, series };
    });
  }

  readSelection(): Promise<Selection> {
    return this.run(readSelectionIn);
  }

  tag(input: KpiInput, address: string, id?: string, reviewedOn = ""): Promise<KpiDefinition> {
    return this.write(async (context, read, plan, token) => {
      const kpiId = id ? checkId(id, read) : chooseId(input.name, read);
      const selected = rangeAt(context, address);
      selected.load("address, rowCount, columnCount");
      const sheet = selected.worksheet;
      sheet.load("name");
      sheet.protection.load("protected");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address");
      const tables = selected.getTables(false);
      tables.load("items/name");
      await context.sync();
      if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to tag a KPI there.`);
      // A whole column or row selected: tag the part that holds anything, less a text header
      // above the numbers (it names the KPI; it is never a period). Its cells are read in the
      // sync tableColumnOf makes anyway.
      const usedPart = used.isNullObject ? parseAddress(selected.address) : { ...(intersection(parseAddress(selected.address), parseAddress(used.address)) ?? parseAddress(selected.address)), sheet: sheet.name };
      // tables was loaded as items/name and synced above (the lint rule does not follow load paths).
      /* eslint-disable office-addins/load-object-before-read */
      const leading = tables.items.length === 0 ? queueLeadingCells(sheet, usedPart) : null;
      const tableColumn = await tableColumnOf(context, selected, tables.items);
      if (leading && tables.items.length === 0 && tableColumn === null) await context.sync();
      /* eslint-enable office-addins/load-object-before-read */
      const area = tableColumn ? parseAddress(selected.address) : { ...(leading ? dataAreaOf(usedPart, leading()).area : usedPart), sheet: sheet.name };
      const targetAddress = qualified(sheet.name, area);
      assertSeriesShape(area, sheet.name, targetAddress);
      assertNotTagged(read.state, targetAddress);
      const reference = tableColumn ? `=${tableColumnReference(tableColumn)}` : `=${qualified(sheet.name, area, true)}`;
      const targetRange = input.targetRange ? await checkTargetRange(context, input.targetRange, targetAddress, input.name) : "";
      const rate = await planDenominators(context, read, kpiId, input, async () => targetAddress);
      const kpi: KpiDefinition = { ...input, targetRange, ...rate.fields, id: kpiId, source: reference.slice(1), lastReviewed: reviewedOn };
      plan.add(await ensureColumns(context, read, kpi));
      plan.add(...registerAppendSteps(read, kpi, token));
      plan.add(nameStep({ name: nameOf(kpiId), formula: reference, comment: kpiNameComment(kpi.name), before: null }));
      plan.add(targetNameStep(read, kpiId, targetRange || null), ...rate.steps);
      const formats = bandFormatsStep(targetAddress, kpi, read);
      plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [kpiId]: { address: targetAddress, formulas: formats.formulas } }));
      if (!read.schemaSettingExists) plan.add(settingStep(SCHEMA_SETTING, SCHEMA_VERSION, { exists: false, value: null }, "the register's schema version"));
      return { result: kpi, action: `tag ${kpi.name}`, history: [null, kpi] };
    });
  }

  update(id: string, input: KpiInput, options: RowWriteOptions & { opened?: KpiDefinition } = {}): Promise<KpiDefinition> {
    return this.write(async (context, read, plan) => {
      const current = findKpi(read, id);
      // Every read before any step is planned: the target range, the formats, the room for new columns.
      const targetRange = input.targetRange ? await checkTargetRange(context, input.targetRange, await sourceAddressOf(context, current.id), input.name) : "";
      const rate = await planDenominators(context, read, current.id, input, () => sourceAddressOf(context, current.id), current);
      const edited: KpiDefinition = { ...current, ...input, targetRange, ...rate.fields, id: current.id, source: current.source, lastReviewed: current.lastReviewed };
      const { kpi, fields } = options.opened ? mergeEdit(current, options.opened, edited) : { kpi: edited, fields: undefined };
      const bandsChanged =
        current.target !== kpi.target || current.targetRange !== kpi.targetRange || current.atRisk !== kpi.atRisk || current.atRiskPercent !== kpi.atRiskPercent || current.direction !== kpi.direction ||
        (current.denominatorRange ?? "") !== (kpi.denominatorRange ?? "") || (current.ratePer ?? null) !== (kpi.ratePer ?? null);
      const own = bandsChanged && read.state.sources[current.id] ? await findOwnFormats(context, read, current.id) : null;
      plan.add(await ensureColumns(context, read, kpi));
      plan.add(registerUpdateStep(read, kpi, options, fields));
      if (current.targetRange !== kpi.targetRange) plan.add(targetNameStep(read, current.id, kpi.targetRange || null));
      if ((current.denominatorRange ?? "") !== (kpi.denominatorRange ?? "")) plan.add(...rate.steps);
      if (own) {
        plan.add(own.removeStep());
        if (own.address) {
          const formats = bandFormatsStep(own.address, kpi, read);
          plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [current.id]: { address: own.address, formulas: formats.formulas } }));
        }
      }
      return { result: kpi, action: `save ${kpi.name}`, history: [current, kpi] };
    });
  }

  untag(id: string): Promise<UntagReceipt> {
    return this.write(async (context, read, plan) => {
      const current = findKpi(read, id);
      // Deleting a row of a filtered table is reported to remove other rows or nothing (office-js
      // #994, #224, #468); the user's filter is theirs to clear, so KPI Lens asks instead.
      if (read.registerFiltered) throw new KpiWorkbookError(`The register is filtered, and Excel does not delete rows of a filtered table reliably: clear its filter (Data › Clear), then untag ${current.name}. Nothing was changed.`);
      const rowIndex = read.rowIds.indexOf(current.id);
      const own = await findOwnFormats(context, read, current.id);
      const name = read.names.get(nameOf(current.id).toUpperCase()) ?? null;
      const targetName = read.names.get(targetNameOf(current.id).toUpperCase()) ?? null;
      const receipt: UntagReceipt = {
        targetName,
        kpi: current,
        rowIndex,
        rowFormulas: read.rowFormulas[rowIndex],
        rowNumberFormats: read.rowNumberFormats[rowIndex] ?? [],
        name,
        formats: own.found,
        formatsRecord: read.formats[current.id] ?? null,
        bandName: read.names.get(bandNameOf(current.id).toUpperCase()) ?? null,
        denomName: read.names.get(denomNameOf(current.id).toUpperCase()) ?? null,
      };
      const formats = { ...read.formats };
      delete formats[current.id];
      plan.add(own.removeStep());
      if (name) plan.add(nameStep({ name: name.name, formula: null, comment: name.comment, before: name }));
      if (targetName) plan.add(targetNameStep(read, current.id, null));
      plan.add(bandNameRemoval(read, current.id), denominatorNameStep(read, current.id, null));
      plan.add(formatsRecordStep(read, formats));
      plan.add(
        deleteRowStep({
          what: `the register row ${current.id}`,
          table: REGISTER_TABLE,
          index: rowIndex,
          keyColumn: read.columns.id,
          id: current.id,
          moved: `${current.name}'s row moved in the register while you untagged it (it was sorted, or a row was inserted or deleted).`,
          formulas: receipt.rowFormulas,
          numberFormats: receipt.rowNumberFormats as unknown[],
        }),
      );
      return { result: receipt, action: `untag ${current.name}`, history: [current, null] };
    });
  }

  undoUntag(receipt: UntagReceipt): Promise<void> {
    return this.write(async (_ctx, read, plan, token) => {
      if (!read.state.exists) throw new KpiWorkbookError(`The register is gone, so ${receipt.kpi.name} cannot be put back.`);
      if (read.takenIds.has(receipt.kpi.id.toUpperCase())) throw new KpiWorkbookError(`The ID ${receipt.kpi.id} has been used again since the untag, so it cannot be put back.`);
      // The row comes back at the register's end, with its formulas (the user's columns too): where
      // it stood is the user's sort to choose, and an append never shifts a co-author's rows.
      const width = read.width;
      const formulas = Array.from({ length: width }, (_, i) => receipt.rowFormulas[i] ?? "");
      const formats = Array.from({ length: width }, (_, i) => String(receipt.rowNumberFormats[i] ?? "General"));
      const target = { sheet: REGISTER_SHEET, table: REGISTER_TABLE, what: "register", exists: true, blankBody: read.blankBody, bodyAddress: read.bodyAddress, headers: [] };
      plan.add(...appendSteps(target, [formulas], [formats], [read.columns.id], token, true));
      if (receipt.name) plan.add(nameStep({ name: receipt.name.name, formula: receipt.name.formula, comment: receipt.name.comment, before: read.names.get(receipt.name.name.toUpperCase()) ?? null }));
      if (receipt.targetName) plan.add(targetNameStep(read, receipt.kpi.id, receipt.targetName.formula.replace(/^=/, "")));
      if (receipt.denomName) plan.add(denominatorNameStep(read, receipt.kpi.id, receipt.denomName.formula.replace(/^=/, "")));
      if (receipt.bandName) plan.add(nameStep({ ...receipt.bandName, before: read.names.get(receipt.bandName.name.toUpperCase()) ?? null }));
      for (const f of receipt.formats) plan.add(restoreFormatsStep(f.address, f.specs, receipt.kpi.id));
      if (receipt.formatsRecord) plan.add(formatsRecordStep(read, { ...read.formats, [receipt.kpi.id]: receipt.formatsRecord }));
      return { result: undefined, action: `put ${receipt.kpi.name} back`, history: [null, receipt.kpi] };
    });
  }

  markReviewed(id: string, isoDate: string, options: RowWriteOptions = {}): Promise<void> {
    return this.write(async (_ctx, read, plan) => {
      const current = findKpi(read, id);
      plan.add(registerUpdateStep(read, { ...current, lastReviewed: isoDate }, options, ["lastReviewed"]));
      return { result: undefined, action: `mark ${current.name} reviewed` };
    });
  }

  extend(id: string): Promise<void> {
    return this.write(async (context, read, plan) => {
      const current = findKpi(read, id);
      const address = read.state.sources[current.id];
      if (!address || current.source.includes("[")) throw new KpiWorkbookError(`${current.name} has no plain range to extend.`);
      const [series] = await readSeries(this.excel, [current], { [current.id]: address });
      if (series.newPeriods === 0) return { result: undefined, action: `include the new periods of ${current.name}` };
      const area = parseAddress(address);
      const grown = area.colCount === 1 ? { ...area, rowCount: area.rowCount + series.newPeriods } : { ...area, colCount: area.colCount + series.newPeriods };
      const grownAddress = qualified(area.sheet!, grown);
      const own = await findOwnFormats(context, read, current.id);
      const reference = `=${qualified(area.sheet!, grown, true)}`;
      const name = read.names.get(nameOf(current.id).toUpperCase())!;
      const kpi = { ...current, source: reference.slice(1) };
      plan.add(own.removeStep());
      plan.add(nameStep({ name: name.name, formula: reference, comment: name.comment, before: name }));
      plan.add(registerUpdateStep(read, kpi, { replaceFormulas: false }, ["source"]));
      const formats = bandFormatsStep(grownAddress, kpi, read);
      plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [current.id]: { address: grownAddress, formulas: formats.formulas } }));
      return { result: undefined, action: `include the new periods of ${current.name}`, history: [current, kpi] };
    });
  }

  removeOrphan(id: string): Promise<void> {
    return this.write(
      async (context, read, plan) => {
        const orphan = read.state.orphans.find((o) => o.id.toUpperCase() === id.toUpperCase());
        if (!orphan) throw new KpiWorkbookError(`${nameOf(id)} is no longer a leftover: it has a register row, or it is gone.`);
        const own = await findOwnFormats(context, read, orphan.id);
        plan.add(own.removeStep());
        const name = orphan.name ? read.names.get(orphan.name.toUpperCase())! : null;
        if (name) plan.add(nameStep({ name: name.name, formula: null, comment: name.comment, before: name }));
        if (orphan.targetName) plan.add(targetNameStep(read, orphan.id, null));
        plan.add(bandNameRemoval(read, orphan.id), denominatorNameStep(read, orphan.id, null));
        const formats = Object.fromEntries(Object.entries(read.formats).filter(([k]) => k.toUpperCase() !== orphan.id.toUpperCase()));
        if (Object.keys(formats).length !== Object.keys(read.formats).length) plan.add(formatsRecordStep(read, formats));
        return { result: undefined, action: `remove the leftovers of ${orphan.id}` };
      },
      { readOnlyOk: true },
    );
  }

  recoverOrphan(id: string): Promise<KpiDefinition> {
    return this.write(async (_ctx, read, plan, token) => {
      const orphan = read.state.orphans.find((o) => o.id.toUpperCase() === id.toUpperCase());
      if (!orphan) throw new KpiWorkbookError(`${nameOf(id)} is no longer a leftover: it has a register row, or it is gone.`);
      const recorded = Object.entries(read.formats).find(([k]) => k.toUpperCase() === orphan.id.toUpperCase())?.[1];
      const bands = (recorded ? recoverFromRules(recorded.formulas) : null) ?? perPeriodBands(read, orphan.id);
      if (!orphan.source || !bands) {
        throw new KpiWorkbookError(
          `${orphan.id} cannot be rebuilt: ${!orphan.source ? "its name no longer refers to cells" : "its colours' rules are not on record"}. Remove the leftovers and tag the values again.`,
        );
      }
      const name = read.names.get(nameOf(orphan.id).toUpperCase());
      const kpi: KpiDefinition = {
        id: orphan.id,
        name: name?.comment.replace(/^KPI Lens: /, "") || orphan.id,
        owner: "",
        objective: "",
        kind: "lagging",
        predicts: "",
        ...LATER_FIELDS,
        ...bands,
        baseline: null,
        spcBaseline: null,
        spcFrom: null,
        unit: "",
        cadence: "monthly",
        initiative: "",
        response: "",
        source: String(name?.formula ?? "").replace(/^=/, ""),
        lastReviewed: "",
        primary: true,
      };
      plan.add(...registerAppendSteps(read, kpi, token));
      return { result: kpi, action: `rebuild the register row of ${orphan.id}`, history: [null, kpi] };
    });
  }

  select(id: string): Promise<void> {
    return this.run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject(nameOf(id));
      name.load("type");
      await context.sync();
      if (name.isNullObject || name.type !== "Range") throw new KpiWorkbookError(`The range of KPI ${id} is gone: its name ${nameOf(id)} no longer refers to cells.`);
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
        const where = size.rows * size.columns > 1 ? `${spill.address} (where the result spills)` : qualified(area.sheet ?? "", { ...area, rowCount: 1, colCount: 1 });
        throw new KpiWorkbookError(`${where} is not empty: pick a cell with room below it so nothing of yours is overwritten.`);
      }
      cell.getCell(0, 0).formulas = [[formula]];
      await context.sync();
    });
  }

  onChange(listener: () => void): Promise<() => void> {
    return subscribe(this.run, (context) => context.workbook.worksheets.onChanged.add(async () => listener()));
  }

  onSelectionChange(listener: () => void): Promise<() => void> {
    return subscribe(this.run, (context) => context.workbook.onSelectionChanged.add(async () => listener()));
  }
}

/** Where a KPI's values are now, as an address (its name's range: a table column too). */
async function sourceAddressOf(context: Excel.RequestContext, id: string): Promise<string> {
  const name = context.workbook.names.getItemOrNullObject(nameOf(id));
  await context.sync();
  if (name.isNullObject) throw new KpiWorkbookError(`The values of KPI ${id} are gone: its name ${nameOf(id)} no longer exists.`);
  const range = name.getRange();
  range.load("address");
  await context.sync();
  return range.address;
}

function assertWritable(read: RegisterRead): void {
  if (read.state.readOnly) throw new KpiWorkbookError(read.state.readOnly);
}

function assertSeriesShape(area: { rowCount: number; colCount: number }, sheetName: string, address: string): void {
  if (sheetName.toLowerCase() === REGISTER_SHEET.toLowerCase()) throw new KpiWorkbookError("That range is on the register sheet: select the KPI's values on a data sheet.");
  if (area.rowCount !== 1 && area.colCount !== 1) {
    throw new KpiWorkbookError(`Select one column (or one row) of values, oldest first; ${address} is ${area.rowCount}×${area.colCount}.`);
  }
  if (area.rowCount * area.colCount < 2) throw new KpiWorkbookError("Select at least two periods of values.");
}

function assertNotTagged(state: RegisterState, address: string): void {
  const area = parseAddress(address);
  for (const kpi of state.kpis) {
    const source = state.sources[kpi.id];
    if (!source || source.includes("[")) continue;
    const other = parseAddress(source);
    if (other.sheet?.toLowerCase() !== area.sheet?.toLowerCase()) continue;
    if (intersection(other, area)) throw new KpiWorkbookError(`Those cells overlap the KPI ${kpi.name} (${source}). Untag it first, or select other cells.`);
  }
}

/** The bands of a per-period KPI from its KPIBand_ and KPITarget_ names (its rules only read the band). */
function perPeriodBands(read: RegisterRead, id: string): Pick<KpiDefinition, "direction" | "target" | "targetRange" | "atRisk" | "atRiskPercent"> | null {
  const band = read.names.get(bandNameOf(id).toUpperCase());
  const target = read.names.get(targetNameOf(id).toUpperCase());
  const bands = band ? recoverFromBandName(band.formula) : null;
  if (!bands || !target) return null;
  return { direction: bands.direction, target: null, targetRange: target.formula.replace(/^=/, ""), atRisk: null, atRiskPercent: bands.atRiskPercent };
}

/**
 * A save from the form writes only the fields the user changed, compared with what the form was
 * opened with, so a co-author's edit of another field survives; a field that both changed is
 * refused with both values.
 */
function mergeEdit(current: KpiDefinition, opened: KpiDefinition, edited: KpiDefinition): { kpi: KpiDefinition; fields: ColumnKey[] } {
  const was = cellsOf(opened);
  const now = cellsOf(current);
  const want = cellsOf(edited);
  const fields = COLUMNS.map((c) => c.key).filter((k) => String(was[k]) !== String(want[k]));
  const clash = fields.filter((k) => String(now[k]) !== String(was[k]));
  if (clash.length > 0) {
    const said = clash.map((k) => `${COLUMNS.find((c) => c.key === k)!.header} is now ${JSON.stringify(now[k])} (you entered ${JSON.stringify(want[k])})`).join("; ");
    throw new KpiWorkbookError(`Someone changed ${current.name} in the register since you opened it: ${said}. Nothing was changed: open it again to see their change, then save yours.`);
  }
  const kpi: KpiDefinition = { ...current };
  const take = <K extends keyof KpiDefinition>(key: K) => (kpi[key] = edited[key]);
  for (const k of fields) {
    const together: Partial<Record<ColumnKey, (keyof KpiDefinition)[]>> = { target: ["target", "targetRange"], atRisk: ["atRisk", "atRiskPercent"] };
    for (const key of together[k] ?? [k]) take(key);
  }
  return { kpi, fields };
}
