/**
 * What Excel accepts as the reference a defined name stands for, checked as strictly as Excel
 * checks it, so the add-in cannot write in the workbench a name that Excel would refuse.
 *
 * - Structured references ("Using structured references with Excel tables",
 *   support.microsoft.com/office/f5ed2452-2337-4f71-bed3-c8ae6d2b276e): inside a column
 *   specifier, `[`, `]`, `#` and `'` must be escaped with a single quote; a column header holding
 *   a special character other than a space must be enclosed in double brackets
 *   (Sales[[Total$Amount]]), while an escaped one may stand in single brackets (Sales['#Items]).
 * - Sheet names before `!`: a name with anything but letters, digits, `_` and `.`, or one that
 *   reads as an A1 cell or an R1C1 reference (R, C, RC, R1C1, R2, C3), must be in single quotes;
 *   Excel writes it so itself (Range.address of such a sheet is 'R1C1'!A1) and refuses a formula
 *   that leaves it bare.
 */
import { parseAddress, sheetNeedsQuotes, SheetArea, splitSheet } from "../../core/excel/a1";
import { ExcelApiError } from "./errors";
import { resolveStructured } from "./formula";
import { checkExpression, isReferenceFormula } from "./namedFormulas";

const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/;

function refuse(formula: string, why: string): never {
  throw new ExcelApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${formula}' (${why}).`);
}

/** Table and column of a structured reference, unescaped; refuses what Excel refuses. */
export function strictStructured(formula: string): { table: string; column: string } {
  const body = formula.replace(/^=/, "");
  const m = /^([A-Za-z_\\][\w.\\]*)\[(.*)\]$/s.exec(body);
  if (!m) refuse(formula, "not a structured reference");
  const doubled = /^\[(.*)\]$/s.exec(m[2]);
  const spec = doubled ? doubled[1] : m[2];
  let column = "";
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (ch === "'") {
      const next = spec[i + 1];
      if (next === undefined || !"[]#'".includes(next)) refuse(formula, "a ' escapes only [, ], # or '");
      column += next;
      i++;
      continue;
    }
    if ("[]#".includes(ch)) refuse(formula, `an unescaped ${ch} in the column name`);
    if (!doubled && ch !== " " && SPECIAL.test(ch)) refuse(formula, `the column name holds ${ch} and needs double brackets`);
    column += ch;
  }
  if (column.trim() === "") refuse(formula, "no column name");
  return { table: m[1], column };
}

/** An A1 reference with an optional sheet; refuses a sheet name Excel would need quoted. */
export function strictAddress(formula: string): SheetArea {
  const body = formula.replace(/^=/, "");
  let split;
  try {
    split = splitSheet(body);
  } catch {
    refuse(formula, "not an address");
  }
  if (split.sheet !== undefined && !split.quoted && sheetNeedsQuotes(split.sheet)) {
    refuse(formula, `the sheet name ${split.sheet} must be in single quotes`);
  }
  try {
    return parseAddress(body);
  } catch {
    refuse(formula, "not an address");
  }
}

/**
 * Checks the reference a name is given: a structured reference or an address, strictly; or a
 * formula ("Excel.NamedItemCollection class": add takes "the formula or the range that the name
 * will refer to"), refused when it does not parse (namedFormulas.ts). A guess: an expression's
 * sheet names are not held to the quoting rule above, the add-in quotes them as an address.
 */
export function checkNameReference(formula: string): void {
  const body = formula.replace(/^=/, "");
  if (isReferenceFormula(body)) {
    if (body.includes("#REF!")) return;
    if (/^[A-Za-z_\\][\w.\\]*\[/.test(body)) strictStructured(body);
    else strictAddress(body);
    return;
  }
  const wrong = checkExpression(body, (f) => resolveStructured(f, () => ({ sheet: "Sheet1", row: 0, col: 0, rowCount: 2, colCount: 1 })));
  if (wrong) refuse(formula, wrong);
}
