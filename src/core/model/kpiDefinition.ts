/**
 * The shape of a KPI definition as the register holds it: its fields, their kinds and the
 * defaults of the fields added later. The rules a definition must follow are kpi.ts's; the
 * segment and rate modules read this shape without depending on those rules.
 */
import type { Direction } from "./status";
import type { RateFields } from "./rates";

export type KpiKind = "leading" | "lagging";
export type Cadence = "weekly" | "monthly" | "quarterly";
/** How a KPI's periods add up to a quarter or a year: a flow (revenue) sums, a rate averages, a stock (headcount) takes the last. */
export type Aggregation = "sum" | "average" | "last";
export const AGGREGATIONS: readonly Aggregation[] = ["sum", "average", "last"];

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
  /** One target for every period; null when the KPI has a target per period (targetRange). */
  target: number | null;
  /** A range with one target per period (a budget row or column), as a reference such as Budget!$B$2:$B$37; "" when `target` is one number. */
  targetRange: string;
  /** The At risk / Off track boundary as a number; null for a percentage or the default. */
  atRisk: number | null;
  /** The boundary as a live percentage of |target| on the unfavourable side (10 for 10%); null when a number or the default (10%). */
  atRiskPercent: number | null;
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
  /** How periods roll up to quarter- and year-to-date. */
  aggregation: Aggregation;
  /** The first period's date (yyyy-mm or yyyy-mm-dd), so periods have dates; "" when unknown. */
  firstPeriod: string;
  /** A rule beyond Off track that fires the response: "drop 20%", "rise 15%", "special cause", or "". */
  trigger: string;
  /** The ID of the counter-metric that guards this KPI against gaming (defects for speed), or "". */
  guardedBy: string;
  // Optional, so that a definition written without them stays valid; absent means as in FIELD_DEFAULTS.
  /** When a variance matters, as an amount in the KPI's units (|actual − target| strictly above it); null for none. */
  materiality?: number | null;
  /** When a variance matters, as a percentage of |target| (5 for 5%); null for none. With both, both must be exceeded (KPI.VARIANCE's rule). */
  materialityPercent?: number | null;
  /** The month (1 = January … 12) the KPI's financial year starts in: year to date and the year's outlook count from it. */
  yearStart?: number;
  /** A rate KPI's denominators (KPIDenom_<ID>), and whether it is a proportion (null) or a rate per N (rates.ts); "" for a KPI that is not a rate. */
  denominatorRange?: RateFields["denominatorRange"];
  ratePer?: RateFields["ratePer"];
  /** The Balanced Scorecard perspective the strategy map groups it under (financial, customer, internal process, learning and growth), or "". */
  perspective?: string;
  /** How a KPI across segments is laid out (segments.ts: "columns" for a block under a header row of names, "by Region" for a table's segment column), or "". */
  segments?: string;
}

/**
 * The value each field with a default takes when a KPI has none for it: a register from before
 * the field's column, or a definition written in code (no materiality: every variance matters;
 * a calendar year; no target range, rate or segments).
 */
export const FIELD_DEFAULTS = {
  targetRange: "",
  atRiskPercent: null,
  aggregation: "last",
  firstPeriod: "",
  trigger: "",
  guardedBy: "",
  materiality: null,
  materialityPercent: null,
  yearStart: 1,
  denominatorRange: "",
  ratePer: null,
  perspective: "",
  segments: "",
} as const satisfies Partial<KpiDefinition>;

/** What a user types in the form: every field as text. */
