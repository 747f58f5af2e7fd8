/**
 * The Scorecard sheet: built by one button and rebuilt in place. It holds only live formulas
 * (core/excel/scorecard.ts), its status colours as conditional formats the sheet carries (so they
 * print), native line charts with the budget and period labels, and a one-page landscape print
 * setup (scorecardParts.ts). The sheet is found by the marker name (scorecardPrevious.ts), which
 * refers to the block the last build wrote; a rebuild replaces only that block, its own rules and
 * its charts, and refuses when the new block would cover a cell of the user's. All or nothing: a
 * refused rebuild, or one a co-author's edit between the read and the write interrupts, puts the
 * old one back.
 */
import { isSegmented } from "../core/model/segments";
import { Area, areaName, parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { runSliced } from "../core/analysis/slicing";
import { standingCloses } from "../core/model/reported";
import {
  asOfFormula,
  PERIOD_COLUMN,
  SCORECARD_HEADERS,
  SCORECARD_NUMBER_FORMATS,
  ScorecardLine,
  scorecardLinesSteps,
  scorecardOrder,
} from "../core/excel/scorecard";
import { ScorecardView, viewLine } from "../core/excel/scorecardReported";
import { BuildData, chartLabel, summaryCells, SummaryLine, SUMMARY_HEADERS, SUMMARY_PERIOD_COLUMN } from "../core/excel/scorecardSummary";
import type { SummarySegment } from "../core/excel/scorecardSegmentSummary";
import { REPORTED_NAMES, targetNameOf } from "../core/excel/workbookNames";
import { KpiWorkbookError } from "./errors";
import { RegisterRead } from "./registerRead";
import { CHART_PREFIX, chartSpecs, ChartSpec, FIRST_ROW, Layout, layoutOf, queueChart, queuePrintSetup, StatusColours, totalsAt } from "./scorecardParts";
import { onScorecardByTotals } from "../core/excel/scorecardSegments";
import {
  findPrevious,
  Found,
  Previous,
  readBefore,
  redrawCharts,
  SCORECARD_MARKER,
  SCORECARD_SETTING,
  SCORECARD_SHEET,
  ScorecardRecord,
} from "./scorecardPrevious";
import { sameContent, Step } from "./writeEngine";

// The last build is found in scorecardPrevious.ts; re-exported for kpiWorkbook.ts, which begins findPrevious in the register read's round trip.
export { findPrevious, SCORECARD_MARKER, SCORECARD_SETTING, SCORECARD_SHEET };
export type { Found };

export interface ScorecardResult {
  sheet: string;
  rows: number;
  charts: number;
  rebuilt: boolean;
  /** The figures it shows: today's (as restated), or as reported at the "As of" close. */
  view: ScorecardView;
  /** The KPIs across segments it left out, by name: split by a column of a table with no period column, or with no room for their columns. */
  leftOut: string[];
}

/**
 * The number of periods of a KPI's range, when its source is an address (a table column's grows, so it has none); a block's
 * rows; a long KPI's periods as the build read them.
 */
function lengthOf(read: RegisterRead, k: KpiDefinition, data: BuildData): number | null {
  const long = data.longOf?.(k);
  if (long) return long.keys.length;
  try {
    const a = parseAddress(read.state.sources[k.id] ?? "");
    return isSegmented(k) ? a.rowCount : a.rowCount * a.colCount;
  } catch {
    return null;
  }
}

/** The cells of a build: title, "as of", note, headers, the table's lines, then the period labels under the charts. */
async function cellsOf(
  kpis: KpiDefinition[],
  read: RegisterRead,
  baselineOf: (k: KpiDefinition) => number | null,
  view: ScorecardView,
  data: BuildData,
): Promise<{ cells: string[][]; formats: string[][]; layout: Layout }> {
  const notes = read.notes.exists;
  const closes = hasCloses(read);
  // The table's lines: a heading per objective (the KPIs are in scorecardOrder), and the KPIs.
  const groups = kpis.filter((k, i) => i === 0 || (k.objective || "") !== (kpis[i - 1].objective || "")).length;
  const segmentsOf = (k: KpiDefinition) => (onScorecardByTotals(k) ? (data.segmentsOf?.(k) ?? []) : []);
  const segmentLines = kpis.reduce((n, k) => n + segmentsOf(k).length, 0);
  const layout = layoutOf(
    kpis,
    groups + kpis.length,
    (k) => lengthOf(read, k, data),
    kpis.length + segmentLines,
    (k) => data.longOf?.(k) ?? null,
  );
  // In time slices: 300 KPIs' rows are a long task of the shared thread (core/analysis/slicing.ts).
  const lines = await runSliced(
    scorecardLinesSteps(kpis, FIRST_ROW + 2, baselineOf, notes, { view, closes, chartOf: data.chartOf, totalsOf: (k) => totalsAt(layout, k.id) }),
  );
  const { rowCount } = parseAddress(layout.block);
  const width = SCORECARD_HEADERS.length;
  const cells = Array.from({ length: rowCount }, () => Array.from({ length: width }, () => ""));
  const formats = Array.from({ length: rowCount }, () => Array.from({ length: width }, () => "General"));
  const column = (c: number) => String.fromCharCode(65 + c);
  const periods = `${column(PERIOD_COLUMN)}${FIRST_ROW + 2}:${column(PERIOD_COLUMN)}${layout.tableEnd}`;
  const today = new Date().toISOString().slice(0, 10);
  cells[0][0] = "KPI scorecard";
  cells[1].splice(0, 4, "As of", asOfFormula(closes, periods), "Latest data", asOfFormula(false, periods));
  formats[1][1] = closes ? "@" : "mmm yyyy";
  formats[1][3] = "mmm yyyy";
  cells[2][0] = `Built by KPI Lens on ${today}: every cell is a formula over the KPIs' names, the register${notes ? " and KPI Notes" : ""}, so it stays current. "As of" is ${closes ? "the latest period that stands closed (not reopened since)" : "the latest period with data"}. Rebuild it from the pane after adding or removing KPIs.`;
  cells[FIRST_ROW - 1][0] = viewLine(view, closes);
  cells[FIRST_ROW] = [...SCORECARD_HEADERS];
  lines.forEach((line, i) => {
    cells[FIRST_ROW + 1 + i] = line.formulas;
    if (line.kind === "kpi") for (const [c, f] of Object.entries(SCORECARD_NUMBER_FORMATS)) formats[FIRST_ROW + 1 + i][Number(c)] = f;
  });
  summaryCells(summaryLinesOf(lines, data, segmentsOf, baselineOf), layout.summaryTop + 1).forEach((row, i) => {
    cells[layout.summaryTop + i].splice(0, row.length, ...row);
    if (i >= 2) Object.assign(formats[layout.summaryTop + i], { [SUMMARY_PERIOD_COLUMN]: "mmm yyyy", [SUMMARY_HEADERS.length - 1]: "0" });
  });
  if (layout.labels.length)
    cells[layout.labelsTop][0] = layout.totalsColumnOf.size
      ? "Period labels, rates of rate KPIs and totals (their targets, a rate's denominators and rates) of KPIs across segments, of the charts and rows above"
      : layout.rateColumnOf.size
        ? "Period labels, and the rates of rate KPIs, of the charts above"
        : "Period labels of the charts above";
  // Rates and totals are numbers (General); the labels, dates.
  const numberColumns = new Set([
    ...layout.rateColumnOf.values(),
    ...[...layout.totalsColumnOf.values()].flatMap((t) => [t.values, t.targets, t.denominators, t.rates].filter((c) => typeof c === "number")),
  ]);
  layout.labels.forEach((col, c) =>
    col.forEach((f, r) => {
      cells[layout.labelsTop + 1 + r][c] = f;
      formats[layout.labelsTop + 1 + r][c] = numberColumns.has(c) ? "General" : "mmm yyyy";
    }),
  );
  return { cells, formats, layout };
}

/**
 * The KPIs' lines for the summary, most urgent first as the pane orders them (scorecardCharts.ts), any the order lacks after;
 * a KPI across segments followed by a line per segment, worst first as its card listed them at the build (portfolioSummary.ts).
 */
function summaryLinesOf(
  lines: ScorecardLine[],
  data: BuildData,
  segmentsOf: (k: KpiDefinition) => SummarySegment[],
  baselineOf: (k: KpiDefinition) => number | null,
): SummaryLine[] {
  const rows = lines.flatMap((l, i) => (l.kind === "kpi" ? [{ kpi: l.kpi, row: FIRST_ROW + 2 + i, chart: chartLabel(l.kpi, data.chartOf) }] : []));
  const place = (id: string) => (data.urgent.includes(id) ? data.urgent.indexOf(id) : data.urgent.length);
  return rows
    .sort((a, b) => place(a.kpi.id) - place(b.kpi.id))
    .flatMap((r) => [r, ...segmentsOf(r.kpi).map((segment) => ({ ...r, chart: segment.chart, segment, baseline: baselineOf(r.kpi) }))]);
}

/** What a build is asked: the figures to show (a rebuild keeps the sheet's without), and the data of scorecardCharts.ts. */
export interface BuildOptions {
  view?: ScorecardView;
  data?: BuildData;
  /** findPrevious, begun by the caller (in the register read's round trip, kpiWorkbook.ts). */
  previous?: Promise<Found>;
}

/** The figures a build shows: those asked, else the sheet's (a rebuild keeps them), else today's; as reported needs a close. */
function viewOf(asked: ScorecardView | undefined, previous: Previous | null, read: RegisterRead): ScorecardView {
  const view = asked ?? previous?.record?.view ?? "restated";
  if (view === "reported" && !hasCloses(read)) {
    throw new KpiWorkbookError(
      `No period stands closed in ${REPORTED_NAMES.sheet}, so there is nothing reported to show: close one, or build the scorecard as restated.`,
    );
  }
  return view;
}

/** Whether "As of" is a close: a period stands closed in KPI Reported. */
const hasCloses = (read: RegisterRead) => standingCloses(read.state.reported).length > 0 && read.reported.exists;

/** The bounding area of two areas (the old block and the new), as A1. */
function union(a: string, b: string | null): string {
  if (!b) return a;
  const [x, y] = [parseAddress(a), parseAddress(b)];
  const row = Math.min(x.row, y.row);
  const col = Math.min(x.col, y.col);
  return areaName({
    row,
    col,
    rowCount: Math.max(x.row + x.rowCount, y.row + y.rowCount) - row,
    colCount: Math.max(x.col + x.colCount, y.col + y.colCount) - col,
  });
}

/**
 * Reads what it needs, then returns the build as one step. A rebuild replaces only what the last
 * build wrote (the block its marker names, its rules and its charts) and keeps every other cell,
 * rule and chart of the sheet; a new block that would cover a cell of the user's is refused.
 * `baselineOf` gives each KPI's SPC limits baseline as the pane uses it, `data` each rate KPI's
 * chart as its card chose it and the summary's order (scorecardCharts.ts).
 */
export async function scorecardStep(
  context: Excel.RequestContext,
  read: RegisterRead,
  token: string,
  baselineOf: (k: KpiDefinition) => number | null,
  options: BuildOptions = {},
): Promise<{ step: Step; result: ScorecardResult }> {
  // A KPI across segments is on the sheet by its totals, in columns beside the labels (scorecardSegments.ts, and
  // scorecardLongTotals.ts for a table with a period column); one of a kind not shown so yet (a table's column split by a
  // segment column with no period column), or with no room for its columns, is left out and named.
  const data = options.data ?? { chartOf: () => null, urgent: [] };
  const byTotals = (k: KpiDefinition) => onScorecardByTotals(k) || !!data.longOf?.(k);
  const candidates = scorecardOrder(read.state.kpis.filter((k) => read.state.sources[k.id] && (!isSegmented(k) || byTotals(k))));
  const room = layoutOf(
    candidates,
    0,
    (k) => lengthOf(read, k, data),
    candidates.length,
    (k) => data.longOf?.(k) ?? null,
  ).totalsColumnOf;
  const kpis = candidates.filter((k) => !isSegmented(k) || room.has(k.id));
  if (kpis.length === 0) throw new KpiWorkbookError("There is no KPI to put on a scorecard yet: tag one first.");
  const found = await (options.previous ?? findPrevious(context));
  const previous = found.previous;
  const view = viewOf(options.view, previous, read);
  const { cells, formats, layout } = await cellsOf(kpis, read, baselineOf, view, data);
  const block = layout.block;
  const oldArea = previous?.block ? parseAddress(previous.block.address) : null;
  const whole = union(block, oldArea ? areaName(oldArea) : null);
  if (!previous && found.nameTaken)
    throw new KpiWorkbookError(
      `A sheet named "${SCORECARD_SHEET}" is already in the workbook and was not made by KPI Lens. Rename it, and the scorecard is built on a new sheet.`,
    );
  const readCells = previous ? await readBefore(context, found, previous, block, whole, oldArea) : null;
  const hasTarget = (id: string) => read.names.has(targetNameOf(id).toUpperCase());
  const specs = chartSpecs(kpis, layout, hasTarget);
  const build: Build = { read, token, view, previous, block, oldArea, whole, cells, formats, layout, specs, readCells };
  const sheet = previous ? previous.sheet.name : SCORECARD_SHEET;
  const leftOut = read.state.kpis.filter((k) => read.state.sources[k.id] && isSegmented(k) && !kpis.includes(k)).map((k) => k.name);
  return { step: buildStep(build), result: { sheet, rows: kpis.length, charts: specs.length, rebuilt: previous !== null, view, leftOut } };
}

/** What a build writes and over what, as scorecardStep read it. */
interface Build {
  read: RegisterRead;
  token: string;
  view: ScorecardView;
  /** The last build, for a rebuild; null for a first build. */
  previous: Previous | null;
  /** The new block, the old one, and the area covering both (what a rebuild guards and puts back). */
  block: string;
  oldArea: Area | null;
  whole: string;
  cells: string[][];
  formats: string[][];
  layout: Layout;
  specs: ChartSpec[];
  /** A rebuild's cells of `whole` as read. */
  readCells: unknown[][] | null;
}

/** The build as one step: written in one batch, guarded by the cells as read, undone to the sheet as it was. */
function buildStep(b: Build): Step {
  const { previous, block, oldArea, whole, layout, specs } = b;
  const colours = new StatusColours(layout.coloured, b.token);
  const tempSheet = `${SCORECARD_SHEET} ~${b.token}`;
  const sheetName = previous ? previous.sheet.name : SCORECARD_SHEET;
  let made: Excel.Worksheet | null = null;
  let guarded: Excel.Range | null = null;
  return {
    what: "the scorecard",
    guard(context) {
      if (previous) guarded = context.workbook.worksheets.getItem(previous.sheet.id).getRange(whole).load("formulas");
    },
    apply(context) {
      const sheet = previous ? context.workbook.worksheets.getItem(previous.sheet.id) : context.workbook.worksheets.add(tempSheet);
      if (oldArea) sheet.getRange(areaName(oldArea)).clear("Contents");
      for (const name of previous?.charts ?? []) sheet.charts.getItem(name).delete();
      const range = sheet.getRange(block);
      range.formulas = b.cells;
      range.numberFormat = b.formats;
      colours.apply(sheet, previous?.rules ?? []);
      for (const spec of specs) queueChart(context, sheet, spec);
      queuePrintSetup(sheet, layout.printArea);
      made = sheet;
    },
    finish(context) {
      if (!previous) made!.name = SCORECARD_SHEET;
      const reference = `=${qualified(sheetName, parseAddress(block), true)}`;
      // The marker is written in the same batch: a new one, or pointed at the new block.
      if (previous?.block) context.workbook.names.getItem(SCORECARD_MARKER).formula = reference;
      else context.workbook.names.add(SCORECARD_MARKER, reference, "KPI Lens: the cells its Scorecard build wrote (rebuilds replace only these)");
      made!.load("id");
    },
    last(context) {
      colours.last();
      // A new sheet's ID is known only after the sync: the marker finds it, and the next build records it.
      const record: ScorecardRecord = { sheetId: previous ? previous.sheet.id : "", version: 2, charts: specs, view: b.view };
      context.workbook.settings.add(SCORECARD_SETTING, record as unknown as string);
    },
    check() {
      if (!previous || !guarded) return null;
      const moved = guarded.formulas.some((row, r) => row.some((v, c) => !sameContent(v, b.readCells![r][c])));
      return moved ? `Someone changed cells of the scorecard's sheet (${whole} on ${sheetName}) while it was being rebuilt.` : null;
    },
    async undo(context, applied) {
      if (!previous) return undoNew(context, applied && made ? made.id : null, tempSheet, applied);
      // The cells as the batch found them (its guard's load) when it ran, else as the operation read them.
      await undoRebuild(context, b, previous, colours, applied, ((applied && guarded ? guarded.formulas : b.readCells) ?? []) as string[][]);
    },
  };
}

/** The undo of a rebuild: its charts go, the cells and the marker are as they were, the old rules, charts and setting are put back. */
async function undoRebuild(
  context: Excel.RequestContext,
  b: Build,
  previous: Previous,
  colours: StatusColours,
  applied: boolean,
  cellsBack: string[][],
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(previous.sheet.id);
  const charts = sheet.charts.load("items/name");
  await context.sync();
  for (const chart of charts.items) if (chart.name.startsWith(CHART_PREFIX)) chart.delete();
  sheet.getRange(b.whole).formulas = cellsBack;
  if (previous.block) context.workbook.names.getItem(SCORECARD_MARKER).formula = `=${qualified(previous.sheet.name, b.oldArea!, true)}`;
  await colours.undo(context, sheet, applied, previous.rules);
  redrawCharts(context, sheet, previous, b.read);
  if (previous.record) context.workbook.settings.add(SCORECARD_SETTING, previous.record as unknown as string);
}

/** The undo of a first build: its sheet and marker go. */
async function undoNew(context: Excel.RequestContext, id: string | null, tempSheet: string, applied: boolean): Promise<void> {
  const sheet = id ? context.workbook.worksheets.getItemOrNullObject(id) : context.workbook.worksheets.getItemOrNullObject(tempSheet);
  const marker = context.workbook.names.getItemOrNullObject(SCORECARD_MARKER).load("formula");
  const setting = context.workbook.settings.getItemOrNullObject(SCORECARD_SETTING);
  await context.sync();
  if (!sheet.isNullObject) sheet.delete();
  if (!marker.isNullObject && applied) marker.delete();
  if (!setting.isNullObject && applied) setting.delete();
}
