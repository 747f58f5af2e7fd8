/**
 * The conditional formats KPI Lens adds to a KPI's cells (bandFormats.ts has their rules): adding
 * them, finding the ones that are ours by their marker, removing them, and recording where they
 * are in the workbook's settings. A user's own formats on the same cells are never touched.
 */
import { areaName, parseAddress } from "../core/excel/a1";
import { bandFormats, bandNameOf, BandSpec, isOwnRule } from "./bandFormats";
import { nameStep } from "./steps/names";
import { FormatsRecord, nameOf, RegisterRead } from "./registerRead";
import { FORMATS_SETTING } from "./registerSchema";
import { settingStep } from "./steps/settings";
import { ConcurrentChange, operationToken, Step } from "./writeEngine";

/** A format as it can be written again (for undo). */
export interface FormatSpec {
  formula: string;
  fill: string;
  font: string;
}

export function rangeAt(context: Excel.RequestContext, address: string): Excel.Range {
  const area = parseAddress(address);
  if (area.sheet === undefined) return context.workbook.worksheets.getActiveWorksheet().getRange(address);
  return context.workbook.worksheets.getItem(area.sheet).getRange(areaName(area));
}

function queueFormats(range: Excel.Range, specs: FormatSpec[]): void {
  for (const spec of specs) {
    const format = range.conditionalFormats.add("Custom");
    format.custom.rule.formula = spec.formula;
    format.custom.format.fill.color = spec.fill;
    format.custom.format.font.color = spec.font;
  }
}

/** Deletes every format of ours for `id` on the range at `address` (an undo step). */
async function deleteOwn(context: Excel.RequestContext, address: string, id: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(parseAddress(address).sheet ?? "");
  await context.sync();
  if (sheet.isNullObject) return;
  const formats = sheet.getRange(areaName(parseAddress(address))).conditionalFormats;
  formats.load("items/type");
  await context.sync();
  const custom = formats.items.filter((f) => f.type === "Custom");
  for (const f of custom) f.custom.rule.load("formula");
  await context.sync();
  for (const f of custom) if (isOwnRule(f.custom.rule.formula, id)) f.delete();
}

/**
 * The colours of a KPI on the range at `address`: for a target per period, first its KPIBand_<ID>
 * name (every period's band, so each rule stays within Excel's 255 characters: bandFormats.ts),
 * then the three rules; for one number, the rules alone, and a band name left from a per-period
 * target goes. Returns the steps and the rules' formulas for the record.
 */
export function bandFormatsStep(address: string, kpi: BandSpec & { targetRange?: string }, read: RegisterRead): { steps: Step[]; formulas: string[] } {
  const area = parseAddress(address);
  const topLeft = areaName({ row: area.row, col: area.col, rowCount: 1, colCount: 1 });
  // A block (a KPI across segments) is neither one column nor one row: each cell by row and column.
  const { rules, names } = bandFormats(kpi, topLeft, area.colCount === 1 ? true : area.rowCount === 1 ? false : "block");
  const specs = rules.map((r) => ({ formula: r.formula, fill: r.fill, font: r.font }));
  const band = bandNameOf(kpi.id);
  const before = read.names.get(band.toUpperCase()) ?? null;
  const nameSteps =
    names.length > 0
      ? names.map((n) => nameStep({ ...n, before: read.names.get(n.name.toUpperCase()) ?? null }))
      : [before ? nameStep({ name: band, formula: null, comment: before.comment, before }) : null];
  const steps = [...nameSteps, restoreFormatsStep(address, specs, kpi.id, `the colours of ${kpi.id}`)].filter((x): x is Step => x !== null);
  return { steps, formulas: rules.map((r) => r.formula) };
}

/** Removes a KPI's band name (untag, leftovers), as a step; null when it has none. */
export function bandNameRemoval(read: RegisterRead, id: string): Step | null {
  const before = read.names.get(bandNameOf(id).toUpperCase()) ?? null;
  return before ? nameStep({ name: before.name, formula: null, comment: before.comment, before }) : null;
}

/**
 * Writes formats (ours, marked with the KPI's ID) on a range. A second pane may write the very same
 * rules on the same cells, so ours must be told from theirs: each rule is added carrying a token
 * unique to the operation (N("kpilens:<ID>:<band>")+N("~token")) and given its clean formula as
 * the batch's last write. A refused batch's undo deletes only rules still carrying the token; an
 * applied one's, the rules by the ids Excel gave them.
 */
