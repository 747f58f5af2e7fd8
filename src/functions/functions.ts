/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] (FUNCTIONS.md) */
/**
 * The worksheet functions of the KPI namespace. custom-functions-metadata reads the JSDoc
 * below to generate functions.json at build time, so these comments are what a user sees in
 * Excel's formula bar. Each body hands Excel's arguments to an adapter and never throws.
 * Each function's help URL tag opens its own section of the help page from Excel's "Help on this
 * function" ("Autogenerate JSON metadata for custom functions", learn.microsoft.com); the host
 * is the development server's, replaced with the manifest's when deploying.
 */
import { invoke } from "./invoke";
import { kpiStatusCells } from "./kpiStatusCells";
import { leadLagCellsSteps } from "./leadLagCells";
import { sigChangeCells } from "./sigChangeCells";
import { spcCells } from "./spcCells";
import { funnelCells } from "./funnelCells";
import { leadForecastCells } from "./leadForecastCells";
import { varianceCells } from "./varianceCells";
import { outlookCells } from "./outlookCells";

/**
 * Classifies actual values against a target: "On track", "At risk" or "Off track" (or 1, 0, -1).
 * @customfunction KPI_STATUS
 * @helpurl https://localhost:3000/help.html#KPI_STATUS
 * @param {any[][]} actual The actual value, or a range of them (the result spills to the same shape). A blank, ="" or #N/A cell gives "No data".
 * @param {any[][]} target The target: one number, or a range the shape of actual.
 * @param {any[][]} [at_risk] The boundary between At risk and Off track, on the unfavourable side of target: one number, a range, or a percentage of |target| as text ("5%"). Default: 10% of |target| below it (above it when lower is better).
 * @param {any} [direction] "higher" (or 1) when higher is better, "lower" (or -1) when lower is better, "within" for a KPI to keep near its target (On track within half the at-risk distance). Default "higher".
 * @param {any} [output] "label" for text, "score" for 1, 0, -1 (for icon sets). Default "label".
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} The status of each actual value.
 * @requiresParameterAddresses
 */
export function kpiStatus(actual: any[][], target: any[][], at_risk?: any[][], direction?: any, output?: any, invocation?: CustomFunctions.Invocation) {
  return invoke("KPI_STATUS", invocation, [actual, target, at_risk, direction, output], [0, 1, 2], ([a, t, r, d, o]) => kpiStatusCells(a, t, r, d, o));
}

/**
 * Does a leading indicator move before its outcome, at which lag, and is it more than chance? Correlates leading[t] with lagging[t + lag] for each lag.
 * @customfunction LEADLAG_CORR
 * @helpurl https://localhost:3000/help.html#LEADLAG_CORR
 * @param {any[][]} leading The leading indicator: one row or one column, oldest first. Blank, ="" or #N/A cells are missing periods.
 * @param {any[][]} lagging The outcome: one row or one column of the same length, period for period with leading.
 * @param {any} [max_lag] The largest lag tested, a whole number >= 0. Default 12.
 * @param {any} [method] "pearson" or "spearman" (ranks). Default "pearson".
 * @param {any} [difference] TRUE to correlate period-over-period differences (guards against two trends correlating). Default FALSE.
 * @param {any} [output] "table" (header lag, r, p_value, n and a row per lag), "values" (no header) or "best" (the lag with the largest |r|, p Bonferroni-adjusted). Default "table".
 * @param {CustomFunctions.CancelableInvocation} [invocation] Passed by Excel.
 * @returns {any[][]} Lag, correlation, two-sided p-value and number of pairs.
 * @requiresParameterAddresses
 * @cancelable
 */
export function leadLagCorr(
  leading: any[][],
  lagging: any[][],
  max_lag?: any,
  method?: any,
  difference?: any,
  output?: any,
  invocation?: CustomFunctions.CancelableInvocation,
) {
  return invoke("LEADLAG_CORR", invocation, [leading, lagging, max_lag, method, difference, output], [0, 1], ([a, b, m, k, d, o]) =>
    leadLagCellsSteps(a, b, m, k, d, o),
  );
}

/**
 * Is the latest movement of a KPI a real change or noise? Compares the last values with every value before them.
 * @customfunction SIG_CHANGE
 * @helpurl https://localhost:3000/help.html#SIG_CHANGE
 * @param {any[][]} values The series: one row or one column, oldest first. Blank, ="" or #N/A cells are skipped.
 * @param {any} [recent] How many of the latest values form the recent window, a whole number >= 1. Default 1.
 * @param {any} [alpha] Significance level, between 0 and 1. Default 0.05.
 * @param {any} [method] "t" (prediction interval for one value, Welch's t-test for more), "mann-whitney" or "xmr" (process behaviour chart rules). Default "t".
 * @param {any} [output] "label", "direction" (1, -1, 0), "p" (p-value) or "detail" (a header and a row of figures). Default "label".
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} Whether the latest movement is a significant increase, a significant decrease or no significant change.
 * @requiresParameterAddresses
 */
