/**
 * Excel's documented results for empty cells, references and errors, on a small fixture:
 * Sheet1!A1 = 5, B1:B3 empty, C1 = "abc"; Budget!B2 = 3, the rest empty.
 * Sources (support.microsoft.com): "ISBLANK function" / "IS functions" (a blank is not a
 * number; ISBLANK of an empty reference is TRUE), "IF function" (=IF(A1="",...) tests for an
 * empty cell), "LEN function", "INDEX function" (returns a reference), "TEXT function",
 * "N function" (a blank is 0), "COUNTA function" / "COUNTBLANK function", "Calculation
 * operators and precedence" (& joins text; a blank takes the other operand's type in a
 * comparison), "AVERAGE function" (#DIV/0! with no numbers), "MATCH function" (#N/A), "INDEX
 * function" (#REF! outside the range), "SUM function" (text in references is ignored),
 * "How to correct a #VALUE! error" (="abc"+5 is #VALUE!). A formula whose result is a blank
 * reference shows 0. The first four are issue 21 item 15.
 */
export const FIXTURE = {
  Sheet1: [[5, null, "abc"]],
  Budget: [[], [null, 3]],
};

export interface SemanticsCase {
  formula: string;
  excel: number | string | boolean | { error: string };
}

export const SEMANTICS_CASES: SemanticsCase[] = [
  { formula: '=B1=""', excel: true },
  { formula: "=LEN(B1)", excel: 0 },
  { formula: '=INDEX(B1:B2,1)&""', excel: "" },
  { formula: "=ISNUMBER(INDEX(Budget!B2:B37,5))", excel: false },
  { formula: '=""=B1', excel: true },
  { formula: "=B1=0", excel: true },
  { formula: "=B1=FALSE", excel: true },
  { formula: "=B1<1", excel: true },
  { formula: "=B1", excel: 0 },
  { formula: "=B1+1", excel: 1 },
  { formula: '=B1&"x"', excel: "x" },
  { formula: "=ISBLANK(B1)", excel: true },
  { formula: "=ISNUMBER(B1)", excel: false },
  { formula: "=ISTEXT(B1)", excel: false },
  { formula: "=ISBLANK(INDEX(B1:B2,1))", excel: true },
  { formula: "=INDEX(B1:B2,1)", excel: 0 },
  { formula: "=ISNUMBER(INDEX(Budget!B2:B37,1))", excel: true },
  { formula: "=INDEX(A1:A3,4)", excel: { error: "#REF!" } },
  { formula: '=IF(B1="",1,2)', excel: 1 },
  { formula: "=IF(B1,1,2)", excel: 2 },
  { formula: "=IF(A1,1,2)", excel: 1 },
  { formula: '=IF(ISNUMBER(B1),B1,"")', excel: "" },
  { formula: "=N(B1)", excel: 0 },
  { formula: '=TEXT(B1,"0")', excel: "0" },
  { formula: '=TEXT(A1,"0.0")', excel: "5.0" },
  { formula: "=COUNTA(B1:B3)", excel: 0 },
  { formula: "=COUNTA(A1:C1)", excel: 2 },
  { formula: "=COUNTBLANK(B1:B3)", excel: 3 },
  { formula: "=SUM(B1:B3)", excel: 0 },
  { formula: "=SUM(A1,C1)", excel: 5 },
  { formula: "=A1+C1", excel: { error: "#VALUE!" } },
  { formula: "=AVERAGE(B1:B3)", excel: { error: "#DIV/0!" } },
  { formula: "=A1/0", excel: { error: "#DIV/0!" } },
  { formula: "=ISERROR(A1/0)", excel: true },
  { formula: '=IFERROR(A1/0,"e")', excel: "e" },
  { formula: "=NA()", excel: { error: "#N/A" } },
  { formula: "=ISNA(NA())", excel: true },
  { formula: "=ISERR(NA())", excel: false },
  { formula: "=NA()+1", excel: { error: "#N/A" } },
  { formula: "=MATCH(5,A1:A3,0)", excel: 1 },
  { formula: "=MATCH(7,A1:A3,0)", excel: { error: "#N/A" } },
  { formula: "=ROWS(A1:A5)", excel: 5 },
  { formula: "=COLUMNS(A1:C1)", excel: 3 },
  { formula: "=ROWS($B$2:B4)", excel: 3 },
  { formula: "=LEN(A1)", excel: 1 },
];
