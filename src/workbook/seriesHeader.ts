/**
 * A whole column (C:C, or a click on the column header) or a whole row reaches the add-in as its
 * used part, which starts at the sheet's first used row: the column's header cell comes with it.
 * A header is not a period (it would make 37 periods of 36 and shift every month label by one):
 * a text cell before the first number is the series' header, and it offers itself as the KPI's
 * name and unit ("Revenue (k€)" → Revenue, k€). Pure: the selection and the tag read the leading
 * cells (leadingArea) in a batch they already sync, and call dataAreaOf.
 */
import { Area } from "../core/excel/a1";

/** How many leading cells are looked at: a header, and a blank or a title row above it. */
export const HEADER_SCAN = 5;

export interface HeaderCell {
  /** The header as the cell holds it. */
  text: string;
  /** What it offers as the KPI's name and unit. */
  name: string;
  unit: string;
}

/** The first HEADER_SCAN cells of a one-column or one-row area, along it (the whole area when it is not one column or row). */
export function leadingArea(area: Area): Area {
  if (area.colCount === 1) return { ...area, rowCount: Math.min(HEADER_SCAN, area.rowCount) };
  if (area.rowCount === 1) return { ...area, colCount: Math.min(HEADER_SCAN, area.colCount) };
  return { ...area, rowCount: 1, colCount: 1 };
}

/** Error values as Range.values returns them: a period whose formula fails is still a period. */
const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|TIMEOUT!|EXTERNAL!)/;

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

/** Text that can only be a label: not blank, not a number written as text, not an error value. */
function isLabel(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "" && !Number.isFinite(Number(v.replace(/,/g, ""))) && !ERROR_TEXT.test(v.trim());
}

/**
 * The periods of a used one-column (or one-row) area, given the values of its leading cells
 * (leadingArea, in order): the cells before the first value are left out when one of them is a
 * label (the header; blanks above it go too). Without a label before the first value, or without
 * a value among the leading cells, the area is returned whole: nothing is guessed away.
 */
export function dataAreaOf(area: Area, leading: readonly unknown[]): { area: Area; header: HeaderCell | null } {
  const whole = { area, header: null };
  if (area.rowCount !== 1 && area.colCount !== 1) return whole;
  const first = leading.findIndex((v) => !isBlank(v) && !isLabel(v));
  if (first <= 0) return whole;
  const labels = leading.slice(0, first).filter(isLabel);
  if (labels.length === 0) return whole;
  const text = labels[labels.length - 1].trim();
  const trimmed =
    area.colCount === 1
      ? { ...area, row: area.row + first, rowCount: area.rowCount - first }
      : { ...area, col: area.col + first, colCount: area.colCount - first };
  return { area: trimmed, header: { text, ...headerParts(text) } };
}

/** A header as a name and a unit: "Revenue (k€)" → Revenue, k€; "Churn %" → Churn, %; "NPS" → NPS, "". */
export function headerParts(text: string): { name: string; unit: string } {
  const t = text.trim().replace(/\s+/g, " ");
  const bracketed = /^(.*?)\s*[([]([^()[\]]+)[)\]]$/.exec(t);
  if (bracketed && bracketed[1] !== "") return { name: bracketed[1], unit: bracketed[2].trim() };
  const percent = /^(.*?)\s*%$/.exec(t);
  if (percent && percent[1] !== "") return { name: percent[1], unit: "%" };
  return { name: t, unit: "" };
}
