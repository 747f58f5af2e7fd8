/**
 * What a read of the register gives (registerRead.ts reads it): the definitions and what the
 * workbook holds around them, the register's rows as read for the writes that follow, and the
 * add-in's other tables read in the same round trips. Its own module so the modules a read
 * calls (the tables' readers) and those that use a read can name it without importing the read.
 */
import type { KpiDefinition } from "../core/model/kpi";
import type { ReportedEntry } from "../core/model/reported";
import type { ForecastRecord } from "../core/review/coverage";
import type { CheckIn } from "../core/model/checkins";
import type { Action } from "../core/model/actions";
import type { DateSystem } from "../core/excel/excelDates";
import type { HistoryEntry } from "./history";
import type { TableState } from "./addinTable";
import type { ColumnMap, RowProblem } from "./registerSchema";

/** Leftovers of a KPI whose register row is gone: its name and the formats we recorded. */
export interface Orphan {
  id: string;
  /** The KPI_<ID> name, if it still exists, and what it refers to. */
  name: string | null;
  source: string | null;
  /** Its KPITarget_<ID> name (a per-period target), if it still exists. */
  targetName: string | null;
  /** Where our formats for it were written, if recorded. */
  formatsAt: string | null;
}

export interface RegisterState {
  /** Whether the register table exists yet (it is created on the first tag). */
  exists: boolean;
  kpis: KpiDefinition[];
  /** Rows the add-in cannot use; they are left as they are. */
  problems: RowProblem[];
  /** Why the add-in must not write to the register, or null. */
  readOnly: string | null;
  /** Where each KPI's values are now (its KPI_<ID> name), or null when the name is broken. */
  sources: Record<string, string | null>;
  /** Where each per-period target is now (its KPITarget_<ID> name), or null when the name is missing or broken. */
  targets: Record<string, string | null>;
  /** Where each rate KPI's denominators are now (its KPIDenom_<ID> name), or null when the name is missing or broken. */
  denominators: Record<string, string | null>;
  /** Names and formats of KPIs that have no register row. */
  orphans: Orphan[];
  /** The KPI Notes table's check-ins, oldest first. */
  checkIns: CheckIn[];
  /** The KPI Actions table's actions, each with its row. */
  actions: (Action & { row: number })[];
  /** Why one of the add-in's other tables (history, notes, actions) cannot be written. */
  tableProblems: string[];
  /** The KPI History table's entries (every KPI), oldest first. */
  history: HistoryEntry[];
  /** The KPI Reported table's closes and reopens (core/model/reported.ts, restatement.ts read them). */
  reported: ReportedEntry[];
  /** The outlooks and lead forecasts shown at each close, from the same table (forecastRows.ts): forecast honesty. */
  forecasts: ForecastRecord[];
}

export interface FormatsRecord {
  [id: string]: { address: string; formulas: string[] };
}

export interface NameInfo {
  name: string;
  formula: string;
  comment: string;
  type: string;
}

export interface RegisterRead {
  state: RegisterState;
  columns: ColumnMap;
  width: number;
  /** The ID in each data-body row (index 0 is the first row), "" for rows we do not own. */
  rowIds: string[];
  /** Each data-body row's formulas (constants as they are), for writes that keep the user's formulas. */
  rowFormulas: unknown[][];
  rowValues: unknown[][];
  rowNumberFormats: unknown[][];
  /** The register's data body address, when the table exists. */
  bodyAddress: string | null;
  /** Whether the data body is Excel's single blank row of a new table. */
  blankBody: boolean;
  formats: FormatsRecord;
  formatsSettingExists: boolean;
  schemaSettingExists: boolean;
  registerSheetExists: boolean;
  registerSheetEmpty: boolean;
  /** A filter hides some of the register's rows (Table.autoFilter, ExcelApi 1.9). */
  registerFiltered: boolean;
  /** Every defined name, by upper-case name. */
  names: Map<string, NameInfo>;
  /** Every ID in use, upper case: valid rows, problem rows, KPI_ names, and tables named KPI_… (tables and names share one namespace). */
  takenIds: Set<string>;
  /** Every table's name (the user's and ours), as Excel spells it. */
  tableNames: string[];
  /** Every worksheet's name at the read: a later read by address may rely on these (paneRead.ts). */
  sheetNames: string[];
  /**
   * Register cells whose address text no longer says where the KPI's name points (rows were
   * inserted, the sheet renamed): the definitions in `state` carry the name's address, and a
   * write puts it into these cells (registerTextOf) so a save never points a KPI back.
   */
  moved: MovedText[];
  /**
   * The workbook's date system, for the dates typed into date columns (core/excel/excelDates.ts). Read
   * as what DATE(1904,1,1) gives in the workbook (Excel.Functions, ExcelApi 1.2): the property
   * Workbook.use1904DateSystem is a preview API, beyond the ExcelApi 1.9 the manifest asks for.
   */
  dateSystem: DateSystem;
  /** The add-in's other tables, read in the same round trips. */
  history: TableState;
  notes: TableState;
  actions: TableState;
  reported: TableState;
}

/** A register cell whose address text lags behind the KPI's name. */
export interface MovedText {
  id: string;
  column: "target" | "source" | "denominatorRange";
  /** What the register cell says (read as addressFromRegisterText reads it). */
  registerText: string;
  /** Where the name points: what the cell must say. */
  address: string;
}

/** The add-in's tables that existed at a read: the next read addresses them directly (one round trip). */
export type KnownTables = ReadonlySet<string>;

/** A register with nothing in it yet, as a read starts one (registerRead.ts) before its rows are interpreted. */
export function emptyRegisterState(exists: boolean): RegisterState {
  return {
    exists,
    kpis: [],
    problems: [],
    readOnly: null,
    sources: {},
    targets: {},
    denominators: {},
    orphans: [],
    checkIns: [],
    actions: [],
    tableProblems: [],
    history: [],
    reported: [],
    forecasts: [],
  };
}
