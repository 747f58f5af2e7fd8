/**
 * The conditional formats that colour a KPI's cells by band, with exactly KPI_STATUS's rules.
 * Each rule is a formula written for the top-left cell of the range (Excel shifts it for the
 * others). ISNUMBER keeps blanks and text uncoloured: a "cell value" rule would compare a blank
 * as 0 and rank text above every number, painting blanks red and text green where KPI_STATUS
 * says "No data" and #VALUE!. Each formula carries a marker, N("kpilens:<ID>:<band>") = 0
 * (N of text is 0), so the add-in can tell its own formats from the user's.
 */
import { defaultAtRisk, Direction, Status } from "../core/status";

export interface BandLook {
  fill: string;
  font: string;
}

/** Excel's Good / Neutral / Bad cell styles: readable text on a light fill. */
export const BAND_LOOK: Record<Status, BandLook> = {
  on: { fill: "#C6EFCE", font: "#006100" },
  risk: { fill: "#FFEB9C", font: "#9C5700" },
  off: { fill: "#FFC7CE", font: "#9C0006" },
};

export interface BandRule extends BandLook {
  status: Status;
  formula: string;
}

export interface BandSpec {
  id: string;
  target: number;
  atRisk: number | null;
  direction: Direction;
}

export function marker(id: string): string {
  return `N("kpilens:${id}:`;
}

/** Whether a rule formula is one of ours for this KPI (any KPI when id is omitted). */
export function isOwnRule(formula: string, id?: string): boolean {
  return formula.includes(id === undefined ? 'N("kpilens:' : marker(id));
}

function literal(n: number): string {
  return String(n).toUpperCase();
}

/** The three rules for a KPI whose range starts at `topLeft` (a relative A1 cell such as "B2"). */
export function bandRules(kpi: BandSpec, topLeft: string): BandRule[] {
  const x = topLeft;
  const t = literal(kpi.target);
  const a = literal(kpi.atRisk ?? defaultAtRisk(kpi.target, kpi.direction));
  const tag = (status: Status) => `${marker(kpi.id)}${status}")=0`;
  const tolerance = Math.abs(Number(a) - kpi.target);
  const half = literal(tolerance / 2);
  const whole = literal(tolerance);
  const distance = `ABS(${x}-${t})`;
  const conditions: Record<Status, string> =
    kpi.direction === "within"
      ? { on: `${distance}<=${half}`, risk: `${distance}>${half},${distance}<=${whole}`, off: `${distance}>${whole}` }
      : kpi.direction === "higher"
        ? { on: `${x}>=${t}`, risk: `${x}<${t},${x}>=${a}`, off: `${x}<${a}` }
        : { on: `${x}<=${t}`, risk: `${x}>${t},${x}<=${a}`, off: `${x}>${a}` };
  return (["on", "risk", "off"] as const).map((status) => ({
    status,
    formula: `=AND(ISNUMBER(${x}),${conditions[status]},${tag(status)})`,
    ...BAND_LOOK[status],
  }));
}
