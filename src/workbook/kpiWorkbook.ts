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
import { findOwnFormats, FormatSpec, queueBandFormats, queueFormatsRecord, queueRestoreFormats, rangeAt } from "./ownFormats";
import { findKpi, nameOf, NameInfo, readRegisterIn, RegisterRead, RegisterState } from "./registerRead";
import { ensureColumns, queueAppendRow, queueNewRegister, queueRowUpdate, RowWriteOptions } from "./registerRow";
import { checkTargetRange, queueTargetName } from "./targetRange";
import { targetNameOf } from "./bandFormats";
import { LATER_FIELDS } from "../core/kpi";
import { REGISTER_SHEET, REGISTER_TABLE, SCHEMA_SETTING, SCHEMA_VERSION } from "./registerSchema";
import { commit, Journal } from "./rollback";
import { KpiSeries, readSeries } from "./series";
import { readSelectionIn, Selection, tableColumnOf, tableColumnReference } from "./selection";
import { subscribe } from "./events";
import { changes, HistoryEntry, queueHistory, readHistoryIn } from "./history";
import { recoverFromRules } from "./recover";
import { chooseId, checkId } from "./ids";
import { queueAppend, queueRowChange } from "./addinTable";
import { ACTIONS, actionRow, checkInRow, NOTES } from "./notesAndActions";
import { CheckIn } from "../core/checkins";
import { Action, actionOf, Firing } from "../core/actions";
import { periodDate } from "../core/periods";
import { queueScorecard, ScorecardResult } from "./scorecard";

export { KpiWorkbookError, FormulaConflictError } from "./errors";
export { nameOf } from "./registerRead";
export type { RegisterState, Orphan } from "./registerRead";
export type { KpiSeries } from "./series";
export type { Selection } from "./selection";
export type { RowWriteOptions } from "./registerRow";
export type { ExcelRun } from "./excelRun";
export type { HistoryEntry } from "./history";
export type { ScorecardResult } from "./scorecard";

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
}

export interface KpiWorkbook {
  readRegister(): Promise<RegisterState>;
  refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }>;
  readSelection(): Promise<Selection>;
  /** Tags the range; `id` is chosen from the name when omitted. Tags the used part of a larger range. */
  tag(input: KpiInput, address: string, id?: string, reviewedOn?: string): Promise<KpiDefinition>;
  update(id: string, input: KpiInput, options?: RowWriteOptions): Promise<KpiDefinition>;
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
  /** Marks an action done (or open again), with a note. */
  setActionStatus(action: Pick<Action, "kpi" | "period" | "rule">, status: Action["status"], note: string, today: string): Promise<void>;
}

export class ExcelKpiWorkbook implements KpiWorkbook {
  private readonly run: ExcelRun;

  constructor(private readonly excel: ExcelRun) {
    // One operation at a time: each reads the register and then writes it, so two running at
    // once could both act on what the other is about to change.
    let queue: Promise<unknown> = Promise.resolve();
    this.run = (batch) => {
      const next = queue.then(() => excel(batch));
      queue = next.catch(() => undefined);
      return next;
    };
  }

  /**
   * A write: read the register, refuse when it is read-only, let `body` validate and queue its
   * writes with their undos in `journal`, then commit all or nothing (rollback.ts).
   */
  private write<T>(
    body: (ctx: Excel.RequestContext, read: RegisterRead, journal: Journal) => Promise<{ result: T; action: string; history?: [KpiDefinition | null, KpiDefinition | null] }>,
  ): Promise<T> {
    return this.operation(() =>
      this.excel(async (ctx) => {
        const read = await readRegisterIn(ctx);
        assertWritable(read);
        const journal = new Journal();
        const { result, action, history: change } = await body(ctx, read, journal);
        if (change) queueHistory(ctx, read.history, changes(change[0], change[1], new Date().toISOString(), this.author), journal);
        await commit(ctx, journal, this.excel, action);
        return result;
      }),
    );
  }

  private author = "";

  setAuthor(name: string): void {
    this.author = name.trim();
  }

  history(id: string): Promise<HistoryEntry[]> {
    return this.run((ctx) => readHistoryIn(ctx, id));
  }

  buildScorecard(): Promise<ScorecardResult> {
    return this.write(async (ctx, read, journal) => {
      const result = await queueScorecard(ctx, read, journal, (k) => k.spcBaseline);
      return { result, action: result.rebuilt ? "rebuild the scorecard" : "build the scorecard" };
    });
  }

