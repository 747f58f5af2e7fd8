/**
 * The worksheet formulas behind the pane's answers, so an auditor can recompute them in a cell.
 * They refer to the KPIs' names (KPI_<ID>), so they stay live as the data grows, and read the
 * target and thresholds from the KPI's register row (INDEX/MATCH on its ID, so sorting the
 * register does not break them): change the target in the register and every formula follows.
 *
 * Every function used here is in every host the manifest admits (hostFunctions.ts lists them,
 * from the "Applies to" line of each Microsoft function page; Excel 2021 is the oldest): no
 * DROP or TAKE (Microsoft 365 and Excel 2024 only), and no number turned into text, whose
 * decimal separator would follow the user's locale.
 */
import { parseAddress } from "./a1";
import { KpiDefinition } from "../model/kpi";
import { Direction } from "../model/status";
import { nameOf, REGISTER_TABLE, targetNameOf } from "./workbookNames";

/** The register cell of a KPI's column, found by ID: INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)). */
export function registerCell(id: string, column: string): string {
  const escaped = column.replace(/[[\]#']/g, "'$&");
  return `INDEX(${REGISTER_TABLE}[${escaped}],MATCH("${id}",${REGISTER_TABLE}[ID],0))`;
}

/** The name of a KPI's per-period target range (kept in step with the register by the add-in): workbookNames.ts. */
export { targetNameOf };

/** Which way a KPI's range runs: known from its source (a table column runs down), else null. */
export type Orientation = "column" | "row" | null;

export function orientationOf(source: string): Orientation {
  if (/^[A-Za-z_\\][\w.\\]*\[/.test(source.trim())) return "column";
  try {
    const a = parseAddress(source);
    return a.rowCount === 1 && a.colCount > 1 ? "row" : "column";
  } catch {
    return null;
  }
}

/**
 * The cell at 1-based position `i` (a formula) of the one-row or one-column range `r`, as a
 * reference. INDEX's reference form takes a row and a column ("INDEX function",
 * support.microsoft.com: "If each area in reference contains only one row or column, the
 * row_num or column_num argument, respectively, is optional"): a column takes the position as
 * its row, a row as its column (INDEX(r,1,i)); of unknown orientation, whichever it runs along.
 */
function cellAt(r: string, i: string, way: Orientation): string {
  if (way === "column") return `INDEX(${r},${i})`;
  if (way === "row") return `INDEX(${r},1,${i})`;
  return `INDEX(${r},IF(COLUMNS(${r})=1,${i},1),IF(COLUMNS(${r})=1,1,${i}))`;
}

/** The number of periods of `r`, as a formula. */
function countOf(r: string, way: Orientation): string {
  return way === "column" ? `ROWS(${r})` : way === "row" ? `COLUMNS(${r})` : `ROWS(${r})*COLUMNS(${r})`;
}

/**
 * The periods of the one-row or one-column range `r` from position `from` (a formula, 1-based)
 * to its last, as INDEX(r,from):INDEX(r,last). A reference, not a computed array as DROP and TAKE
 * give: a custom function then still receives blanks as blanks it can repair (issue 21, item 4),
 * and Excel 2021 has INDEX (DROP and TAKE are Microsoft 365 and Excel 2024 only). A position
 * past the end gives #REF!, as DROP's empty result gives #CALC!.
 */
export function periodsFrom(r: string, from: string, way: Orientation = null): string {
  const last = way === "column" ? `INDEX(${r},ROWS(${r}))` : way === "row" ? `INDEX(${r},1,COLUMNS(${r}))` : `INDEX(${r},ROWS(${r}),COLUMNS(${r}))`;
  return `${cellAt(r, from, way)}:${last}`;
}

/** The last `n` periods of the range `r` (TAKE(r,-n) as a reference; TAKE took rows, wrong for a row). */
export function lastPeriods(r: string, n: number, way: Orientation = null): string {
  return periodsFrom(r, n > 1 ? `${countOf(r, way)}-${n - 1}` : countOf(r, way), way);
}

/**
 * The target as a formula argument: the register cell, or the KPI's target range by its name
 * (turned to the values' orientation when a budget row targets a column of values, as
 * KPI_STATUS wants a target range of the actual's shape).
 */
function targetArgument(k: KpiDefinition, transpose: boolean): string {
  if (k.target !== null) return registerCell(k.id, "Target");
  return transpose ? `TRANSPOSE(${targetNameOf(k.id)})` : targetNameOf(k.id);
}

/**
 * The At risk boundary a percentage of |target| makes, as numbers: target − |target|·share, or
 * + for lower (kpi.ts atRiskFor, KPI_STATUS's own rule). Computed in the formula from the
 * register's share, so it stays live, and passed as a number (or an array of the target's
 * shape): the former TEXT(share,"0.########%") gave "12,5%" in comma-decimal locales, which
 * KPI_STATUS cannot read (issue 21, item 8).
 */
export function percentBoundary(target: string, share: string, direction: Direction): string {
  return `${target}${direction === "lower" ? "+" : "-"}ABS(${target})*${share}`;
}

/**
 * KPI_STATUS's at_risk argument for a target (a formula): the register's number, the boundary
 * of its percentage, or "" to leave it out so KPI_STATUS applies its default (an empty cell
 * would reach the function as 0 on Windows/Mac).
 */
export function atRiskArgument(k: Pick<KpiDefinition, "id" | "atRisk" | "atRiskPercent" | "direction">, target: string): string {
  if (k.atRiskPercent !== null) return percentBoundary(target, registerCell(k.id, "At risk"), k.direction);
  return k.atRisk === null ? "" : registerCell(k.id, "At risk");
}

/**
 * KPI_STATUS of every period of the KPI's range; it spills, and its last row is the latest
 * status. `transpose`: the target range runs the other way from the values. `actual`: what is
 * judged, the KPI's values, or a rate KPI's rates (rateFormulas.ts ratesArgument).
 */
export function statusFormula(k: KpiDefinition, transpose = false, actual = nameOf(k.id)): string {
  const target = targetArgument(k, transpose);
  return `=KPI.KPI_STATUS(${actual},${target},${atRiskArgument(k, target)},"${k.direction}")`;
}

/** SIG_CHANGE of the latest value (`series`: the values, or a rate KPI's rates) against the ones before it, XmR rules as the pane uses. */
export function changeFormula(k: KpiDefinition, series = nameOf(k.id)): string {
  return `=KPI.SIG_CHANGE(${series},1,0.05,"xmr","detail")`;
}

/** The KPI's values as charted: from its Chart from period when one is set (a known change), else all. */
export function chartedValues(k: Pick<KpiDefinition, "id" | "spcFrom" | "source">): string {
  return k.spcFrom && k.spcFrom > 1 ? periodsFrom(nameOf(k.id), String(k.spcFrom), orientationOf(k.source ?? "")) : nameOf(k.id);
}

/** KPI.SPC's detail table, with the KPI's target, direction and limits baseline, as the card shows it. */
export function spcFormula(k: KpiDefinition, baseline: number | null): string {
  // A target per period: assurance is read against the latest period's (issue 22, item 2), the
  // one with the last number, as the card reads it (kpiSummary.ts); the range's last cell would be
  // a later month's budget when the open months of the year are tagged blank.
  const target = k.target !== null ? registerCell(k.id, "Target") : `INDEX(${targetNameOf(k.id)},${latestPosition(k.id)})`;
  return `=KPI.SPC(${chartedValues(k)},${target},"${k.direction === "within" ? "neutral" : k.direction}",${baseline ?? ""},"detail")`;
}

/** The two series aligned on their latest periods, as the chain analysis aligns them. */
function aligned(leading: KpiDefinition, lagging: KpiDefinition, lengths: { leading: number; lagging: number }): [string, string] {
  const n = Math.min(lengths.leading, lengths.lagging);
  const side = (k: KpiDefinition, length: number) => (length > n ? lastPeriods(nameOf(k.id), n, orientationOf(k.source ?? "")) : nameOf(k.id));
  return [side(leading, lengths.leading), side(lagging, lengths.lagging)];
}

/** LEADLAG_CORR's best lag, as the pane's chain analysis ran it (aligned on the latest periods). */
export function chainFormula(
  leading: KpiDefinition,
  lagging: KpiDefinition,
  lengths: { leading: number; lagging: number },
  maxLag: number,
  differenced: boolean,
): string {
  const [a, b] = aligned(leading, lagging, lengths);
  return `=KPI.LEADLAG_CORR(${a},${b},${maxLag},"pearson",${differenced ? "TRUE" : "FALSE"},"best")`;
}

/** LEAD_FORECAST at the chain's best lag with an 80% interval, as the chain section states it. */
export function forecastFormula(leading: KpiDefinition, lagging: KpiDefinition, lengths: { leading: number; lagging: number }, lag: number): string {
  const [a, b] = aligned(leading, lagging, lengths);
  return `=KPI.LEAD_FORECAST(${a},${b},${lag},0.8,"table")`;
}

// ------------------------------------------------------------------ the month-end pack (issue 22)

/**
 * KPI.VARIANCE's materiality argument from the register (live: change it there and every formula
 * follows): the Materiality cell (an amount), the Materiality % cell (text, "5%", as the function
 * reads a percentage), or both as a two-value array, IF({1,0},amount,percent) (IF takes an array
 * condition in every host; CHOOSE is not on the host list). "" to leave it out: every variance is material.
 */
export function materialityArgument(k: Pick<KpiDefinition, "id" | "materiality" | "materialityPercent">): string {
  const amount = k.materiality !== null && k.materiality !== undefined ? registerCell(k.id, "Materiality") : "";
  const percent = k.materialityPercent !== null && k.materialityPercent !== undefined ? registerCell(k.id, "Materiality %") : "";
  return amount && percent ? `IF({1,0},${amount},${percent})` : amount || percent;
}

/** The position of the KPI's latest number (MATCH of a number larger than any finds the last numeric cell). */
export const latestPosition = (id: string) => `MATCH(9.99E+307,${nameOf(id)})`;

/** Periods in a financial year, by cadence; null for weekly (a year is not a whole number of weeks). */
export function periodsPerYear(cadence: KpiDefinition["cadence"]): number | null {
  return cadence === "monthly" ? 12 : cadence === "quarterly" ? 4 : null;
}

/**
 * How many periods the KPI's first period lies after the start of its financial year (0 … 11
 * months, 0 … 3 quarters); null when the year cannot be told: no First period, weekly, or
 * quarters that straddle the year's start. core/model/monthEnd.ts counts the same way.
 */
export function yearOffset(k: Pick<KpiDefinition, "firstPeriod" | "cadence" | "yearStart">): number | null {
  const perYear = periodsPerYear(k.cadence);
  const m = /^\d{4}-(\d{1,2})/.exec(k.firstPeriod);
  if (!m || perYear === null) return null;
  const months = (((Number(m[1]) - (k.yearStart ?? 1)) % 12) + 12) % 12;
  if (perYear === 4 && months % 3 !== 0) return null;
  return perYear === 12 ? months : months / 3;
}

/** The position where the financial year of the latest period starts, as a formula: L − MOD(L − 1 + offset, periods a year). */
export function yearStartPosition(k: Pick<KpiDefinition, "id" | "firstPeriod" | "cadence" | "yearStart">): string | null {
  const offset = yearOffset(k);
  if (offset === null) return null;
  const L = latestPosition(k.id);
  return `${L}-MOD(${L}-1${offset ? `+${offset}` : ""},${periodsPerYear(k.cadence)})`;
}

/** Whether the target range runs the other way from the values (a budget row for a column). */
export function crosswise(k: Pick<KpiDefinition, "source" | "targetRange">): boolean {
  const values = orientationOf(k.source ?? "");
  const targets = k.targetRange ? orientationOf(k.targetRange) : null;
  return values !== null && targets !== null && values !== targets;
}

/** KPI.VARIANCE over every period, with the register's target, direction and materiality: "explain" by default (the note prompt). */
export function varianceFormula(k: KpiDefinition, output: "variance" | "percent" | "label" | "material" | "explain" | "detail" = "explain"): string {
  return `=KPI.VARIANCE(${nameOf(k.id)},${targetArgument(k, crosswise(k))},"${k.direction}",${materialityArgument(k)},"${output}")`;
}

/** From position `from` to `to` (formulas) of a KPI range: INDEX(r,from):INDEX(r,to). */
export function span(r: string, from: string, to: string, way: Orientation): string {
  return `${cellAt(r, from, way)}:${cellAt(r, to, way)}`;
}

/**
 * Year to date against budget, as KPI.VARIANCE's "total" (header and one row): for a sum roll-up
 * the periods from the year's start to the latest; for "last", the latest period alone. Null for
 * an average roll-up (the mean of the periods with data needs COUNT, not on the host list yet;
 * core/model/monthEnd.ts gives it) and when the year cannot be told.
 */
export function ytdVarianceFormula(k: KpiDefinition): string | null {
  const start = yearStartPosition(k);
  if (start === null || k.aggregation === "average") return null;
  const way = orientationOf(k.source ?? "");
  const L = latestPosition(k.id);
  // A year that began before the first period counts from the first (monthEnd.ts yearToDate).
  const from = k.aggregation === "last" ? L : `MAX(1,${start})`;
  const actual = span(nameOf(k.id), from, L, way);
  let target = registerCell(k.id, "Target");
  if (k.target === null) {
    // The latest period alone is one cell, whichever way its row runs: no TRANSPOSE of it.
    const t =
      k.aggregation === "last" ? cellAt(targetNameOf(k.id), L, orientationOf(k.targetRange)) : span(targetNameOf(k.id), from, L, orientationOf(k.targetRange));
    target = crosswise(k) && k.aggregation !== "last" ? `TRANSPOSE(${t})` : t;
  }
  return `=KPI.VARIANCE(${actual},${target},"${k.direction}",${materialityArgument(k)},"total")`;
}

/** `n` periods of range `r` from position `from` (a formula), past the range's end too: OFFSET, as open periods lie beyond what is tagged. */
function periodsAhead(r: string, from: string, n: number, way: Orientation): string {
  if (way === "column") return `OFFSET(INDEX(${r},${from}),0,0,${n},1)`;
  if (way === "row") return `OFFSET(INDEX(${r},1,${from}),0,0,1,${n})`;
  return `OFFSET(${cellAt(r, from, null)},0,0,IF(COLUMNS(${r})=1,${n},1),IF(COLUMNS(${r})=1,1,${n}))`;
}

/**
 * Why the financial year holding the latest period has no outlook, as formulas: `test` is TRUE
 * when it applies, `landing` and `chance` the words for the Year outlook and Chance to meet cells
 * (the card says the same, core/model/monthEnd.ts yearOutlook). A year that began before the
 * KPI's first period; a budget row that stops before the year ends (issue 22, item 3: KPI.OUTLOOK
 * wants a target for every period, and INDEX of its one-cell #VALUE! was a bare #REF!). The
 * year's budget is the budget row's own cells, as the card reads it, never what lies past it.
 * The number of periods covered picks one of the texts written out for each (an array constant):
 * no number is turned into text, whose digits would follow the user's locale.
 */
export function outlookGaps(k: KpiDefinition): { test: string; landing: string; chance: string }[] {
  const start = yearStartPosition(k);
  const n = periodsPerYear(k.cadence);
  if (start === null || n === null) return [];
  const gaps = [{ test: `${start}<1`, landing: `"Year began before the first period"`, chance: `"No outlook for a part year"` }];
  if (k.target !== null) return gaps;
  const t = targetNameOf(k.id);
  const covered = `ROWS(${t})*COLUMNS(${t})-(${start})+1`;
  const unit = k.cadence === "quarterly" ? "quarter" : "month";
  const texts = (f: (m: number) => string) => `INDEX({${Array.from({ length: n - 1 }, (_, i) => `"${f(i + 1)}"`).join(",")}},${covered})`;
  gaps.push({
    test: `${covered}<${n}`,
    landing: texts((m) => `Budget stops at ${unit} ${m} of ${n}`),
    chance: texts((m) => `No budget for ${unit}${m + 1 < n ? "s" : ""} ${m + 1}${m + 1 < n ? `-${n}` : ""}`),
  });
  return gaps;
}

/** `value` unless one of the gaps applies, then that gap's words (`words` picks landing or chance). */
export function unlessGaps(gaps: readonly { test: string; landing: string; chance: string }[], words: "landing" | "chance", value: string): string {
  return gaps.reduceRight((rest, g) => `IF(${g.test},${g[words]},${rest})`, value);
}

/**
 * KPI.OUTLOOK of the financial year holding the latest period ("table": landing, lower, upper,
 * target, probability), trend method, the KPI's roll-up, 80%: the year's periods from its start,
 * open ones blank. The year's target: a target per period over the same periods, or the one
 * target rolled up (×periods for a sum). Without its leading "=". Null for "within" (OUTLOOK has
 * no side of success) and when the year cannot be told.
 */
export function outlookCall(k: KpiDefinition): string | null {
  const start = yearStartPosition(k);
  const n = periodsPerYear(k.cadence);
  if (start === null || n === null || k.direction === "within") return null;
  const horizon = periodsAhead(nameOf(k.id), start, n, orientationOf(k.source ?? ""));
  const single = registerCell(k.id, "Target");
  const target =
    k.target !== null ? (k.aggregation === "sum" ? `${single}*${n}` : single) : periodsAhead(targetNameOf(k.id), start, n, orientationOf(k.targetRange));
  return `KPI.OUTLOOK(${horizon},${target},"${k.direction}","trend","${k.aggregation}",0.8,"table")`;
}

/** The year's outlook as the pane offers it: KPI.OUTLOOK's table, or why there is none (outlookGaps). */
export function outlookFormula(k: KpiDefinition): string | null {
  const call = outlookCall(k);
  return call === null ? null : `=${unlessGaps(outlookGaps(k), "landing", call)}`;
}
