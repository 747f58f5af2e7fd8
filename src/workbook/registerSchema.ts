/**
 * The KPI register as it stands in the workbook: a table KPI_Register on a sheet "KPI Register",
 * one row per KPI, columns found by their header text (so a user may reorder them or add their
 * own). Turns rows into definitions and back, and says why a row cannot be used.
 */
import {
  AGGREGATIONS,
  CADENCES,
  firstPeriodOf,
  KINDS,
  KpiDefinition,
  monthOf,
  parseTrigger,
  percentOf,
  targetRangeOf,
  triggerText,
  verbatimFields,
} from "../core/model/kpi";
import { atRiskOnUnfavourableSide, Direction } from "../core/model/status";
import { addressFromRegisterText } from "./registerText";
import { rateAsOf, rateAsText } from "../core/model/rates";
import { DateSystem, isoOfSerial } from "../core/excel/excelDates";
import { blockRangeOf, segmentLayoutOf, segmentLayoutText } from "../core/model/segments";
import { parseStructuredReference } from "../core/excel/a1";

/** Words a user may type in the Direction column. */
const DIRECTIONS_OF_TEXT: Record<string, Direction> = {
  higher: "higher",
  "higher is better": "higher",
  "1": "higher",
  lower: "lower",
  "lower is better": "lower",
  "-1": "lower",
  within: "within",
  maintain: "within",
  "within tolerance": "within",
};

// Spelled once, in core/excel/workbookNames.ts; re-exported for the modules that import them from here.
export { FORMATS_SETTING, REGISTER_SHEET, REGISTER_TABLE, SCHEMA_SETTING, SCHEMA_VERSION } from "../core/excel/workbookNames";

export type ColumnKey = Exclude<keyof KpiDefinition, "targetRange" | "atRiskPercent">;

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  /** Stored as text (number format "@"), so nothing typed in it is taken for a formula. */
  text: boolean;
  required: boolean;
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: "id", header: "ID", text: true, required: true },
  { key: "name", header: "Name", text: true, required: true },
  { key: "owner", header: "Owner", text: true, required: false },
  { key: "objective", header: "Objective", text: true, required: false },
  { key: "kind", header: "Kind", text: true, required: false },
  { key: "predicts", header: "Predicts", text: true, required: false },
  { key: "direction", header: "Direction", text: true, required: true },
  { key: "target", header: "Target", text: false, required: true },
  { key: "atRisk", header: "At risk", text: false, required: false },
  { key: "baseline", header: "Baseline", text: false, required: false },
  { key: "unit", header: "Unit", text: true, required: false },
  { key: "cadence", header: "Cadence", text: true, required: false },
  { key: "initiative", header: "Initiative", text: true, required: false },
  { key: "response", header: "Response", text: true, required: false },
  { key: "source", header: "Source", text: true, required: true },
  { key: "lastReviewed", header: "Last reviewed", text: true, required: false },
  { key: "primary", header: "Primary", text: true, required: false },
  { key: "spcBaseline", header: "Limits from first", text: false, required: false },
  { key: "spcFrom", header: "Chart from period", text: false, required: false },
  { key: "aggregation", header: "Roll-up", text: true, required: false },
  { key: "firstPeriod", header: "First period", text: true, required: false },
  { key: "trigger", header: "Trigger", text: true, required: false },
  { key: "guardedBy", header: "Guarded by", text: true, required: false },
  { key: "materiality", header: "Materiality", text: false, required: false },
  // Text: KPI.VARIANCE reads a percentage materiality as text ("5%"); 5% as a number would be an amount of 0.05.
  { key: "materialityPercent", header: "Materiality %", text: true, required: false },
  { key: "yearStart", header: "Year starts in", text: false, required: false },
  // A rate KPI (rates.ts): its denominators' range as text, like Target's (registerText.ts), kept in KPIDenom_<ID>; "proportion" or "per 1000".
  { key: "denominatorRange", header: "Denominator", text: true, required: false },
  { key: "ratePer", header: "Rate as", text: true, required: false },
  // The strategy map's Balanced Scorecard grouping (core/model/strategyMap.ts); empty: no perspective.
  { key: "perspective", header: "Perspective", text: true, required: false },
  // One KPI across segments (core/model/segments.ts): "columns" or "by <table column>"; empty for one series.
  { key: "segments", header: "Segments", text: true, required: false },
];

