/**
 * What a tag of a selection tags, and the steps that tag it. Read before anything is planned: the used part of the selected
 * range (a whole column reaches the add-in as the part that holds anything), less a text header
 * above the numbers (it names the KPI; it is never a period: seriesHeader.ts), or the table column
 * it covers. It needs nothing of the register, so it is read in the register read's round trip
 * (kpiWorkbook.ts passes it as the write's early read: readMemory.ts readAlongside); so are the
 * sheets of a typed target or denominator range, whose checks come after the register's own.
 */
import { intersection, parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { kpiNameComment } from "../core/excel/workbookNames";
import { planDenominators, queueDenominatorRangeCheck } from "./denominatorRange";
import { KpiWorkbookError } from "./errors";
import { assertNotTagged, assertSeriesShape } from "./kpiChecks";
import type { KpiInput } from "./kpiWorkbookApi";
import { bandFormatsStep, formatsRecordStep, rangeAt } from "./ownFormats";
import { nameOf, RegisterRead } from "./registerRead";
import { ensureColumns, registerAppendSteps } from "./registerRow";
import { SCHEMA_SETTING, SCHEMA_VERSION } from "./registerSchema";
import { queueLeadingCells, tableColumnOf, tableColumnReference } from "./selection";
import { dataAreaOf } from "./seriesHeader";
import { nameStep } from "./steps/names";
import { settingStep } from "./steps/settings";
import { checkTargetRange, queueTargetRangeCheck, targetNameStep } from "./targetRange";
import { Plan, Step } from "./writeEngine";

/** What a tag plans from: the form's input, the selection, the new KPI's id and the day it is tagged. */
export interface TagRequest {
  input: KpiInput;
  address: string;
  id: string;
  reviewedOn: string;
}

/** What a planned tag answers (the write engine's result, its action and its history). */
export interface Tagged {
  result: KpiDefinition;
  action: string;
  history: [null, KpiDefinition];
}

type RangeCheck = (sourceAddress: string, kpiName: string) => string;

export interface TagTarget {
  /** The KPI's values, sheet-qualified ('Monthly KPIs'!B2:B37). */
  address: string;
  /** What its name refers to: the absolute range, or the table column. */
  reference: string;
  /** The typed target range's and denominator range's checks (their sheets were looked up in the same round trip). */
  checkTarget: RangeCheck | null;
  checkDenominator: RangeCheck | null;
}

/**
 * Reads what tagging `address` tags (one round trip; one more for a table, or when the used part
 * starts below the selection). Refuses a protected sheet and a range that is not one row or column.
 */
export async function readTagTargetIn(
  context: Excel.RequestContext,
  address: string,
  input: Pick<KpiDefinition, "targetRange" | "denominatorRange">,
): Promise<TagTarget> {
  const { selected, sheet } = queueSelection(context, address, "address, rowCount, columnCount");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  const tables = selected.getTables(false);
  tables.load("items/name");
  // The selection's first cells, for a header above the numbers: read now, they serve whenever
  // the used part starts where the selection does (the usual case), saving a round trip.
  const selectedArea = parseAddress(address);
  const early = queueLeadingCells(sheet, selectedArea);
  const valuesSheet = selectedArea.sheet;
  const checkTarget = input.targetRange && valuesSheet ? queueTargetRangeCheck(context, input.targetRange, valuesSheet) : null;
  const checkDenominator = input.denominatorRange && valuesSheet ? queueDenominatorRangeCheck(context, input.denominatorRange, valuesSheet) : null;
  await context.sync();
  assertUnprotected(sheet);
  // A whole column or row selected: tag the part that holds anything, less a text header above
  // the numbers. Its cells are read in the sync tableColumnOf makes anyway.
  const usedPart = used.isNullObject
    ? parseAddress(selected.address)
    : { ...(intersection(parseAddress(selected.address), parseAddress(used.address)) ?? parseAddress(selected.address)), sheet: sheet.name };
  // tables was loaded as items/name and synced above (the lint rule does not follow load paths).
  /* eslint-disable office-addins/load-object-before-read */
  const sameStart = usedPart.row === selectedArea.row && usedPart.col === selectedArea.col;
  const leading = tables.items.length > 0 ? null : sameStart ? early : queueLeadingCells(sheet, usedPart);
  const tableColumn = await tableColumnOf(context, selected, tables.items);
  if (leading && !sameStart && tables.items.length === 0 && tableColumn === null) await context.sync();
  /* eslint-enable office-addins/load-object-before-read */
  const area = tableColumn ? parseAddress(selected.address) : { ...(leading ? dataAreaOf(usedPart, leading()).area : usedPart), sheet: sheet.name };
  const targetAddress = qualified(sheet.name, area);
  assertSeriesShape(area, sheet.name, targetAddress);
  const reference = tableColumn ? `=${tableColumnReference(tableColumn)}` : `=${qualified(sheet.name, area, true)}`;
  return { address: targetAddress, reference, checkTarget, checkDenominator };
}

/**
 * The steps of a tag of `target` (read by readTagTargetIn): the register row, the KPI's name, its
 * target's and denominators' names, its colours and their record, the schema version on first use.
 */
export async function planTag(
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  token: string,
  { input, id, reviewedOn, target }: { input: KpiInput; id: string; reviewedOn: string; target: TagTarget },
): Promise<Tagged> {
  const { address, reference, checkTarget, checkDenominator } = target;
  assertNotTagged(read.state, address);
  const targetRange = !input.targetRange
    ? ""
    : checkTarget
      ? checkTarget(address, input.name)
      : await checkTargetRange(context, input.targetRange, address, input.name);
  const rate = await planDenominators(context, read, id, input, async () => address, undefined, checkDenominator ?? undefined);
  const kpi: KpiDefinition = { ...input, targetRange, ...rate.fields, id, source: reference.slice(1), lastReviewed: reviewedOn };
  return planTagSteps(context, read, plan, { kpi, token, reference, names: [targetNameStep(read, id, targetRange || null), ...rate.steps], colours: address });
}

/** The selected range (`fields` loaded) and its sheet's name and protection, queued for the caller's sync. */
export function queueSelection(context: Excel.RequestContext, address: string, fields: string): { selected: Excel.Range; sheet: Excel.Worksheet } {
  const selected = rangeAt(context, address);
  selected.load(fields);
  const sheet = selected.worksheet;
  sheet.load("name");
  sheet.protection.load("protected");
  return { selected, sheet };
}

/** Refuses a protected sheet (its name and protection synced: queueSelection). */
export function assertUnprotected(sheet: { name: string; protection: { protected: boolean } }, doing = "tag a KPI there"): void {
  if (sheet.protection.protected) throw new KpiWorkbookError(`The sheet ${sheet.name} is protected: unprotect it to ${doing}.`);
}

/**
 * The steps every tag plans, in this order, and what it answers: the register row, KPI_<ID> on
 * `reference`, the KPI's other names (`names`: its target's, its denominators'), its colours on
 * `colours` and their record (none where it is null), the schema version on first use.
 */
export async function planTagSteps(
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  { kpi, token, reference, names, colours }: { kpi: KpiDefinition; token: string; reference: string; names: (Step | null)[]; colours: string | null },
): Promise<Tagged> {
  plan.add(await ensureColumns(context, read, kpi));
  plan.add(...registerAppendSteps(read, kpi, token));
  plan.add(nameStep({ name: nameOf(kpi.id), formula: reference, comment: kpiNameComment(kpi.name), before: null }));
  plan.add(...names);
  if (colours !== null) {
    const formats = bandFormatsStep(colours, kpi, read);
    plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [kpi.id]: { address: colours, formulas: formats.formulas } }));
  }
  if (!read.schemaSettingExists) plan.add(settingStep(SCHEMA_SETTING, SCHEMA_VERSION, { exists: false, value: null }, "the register's schema version"));
  return { result: kpi, action: `tag ${kpi.name}`, history: [null, kpi] };
}
