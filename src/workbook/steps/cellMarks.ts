/**
 * A KPI_Notes-driven mark on the cell of a noted period (issue 22, item 3), so an auditor sees
 * overrides and notes without the add-in: an Excel comment holding the note where the host has
 * comments (ExcelApi 1.10, "Excel.CommentCollection class"; the manifest asks only 1.9), a
 * distinct border otherwise ("Excel.RangeBorderCollection class"), whose text is the note's row
 * in KPI Notes. One step of the write engine: the comment is added (or replies to the cell's
 * own comment), the border set on its four edges; undo deletes only the comment or reply it
 * added and puts back only edges that still hold its border.
 */
import { parseAddress } from "../../core/excel/a1";
import type { Step } from "../writeEngine";

/** The mark's border: dashed, medium, purple; no status colour of the bands uses it. */
export const MARK_BORDER = { style: "Dash", color: "#7030A0", weight: "Medium" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

type Border = { style: string; color: string; weight: string };

/** Whether the host has comments (ExcelApi 1.10); false outside Office (the workbench, tests). */
export function commentsSupported(): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.10") === true;
}

const isMark = (b: Border) => b.style === MARK_BORDER.style && b.color.toUpperCase() === MARK_BORDER.color;

/**
 * Plans the mark on `cell` (a sheet-qualified address of one cell) with `text`. Reads first, in
 * one round trip: a protected sheet gets no mark (the note itself is not refused for it), and
 * what the mark replaces is known for its undo. Null when there is nothing to mark.
 */
export async function cellMarkStep(context: Excel.RequestContext, cell: string, text: string, comments = commentsSupported()): Promise<Step | null> {
  return (await readCellMarkIn(context, cell, comments))(text);
}

/**
 * cellMarkStep's read alone, before the text is known: the note's cell can be read with the
 * register (kpiWorkbook.ts, where the last read put the KPI), and the step made once the note is.
 */
export async function readCellMarkIn(context: Excel.RequestContext, cell: string, comments = commentsSupported()): Promise<(text: string) => Step | null> {
  let sheetName: string;
  let address: string;
  try {
    const a = parseAddress(cell);
    if (a.sheet === undefined || a.rowCount * a.colCount !== 1) return () => null;
    sheetName = a.sheet;
    address = cell.slice(cell.lastIndexOf("!") + 1);
  } catch {
    return () => null;
  }
  const range = (c: Excel.RequestContext) => c.workbook.worksheets.getItem(sheetName).getRange(address);
  const protection = context.workbook.worksheets.getItem(sheetName).protection.load("protected");
  return comments ? commentStep(context, cell, protection) : borderStep(context, range, cell, protection);
}

async function borderStep(
  context: Excel.RequestContext,
  range: (c: Excel.RequestContext) => Excel.Range,
  cell: string,
  protection: Excel.WorksheetProtection,
): Promise<() => Step | null> {
  const edges = EDGES.map((e) => range(context).format.borders.getItem(e).load("style,color,weight"));
  await context.sync();
  if (protection.protected) return () => null;
  const priors: Border[] = edges.map((b) => ({ style: b.style, color: b.color, weight: b.weight }));
  return () => ({
    what: `the note's border on ${cell}`,
    apply(applyCtx) {
      for (const e of EDGES) Object.assign(range(applyCtx).format.borders.getItem(e), MARK_BORDER);
    },
    async undo(undoCtx) {
      const now = EDGES.map((e) => range(undoCtx).format.borders.getItem(e).load("style,color,weight"));
      await undoCtx.sync();
      // Only an edge that still holds the mark: a border someone drew since stays.
      now.forEach((b, i) => {
        if (isMark(b) && !isMark(priors[i])) Object.assign(b, priors[i].style === "None" ? { style: "None" } : priors[i]);
      });
    },
  });
}

async function commentStep(context: Excel.RequestContext, cell: string, protection: Excel.WorksheetProtection): Promise<(text: string) => Step | null> {
  const all = context.workbook.comments.load("items/id");
  await context.sync();
  if (protection.protected) return () => null;
  const places = all.items.map((c) => c.getLocation().load("address"));
  await context.sync();
  const normal = (a: string) => a.replace(/\$/g, "").toUpperCase();
  const own = all.items.find((_, i) => normal(places[i].address) === normal(cell));
  return (text) => commentMark(cell, text, own);
}

/** The comment step on `cell`: a reply in the cell's own thread (`own`) when it has one. */
function commentMark(cell: string, text: string, own: Excel.Comment | undefined): Step {
  const normal = (a: string) => a.replace(/\$/g, "").toUpperCase();
  let added: Excel.Comment | Excel.CommentReply | null = null;
  return {
    what: `the note's comment on ${cell}`,
    apply(applyCtx) {
      // A cell's own comment is the user's: the note joins its thread instead of failing.
      added = own ? applyCtx.workbook.comments.getItem(own.id).replies.add(text) : applyCtx.workbook.comments.add(cell, text);
      added.load("id");
    },
    async undo(undoCtx, applied) {
      if (applied && added) {
        if (own) undoCtx.workbook.comments.getItem(own.id).replies.getItem(added.id).delete();
        else undoCtx.workbook.comments.getItemOrNullObject(added.id).delete();
        return;
      }
      // The batch failed: its loads never came back; the comment with exactly this text on this cell is ours, if it was made.
      const comments = undoCtx.workbook.comments.load("items/id,items/content");
      await undoCtx.sync();
      const at = comments.items.map((c) => c.getLocation().load("address"));
      await undoCtx.sync();
      comments.items.forEach((c, i) => {
        if (!own && c.content === text && normal(at[i].address) === normal(cell)) c.delete();
      });
    },
  };
}

/** What the comment says: the note, the override and its reason, who, and where the record is. */
export function noteMarkText(c: { note: string; override: string | null; reason: string; who: string }, period: string, overrideLabel: string | null): string {
  const override = c.override && overrideLabel ? ` Status overridden to ${overrideLabel}: ${c.reason}.` : "";
  return `KPI Lens note on ${period}: ${c.note}${override} (${c.who || "unnamed"}; recorded in KPI Notes)`;
}
