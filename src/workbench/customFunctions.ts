/**
 * The KPI worksheet functions registered with the in-memory Excel, as Excel registers the
 * add-in's custom functions from functions.json, so a formula the pane inserts computes in the
 * workbench grid too. The top-level options come from the same file the build merges into
 * functions.json; each function is declared with @requiresParameterAddresses (a build test
 * checks both against the generated functions.json).
 */
import "./customFunctionsRuntime";
import * as kpi from "../functions/functions";
import options from "../functions/functionsJsonOptions.json";
import { FunctionRegistry, RegisteredFunction } from "./excel/customFunctionHost";

/** Functions by the name a formula uses, "KPI.<ID>". */
export const KPI_FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  "KPI.KPI_STATUS": kpi.kpiStatus,
  "KPI.LEADLAG_CORR": kpi.leadLagCorr,
  "KPI.SIG_CHANGE": kpi.sigChange,
  "KPI.SPC": kpi.spc,
  "KPI.LEAD_FORECAST": kpi.leadForecast,
  "KPI.FUNNEL": kpi.funnel,
  "KPI.VARIANCE": kpi.variance,
  "KPI.OUTLOOK": kpi.outlook,
};

export function kpiFunctions(
  overrides: Partial<Pick<FunctionRegistry, "allowErrorForDataTypeAny" | "allowCustomDataForDataTypeAny" | "hostMode">> = {},
): FunctionRegistry {
  const functions: Record<string, RegisteredFunction> = {};
  for (const [name, f] of Object.entries(KPI_FUNCTIONS)) {
    // The last declared parameter is the invocation Excel appends.
    functions[name] = { fn: f as (...args: unknown[]) => unknown, parameterCount: f.length - 1, requiresParameterAddresses: true };
  }
  const flags = { allowErrorForDataTypeAny: options.allowErrorForDataTypeAny, allowCustomDataForDataTypeAny: options.allowCustomDataForDataTypeAny };
  return { ...flags, ...overrides, functions };
}
