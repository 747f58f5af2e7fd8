/**
 * The Scorecard "as reported" (issue 22, item 4: "the scorecard can show as reported or as
 * restated"): each KPI's Period, Latest, Target, Variance, Variance %, Status and Note as the
 * KPI Reported table recorded them at the close the sheet is as of (its "As of" cell), read by
 * live formulas from that table, and a Restated column, in both views, naming the figures of that
 * close changed since (a value or target now other than the one reported, as restatement.ts
 * compares them). "As restated" is today's figures (scorecard.ts scorecardRow).
 *
 * A KPI's row of the close is the last of its Closed and Reopened rows for that close, by table
 * order (the table only grows, as asOfFormula reads it): Closed, its figures stand; Reopened, the
 * period is open again and the row says so. Outlook and lead-forecast rows (issue 24) are not
 * closes and are passed over.
 */
import { KpiDefinition } from "../model/kpi";
import { perFactor } from "./rateFormulas";
import { isRateKpi } from "../model/rates";
import { registerCell } from "./formulas";
import { denomNameOf, nameOf, REPORTED_NAMES, targetNameOf } from "./workbookNames";

export type ScorecardView = "restated" | "reported";

/** The "As of" cell the rows compare KPI Reported's Closed period with (B2). */
export const AS_OF_CELL = "$B$2";

const T = REPORTED_NAMES.table;

/** The KPI's row (1-based, in the table's body) of the close in the As of cell: its last Closed or Reopened row; #N/A without one. */
export function reportedPosition(k: Pick<KpiDefinition, "id">): string {
  const event = `((${T}[Event]="Closed")+(${T}[Event]="Reopened"))`;
  return `MATCH(2,1/((${T}[KPI]="${k.id}")*(${T}[Closed period]=${AS_OF_CELL})*${event}))`;
}

/**
 * The Reported row cell: the KPI's row of the close, or "" without one. The row's other cells
 * read the table at that row (`at`, this cell's address), so the look-up is written once: repeated
 * in each figure and comparison it took a long ID past Excel's 8,192 characters of a formula.
 */
export function reportedRowFormula(k: Pick<KpiDefinition, "id">): string {
  const p = reportedPosition(k);
  return `=IF(ISNUMBER(${p}),${p},"")`;
}

/** `value` where the close stands for the KPI (row `at`), else `otherwise` (no row of that close: `none`). */
function whenClosed(at: string, value: string, otherwise = `""`, none = `""`): string {
  return `IF(ISNUMBER(${at}),IF(INDEX(${T}[Event],${at})="Closed",${value},${otherwise}),${none})`;
}

/** A column of the KPI's row `at` of the close, as a cell formula. */
export function reportedCell(at: string, column: string): string {
  return `=${whenClosed(at, `INDEX(${T}[${column}],${at})`)}`;
}

/** Status as reported (an override's too); "Reopened" when the period is open again, "Not closed" when the KPI has no row of the close. */
export function reportedStatus(at: string): string {
  return `=${whenClosed(at, `INDEX(${T}[Status],${at})`, `"Reopened"`, `"Not closed"`)}`;
}

/** The reported period as its date, `periodAt` turning the KPI's period number into one (scorecard.ts). */
export function reportedPeriod(at: string, periodAt: (position: string) => string): string {
  return `=${whenClosed(at, periodAt(`INDEX(${T}[Period],${at})`))}`;
}

/**
 * Whether two figures differ as restatement.ts sameFigure tells them apart: beyond Excel's 15
 * significant digits ("Excel specifications and limits"), or one missing and the other not. N()
 * reads a blank or text as 0, so ABS never meets text in the branch IF does not take.
 */
function differs(a: string, b: string): string {
  return `IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),ABS(N(${a})-N(${b}))>1E-13*MAX(ABS(N(${a})),ABS(N(${b}))),ISNUMBER(${a})<>ISNUMBER(${b}))`;
}

/**
 * The Restated cell: "Value", "Target", "Value and target" or "" for the KPI's row `at` of the
 * close in the As of cell, the figures now against those reported: the value at the reported
 * period (a rate KPI's rate, value over denominator, × N per N, as its close reports it) and its
 * target (the register's, or that period's budget). "" where the KPI has no standing row of it.
 */
export function restatedFormula(k: KpiDefinition, at: string): string {
  const period = `INDEX(${T}[Period],${at})`;
  const cell = (name: string) => `INDEX(${name},${period})`;
  const per = perFactor(k);
  const value = isRateKpi(k) ? `${cell(nameOf(k.id))}/${cell(denomNameOf(k.id))}${per}` : cell(nameOf(k.id));
  const target = k.target !== null ? registerCell(k.id, "Target") : cell(targetNameOf(k.id));
  const v = differs(`INDEX(${T}[Reported value],${at})`, value);
  const t = differs(`INDEX(${T}[Target],${at})`, target);
  return `=${whenClosed(at, `IF(${v},IF(${t},"Value and target","Value"),IF(${t},"Target",""))`)}`;
}

/** The line above the headers that says which figures the sheet shows. */
export function viewLine(view: ScorecardView, closes: boolean): string {
  const restated = closes ? ' Restated names the figures of the "As of" close changed since it was closed.' : "";
  if (view === "restated") return `Figures as restated: today's values and targets.${restated}`;
  return `Figures as reported at the "As of" close (KPI Reported): Period, Latest, Target, Variance, Variance %, Status and Note as recorded then; YTD, the year's outlook, variation and assurance are today's.${restated}`;
}
