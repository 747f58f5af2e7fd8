/**
 * Include new periods: numbers typed right after a KPI's plain range (series.ts counts them), or
 * whole rows typed right below a block of segments (segmentsRead.ts: a number in every segment,
 * never its own target row), join it. Its name, its register text and its colours grow to cover
 * them, as one write; a block's denominators grow by the same rows, so they keep its shape.
 */
import { parseAddress, qualified, SheetArea } from "../core/excel/a1";
import { KpiDefinition } from "../core/model/kpi";
import { isSegmented } from "../core/model/segments";
import { denomNameOf } from "../core/excel/workbookNames";
import { KpiWorkbookError } from "./errors";
import { ExcelRun } from "./excelRun";
import { bandFormatsStep, findOwnFormats, formatsRecordStep } from "./ownFormats";
import { findKpi, nameOf, RegisterRead } from "./registerRead";
import { registerUpdateStep } from "./registerRow";
import { readSegmentSeries } from "./segmentsRead";
import { readSeries } from "./series";
import { nameStep } from "./steps/names";
import { Plan, Step } from "./writeEngine";

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
  const block = isSegmented(current);
  const [series] = block ? await readSegmentSeries(excel, read, [current]) : await readSeries(excel, [current], { [current.id]: address });
  const action = `include the new periods of ${current.name}`;
  if (series.newPeriods === 0) return { result: undefined, action };
  const area = parseAddress(address);
  // A block's periods run down its rows (segments across), as a column's do.
  const down = block || area.colCount === 1;
  const grow = (a: SheetArea) => (down ? { ...a, rowCount: a.rowCount + series.newPeriods } : { ...a, colCount: a.colCount + series.newPeriods });
  const grown = grow(area);
  const grownAddress = qualified(area.sheet!, grown);
  const own = await findOwnFormats(context, read, current.id);
  const reference = `=${qualified(area.sheet!, grown, true)}`;
  const name = read.names.get(nameOf(current.id).toUpperCase())!;
  const denominators = block && current.denominatorRange ? grownDenominators(read, current, grow) : null;
  const kpi = { ...current, source: reference.slice(1), ...(denominators ? { denominatorRange: denominators.range } : {}) };
  plan.add(own.removeStep());
  plan.add(nameStep({ name: name.name, formula: reference, comment: name.comment, before: name }));
  if (denominators) plan.add(denominators.step);
  plan.add(registerUpdateStep(read, kpi, { replaceFormulas: false }, denominators ? ["source", "denominatorRange"] : ["source"]));
  const formats = bandFormatsStep(grownAddress, kpi, read);
  plan.add(...formats.steps, formatsRecordStep(read, { ...read.formats, [current.id]: { address: grownAddress, formulas: formats.formulas } }));
  return { result: undefined, action, history: [current, kpi] };
}

/** A block's denominators grown by the block's new rows: KPIDenom_<ID>'s step and the register's text. */
function grownDenominators(read: RegisterRead, kpi: KpiDefinition, grow: (a: SheetArea) => SheetArea): { range: string; step: Step | null } {
  const name = read.names.get(denomNameOf(kpi.id).toUpperCase());
  const where = read.state.denominators[kpi.id];
  if (!name || !where) throw new KpiWorkbookError(`The denominators of ${kpi.name} are gone: its name ${denomNameOf(kpi.id)} no longer refers to cells.`);
  const area = parseAddress(where);
  const range = qualified(area.sheet!, grow(area), true);
  return { range, step: nameStep({ name: name.name, formula: `=${range}`, comment: name.comment, before: name }) };
}
