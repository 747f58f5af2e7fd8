/**
 * The Scorecard sheet's cells (issue 22, item 5): an "as of" line, then one group per objective
 * (a heading row with the objective's worst status, its KPIs below, primary ones first), each
 * KPI a row of live formulas over its name and its register row, so the sheet stays right as
 * data and definitions change and anyone can audit it. Columns: KPI, Owner, Period, Latest,
 * Target, Variance, Variance %, Status, YTD actual, YTD budget, YTD variance, Year outlook,
 * Chance to meet, Variation, Assurance, Note, Restated and Reported row (scorecardReported.ts: the
 * figures of the "As of" close changed since, and the KPI's row of it in KPI Reported; as reported,
 * that row's figures fill Period to Status). Every number is the add-in's own function
 * (KPI.VARIANCE, KPI.OUTLOOK, KPI.KPI_STATUS, KPI.SPC) in the cell, so the sheet and a formula
 * typed beside it agree; formulas.ts builds the year-to-date and outlook arguments.
 */
import { KpiDefinition } from "../model/kpi";
import { runToEnd, Steps } from "../analysis/steps";
import {
  atRiskArgument,
  chartedValues,
  materialityArgument,
  outlookCall,
  outlookGaps,
  registerCell,
  targetNameOf,
  unlessGaps,
  ytdVarianceFormula,
} from "./formulas";
import { periodDate } from "../model/periods";
import { Status, STATUS_LABEL } from "../model/status";
import { denomNameOf, NOTES_NAMES, REPORTED_NAMES } from "./workbookNames";
import { chartedDenominators, rateYearToDateFormulas, perFactor } from "./rateFormulas";
import { isRateKpi } from "../model/rates";
import { RateChart } from "../analysis/spcRates";
import { reportedCell, reportedPeriod, reportedRowFormula, reportedStatus, restatedFormula, ScorecardView } from "./scorecardReported";
import { overTotals, TotalsColumns, totalsDefinition } from "./scorecardSegments";

export const SCORECARD_HEADERS = [
  "KPI",
  "Owner",
  "Period",
  "Latest",
  "Target",
  "Variance",
  "Variance %",
  "Status",
  "YTD actual",
  "YTD budget",
  "YTD variance",
  "Year outlook",
  "Chance to meet",
  "Variation",
  "Assurance",
  "Note",
  "Restated",
  "Reported row",
  "Attention",
] as const;

/** 0-based columns the writer and the rules need. */
export const PERIOD_COLUMN = 2;
export const STATUS_COLUMN = 7;
/** Variation, then Assurance. */
export const VARIATION_COLUMN = 13;

/**
 * Number formats by column (Range.numberFormat takes the en-US codes, whatever the user's locale,
 * unlike numberFormatLocal): the period as a month, shares as percentages, the rest General.
 */
export const SCORECARD_NUMBER_FORMATS: Record<number, string> = { 2: "mmm yyyy", 6: "0.0%", 12: "0%", 18: "0" };

/** The marker id of the scorecard's own conditional formats: "~" is in no KPI ID (ids.ts), so no KPI's rule is taken for one. */
export const SCORECARD_RULE_ID = "~scorecard";

const nameOf = (id: string) => `KPI_${id}`;
const latestAt = (id: string) => `MATCH(9.99E+307,${nameOf(id)})`;

/** The KPIs in the scorecard's order: by objective (none last), primary KPIs first within one, then by name. */
export function scorecardOrder(kpis: readonly KpiDefinition[]): KpiDefinition[] {
  return [...kpis].sort(
    (a, b) => (a.objective || "~").localeCompare(b.objective || "~") || Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name),
  );
}

/**
 * The date of the KPI's period at `position` (a formula), from its First period and cadence:
 * DATE rolls months past 12 and days past a month's end into the next, as its page says ("DATE
 * function", support.microsoft.com: "If month is greater than 12, month adds that number of
 * months to the first month in the year specified"). Without a First period, the period's number.
 */
