/**
 * A KPI split by a column of its table (the long format, core/model/segmentsLong.ts) on the
 * Scorecard by its total per period, as a block is (scorecardSegments.ts): a column of live
 * formulas, a period a cell, over the table's columns by their structured references, so a
 * co-author who sorts or filters the table changes nothing (a filter hides rows, it does not
 * remove them, and SUMPRODUCT reads hidden rows). A period is its value in the period column, as
 * the card reads it: the rows of period p are those whose period cell equals p's value and whose
 * segment cell is not empty (a total row, a blank row left out, as longDataOf leaves them out).
 * The total is complete when each of the `segments` segments the build read has a number there,
 * else #N/A (a gap, as the card's segmentTotals has none). Only host-list functions
 * (hostFunctions.ts): SUMPRODUCT, ISNUMBER, LN, IF, NA; SUMPRODUCT's comma form reads a
 * non-numeric entry as 0 ("SUMPRODUCT function", support.microsoft.com), where `*` would give
 * #VALUE!. Only a table with a period column: without one, a period is each segment's n-th row in
 * table order, which no formula of that list can pick out.
 */
import { structuredReference } from "./a1";
import { registerCell } from "./formulas";
import { KpiDefinition } from "../model/kpi";
import { isRateKpi } from "../model/rates";
import type { TotalsFormulas } from "./scorecardSegments";
import { countedRate, perFactor } from "./rateFormulas";

/** What a build read of a long KPI's table: its columns by name and its periods' values in order. */
export interface LongTotals {
  table: string;
  value: string;
  segment: string;
  period: string;
  /** The denominators' column of a rate, the per-row targets' column; null without. */
  denominator: string | null;
  target: string | null;
  /** The periods' values in the period column, in the card's order. */
  keys: (string | number)[];
  /** How many segments the build read. */
  segments: number;
}

/** A period's value as a formula literal: a number, or text in quotes (a quote doubled). */
export const periodLiteral = (key: string | number) => (typeof key === "number" ? String(key) : `"${key.replace(/"/g, '""')}"`);

/** The formulas of a long KPI's totals columns, one cell per period (scorecardParts.ts puts them beside the period labels). */
export function longTotalsFormulas(k: KpiDefinition, long: LongTotals): TotalsFormulas {
  const col = (name: string) => structuredReference(long.table, name);
  const n = long.segments;
  const each = (f: (rows: string) => string) => long.keys.map((key) => f(`(${col(long.period)}=${periodLiteral(key)})*(${col(long.segment)}<>"")`));
  const complete = (rows: string, ...parts: string[]) => `SUMPRODUCT(${rows}${parts.map((p) => `*${p}`).join("")})=${n}`;
  const sum = (rows: string, column: string) => `SUMPRODUCT(${rows},${col(column)})`;
  const mean = k.aggregation === "average" ? `/${n}` : "";
  const isNumber = (column: string) => `ISNUMBER(${col(column)})`;
  if (!isRateKpi(k) || long.denominator === null) {
    const targets =
      long.target !== null
        ? each((rows) => `=IF(${complete(rows, isNumber(long.target!))},${sum(rows, long.target!)}${mean},NA())`)
        : k.target !== null && k.aggregation !== "average"
          ? each(() => `=${n}*${registerCell(k.id, "Target")}`)
          : null;
    return { values: each((rows) => `=IF(${complete(rows, isNumber(long.value))},${sum(rows, long.value)}${mean},NA())`), targets };
  }
  // A rate: every segment a count and a denominator above 0 (rateFormulas.ts countedRate).
  const d = long.denominator;
  const rated = (rows: string) => complete(rows, countedRate(col(long.value), col(d)));
  const per = perFactor(k);
  return {
    values: each((rows) => `=IF(${rated(rows)},${sum(rows, long.value)},"")`),
    denominators: each((rows) => `=IF(${rated(rows)},${sum(rows, d)},"")`),
    rates: each((rows) => `=IF(${rated(rows)},${sum(rows, long.value)}/${sum(rows, d)}${per},NA())`),
    // With a target per row: the rate with every segment on its target, Σ tₛ·dₛ / Σ dₛ (segmentTotals).
    targets:
      long.target === null
        ? null
        : each(
            (rows) => `=IF((${rated(rows)})*(${complete(rows, isNumber(long.target!))}),SUMPRODUCT(${rows},${col(long.target!)},${col(d)})/${sum(rows, d)},"")`,
          ),
  };
}
