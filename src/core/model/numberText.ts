/**
 * Numbers as text in the user's locale, the one way the pane writes and reads them (issue 24,
 * item 4): an analyst in Germany reads and types 1.234,5, in France 1 234,5 (a narrow no-break
 * space), as Excel's own cells show them. Intl.NumberFormat gives each locale's separators and
 * percent sign spacing (ECMA-402), so no table of them is kept here. Core, so the sentences core
 * writes for the pane (the month-end pack, restatements) use it too; the pane's locale comes from
 * Office (taskpane/locale.ts displayLocale). Every default is "en-US", what those sentences said
 * before they took a locale.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** A number in a locale with these options (formatters kept: the pane formats thousands of numbers a render). */
export function formatWith(n: number, locale: string, options: Intl.NumberFormatOptions): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(n);
}

/** A number as the locale writes it, with at most `digits` decimals (grouping kept, as Excel's "Number" format with separator); "–" for none. */
export function formatNumber(n: number | null, locale: string, digits = 2): string {
  if (n === null || !Number.isFinite(n)) return "–";
  return formatWith(n, locale, { maximumFractionDigits: digits });
}

/** Exactly `digits` decimals: 1.0, 16,9. */
export function formatFixed(n: number, locale: string, digits: number): string {
  return formatWith(n, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share as a percentage the locale's way: 0.11 → "11.0%" (en-US), "11,0 %" (de-DE). */
export function formatPercent(share: number, locale: string, digits = 0): string {
  return formatWith(share, locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * `digits` significant digits, as toPrecision gives them, in the locale: 0.012 (en-US), 0,012
 * (de-DE). Below 1e-6 toPrecision writes an exponent (1.0e-8), and so does this (1,0e-8): a
 * p-value of 0,000000010 would be read by nobody.
 */
export function formatSignificant(n: number, locale: string, digits: number): string {
  if (!Number.isFinite(n)) return "–";
  const [mantissa, exponent] = n.toPrecision(digits).split("e");
  const shown = formatWith(Number(mantissa), locale, { minimumSignificantDigits: digits, maximumSignificantDigits: digits });
  return exponent === undefined ? shown : `${shown}e${exponent}`;
}

/** A correlation as the chain states it: exactly `digits` decimals, r = 0.62 (en-US), 0,62 (de-DE). */
export function formatCorrelation(r: number, locale: string, digits = 2): string {
  return formatFixed(r, locale, digits);
}

/** A p-value as the chain states it: "p < 0.001", "p = 0.004", "p = 0.03"; in de-DE "p < 0,001", "p = 0,004". */
export function formatP(p: number, locale = "en-US"): string {
  if (p < 0.001) return `p < ${formatFixed(0.001, locale, 3)}`;
  return `p = ${formatFixed(p, locale, p < 0.01 ? 3 : 2)}`;
}

/** The locale's decimal and grouping separators, as Intl writes 12345.6. */
export function separatorsOf(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === "decimal")?.value ?? ".", group: parts.find((p) => p.type === "group")?.value ?? "," };
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
  const body = t.replace(/\s*%$/, "");
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
