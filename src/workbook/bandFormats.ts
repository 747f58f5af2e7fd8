/**
 * The conditional formats that colour a KPI's cells by band, with exactly KPI_STATUS's rules.
 * Each rule is a formula written for the top-left cell of the range (Excel shifts it for the
 * others). ISNUMBER keeps blanks and text uncoloured: a "cell value" rule would compare a blank
 * as 0 and rank text above every number, painting blanks red and text green where KPI_STATUS
 * says "No data" and #VALUE!. Each formula carries a marker, N("kpilens:<ID>:<band>") = 0
 * (N of text is 0), so the add-in can tell its own formats from the user's.
 */
import { atRiskFor } from "../core/kpi";
import { targetNameOf } from "../core/workbookNames";
import { Direction, Status } from "../core/status";

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
  /** One target; null when each period has its own, in the KPI's target name (targetNameOf). */
  target: number | null;
  atRisk: number | null;
  atRiskPercent: number | null;
  direction: Direction;
}

/** The name of a KPI's per-period target range: KPITarget_<ID> (not KPI_…, the prefix of the KPIs' own names). */
export { targetNameOf };

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

/**
 * The three rules for a KPI whose range starts at `topLeft` (a relative A1 cell such as "B2")
 * and runs down (`vertical`) or across. A target per period is read from the KPI's target name
 * by the period's position, INDEX(KPITarget_X,ROWS($B$2:B2)): a defined name, because
 * conditional formats in Excel 2007 and earlier cannot refer to another sheet directly, and
 * names can. A blank target leaves the cell uncoloured, as KPI_STATUS gives #VALUE! there.
 */
export function bandRules(kpi: BandSpec, topLeft: string, vertical = true): BandRule[] {
  const x = topLeft;
  const tag = (status: Status) => `${marker(kpi.id)}${status}")=0`;
  let t: string;
  let a: string;
  let half: string;
  let whole: string;
  let known: string;
  if (kpi.target !== null) {
    t = literal(kpi.target);
    const boundary = atRiskFor(kpi, kpi.target);
    a = literal(boundary);
    half = literal(Math.abs(boundary - kpi.target) / 2);
    whole = literal(Math.abs(boundary - kpi.target));
    known = "";
  } else {
    const anchor = topLeft.replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2");
    t = `INDEX(${targetNameOf(kpi.id)},${vertical ? "ROWS" : "COLUMNS"}(${anchor}:${x}))`;
    const share = literal((kpi.atRiskPercent ?? 10) / 100);
    a = `(${t}${kpi.direction === "lower" ? "+" : "-"}ABS(${t})*${share})`;
    whole = `ABS(${t})*${share}`;
    half = `${whole}/2`;
    known = `ISNUMBER(${t}),`;
  }
  const distance = `ABS(${x}-${t})`;
  const conditions: Record<Status, string> =
    kpi.direction === "within"
      ? { on: `${distance}<=${half}`, risk: `${distance}>${half},${distance}<=${whole}`, off: `${distance}>${whole}` }
      : kpi.direction === "higher"
        ? { on: `${x}>=${t}`, risk: `${x}<${t},${x}>=${a}`, off: `${x}<${a}` }
        : { on: `${x}<=${t}`, risk: `${x}>${t},${x}<=${a}`, off: `${x}>${a}` };
  return (["on", "risk", "off"] as const).map((status) => ({
    status,
    formula: `=AND(ISNUMBER(${x}),${known}${conditions[status]},${tag(status)})`,
    ...BAND_LOOK[status],
  }));
}
