/**
 * KPI IDs, chosen in one place that sees every ID in use: valid register rows, rows the add-in
 * cannot read, and existing KPI_ names (a leftover name would make the tag fail half-way).
 * An ID also has to make a valid Excel name: KPI_<ID>, at most 255 characters, letters, digits
 * and _ ("Names in formulas", support.microsoft.com).
 */
import { idFromName } from "../core/kpi";
import { KpiWorkbookError } from "./errors";
import { nameOf, RegisterRead } from "./registerRead";

const MAX_NAME = 255;

export function checkId(id: string, read: RegisterRead): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id)) throw new KpiWorkbookError(`The ID "${id}" must be letters, digits and _, starting with a letter.`);
  if (nameOf(id).length > MAX_NAME) throw new KpiWorkbookError(`The ID "${id.slice(0, 20)}…" is too long for an Excel name.`);
  if (read.takenIds.has(id.toUpperCase())) {
    const inRows = read.state.kpis.some((k) => k.id.toUpperCase() === id.toUpperCase()) || read.state.problems.some((p) => p.id.toUpperCase() === id.toUpperCase());
    throw new KpiWorkbookError(inRows ? `A KPI with ID ${id} already exists in the register.` : `The name ${nameOf(id)} already exists in this workbook (a leftover of an earlier KPI?): remove it in the health check, or choose another name.`);
  }
  return id;
}

/** An ID from the KPI's name (core's rule), free among everything in use. */
export function chooseId(name: string, read: RegisterRead): string {
  return idFromName(name, [...read.takenIds]);
}
