/**
 * The Scorecard's parts beside its cells (scorecard.ts writes those): its layout on the sheet,
 * its native charts (the KPI's values, a Budget series for a target per period, period labels
 * on the category axis), its own conditional formats (the status colours, found and replaced by
 * their marker and a token, as ownFormats.ts restoreFormatsStep does for a KPI's), and its print
 * setup (Worksheet.pageLayout, ExcelApi 1.9).
 */
import { areaName } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { periodAt, SCORECARD_HEADERS, SCORECARD_RULE_ID, scorecardStatusRules, STATUS_COLUMN, VARIATION_COLUMN } from "../core/excel/scorecard";
import { iconRules, SUMMARY_STATUS_COLUMN, SUMMARY_VARIATION_COLUMN } from "../core/excel/scorecardSummary";
import { nameOf, SCORECARD_CHART_PREFIX, targetNameOf } from "../core/excel/workbookNames";
import { rateAtFormula } from "../core/excel/rateFormulas";
import { isRateKpi } from "../core/model/rates";
import { isSegmented } from "../core/model/segments";
import { onScorecardByTotals, totalsFormulas, TotalsColumns } from "../core/excel/scorecardSegments";
import { LongTotals, longTotalsFormulas } from "../core/excel/scorecardLongTotals";
import { BAND_LOOK, isOwnRule } from "./bandFormats";

export const CHART_PREFIX = SCORECARD_CHART_PREFIX;
/** 0-based row of the table's headers: a title, the "as of" line, a note and a blank row above. */
export const FIRST_ROW = 4;
const CHART_ROWS = 12;
const CHARTS_ACROSS = 4;
const CHART_COLS = Math.floor(SCORECARD_HEADERS.length / CHARTS_ACROSS);
/** Period labels are written for KPIs of at most this many periods (a longer chart is read by Excel's own numbering). */
const MAX_LABELLED = 120;

/** What a chart draws, by address, so an undo can draw it again (kept in the scorecard's setting). */
export interface ChartSpec {
  name: string;
  title: string;
  /** The KPI whose name gives the values and (budget) the target per period. */
  id: string;
  budget: boolean;
  /** The label cells on the scorecard (A1, no sheet), or null. */
  labels: string | null;
  /** A rate KPI's rates, or a KPI across segments' totals, on the scorecard (A1, no sheet), which the chart draws; absent: the KPI's own values. */
  values?: string;
  /** A KPI across segments' total target per period on the scorecard (A1, no sheet): its Budget line, in the totals' terms. */
  budgetCells?: string;
  from: string;
  to: string;
}

export interface Layout {
  /** Rows of the table: its headers and lines. */
  tableEnd: number;
  /** 0-based row of the summary's title (its headers below it, then a row per KPI). */
  summaryTop: number;
  /** 0-based first row of the chart grid, and of the period labels below it. */
  chartsTop: number;
  labelsTop: number;
  /** The whole block a build writes, the print area, and the cells each of its own rules colours. */
  block: string;
  printArea: string;
  statusCells: string;
  coloured: { address: string; kind: "status" | "icons" }[];
  /** The label columns: formulas per column, with each KPI's column; then a column of each rate KPI's rates, which its chart draws. */
  labels: string[][];
  labelColumnOf: Map<string, number>;
  rateColumnOf: Map<string, number>;
  /** A KPI across segments' column of totals, of the total's target where it has its own, and a rate's of denominators and rates (scorecardSegments.ts). */
  totalsColumnOf: Map<string, { values: number; targets: number | null; denominators?: number; rates?: number; count?: number }>;
}

/** Where a KPI's columns of totals are (absolute A1 on the scorecard), or null for a KPI without. */
export function totalsAt(layout: Layout, id: string): TotalsColumns | null {
  const at = layout.totalsColumnOf.get(id);
  if (!at) return null;
  const column = (col: number) => areaName({ row: layout.labelsTop + 1, col, rowCount: layout.labels[col].length, colCount: 1 }, true);
  return {
    values: column(at.values),
    targets: at.targets === null ? null : column(at.targets),
    ...(at.denominators === undefined ? {} : { denominators: column(at.denominators) }),
    ...(at.count === undefined ? {} : { count: at.count }),
  };
}

