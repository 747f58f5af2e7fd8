/**
 * The KPI worksheet functions registered with the in-memory Excel, as Excel registers the
 * add-in's custom functions, so a formula the pane inserts computes in the workbench grid too.
 */
import "./customFunctionsRuntime";
import { kpiStatus, leadLagCorr, sigChange } from "../functions/functions";

export function kpiFunctions(): Record<string, (...args: unknown[]) => unknown> {
  const call = (f: (...a: never[]) => unknown) => (...args: unknown[]) => f(...(args as never[]));
  return {
    "KPI.KPI_STATUS": call(kpiStatus),
    "KPI.LEADLAG_CORR": call(leadLagCorr),
    "KPI.SIG_CHANGE": call(sigChange),
  };
}
