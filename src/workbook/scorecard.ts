/**
 * The Scorecard sheet: built by one button and rebuilt in place. It holds only live formulas
 * (core/scorecard.ts) and a native line chart per KPI ("Excel.ChartCollection.add": the chart's
 * data is the KPI's own range, on its sheet). The sheet is recognised by its ID, kept in the
 * workbook's settings, so a sheet the user named "Scorecard" is never taken over, and renaming
 * ours keeps it ours. A rebuild replaces only what an earlier build wrote there (its cells and
 * its charts); no other sheet is touched. All or nothing: a refused rebuild restores the old one.
 */
import { areaName, parseAddress, qualified } from "../core/a1";
import { KpiDefinition } from "../core/kpi";
import { SCORECARD_HEADERS, scorecardOrder, scorecardRow } from "../core/scorecard";
import { KpiWorkbookError } from "./errors";
import { nameOf, RegisterRead } from "./registerRead";
import { Step } from "./writeEngine";

export const SCORECARD_SHEET = "Scorecard";
export const SCORECARD_SETTING = "KPILens.scorecard";
/** The workbook name that marks the Scorecard and the cells its last build wrote. */
export const SCORECARD_MARKER = "KPILens_Scorecard";
const CHART_PREFIX = "KPILens ";
const FIRST_ROW = 4; // 0-based row of the headers: a title, a note and a blank row above
const CHART_ROWS = 12;
const CHART_COL = 9; // J

interface ScorecardRecord {
  sheetId: string;
  version: 1;
}

export interface ScorecardResult {
  sheet: string;
  rows: number;
  charts: number;
  rebuilt: boolean;
}

/** Where chart `i` goes: J and the next six columns, CHART_ROWS rows each, from the header row. */
function chartCells(i: number): [string, string] {
  const top = FIRST_ROW + i * CHART_ROWS;
  return [areaName({ row: top, col: CHART_COL, rowCount: 1, colCount: 1 }), areaName({ row: top + CHART_ROWS - 2, col: CHART_COL + 6, rowCount: 1, colCount: 1 })];
}

/** The block a build writes: the title rows and the table, A1 to the last column of the last row. */
function blockOf(rows: number): string {
  return areaName({ row: 0, col: 0, rowCount: FIRST_ROW + 1 + rows, colCount: SCORECARD_HEADERS.length });
}

interface Previous {
  sheet: Excel.Worksheet;
  /** The cells the last build wrote, as its marker name refers to them now. */
  block: { address: string } | null;
  charts: string[];
}

/**
 * Finds the scorecard an earlier build made: by the marker name (it refers to the block that build
 * wrote, travels with the file, follows a renamed sheet and is shared with co-authors, unlike a
 * setting, which is per add-in and last-writer-wins), else by the sheet ID in the setting (a hint
 * only: IDs are reported to change between sessions, office-js-docs #297, office-js #1390).
 */
