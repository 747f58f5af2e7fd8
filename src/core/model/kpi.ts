/**
 * A KPI definition as the register holds it, and the rules a definition must follow. Shared by
 * the pane's form (validation as the user types) and the register reader (rows it cannot use).
 */
import { parseAddress, qualified, areaName } from "../excel/a1";
import { atRiskOnUnfavourableSide, DEFAULT_AT_RISK_SHARE, Direction } from "./status";
import { MAX_CELL_TEXT } from "../excel/workbookNames";
import { ownerError } from "../review/owner";
import { materialityOf, materialityText, monthOf, parseNumber, percentOf } from "./typedValues";
import { RateDraft, rateDraftErrors, rateDraftOf, rateFieldsOfDraft } from "./rates";
import { blockRangeOf, segmentLayoutOf, segmentLayoutText, segmentsError } from "./segments";
import { tableColumnTextOf } from "./segmentsLong";
import { Aggregation, AGGREGATIONS, Cadence, CADENCES, DIRECTIONS, KINDS, KpiDefinition, KpiKind } from "./kpiDefinition";

// Re-exported: the form, the register and the formulas import them from here.
export { materialityOf, materialityText, monthOf, parseNumber, percentOf };
export * from "./kpiDefinition";

export type KpiDraft = Record<
  | "name"
  | "owner"
  | "objective"
  | "kind"
  | "predicts"
  | "direction"
  | "target"
  | "atRisk"
  | "baseline"
  | "spcBaseline"
  | "spcFrom"
  | "unit"
  | "cadence"
  | "initiative"
  | "response"
  | "aggregation"
  | "firstPeriod"
  | "trigger"
  | "guardedBy"
  | "materiality"
  | "yearStart",
  string
> & { primary: boolean } & RateDraft & { segments?: string };

export type FieldErrors = Partial<Record<keyof KpiDraft, string>>;

/** The fields the form's draft and the register's row hold as the definition does, letter for letter. */
const VERBATIM = [
  "name",
  "owner",
  "objective",
  "kind",
  "predicts",
  "direction",
  "unit",
  "cadence",
  "initiative",
  "response",
  "aggregation",
  "firstPeriod",
  "trigger",
  "guardedBy",
] as const;
export type VerbatimFields = Pick<KpiDefinition, (typeof VERBATIM)[number]>;

export function verbatimFields(k: KpiDefinition): VerbatimFields {
  return Object.fromEntries(VERBATIM.map((f) => [f, k[f]])) as VerbatimFields;
}

export const EMPTY_DRAFT: KpiDraft = {
  name: "",
  owner: "",
  objective: "",
  kind: "lagging",
  predicts: "",
  direction: "higher",
  target: "",
  atRisk: "",
  baseline: "",
  spcBaseline: "",
  spcFrom: "",
  unit: "",
  cadence: "monthly",
  initiative: "",
  response: "",
  primary: true,
  aggregation: "last",
  firstPeriod: "",
  trigger: "",
  guardedBy: "",
  materiality: "",
  yearStart: "",
  denominator: "",
  rateAs: "",
  segments: "",
};

/**
 * Why a text cannot go into one Excel cell (more than 32,767 characters: "Excel specifications
 * and limits", support.microsoft.com), or null. The form refuses it at the field, so nothing is
 * cut short in the register, the notes or the actions.
 */
export function cellTextError(text: string): string | null {
  return text.length > MAX_CELL_TEXT
    ? `This is ${text.length.toLocaleString("en-US")} characters; an Excel cell holds at most ${MAX_CELL_TEXT.toLocaleString("en-US")}.`
    : null;
}

/** The draft's fields that are written as text into a register cell, checked against Excel's cell limit. */
const TEXT_FIELDS = [
  "name",
  "owner",
  "objective",
  "predicts",
  "target",
  "atRisk",
  "baseline",
  "unit",
  "initiative",
  "response",
  "firstPeriod",
  "trigger",
  "guardedBy",
  "materiality",
  "yearStart",
] as const;

/**
 * Checks a draft against the other KPIs of the register (the KPI being edited excluded).
 * Returns one message per field at fault; an empty object means it can be saved.
 */
