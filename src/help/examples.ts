/**
 * Worked examples shown under a function on the help page, by function id. The page lists the
 * functions from functions.json (help.ts); an example is the one thing the JSDoc cannot carry.
 * The figures are the functions' own answers, checked in test/functions/*.test.ts.
 */
export interface WorkedExample {
  /** The data, as a user would have it on the sheet. */
  data: string;
  /** Formulas and what each returns. */
  results: [formula: string, result: string][];
}

export const WORKED_EXAMPLES: Record<string, WorkedExample> = {
  VARIANCE: {
    data: "B2 holds this month's actual, 1,180; C2 its budget, 1,250 (higher is better).",
    results: [
      ["=KPI.VARIANCE(B2, C2)", "-70"],
      ['=KPI.VARIANCE(B2, C2, "higher", {50,"5%"}, "percent")', "-0.056 (format it as a percentage: -5.6%)"],
      ['=KPI.VARIANCE(B2, C2, "higher", {50,"5%"}, "label")', "Unfavourable"],
      ['=KPI.VARIANCE(B2, C2, "higher", {50,"5%"}, "material")', "TRUE: 70 is above 50 and 5.6% is above 5%"],
      [
        '=KPI.VARIANCE(B2:B13, C2:C13, "higher", {50,"5%"}, "explain")',
        "TRUE for the months that are material and a special cause on the XmR chart of the variances",
      ],
    ],
  },
  OUTLOOK: {
    data: "B2:B13 hold the twelve months of the year: 100, 104, 109, 111, 116 and 118 reported, six months still blank; the year's target is 1,450.",
    results: [
      ["=KPI.OUTLOOK(B2:B13, 1450)", "1447.66: the reported months plus the trend's 122.47 … 140.75 for the open ones"],
      ['=KPI.OUTLOOK(B2:B13, 1450, "higher", "trend", "sum", 0.8, "table")', "landing 1447.66, lower 1434.79, upper 1460.53, target 1450, probability 0.397"],
      ['=KPI.OUTLOOK(B2:B13, 1450, "higher", "average", "sum", 0.8, "table")', "landing 1316 (every open month at the mean, 109.67), probability 0.0012"],
      ['=KPI.OUTLOOK(B2:B13, 1450, , , , , "periods")', '"" beside the reported months, the forecast beside each open one'],
    ],
  },
};
