/**
 * Reading a KPI's bands back from the rules of its colours (bandFormats.ts writes them), so a
 * KPI whose register row was deleted can be rebuilt from what is left in the workbook.
 */
import { Direction } from "../core/status";

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
