/**
 * Leftovers of a KPI whose register row is gone (its names and colours): removed, or its row
 * rebuilt from its name and the colours' rules (or, for a target per period, its band and target
 * names). Each plans its steps for the write engine.
 */
import { KpiDefinition, FIELD_DEFAULTS } from "../core/model/kpi";
import { KpiWorkbookError } from "./errors";
import { perPeriodBands } from "./kpiChecks";
import { bandNameRemoval, findOwnFormats, formatsRecordStep } from "./ownFormats";
import { recoverFromRules } from "./recover";
import { nameOf, Orphan, RegisterRead } from "./registerRead";
import { registerAppendSteps } from "./registerRow";
import { denominatorNameStep } from "./denominatorRange";
import { nameStep } from "./steps/names";
import { targetNameStep } from "./targetRange";
import { Plan } from "./writeEngine";

function orphanOf(read: RegisterRead, id: string): Orphan {
  const orphan = read.state.orphans.find((o) => o.id.toUpperCase() === id.toUpperCase());
  if (!orphan) throw new KpiWorkbookError(`${nameOf(id)} is no longer a leftover: it has a register row, or it is gone.`);
  return orphan;
}

export async function planOrphanRemoval(
  context: Excel.RequestContext,
  read: RegisterRead,
  plan: Plan,
  id: string,
): Promise<{ result: undefined; action: string }> {
  const orphan = orphanOf(read, id);
  const own = await findOwnFormats(context, read, orphan.id);
  plan.add(own.removeStep());
  const name = orphan.name ? read.names.get(orphan.name.toUpperCase())! : null;
  if (name) plan.add(nameStep({ name: name.name, formula: null, comment: name.comment, before: name }));
  if (orphan.targetName) plan.add(targetNameStep(read, orphan.id, null));
  plan.add(bandNameRemoval(read, orphan.id), denominatorNameStep(read, orphan.id, null));
  const formats = Object.fromEntries(Object.entries(read.formats).filter(([k]) => k.toUpperCase() !== orphan.id.toUpperCase()));
  if (Object.keys(formats).length !== Object.keys(read.formats).length) plan.add(formatsRecordStep(read, formats));
  return { result: undefined, action: `remove the leftovers of ${orphan.id}` };
}

export function planOrphanRecovery(
  read: RegisterRead,
  plan: Plan,
  token: string,
  id: string,
): { result: KpiDefinition; action: string; history: [null, KpiDefinition] } {
  const orphan = orphanOf(read, id);
  const recorded = Object.entries(read.formats).find(([k]) => k.toUpperCase() === orphan.id.toUpperCase())?.[1];
  const bands = (recorded ? recoverFromRules(recorded.formulas) : null) ?? perPeriodBands(read, orphan.id);
  if (!orphan.source || !bands) {
    throw new KpiWorkbookError(
      `${orphan.id} cannot be rebuilt: ${!orphan.source ? "its name no longer refers to cells" : "its colours' rules are not on record"}. Remove the leftovers and tag the values again.`,
    );
  }
  const name = read.names.get(nameOf(orphan.id).toUpperCase());
  const kpi: KpiDefinition = {
    id: orphan.id,
    name: name?.comment.replace(/^KPI Lens: /, "") || orphan.id,
    owner: "",
    objective: "",
    kind: "lagging",
    predicts: "",
    ...FIELD_DEFAULTS,
    ...bands,
    baseline: null,
    spcBaseline: null,
    spcFrom: null,
    unit: "",
    cadence: "monthly",
    initiative: "",
    response: "",
    source: String(name?.formula ?? "").replace(/^=/, ""),
    lastReviewed: "",
    primary: true,
  };
  plan.add(...registerAppendSteps(read, kpi, token));
  return { result: kpi, action: `rebuild the register row of ${orphan.id}`, history: [null, kpi] };
}