export function validateDraft(draft: KpiDraft, others: readonly KpiDefinition[]): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (name === "") errors.name = "Give the KPI a name.";
  else if (others.some((k) => k.name.trim().toLowerCase() === name.toLowerCase())) errors.name = `A KPI named "${name}" already exists.`;

  // One named person; a team or role may follow in brackets: "Dana Whitfield (Marketing)" (review/owner.ts).
  const ownerProblem = ownerError(draft.owner);
  if (ownerProblem !== null) errors.owner = ownerProblem;

  if (!(KINDS as readonly string[]).includes(draft.kind)) errors.kind = "Choose leading or lagging.";
  if (!(DIRECTIONS as readonly string[]).includes(draft.direction)) errors.direction = "Choose higher is better, lower is better, or within a tolerance.";
  if (!(CADENCES as readonly string[]).includes(draft.cadence)) errors.cadence = "Choose weekly, monthly or quarterly.";

  const target = parseNumber(draft.target);
  const range = target === null ? targetsOf(draft)(draft.target) : null;
  const byColumn = segmentLayoutOf(draft.segments ?? "")?.kind === "by";
  if (draft.target.trim() === "")
    errors.target = byColumn
      ? "Enter the target: a number for every segment, or the column of the table that holds each row's target (e.g. Budget)."
      : "Enter the target: a number, or the range that holds a target per period (e.g. Budget!B2:B37).";
  else if (target === null && range === null)
    errors.target = byColumn
      ? `"${draft.target.trim()}" is neither a number nor a column of the table (e.g. Budget): a range of the sheet would not follow the table's rows as they are sorted.`
      : `"${draft.target.trim()}" is neither a number nor one row or column of cells (e.g. Budget!B2:B37).`;

  const atRiskText = draft.atRisk.trim();
  if (atRiskText !== "") {
    const percent = percentOf(atRiskText);
    const atRisk = percent === null ? parseNumber(atRiskText) : null;
    if (percent === null && atRisk === null) errors.atRisk = `"${atRiskText}" is not a number or a percentage of the target.`;
    else if (percent !== null && percent < 0) errors.atRisk = "A percentage of the target is 0% or more.";
    else if (range !== null && atRisk !== null) errors.atRisk = "With a target per period, give At risk as a percentage of each period's target (e.g. 10%).";
    else if (target !== null && atRisk !== null && !atRiskOnUnfavourableSide(target, atRisk, draft.direction as Direction)) {
      errors.atRisk =
        draft.direction === "lower"
          ? `When lower is better, At risk must be at or above the target (${target}).`
          : `When higher is better, At risk must be at or below the target (${target}).`;
    }
  }
  if (!(AGGREGATIONS as readonly string[]).includes(draft.aggregation)) errors.aggregation = "Choose sum, average or last.";
  if (draft.firstPeriod.trim() !== "" && firstPeriodOf(draft.firstPeriod) === null)
    errors.firstPeriod = `"${draft.firstPeriod.trim()}" is not a month such as 2024-01 (or a date such as 2024-01-01).`;
  if (draft.trigger.trim() !== "" && parseTrigger(draft.trigger) === null)
    errors.trigger = `"${draft.trigger.trim()}" is not a rule KPI Lens knows: "drop 20%", "rise 20%" (period over period) or "special cause".`;
  if (draft.materiality.trim() !== "" && materialityOf(draft.materiality) === null) {
    errors.materiality = `"${draft.materiality.trim()}" is not a materiality: an amount (10000), a percentage of the target (5%), or both ("10000 and 5%"), none negative.`;
  }
  if (draft.yearStart.trim() !== "" && monthOf(draft.yearStart) === null)
    errors.yearStart = `"${draft.yearStart.trim()}" is not a month: 1 to 12, or its name (April).`;
  const guard = draft.guardedBy.trim();
  if (guard !== "" && !others.some((k) => k.id === guard)) errors.guardedBy = `There is no other KPI with ID ${guard}.`;

  if (draft.baseline.trim() !== "" && parseNumber(draft.baseline) === null) errors.baseline = `"${draft.baseline.trim()}" is not a number.`;
  if (draft.spcBaseline.trim() !== "") {
    const periods = Number(draft.spcBaseline.trim());
    if (!Number.isInteger(periods) || periods < 3) errors.spcBaseline = "Enter a whole number of periods, 3 or more (or leave it empty to use them all).";
  }
  if (draft.spcFrom.trim() !== "") {
    const period = Number(draft.spcFrom.trim());
    if (!Number.isInteger(period) || period < 1) errors.spcFrom = "Enter the period where the process changed, a whole number from 1 (or leave it empty).";
  }

  const predicts = draft.predicts.trim();
  if (predicts !== "") {
    const target = others.find((k) => k.id === predicts);
    if (draft.kind !== "leading") errors.predicts = "Only a leading KPI predicts another.";
    else if (!target) errors.predicts = `There is no KPI with ID ${predicts}.`;
    else if (target.kind !== "lagging") errors.predicts = `${target.name} is not a lagging KPI.`;
  }
  // A field too long for a cell is reported as that, whatever else it fails.
  if (segmentsError(draft.segments ?? "")) errors.segments = segmentsError(draft.segments ?? "")!;
  return { ...errors, ...rateDraftErrors(draft, denominatorsOf(draft)), ...cellLimitErrors(draft) };
}

