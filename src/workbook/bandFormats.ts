/**
 * The conditional formats that colour a KPI's cells by band, with exactly KPI_STATUS's rules.
 * Each rule is a formula written for the top-left cell of the range (Excel shifts it for the
 * others). ISNUMBER keeps blanks and text uncoloured: a "cell value" rule would compare a blank
 * as 0 and rank text above every number, painting blanks red and text green where KPI_STATUS
 * says "No data" and #VALUE!. Each formula carries a marker, N("kpilens:<ID>:<band>") = 0
 * (N of text is 0), so the add-in can tell its own formats from the user's.
 */
import { parseAddress } from "../core/excel/a1";
import { atRiskFor } from "../core/model/kpi";
import { nameOf, targetNameOf } from "../core/excel/workbookNames";
import { Status } from "../core/model/status";
import { BandSpec } from "./bandSpec";
import { rateBandNameFormula, RateBandSpec } from "./rateBands";

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

export type { BandSpec };

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
 * The longest KPI ID whose rules stay within Excel's 255 characters for a conditional-format
 * formula (the cap of Excel's own dialog; through the API unconfirmed, so kept to: issue 21,
 * item 7) in the worst case: a "within" rule with four 24-character numbers and cells at
 * XFD1048576, 180 characters plus the ID (test/core/excel/hostFunctions.test.ts measures it).
 * Tighter than workbookNames.ts's MAX_ID_LENGTH (names of 255): ids.ts's checkId should refuse
 * longer IDs; chooseId's own are at most 24 characters and a suffix.
 */
export const MAX_RULE_ID_LENGTH = 64;

/** Excel's limit on a conditional-format rule's formula, as its dialog enforces it. */
export const MAX_RULE_LENGTH = 255;

/** A defined name KPI Lens adds to the workbook, as NamedItemCollection.add takes it. */
export interface NamedFormula {
  name: string;
  formula: string;
  comment: string;
}

/** What colours a KPI's cells: the three rules, and the names they call (none for one target). */
export interface BandFormats {
  rules: BandRule[];
  names: NamedFormula[];
}

/** The prefix of a KPI's band name; not KPI_… (the KPIs' own names), so never read as a KPI. */
export const BAND_PREFIX = "KPIBand_";

/** The name of a KPI's band of every period (a target per period): KPIBand_<ID>. */
export const bandNameOf = (id: string) => `${BAND_PREFIX}${id}`;

/** The code of each band in KPIBand_<ID>'s array; 0 is "no colour" (a blank, text or error value or target). */
export const BAND_CODE: Record<Status, number> = { on: 1, risk: 2, off: 3 };

const tag = (id: string, status: Status) => `${marker(id)}${status}")=0`;

/** The rules of a KPI with one target: the numbers written into each rule, readable in Excel's dialog. */
function numberRules(kpi: BandSpec & { target: number }, x: string): BandRule[] {
  const t = literal(kpi.target);
  const boundary = atRiskFor(kpi, kpi.target);
  const a = literal(boundary);
  const half = literal(Math.abs(boundary - kpi.target) / 2);
  const whole = literal(Math.abs(boundary - kpi.target));
  const distance = `ABS(${x}-${t})`;
  const conditions: Record<Status, string> =
    kpi.direction === "within"
      ? { on: `${distance}<=${half}`, risk: `${distance}>${half},${distance}<=${whole}`, off: `${distance}>${whole}` }
      : kpi.direction === "higher"
        ? { on: `${x}>=${t}`, risk: `${x}<${t},${x}>=${a}`, off: `${x}<${a}` }
        : { on: `${x}<=${t}`, risk: `${x}>${t},${x}<=${a}`, off: `${x}>${a}` };
  return (["on", "risk", "off"] as const).map((status) => ({
    status,
    formula: `=AND(ISNUMBER(${x}),${conditions[status]},${tag(kpi.id, status)})`,
    ...BAND_LOOK[status],
  }));
}

/** The share of |target| a per-period KPI's At risk lies from each target (10% by default). */
function shareOf(kpi: BandSpec): string {
  return literal((kpi.atRiskPercent ?? 10) / 100);
}

/**
 * KPIBand_<ID>'s formula: the band code of every period, an array of the values' shape, from the
 * KPI's names, with exactly KPI_STATUS's rules (status.ts classify; at risk = target ∓ |target|·
 * share as kpi.ts atRiskFor). A blank, text or error value or target gives 0, as KPI_STATUS says
 * "No data" or an error there. `crosswise`: the target range runs the other way from the values.
 * No LET (Excel 2021 has it, but the stand-in's engine does not) and no structured references.
 */
