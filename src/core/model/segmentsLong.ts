/**
 * The long format (core/model/segments.ts, layout "by <column>"): a table of rows such as
 * Month | Region | Orders | Visits, the way Power Query delivers data, read as one KPI whose
 * values are the value column split by the segment column. Which row is which period:
 * - with a period column (the table's first column, when it is neither the segment column nor
 *   the value column), by its values: numbers and dates (Excel's serial numbers) ascending,
 *   text in the order it first appears. So a table sorted or filtered by a co-author reads the
 *   same, as long as its periods are dates or numbers; a segment without a row for a period has
 *   a gap there. Two rows of one segment and one period are refused (which would be the value?).
 * - without one, each segment's n-th row in table order is its n-th period (segments.ts
 *   fromLongRows): sorting the table then reorders the periods, which the card says.
 * A target column (Budget, per row) gives each segment its target per period (periodTargets),
 * read by row as the values are, so a sort keeps each target with its row.
 * Pure: the workbook reads the table's columns by name and hands their cells here.
 */
import { fromLongRows, SegmentData } from "./segments";

export type LongData = Omit<SegmentData, "targets"> & {
  /** The periods' labels in order (the period column's values), or null in table order. */
  periods: (string | number)[] | null;
};

const segmentName = (cell: unknown): string | null =>
  typeof cell === "number" ? String(cell) : typeof cell === "string" && cell.trim() !== "" ? cell.trim() : null;
const numberOrGap = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const periodKey = (cell: unknown): string | number | null =>
  typeof cell === "number" && Number.isFinite(cell) ? cell : typeof cell === "string" && cell.trim() !== "" ? cell.trim() : null;

/**
 * The segments of a long table, or why its rows cannot be read as one. `periodCells` null reads
 * in table order. Rows with no segment name or no period are left out (a total row, a blank row).
 */
export function longDataOf(
  periodCells: readonly unknown[] | null,
  segmentCells: readonly unknown[],
  valueCells: readonly unknown[],
  denominatorCells: readonly unknown[] | null,
  targetCells: readonly unknown[] | null = null,
): LongData | string {
  if (periodCells === null) return { ...fromLongRows(segmentCells, valueCells, denominatorCells, targetCells), periods: null };
  const keys = periodCells.map(periodKey);
  const distinct: (string | number)[] = [];
  for (const k of keys) if (k !== null && !distinct.some((d) => sameKey(d, k))) distinct.push(k);
  const allNumbers = distinct.every((d) => typeof d === "number");
  const periods = allNumbers ? [...distinct].sort((a, b) => (a as number) - (b as number)) : distinct;
  const names: string[] = [];
  const values: (number | null)[][] = [];
  const denominators: (number | null)[][] = [];
  const targets: (number | null)[][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < segmentCells.length; i++) {
    const name = segmentName(segmentCells[i]);
    const key = keys[i];
    if (name === null || key === null) continue;
    let s = names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (s < 0) {
      s = names.push(name) - 1;
      values.push(periods.map(() => null));
      denominators.push(periods.map(() => null));
      targets.push(periods.map(() => null));
    }
    const p = periods.findIndex((d) => sameKey(d, key));
    const pair = `${s}\u0000${p}`;
    if (seen.has(pair)) return `${names[s]} has two rows for the period ${String(key)}: give each segment one row a period`;
    seen.add(pair);
    values[s][p] = numberOrGap(valueCells[i]);
    denominators[s][p] = denominatorCells ? numberOrGap(denominatorCells[i]) : null;
    targets[s][p] = targetCells ? numberOrGap(targetCells[i]) : null;
  }
  return { names, values, denominators: denominatorCells ? denominators : null, ...(targetCells ? { periodTargets: targets } : {}), periods };
}

/** Two period labels are one period as Excel compares them: numbers by value, text ignoring case. */
const sameKey = (a: string | number, b: string | number) => (typeof a === "number" || typeof b === "number" ? a === b : a.toLowerCase() === b.toLowerCase());

/**
 * Why a long table cannot be one KPI across segments, or null: it needs two segments or more,
 * two periods or more, and a number in every segment.
 */
export function longDataError(data: LongData): string | null {
  if (data.names.length < 2) return "a KPI across segments needs two segments or more in its segment column";
  const periods = Math.max(0, ...data.values.map((v) => v.length));
  if (periods < 2) return "a KPI across segments needs at least two periods of each segment";
  const empty = data.values.findIndex((v) => v.every((x) => x === null));
  return empty >= 0 ? `the rows of ${data.names[empty]} hold no numbers` : null;
}

/**
 * A long KPI's denominators as typed in the form: another column of its table, by its header
 * ("Visits") or as a structured reference ("OrdersByRegion[Visits]"); the workbook checks the
 * table has it (segmentsLongTag.ts). Null for a sheet range (Visits!B2:B9): it would not follow
 * the table's rows as they are sorted or added.
 */
export function tableColumnTextOf(text: string): string | null {
  const t = text.trim().replace(/^=/, "");
  return t === "" || t.includes("!") || /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(t) ? null : t;
}
