/**
 * One KPI across segments (issue 23, item 3; DESIGN.md "Third wave": "A KPI may span segments …
 * its definition stays one register row"). Its register row's Segments column says how the data
 * is laid out:
 * - "columns": a block of periods × segments, the way a finance sheet lays regions across columns:
 *   KPI_<ID> refers to the block's numbers (a period per row, a segment per column) and the row
 *   right above it holds the segments' names;
 * - "by <column>": a table column of values with a segment column beside it in the same table, the
 *   long format Power Query delivers: each segment's rows, in table order, are its periods.
 * One definition, owner and target: the Target is one number for every segment, or a range with
 * one cell per segment (in the order of the segments: left to right for a block). A rate KPI's
 * denominators are a block of the same shape (a column of the same table in the long format).
 * Pure: the workbook reads the cells and hands them here.
 */
import type { KpiDefinition } from "./kpiDefinition";
import { areaName, parseAddress, qualified } from "../excel/a1";
import type { RateFields } from "./rates";

export type SegmentLayout = { kind: "columns" } | { kind: "by"; column: string };

/** The register's word for a block with a header row of segment names. */
export const BLOCK_LAYOUT = "columns";

/**
 * The layout a Segments cell (or the form's field) says: null for "" (one series, no segments),
 * undefined for text that is no layout. "columns" (or "across columns"); "by Region" (or
 * "by [Region]") for a table's segment column.
 */
export function segmentLayoutOf(text: string): SegmentLayout | null | undefined {
  const t = text.trim().replace(/\s+/g, " ");
  if (t === "") return null;
  if (/^(across )?columns$/i.test(t)) return { kind: "columns" };
  const by = /^by \[?([^[\]]+?)\]?$/i.exec(t);
  return by ? { kind: "by", column: by[1].trim() } : undefined;
}

/** The register's text for a layout: "columns", or "by Region". */
export function segmentLayoutText(layout: SegmentLayout | null): string {
  if (layout === null) return "";
  return layout.kind === "columns" ? BLOCK_LAYOUT : `by ${layout.column}`;
}

/** Whether a definition spans segments (its Segments column is not empty). */
export const isSegmented = (k: { segments?: string }): boolean => !!segmentLayoutOf(k.segments ?? "");

/** Why a Segments text cannot be used, or null. */
export function segmentsError(text: string): string | null {
  return segmentLayoutOf(text) === undefined
    ? `"${text.trim()}" is not a layout KPI Lens knows: "columns" (a header row of segment names above a block), "by" a table column (by Region), or empty.`
    : null;
}

/**
 * A segmented KPI's denominators as typed: a block of cells (periods × segments, the values'
 * shape, which the workbook checks against the values), such as "Visits!B2:E37". Absolute, with
 * the sheet when one was given; null for anything else (kpi.ts targetRangeOf's twin for blocks).
 */
export function blockRangeOf(text: string): string | null {
  const t = text.trim().replace(/^=/, "");
  if (!/[A-Za-z]+\$?\d+\s*:\s*\$?[A-Za-z]+\$?\d+$/.test(t)) return null;
  try {
    const area = parseAddress(t.replace(/\s+(?=:)|(?<=:)\s+/g, ""));
    if (area.rowCount * area.colCount < 2) return null;
    return area.sheet === undefined ? areaName(area, true) : qualified(area.sheet, area, true);
  } catch {
    return null;
  }
}

/** A KPI's values split by segment: names, and for each segment its periods, oldest first. */
export interface SegmentData {
  names: string[];
  /** values[s][p]: segment s, period p; null for a gap. */
  values: (number | null)[][];
  /** A rate KPI's denominators, the same shape; null for a KPI that is not a rate. */
  denominators: (number | null)[][] | null;
  /** Each segment's target (one number repeated, or the range's cell); null where it has none. */
  targets: (number | null)[];
  /**
   * periodTargets[s][p]: segment s's target in period p, where the targets come per row (a long
   * table's target column, segmentsLong.ts); absent otherwise. targets[s] is then the target of
   * the segment's latest period (segmentTargetsOf).
   */
  periodTargets?: (number | null)[][];
}

const isLabel = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const numberOrGap = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The segments' names from a block's header row, or why it is not one: every cell must be a
 * label (text, not a number), each different (compared as Excel compares text, ignoring case).
 */
export function segmentNamesOf(header: readonly unknown[]): string[] | string {
  const names: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const v = header[i];
    if (!isLabel(v))
      return `the header cell of segment ${i + 1} is ${v === "" || v === null || v === undefined ? "empty" : `not a name (${String(v)})`}: each column of the block needs its segment's name in the row above the numbers`;
    const name = v.trim();
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) return `two segments are named "${name}": give each column of the block its own name`;
    names.push(name);
  }
  return names;
}

/** A block's rows (a period per row, a segment per column) as one series per segment. */
export function columnsOf(rows: readonly (readonly unknown[])[], segments: number): (number | null)[][] {
  return Array.from({ length: segments }, (_, s) => rows.map((r) => numberOrGap(r[s])));
}

