/**
 * Check-ins: a note per KPI and period, optionally overriding the computed status with a
 * reason (a known one-off, a restated figure). Kept in the workbook's KPI Notes table; the
 * latest override of a period wins. A KPI whose latest period is Off track needs a note.
 */
import { Status, STATUS_LABEL } from "./status";

export interface CheckIn {
  when: string;
  kpi: string;
  /** 1-based period of the KPI's values. */
  period: number;
  note: string;
  override: Status | null;
  reason: string;
  who: string;
}

export interface CheckInDraft {
  period: string;
  note: string;
  override: Status | "";
  reason: string;
}

/** What is wrong with a check-in as typed, by field; empty when it can be saved. */
export function validateCheckIn(draft: CheckInDraft, periods: number): Partial<Record<keyof CheckInDraft, string>> {
  const errors: Partial<Record<keyof CheckInDraft, string>> = {};
  const period = Number(draft.period);
  if (!Number.isInteger(period) || period < 1 || period > periods) errors.period = `Choose a period from 1 to ${periods}.`;
  if (draft.note.trim() === "") errors.note = "Write the note: what happened, and what is being done.";
  if (draft.override !== "" && draft.reason.trim() === "")
    errors.reason = `Say why the status is ${STATUS_LABEL[draft.override]} instead of what the numbers give.`;
  return errors;
}

/** The status of a period after check-ins: the latest override for it, else the computed one. */
export function overrideOf(checkIns: readonly CheckIn[], kpi: string, period: number): CheckIn | null {
  let found: CheckIn | null = null;
  for (const c of checkIns) if (c.kpi.toUpperCase() === kpi.toUpperCase() && c.period === period && c.override) found = c;
  return found;
}

export function checkInsOf(checkIns: readonly CheckIn[], kpi: string): CheckIn[] {
  return checkIns.filter((c) => c.kpi.toUpperCase() === kpi.toUpperCase());
}

/** Whether the KPI's latest period is Off track and has no note yet (the pane asks for one). */
export function needsNote(checkIns: readonly CheckIn[], kpi: string, latestPeriod: number | null, status: Status | null): boolean {
  if (latestPeriod === null || status !== "off") return false;
  return !checkIns.some((c) => c.kpi.toUpperCase() === kpi.toUpperCase() && c.period === latestPeriod);
}

const STATUS_OF_TEXT: Record<string, Status> = { "on track": "on", "at risk": "risk", "off track": "off" };

/** An override as the table holds it ("Off track"), or null for none or unreadable text. */
export function statusOfText(text: string): Status | null {
  return STATUS_OF_TEXT[text.trim().toLowerCase()] ?? null;
}
