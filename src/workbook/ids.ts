/**
 * KPI IDs, chosen in one place that sees every ID in use: valid register rows, rows the add-in
 * cannot read, existing KPI_ names (a leftover name would make the tag fail half-way), tables
 * named KPI_… (Excel tables and defined names share one namespace: "Rename an Excel table",
 * support.microsoft.com), and the names of KPI Lens's own tables (core/excel/workbookNames.ts), which
 * may not exist yet (KPI_Notes is created with the first note) but must stay free for it.
 * An ID also has to make valid Excel names: KPI_<ID> and KPITarget_<ID>, at most 255 characters,
 * letters, digits and _ ("Names in formulas", support.microsoft.com).
 * Everything here is decided before any write, so a refused ID never leaves anything behind.
 */
import { idFromName } from "../core/model/kpi";
import { ADDIN_TABLES, MAX_ID_LENGTH, NAME_PREFIXES, nameOf, RESERVED_IDS } from "../core/excel/workbookNames";
import { KpiWorkbookError } from "./errors";
import { RegisterRead } from "./registerRead";

/** Why `id` cannot be used, in words the pane shows; null when it is free. */
export function idTakenBecause(id: string, read: RegisterRead): string | null {
  const upper = id.toUpperCase();
  const own = ADDIN_TABLES.find((t) => t.table.toUpperCase() === nameOf(upper));
  if (own) return `${nameOf(id)} is the name of KPI Lens's own table ${own.table}, and in Excel a table and a name cannot share a name`;
  const inRows = read.state.kpis.some((k) => k.id.toUpperCase() === upper) || read.state.problems.some((p) => p.id.toUpperCase() === upper);
  if (inRows) return `a KPI with ID ${id} already exists in the register`;
  const table = read.tableNames.find((t) => NAME_PREFIXES.some((p) => t.toUpperCase() === `${p}${upper}`.toUpperCase()));
  if (table) return `this workbook has a table named ${table}, and in Excel a table and a name cannot share a name`;
  if (read.takenIds.has(upper)) return `the name ${nameOf(id)} already exists in this workbook (a leftover of an earlier KPI?): remove it in the health check`;
  return null;
}

export function checkId(id: string, read: RegisterRead): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id)) throw new KpiWorkbookError(`The ID "${id}" must be letters, digits and _, starting with a letter.`);
  if (id.length > MAX_ID_LENGTH)
    throw new KpiWorkbookError(`The ID "${id.slice(0, 20)}…" is too long: an ID has at most ${MAX_ID_LENGTH} characters, so its Excel names stay within 255.`);
  const why = idTakenBecause(id, read);
  if (why) throw new KpiWorkbookError(`The ID ${id} cannot be used: ${why}. Choose another ID, such as ${chooseId(id, read)}.`);
  return id;
}

/** Every ID that cannot be chosen, upper case. */
function takenSet(read: RegisterRead): string[] {
  return [...read.takenIds, ...RESERVED_IDS];
}

/** An ID from the KPI's name (core's rule), free among everything in use and every name KPI Lens reserves. */
export function chooseId(name: string, read: RegisterRead): string {
  return idFromName(name, takenSet(read));
}

/**
 * The ID a name gets, and when it is not the plain one (REVENUE_2, HISTORY_2), why: the rule the
 * pane shows next to the ID before the user tags.
 */
export function idChoiceOf(name: string, read: RegisterRead): { id: string; reason: string | null } {
  const plain = idFromName(name, []);
  const id = chooseId(name, read);
  if (id === plain) return { id, reason: null };
  return { id, reason: `${plain} cannot be used (${idTakenBecause(plain, read) ?? "it is taken"}), so the ID is ${id}.` };
}
