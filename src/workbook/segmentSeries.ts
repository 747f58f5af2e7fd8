/**
 * The series the pane gets for a KPI across segments, whichever way it is laid out: a block
 * (segmentsRead.ts) or a table column split by another (segmentsLongRead.ts). Its own module so
 * both readers depend on it and neither on the other.
 */
import type { SegmentData } from "../core/model/segments";
import type { RateSeries } from "./denominatorRange";
import type { LongPeriods } from "../core/excel/segmentLongFormulas";

/** A segmented KPI's series: the totals as values (and Σ denominators), with the segments behind them. */
export type SegmentSeries = RateSeries & {
  segments?: SegmentData | null;
  /** A long KPI read by a period column: that column, its periods' values in order and the table's rows (the Scorecard's totals, the card's formulas). */
  byPeriod?: LongPeriods;
};
