/**
 * The colours of a rate KPI: its value cells hold counts (orders), but its status is the rate's
 * (orders / visits), so no rule on a cell's own value can colour it. As for a target per period
 * (bandFormats.ts), KPIBand_<ID> computes every period's band, here from the rate
 * KPI_<ID>/KPIDenom_<ID> (× N for a rate per N), and the three rules read each cell's code by
 * position, so every rule stays within Excel's 255 characters. The bands are KPI_STATUS's
 * (status.ts classify) applied to the rate, exactly as the pane's status (rateSummary.ts): a
 * period with no count, no denominator or a denominator of 0 or less is uncoloured ("No data"),
 * as KPI.SPC skips it.
 */
import { atRiskFor } from "../core/model/kpi";
import { denomNameOf, nameOf, targetNameOf } from "../core/excel/workbookNames";
import type { BandSpec } from "./bandSpec";

export interface RateBandSpec extends BandSpec {
  denominatorRange?: string;
  ratePer?: number | null;
}

const literal = (n: number) => String(n).toUpperCase();

/** The band code (1 on, 2 at risk, 3 off) of rate `r` against target `t` and At risk boundary `a` (or the within tolerance). */
function bandOf(direction: BandSpec["direction"], r: string, t: string, a: string, whole: string): string {
  if (direction === "within") return `IF(ABS(${r}-${t})<=${whole}/2,1,IF(ABS(${r}-${t})<=${whole},2,3))`;
  return direction === "higher" ? `IF(${r}>=${t},1,IF(${r}>=${a},2,3))` : `IF(${r}<=${t},1,IF(${r}<=${a},2,3))`;
}

/**
 * KPIBand_<ID>'s formula for a rate KPI. `targetCrosswise` / `denominatorsCrosswise`: that range
 * runs the other way from the values (TRANSPOSE, as bandNameFormula does). One target is written as
 * numbers (its At risk boundary too, as kpi.ts atRiskFor gives it); a target per period reads
 * KPITarget_<ID> with the At risk share of each period's target.
 */
export function rateBandNameFormula(kpi: RateBandSpec, targetCrosswise = false, denominatorsCrosswise = false): string {
  const v = nameOf(kpi.id);
  const d = denominatorsCrosswise ? `TRANSPOSE(${denomNameOf(kpi.id)})` : denomNameOf(kpi.id);
  const r = kpi.ratePer ? `(${v}/${d}*${literal(kpi.ratePer)})` : `(${v}/${d})`;
  const known = `ISNUMBER(${v})*ISNUMBER(${r})*(${d}>0)`;
  if (kpi.target !== null) {
    const boundary = atRiskFor(kpi, kpi.target);
    const band = bandOf(kpi.direction, r, literal(kpi.target), literal(boundary), literal(Math.abs(boundary - kpi.target)));
    return `=IF(${known},${band},0)`;
  }
  const t = targetCrosswise ? `TRANSPOSE(${targetNameOf(kpi.id)})` : targetNameOf(kpi.id);
  const s = literal((kpi.atRiskPercent ?? 10) / 100);
  const whole = `ABS(${t})*${s}`;
  const a = kpi.direction === "lower" ? `${t}+${whole}` : `${t}-${whole}`;
  return `=IF(${known}*ISNUMBER(${t}),${bandOf(kpi.direction, r, t, a, whole)},0)`;
}