/**
 * The long format as segments: the segment of each row and its value (and denominator), in table
 * order. Segments come in the order they first appear; each segment's n-th row is its n-th
 * period, so every segment needs a row for every period (a gap is a row with a blank value). A
 * row with no segment name is left out.
 */
export function fromLongRows(
  segmentCells: readonly unknown[],
  valueCells: readonly unknown[],
  denominatorCells: readonly unknown[] | null,
  targetCells: readonly unknown[] | null = null,
): Omit<SegmentData, "targets"> {
  const names: string[] = [];
  const values: (number | null)[][] = [];
  const denominators: (number | null)[][] = [];
  const targets: (number | null)[][] = [];
  segmentCells.forEach((cell, i) => {
    const name = typeof cell === "number" ? String(cell) : isLabel(cell) ? cell.trim() : null;
    if (name === null) return;
    let s = names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (s < 0) {
      s = names.push(name) - 1;
      values.push([]);
      denominators.push([]);
      targets.push([]);
    }
    values[s].push(numberOrGap(valueCells[i]));
    denominators[s].push(denominatorCells ? numberOrGap(denominatorCells[i]) : null);
    targets[s].push(targetCells ? numberOrGap(targetCells[i]) : null);
  });
  const periods = Math.max(0, ...values.map((v) => v.length));
  const pad = (xs: (number | null)[]) => [...xs, ...Array.from({ length: periods - xs.length }, () => null)];
  return {
    names,
    values: values.map(pad),
    denominators: denominatorCells ? denominators.map(pad) : null,
    ...(targetCells ? { periodTargets: targets.map(pad) } : {}),
  };
}

/**
 * How many whole new periods stand right below a block (periods down, segments across): the rows
 * of `below` (the cells under it, a column a segment) with a number in every segment, up to the
 * first that has not, and never from row `stop` on (the KPI's own target row or denominators,
 * numbers but not periods). A row partly filled is not a period yet (the regions still reporting).
 */
export function newBlockPeriods(below: readonly (readonly unknown[])[], stop: number = below.length): number {
  const most = Math.min(stop, below.length);
  let n = 0;
  while (n < most && below[n].length > 0 && below[n].every((v) => numberOrGap(v) !== null)) n++;
  return n;
}

/** Where a block's parts are, within the cells read (0-based offsets), and its segments' names. */
export interface BlockParts {
  names: string[];
  /** The numbers: rows from `firstRow` (0 when the header is the row above the cells read), columns from `firstCol`. */
  firstRow: number;
  firstCol: number;
  periods: number;
  segments: number;
}

/**
 * A block as selected (core/model/segments.ts "columns"): its header row of segment names is the
 * first row of the cells when that row is all labels, else the row right above them (`above`,
 * null at the sheet's top). A first column of labels and no numbers (the months) is the periods'
 * names, not a segment, and is left out. Every segment needs at least one number, and there must be
 * two segments and two periods. Returns the parts, or why the cells are no block.
 */
export function blockPartsOf(rows: readonly (readonly unknown[])[], above: readonly unknown[] | null): BlockParts | string {
  const allLabels = (cells: readonly unknown[]) => cells.length > 0 && cells.every(isLabel);
  // The header inside the cells read (their first row), else the row above them.
  const read = [
    { header: rows[0] ?? [], body: rows.slice(1), firstRow: 1 },
    { header: above ?? [], body: rows, firstRow: 0 },
  ].map((c) => ({ ...c, firstCol: (rows[0]?.length ?? 0) > 1 && periodLabels(c.body) ? 1 : 0 }));
  const found = read.find((c) => allLabels(c.header.slice(c.firstCol)));
  if (!found) return "a block needs a header row of segment names right above its numbers (North, South, … in the row above the first period)";
  const { header, body, firstRow, firstCol } = found;
  const names = segmentNamesOf(header.slice(firstCol));
  if (typeof names === "string") return names;
  if (names.length < 2) return "a block needs two segments or more side by side; for one series, select one column";
  if (body.length < 2) return "a block needs at least two periods of numbers under its header row";
  const empty = names.findIndex((_, s) => !body.some((r) => numberOrGap(r[firstCol + s]) !== null));
  if (empty >= 0) return `the column of ${names[empty]} holds no numbers`;
  return { names, firstRow, firstCol, periods: body.length, segments: names.length };
}

/** Whether a block's first column holds the periods' labels (text and blanks, no number). */
function periodLabels(body: readonly (readonly unknown[])[]): boolean {
  return body.length > 0 && body.some((r) => isLabel(r[0])) && body.every((r) => isLabel(r[0]) || r[0] === "" || r[0] === null || r[0] === undefined);
}

/**
 * Each segment's target: the KPI's one number for all, else the range's cells in segment order
 * (null past its end), else, with targets per period (`data.periodTargets`), the target of the
 * segment's latest period with a value (what its status is judged against, as a KPI's assurance
 * is read against its latest period's target).
 */
