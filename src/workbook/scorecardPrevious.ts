/**
 * The Scorecard sheet's last build, as a rebuild and its undo need it: finding it (by its marker
 * name, else the setting's sheet ID), the cells it wrote and the user's around them as they are
 * now, and its charts drawn again when a rebuild is undone. The build itself is scorecard.ts's.
 */
import { Area, areaName, parseAddress } from "../core/excel/a1";
import { ScorecardView } from "../core/excel/scorecardReported";
import { SCORECARD_MARKER, SCORECARD_SETTING, SCORECARD_SHEET } from "../core/excel/workbookNames";
import { KpiWorkbookError } from "./errors";
import { nameOf, RegisterRead } from "./registerRead";
import { CHART_PREFIX, ChartSpec, FIRST_ROW, OwnRule, queueChart, queueOwnRules } from "./scorecardParts";

// Spelled once, with everything else the add-in puts in a workbook (workbookNames.ts).
export { SCORECARD_MARKER, SCORECARD_SETTING, SCORECARD_SHEET };

/** The setting: the sheet's ID (a hint) and, from version 2, how each chart was drawn (for an undo) and the figures it shows (a rebuild keeps them). */
export interface ScorecardRecord {
  sheetId: string;
  version: 1 | 2;
  charts?: ChartSpec[];
  view?: ScorecardView;
}

/**
 * What findPrevious found: the last build's scorecard, whose own rules are read once the caller
 * queues them (`rules`, in a round trip it makes anyway); or, without one, whether a sheet of the
 * scorecard's name is there (someone else's).
 */
export interface Found {
  previous: Previous | null;
  rules: (() => () => OwnRule[]) | null;
  nameTaken: boolean;
}

export interface Previous {
  sheet: Excel.Worksheet;
  /** The cells the last build wrote, as its marker name refers to them now. */
  block: { address: string } | null;
  charts: string[];
  record: ScorecardRecord | null;
  rules: OwnRule[];
}

/**
 * Finds the scorecard an earlier build made: by the marker name (it refers to the block that build
 * wrote, travels with the file, follows a renamed sheet and is shared with co-authors, unlike a
 * setting, which is per add-in and last-writer-wins), else by the sheet ID in the setting (a hint
 * only: IDs are reported to change between sessions, office-js-docs #297, office-js #1390).
 */
export async function findPrevious(context: Excel.RequestContext): Promise<Found> {
  const marker = context.workbook.names.getItemOrNullObject(SCORECARD_MARKER);
  marker.load("type");
  const setting = context.workbook.settings.getItemOrNullObject(SCORECARD_SETTING);
  setting.load("value");
  // For a first build: a sheet of that name not made by KPI Lens is refused (scorecardStep).
  const byName = context.workbook.worksheets.getItemOrNullObject(SCORECARD_SHEET);
  await context.sync();
  let sheet: Excel.Worksheet | null = null;
  let block: Excel.Range | null = null;
  const record = !setting.isNullObject && setting.value ? (setting.value as ScorecardRecord) : null;
  if (!marker.isNullObject && marker.type === "Range") {
    block = marker.getRange().load("address");
    sheet = block.worksheet;
  } else if (record) {
    const byId = context.workbook.worksheets.getItemOrNullObject(record.sheetId);
    await context.sync();
    if (!byId.isNullObject) sheet = byId;
  }
  if (!sheet) return { previous: null, rules: null, nameTaken: !byName.isNullObject };
  sheet.load("name, id");
  sheet.protection.load("protected");
  const charts = sheet.charts.load("items/name");
  // Its own rules' formats in this round trip, their rules in the next (scorecardStep, with the cells).
  const rules = queueOwnRules(sheet);
  await context.sync();
  if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to rebuild the scorecard.`);
  const previous = {
    sheet,
    block: block ? { address: block.address } : null,
    charts: charts.items.map((c) => c.name).filter((n) => n.startsWith(CHART_PREFIX)),
    record,
    rules: [],
  };
  return { previous, rules, nameTaken: false };
}

/**
 * The cells of the old and new blocks as they are now, for the guard to compare with: queued for
 * the caller's sync, then the getter refuses when the new block would cover a cell of the user's
 * (a non-empty cell outside the old block).
 */
function queueCellsBefore(previous: Previous, block: string, whole: string, oldArea: Area | null): () => unknown[][] {
  const target = previous.sheet.getRange(whole).load("formulas");
  return () => {
    const w = parseAddress(whole);
    const b = parseAddress(block);
    const mine = (r: number, c: number) =>
      oldArea !== null && r >= oldArea.row && r < oldArea.row + oldArea.rowCount && c >= oldArea.col && c < oldArea.col + oldArea.colCount;
    const inNew = (r: number, c: number) => r < b.rowCount && c < b.colCount;
    const covered = target.formulas.some((row, r) => row.some((v, c) => v !== "" && v !== null && inNew(r + w.row, c + w.col) && !mine(r + w.row, c + w.col)));
    if (covered)
      throw new KpiWorkbookError(`The scorecard now needs ${block} on ${previous.sheet.name}, and some of those cells are yours: move them, then rebuild.`);
    return target.formulas;
  };
}

/** A rebuild's read, in one round trip: the last build's own rules (into `previous.rules`) and the cells as they are now (queueCellsBefore). */
export async function readBefore(
  context: Excel.RequestContext,
  found: Found,
  previous: Previous,
  block: string,
  whole: string,
  oldArea: Area | null,
): Promise<unknown[][]> {
  const rules = found.rules!();
  const cells = queueCellsBefore(previous, block, whole, oldArea);
  await context.sync();
  previous.rules = rules();
  return cells();
}

/** The charts the last build drew, drawn again: from the setting's record of them, else (an older build's) a line of the KPI's values. */
export function redrawCharts(context: Excel.RequestContext, sheet: Excel.Worksheet, previous: Previous, read: RegisterRead): void {
  previous.charts.forEach((name, i) => {
    const spec = previous.record?.charts?.find((s) => s.name === name);
    if (spec) return queueChart(context, sheet, spec);
    const id = name.slice(CHART_PREFIX.length);
    const chart = sheet.charts.add("Line", context.workbook.names.getItem(nameOf(id)).getRange(), "Auto");
    chart.name = name;
    chart.title.text = read.state.kpis.find((k) => k.id === id)?.name ?? id;
    chart.setPosition(
      areaName({ row: FIRST_ROW + i * 12, col: 9, rowCount: 1, colCount: 1 }),
      areaName({ row: FIRST_ROW + i * 12 + 10, col: 15, rowCount: 1, colCount: 1 }),
    );
  });
}
