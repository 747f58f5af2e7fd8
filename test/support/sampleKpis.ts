/**
 * The sample workbook's three KPIs of 2023-01..2025-12 as the Scorecard tests tag them, the
 * custom functions registered: Revenue against its budget row, Churn (lower is better) and
 * Conversion, a rate of the web shop's visits.
 */
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { kpiInput, sampleSetup } from "./workbench";

const VISITS = "'Web shop'!B2:B37";

/** `firstPeriod` "" leaves the KPIs without one, as the register allows. */
export async function sampleKpis({ conversion = true, firstPeriod = "2023-01" } = {}): Promise<ReturnType<typeof sampleSetup>> {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  const year = { firstPeriod };
  await s.workbook.tag(kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, ...year }), "'Monthly KPIs'!B2:B37", "REVENUE");
  await s.workbook.tag(
    kpiInput({ name: "Churn", objective: "Keep customers", direction: "lower", target: 2.6, atRisk: 2.9, ...year }),
    "'Monthly KPIs'!C2:C37",
    "CHURN",
  );
  if (!conversion) return s;
  const rate = { name: "Conversion", objective: "Keep customers", unit: "", target: 0.031, atRisk: null, atRiskPercent: 5, ratePer: null };
  await s.workbook.tag(kpiInput({ ...rate, denominatorRange: VISITS, ...year }), "'Web shop'!C2:C37", "CONV");
  return s;
}