/** The period labels of each KPI of known length and First period: one column per distinct run of periods. */
function labelColumns(
  kpis: readonly KpiDefinition[],
  lengthOf: (k: KpiDefinition) => number | null,
  longOf: (k: KpiDefinition) => LongTotals | null,
): Pick<Layout, "labelColumnOf" | "rateColumnOf" | "totalsColumnOf"> & { columns: string[][] } {
  const columns: string[][] = [];
  const byKey = new Map<string, number>();
  const columnOf = new Map<string, number>();
  for (const k of kpis) {
    const n = lengthOf(k);
    if (!k.firstPeriod || n === null || n > MAX_LABELLED) continue;
    const key = `${k.firstPeriod}|${k.cadence}|${n}`;
    if (!byKey.has(key)) {
      if (columns.length >= SCORECARD_HEADERS.length) continue;
      byKey.set(key, columns.length);
      columns.push(Array.from({ length: n }, (_, i) => `=${periodAt(k, String(i + 1))}`));
    }
    columnOf.set(k.id, byKey.get(key)!);
  }
  // A rate KPI's chart draws its rates, not its counts: a column of them beside the labels (rateFormulas.ts rateAtFormula).
  const rateColumnOf = new Map<string, number>();
  for (const k of kpis) {
    const n = lengthOf(k);
    if (!isRateKpi(k) || isSegmented(k) || n === null || n > MAX_LABELLED || columns.length >= SCORECARD_HEADERS.length) continue;
    rateColumnOf.set(k.id, columns.length);
    columns.push(Array.from({ length: n }, (_, i) => rateAtFormula(k, i + 1)));
  }
  // A KPI across segments is shown by its totals: a column of them (and of their target; a rate's denominators and pooled
  // rates, which its chart draws), which its row and chart read.
  const totalsColumnOf: Layout["totalsColumnOf"] = new Map();
  for (const k of kpis) {
    const n = lengthOf(k);
    const long = longOf(k);
    if (!(onScorecardByTotals(k) || long) || n === null || n > MAX_LABELLED) continue;
    const made = long ? longTotalsFormulas(k, long) : totalsFormulas(k, n);
    const parts = [made.values, made.targets, made.denominators ?? null, made.rates ?? null];
    if (columns.length + parts.filter((c) => c !== null).length > SCORECARD_HEADERS.length) continue;
    const [values, targets, denominators, rates] = parts.map((c) => (c === null ? null : columns.push(c) - 1));
    totalsColumnOf.set(k.id, {
      values: values!,
      targets,
      ...(denominators === null ? {} : { denominators, rates: rates! }),
      ...(long ? { count: long.segments } : {}),
    });
  }
  return { columns, labelColumnOf: columnOf, rateColumnOf, totalsColumnOf };
}

/** `summaryLines`: the summary's lines (a KPI's, and a KPI across segments' segments'), one per KPI without. */
export function layoutOf(
  kpis: readonly KpiDefinition[],
  lines: number,
  lengthOf: (k: KpiDefinition) => number | null,
  summaryLines = kpis.length,
  longOf: (k: KpiDefinition) => LongTotals | null = () => null,
): Layout {
  const width = SCORECARD_HEADERS.length;
  const tableEnd = FIRST_ROW + 1 + lines;
  // A blank row, the summary's title, its headers and its lines, a blank row, then the charts.
  const summaryTop = tableEnd + 1;
  const chartsTop = summaryTop + 3 + summaryLines;
  const labelsTop = chartsTop + Math.ceil(kpis.length / CHARTS_ACROSS) * CHART_ROWS;
  const { columns, labelColumnOf, rateColumnOf, totalsColumnOf } = labelColumns(kpis, lengthOf, longOf);
  const longest = Math.max(0, ...columns.map((c) => c.length));
  const rows = columns.length ? labelsTop + 1 + longest : labelsTop;
  const area = (row: number, col: number, rowCount: number, colCount: number) => areaName({ row, col, rowCount: Math.max(1, rowCount), colCount });
  const statusCells = area(FIRST_ROW + 1, STATUS_COLUMN, lines, 1);
  return {
    tableEnd,
    summaryTop,
    chartsTop,
    labelsTop,
    block: areaName({ row: 0, col: 0, rowCount: rows, colCount: width }),
    printArea: areaName({ row: 0, col: 0, rowCount: labelsTop, colCount: width }),
    statusCells,
    coloured: [
      { address: statusCells, kind: "status" },
      { address: area(FIRST_ROW + 1, VARIATION_COLUMN, lines, 2), kind: "icons" },
      { address: area(summaryTop + 2, SUMMARY_STATUS_COLUMN, summaryLines, 1), kind: "status" },
      { address: area(summaryTop + 2, SUMMARY_VARIATION_COLUMN, summaryLines, 2), kind: "icons" },
    ],
    labels: columns,
    labelColumnOf,
    rateColumnOf,
    totalsColumnOf,
  };
}

