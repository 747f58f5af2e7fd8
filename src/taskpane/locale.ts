/**
 * Numbers in the pane follow the user's language, as Excel's own cells do: an analyst in
 * Germany reads and types 1.234,5, in France 1 234,5. Office gives the UI language as
 * Office.context.displayLanguage ("de-DE"; learn.microsoft.com, "Context.displayLanguage
 * property"); outside Office (the workbench, a browser) the browser's language stands in.
 * Intl.NumberFormat gives each locale's separators (ECMA-402), so no table of them is kept here.
 * Every number the pane shows or reads goes through this module and core/model/numberText.ts.
 */
import { separatorsOf, toInvariantNumber } from "../core/model/numberText";

/** The pane's locale: Office's display language, else the browser's, else en-US. */
export function displayLocale(): string {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  const fromOffice = office?.context?.displayLanguage;
  const candidate = fromOffice || (typeof navigator !== "undefined" ? navigator.language : "") || "en-US";
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate])[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

// The number text itself is core's (core/model/numberText.ts), so the sentences core writes for the pane use the same.
export { formatFixed, formatNumber, formatPercent, formatWith, separatorsOf, toInvariantNumber } from "../core/model/numberText";

/** The form's fields that hold a number (or a percentage) a user types. */
export const NUMBER_FIELDS = ["target", "atRisk", "baseline", "materiality", "spcBaseline", "spcFrom"] as const;

type NumberFields = Record<(typeof NUMBER_FIELDS)[number], string>;

/**
 * Each number of a field's text through `f`: a field may hold two (Materiality: "10.000 and 5,5%",
 * typedValues.ts materialityOf's "and", ";" or "+"), the words between them kept.
 */
function eachNumber(text: string, f: (part: string) => string): string {
  return text
    .split(/(\s*(?:;|\+|\band\b)\s*)/i)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** A draft's numbers as the register's parser reads them (de-DE "1.234,5" → "1234.5"). */
export function invariantDraft<D extends NumberFields>(draft: D, locale: string): D {
  const out = { ...draft };
  for (const f of NUMBER_FIELDS) out[f] = eachNumber(draft[f], (part) => toInvariantNumber(part, locale));
  return out;
}

/** A draft's numbers as the locale writes them ("1234.5" → "1234,5" in de-DE), for the form to show. */
export function localDraft<D extends NumberFields>(draft: D, locale: string): D {
  const { decimal } = separatorsOf(locale);
  if (decimal === ".") return draft;
  const out = { ...draft };
  const local = (part: string) => (/^[-+]?\d*\.\d+%?$/.test(part.trim()) ? part.trim().replace(".", decimal) : part);
  for (const f of NUMBER_FIELDS) out[f] = eachNumber(draft[f], local);
  return out;
}
