/**
 * Untag and its undo, planned as write-engine steps: untag removes the KPI's colours, names and
 * register row (guarded by its ID at write time) and hands back a receipt; undo puts them back,
 * the row at the register's end (an append, which never shifts a co-author's rows).
 */
import { KpiDefinition } from "../core/model/kpi";
import { denomNameOf } from "../core/excel/workbookNames";
import { appendSteps } from "./addinTable";
import { bandNameOf } from "./bandFormats";
import { denominatorNameStep } from "./denominatorRange";
import { KpiWorkbookError } from "./errors";
import type { UntagReceipt } from "./kpiWorkbookApi";
import { bandNameRemoval, findOwnFormats, formatsRecordStep, restoreFormatsStep } from "./ownFormats";
import { findKpi, nameOf, RegisterRead } from "./registerRead";
import { REGISTER_SHEET, REGISTER_TABLE } from "./registerSchema";
import { deleteRowStep } from "./steps/rows";
import { nameStep } from "./steps/names";
import { targetNameOf } from "../core/excel/workbookNames";
import { targetNameStep } from "./targetRange";
import { Plan } from "./writeEngine";

type Planned<T> = { result: T; action: string; history: [KpiDefinition | null, KpiDefinition | null] };

export async function planUntag(context: Excel.RequestContext, read: RegisterRead, plan: Plan, id: string): Promise<Planned<UntagReceipt>> {
  const current = findKpi(read, id);
  // Deleting a row of a filtered table is reported to remove other rows or nothing (office-js
  // #994, #224, #468); the user's filter is theirs to clear, so KPI Lens asks instead.
  if (read.registerFiltered)
    throw new KpiWorkbookError(
      `The register is filtered, and Excel does not delete rows of a filtered table reliably: clear its filter (Data › Clear), then untag ${current.name}. Nothing was changed.`,
    );
  const rowIndex = read.rowIds.indexOf(current.id);
  const own = await findOwnFormats(context, read, current.id);
  const name = read.names.get(nameOf(current.id).toUpperCase()) ?? null;
  const targetName = read.names.get(targetNameOf(current.id).toUpperCase()) ?? null;
  const receipt: UntagReceipt = {
    targetName,
    kpi: current,
    rowIndex,
    rowFormulas: read.rowFormulas[rowIndex],
    rowNumberFormats: read.rowNumberFormats[rowIndex] ?? [],
    name,
    formats: own.found,
    formatsRecord: read.formats[current.id] ?? null,
    bandName: read.names.get(bandNameOf(current.id).toUpperCase()) ?? null,
    denomName: read.names.get(denomNameOf(current.id).toUpperCase()) ?? null,
  };
  const formats = { ...read.formats };
  delete formats[current.id];
  plan.add(own.removeStep());
  if (name) plan.add(nameStep({ name: name.name, formula: null, comment: name.comment, before: name }));
  if (targetName) plan.add(targetNameStep(read, current.id, null));
  plan.add(bandNameRemoval(read, current.id), denominatorNameStep(read, current.id, null));
  plan.add(formatsRecordStep(read, formats));
  plan.add(
    deleteRowStep({
      what: `the register row ${current.id}`,
      table: REGISTER_TABLE,
      index: rowIndex,
      keyColumn: read.columns.id,
      id: current.id,
      moved: `${current.name}'s row moved in the register while you untagged it (it was sorted, or a row was inserted or deleted).`,
      formulas: receipt.rowFormulas,
      numberFormats: receipt.rowNumberFormats as unknown[],
    }),
  );
  return { result: receipt, action: `untag ${current.name}`, history: [current, null] };
}

export function planUndoUntag(read: RegisterRead, plan: Plan, token: string, receipt: UntagReceipt): Planned<undefined> {
  if (!read.state.exists) throw new KpiWorkbookError(`The register is gone, so ${receipt.kpi.name} cannot be put back.`);
  if (read.takenIds.has(receipt.kpi.id.toUpperCase()))
    throw new KpiWorkbookError(`The ID ${receipt.kpi.id} has been used again since the untag, so it cannot be put back.`);
  // The row comes back at the register's end, with its formulas (the user's columns too): where
  // it stood is the user's sort to choose, and an append never shifts a co-author's rows.
  const width = read.width;
  const formulas = Array.from({ length: width }, (_, i) => receipt.rowFormulas[i] ?? "");
  const formats = Array.from({ length: width }, (_, i) => String(receipt.rowNumberFormats[i] ?? "General"));
  const target = {
    sheet: REGISTER_SHEET,
    table: REGISTER_TABLE,
    what: "register",
    exists: true,
    blankBody: read.blankBody,
    bodyAddress: read.bodyAddress,
    headers: [],
  };
  plan.add(...appendSteps(target, [formulas], [formats], [read.columns.id], token, true));
  if (receipt.name)
    plan.add(
      nameStep({
        name: receipt.name.name,
        formula: receipt.name.formula,
        comment: receipt.name.comment,
        before: read.names.get(receipt.name.name.toUpperCase()) ?? null,
      }),
    );
  if (receipt.targetName) plan.add(targetNameStep(read, receipt.kpi.id, receipt.targetName.formula.replace(/^=/, "")));
  if (receipt.denomName) plan.add(denominatorNameStep(read, receipt.kpi.id, receipt.denomName.formula.replace(/^=/, "")));
  if (receipt.bandName) plan.add(nameStep({ ...receipt.bandName, before: read.names.get(receipt.bandName.name.toUpperCase()) ?? null }));
  for (const f of receipt.formats) plan.add(restoreFormatsStep(f.address, f.specs, receipt.kpi.id));
  if (receipt.formatsRecord) plan.add(formatsRecordStep(read, { ...read.formats, [receipt.kpi.id]: receipt.formatsRecord }));
  return { result: undefined, action: `put ${receipt.kpi.name} back`, history: [null, receipt.kpi] };
}