export function periodAt(k: Pick<KpiDefinition, "firstPeriod" | "cadence">, position: string): string {
  const first = periodDate(k.firstPeriod, k.cadence, 1);
  if (!first) return position;
  const [y, m, d] = first.split("-").map(Number);
  if (k.cadence === "weekly") return `DATE(${y},${m},${d}+7*(${position}-1))`;
  return `DATE(${y},${m}+${k.cadence === "quarterly" ? "3*" : ""}(${position}-1),${d})`;
}

/**
 * The KPI's latest note in KPI Notes, for the period the row shows: the last row (the table only
 * grows, so the last is the latest) whose KPI and Period match and whose Note is not blank.
 * MATCH(2,1/(…)) finds the last position where the condition is 1 (an approximate MATCH passes
 * over the #DIV/0! of the others, "MATCH function": match_type 1 finds "the largest value that
 * is less than or equal to lookup_value"); "" when there is none. Structured references are
 * fine in a cell formula, only conditional-format rules refuse them.
 */
export function noteFormula(k: Pick<KpiDefinition, "id">): string {
  const t = NOTES_NAMES.table;
  const last = `MATCH(2,1/((${t}[KPI]="${k.id}")*(${t}[Period]=${latestAt(k.id)})*(${t}[Note]<>"")))`;
  return `=IF(ISNUMBER(${last}),INDEX(${t}[Note],${last}),"")`;
}

/** The element `row`, `col` of a table a formula returns (its leading "=" dropped), or "" when there is no such formula. */
function pick(formula: string | null, row: number, col: number): string {
  return formula === null ? `=""` : `=INDEX(${formula.slice(1)},${row},${col})`;
}

/**
 * How a build writes its rows: the figures it shows, whether "As of" is a close KPI Reported holds
 * (the Restated column needs one), and a rate KPI's chart (p, u, p′ or u′, as its card chose it).
 */
export interface RowOptions {
  view?: ScorecardView;
  closes?: boolean;
  chart?: RateChart | null;
  /** The KPI's place among the scorecard's KPIs by name (0 first): the summary's tie-break. */
  rankByName?: number;
}

const columnOf = (h: (typeof SCORECARD_HEADERS)[number]) => String.fromCharCode(65 + SCORECARD_HEADERS.indexOf(h));

/**
 * A KPI line's Attention cell, for sheet row `row` and the KPI's rank by name (0 first): how
 * urgently it asks to be looked at, as the pane's summary orders KPIs (portfolioSummary.ts
 * urgency: a special cause of concern 8, a target reliably failed 4, Off track 2, At risk 1, a
 * special cause of improvement −1), plus (999 − rank) / 10,000 so that no two lines are equal and
 * ties go by name; shown as a whole number (format "0"). It orders the summary below the table
 * (scorecardSummary.ts). ISNUMBER(1/(cell="…")) is TRUE only where the cell holds the words: an
 * error in a cell (a KPI with too few values) counts as no, and never spreads.
 */
export function attentionFormula(row: number, rankByName: number): string {
  const is = (h: (typeof SCORECARD_HEADERS)[number], words: string) => `ISNUMBER(1/(${columnOf(h)}${row}="${words}"))`;
  const urgency = `8*${is("Variation", "Special cause concern")}+4*${is("Assurance", "Consistently fails")}+2*${is("Status", "Off track")}+${is("Status", "At risk")}-${is("Variation", "Special cause improvement")}`;
  return `=${urgency}+${999 - rankByName}/10000`;
}

/**
 * A rate KPI's cells (issue 23, item 2): Latest is the latest period's rate (value / denominator,
 * × N per N, as its card and its close show it); variation and assurance are KPI.SPC's rate chart
 * ("KPI.SPC for rates": chart and denominators, the target per unit); the year to date is the
 * card's, Σ counts / Σ denominators against the weighed targets (rateFormulas.ts), its variance
 * KPI.VARIANCE of the row's own two YTD cells; no outlook, as the card says (KPI.OUTLOOK rolls up
 * a sum, a mean or the last value, never a ratio of two sums).
 */