/** Where each of our columns is in the table, by header; -1 where a column is missing. */
export type ColumnMap = Record<ColumnKey, number>;

export function mapColumns(headers: readonly unknown[]): ColumnMap {
  const normalised = headers.map((h) =>
    String(h ?? "")
      .trim()
      .toLowerCase(),
  );
  return Object.fromEntries(COLUMNS.map((c) => [c.key, normalised.indexOf(c.header.toLowerCase())])) as ColumnMap;
}

export function missingRequired(map: ColumnMap): string[] {
  return COLUMNS.filter((c) => c.required && map[c.key] < 0).map((c) => c.header);
}

export interface RowProblem {
  /** 1-based row of the register's data body. */
  row: number;
  id: string;
  message: string;
}

export type ParsedRow = { ok: true; kpi: KpiDefinition } | { ok: false; problem: RowProblem } | { ok: "empty" };

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

function optionalNumber(v: unknown): number | null | undefined {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v.replace(/,/g, "")))) return Number(v.replace(/,/g, ""));
  return undefined;
}

/**
 * Reads one register row (values and, when known, number formats in table order). A date typed
 * into First period or Last reviewed arrives as a serial, read in the workbook's date system
 * (core/excel/excelDates.ts; registerRead.ts asks the workbook which).
 */