export function sigChange(values: any[][], recent?: any, alpha?: any, method?: any, output?: any, invocation?: CustomFunctions.Invocation) {
  return invoke("SIG_CHANGE", invocation, [values, recent, alpha, method, output], [0], ([v, r, a, m, o]) => sigChangeCells(v, r, a, m, o));
}

/**
 * Is the latest point of a KPI common-cause variation or a special cause, an improvement or a concern, and will the process reliably meet its target? A process behaviour chart (XmR) in the style of NHS England's "Making Data Count".
 * @customfunction SPC
 * @helpurl https://localhost:3000/help.html#SPC
 * @param {any[][]} values The series: one row or one column, oldest first. Blank and #N/A cells are skipped; other text is an error.
 * @param {any} [target] The target, for the assurance answer (consistently passes, consistently fails, or hit and miss).
 * @param {any} [direction] "higher" or "lower": which way is improvement; "neutral" for neither. Default "higher".
 * @param {any} [baseline] How many of the first numbers fix the centre and limits, a whole number >= 3 (a frozen baseline). Default: all of them.
 * @param {any} [output] "variation" (the latest point), "assurance", "runs" (Anhøj's runs analysis), "points" (each point's type), "detail" (a table of measures) or "limits" (each point with its centre, limits and near-limit lines, for a line chart). Default "variation".
 * @param {any} [chart] "xmr" (individual values), "p" (proportions: values are cases out of denominators), "u" (rates: events per unit of exposure), "p'" or "u'" (Laney's, for large denominators). Default "xmr".
 * @param {any[][]} [denominators] For p, u, p' and u': the units looked at or the exposure, the same shape as values, period for period. Leave out for xmr.
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} The variation of the latest point, the assurance, the runs verdict, each point's type, the detail table or the chart's lines.
 * @requiresParameterAddresses
 */
export function spc(
  values: any[][],
  target?: any,
  direction?: any,
  baseline?: any,
  output?: any,
  chart?: any,
  denominators?: any[][],
  invocation?: CustomFunctions.Invocation,
) {
  // The argument list keeps the parameters' positions: the range indexes are those of parameterAddresses.
  const args = [values, target, direction, baseline, output, chart, denominators];
  return invoke("SPC", invocation, args, [0, 1, 6], (a) => spcCells(a[0], a[1], a[2], a[3], a[4], a[5], a[6]));
}

/**
 * Forecasts an outcome from its leading indicator: the lagging KPI for the next lag periods, from the leading KPI's latest values, with a prediction interval (least squares of lagging[t] on leading[t - lag]).
 * @customfunction LEAD_FORECAST
 * @helpurl https://localhost:3000/help.html#LEAD_FORECAST
 * @param {any[][]} leading The leading indicator: one row or one column, oldest first. Blank, ="" or #N/A cells are missing periods.
 * @param {any[][]} lagging The outcome: one row or one column of the same length; it may end in blanks (periods not reported yet).
 * @param {any} lag The lead time in periods, a whole number >= 1 (typically LEADLAG_CORR's best lag).
 * @param {any} [level] The prediction interval's coverage, between 0 and 1. Default 0.8.
 * @param {any} [output] "table" (header period, forecast, lower, upper and a row per forecast period), "values" (no header) or "fit" (intercept, slope, r2, n, std_error). Default "table".
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} The forecast of each coming period with its prediction interval, or the fitted regression.
 * @requiresParameterAddresses
 */
export function leadForecast(leading: any[][], lagging: any[][], lag: any, level?: any, output?: any, invocation?: CustomFunctions.Invocation) {
  return invoke("LEAD_FORECAST", invocation, [leading, lagging, lag, level, output], [0, 1], ([a, b, k, l, o]) => leadForecastCells(a, b, k, l, o));
}