export function bandNameFormula(kpi: BandSpec, crosswise = false): string {
  const v = nameOf(kpi.id);
  const t = crosswise ? `TRANSPOSE(${targetNameOf(kpi.id)})` : targetNameOf(kpi.id);
  const s = shareOf(kpi);
  const band =
    kpi.direction === "within"
      ? `IF(ABS(${v}-${t})<=ABS(${t})*${s}/2,1,IF(ABS(${v}-${t})<=ABS(${t})*${s},2,3))`
      : kpi.direction === "higher"
        ? `IF(${v}>=${t},1,IF(${v}>=${t}-ABS(${t})*${s},2,3))`
        : `IF(${v}<=${t},1,IF(${v}<=${t}+ABS(${t})*${s},2,3))`;
  return `=IF(ISNUMBER(${v})*ISNUMBER(${t}),${band},0)`;
}

/** Whether the target range runs the other way from the values (a budget row for a column). */
function crosswiseTarget(targetRange: string | undefined, vertical: boolean): boolean {
  if (!targetRange) return false;
  try {
    const a = parseAddress(targetRange);
    return (a.colCount === 1) !== vertical;
  } catch {
    return false;
  }
}

/**
 * The rules and names that colour a KPI whose range starts at `topLeft` (a relative A1 cell
 * such as "B2") and runs down (`vertical`) or across. One target: three rules of numbers
 * (bandRules), no name. A target per period: KPIBand_<ID> computes every period's band, and each
 * rule reads its period's code by position, e.g.
 * =AND(INDEX(KPIBand_REVENUE,ROWS($B$2:B2))=1,N("kpilens:REVENUE:on")=0), within 255
 * characters for any ID up to MAX_RULE_ID_LENGTH. A name, because a conditional format may call one
 * ("[MS-OI29500] 3.2.3.1.2 Conditional Formatting Formulas": CF-function-name and name are in
 * its grammar; it may not use structured references or 3-D references, which a name's own
 * formula may) and the name reads the target range on another sheet, which Excel 2007's rules
 * could not. `kpi.targetRange` gives the target's orientation. A "block" (a KPI across segments,
 * core/model/segments.ts: periods down, segments across) reads its cell by row and column, e.g.
 * INDEX(KPIBand_CONV,ROWS($B$2:B2),COLUMNS($B$2:B2)); its target per segment runs across (a
 * column of them is transposed), so every cell is judged against its own segment's target.
 */
export function bandFormats(kpi: RateBandSpec & { targetRange?: string }, topLeft: string, vertical: boolean | "block" = true): BandFormats {
  // A rate KPI is coloured by its rate, which only a name can compute (rateBands.ts).
  if (kpi.target !== null && !kpi.denominatorRange) return { rules: numberRules({ ...kpi, target: kpi.target }, topLeft), names: [] };
  const anchor = topLeft.replace(/^([A-Z]+)(\d+)$/i, "$$$1$$$2");
  const name = bandNameOf(kpi.id);
  const at =
    vertical === "block"
      ? `${name},ROWS(${anchor}:${topLeft}),COLUMNS(${anchor}:${topLeft})`
      : vertical
        ? `${name},ROWS(${anchor}:${topLeft})`
        : `${name},1,COLUMNS(${anchor}:${topLeft})`;
  // A block's targets and denominators are judged as a row's: a row of targets spreads down every period (Excel's array broadcast).
  const along = vertical !== "block" && vertical;
  const rules = (["on", "risk", "off"] as const).map((status) => ({
    status,
    formula: `=AND(INDEX(${at})=${BAND_CODE[status]},${tag(kpi.id, status)})`,
    ...BAND_LOOK[status],
  }));
  const comment = `KPI Lens: the band of each period of ${nameOf(kpi.id)} (1 On track, 2 At risk, 3 Off track, 0 none), for its colours.`;
  const formula = kpi.denominatorRange
    ? rateBandNameFormula(kpi, crosswiseTarget(kpi.targetRange, along), crosswiseTarget(kpi.denominatorRange, along))
    : bandNameFormula(kpi, crosswiseTarget(kpi.targetRange, along));
  return { rules, names: [{ name, formula, comment }] };
}
