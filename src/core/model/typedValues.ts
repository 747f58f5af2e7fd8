/**
 * Values as a user types them into the form or the register: numbers ("1,200"), percentages
 * ("12.5%"), months (4, "Apr") and materialities ("10000 and 5%"). Pure text parsing, shared by
 * core/model/kpi.ts (validation), the register reader and the formulas.
 */

/** Reads a number as a user types it: "1,200", "12.5%", " -3 ". Returns null for anything else. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return null;
  const percent = t.endsWith("%");
  const n = Number(percent ? t.slice(0, -1) : t);
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

/** A percentage as typed ("10%", "12.5 %"): the number of percent, or null when not one. */
export function percentOf(text: string): number | null {
  const t = text.trim();
  if (!t.endsWith("%")) return null;
  const n = Number(t.slice(0, -1).trim().replace(/,/g, ""));
  return t.slice(0, -1).trim() !== "" && Number.isFinite(n) ? n : null;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A month as typed: 1 … 12, or its English name or its first three letters ("Apr"); null otherwise. */
export function monthOf(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t) >= 1 && Number(t) <= 12 ? Number(t) : null;
  const i = MONTHS.findIndex((m) => t.length >= 3 && m.startsWith(t));
  return i < 0 ? null : i + 1;
}

/**
 * A materiality as typed: an amount ("10,000"), a percentage of |target| ("5%"), or one of each
 * joined by "and", ";" or "+" ("10000 and 5%"), as KPI.VARIANCE takes it. Null for anything
 * else: a negative, two amounts, two percentages (FUNCTIONS.md's decided cases).
 */
export function materialityOf(text: string): { amount: number | null; percent: number | null } | null {
  const parts = text
    .split(/\s*(?:;|\+|\band\b)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0 || parts.length > 2) return null;
  let amount: number | null = null;
  let percent: number | null = null;
  for (const part of parts) {
    const p = percentOf(part);
    const n = p === null ? parseNumber(part) : null;
    if (p !== null && p >= 0 && percent === null) percent = p;
    else if (n !== null && n >= 0 && amount === null) amount = n;
    else return null;
  }
  return { amount, percent };
}

/** A KPI's materiality as the form shows it: "10000 and 5%", "5%", "". */
export function materialityText(k: { materiality: number | null; materialityPercent: number | null }): string {
  const parts = [k.materiality === null ? "" : String(k.materiality), k.materialityPercent === null ? "" : `${k.materialityPercent}%`].filter((p) => p !== "");
  return parts.join(" and ");
}
