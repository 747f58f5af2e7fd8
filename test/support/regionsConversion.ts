/**
 * The sample's conversion by region as one KPI across segments: orders in 'Regions'!B3:E38 under
 * a header row of the regions' names, visits in H3:K38, a target per region in B40:E40, At risk
 * 10% below it.
 */
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { kpiInput } from "./workbench";

export function regionsConversion(overrides: Partial<KpiInput> = {}): KpiInput {
  return kpiInput({
    name: "Conversion by region",
    unit: "",
    target: null,
    targetRange: "Regions!B40:E40",
    atRisk: null,
    atRiskPercent: 10,
    denominatorRange: "Regions!H3:K38",
    ratePer: null,
    segments: "columns",
    ...overrides,
  });
}
