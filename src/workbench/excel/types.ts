/**
 * The shapes of the in-memory workbook's state (model.ts keeps it): cells, sheets, tables,
 * charts, names, conditional formats and change events. Apart from the model so that the
 * files that only read these shapes (the rule evaluation, the proxies) need not import it.
 */
import type { Area } from "../../core/excel/a1";

export type CellValue = number | string | boolean;

export interface Cell {
  /** A constant; absent for an empty cell or a formula. */
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  /** The cell's own borders by edge (rangeBorders.ts); absent: none. */
  borders?: Partial<Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight", CellBorder>>;
}

/** One edge of a cell's border, as Excel.RangeBorder gives it. */
export interface CellBorder {
  style: string;
  color: string;
  weight: string;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, Cell>;
  protected: boolean;
  /** Print settings set through Worksheet.pageLayout (pageLayout.ts); absent: Excel's defaults. */
  page?: PageLayoutModel;
}

/** What the stand-in keeps of "Excel.PageLayout" (ExcelApi 1.9): orientation, zoom and the print area. */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: Area | null;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included. */
  area: Area;
  columns: string[];
  /** Body rows (0-based within the body) an active filter hides; absent or empty: no filter (tableFilters.ts). */
  hiddenRows?: number[];
}

/**
 * A chart on a sheet ("Excel.Chart"): its type, the range its series come from (on any sheet:
 * a chart's data may live elsewhere, as a dashboard's does), its title, and the cells it covers.
 */
export interface ChartModel {
  id: string;
  sheetId: string;
  name: string;
  type: string;
  source: { sheetId: string; area: Area };
  title: string;
  /** The cells the chart covers (setPosition), or null where Excel placed it by default. */
  position: Area | null;
  /** Its series (charts.ts seriesOf makes them from the source on first use); absent: not yet made. */
  series?: ChartSeriesModel[];
}

/** A series of a chart ("Excel.ChartSeries"): its name, its values and its category (x-axis) labels, as ranges. */
export interface ChartSeriesModel {
  name: string;
  values: { sheetId: string; area: Area } | null;
  xValues: { sheetId: string; area: Area } | null;
}

/** The chart types the stand-in draws; Excel knows many more ("Excel.ChartType"), the add-in uses these. */
export const CHART_TYPES = ["Line", "LineMarkers", "ColumnClustered"] as const;

export interface NameModel {
  name: string;
  /** What the name refers to, as Excel writes it: "=Sheet1!$B$2:$B$37" or "=Sales[Revenue]". */
  formula: string;
  comment: string;
}

export type CfOperator = "Between" | "NotBetween" | "EqualTo" | "NotEqualTo" | "GreaterThan" | "LessThan" | "GreaterThanOrEqual" | "LessThanOrEqual";

export interface ConditionalFormatModel {
  id: string;
  sheetId: string;
  area: Area;
  type: "Custom" | "CellValue";
  /** Custom: the rule formula, written for the top-left cell of the area. */
  formula?: string;
  /** CellValue: the comparison. */
  operator?: CfOperator;
  formula1?: string;
  formula2?: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue: boolean;
}

export interface ChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted";
  source: "Local" | "Remote";
}

export interface SelectionEvent {
  type: "WorksheetSelectionChanged";
  worksheetId: string;
  address: string;
}
