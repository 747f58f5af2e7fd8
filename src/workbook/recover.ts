/**
 * Reading a KPI's bands back from the rules of its colours (bandFormats.ts writes them), so a
 * KPI whose register row was deleted can be rebuilt from what is left in the workbook. One
 * target: the numbers are in the rules. A target per period: the rules only read KPIBand_<ID>,
 * whose formula holds the direction and the At risk share (recoverFromBandName).
 */
import { Direction } from "../core/model/status";

export function recoverFromRules(formulas: readonly string[]): { direction: Direction; target: number; atRisk: number } | null {
  const on = formulas.find((f) => f.includes(':on")'));
  const risk = formulas.find((f) => f.includes(':risk")'));
  if (!on || !risk) return null;
  const onMatch = /ISNUMBER\([^)]*\),\$?[A-Z]+\$?\d+(>=|<=)([-+0-9.E]+),/i.exec(on);
  const riskMatch = /,\$?[A-Z]+\$?\d+(>=|<=)([-+0-9.E]+),N\(/i.exec(risk);
  if (!onMatch || !riskMatch) return null;
  const target = Number(onMatch[2]);
  const atRisk = Number(riskMatch[2]);
  if (!Number.isFinite(target) || !Number.isFinite(atRisk)) return null;
  return { direction: onMatch[1] === ">=" ? "higher" : "lower", target, atRisk };
}

/**
 * The bands of a KPI with a target per period, from the formula of its KPIBand_<ID> name
 * (bandFormats.ts bandNameFormula): its direction and At risk as a percentage of each period's
 * target. The target range itself is the KPITarget_<ID> name's. Null when the formula is not one
 * KPI Lens wrote (a user edited it, say).
 */
export function recoverFromBandName(formula: string): { direction: Direction; atRiskPercent: number } | null {
  const m = /^=IF\(ISNUMBER\((KPI_\w+)\)\*ISNUMBER\(([^,]+)\),IF\((ABS\()?\1(?:-\2\))?(>=|<=)(?:\2|ABS\(\2\)\*([0-9.E+-]+)\/2),1,/i.exec(formula);
  if (!m) return null;
  const direction: Direction = m[3] ? "within" : m[4] === ">=" ? "higher" : "lower";
  const share = Number(m[5] ?? /\*([0-9.E+-]+),2,3\)\),0\)$/i.exec(formula)?.[1]);
  if (!Number.isFinite(share)) return null;
  return { direction, atRiskPercent: Math.round(share * 100 * 1e9) / 1e9 };
}
