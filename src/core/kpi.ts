/**
 * A KPI definition as the register holds it, and the rules a definition must follow. Shared by
 * the pane's form (validation as the user types) and the register reader (rows it cannot use).
 */
import { atRiskOnUnfavourableSide, Direction } from "./status";

export type KpiKind = "leading" | "lagging";
export type Cadence = "weekly" | "monthly" | "quarterly";

export const CADENCES: readonly Cadence[] = ["weekly", "monthly", "quarterly"];
export const KINDS: readonly KpiKind[] = ["leading", "lagging"];
export const DIRECTIONS: readonly Direction[] = ["higher", "lower", "within"];

export interface KpiDefinition {
  id: string;
  name: string;
  /** A person, not a department. */
  owner: string;
  objective: string;
  kind: KpiKind;
  /** For a leading KPI: the ID of the lagging KPI it is meant to move, or "". */
  predicts: string;
  direction: Direction;
  target: number;
  /** The At risk / Off track boundary; null for the default (10% of |target|). */
  atRisk: number | null;
  baseline: number | null;
  /** How many of the first periods fix the process limits (KPI.SPC's baseline); null: all. */
  spcBaseline: number | null;
  /** The period (1-based) from which the process is charted anew, after a known change; null: from the first. */
  spcFrom: number | null;
  unit: string;
  cadence: Cadence;
  initiative: string;
  /** What the owner does when the KPI leaves On track. */
  response: string;
  /** Where the values are, as text: an A1 address or a table column. */
  source: string;
  /** ISO date (yyyy-mm-dd) of the last review, or "". */
  lastReviewed: string;
  /** Counts toward the objective's limit of 3 primary KPIs. */
  primary: boolean;
}

/** What a user types in the form: every field as text. */
export type KpiDraft = Record<
  "name" | "owner" | "objective" | "kind" | "predicts" | "direction" | "target" | "atRisk" | "baseline" | "spcBaseline" | "spcFrom" | "unit" | "cadence" | "initiative" | "response",
  string
> & { primary: boolean };

export type FieldErrors = Partial<Record<keyof KpiDraft, string>>;

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
};

/** Words that name a group rather than a person. */
const GROUP_WORDS = /\b(team|department|dept|division|group|office|committee|board|unit|ops|operations|finance|sales|marketing|hr|it)\b/i;

/** Reads a number as a user types it: "1,200", "12.5%", " -3 ". Returns null for anything else. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  const percent = t.endsWith("%");
  const n = Number(percent ? t.slice(0, -1) : t);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/**
 * Checks a draft against the other KPIs of the register (the KPI being edited excluded).
 * Returns one message per field at fault; an empty object means it can be saved.
 */
export function validateDraft(draft: KpiDraft, others: readonly KpiDefinition[]): FieldErrors {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (name === "") errors.name = "Give the KPI a name.";
  else if (others.some((k) => k.name.trim().toLowerCase() === name.toLowerCase())) errors.name = `A KPI named "${name}" already exists.`;

  const owner = draft.owner.trim();
  if (owner === "") errors.owner = "Name the person who owns this KPI.";
  // A team may follow the person in brackets: "Dana Whitfield (Marketing)".
  else if (GROUP_WORDS.test(owner.replace(/\([^)]*\)/g, "")) || owner.replace(/\([^)]*\)/g, "").trim() === "") {
    errors.owner = `"${owner}" reads as a team: a KPI needs one accountable person as its owner. Write the person's name, and the team in brackets if you like, e.g. "Dana Whitfield (${owner.replace(/[()]/g, "").trim() || "Marketing"})".`;
  }

  if (!(KINDS as readonly string[]).includes(draft.kind)) errors.kind = "Choose leading or lagging.";
  if (!(DIRECTIONS as readonly string[]).includes(draft.direction)) errors.direction = "Choose higher is better, lower is better, or within a tolerance.";
  if (!(CADENCES as readonly string[]).includes(draft.cadence)) errors.cadence = "Choose weekly, monthly or quarterly.";

  const target = parseNumber(draft.target);
  if (draft.target.trim() === "") errors.target = "Enter the target as a number.";
  else if (target === null) errors.target = `"${draft.target.trim()}" is not a number.`;

  if (draft.atRisk.trim() !== "") {
    const atRisk = atRiskOfDraft(draft);
    if (atRisk === null) {
      errors.atRisk = draft.atRisk.trim().endsWith("%") && target === null ? "Enter the target first: a percentage is of the target." : `"${draft.atRisk.trim()}" is not a number or a percentage of the target.`;
    }
    else if (target !== null && !atRiskOnUnfavourableSide(target, atRisk, draft.direction as Direction)) {
      errors.atRisk =
        draft.direction === "lower"
          ? `When lower is better, At risk must be at or above the target (${target}).`
          : `When higher is better, At risk must be at or below the target (${target}).`;
    }
  }

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
 * The At risk boundary a draft gives: a number as typed, or a percentage of the target ("10%")
 * meaning that share of |target| on the unfavourable side (1300 → 1170 when higher is better),
 * as KPI_STATUS's default does. Null when empty or unreadable.
 */
export function atRiskOfDraft(draft: Pick<KpiDraft, "atRisk" | "target" | "direction">): number | null {
  const t = draft.atRisk.trim();
  if (!t.endsWith("%")) return parseNumber(t);
  const share = parseNumber(t.slice(0, -1));
  const target = parseNumber(draft.target);
  if (share === null || target === null) return null;
  const offset = (Math.abs(target) * share) / 100;
  return draft.direction === "lower" ? target + offset : target - offset;
}

/** The definition a valid draft describes. */
export function definitionFromDraft(draft: KpiDraft, id: string, source: string, lastReviewed: string): KpiDefinition {
  const kind = draft.kind as KpiKind;
  return {
    id,
    name: draft.name.trim(),
    owner: draft.owner.trim(),
    objective: draft.objective.trim(),
    kind,
    predicts: kind === "leading" ? draft.predicts.trim() : "",
    direction: draft.direction as Direction,
    target: parseNumber(draft.target) as number,
    atRisk: atRiskOfDraft(draft),
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
  };
}

export function draftFromDefinition(k: KpiDefinition): KpiDraft {
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    name: k.name,
    owner: k.owner,
    objective: k.objective,
    kind: k.kind,
    predicts: k.predicts,
    direction: k.direction,
    target: String(k.target),
    atRisk: text(k.atRisk),
    baseline: text(k.baseline),
    spcBaseline: text(k.spcBaseline),
    spcFrom: text(k.spcFrom),
    unit: k.unit,
    cadence: k.cadence,
    initiative: k.initiative,
    response: k.response,
    primary: k.primary,
  };
}