/** A KPI split "by" a column takes its targets per row from another column of its table (segmentsLong.ts); any other KPI's are one row or column. */
const targetsOf = (draft: { segments?: string }) => (segmentLayoutOf(draft.segments ?? "")?.kind === "by" ? tableColumnTextOf : targetRangeOf);

/** A segmented KPI's denominators are a block of its values' shape (a column of its table when split "by" one: segmentsLong.ts); any other KPI's one row or column. */
const denominatorsOf = (draft: { segments?: string }) => {
  const layout = segmentLayoutOf(draft.segments ?? "");
  return layout?.kind === "by" ? tableColumnTextOf : layout ? blockRangeOf : targetRangeOf;
};

function cellLimitErrors(draft: KpiDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of TEXT_FIELDS) {
    const error = cellTextError(draft[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

/** A register ID from a name: upper case letters, digits and _, starting with a letter, unique. */
export function idFromName(name: string, taken: readonly string[]): string {
  let base = name
    .normalize("NFKD")
    .replace(/[^\w\s]/g, "")
    .trim()
    .toUpperCase()
    .replace(/\s+/g, "_")
    .replace(/[^A-Z0-9_]/g, "")
    .slice(0, 24);
  if (!/^[A-Z]/.test(base)) base = `K${base}`;
  const used = new Set(taken.map((t) => t.toUpperCase()));
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
  return id;
}

/**
 * A target per period as typed: one row or column of two or more cells, such as "Budget!B2:B37"
 * or "='Plan 2025'!C3:N3". Returns it absolute ("Budget!$B$2:$B$37"), without a sheet when none
 * was given (the KPI's own sheet is meant); null for anything else.
 */
export function targetRangeOf(text: string): string | null {
  const t = text.trim().replace(/^=/, "");
  if (!/[A-Za-z]+\$?\d+\s*:\s*\$?[A-Za-z]+\$?\d+$/.test(t)) return null;
  try {
    const area = parseAddress(t.replace(/\s+(?=:)|(?<=:)\s+/g, ""));
    if ((area.rowCount !== 1 && area.colCount !== 1) || area.rowCount * area.colCount < 2) return null;
    return area.sheet === undefined ? areaName(area, true) : qualified(area.sheet, area, true);
  } catch {
    return null;
  }
}

/** The first period's date as yyyy-mm-dd ("2024-01" is the 1st of January), or null. */
export function firstPeriodOf(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export type TriggerRule = { kind: "drop" | "rise"; percent: number } | { kind: "special cause" };

/** A trigger as typed: "drop 20%", "rise 15%" (period over period) or "special cause"; null otherwise. */
export function parseTrigger(text: string): TriggerRule | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "special cause" || t === "special cause concern") return { kind: "special cause" };
  const m = /^(drop|drops|fall|falls|rise|rises) (?:by )?(\d+(?:\.\d+)?) ?%$/.exec(t);
  if (!m) return null;
  const percent = Number(m[2]);
  if (!(percent > 0)) return null;
  return { kind: m[1].startsWith("r") ? "rise" : "drop", percent };
}

/** The rule as the register and the actions table write it. */
export function triggerText(rule: TriggerRule): string {
  return rule.kind === "special cause" ? "special cause" : `${rule.kind} ${rule.percent}%`;
}

/**
 * The At risk boundary for a period whose target is `target`: the KPI's number, else its
 * percentage of |target| on the unfavourable side, else KPI_STATUS's default (10%).
 */
export function atRiskFor(kpi: Pick<KpiDefinition, "atRisk" | "direction"> & { atRiskPercent?: number | null }, target: number): number {
  if (kpi.atRisk !== null) return kpi.atRisk;
  const share = kpi.atRiskPercent === null || kpi.atRiskPercent === undefined ? DEFAULT_AT_RISK_SHARE : kpi.atRiskPercent / 100;
  const margin = share * Math.abs(target);
  return kpi.direction === "lower" ? target + margin : target - margin;
}

/**
 * The At risk boundary a draft comes to when its target is one number (for the form's hint):
 * a number as typed, or a percentage of |target| on the unfavourable side (1300 → 1170 when
 * higher is better). Null when empty, unreadable, or the target is a range.
 */
export function atRiskOfDraft(draft: Pick<KpiDraft, "atRisk" | "target" | "direction">): number | null {
  const t = draft.atRisk.trim();
  const percent = percentOf(t);
  if (percent === null) return parseNumber(t);
  const target = parseNumber(draft.target);
  if (target === null) return null;
  return atRiskFor({ atRisk: null, atRiskPercent: percent, direction: draft.direction as Direction }, target);
}

/** The definition a valid draft describes. */
export function definitionFromDraft(draft: KpiDraft, id: string, source: string, lastReviewed: string): KpiDefinition {
  const kind = draft.kind as KpiKind;
  const percent = percentOf(draft.atRisk);
  const trigger = parseTrigger(draft.trigger);
  const materiality = materialityOf(draft.materiality);
  return {
    id,
    name: draft.name.trim(),
    owner: draft.owner.trim(),
    objective: draft.objective.trim(),
    kind,
    predicts: kind === "leading" ? draft.predicts.trim() : "",
    direction: draft.direction as Direction,
    target: parseNumber(draft.target),
    targetRange: parseNumber(draft.target) === null ? (targetsOf(draft)(draft.target) ?? "") : "",
    atRisk: percent === null ? parseNumber(draft.atRisk) : null,
    atRiskPercent: percent,
    baseline: parseNumber(draft.baseline),
    spcBaseline: draft.spcBaseline.trim() === "" ? null : Number(draft.spcBaseline.trim()),
    spcFrom: draft.spcFrom.trim() === "" || Number(draft.spcFrom.trim()) === 1 ? null : Number(draft.spcFrom.trim()),
    unit: draft.unit.trim(),
    cadence: draft.cadence as Cadence,
    initiative: draft.initiative.trim(),
    response: draft.response.trim(),
    source,
    lastReviewed,
    primary: draft.primary,
    aggregation: draft.aggregation as Aggregation,
    firstPeriod: firstPeriodOf(draft.firstPeriod)?.replace(/-01$/, "") ?? "",
    trigger: trigger ? triggerText(trigger) : "",
    guardedBy: draft.guardedBy.trim(),
    materiality: materiality?.amount ?? null,
    materialityPercent: materiality?.percent ?? null,
    yearStart: monthOf(draft.yearStart) ?? 1,
    ...rateFieldsOfDraft(draft, denominatorsOf(draft)),
    segments: segmentLayoutText(segmentLayoutOf(draft.segments ?? "") ?? null),
  };
}

export function draftFromDefinition(k: KpiDefinition): KpiDraft {
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    ...verbatimFields(k),
    target: k.target === null ? k.targetRange.replace(/\$/g, "") : String(k.target),
    atRisk: k.atRiskPercent !== null ? `${k.atRiskPercent}%` : text(k.atRisk),
    baseline: text(k.baseline),
    spcBaseline: text(k.spcBaseline),
    spcFrom: text(k.spcFrom),
    primary: k.primary,
    materiality: materialityText({ materiality: k.materiality ?? null, materialityPercent: k.materialityPercent ?? null }),
    yearStart: (k.yearStart ?? 1) === 1 ? "" : String(k.yearStart),
    ...rateDraftOf(k),
    segments: k.segments ?? "",
  };
}
