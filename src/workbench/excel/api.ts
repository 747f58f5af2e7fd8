/**
 * The stand-in Excel: the Excel JavaScript API subset KPI Lens uses, over the in-memory
 * WorkbookModel (model.ts), with Excel's batching rules. One file per Excel object, each class
 * naming the Microsoft page it imitates:
 *   errors.ts             RichApi.Error and its codes
 *   context.ts            Excel.RequestContext: the queue, sync, payload limits; Excel.run
 *   proxy.ts              the load/sync proxy written once, properties as tables
 *   workbook.ts           Excel.Workbook
 *   worksheets.ts         Excel.WorksheetCollection, Worksheet, WorksheetProtection
 *   ranges.ts             Excel.Range, RangeAreas (rangeFormat.ts: RangeFormat, RangeFill/Font)
 *   tables.ts             Excel.TableCollection, Table, AutoFilter (tableRows.ts, tableColumns.ts;
 *                         tableFilters.ts: what a filtered table refuses)
 *   charts.ts             Excel.ChartCollection, Chart, ChartTitle
 *   names.ts              Excel.NamedItemCollection, NamedItem
 *   settings.ts           Excel.SettingCollection, Setting
 *   conditionalFormats.ts Excel.ConditionalFormatCollection, ConditionalFormat and its rules
 * Objects are cast to the real Excel.* types by the workbench: the add-in code cannot tell.
 * Importers use this index; it loads every proxy (see makeProxy in proxy.ts).
 *
 * Words, one for each thing (prose says these; class names stay as they are):
 *   the in-memory Excel  this folder: WorkbookModel (model.ts, the cells, names, tables, formats)
 *                        and the API over it. Older comments and names (StandInRun) call it
 *                        "the stand-in Excel"; that is the same thing. Its tests are
 *                        test/workbench/<file>.test.ts, named after the file they test.
 *   Fake…                a class of the in-memory Excel imitating one Excel.* object
 *                        (FakeRange is Excel.Range); only in code, never in prose.
 *   the workbench        the page (src/workbench/index.tsx) that runs the real task pane and
 *                        workbook code against the in-memory Excel beside a grid, and the tests
 *                        that drive it (window.workbench); not the in-memory Excel itself.
 */
export { ExcelApiError } from "./errors";
export { FakeRequestContext, PAYLOAD_LIMIT_BYTES, payloadSize, runWith } from "./context";
export type { StandInRun } from "./context";
export { FakeObject } from "./proxy";
export { FakeWorkbook } from "./workbook";
export { FakeWorksheet, FakeWorksheetCollection, FakeWorksheetProtection } from "./worksheets";
export { FakeRange, FakeRangeAreas, GET_CELL_LIMIT } from "./ranges";
export { FakeColour, FakeRangeFormat } from "./rangeFormat";
export { FakeAutoFilter, FakeTable, FakeTableCollection, FakeTableScopedCollection } from "./tables";
export { FakeTableRow, FakeTableRowCollection } from "./tableRows";
export { FakeTableColumn, FakeTableColumnCollection } from "./tableColumns";
export { FakeChart, FakeChartCollection, FakeChartTitle } from "./charts";
export { FakeNamedItem, FakeNamedItemCollection } from "./names";
export { FakeSetting, FakeSettingCollection } from "./settings";
export {
  CF_RULE_FORMULA_MAX_LENGTH,
  FakeCellValueConditionalFormat,
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeCustomConditionalFormat,
} from "./conditionalFormats";