export function parseRow(
  values: readonly unknown[],
  map: ColumnMap,
  rowNumber: number,
  numberFormats: readonly unknown[] = [],
  dateSystem: DateSystem = "1900",
): ParsedRow {
  const cell = (key: ColumnKey) => (map[key] >= 0 ? values[map[key]] : "");
  const formatOf = (key: ColumnKey) => (map[key] >= 0 ? String(numberFormats[map[key]] ?? "") : "");
  if (COLUMNS.every((c) => map[c.key] < 0 || text(cell(c.key)) === "")) return { ok: "empty" };
  const id = text(cell("id"));
  const bad = (message: string): ParsedRow => ({ ok: false, problem: { row: rowNumber, id, message } });
  if (id === "") return bad("has no ID");
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id)) return bad(`has the ID "${id}", which must be letters, digits and _ starting with a letter`);
  const bands = bandFieldsOf(cell, formatOf("atRisk"), segmentLayoutOf(text(cell("segments")))?.kind === "by");
  if (typeof bands === "string") return bad(bands);
  const chart = chartFieldsOf(cell("baseline"), cell("spcFrom"), cell("spcBaseline"));
  if (typeof chart === "string") return bad(chart);
  const kind = text(cell("kind")).toLowerCase() || "lagging";
  if (!(KINDS as readonly string[]).includes(kind)) return bad(`has a Kind "${text(cell("kind"))}" that is neither "leading" nor "lagging"`);
  const cadence = text(cell("cadence")).toLowerCase() || "monthly";
  if (!(CADENCES as readonly string[]).includes(cadence)) return bad(`has a Cadence "${text(cell("cadence"))}" that is not weekly, monthly or quarterly`);
  const source = addressFromRegisterText(text(cell("source")));
  if (source === "") return bad("has no Source range");
  const aggregation = text(cell("aggregation")).toLowerCase() || "last";
  if (!(AGGREGATIONS as readonly string[]).includes(aggregation)) return bad(`has a Roll-up "${text(cell("aggregation"))}" that is not sum, average or last`);
  const firstPeriod = firstPeriodOfCell(cell("firstPeriod"), dateSystem);
  if (firstPeriod === null) return bad(`has a First period "${text(cell("firstPeriod"))}" that is not a month such as 2024-01`);
  const trigger = text(cell("trigger")) === "" ? null : parseTrigger(text(cell("trigger")));
  if (text(cell("trigger")) !== "" && trigger === null)
    return bad(`has a Trigger "${text(cell("trigger"))}" that is not "drop 20%", "rise 20%" or "special cause"`);
  const year = yearFieldsOf(cell("materiality"), cell("materialityPercent"), cell("yearStart"));
  if (typeof year === "string") return bad(year);
  const segments = segmentLayoutOf(text(cell("segments")));
  if (segments === undefined) return bad(`has a Segments "${text(cell("segments"))}" that is neither "columns" nor "by" a table column`);
  const rate = rateFieldsOf(cell("denominatorRange"), cell("ratePer"), segments === null ? false : segments.kind === "by" ? "column" : true);
  if (typeof rate === "string") return bad(rate);
  return {
    ok: true,
    kpi: {
      id,
      name: text(cell("name")) || id,
      owner: text(cell("owner")),
      objective: text(cell("objective")),
      kind: kind as KpiDefinition["kind"],
      predicts: text(cell("predicts")),
      // Spread where their keys stood, so a definition's keys keep their order (paneRead.ts compares reads as JSON).
      ...bands,
      ...chart,
      unit: text(cell("unit")),
      cadence: cadence as KpiDefinition["cadence"],
      initiative: text(cell("initiative")),
      response: text(cell("response")),
      source,
      lastReviewed: reviewedDate(cell("lastReviewed"), dateSystem),
      primary: !/^(no|false|0|n)$/i.test(text(cell("primary"))),
      aggregation: aggregation as KpiDefinition["aggregation"],
      firstPeriod: firstPeriod.replace(/-01$/, ""),
      trigger: trigger ? triggerText(trigger) : "",
      guardedBy: text(cell("guardedBy")),
      ...year,
      ...rate,
      perspective: text(cell("perspective")),
      segments: segmentLayoutText(segments),
    },
  };
}

/**
 * Target, Direction and At risk, or why they cannot be used: one target or a range of targets
 * (one per period), and At risk as a number or a percentage of the target. `atRiskFormat` is the
 * At risk cell's number format. The checks run in the row's order, so a row with several
 * problems reports the same first one.
 */
function bandFieldsOf(
  cell: (key: ColumnKey) => unknown,
  atRiskFormat: string,
  byColumn: boolean,
): Pick<KpiDefinition, "direction" | "target" | "targetRange" | "atRisk" | "atRiskPercent"> | string {
  const target = optionalNumber(cell("target"));
  // Target and Source hold addresses as text: read them whatever the host did with a leading ' (registerText.ts).
  // Split "by" a column (segmentsLongTag.ts): a target per row is a column of the same table, OrdersByRegion[Budget].
  const rangeOf = byColumn ? tableColumnOf : targetRangeOf;
  const targetRange = typeof cell("target") === "string" ? rangeOf(addressFromRegisterText(text(cell("target")))) : null;
  if ((target === null || target === undefined) && targetRange === null) {
    return `has a Target that is neither a number nor ${byColumn ? "a column of its table" : "a range of one row or column"} ("${text(cell("target"))}")`;
  }
  const direction = DIRECTIONS_OF_TEXT[text(cell("direction")).toLowerCase()];
  if (!direction) return `has a Direction "${text(cell("direction"))}" that is not "higher", "lower" or "within"`;
  // A percentage is Excel's own: 0.1 shown as 10% (or "10%" typed into a Text cell).
  const atRiskCell = cell("atRisk");
  const atRiskPercent =
    typeof atRiskCell === "number" && atRiskFormat.includes("%") ? atRiskCell * 100 : typeof atRiskCell === "string" ? percentOf(atRiskCell) : null;
  const atRisk = atRiskPercent === null ? optionalNumber(atRiskCell) : null;
  if (atRisk === undefined) return `has an At risk that is not a number or a percentage ("${text(atRiskCell)}")`;
  if (atRisk !== null && targetRange !== null)
    return `has a target per period and an At risk of ${atRisk}: give At risk as a percentage of the target (e.g. 10%)`;
  if (atRisk !== null && typeof target === "number" && !atRiskOnUnfavourableSide(target, atRisk, direction)) {
    return `has At risk ${atRisk} on the wrong side of its target ${target} (${direction} is better)`;
  }
  if (atRiskPercent !== null && atRiskPercent < 0) return `has a negative At risk percentage (${atRiskPercent}%)`;
  return { direction, target: targetRange === null ? (target as number) : null, targetRange: targetRange ?? "", atRisk, atRiskPercent };
}

