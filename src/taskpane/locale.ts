/**
 * Numbers in the pane follow the user's language, as Excel's own cells do: an analyst in
 * Germany reads and types 1.234,5, in France 1 234,5. Office gives the UI language as
 * Office.context.displayLanguage ("de-DE"; learn.microsoft.com, "Context.displayLanguage
 * property"); outside Office (the workbench, a browser) the browser's language stands in.
 * Intl.NumberFormat gives each locale's separators (ECMA-402), so no table of them is kept here.
 */

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

/** The locale's decimal and grouping separators, as Intl writes 12345.6. */
export function separatorsOf(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === "decimal")?.value ?? ".", group: parts.find((p) => p.type === "group")?.value ?? "," };
}

/** A number as the locale writes it, with at most `digits` decimals (grouping kept, as Excel's "Number" format with separator). */
export function formatNumber(n: number | null, locale: string, digits = 2): string {
  if (n === null || !Number.isFinite(n)) return "–";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
}

/**
 * A number typed in the locale's way, as the text the register's parser reads ("1.234,5" in
 * de-DE → "1234.5"); text that is not a number in that locale is returned as typed, so the
 * form's own message still names it. Percent signs and a leading minus are kept.
 */
export function toInvariantNumber(text: string, locale: string): string {
  const { decimal, group } = separatorsOf(locale);
  const t = text.trim();
  if (decimal === "." || t === "") return text;
  // Grouping: the locale's own sign, and the spaces (narrow no-break, no-break, plain) French uses.
  const groups = new Set([group, "\u202f", "\u00a0", " "]);
  const body = t.replace(/%$/, "");
  if (body.includes(".") && !groups.has(".")) return text;
  // A "." is a German group only between groups of three digits (1.234.567,5); "1300.75" is a
  // number typed the register's way and is left for the parser, never read as 130075.
  if (groups.has(".") && body.includes(".") && !/^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$/.test(body)) return text;
  let out = "";
  for (const ch of body) {
    if (groups.has(ch)) continue;
    out += ch === decimal ? "." : ch;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(out)) return text;
  return t.endsWith("%") ? `${out}%` : out;
}

/** The form's fields that hold a number (or a percentage) a user types. */
export const NUMBER_FIELDS = ["target", "atRisk", "baseline", "materiality", "spcBaseline", "spcFrom"] as const;

type NumberFields = Record<(typeof NUMBER_FIELDS)[number], string>;

/** A draft's numbers as the register's parser reads them (de-DE "1.234,5" → "1234.5"). */
export function invariantDraft<D extends NumberFields>(draft: D, locale: string): D {
  const out = { ...draft };
  for (const f of NUMBER_FIELDS) out[f] = toInvariantNumber(draft[f], locale);
  return out;
}

/** A draft's numbers as the locale writes them ("1234.5" → "1234,5" in de-DE), for the form to show. */
export function localDraft<D extends NumberFields>(draft: D, locale: string): D {
  const { decimal } = separatorsOf(locale);
  if (decimal === ".") return draft;
  const out = { ...draft };
  for (const f of NUMBER_FIELDS) if (/^[-+]?\d*\.\d+%?$/.test(draft[f].trim())) out[f] = draft[f].trim().replace(".", decimal);
  return out;
}