/** The charts of a build: a grid of CHARTS_ACROSS under the table, so the table and charts print on one page. */
export function chartSpecs(kpis: readonly KpiDefinition[], layout: Layout, hasTargetName: (id: string) => boolean): ChartSpec[] {
  return kpis.map((k, i) => {
    const top = layout.chartsTop + Math.floor(i / CHARTS_ACROSS) * CHART_ROWS;
    const left = (i % CHARTS_ACROSS) * CHART_COLS;
    const column = layout.labelColumnOf.get(k.id);
    const labels = column === undefined ? null : areaName({ row: layout.labelsTop + 1, col: column, rowCount: layout.labels[column].length, colCount: 1 });
    const totals = layout.totalsColumnOf.get(k.id);
    const rates = layout.rateColumnOf.get(k.id) ?? totals?.rates ?? totals?.values;
    const cellsOf = (col: number) => areaName({ row: layout.labelsTop + 1, col, rowCount: layout.labels[col].length, colCount: 1 });
    // With a target per segment, the total's target per period is a column of the scorecard's own (as a budget row is a KPI's).
    const budgetCells = k.target === null && typeof totals?.targets === "number" ? cellsOf(totals.targets) : undefined;
    return {
      name: `${CHART_PREFIX}${k.id}`,
      title: k.name,
      id: k.id,
      // A total's budget is no name of the workbook (its segments' targets are): the column of its target per period.
      budget: k.target === null && hasTargetName(k.id) && !layout.totalsColumnOf.has(k.id),
      labels,
      ...(rates === undefined ? {} : { values: cellsOf(rates) }),
      ...(budgetCells === undefined ? {} : { budgetCells }),
      from: areaName({ row: top, col: left, rowCount: 1, colCount: 1 }),
      to: areaName({ row: top + CHART_ROWS - 2, col: left + CHART_COLS - 1, rowCount: 1, colCount: 1 }),
    };
  });
}

/**
 * Draws one chart: a line of the KPI's values ("Excel.ChartCollection.add"), named for the
 * legend; a Budget series of its target per period ("Excel.ChartSeriesCollection.add" and
 * "ChartSeries.setValues", ExcelApi 1.7); the period labels on the category axis
 * ("ChartSeries.setXAxisValues", ExcelApi 1.7).
 */
export function queueChart(c: Excel.RequestContext, sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add("Line", spec.values ? sheet.getRange(spec.values) : c.workbook.names.getItem(nameOf(spec.id)).getRange(), "Auto");
  chart.name = spec.name;
  chart.title.text = spec.title;
  const actual = chart.series.getItemAt(0);
  actual.name = "Actual";
  const labels = spec.labels ? sheet.getRange(spec.labels) : null;
  if (labels) actual.setXAxisValues(labels);
  if (spec.budget || spec.budgetCells) {
    const budget = chart.series.add("Budget");
    budget.setValues(spec.budgetCells ? sheet.getRange(spec.budgetCells) : c.workbook.names.getItem(targetNameOf(spec.id)).getRange());
    if (labels) budget.setXAxisValues(labels);
  }
  chart.setPosition(spec.from, spec.to);
}

/** A conditional format of the scorecard's, as it can be written again. */
export interface OwnRule {
  id: string;
  address: string;
  formula: string;
  fill: string;
  font: string;
}

