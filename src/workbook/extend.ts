/**
 * Include new periods: numbers typed right after a KPI's plain range (series.ts counts them) join
 * it. Its name, its register text and its colours grow to cover them, as one write.
 */
import { parseAddress, qualified } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { KpiWorkbookError } from "./errors";
import { ExcelRun } from "./excelRun";
import { bandFormatsStep, findOwnFormats, formatsRecordStep } from "./ownFormats";
import { findKpi, nameOf, RegisterRead } from "./registerRead";
import { registerUpdateStep } from "./registerRow";
import { readSeries } from "./series";
import { nameStep } from "./steps/names";
import { Plan } from "./writeEngine";

export async function planExtend(
  context: Excel.RequestContext,
  excel: ExcelRun,
  read: RegisterRead,
  plan: Plan,
  id: string,
): Promise<{ result: undefined; action: string; history?: [KpiDefinition, KpiDefinition] }> {
  const current = findKpi(read, id);
  const address = read.state.sources[current.id];
  if (!address || current.source.includes("[")) throw new KpiWorkbookError(`${current.name} has no plain range to extend.`);
  const [series] = await readSeries(excel, [current], { [current.id]: address });
  if (series.newPeriods === 0) return { result: undefined, action: `include the new periods of ${current.name}` };
  const area = parseAddress(address);
  const grown = area.colCount === 1 ? { ...area, rowCount: area.rowCount + series.newPeriods } : { ...area, colCount: area.colCount + series.newPeriods };
  const grownAddress = qualified(area.sheet!, grown);
  const own = await findOwnFormats(context, read, current.id);
  const reference = `=${qualified(area.sheet!, grown, true)}`;
  const name = read.names.get(nameOf(current.id).toUpperCase())!;
  const kpi = { ...current, source: reference.slice(1) };
  plan.add(own.removeStep());
  plan.add(nameStep({ name: name.name, formula: reference, comment: name.comment, before: name }));
  plan.add(registerUpdateStep(read, kpi, { replaceFormulas: false }, ["source"]));
  const formats = bandFormatsStep(grownAddress, kpi, read);
  plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [current.id]: { address: grownAddress, formulas: formats.formulas } }));
  return { result: undefined, action: `include the new periods of ${current.name}`, history: [current, kpi] };
}
