/**
 * Saving a KPI's edit: its register row, its target and denominator names when those ranges
 * changed, and its colours when its bands did, as one write. The edit is merged with what
 * others saved meanwhile when the form says what it opened (kpiChecks.ts mergeEdit).
 */
import { KpiDefinition } from "../core/model/kpi";
import { isSegmented } from "../core/model/segments";
import type { KpiInput } from "./kpiWorkbookApi";
import { checkedRanges, mergeEdit, RangeChecks } from "./kpiChecks";
import { bandFormatsStep, findOwnFormats, formatsRecordStep } from "./ownFormats";
import { findKpi, RegisterRead } from "./registerRead";
import { ensureColumns, registerUpdateStep, RowWriteOptions } from "./registerRow";
import { planSegmentEdit } from "./segmentsTag";
import { targetNameStep } from "./targetRange";
import { Plan } from "./writeEngine";

/** What an edit is given beside the form's fields: how to write the row, and the KPI as the form opened it. */
export type EditOptions = RowWriteOptions & { opened?: KpiDefinition };

/**
 * Plans the save of KPI `id` as `input` says. `queued`: the typed ranges' sheet look-ups made
 * beside the register read (kpiChecks.ts queueRangeChecks), awaited only when they are used.
 */
export async function planEdit(
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  id: string,
  input: KpiInput,
  options: EditOptions,
  queued: Promise<RangeChecks | undefined>,
): Promise<{ result: KpiDefinition; action: string; history: [KpiDefinition, KpiDefinition] }> {
  const current = findKpi(read, id);
  // Every read before any step is planned: the target range, the formats, the room for new columns.
  // A KPI across segments checks its target per segment and block of denominators against its block (segmentsTag.ts).
  const segmented = isSegmented(current) ? await planSegmentEdit(context, read, current, input) : null;
  const { targetRange, rate } = segmented ?? (await checkedRanges(context, read, current, input, await queued));
  const edited: KpiDefinition = {
    ...current,
    ...input,
    targetRange,
    ...rate.fields,
    id: current.id,
    source: current.source,
    lastReviewed: current.lastReviewed,
  };
  const { kpi, fields } = options.opened ? mergeEdit(current, options.opened, edited) : { kpi: edited, fields: undefined };
  const own = bandsChanged(current, kpi) && read.state.sources[current.id] ? await findOwnFormats(context, read, current.id) : null;
  plan.add(await ensureColumns(context, read, kpi));
  plan.add(registerUpdateStep(read, kpi, options, fields));
  if (current.targetRange !== kpi.targetRange) plan.add(targetNameStep(read, current.id, kpi.targetRange || null));
  if ((current.denominatorRange ?? "") !== (kpi.denominatorRange ?? "")) plan.add(...rate.steps);
  if (own) {
    plan.add(own.removeStep());
    if (own.address) {
      const formats = bandFormatsStep(own.address, kpi, read);
      plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [current.id]: { address: own.address, formulas: formats.formulas } }));
    }
  }
  return { result: kpi, action: `save ${kpi.name}`, history: [current, kpi] };
}

/** Whether the edit changes what colours the KPI's cells: its target, At risk, direction or rate. */
function bandsChanged(current: KpiDefinition, kpi: KpiDefinition): boolean {
  return (
    current.target !== kpi.target ||
    current.targetRange !== kpi.targetRange ||
    current.atRisk !== kpi.atRisk ||
    current.atRiskPercent !== kpi.atRiskPercent ||
    current.direction !== kpi.direction ||
    (current.denominatorRange ?? "") !== (kpi.denominatorRange ?? "") ||
    (current.ratePer ?? null) !== (kpi.ratePer ?? null)
  );
}
