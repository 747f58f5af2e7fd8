/**
 * KPI.VARIANCE's materiality argument (FUNCTIONS.md, "KPI.VARIANCE" and the decided cases): an
 * amount (a number >= 0, even 0.05), a percentage of |target| as text ("5%"), or one of each as
 * two cells or an array constant ({10000,"5%"}), which then must both be exceeded. Blank, ""
 * and #N/A cells are not thresholds (an emptied cell of a two-cell range leaves the other).
 */
import { fail } from "../core/analysis/problem";
import { EVERY_VARIANCE, Materiality } from "../core/analysis/variance";
import { asMatrix, describeCell, isGap } from "./cells";

const ACCEPTS = 'an amount (a number >= 0), a percentage of the target as text ("5%"), or one of each ({10000,"5%"})';

export function readMateriality(v: unknown): Materiality {
  if (v === null || v === undefined) return EVERY_VARIANCE;
  const m = asMatrix(v, "materiality");
  const cells = m.flat();
  if (cells.length > 2) fail("value", `materiality takes at most two values, not ${cells.length}: ${ACCEPTS}`);
  let amount: number | null = null;
  let share: number | null = null;
  for (const cell of cells) {
    if (isGap(cell)) continue;
    const threshold = thresholdOf(cell);
    if ("amount" in threshold) {
      if (amount !== null) fail("value", `materiality has two amounts (${amount} and ${threshold.amount}); give one amount and one percentage: ${ACCEPTS}`);
      amount = threshold.amount;
    } else {
      if (share !== null) fail("value", `materiality has two percentages; give one amount and one percentage: ${ACCEPTS}`);
      share = threshold.share;
    }
  }
  return { amount, share };
}

/**
 * "5%", " 12.5 % ": the number of percent; null for anything else. No thousands or decimal comma:
 * "1,5%" means 1.5% in some locales and 15% in others, so it is refused rather than guessed.
 */
function percentOf(text: string): number | null {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*%\s*$/i.exec(text);
  return m ? Number(m[1]) : null;
}

function thresholdOf(cell: unknown): { amount: number } | { share: number } {
  if (typeof cell === "string") {
    const percent = percentOf(cell);
    if (percent !== null) {
      if (percent < 0) fail("value", `materiality as a percentage must be 0% or more, not ${cell.trim()}`);
      return { share: percent / 100 };
    }
  }
  // Numeric text is a number, as Excel reads it for a number argument.
  const n = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : NaN;
  if (!Number.isFinite(n)) fail("value", `materiality must be ${ACCEPTS}; got ${describeCell(cell)}`);
  if (n < 0) fail("value", `materiality as an amount must be 0 or more, not ${n}`);
  return { amount: n };
}