/** Baseline, Chart from period and Limits from first, or why they cannot be used; a chart from period 1 is the default (null). */
function chartFieldsOf(baselineCell: unknown, fromCell: unknown, limitsCell: unknown): Pick<KpiDefinition, "baseline" | "spcBaseline" | "spcFrom"> | string {
  const baseline = optionalNumber(baselineCell);
  if (baseline === undefined) return `has a Baseline that is not a number ("${text(baselineCell)}")`;
  const spcFrom = optionalNumber(fromCell);
  if (spcFrom === undefined || (spcFrom !== null && !(Number.isInteger(spcFrom) && spcFrom >= 1))) {
    return `has a Chart from period "${text(fromCell)}" that is not a whole number of 1 or more`;
  }
  const spcBaseline = optionalNumber(limitsCell);
  if (spcBaseline === undefined || (spcBaseline !== null && !(Number.isInteger(spcBaseline) && spcBaseline >= 3))) {
    return `has a Limits from first "${text(limitsCell)}" that is not a whole number of periods, 3 or more`;
  }
  return { baseline, spcBaseline, spcFrom: spcFrom === 1 ? null : spcFrom };
}

/** First period's text, "" when blank, or null when it is not a month: a date typed into it arrives as a serial of the workbook's date system. */
function firstPeriodOfCell(firstCell: unknown, dateSystem: DateSystem): string | null {
  const firstSerial = typeof firstCell === "number" && firstCell > 0 ? isoOfSerial(firstCell, dateSystem) : null;
  return firstSerial !== null ? firstSerial : text(firstCell) === "" ? "" : firstPeriodOf(text(firstCell));
}

/**
 * Materiality and Year starts in, or why they cannot be used. A percentage must be text ("5%"):
 * the scorecard's and the pane's formulas pass that cell to KPI.VARIANCE, which takes a number as
 * an amount, so a 5% typed into a number cell would silently mean 0.05.
 */
function yearFieldsOf(
  amountCell: unknown,
  percentCell: unknown,
  startCell: unknown,
): Pick<KpiDefinition, "materiality" | "materialityPercent" | "yearStart"> | string {
  const materiality = optionalNumber(amountCell);
  if (materiality === undefined || (materiality !== null && materiality < 0))
    return `has a Materiality "${text(amountCell)}" that is not an amount of 0 or more`;
  if (typeof percentCell === "number" && percentCell !== 0) {
    return `has a Materiality % stored as the number ${percentCell}: KPI.VARIANCE reads a percentage as text, so format the cell as Text and type it again (e.g. 5%)`;
  }
  const materialityPercent = text(percentCell) === "" || percentCell === 0 ? null : percentOf(text(percentCell));
  if (materialityPercent === null && text(percentCell) !== "" && percentCell !== 0)
    return `has a Materiality % "${text(percentCell)}" that is not a percentage such as 5%`;
  if (materialityPercent !== null && materialityPercent < 0) return `has a negative Materiality % (${materialityPercent}%)`;
  const yearStart = text(startCell) === "" ? 1 : monthOf(text(startCell));
  if (yearStart === null) return `has a Year starts in "${text(startCell)}" that is not a month (1 to 12, or its name)`;
  return { materiality, materialityPercent, yearStart };
}