export function restoreFormatsStep(address: string, specs: FormatSpec[], id: string, what = `the colours of ${id}`): Step {
  const token = operationToken();
  const tag = `+N("~${token}")`;
  let added: Excel.ConditionalFormat[] = [];
  return {
    what,
    apply(context) {
      added = specs.map((spec) => {
        const format = rangeAt(context, address).conditionalFormats.add("Custom");
        format.custom.rule.formula = spec.formula.replace(/=0\)$/, `${tag}=0)`);
        format.custom.format.fill.color = spec.fill;
        format.custom.format.font.color = spec.font;
        return format;
      });
    },
    last() {
      added.forEach((format, i) => {
        format.custom.rule.formula = specs[i].formula;
        format.load("id");
      });
    },
    async undo(context, applied) {
      const sheet = context.workbook.worksheets.getItemOrNullObject(parseAddress(address).sheet ?? "");
      await context.sync();
      if (sheet.isNullObject) return;
      const formats = sheet.getRange(areaName(parseAddress(address))).conditionalFormats;
      formats.load("items/type, items/id");
      await context.sync();
      const mine = new Set(applied ? added.map((f) => f.id) : []);
      const custom = formats.items.filter((f) => f.type === "Custom");
      for (const f of custom) f.custom.rule.load("formula");
      await context.sync();
      for (const f of custom) if (mine.has(f.id) || f.custom.rule.formula.includes(`N("~${token}")`)) f.delete();
    },
  };
}

/** The record of where our formats are (a setting), as one step. */
export function formatsRecordStep(read: RegisterRead, record: FormatsRecord): Step | null {
  return settingStep(FORMATS_SETTING, record, { exists: read.formatsSettingExists, value: read.formats }, "the record of KPI Lens's colours");
}

export interface OwnFormats {
  /** Their deletion, as a step whose undo writes them back. */
  removeStep(): Step | null;
  /** Where the KPI's values are now, or null when its name no longer refers to cells. */
  address: string | null;
  /** Where the found formats are, and how to write them again. */
  found: { address: string; specs: FormatSpec[] }[];
}

/**
 * Finds the conditional formats this add-in added for a KPI, on the KPI's current range and on
 * the range it recorded (three syncs at most). A user's own formats never match: ours carry the
 * KPI's marker.
 */
export async function findOwnFormats(context: Excel.RequestContext, read: RegisterRead, id: string): Promise<OwnFormats> {
  const named = read.names.get(nameOf(id).toUpperCase());
  const current = named && named.type === "Range" ? context.workbook.names.getItem(nameOf(id)).getRange() : null;
  current?.load("address");
  current?.conditionalFormats.load("items/type, items/id");
  const recordedEntry = Object.entries(read.formats).find(([k]) => k.toUpperCase() === id.toUpperCase())?.[1];
  const recorded = recordedEntry?.address;
  const recordedSheet = recorded ? context.workbook.worksheets.getItemOrNullObject(parseAddress(recorded).sheet ?? "") : null;
  await context.sync();

  const places: { address: string; formats: Excel.ConditionalFormatCollection }[] = current
    ? [{ address: current.address, formats: current.conditionalFormats }]
    : [];
  if (recorded && recordedSheet && !recordedSheet.isNullObject && (!current || current.address !== recorded)) {
    // The KPI's cells moved since its formats were written: look where they were written too.
    const moved = recordedSheet.getRange(areaName(parseAddress(recorded))).conditionalFormats;
    moved.load("items/type, items/id");
    places.push({ address: recorded, formats: moved });
    await context.sync();
  }
  const custom = places.flatMap((p) => p.formats.items.filter((f) => f.type === "Custom").map((f) => ({ address: p.address, f })));
  for (const { f } of custom) {
    f.custom.rule.load("formula");
    f.custom.format.fill.load("color");
    f.custom.format.font.load("color");
  }
  try {
    await context.sync();
  } catch (e) {
    // A second pane or a co-author removed one of the formats listed a round trip ago (Excel
    // answers ItemNotFound for its rule): a concurrent change, read again from the start (withRetry).
    if ((e as { code?: string }).code !== "ItemNotFound") throw e;
    throw new ConcurrentChange(`read the colours of ${id}`, [`The colours of ${id} were changed meanwhile.`]);
  }

  const ours = new Map<string, { address: string; f: Excel.ConditionalFormat }>();
  for (const c of custom) if (isOwnRule(c.f.custom.rule.formula, id)) ours.set(c.f.id, c);
  const found = new Map<string, FormatSpec[]>();
  for (const { address, f } of ours.values()) {
    const list = found.get(address) ?? [];
    // Excel lists the newest format first; written back in reverse, they keep their order.
    list.unshift({ formula: f.custom.rule.formula, fill: f.custom.format.fill.color, font: f.custom.format.font.color });
    found.set(address, list);
  }
  const foundList = [...found].map(([address, specs]) => ({ address, specs }));
  return {
    address: current ? current.address : null,
    found: foundList,
    removeStep() {
      if (ours.size === 0) return null;
      return {
        what: `the removed colours of ${id}`,
        apply() {
          for (const { f } of ours.values()) f.delete();
        },
        async undo(undo) {
          for (const { address, specs } of foundList) {
            await deleteOwn(undo, address, id);
            queueFormats(rangeAt(undo, address), specs);
          }
        },
      };
    },
  };
}