function rateCells(k: KpiDefinition, chart: RateChart, target: string, baseline: number | null, row: number) {
  const per = perFactor(k);
  const perUnit = k.ratePer ? `(${target})/${String(k.ratePer).toUpperCase()}` : target;
  const spc = (direction: string, output: string) =>
    `=KPI.SPC(${chartedValues(k)},${perUnit},"${direction}",${baseline ?? ""},"${output}","${chart}",${chartedDenominators(k)})`;
  return {
    latest: `=INDEX(${nameOf(k.id)},${latestAt(k.id)})/INDEX(${denomNameOf(k.id)},${latestAt(k.id)})${per}`,
    variation: spc(k.direction === "within" ? "neutral" : k.direction, "variation"),
    assurance: k.direction === "within" ? `=""` : spc(k.direction, "assurance"),
    ytd: rateYearToDate(k, row),
    year: [`="No outlook for a rate"`, `=""`],
  };
}

/** A rate KPI's YTD actual, budget and variance cells; empty, as a KPI's without a financial year (First period) are. */
function rateYearToDate(k: KpiDefinition, row: number): string[] {
  const ytd = rateYearToDateFormulas(k);
  if (ytd === null) return [`=""`, `=""`, `=""`];
  const [I, J] = [`${columnOf("YTD actual")}${row}`, `${columnOf("YTD budget")}${row}`];
  return [ytd.actual, ytd.budget, `=IF(ISNUMBER(${I})*ISNUMBER(${J}),KPI.VARIANCE(${I},${J},"${k.direction}",${materialityArgument(k)},"variance"),"")`];
}

/**
 * The formulas of one KPI's row, for sheet row `row` (1-based). Latest is the last number of the
 * KPI's range (MATCH of a number larger than any finds the last numeric cell), Period its date;
 * a target per period is that period's. Variance, Variance % and Status read the row's own
 * Latest and Target cells; the year to date is KPI.VARIANCE's "total" (actual, budget, variance
 * in its second row), the outlook KPI.OUTLOOK's "table" (landing first, probability fifth), or
 * the words of why the year has none (formulas.ts outlookGaps).
 * `notes`: KPI Notes exists (a formula may not name a table that does not). Objective, KPI and
 * Owner are `&""` so an empty register cell shows empty, not 0. As reported (options.view), Period
 * to Status and Note are the close's (scorecardReported.ts); Restated is written in both views.
 */