/** A table column as the register holds one (OrdersByRegion[Visits]), or null. */
const tableColumnOf = (t: string) => (parseStructuredReference(t) ? t.trim() : null);

/** Denominator and Rate as, or why they cannot be used: a range of one row or column (a block for a KPI across segments), and a proportion or a rate per N. */
function rateFieldsOf(
  rangeCell: unknown,
  asCell: unknown,
  segmented: boolean | "column" = false,
): Pick<KpiDefinition, "denominatorRange" | "ratePer"> | string {
  const typed = text(rangeCell);
  // Split "by" a column (segmentsLongTag.ts): the denominators are a column of the same table, OrdersByRegion[Visits].
  const range = typed === "" ? "" : (segmented === "column" ? tableColumnOf : segmented ? blockRangeOf : targetRangeOf)(addressFromRegisterText(typed));
  if (range === null) return `has a Denominator "${typed}" that is not a range of ${segmented ? "cells" : "one row or column"}`;
  const as = rateAsOf(text(asCell));
  if (as === null) return `has a Rate as "${text(asCell)}" that is neither "proportion" nor "per" a number (per 1000)`;
  return { denominatorRange: range, ratePer: range === "" ? null : as.per };
}

/** "Last reviewed" may hold our ISO text or, typed by hand, an Excel date serial of the workbook's system. */
function reviewedDate(v: unknown, dateSystem: DateSystem): string {
  if (typeof v === "number" && v > 0) return isoOfSerial(v, dateSystem) ?? "";
  const t = text(v);
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : "";
}

/** The value each of our columns holds for a definition. */
export function cellsOf(k: KpiDefinition): Record<ColumnKey, string | number> {
  return {
    id: k.id,
    ...verbatimFields(k),
    target: k.target ?? k.targetRange,
    atRisk: k.atRiskPercent !== null ? k.atRiskPercent / 100 : (k.atRisk ?? ""),
    baseline: k.baseline ?? "",
    spcBaseline: k.spcBaseline ?? "",
    spcFrom: k.spcFrom ?? "",
    source: k.source,
    lastReviewed: k.lastReviewed,
    primary: k.primary ? "Yes" : "No",
    materiality: k.materiality ?? "",
    materialityPercent: k.materialityPercent === null || k.materialityPercent === undefined ? "" : `${k.materialityPercent}%`,
    // A calendar year is the default: left empty, so a register from before this column gains none.
    yearStart: (k.yearStart ?? 1) === 1 ? "" : (k.yearStart as number),
    // Empty for a KPI that is not a rate, so a register from before these columns gains none.
    denominatorRange: k.denominatorRange ?? "",
    ratePer: rateAsText(k),
    perspective: k.perspective ?? "",
    segments: k.segments ?? "",
  };
}

/** The number format a cell must have for its value to mean what it says (a percentage), or null: leave it. */
export function numberFormatOf(k: KpiDefinition, key: ColumnKey): string | null {
  if (key === "atRisk" && k.atRiskPercent !== null) return Number.isInteger(k.atRiskPercent) ? "0%" : "0.0#%";
  if (key === "atRisk" || key === "target" || key === "materiality") return "General";
  return null;
}

/** Finds duplicate IDs: every row after the first with the same ID (case-insensitive) is a problem. */
export function duplicateIds(rows: readonly { row: number; kpi: KpiDefinition }[]): RowProblem[] {
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const { row, kpi } of rows) {
    const key = kpi.id.toUpperCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    else problems.push({ row, id: kpi.id, message: `repeats the ID ${kpi.id} of row ${first}` });
  }
  return problems;
}
