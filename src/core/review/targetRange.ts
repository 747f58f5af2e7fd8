/**
 * A target range checked at the form's field, before Tag: the wrong length (the workbook refused
 * it only at Tag: workbook/targetRange.ts checkTargetRange, same message) and a range mostly
 * blank (`Budget!B2:B37` with 2 numbers and 34 blanks was accepted without a word: every blank
 * period has no target, so no status and no colour). The length is an error; blanks a warning,
 * as a budget may rightly be filled in only for the periods planned so far.
 */
import { parseAddress } from "../excel/a1";

/** More blank than numbers: the share of blank targets above which the form warns. */
export const MOSTLY_BLANK = 0.5;

export interface TargetRangeCheck {
  /** Refuses the field: the range has not one target per period. */
  error: string | null;
  /** Shown at the field, does not refuse it. */
  warning: string | null;
}

/**
 * `typed`: the range as typed; `periods`: the KPI's periods (its source's cells), null when not
 * known yet; `targets`: the range's values as read (numbers; null for a blank or text cell),
 * null when not read yet.
 */
export function targetRangeCheck(typed: string, periods: number | null, targets: readonly (number | null)[] | null, kpiName = ""): TargetRangeCheck {
  let cells: number;
  try {
    const area = parseAddress(typed.trim().replace(/^=/, ""));
    cells = area.rowCount * area.colCount;
  } catch {
    return { error: null, warning: null };
  }
  const shown = typed.trim().replace(/^=/, "").replace(/\$/g, "");
  const error =
    periods !== null && cells !== periods
      ? `The target range ${shown} has ${cells} period${cells === 1 ? "" : "s"} and ${kpiName || "the KPI"} has ${periods}: give one target per period, in the same order.`
      : null;
  if (targets === null || targets.length === 0) return { error, warning: null };
  const numbers = targets.filter((t) => t !== null && Number.isFinite(t)).length;
  const blanks = targets.length - numbers;
  const warning =
    numbers === 0
      ? `${shown} holds no numbers: no period would have a target.`
      : blanks / targets.length > MOSTLY_BLANK
        ? `${shown} holds ${numbers} number${numbers === 1 ? "" : "s"} and ${blanks} blank${blanks === 1 ? "" : "s"}: the ${blanks} period${blanks === 1 ? "" : "s"} without a target will have no status or colour. Is this the right range?`
        : null;
  return { error, warning };
}