export function scorecardRow(k: KpiDefinition, row: number, spcBaseline: number | null, notes = true, options: RowOptions = {}): string[] {
  const values = nameOf(k.id);
  const text = (column: string) => `=${registerCell(k.id, column)}&""`;
  const today = k.target !== null ? registerCell(k.id, "Target") : `INDEX(${targetNameOf(k.id)},${latestAt(k.id)})`;
  const target = `=${today}`;
  const spcDirection = k.direction === "within" ? "neutral" : k.direction;
  const [D, E] = [`D${row}`, `E${row}`];
  const reported = options.view === "reported";
  // As reported, E holds the close's target: the chart of today's numbers is read against today's.
  const spcTarget = reported ? today : E;
  const variance = (output: string) => `=KPI.VARIANCE(${D},${E},"${k.direction}",${materialityArgument(k)},"${output}")`;
  const ytd = ytdVarianceFormula(k);
  const outlook = outlookCall(k);
  // The year's outlook, or why there is none in words (a budget row that stops early): never a bare #REF!.
  const year = (col: number, words: "landing" | "chance") => (outlook === null ? `=""` : `=${unlessGaps(outlookGaps(k), words, `INDEX(${outlook},2,${col})`)}`);
  // The KPI's row of the close, in its Reported row cell (scorecardReported.ts reportedRowFormula).
  const at = `$${columnOf("Reported row")}${row}`;
  const rate = isRateKpi(k) ? rateCells(k, options.chart ?? (k.ratePer ? "u" : "p"), spcTarget, spcBaseline, row) : null;
  const latest = reported
    ? [
        reportedPeriod(at, (p) => periodAt(k, p)),
        reportedCell(at, "Reported value"),
        reportedCell(at, "Target"),
        reportedCell(at, "Variance"),
        reportedCell(at, "Variance %"),
        reportedStatus(at),
      ]
    : [
        `=${periodAt(k, latestAt(k.id))}`,
        rate?.latest ?? `=INDEX(${values},${latestAt(k.id)})`,
        target,
        variance("variance"),
        variance("percent"),
        `=KPI.KPI_STATUS(${D},${E},${atRiskArgument(k, E)},"${k.direction}")`,
      ];
  return [
    text("Name"),
    text("Owner"),
    ...latest,
    ...(rate?.ytd ?? [pick(ytd, 2, 1), pick(ytd, 2, 2), pick(ytd, 2, 3)]),
    ...(rate?.year ?? [year(1, "landing"), year(5, "chance")]),
    rate?.variation ?? `=KPI.SPC(${chartedValues(k)},${spcTarget},"${spcDirection}",${spcBaseline ?? ""},"variation")`,
    // Assurance needs a side of the target that is better: none for a KPI kept within one.
    rate?.assurance ?? (k.direction === "within" ? `=""` : `=KPI.SPC(${chartedValues(k)},${spcTarget},"${k.direction}",${spcBaseline ?? ""},"assurance")`),
    reported ? reportedCell(at, "Note") : notes ? noteFormula(k) : `=""`,
    options.closes ? restatedFormula(k, at) : `=""`,
    options.closes ? reportedRowFormula(k) : `=""`,
    attentionFormula(row, options.rankByName ?? 0),
  ];
}

/** The worst status of a group's status cells: Off track over At risk over On track; "No data" when none has one. */
export function worstStatusFormula(range: string): string {
  const order: Status[] = ["off", "risk", "on"];
  const test = (s: Status, rest: string) => `IF(ISNUMBER(MATCH("${STATUS_LABEL[s]}",${range},0)),"${STATUS_LABEL[s]}",${rest})`;
  return `=${order.reduceRight((rest, s) => test(s, rest), `"No data"`)}`;
}

/** An objective's heading row: its name (from its first KPI's register row) and, under Status, its worst status. */
export function objectiveRow(first: Pick<KpiDefinition, "id" | "objective">, statusRange: string): string[] {
  const cells = SCORECARD_HEADERS.map(() => "");
  cells[0] = first.objective ? `=${registerCell(first.id, "Objective")}&""` : `="No objective"`;
  cells[STATUS_COLUMN] = worstStatusFormula(statusRange);
  return cells;
}

/** One line of the scorecard's table: an objective's heading or a KPI's row. */
export interface ScorecardLine {
  kind: "objective" | "kpi";
  formulas: string[];
  kpi: KpiDefinition;
}

/** The table's lines from sheet row `firstRow` (1-based), the KPIs already in scorecardOrder. */
export function scorecardLines(...args: Parameters<typeof scorecardLinesSteps>): ScorecardLine[] {
  return runToEnd(scorecardLinesSteps(...args));
}