  addCheckIn(id: string, input: Pick<CheckIn, "period" | "note" | "override" | "reason">): Promise<CheckIn> {
    return this.write(async (ctx, read, journal) => {
      const kpi = findKpi(read, id);
      if (input.note.trim() === "") throw new KpiWorkbookError("Write the note first.", "note");
      if (input.override && input.reason.trim() === "") throw new KpiWorkbookError("An overridden status needs a reason.", "reason");
      const checkIn: CheckIn = { ...input, note: input.note.trim(), reason: input.reason.trim(), kpi: kpi.id, when: new Date().toISOString(), who: this.author };
      queueAppend(ctx, NOTES, read.notes, [checkInRow(checkIn, periodDate(kpi.firstPeriod, kpi.cadence, checkIn.period))], journal);
      return { result: checkIn, action: `add the note to ${kpi.name}` };
    });
  }

  openActions(firings: readonly Firing[], today: string): Promise<Action[]> {
    return this.write(async (ctx, read, journal) => {
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
      queueAppend(ctx, ACTIONS, read.actions, opened.map((a) => actionRow(a, dateOf(a))), journal);
      return { result: opened, action: "open the actions" };
    });
  }

  setActionStatus(key: Pick<Action, "kpi" | "period" | "rule">, status: Action["status"], note: string, today: string): Promise<void> {
    return this.write(async (ctx, read, journal) => {
      const action = read.state.actions.find((a) => a.kpi.toUpperCase() === key.kpi.toUpperCase() && a.period === key.period && a.rule === key.rule);
      if (!action) throw new KpiWorkbookError(`The action for ${key.kpi} (${key.rule}, period ${key.period}) is no longer in the KPI Actions table.`);
      queueRowChange(ctx, ACTIONS, read.actions, action.row, { Status: status, "Done on": status === "done" ? today : "", Note: note.trim() || action.note }, journal);
      return { result: undefined, action: `mark the action of ${key.kpi} ${status}` };
    });
  }

  /** Runs an operation in the queue; inside it, `excel` runs further batches (rollback, reads). */
  private operation<T>(body: () => Promise<T>): Promise<T> {
    return this.run(() => body());
  }

  readRegister(): Promise<RegisterState> {
    return this.run(async (ctx) => (await readRegisterIn(ctx)).state);
  }

  refresh(): Promise<{ register: RegisterState; series: KpiSeries[] }> {
    return this.operation(async () => {
      const read = await this.excel(readRegisterIn);
      const series = await readSeries(this.excel, read.state.kpis, read.state.sources, read.state.targets);
      return { register: read.state, series };
    });
  }

  readSelection(): Promise<Selection> {
    return this.run(readSelectionIn);
  }

