/**
 * The worksheet functions a formula KPI Lens writes may call: the one list the written-formulas
 * test (test/core/excel/hostFunctions.test.ts) checks every cell formula, conditional-format rule and
 * defined name against. The manifest admits Excel 2021 (ExcelApi 1.9 and SharedRuntime 1.1), so
 * each Excel function here has "Excel 2021" on the "Applies to" line of its support.microsoft.com
 * page; functions added later (DROP, TAKE, VSTACK, HSTACK, TOCOL, CHOOSEROWS, LAMBDA and its
 * helpers, TEXTSPLIT…: "Applies to Microsoft 365, Excel for the web, Excel 2024") are not, and
 * would be #NAME? there (issue 21, item 4). Add a function only after reading its page.
 */

/**
 * Excel's own functions the add-in's formulas use. All date from Excel 2007 or earlier except
 * LET (its page: "Excel for Microsoft 365 … Excel 2024 … Excel 2021"), allowed but unused: the
 * stand-in's engine lacks it. MOD and OFFSET (the financial year's periods, formulas.ts): their
 * pages' "Applies To" lines name Excel 2021 (support.microsoft.com/en-us/excel/mod-function,
 * …/offset-function). DATE and MAX (the scorecard's period dates and its latest period): their
 * pages' "Applies To" lines name Excel 2021 (support.microsoft.com/excel/date-function,
 * …/excel/functions/max-function). SUMPRODUCT and LN (a rate KPI's year to date, rateFormulas.ts):
 * their pages ("SUMPRODUCT function", "LN function", support.microsoft.com) apply to Excel 2021;
 * SUMPRODUCT "treats non-numeric array entries as if they were zeros". NA (a rate KPI's chart
 * leaves a period without a rate out): its page ("NA function") applies to Excel 2021. MMULT
 * (which periods stand closed, scorecard.ts asOfFormula): its page's "Applies To" line names
 * "Excel 2021" ("MMULT function", support.microsoft.com/zh-hk/excel/functions/mmult-function).
 */
export const EXCEL_FUNCTIONS = [
  "ABS",
  "AND",
  "COLUMNS",
  "DATE",
  "IF",
  "INDEX",
  "ISNUMBER",
  "LET",
  "LN",
  "MATCH",
  "MAX",
  "MMULT",
  "MOD",
  "N",
  "NA",
  "OFFSET",
  "ROWS",
  "SUMPRODUCT",
  "TRANSPOSE",
] as const;

/**
 * Functions of Microsoft 365 and Excel 2024 only, refused by name so a mistake reads clearly
 * (their pages' "Applies to" lines name no Excel 2021).
 */
export const NEWER_THAN_EXCEL_2021 = [
  "DROP",
  "TAKE",
  "VSTACK",
  "HSTACK",
  "TOCOL",
  "TOROW",
  "CHOOSEROWS",
  "CHOOSECOLS",
  "EXPAND",
  "WRAPROWS",
  "WRAPCOLS",
  "TEXTSPLIT",
  "TEXTBEFORE",
  "TEXTAFTER",
  "LAMBDA",
  "MAP",
  "REDUCE",
  "SCAN",
  "MAKEARRAY",
  "BYROW",
  "BYCOL",
  "ISOMITTED",
  "GROUPBY",
  "PIVOTBY",
  "PERCENTOF",
  "TRIMRANGE",
  "REGEXTEST",
  "REGEXEXTRACT",
  "REGEXREPLACE",
  "IMAGE",
] as const;

/** The manifest's namespace of the add-in's custom functions (KPI.KPI_STATUS, …). */
export const CUSTOM_FUNCTION_NAMESPACE = "KPI";

/**
 * Whether a written formula may call `name` (upper case): one of EXCEL_FUNCTIONS, or one of the
 * add-in's own, given by their @customfunction ids (src/functions/functions.ts declares them; the
 * test reads them there, so a new one needs no second list).
 */
export function allowedFunction(name: string, customFunctionIds: readonly string[]): boolean {
  const upper = name.toUpperCase();
  if ((EXCEL_FUNCTIONS as readonly string[]).includes(upper)) return true;
  const prefix = `${CUSTOM_FUNCTION_NAMESPACE}.`;
  return upper.startsWith(prefix) && customFunctionIds.some((id) => id.toUpperCase() === upper.slice(prefix.length));
}

/** The functions a formula calls (a name followed by "("), upper case, string literals skipped. */
export function functionsCalled(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  // From a name's first character only: tried inside a long name too, the scan went quadratic (1.8 s of the unit tests).
  return [...code.matchAll(/(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
}
