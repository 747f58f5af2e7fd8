/**
 * `--only event-loop`: every worksheet function on a full column, called as Excel calls it
 * (src/functions/functions.ts, time-sliced, answering with a Promise), with the longest block of
 * the thread per call against 50 ms. One line per case (its data, then its call): a new
 * function is one more line here.
 */
import "../../test/support/customFunctionsGlobal";
import * as functions from "../../src/functions/functions";
import { budget, generator, pair, rates, series } from "../data";
import { Case, eventLoop, FULL_COLUMN } from "../harness";

const ROWS = FULL_COLUMN + 1;
const status = () => {
  const next = generator(99);
  return Array.from({ length: ROWS }, () => [next() < 0.01 ? null : 80 + 40 * next()]);
};
const gaps = () => pair(ROWS, 41);
const complete = () => pair(ROWS, 42, false);
const kpi = () => series(ROWS, 43);
const counts = () => rates(ROWS, 7);

// Functions another engineer adds may not be exported yet: their lines are skipped until they are.
const f = functions as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>;
const when = (name: string, ...cases: Case[]): Case[] => (typeof f[name] === "function" ? cases : []);
const fn = (name: string) => (...args: unknown[]) => f[name]!(...args);

export const eventLoopCases: Case[] = [
  eventLoop("KPI_STATUS full column spill", status, (a) => functions.kpiStatus(a, [[100]])),
  eventLoop("LEADLAG_CORR full column, 365 lags, pearson", gaps, ({ x, y }) => functions.leadLagCorr(x, y, 365, "pearson")),
  eventLoop("LEADLAG_CORR full column, 365 lags, pearson, difference", gaps, ({ x, y }) => functions.leadLagCorr(x, y, 365, "pearson", true)),
  eventLoop("LEADLAG_CORR full column, 365 lags, spearman, 1% gaps", gaps, ({ x, y }) => functions.leadLagCorr(x, y, 365, "spearman")),
  eventLoop("LEADLAG_CORR full column, 52 lags, spearman, no gaps", complete, ({ x, y }) => functions.leadLagCorr(x, y, 52, "spearman")),
  eventLoop("SIG_CHANGE full column, t", kpi, (v) => functions.sigChange(v, 30, 0.05, "t")),
  eventLoop("SIG_CHANGE full column, mann-whitney", kpi, (v) => functions.sigChange(v, 30, 0.05, "mann-whitney")),
  eventLoop("SIG_CHANGE full column, xmr", kpi, (v) => functions.sigChange(v, 30, 0.05, "xmr")),
  eventLoop("SPC full column, xmr, detail", kpi, (v) => functions.spc(v, 100, "higher", 1000, "detail")),
  eventLoop("SPC full column, xmr, points", kpi, (v) => functions.spc(v, null, "higher", null, "points")),
  eventLoop("LEAD_FORECAST full column, lag 3, table", gaps, ({ x, y }) => functions.leadForecast(x, y, 3)),
  eventLoop("SPC rate chart full column, p, detail", counts, (c) => functions.spc(c.cases, 0.3, "higher", 1000, "detail", "p", c.units)),
  eventLoop("SPC rate chart full column, p', points", counts, (c) => functions.spc(c.cases, null, "higher", null, "points", "p'", c.units)),
  eventLoop("SPC rate chart full column, u', limits", counts, (c) => functions.spc(c.cases, null, "lower", null, "limits", "u'", c.units)),
  ...when(
    "funnel",
    eventLoop("FUNNEL full column, flag, overdispersion", counts, (c) => fn("funnel")(c.cases, c.units, null, "proportion", true, "flag")),
    eventLoop("FUNNEL full column, table", counts, (c) => fn("funnel")(c.cases, c.units, null, "proportion", true, "table")),
    eventLoop("FUNNEL full column, curve", counts, (c) => fn("funnel")(c.cases, c.units, null, "rate", false, "curve")),
  ),
  ...when(
    "variance",
    eventLoop("VARIANCE full column, detail", () => budget(ROWS, 44), (b) => fn("variance")(b.actual, b.target, "higher", null, "detail")),
    eventLoop("VARIANCE full column, total", () => budget(ROWS, 44), (b) => fn("variance")(b.actual, b.target, "higher", null, "total")),
  ),
  ...when("outlook", eventLoop("OUTLOOK full column, trend, table", () => budget(ROWS, 45, 3), (b) => fn("outlook")(b.actual, b.target, "higher", "trend", null, null, "table"))),
];