export function segmentTargetsOf(
  kpi: Pick<KpiDefinition, "target">,
  segments: number,
  cells: readonly unknown[] | null,
  data?: Pick<SegmentData, "values" | "periodTargets">,
): (number | null)[] {
  return Array.from({ length: segments }, (_, s) => {
    if (kpi.target !== null) return kpi.target;
    const perPeriod = data?.periodTargets?.[s];
    if (!perPeriod) return numberOrGap(cells?.[s]);
    const values = data!.values[s];
    for (let p = values.length - 1; p >= 0; p--) if (values[p] !== null) return perPeriod[p] ?? null;
    return null;
  });
}

/** Segment s's target in period p: its own per period where the targets come per row, else its one target. */
export const segmentTargetAt = (data: Pick<SegmentData, "targets" | "periodTargets">, s: number, p: number): number | null =>
  data.periodTargets ? (data.periodTargets[s]?.[p] ?? null) : data.targets[s];

/** The totals over the segments, period by period: what the card's headline and the KPI's status are about. */
export interface SegmentTotals {
  values: (number | null)[];
  /** A rate KPI's Σ denominators per period; null for a KPI that is not a rate. */
  denominators: (number | null)[] | null;
  /** Each period's total target (the segments' targets rolled up the same way); null where a segment has none. */
  targets: (number | null)[];
}

type TotalKpi = Pick<KpiDefinition, "aggregation" | "target" | "atRisk"> & RateFields;

/**
 * The total of each period across the segments, by the KPI's roll-up (rollup.ts): a flow (sum)
 * adds the segments; so does a stock ("last": last takes a period's latest value over time, but a
 * company's headcount is its regions' added up); a level ("average": NPS, a score) is their mean.
 * A rate KPI's total is Σ numerators / Σ denominators (the pooled rate, as its year to date is,
 * never the mean of the segments' rates: rollup.ts rateRollups). A period where any segment lacks
 * a value (or a rate's denominator above 0) has no total: the sum of three regions of four is not
 * the total. Targets roll up the same way: Σ targets, their mean, or for a rate Σ tₛ·dₛ / Σ dₛ
 * (the rate the period would have had with every segment on its target).
 */
export function segmentTotals(kpi: TotalKpi, data: SegmentData): SegmentTotals {
  const periods = Math.max(0, ...data.values.map((v) => v.length));
  const k = data.names.length;
  const rate = !!kpi.denominatorRange && data.denominators !== null;
  const values: (number | null)[] = [];
  const denominators: (number | null)[] = [];
  const targets: (number | null)[] = [];
  for (let p = 0; p < periods; p++) {
    let sum = 0;
    let units = 0;
    let targetSum = 0;
    let weighted = 0;
    let complete = k > 0;
    let targeted = true;
    for (let s = 0; s < k; s++) {
      const v = data.values[s][p] ?? null;
      const d = rate ? (data.denominators![s][p] ?? null) : 1;
      const t = segmentTargetAt(data, s, p);
      if (v === null || d === null || !(d > 0)) complete = false;
      else {
        sum += v;
        units += d;
        if (t !== null) weighted += t * d;
      }
      if (t === null) targeted = false;
      else targetSum += t;
    }
    if (!complete) {
      values.push(null);
      denominators.push(null);
      targets.push(rate || !targeted ? null : rollTarget(kpi, targetSum, k));
      continue;
    }
    values.push(rate ? sum : kpi.aggregation === "average" ? sum / k : sum);
    denominators.push(rate ? units : null);
    targets.push(!targeted ? null : rate ? weighted / units : rollTarget(kpi, targetSum, k));
  }
  return { values, denominators: rate ? denominators : null, targets };
}

const rollTarget = (kpi: TotalKpi, sum: number, k: number) => (kpi.aggregation === "average" ? sum / k : sum);

/**
 * The definition the total is judged by (its status, chart and month-end figures): a sum of k
 * segments has k times one segment's target, and a fixed At risk keeps its distance from each
 * segment's target, so k distances from the total's (as rollup.ts rolls a fixed boundary over
 * periods); a percentage At risk applies to the total's target as it is. With a target per
 * segment, each period's total target is in the series (SegmentTotals.targets): target null.
 * A mean or a rate keeps the segments' own terms.
 */
export function totalDefinition<K extends KpiDefinition>(kpi: K, segments: number): K {
  if (kpi.target === null || kpi.denominatorRange || kpi.aggregation === "average") return kpi;
  const atRisk = kpi.atRisk === null ? null : segments * kpi.atRisk;
  return { ...kpi, target: segments * kpi.target, atRisk };
}

/** A KPI's series as the workbook reads a segmented one: the totals, and the segments behind them. */
export interface SegmentedValues {
  segments?: SegmentData | null;
}

/** The definition a KPI's series is judged by: the total's (totalDefinition) when the series carries segments, else the KPI's own. */
export function judgedAs<K extends KpiDefinition>(kpi: K, series: SegmentedValues | undefined): K {
  return series?.segments && isSegmented(kpi) ? totalDefinition(kpi, series.segments.names.length) : kpi;
}
