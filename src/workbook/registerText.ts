/**
 * The register's Target and Source cells hold an address as text, such as 'Plan 2025'!$B$2:$B$13.
 * Excel takes a leading apostrophe of an entered value as its text prefix, not as part of the
 * text: the cell shows what follows it and Range.PrefixCharacter returns the "'" ("PrefixCharacter
 * property", learn.microsoft.com; office-js#6687: Range.formulas reads such a cell back without
 * it). An address on a sheet whose name needs quotes starts with exactly that apostrophe, so
 * written as it is it loses it and reads back as Plan 2025'!$B$2:$B$13, a sheet that does not
 * exist.
 *
 * So the text is written with one more apostrophe (the first is Excel's prefix), and read back
 * accepting every form a host or a user may leave: with our extra apostrophe still there (a host
 * that keeps it, as the workbench's stand-in does in a cell formatted as Text), with one
 * apostrophe, or with the leading one dropped by an earlier KPI Lens or a hand edit. None of these
 * is ambiguous, since a sheet name never starts with an apostrophe ("Rename a worksheet",
 * support.microsoft.com) and an unquoted sheet name never holds one.
 */
import { parseAddress, qualified } from "../core/excel/a1";

/** The value to write into a register cell (via Range.values) so that the cell holds `text`. */
export function registerTextOf(text: string): string {
  return text.startsWith("'") ? `'${text}` : text;
}

/**
 * The text a register cell means, from what the host returns for it: one extra leading apostrophe
 * removed, a lost leading apostrophe put back (a sheet part that ends in ' before the !), trimmed.
 */
export function addressFromRegisterText(text: string): string {
  const t = text.trim();
  if (t.startsWith("''")) return t.slice(1);
  if (t.startsWith("'") || t.includes("[")) return t;
  const bang = t.lastIndexOf("!");
  return bang > 0 && t[bang - 1] === "'" ? `'${t}` : t;
}

/**
 * An address in one spelling, so two texts of the same range compare equal: absolute, the sheet
 * quoted only as Excel quotes it. A structured reference or anything unreadable stays as it is.
 */
export function canonicalAddress(text: string): string {
  const t = addressFromRegisterText(text).replace(/^=/, "");
  if (t.includes("[")) return t;
  try {
    const area = parseAddress(t);
    return area.sheet === undefined ? t : qualified(area.sheet, area, true);
  } catch {
    return t;
  }
}

/** Whether a register cell's value (as read) already says `next` (as cellsOf gives it): the writer's "unchanged" test for Target and Source. */
export function sameRegisterText(current: unknown, next: string | number): boolean {
  if (typeof next === "number" || typeof current !== "string") return String(current ?? "").trim() === String(next).trim();
  return canonicalAddress(current) === canonicalAddress(next);
}