/** The lines as steps, a KPI each, for a build to run in time slices (core/analysis/slicing.ts): 300 KPIs' rows are a long task. */
export function* scorecardLinesSteps(
  kpis: readonly KpiDefinition[],
  firstRow: number,
  baselineOf: (k: KpiDefinition) => number | null,
  notes: boolean,
  options: Omit<RowOptions, "chart" | "rankByName"> & {
    chartOf?: (k: KpiDefinition) => RateChart | null;
    /** A KPI across segments' columns of totals (scorecardSegments.ts), which its row reads as its series. */
    totalsOf?: (k: KpiDefinition) => TotalsColumns | null;
  } = {},
): Steps<ScorecardLine[]> {
  // Each KPI's place by name, ties by order, so no two lines' Attention are equal.
  const rank = new Map(
    kpis
      .map((_, i) => i)
      .sort((a, b) => kpis[a].name.localeCompare(kpis[b].name) || a - b)
      .map((i, place) => [kpis[i], place]),
  );
  const lines: ScorecardLine[] = [];
  const status = String.fromCharCode(65 + STATUS_COLUMN);
  let row = firstRow;
  for (let i = 0; i < kpis.length;) {
    let j = i;
    while (j < kpis.length && (kpis[j].objective || "") === (kpis[i].objective || "")) j++;
    lines.push({ kind: "objective", formulas: objectiveRow(kpis[i], `${status}${row + 1}:${status}${row + j - i}`), kpi: kpis[i] });
    row++;
    for (; i < j; i++, row++) {
      const totals = options.totalsOf?.(kpis[i]) ?? null;
      const formulas = scorecardRow(totals ? totalsDefinition(kpis[i], totals) : kpis[i], row, baselineOf(kpis[i]), notes, {
        ...options,
        chart: options.chartOf?.(kpis[i]) ?? null,
        rankByName: rank.get(kpis[i]),
      });
      lines.push({ kind: "kpi", formulas: totals ? formulas.map((f) => overTotals(f, kpis[i], totals)) : formulas, kpi: kpis[i] });
      yield;
    }
  }
  return lines;
}

/**
 * The "as of" period: the latest period that stands closed in KPI Reported (its Closed period,
 * "2025-12", at the last Closed row whose period has more Closed rows than Reopened ones), else,
 * when every close was reopened since, the last one closed (the rows then say "Reopened"); without
 * closes, the latest period with data among the rows (MAX of their Period cells, `periods`).
 * A close adds one row per KPI not closed already and a reopen one per KPI it reopens
 * (core/model/reported.ts closeEntries, reopenEntries), so a period's Closed rows outnumber its
 * Reopened rows exactly while some KPI's last event of it is a close (standingCloses), in
 * whatever order a user sorts the table; "last" is the table's order, as noteFormula's.
 * Each row's count is MMULT of the rows × rows grid of "same period" (CP = TRANSPOSE(CP), as
 * numbers by *1: "MMULT function", support.microsoft.com, returns #VALUE! where "any cells are
 * empty or contain text", and TRUE is no number) by each row's +1 (Closed) or −1 (Reopened).
 * The grid has rows² elements: a few thousand rows (years of month ends of tens of KPIs) are a
 * few million; tens of thousands would be too many.
 */
export function asOfFormula(closes: boolean, periods: string): string {
  if (!closes) return `=MAX(${periods})`;
  const t = REPORTED_NAMES.table;
  const [period, event] = [`${t}[Closed period]`, `${t}[Event]`];
  const standing = `MMULT((${period}=TRANSPOSE(${period}))*1,(${event}="Closed")-(${event}="Reopened"))`;
  const latest = `MATCH(2,1/((${event}="Closed")*(${standing}>0)))`;
  return `=IF(ISNUMBER(${latest}),INDEX(${period},${latest}),INDEX(${period},MATCH(2,1/(${event}="Closed"))))`;
}

/**
 * The rules that colour the Status cells (the KPIs' and the objectives' worst), written for the
 * top-left cell `topLeft` of the Status column: text compared on the sheet's own cell, within 255
 * characters and with no structured or other-sheet reference ("[MS-OI29500] 3.2.3.1.2
 * Conditional Formatting Formulas"), each with the marker N("kpilens:~scorecard:<band>") so the
 * rebuild finds its own. The text stays in the cell, so the colour is never all a reader has.
 */
export function scorecardStatusRules(topLeft: string): { status: Status; formula: string }[] {
  return (["on", "risk", "off"] as const).map((status) => ({
    status,
    formula: `=AND(${topLeft}="${STATUS_LABEL[status]}",N("kpilens:${SCORECARD_RULE_ID}:${status}")=0)`,
  }));
}
