/**
 * The cells of a target range as the user types it (issue 24: `Budget!B2:B37`, the form's own
 * example, holds 2 numbers and 34 blanks and was accepted without a word). Once the text has
 * been a range for a moment, the workbook is asked for its numbers (one read, never at Tag), so
 * the form can warn that it is mostly blank before Tag or Save (core/review/targetRange.ts).
 * An answer for text the user has since changed is dropped.
 */
import { useEffect, useState } from "react";
import { parseNumber, targetRangeOf } from "../../core/model/kpi";

/** How long the text must stay a range before its cells are read: typing "B2:B3" … "B2:B37" reads once. */
export const TYPED_TARGET_WAIT_MS = 400;

export type ReadTargets = (address: string) => Promise<(number | null)[] | null>;

/** The range read and its numbers, or null while nothing (or something else) has been read. */
export function useTypedTargets(typed: string, read: ReadTargets | undefined, known: string | undefined): { range: string; targets: (number | null)[] } | null {
  const [answer, setAnswer] = useState<{ range: string; targets: (number | null)[] } | null>(null);
  const range = parseNumber(typed) === null && targetRangeOf(typed) !== null ? typed.trim() : null;
  // A range the form knows the cells of already (the edited KPI's saved one) is not read again.
  const wanted = range !== null && read && (known === undefined || bare(known) !== bare(range)) ? range : null;
  useEffect(() => {
    if (wanted === null || !read) return;
    let alive = true;
    const timer = setTimeout(() => {
      read(wanted).then(
        (targets) => alive && setAnswer(targets ? { range: wanted, targets } : null),
        () => alive && setAnswer(null),
      );
    }, TYPED_TARGET_WAIT_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [wanted, read]);
  return answer !== null && wanted !== null && answer.range === wanted ? answer : null;
}

const bare = (address: string) => address.replace(/\$/g, "").replace(/^=/, "").trim().toUpperCase();
