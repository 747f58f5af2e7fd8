/**
 * A KPI definition as the register holds one, for tests of what is computed from it: Revenue,
 * monthly, higher is better, target 100 and At risk 90, with every required field set. A test
 * states only what it is about (`overrides`); the optional fields (materiality, rate, segments…)
 * are absent unless given, as in a register from before their columns.
 */
import { KpiDefinition } from "../../src/core/model/kpi";

export function kpiDefinition(overrides: Partial<KpiDefinition> = {}): KpiDefinition {
  return {
    id: "REV",
    name: "Revenue",
    owner: "Dana",
    objective: "Grow",
    kind: "lagging",
    predicts: "",
    direction: "higher",
    target: 100,
    targetRange: "",
    atRisk: 90,
    atRiskPercent: null,
    baseline: null,
    spcBaseline: null,
    spcFrom: null,
    unit: "",
    cadence: "monthly",
    initiative: "Push",
    response: "Call the team",
    source: "Data!B2:B13",
    lastReviewed: "2026-11-20",
    primary: true,
    aggregation: "sum",
    firstPeriod: "2026-01",
    trigger: "",
    guardedBy: "",
    ...overrides,
  };
}
