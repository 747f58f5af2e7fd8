/**
 * The Scorecard sheet: built by one button and rebuilt in place. It holds only live formulas
 * (core/scorecard.ts) and a native line chart per KPI ("Excel.ChartCollection.add": the chart's
 * data is the KPI's own range, on its sheet). The sheet is recognised by its ID, kept in the
 * workbook's settings, so a sheet the user named "Scorecard" is never taken over, and renaming
 * ours keeps it ours. A rebuild replaces only what an earlier build wrote there (its cells and
 * its charts); no other sheet is touched. All or nothing: a refused rebuild restores the old one.
 */
import { areaName } from "../core/a1";
import { KpiDefinition } from "../core/kpi";
import { SCORECARD_HEADERS, scorecardOrder, scorecardRow } from "../core/scorecard";
import { KpiWorkbookError } from "./errors";
import { nameOf, RegisterRead } from "./registerRead";
import { Journal } from "./rollback";

export const SCORECARD_SHEET = "Scorecard";
export const SCORECARD_SETTING = "KPILens.scorecard";
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

/**
 * Reads what it needs (before queuing anything), then queues the build and its undo. `baselineOf`
 * gives each KPI's SPC limits baseline as the pane uses it.
 */
export async function queueScorecard(ctx: Excel.RequestContext, read: RegisterRead, journal: Journal, baselineOf: (k: KpiDefinition) => number | null): Promise<ScorecardResult> {
  const kpis = scorecardOrder(read.state.kpis.filter((k) => read.state.sources[k.id]));
  if (kpis.length === 0) throw new KpiWorkbookError("There is no KPI to put on a scorecard yet: tag one first.");
  const setting = ctx.workbook.settings.getItemOrNullObject(SCORECARD_SETTING);
  setting.load("value");
  const byName = ctx.workbook.worksheets.getItemOrNullObject(SCORECARD_SHEET);
  byName.load("id");
  await ctx.sync();
  const record = setting.isNullObject ? null : (setting.value as ScorecardRecord | null);
  const ours = record ? ctx.workbook.worksheets.getItemOrNullObject(record.sheetId) : null;
  ours?.load("name, id");
  await ctx.sync();
  const existing = ours && !ours.isNullObject ? ours : null;
  if (!existing && !byName.isNullObject) {
    throw new KpiWorkbookError(`A sheet named "${SCORECARD_SHEET}" is already in the workbook and was not made by KPI Lens. Rename it, and the scorecard is built on a new sheet.`);
  }

  let old: { address: string; formulas: unknown[][] } | null = null;
  let oldCharts: { name: string; title: string }[] = [];
  if (existing) {
    existing.protection.load("protected");
    const used = existing.getUsedRangeOrNullObject();
    used.load("address, formulas");
    const charts = existing.charts;
    charts.load("items/name, items/title/text");
    await ctx.sync();
    if (existing.protection.protected) throw new KpiWorkbookError(`The sheet ${existing.name} is protected: unprotect it to rebuild the scorecard.`);
    old = used.isNullObject ? null : { address: used.address, formulas: used.formulas };
    oldCharts = charts.items.filter((c) => c.name.startsWith(CHART_PREFIX)).map((c) => ({ name: c.name, title: c.title.text }));
  }

  // A new sheet's ID is known only once Excel has made it: that one step syncs on its own (if
  // Excel refuses it, nothing was made); everything after it goes in the operation's last sync.
  let sheet: Excel.Worksheet;
  if (existing) sheet = existing;
  else {
    sheet = ctx.workbook.worksheets.add(SCORECARD_SHEET);
    sheet.load("id, name");
    await ctx.sync();
  }
  const sheetId = sheet.id;
  if (old) sheet.getRange(old.address.replace(/^.*!/, "")).clear("Contents");
  for (const c of oldCharts) sheet.charts.getItem(c.name).delete();
  const today = new Date().toISOString().slice(0, 10);
  sheet.getRange("A1:A2").values = [["KPI scorecard"], [`Built by KPI Lens on ${today}: every cell is a formula over the KPIs' names and the register, so it stays current. Rebuild it from the pane after adding or removing KPIs.`]];
  const width = SCORECARD_HEADERS.length;
  const rows = kpis.map((k, i) => scorecardRow(k, FIRST_ROW + 2 + i, baselineOf(k)));
  const table = sheet.getRange(areaName({ row: FIRST_ROW, col: 0, rowCount: rows.length + 1, colCount: width }));
  table.formulas = [[...SCORECARD_HEADERS], ...rows];
  kpis.forEach((k, i) => {
    const chart = sheet.charts.add("Line", ctx.workbook.names.getItem(nameOf(k.id)).getRange(), "Auto");
    chart.name = `${CHART_PREFIX}${k.id}`;
    chart.title.text = k.name;
    const [from, to] = chartCells(i);
    chart.setPosition(from, to);
  });
  ctx.workbook.settings.add(SCORECARD_SETTING, { sheetId, version: 1 });

  journal.record("the scorecard", async (undo) => {
    if (!existing) {
      const created = undo.workbook.worksheets.getItemOrNullObject(sheetId);
      const s = undo.workbook.settings.getItemOrNullObject(SCORECARD_SETTING);
      await undo.sync();
      if (!created.isNullObject) created.delete();
      if (!s.isNullObject) {
        if (record) undo.workbook.settings.add(SCORECARD_SETTING, record);
        else s.delete();
      }
      return;
    }
    const back = undo.workbook.worksheets.getItem(existing.id);
    const charts = back.charts;
    charts.load("items/name");
    const used = back.getUsedRangeOrNullObject();
    used.load("address");
    await undo.sync();
    for (const c of charts.items) if (c.name.startsWith(CHART_PREFIX)) c.delete();
    if (!used.isNullObject) back.getRange(used.address.replace(/^.*!/, "")).clear("Contents");
    if (old) back.getRange(old.address.replace(/^.*!/, "")).formulas = old.formulas;
    oldCharts.forEach((c, i) => {
      const id = c.name.slice(CHART_PREFIX.length);
      const chart = back.charts.add("Line", undo.workbook.names.getItem(nameOf(id)).getRange(), "Auto");
      chart.name = c.name;
      chart.title.text = c.title;
      const [from, to] = chartCells(i);
      chart.setPosition(from, to);
    });
    undo.workbook.settings.add(SCORECARD_SETTING, record);
  });
  return { sheet: existing ? existing.name : SCORECARD_SHEET, rows: kpis.length, charts: kpis.length, rebuilt: existing !== null };
}