/**
 * Which segments (regions, teams, products) really differ from the benchmark, allowing for their size? A funnel plot (Spiegelhalter): each segment's rate against 95% and 99.8% limits that narrow as its denominator grows.
 * @customfunction FUNNEL
 * @helpurl https://localhost:3000/help.html#FUNNEL
 * @param {any[][]} numerators The cases or events of each segment: one row or one column, a segment per cell. A blank, ="" or #N/A cell skips the segment.
 * @param {any[][]} denominators The units looked at or the exposure of each segment, the same length as numerators (either orientation). A denominator of 0 skips the segment.
 * @param {any} [target] The benchmark rate p0. Default: the pooled rate, sum of numerators over sum of denominators of the segments used.
 * @param {any} [chart] "proportion" (cases out of units, binomial limits) or "rate" (events per unit of exposure, Poisson limits). Default "proportion".
 * @param {any} [overdispersion] TRUE to widen the limits by Spiegelhalter's factor (from winsorised z-scores) when segments vary more than chance allows. Default FALSE.
 * @param {any} [output] "flag" (Above 99.8%, Above 95%, Within, Below 95%, Below 99.8%), "z", "table" (rate, z, limits and flag per segment), "curve" (the funnel's lines at 50 sizes, for a chart) or "detail". Default "flag".
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} Each segment's flag or z-score, the table of rates and limits, the funnel's curve or the detail.
 * @requiresParameterAddresses
 */
export function funnel(
  numerators: any[][],
  denominators: any[][],
  target?: any,
  chart?: any,
  overdispersion?: any,
  output?: any,
  invocation?: CustomFunctions.Invocation,
) {
  return invoke("FUNNEL", invocation, [numerators, denominators, target, chart, overdispersion, output], [0, 1, 2], ([n, d, t, c, v, o]) =>
    funnelCells(n, d, t, c, v, o),
  );
}

/**
 * Budget against actual, the way a month-end pack explains it: the variance (actual - target), its percentage of the target, favourable or not, whether it is material, and whether it is unusual (a special cause on the XmR chart of the variances).
 * @customfunction VARIANCE
 * @helpurl https://localhost:3000/help.html#VARIANCE
 * @param {any[][]} actual The actual value, or a range of them (the result spills to the same shape). A blank, ="" or #N/A cell is a period without data and gives "".
 * @param {any[][]} target The target or budget: one number, or a range the shape of actual (a budget per period).
 * @param {any} [direction] "higher" (or 1): above target is favourable; "lower" (or -1): below target is favourable; "within": neither side is (Over, Under). Default "higher".
 * @param {any[][]} [materiality] When a variance matters: an amount (a number >= 0), a percentage of |target| as text ("5%"), or both as two cells or {10000,"5%"}, which must then both be exceeded. Default: every non-zero variance is material.
 * @param {any} [output] "variance", "percent" (of |target|), "label" (Favourable, Unfavourable, Over, Under, On target), "material" (TRUE/FALSE), "explain" (material and a special cause), "detail" (a table per period) or "total" (year to date). Default "variance".
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} The variance of each actual value against its target, its percentage, label, materiality or explanation flag, the detail table or the total.
 * @requiresParameterAddresses
 */
export function variance(actual: any[][], target: any[][], direction?: any, materiality?: any[][], output?: any, invocation?: CustomFunctions.Invocation) {
  return invoke("VARIANCE", invocation, [actual, target, direction, materiality, output], [0, 1, 3], ([a, t, d, m, o]) => varianceCells(a, t, d, m, o));
}

/**
 * Where will the horizon (say the financial year) land, and how likely is the target? Forecasts the open periods by trend, average or budget, rolls the horizon up and gives an interval and the probability of meeting the target.
 * @customfunction OUTLOOK
 * @helpurl https://localhost:3000/help.html#OUTLOOK
 * @param {any[][]} actual The whole horizon, one row or one column in period order: reported periods hold numbers, open periods are blank, ="" or #N/A.
 * @param {any[][]} target The horizon's target in the roll-up's terms (the year's total for "sum", its level for "average", its closing value for "last"), or a range with one target per period.
 * @param {any} [direction] "higher" (or 1) or "lower" (or -1): which side of the target is success. Default "higher".
 * @param {any} [method] "trend" (least squares on the period number), "average" (the mean of the reported periods) or "budget" (each open period at its own target). Default "trend".
 * @param {any} [rollup] "sum" (flows such as revenue), "average" (rates such as churn) or "last" (stocks such as headcount). Default "sum".
 * @param {any} [level] The interval's coverage, between 0 and 1. Default 0.8.
 * @param {any} [output] "landing", "table" (landing, lower, upper, target, probability) or "periods" (the forecast of each open period). Default "landing".
 * @param {CustomFunctions.Invocation} [invocation] Passed by Excel.
 * @returns {any[][]} The landing of the horizon, the table with its interval and the probability of meeting the target, or each open period's forecast.
 * @requiresParameterAddresses
 */
export function outlook(
  actual: any[][],
  target: any[][],
  direction?: any,
  method?: any,
  rollup?: any,
  level?: any,
  output?: any,
  invocation?: CustomFunctions.Invocation,
) {
  return invoke("OUTLOOK", invocation, [actual, target, direction, method, rollup, level, output], [0, 1], ([a, t, d, m, r, l, o]) =>
    outlookCells(a, t, d, m, r, l, o),
  );
}
