/**
 * The checks and small derivations the workbook's operations share: where a KPI's values are,
 * whether a range can be tagged, a per-period KPI's bands from its names, and a form's save
 * merged field by field with what the register holds now.
 */
import { intersection, parseAddress } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { bandNameOf } from "./bandFormats";
import { KpiWorkbookError } from "./errors";
import { recoverFromBandName } from "./recover";
import { nameOf, RegisterRead, RegisterState } from "./registerRead";
import { cellsOf, ColumnKey, COLUMNS, REGISTER_SHEET } from "./registerSchema";
import { targetNameOf } from "../core/excel/workbookNames";
import { planDenominators, queueDenominatorRangeCheck } from "./denominatorRange";
import { checkTargetRange, queueTargetRangeCheck } from "./targetRange";

/** Where a KPI's values are now, as an address (its name's range: a table column too). */
export async function sourceAddressOf(context: Excel.RequestContext, id: string): Promise<string> {
  const name = context.workbook.names.getItemOrNullObject(nameOf(id));
  await context.sync();
  if (name.isNullObject) throw new KpiWorkbookError(`The values of KPI ${id} are gone: its name ${nameOf(id)} no longer exists.`);
  const range = name.getRange();
  range.load("address");
  await context.sync();
  return range.address;
}

export function assertWritable(read: RegisterRead): void {
  if (read.state.readOnly) throw new KpiWorkbookError(read.state.readOnly);
}

export function assertNotRegisterSheet(sheetName: string): void {
  if (sheetName.toLowerCase() === REGISTER_SHEET.toLowerCase())
    throw new KpiWorkbookError("That range is on the register sheet: select the KPI's values on a data sheet.");
}

export function assertSeriesShape(area: { rowCount: number; colCount: number }, sheetName: string, address: string): void {
  assertNotRegisterSheet(sheetName);
  if (area.rowCount !== 1 && area.colCount !== 1) {
    throw new KpiWorkbookError(
      `Select one column (or one row) of values, oldest first; ${address} is ${area.rowCount}×${area.colCount}. For one KPI across segments (regions side by side under a header row of their names), set Segments to "columns".`,
    );
  }
  if (area.rowCount * area.colCount < 2) throw new KpiWorkbookError("Select at least two periods of values.");
}

export function assertNotTagged(state: RegisterState, address: string): void {
  const area = parseAddress(address);
  for (const kpi of state.kpis) {
    const source = state.sources[kpi.id];
    if (!source || source.includes("[")) continue;
    const other = parseAddress(source);
    if (other.sheet?.toLowerCase() !== area.sheet?.toLowerCase()) continue;
    if (intersection(other, area)) throw new KpiWorkbookError(`Those cells overlap the KPI ${kpi.name} (${source}). Untag it first, or select other cells.`);
  }
}

/** The bands of a per-period KPI from its KPIBand_ and KPITarget_ names (its rules only read the band). */
export function perPeriodBands(
  read: RegisterRead,
  id: string,
): Pick<KpiDefinition, "direction" | "target" | "targetRange" | "atRisk" | "atRiskPercent"> | null {
  const band = read.names.get(bandNameOf(id).toUpperCase());
  const target = read.names.get(targetNameOf(id).toUpperCase());
  const bands = band ? recoverFromBandName(band.formula) : null;
  if (!bands || !target) return null;
  return { direction: bands.direction, target: null, targetRange: target.formula.replace(/^=/, ""), atRisk: null, atRiskPercent: bands.atRiskPercent };
}

/**
 * A save from the form writes only the fields the user changed, compared with what the form was
 * opened with, so a co-author's edit of another field survives; a field that both changed is
 * refused with both values.
 */
export function mergeEdit(current: KpiDefinition, opened: KpiDefinition, edited: KpiDefinition): { kpi: KpiDefinition; fields: ColumnKey[] } {
  const was = cellsOf(opened);
  const now = cellsOf(current);
  const want = cellsOf(edited);
  const fields = COLUMNS.map((c) => c.key).filter((k) => String(was[k]) !== String(want[k]));
  const clash = fields.filter((k) => String(now[k]) !== String(was[k]));
  if (clash.length > 0) {
    const said = clash
      .map((k) => `${COLUMNS.find((c) => c.key === k)!.header} is now ${JSON.stringify(now[k])} (you entered ${JSON.stringify(want[k])})`)
      .join("; ");
    throw new KpiWorkbookError(
      `Someone changed ${current.name} in the register since you opened it: ${said}. Nothing was changed: open it again to see their change, then save yours.`,
    );
  }
  const kpi: KpiDefinition = { ...current };
  const take = <K extends keyof KpiDefinition>(key: K) => (kpi[key] = edited[key]);
  for (const k of fields) {
    const together: Partial<Record<ColumnKey, (keyof KpiDefinition)[]>> = { target: ["target", "targetRange"], atRisk: ["atRisk", "atRiskPercent"] };
    for (const key of together[k] ?? [k]) take(key);
  }
  return { kpi, fields };
}

type RangeCheck = (sourceAddress: string, kpiName: string) => string;

/** The look-ups of a form's typed target and denominator ranges' sheets, made beside the register read. */
export interface RangeChecks {
  /** The values' sheet they assumed (where the last read put the KPI): a range that names no sheet is on it. */
  sheet: string;
  target: RangeCheck | null;
  denominator: RangeCheck | null;
}

/** Queues the sheet look-ups of a save's typed ranges, for the caller's round trip (targetRange.ts, denominatorRange.ts). */
export function queueRangeChecks(context: Excel.RequestContext, input: Pick<KpiDefinition, "targetRange" | "denominatorRange">, sheet: string): RangeChecks {
  return {
    sheet,
    target: input.targetRange ? queueTargetRangeCheck(context, input.targetRange, sheet) : null,
    denominator: input.denominatorRange ? queueDenominatorRangeCheck(context, input.denominatorRange, sheet) : null,
  };
}

/**
 * A save's target range and denominators, checked against the KPI's values where its name says
 * they are: with `queued`'s look-ups when the values are on the sheet they assumed, else read now.
 */
export async function checkedRanges(
  context: Excel.RequestContext,
  read: RegisterRead,
  current: KpiDefinition,
  input: Pick<KpiDefinition, "name" | "targetRange" | "denominatorRange" | "ratePer">,
  queued: RangeChecks | undefined,
): Promise<{ targetRange: string; rate: Awaited<ReturnType<typeof planDenominators>> }> {
  const named = read.state.sources[current.id];
  // The name's address from the register read; a table column's (or a broken name, which says so) is looked up.
  const plain = named && !named.includes("[") ? named : null;
  const sourceAddress = async () => plain ?? sourceAddressOf(context, current.id);
  const checks = queued && plain && parseAddress(plain).sheet?.toUpperCase() === queued.sheet.toUpperCase() ? queued : null;
  const targetRange = !input.targetRange
    ? ""
    : checks?.target
      ? checks.target(plain!, input.name)
      : await checkTargetRange(context, input.targetRange, await sourceAddress(), input.name);
  const rate = await planDenominators(context, read, current.id, input, sourceAddress, current, checks?.denominator ?? undefined);
  return { targetRange, rate };
}
