/**
 * The shape of one KPI's values as the analyses read them, shared by the portfolio and the
 * month-end and segment views without their depending on one another.
 */
import type { SegmentData } from "./segments";
import type { LongPeriods } from "../excel/segmentLongFormulas";

/** One KPI's values as the workbook read them (the fields of the workbook's KpiSeries used here). */
export interface SeriesValues {
  /** Current address of the values, or null when the source range is gone. */
  address?: string | null;
  values: (number | null)[];
  targets?: (number | null)[] | null;
  /** A rate KPI's denominators, period for period. */
  denominators?: (number | null)[] | null;
  problem?: string | null;
  /** A KPI across segments: the segments behind its totals (segments.ts; `values` are then the totals). */
  segments?: SegmentData | null;
  /** A KPI split by a column of a table with a period column: that column and its periods (segmentsLongRead.ts). */
  byPeriod?: LongPeriods;
}
