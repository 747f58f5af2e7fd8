/**
 * The KPI Notes (check-ins) and KPI Actions tables: their columns, and turning their rows into
 * the core's CheckIn and Action (addinTable.ts keeps them the register's way).
 */
import { Action } from "../core/model/actions";
import { CheckIn, statusOfText } from "../core/model/checkins";
import { STATUS_LABEL } from "../core/model/status";
import { cellOf, TableSpec, TableState } from "./addinTable";
import { ACTIONS_NAMES, NOTES_NAMES } from "../core/excel/workbookNames";
import { DateSystem, dateTextOf } from "../core/excel/excelDates";

export const NOTES: TableSpec = {
  sheet: NOTES_NAMES.sheet,
  table: NOTES_NAMES.table,
  headers: ["When", "KPI", "Period", "Period date", "Note", "Status override", "Reason", "Who"],
  textHeaders: ["When", "KPI", "Period date", "Note", "Status override", "Reason", "Who"],
  schemaSetting: NOTES_NAMES.schemaSetting,
  version: NOTES_NAMES.version,
  what: "The KPI notes",
};

export const ACTIONS: TableSpec = {
  sheet: ACTIONS_NAMES.sheet,
  table: ACTIONS_NAMES.table,
  headers: ["Fired", "KPI", "Period", "Period date", "Rule", "Response", "Owner", "Due", "Status", "Note", "Done on"],
  textHeaders: ["Fired", "KPI", "Period date", "Rule", "Response", "Owner", "Due", "Status", "Note", "Done on"],
  schemaSetting: ACTIONS_NAMES.schemaSetting,
  version: ACTIONS_NAMES.version,
  what: "The KPI actions",
};

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

export function checkInsOf(state: TableState): CheckIn[] {
  return state.rows.flatMap((row) => {
    const period = Number(cellOf(NOTES, state, row, "Period"));
    const kpi = text(cellOf(NOTES, state, row, "KPI"));
    if (!kpi || !Number.isInteger(period) || period < 1) return [];
    return [
      {
        when: text(cellOf(NOTES, state, row, "When")),
        kpi,
        period,
        note: text(cellOf(NOTES, state, row, "Note")),
        override: statusOfText(text(cellOf(NOTES, state, row, "Status override"))),
        reason: text(cellOf(NOTES, state, row, "Reason")),
        who: text(cellOf(NOTES, state, row, "Who")),
      },
    ];
  });
}

export function checkInRow(c: CheckIn, periodDate: string | null): Record<string, unknown> {
  return {
    When: c.when,
    KPI: c.kpi,
    Period: c.period,
    "Period date": periodDate ?? "",
    Note: c.note,
    "Status override": c.override ? STATUS_LABEL[c.override] : "",
    Reason: c.reason,
    Who: c.who,
  };
}

/**
 * The actions, each with its row in the table (for marking it done). Due and Done on are written
 * as ISO text; one a user typed as a date arrives as a serial of the workbook's date system.
 */
export function actionsOf(state: TableState, dateSystem: DateSystem = "1900"): (Action & { row: number })[] {
  return state.rows.flatMap((row, i) => {
    const kpi = text(cellOf(ACTIONS, state, row, "KPI"));
    const period = Number(cellOf(ACTIONS, state, row, "Period"));
    if (!kpi || !Number.isInteger(period)) return [];
    return [
      {
        row: i,
        fired: text(cellOf(ACTIONS, state, row, "Fired")),
        kpi,
        period,
        rule: text(cellOf(ACTIONS, state, row, "Rule")),
        response: text(cellOf(ACTIONS, state, row, "Response")),
        owner: text(cellOf(ACTIONS, state, row, "Owner")),
        due: dateTextOf(cellOf(ACTIONS, state, row, "Due"), dateSystem),
        status: /^done$/i.test(text(cellOf(ACTIONS, state, row, "Status"))) ? "done" : "open",
        note: text(cellOf(ACTIONS, state, row, "Note")),
        doneOn: dateTextOf(cellOf(ACTIONS, state, row, "Done on"), dateSystem),
      },
    ];
  });
}

export function actionRow(a: Action, periodDate: string | null): Record<string, unknown> {
  return {
    Fired: a.fired,
    KPI: a.kpi,
    Period: a.period,
    "Period date": periodDate ?? "",
    Rule: a.rule,
    Response: a.response,
    Owner: a.owner,
    Due: a.due,
    Status: a.status,
    Note: a.note,
    "Done on": a.doneOn,
  };
}