/** The scorecard's own rules on `sheet` (by their marker), with what an undo needs. Two syncs. */
export async function findOwnRules(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<OwnRule[]> {
  const rules = queueOwnRules(sheet);
  await context.sync();
  const found = rules();
  await context.sync();
  return found();
}

/**
 * findOwnRules in three parts, for batches the caller syncs (scorecard.ts: each part rides in a
 * round trip the rebuild makes anyway): queues the sheet's formats; after a sync, queues each
 * custom one's rule and look; after another, gives those that are ours.
 */
export function queueOwnRules(sheet: Excel.Worksheet): () => () => OwnRule[] {
  const formats = sheet.getRange().conditionalFormats.load("items/type, items/id");
  return () => {
    const custom = formats.items.filter((f) => f.type === "Custom");
    const ranges = custom.map((f) => {
      f.custom.rule.load("formula");
      f.custom.format.fill.load("color");
      f.custom.format.font.load("color");
      return f.getRange().load("address");
    });
    return () =>
      custom.flatMap((f, i) =>
        isOwnRule(f.custom.rule.formula, SCORECARD_RULE_ID)
          ? [
              {
                id: f.id,
                address: ranges[i].address.replace(/^.*!/, ""),
                formula: f.custom.rule.formula,
                fill: f.custom.format.fill.color,
                font: f.custom.format.font.color,
              },
            ]
          : [],
      );
  };
}

/** How the variation and assurance words look: blue for improvement, orange for concern (core/excel/scorecardSummary.ts iconRules). */
export const ICON_LOOK = { improvement: { fill: "#DDEBF7", font: "#1F4E79" }, concern: { fill: "#FCE4D6", font: "#843C0C" } } as const;

/**
 * The rules of one coloured range: the status bands (scorecardStatusRules) or the variation and
 * assurance words (iconRules), written for its top-left cell.
 */
function rulesOf(range: Layout["coloured"][number]): { address: string; formula: string; fill: string; font: string }[] {
  const topLeft = range.address.split(":")[0];
  if (range.kind === "status") return scorecardStatusRules(topLeft).map((r) => ({ address: range.address, formula: r.formula, ...BAND_LOOK[r.status] }));
  return iconRules(topLeft, SCORECARD_RULE_ID).map((r) => ({ address: range.address, formula: r.formula, ...ICON_LOOK[r.look] }));
}

/**
 * The colours of a build (status bands, variation and assurance), as restoreFormatsStep writes a KPI's: each rule is added with
 * N("~token") in it and given its clean formula as the batch's last write, so the undo of a
 * refused batch deletes only rules that still carry the token, and that of an applied one the
 * rules by the ids Excel gave them.
 */
export class StatusColours {
  private added: Excel.ConditionalFormat[] = [];
  private readonly rules: { address: string; formula: string; fill: string; font: string }[];

  constructor(
    ranges: Layout["coloured"],
    private readonly token: string,
  ) {
    this.rules = ranges.flatMap(rulesOf);
  }

  apply(sheet: Excel.Worksheet, old: readonly OwnRule[]): void {
    for (const rule of old) sheet.getRange(rule.address).conditionalFormats.getItem(rule.id).delete();
    this.added = this.rules.map((r) => {
      const format = sheet.getRange(r.address).conditionalFormats.add("Custom");
      format.custom.rule.formula = r.formula.replace(/=0\)$/, `+N("~${this.token}")=0)`);
      format.custom.format.fill.color = r.fill;
      format.custom.format.font.color = r.font;
      return format;
    });
  }

  last(): void {
    this.added.forEach((format, i) => {
      format.custom.rule.formula = this.rules[i].formula;
      format.load("id");
    });
  }

  /** Deletes this build's rules and writes `old` back (the sheet's rules as the build found them). */
  async undo(c: Excel.RequestContext, sheet: Excel.Worksheet, applied: boolean, old: readonly OwnRule[]): Promise<void> {
    const mine = new Set(applied ? this.added.map((f) => f.id) : []);
    const now = await findOwnRules(c, sheet);
    const all = sheet.getRange().conditionalFormats.load("items/type, items/id");
    await c.sync();
    const tokened = all.items.filter((f) => f.type === "Custom");
    for (const f of tokened) f.custom.rule.load("formula");
    await c.sync();
    for (const f of tokened) if (mine.has(f.id) || f.custom.rule.formula.includes(`N("~${this.token}")`)) f.delete();
    const present = new Set(now.map((r) => r.id));
    // Excel lists the newest format first: written back in reverse, they keep their order.
    for (const rule of [...old].reverse()) {
      if (present.has(rule.id)) continue;
      const format = sheet.getRange(rule.address).conditionalFormats.add("Custom");
      format.custom.rule.formula = rule.formula;
      format.custom.format.fill.color = rule.fill;
      format.custom.format.font.color = rule.font;
    }
  }
}

/**
 * One landscape page: Worksheet.pageLayout ("Excel.PageLayout class", ExcelApi 1.9): orientation,
 * zoom as a whole PageLayoutZoomOptions object ("use x.zoom = {...} instead of x.zoom.scale =
 * ..."), fit one page wide and one tall, and the print area (the table and its charts, not the
 * period labels under them).
 */
export function queuePrintSetup(sheet: Excel.Worksheet, printArea: string): void {
  sheet.pageLayout.orientation = "Landscape";
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  sheet.pageLayout.setPrintArea(printArea);
}