async function findPrevious(ctx: Excel.RequestContext): Promise<Previous | null> {
  const marker = ctx.workbook.names.getItemOrNullObject(SCORECARD_MARKER);
  marker.load("type");
  const setting = ctx.workbook.settings.getItemOrNullObject(SCORECARD_SETTING);
  setting.load("value");
  await ctx.sync();
  let sheet: Excel.Worksheet | null = null;
  let block: Excel.Range | null = null;
  if (!marker.isNullObject && marker.type === "Range") {
    block = marker.getRange().load("address");
    sheet = block.worksheet;
  } else if (!setting.isNullObject && setting.value) {
    const byId = ctx.workbook.worksheets.getItemOrNullObject((setting.value as ScorecardRecord).sheetId);
    await ctx.sync();
    if (!byId.isNullObject) sheet = byId;
  }
  if (!sheet) return null;
  sheet.load("name, id");
  sheet.protection.load("protected");
  const charts = sheet.charts.load("items/name");
  await ctx.sync();
  if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to rebuild the scorecard.`);
  return { sheet, block: block ? { address: block.address } : null, charts: charts.items.map((c) => c.name).filter((n) => n.startsWith(CHART_PREFIX)) };
}

/**
 * Reads what it needs, then returns the build as one step. A rebuild replaces only what the last
 * build wrote (the block its marker names, and its charts) and keeps every other cell of the
 * sheet; a new block that would cover a cell of the user's is refused. `baselineOf` gives each
 * KPI's SPC limits baseline as the pane uses it.
 */
export async function scorecardStep(ctx: Excel.RequestContext, read: RegisterRead, token: string, baselineOf: (k: KpiDefinition) => number | null): Promise<{ step: Step; result: ScorecardResult }> {
  const kpis = scorecardOrder(read.state.kpis.filter((k) => read.state.sources[k.id]));
  if (kpis.length === 0) throw new KpiWorkbookError("There is no KPI to put on a scorecard yet: tag one first.");
  const previous = await findPrevious(ctx);
  const block = blockOf(kpis.length);
  const oldArea = previous?.block ? parseAddress(previous.block.address) : null;
  if (!previous) {
    const byName = ctx.workbook.worksheets.getItemOrNullObject(SCORECARD_SHEET);
    await ctx.sync();
    if (!byName.isNullObject) throw new KpiWorkbookError(`A sheet named "${SCORECARD_SHEET}" is already in the workbook and was not made by KPI Lens. Rename it, and the scorecard is built on a new sheet.`);
  }
  let old: { formulas: unknown[][] } | null = null;
  if (previous) {
    const target = previous.sheet.getRange(block).load("formulas");
    const before = oldArea ? previous.sheet.getRange(areaName(oldArea)).load("formulas") : null;
    await ctx.sync();
    const mine = (r: number, c: number) => oldArea !== null && r >= oldArea.row && r < oldArea.row + oldArea.rowCount && c >= oldArea.col && c < oldArea.col + oldArea.colCount;
    const covered = target.formulas.some((row, r) => row.some((v, c) => v !== "" && v !== null && !mine(r, c)));
    if (covered) throw new KpiWorkbookError(`The scorecard now needs ${block} on ${previous.sheet.name}, and some of those cells are yours: move them, then rebuild.`);
    old = before ? { formulas: before.formulas } : null;
  }
  const today = new Date().toISOString().slice(0, 10);
  const rows = kpis.map((k, i) => scorecardRow(k, FIRST_ROW + 2 + i, baselineOf(k)));
  const header: unknown[][] = [
    ["KPI scorecard", ...SCORECARD_HEADERS.slice(1).map(() => "")],
    [`Built by KPI Lens on ${today}: every cell is a formula over the KPIs' names and the register, so it stays current. Rebuild it from the pane after adding or removing KPIs.`, ...SCORECARD_HEADERS.slice(1).map(() => "")],
    ...Array.from({ length: FIRST_ROW - 2 }, () => SCORECARD_HEADERS.map(() => "")),
    [...SCORECARD_HEADERS],
    ...rows,
  ];
  const tempSheet = `${SCORECARD_SHEET} ~${token}`;
  let made: Excel.Worksheet | null = null;
  const step: Step = {
    what: "the scorecard",
    apply(c) {
      const sheet = previous ? c.workbook.worksheets.getItem(previous.sheet.id) : c.workbook.worksheets.add(tempSheet);
      if (oldArea) sheet.getRange(areaName(oldArea)).clear("Contents");
      for (const name of previous?.charts ?? []) sheet.charts.getItem(name).delete();
      sheet.getRange(block).formulas = header as string[][];
      kpis.forEach((k, i) => {
        const chart = sheet.charts.add("Line", c.workbook.names.getItem(nameOf(k.id)).getRange(), "Auto");
        chart.name = `${CHART_PREFIX}${k.id}`;
        chart.title.text = k.name;
        const [from, to] = chartCells(i);
        chart.setPosition(from, to);
      });
      made = sheet;
    },
    finish(c) {
      if (!previous) made!.name = SCORECARD_SHEET;
      const reference = `=${qualified(previous ? previous.sheet.name : SCORECARD_SHEET, parseAddress(block), true)}`;
      const marker = c.workbook.names.getItemOrNullObject(SCORECARD_MARKER);
      marker.load("type");
      // The marker is written in the same batch: a new one, or pointed at the new block.
      if (previous?.block) c.workbook.names.getItem(SCORECARD_MARKER).formula = reference;
      else c.workbook.names.add(SCORECARD_MARKER, reference, "KPI Lens: the cells its Scorecard build wrote (rebuilds replace only these)");
      made!.load("id");
    },
    async undo(c, applied) {
      if (!previous) {
        const sheet = applied && made ? c.workbook.worksheets.getItemOrNullObject(made.id) : c.workbook.worksheets.getItemOrNullObject(tempSheet);
        const marker = c.workbook.names.getItemOrNullObject(SCORECARD_MARKER).load("formula");
        await c.sync();
        if (!sheet.isNullObject) sheet.delete();
        if (!marker.isNullObject && applied) marker.delete();
        return;
      }
      const sheet = c.workbook.worksheets.getItem(previous.sheet.id);
      const charts = sheet.charts.load("items/name");
      await c.sync();
      for (const chart of charts.items) if (chart.name.startsWith(CHART_PREFIX)) chart.delete();
      sheet.getRange(block).clear("Contents");
      if (oldArea && old) sheet.getRange(areaName(oldArea)).formulas = old.formulas as string[][];
      if (previous.block) c.workbook.names.getItem(SCORECARD_MARKER).formula = `=${qualified(previous.sheet.name, oldArea!, true)}`;
      previous.charts.forEach((name, i) => {
        const id = name.slice(CHART_PREFIX.length);
        const chart = sheet.charts.add("Line", c.workbook.names.getItem(nameOf(id)).getRange(), "Auto");
        chart.name = name;
        chart.title.text = read.state.kpis.find((k) => k.id === id)?.name ?? id;
        const [from, to] = chartCells(i);
        chart.setPosition(from, to);
      });
    },
  };
  return { step, result: { sheet: previous ? previous.sheet.name : SCORECARD_SHEET, rows: kpis.length, charts: kpis.length, rebuilt: previous !== null } };
}
