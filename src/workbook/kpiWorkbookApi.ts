/**
 * The workbook interface the pane uses (ExcelKpiWorkbook implements it over the Excel API; the
 * pane's tests fake it), and what its calls take and give.
 */
import { KpiDefinition } from "../core/model/kpi";
import { CheckIn } from "../core/model/checkins";
import { Action, Firing } from "../core/model/actions";
import { ReportedEntry } from "../core/model/reported";
import type { RegisterState, NameInfo } from "./registerRead";
import type { KpiSeries } from "./series";
import type { Selection } from "./selection";
import type { RowWriteOptions } from "./registerRow";
import type { HistoryEntry } from "./history";
import type { ScorecardResult } from "./scorecard";
import type { ScorecardView } from "../core/excel/scorecardReported";
import type { PeriodCloseResult } from "./periodClose";
import type { FormatSpec } from "./ownFormats";

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
  /** Only where the selection is, in one round trip: what a command needs of it at the click. */
  readSelection(only: "address"): Promise<Pick<Selection, "address">>;
  /**
   * The numbers of a typed target range (null for a blank or text cell), for the form's checks
   * before Tag or Save; a range without a sheet is on `valuesSheet`. Null when there is nothing
   * to read: not a range of one row or column, no such sheet, or longer than the selection's values.
   */
  readTargetValues(address: string, valuesSheet: string | null): Promise<(number | null)[] | null>;
  /** Tags the range; `id` is chosen from the name when omitted. Tags the used part of a larger range. */
  tag(input: KpiInput, address: string, id?: string, reviewedOn?: string): Promise<KpiDefinition>;
  /** Saves a form: with `opened` (the definition the form showed), only the fields the user changed are written. */
  update(id: string, input: KpiInput, options?: RowWriteOptions & { opened?: KpiDefinition }): Promise<KpiDefinition>;
  untag(id: string): Promise<UntagReceipt>;
  /** Puts back what an untag removed: the row, the name, the colours. */
  undoUntag(receipt: UntagReceipt): Promise<void>;
  /**
   * Records a review date. `afterLastWrite`: called right after this pane's own write (the Review
   * mode's note), it uses the register as that write left it instead of reading it again.
   */
  markReviewed(id: string, isoDate: string, options?: RowWriteOptions & { afterLastWrite?: boolean }): Promise<void>;
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
  /**
   * Builds the Scorecard sheet, or rebuilds it in place: live formulas and a line chart per KPI.
   * `view`: today's figures ("restated") or those reported at the latest close; a rebuild without
   * one keeps the sheet's.
   */
  buildScorecard(options?: { view?: ScorecardView }): Promise<ScorecardResult>;
  /** Closes a period ("2025-12", "2025-Q4"): records each KPI's value, target, status, variance and note as reported, in KPI Reported (periodClose.ts). */
  closePeriod(period: string, options?: { ids?: readonly string[] }): Promise<PeriodCloseResult>;
  /** Reopens a closed period, with the reason, as rows of its own in KPI Reported (the closed rows stay). */
  reopenPeriod(period: string, reason: string): Promise<ReportedEntry[]>;
  /** Marks an action done (or open again), with a note. */
  setActionStatus(
    action: Pick<Action, "kpi" | "period" | "rule">,
    status: Action["status"],
    note: string,
    today: string,
    options?: RowWriteOptions,
  ): Promise<void>;
}