  tag(input: KpiInput, address: string, id?: string, reviewedOn = ""): Promise<KpiDefinition> {
    return this.write(async (ctx, read, journal) => {
      const kpiId = id ? checkId(id, read) : chooseId(input.name, read);
      const selected = rangeAt(ctx, address);
      selected.load("address, rowCount, columnCount");
      const sheet = selected.worksheet;
      sheet.load("name");
      sheet.protection.load("protected");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address");
      const tables = selected.getTables(false);
      tables.load("items/name");
      await ctx.sync();
      if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to tag a KPI there.`);
      const tableColumn = await tableColumnOf(ctx, selected, tables.items);
      // A whole column or row selected: tag the part that holds anything.
      const area = tableColumn || used.isNullObject ? parseAddress(selected.address) : { ...(intersection(parseAddress(selected.address), parseAddress(used.address)) ?? parseAddress(selected.address)), sheet: sheet.name };
      const targetAddress = qualified(sheet.name, area);
      assertSeriesShape(area, sheet.name, targetAddress);
      assertNotTagged(read.state, targetAddress);
      const reference = tableColumn ? `=${tableColumnReference(tableColumn)}` : `=${qualified(sheet.name, area, true)}`;
      const targetRange = input.targetRange ? await checkTargetRange(ctx, input.targetRange, targetAddress, input.name) : "";
      const kpi: KpiDefinition = { ...input, targetRange, id: kpiId, source: reference.slice(1), lastReviewed: reviewedOn };
      await ensureColumns(ctx, read, kpi, journal);

      if (read.state.exists) queueAppendRow(ctx, read, kpi, journal);
      else queueNewRegister(ctx, read, kpi, journal);
      ctx.workbook.names.add(nameOf(kpiId), reference, `KPI Lens: ${kpi.name}`);
      journal.record(`the name ${nameOf(kpiId)}`, async (undo) => {
        // Only our name: one another user added meanwhile (why the add failed) stays.
        const n = undo.workbook.names.getItemOrNullObject(nameOf(kpiId));
        n.load("formula");
        await undo.sync();
        if (!n.isNullObject && String(n.formula).replace(/^=/, "") === reference.slice(1)) n.delete();
      });
      queueTargetName(ctx, read, kpiId, targetRange || null, journal);
      const formats = queueBandFormats(ctx, targetAddress, kpi, journal);
      queueFormatsRecord(ctx, read, { ...read.formats, [kpiId]: { address: targetAddress, formulas: formats } }, journal);
      if (!read.schemaSettingExists) {
        ctx.workbook.settings.add(SCHEMA_SETTING, SCHEMA_VERSION);
        journal.record("the register's schema version", async (undo) => {
          const s = undo.workbook.settings.getItemOrNullObject(SCHEMA_SETTING);
          await undo.sync();
          if (!s.isNullObject) s.delete();
        });
      }
      return { result: kpi, action: `tag ${kpi.name}`, history: [null, kpi] };
    });
  }

  update(id: string, input: KpiInput, options: RowWriteOptions = {}): Promise<KpiDefinition> {
    return this.write(async (ctx, read, journal) => {
      const current = findKpi(read, id);
      const rowIndex = read.rowIds.indexOf(current.id);
      // Every read before any write: a sync flushes what is queued, so the target range, the
      // formats and the room for new columns are looked up first; then the row (a conflict with
      // the user's formulas stops here, nothing queued yet).
      const targetRange = input.targetRange ? await checkTargetRange(ctx, input.targetRange, await sourceAddressOf(ctx, current.id), input.name) : "";
      const kpi: KpiDefinition = { ...current, ...input, targetRange, id: current.id, source: current.source, lastReviewed: current.lastReviewed };
      const bandsChanged =
        current.target !== kpi.target || current.targetRange !== kpi.targetRange || current.atRisk !== kpi.atRisk || current.atRiskPercent !== kpi.atRiskPercent || current.direction !== kpi.direction;
      const own = bandsChanged && read.state.sources[current.id] ? await findOwnFormats(ctx, read, current.id) : null;
      await ensureColumns(ctx, read, kpi, journal);
      queueRowUpdate(ctx, read, kpi, rowIndex, journal, options);
      queueTargetName(ctx, read, current.id, targetRange || null, journal);
      if (own) {
        own.remove(journal);
        if (own.address) {
          const formats = queueBandFormats(ctx, own.address, kpi, journal);
          queueFormatsRecord(ctx, read, { ...read.formats, [current.id]: { address: own.address, formulas: formats } }, journal);
        }
      }
      return { result: kpi, action: `save ${kpi.name}`, history: [current, kpi] };
    });
  }

  untag(id: string): Promise<UntagReceipt> {
    return this.write(async (ctx, read, journal) => {
      const current = findKpi(read, id);
      const rowIndex = read.rowIds.indexOf(current.id);
      const own = await findOwnFormats(ctx, read, current.id);
      own.remove(journal);
      const name = read.names.get(nameOf(current.id).toUpperCase()) ?? null;
      if (name) {
        ctx.workbook.names.getItem(name.name).delete();
        journal.record(`the name ${name.name}`, async (undo) => {
          const n = undo.workbook.names.getItemOrNullObject(name.name);
          await undo.sync();
          if (n.isNullObject) undo.workbook.names.add(name.name, name.formula, name.comment);
        });
      }
      const targetName = read.names.get(targetNameOf(current.id).toUpperCase()) ?? null;
      if (targetName) queueTargetName(ctx, read, current.id, null, journal);
      const receipt: UntagReceipt = {
        targetName,
        kpi: current,
        rowIndex,
        rowFormulas: read.rowFormulas[rowIndex],
        rowNumberFormats: read.rowNumberFormats[rowIndex] ?? [],
        name,
        formats: own.found,
        formatsRecord: read.formats[current.id] ?? null,
      };
      const formats = { ...read.formats };
      delete formats[current.id];
      queueFormatsRecord(ctx, read, formats, journal);
      // The row last: the one step whose undo needs the row's cells written back.
      ctx.workbook.tables.getItem(REGISTER_TABLE).rows.getItemAt(rowIndex).delete();
      journal.record(`the register row ${current.id}`, async (undo) => {
        await restoreRow(undo, receipt);
      });
      return { result: receipt, action: `untag ${current.name}`, history: [current, null] };
    });
  }

  undoUntag(receipt: UntagReceipt): Promise<void> {
    return this.write(async (ctx, read, journal) => {
      if (!read.state.exists) throw new KpiWorkbookError(`The register is gone, so ${receipt.kpi.name} cannot be put back.`);
      if (read.takenIds.has(receipt.kpi.id.toUpperCase())) throw new KpiWorkbookError(`The ID ${receipt.kpi.id} has been used again since the untag, so it cannot be put back.`);
      await restoreRow(ctx, receipt);
      journal.record(`the register row ${receipt.kpi.id}`, async (undo) => {
        const t = undo.workbook.tables.getItem(REGISTER_TABLE);
        t.rows.getItemAt(Math.min(receipt.rowIndex, read.rowIds.length)).delete();
      });
      if (receipt.name) {
        ctx.workbook.names.add(receipt.name.name, receipt.name.formula, receipt.name.comment);
        const n = receipt.name.name;
        journal.record(`the name ${n}`, async (undo) => {
          const item = undo.workbook.names.getItemOrNullObject(n);
          await undo.sync();
          if (!item.isNullObject) item.delete();
        });
      }
      if (receipt.targetName) queueTargetName(ctx, read, receipt.kpi.id, receipt.targetName.formula.replace(/^=/, ""), journal);
      for (const f of receipt.formats) queueRestoreFormats(ctx, f.address, f.specs);
      if (receipt.formatsRecord) queueFormatsRecord(ctx, read, { ...read.formats, [receipt.kpi.id]: receipt.formatsRecord }, journal);
      return { result: undefined, action: `put ${receipt.kpi.name} back`, history: [null, receipt.kpi] };
    });
  }

  markReviewed(id: string, isoDate: string, options: RowWriteOptions = {}): Promise<void> {
    return this.write(async (ctx, read, journal) => {
      const current = findKpi(read, id);
      queueRowUpdate(ctx, read, { ...current, lastReviewed: isoDate }, read.rowIds.indexOf(current.id), journal, options);
      return { result: undefined, action: `mark ${current.name} reviewed` };
    });
  }

  extend(id: string): Promise<void> {
    return this.operation(async () => {
      const read = await this.excel(readRegisterIn);
      assertWritable(read);
      const current = findKpi(read, id);
      const address = read.state.sources[current.id];
      if (!address || current.source.includes("[")) throw new KpiWorkbookError(`${current.name} has no plain range to extend.`);
      const [series] = await readSeries(this.excel, [current], { [current.id]: address });
      if (series.newPeriods === 0) return;
      await this.excel(async (ctx) => {
        const area = parseAddress(address);
        const grown = area.colCount === 1 ? { ...area, rowCount: area.rowCount + series.newPeriods } : { ...area, colCount: area.colCount + series.newPeriods };
        const grownAddress = qualified(area.sheet!, grown);
        const journal = new Journal();
        const own = await findOwnFormats(ctx, read, current.id);
        own.remove(journal);
        const reference = `=${qualified(area.sheet!, grown, true)}`;
        const name = read.names.get(nameOf(current.id).toUpperCase())!;
        ctx.workbook.names.getItem(name.name).formula = reference;
        journal.record(`the range of ${name.name}`, async (undo) => {
          undo.workbook.names.getItem(name.name).formula = name.formula;
        });
        const kpi = { ...current, source: reference.slice(1) };
        queueRowUpdate(ctx, read, kpi, read.rowIds.indexOf(current.id), journal, { replaceFormulas: false });
        const formats = queueBandFormats(ctx, grownAddress, kpi, journal);
        queueFormatsRecord(ctx, read, { ...read.formats, [current.id]: { address: grownAddress, formulas: formats } }, journal);
        await commit(ctx, journal, this.excel, `include the new periods of ${current.name}`);
      });
    });
  }

  removeOrphan(id: string): Promise<void> {
    return this.operation(() =>
      this.excel(async (ctx) => {
        const read = await readRegisterIn(ctx);
        const orphan = read.state.orphans.find((o) => o.id.toUpperCase() === id.toUpperCase());
        if (!orphan) throw new KpiWorkbookError(`${nameOf(id)} is no longer a leftover: it has a register row, or it is gone.`);
        const journal = new Journal();
        const own = await findOwnFormats(ctx, read, orphan.id);
        own.remove(journal);
        const name = orphan.name ? read.names.get(orphan.name.toUpperCase())! : null;
        if (name) {
          ctx.workbook.names.getItem(name.name).delete();
          journal.record(`the name ${name.name}`, async (undo) => {
            undo.workbook.names.add(name.name, name.formula, name.comment);
          });
        }
        if (orphan.targetName) queueTargetName(ctx, read, orphan.id, null, journal);
        const formats = Object.fromEntries(Object.entries(read.formats).filter(([k]) => k.toUpperCase() !== orphan.id.toUpperCase()));
        if (Object.keys(formats).length !== Object.keys(read.formats).length) queueFormatsRecord(ctx, read, formats, journal);
        await commit(ctx, journal, this.excel, `remove the leftovers of ${orphan.id}`);
      }),
    );
  }

  recoverOrphan(id: string): Promise<KpiDefinition> {
    return this.write(async (ctx, read, journal) => {
      const orphan = read.state.orphans.find((o) => o.id.toUpperCase() === id.toUpperCase());
      if (!orphan) throw new KpiWorkbookError(`${nameOf(id)} is no longer a leftover: it has a register row, or it is gone.`);
      const recorded = Object.entries(read.formats).find(([k]) => k.toUpperCase() === orphan.id.toUpperCase())?.[1];
      const bands = recorded ? recoverFromRules(recorded.formulas) : null;
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
      if (read.state.exists) queueAppendRow(ctx, read, kpi, journal);
      else queueNewRegister(ctx, read, kpi, journal);
      return { result: kpi, action: `rebuild the register row of ${orphan.id}`, history: [null, kpi] };
    });
  }

  select(id: string): Promise<void> {
    return this.run(async (ctx) => {
      const name = ctx.workbook.names.getItemOrNullObject(nameOf(id));
      name.load("type");
      await ctx.sync();
      if (name.isNullObject || name.type !== "Range") throw new KpiWorkbookError(`The range of KPI ${id} is gone: its name ${nameOf(id)} no longer refers to cells.`);
      const range = name.getRange();
      range.worksheet.activate();
      range.select();
      await ctx.sync();
    });
  }

  insertFormula(address: string, formula: string, size = { rows: 1, columns: 1 }): Promise<void> {
    return this.run(async (ctx) => {
      const area = parseAddress(address);
      const cell = rangeAt(ctx, address);
      const spill = cell.getCell(0, 0).getResizedRange(size.rows - 1, size.columns - 1);
      spill.load("address, formulas");
      const sheet = cell.worksheet;
      sheet.protection.load("protected");
      await ctx.sync();
      if (sheet.protection.protected) throw new KpiWorkbookError("That sheet is protected: unprotect it to insert a formula.");
      const taken = spill.formulas.flat().some((v) => v !== "" && v !== null);
      if (taken) {
        const where = size.rows * size.columns > 1 ? `${spill.address} (where the result spills)` : qualified(area.sheet ?? "", { ...area, rowCount: 1, colCount: 1 });
        throw new KpiWorkbookError(`${where} is not empty: pick a cell with room below it so nothing of yours is overwritten.`);
      }
      cell.getCell(0, 0).formulas = [[formula]];
      await ctx.sync();
    });
  }

  onChange(listener: () => void): Promise<() => void> {
    return subscribe(this.run, (ctx) => ctx.workbook.worksheets.onChanged.add(async () => listener()));
  }

  onSelectionChange(listener: () => void): Promise<() => void> {
    return subscribe(this.run, (ctx) => ctx.workbook.onSelectionChanged.add(async () => listener()));
  }
}

/** Where a KPI's values are now, as an address (its name's range: a table column too). */
async function sourceAddressOf(ctx: Excel.RequestContext, id: string): Promise<string> {
  const name = ctx.workbook.names.getItemOrNullObject(nameOf(id));
  await ctx.sync();
  if (name.isNullObject) throw new KpiWorkbookError(`The values of KPI ${id} are gone: its name ${nameOf(id)} no longer exists.`);
  const range = name.getRange();
  range.load("address");
  await ctx.sync();
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

/** Inserts the untagged row back at its place with its formulas (the user's columns too). */
async function restoreRow(ctx: Excel.RequestContext, receipt: UntagReceipt): Promise<void> {
  const table = ctx.workbook.tables.getItem(REGISTER_TABLE);
  table.rows.load("count");
  await ctx.sync();
  const at = Math.min(receipt.rowIndex, table.rows.count);
  const row = table.rows.add(at, [receipt.rowFormulas.map(() => "")]).getRange();
  row.numberFormat = [receipt.rowNumberFormats.length === receipt.rowFormulas.length ? receipt.rowNumberFormats : receipt.rowFormulas.map(() => "General")];
  row.formulas = [receipt.rowFormulas];
}
