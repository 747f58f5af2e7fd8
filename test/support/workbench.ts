/** The workbook layer wired to the in-memory Excel, as the workbench page wires it. */
import { runWith } from "../../src/workbench/excel/api";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { sampleWorkbook } from "../../src/workbench/sampleWorkbook";
import { ExcelKpiWorkbook, KpiInput } from "../../src/workbook/kpiWorkbook";
import { FIELD_DEFAULTS } from "../../src/core/model/kpi";

export function sampleSetup(model: WorkbookModel = sampleWorkbook()) {
  return { model, workbook: new ExcelKpiWorkbook(runWith(model)) };
}

export function kpiInput(overrides: Partial<KpiInput> = {}): KpiInput {
  return {
    name: "Revenue",
    owner: "Dana Whitfield",
    objective: "Grow recurring revenue",
    kind: "lagging",
    predicts: "",
    direction: "higher",
    target: 1300,
    atRisk: 1250,
    baseline: null,
    spcBaseline: null,
    spcFrom: null,
    unit: "k€",
    cadence: "monthly",
    initiative: "Enterprise upsell",
    response: "Review pipeline with sales leads",
    primary: true,
    ...FIELD_DEFAULTS,
    ...overrides,
  };
}

/** Syncs a call takes. */
export async function syncsOf(model: WorkbookModel, call: () => Promise<unknown>): Promise<number> {
  const before = model.syncCount;
  await call();
  return model.syncCount - before;
}
