/**
 * Every formula KPI Lens can write (cell formulas, conditional-format rules, defined names), from
 * every exported builder over a varied set of KPIs, checked against what every host the manifest
 * admits accepts (issue 21, items 4, 7 and 8):
 * - only functions of Excel 2021 (src/core/excel/hostFunctions.ts) and the add-in's own KPI.* ones;
 * - a conditional-format rule within 255 characters (Excel's dialog's cap), with no structured or
 *   other-sheet reference ("[MS-OI29500] 3.2.3.1.2 Conditional Formatting Formulas");
 * - any formula within 8,192 characters ("[MS-OI29500] 2.1.1085 ST_Formula": "Excel restricts
 *   the contents of this simple type to be at most 8192 characters");
 * - nothing that turns a number into text or passes a number as text (its decimal separator
 *   would follow the user's locale);
 * - parentheses and quotes balanced.
 * The builders are found from the modules' exports: a new export must be listed here as a
 * builder, a fragment or a helper, or this test fails.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as a1 from "../../../src/core/excel/a1";
import * as formulas from "../../../src/core/excel/formulas";
import * as rateFormulas from "../../../src/core/excel/rateFormulas";
import * as scorecard from "../../../src/core/excel/scorecard";
import * as scorecardReported from "../../../src/core/excel/scorecardReported";
import * as scorecardSummary from "../../../src/core/excel/scorecardSummary";
import * as segs from "../../../src/core/excel/scorecardSegments";
import * as bands from "../../../src/workbook/bandFormats";
import { allowedFunction, CUSTOM_FUNCTION_NAMESPACE, EXCEL_FUNCTIONS, functionsCalled, NEWER_THAN_EXCEL_2021 } from "../../../src/core/excel/hostFunctions";
import { kpiDefinition } from "../../support/kpiDefinition";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";

type Kind = "cell" | "rule" | "name";
interface Written {
  kind: Kind;
  formula: string;
  from: string;
  /** For a rule: the KPI whose marker it must carry. For a name: its name and comment. */
  id?: string;
  name?: string;
  comment?: string;
}

const ROOT = join(__dirname, "..", "..", "..");
const CUSTOM_IDS = [...readFileSync(join(ROOT, "src/functions/functions.ts"), "utf8").matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);

// ------------------------------------------------------------------ the KPIs
const LONG_ID = `K${"X".repeat(bands.MAX_RULE_ID_LENGTH - 1)}`;

const kpi = (overrides: Partial<KpiDefinition>): KpiDefinition =>
  kpiDefinition({ ...FIELD_DEFAULTS, id: "REVENUE", target: 1300, atRisk: 1250, source: "'Monthly KPIs'!$B$2:$B$37", ...overrides });

const SOURCES = ["'Monthly KPIs'!$B$2:$B$37", "Plan!$C$3:$AL$3", "Sales[Revenue]", "'O''Brien''s data'!$XFD$2:$XFD$1048576", "'R1C1'!$A$1", ""];
const TARGETS: Partial<KpiDefinition>[] = [
  { target: 1300, atRisk: 1250, atRiskPercent: null },
  { target: -2.2250738585072014e-308, atRisk: null, atRiskPercent: 12.5 },
  { target: 0.30000000000000004, atRisk: null, atRiskPercent: null },
  { target: -1.7976931348623157e308, atRisk: -1.2345678901234567e307, atRiskPercent: null },
  { target: null, targetRange: "Budget!$B$2:$AK$2", atRisk: null, atRiskPercent: 10 },
  { target: null, targetRange: "'Plan 2025'!$C$3:$C$38", atRisk: null, atRiskPercent: 0.5 },
  { target: null, targetRange: "Budget!$B$2:$AK$2", atRisk: null, atRiskPercent: null },
];

const KPIS: KpiDefinition[] = (["higher", "lower", "within"] as const).flatMap((direction) =>
  TARGETS.flatMap((t, i) =>
    SOURCES.map((source, j) =>
      kpi({ ...t, direction, source, id: (i + j) % 2 ? LONG_ID : `K${i}_${j}`, spcFrom: j % 3 === 0 ? null : 13, spcBaseline: j % 2 ? 12 : null }),
    ),
  ),
);
// The KPI as a rate across segments, a block of counts over a block of denominators (per 1,000 for some).
const segRate = (k: KpiDefinition): KpiDefinition => ({ ...k, segments: "columns", denominatorRange: "R!$H$3:$K$38", ratePer: k.id.length % 2 ? 1000 : null });
const OTHER = kpi({ id: `L${"Y".repeat(bands.MAX_RULE_ID_LENGTH - 1)}`, source: "Sales[Pipeline]" });

// ------------------------------------------------------------------ the builders
const cell =
  (from: string) =>
  (formula: string): Written => ({ kind: "cell", formula, from });
const CORNERS = [
  { topLeft: "B2", vertical: true },
  { topLeft: "C3", vertical: false },
  { topLeft: "XFD1048576", vertical: true },
  { topLeft: "AAA1048576", vertical: false },
];

function bandWrites(from: string, build: (k: KpiDefinition, topLeft: string, vertical: boolean) => bands.BandFormats): (k: KpiDefinition) => Written[] {
  return (k) =>
    CORNERS.flatMap(({ topLeft, vertical }) => {
      const { rules, names } = build(k, topLeft, vertical);
      return [
        ...rules.map((r): Written => ({ kind: "rule", formula: r.formula, from, id: k.id })),
        ...names.map((n): Written => ({ kind: "name", formula: n.formula, from, name: n.name, comment: n.comment })),
      ];
    });
}

/** The month-end fields on a KPI: a financial year (April, October, calendar), its roll-ups, and each kind of materiality. */
function monthEnd(k: KpiDefinition): KpiDefinition[] {
  return [
    { ...k, firstPeriod: "2023-01", yearStart: 4, aggregation: "sum", materiality: 10000, materialityPercent: 5 },
    { ...k, firstPeriod: "2023-04", yearStart: 10, cadence: "quarterly", aggregation: "last", materiality: 0.05, materialityPercent: null },
    { ...k, firstPeriod: "2024-07", yearStart: 1, aggregation: "average", materiality: null, materialityPercent: 12.5 },
    { ...k, firstPeriod: "", materiality: null, materialityPercent: null },
  ];
}
const present = (fs: (string | null)[]) => fs.filter((f): f is string => f !== null);

/** A KPI as a rate (issue 23): denominators down a column, across a row, on a sheet that needs quotes; a proportion and rates per N. */
function asRates(k: KpiDefinition): (KpiDefinition & { denominatorRange: string; ratePer: number | null })[] {
  return [
    { ...k, denominatorRange: "'Web shop'!$B$2:$B$37", ratePer: null },
    { ...k, denominatorRange: "Traffic!$C$3:$AL$3", ratePer: 1000 },
    { ...k, denominatorRange: "'O''Brien''s data'!$XFC$2:$XFC$1048576", ratePer: 1e21 },
  ];
}
const RATE_CHARTS = ["p", "u", "p'", "u'"] as const;

/** Every export that writes whole formulas, by module and name, with the formulas it gives for a KPI. */
const BUILDERS: Record<string, (k: KpiDefinition) => Written[]> = {
  "formulas.statusFormula": (k) =>
    [
      formulas.statusFormula(k),
      formulas.statusFormula(k, true),
      ...asRates(k).map((r, i) => formulas.statusFormula(r, i === 1, rateFormulas.ratesArgument(r))),
    ].map(cell("statusFormula")),
  "formulas.changeFormula": (k) =>
    [formulas.changeFormula(k), ...asRates(k).map((r) => formulas.changeFormula(r, rateFormulas.ratesArgument(r)))].map(cell("changeFormula")),
  "formulas.spcFormula": (k) => [formulas.spcFormula(k, null), formulas.spcFormula(k, 6)].map(cell("spcFormula")),
  "formulas.chainFormula": (k) =>
    [
      { leading: 36, lagging: 24 },
      { leading: 12, lagging: 36 },
      { leading: 2, lagging: 2 },
      { leading: 1, lagging: 5 },
    ].map((lengths) => cell("chainFormula")(formulas.chainFormula(k, OTHER, lengths, 6, lengths.leading > 10))),
  "formulas.forecastFormula": (k) =>
    [
      { leading: 36, lagging: 24 },
      { leading: 24, lagging: 36 },
    ].map((lengths) => cell("forecastFormula")(formulas.forecastFormula(OTHER, k, lengths, 3))),
  "formulas.varianceFormula": (k) =>
    monthEnd(k)
      .flatMap((m) => [formulas.varianceFormula(m), formulas.varianceFormula(m, "detail")])
      .map(cell("varianceFormula")),
  "formulas.ytdVarianceFormula": (k) => present(monthEnd(k).map((m) => formulas.ytdVarianceFormula(m))).map(cell("ytdVarianceFormula")),
  "formulas.outlookFormula": (k) => present(monthEnd(k).map((m) => formulas.outlookFormula(m))).map(cell("outlookFormula")),
  "rateFormulas.rateAtFormula": (k) =>
    asRates(k)
      .flatMap((r) => [rateFormulas.rateAtFormula(r, 1), rateFormulas.rateAtFormula(r, 1_048_576)])
      .map(cell("rateAtFormula")),
  "rateFormulas.spcRateFormula": (k) =>
    asRates(k)
      .flatMap((r, i) => [rateFormulas.spcRateFormula(r, RATE_CHARTS[i], null), rateFormulas.spcRateFormula(r, RATE_CHARTS[i + 1], 6, "limits")])
      .map(cell("spcRateFormula")),
  "scorecard.scorecardRow": (k) =>
    monthEnd(k)
      .flatMap((m) => [
        ...scorecard.scorecardRow(m, 6, null),
        ...scorecard.scorecardRow(m, 1_048_576, 12, false),
        ...scorecard.scorecardRow({ ...m, denominatorRange: "'Web shop'!$B$2:$B$37", ratePer: 1000 }, 7, null, true, { view: "reported", closes: true }),
        ...scorecard.scorecardRow(m, 8, 6, true, { view: "restated", closes: true }),
        ...scorecard.scorecardRow({ ...m, denominatorRange: "'Web shop'!$B$2:$AK$2", ratePer: null }, 9, 6, true, {
          view: "restated",
          closes: true,
          chart: "p'",
          rankByName: 3,
        }),
      ])
      .map(cell("scorecardRow")),
  "scorecard.scorecardLines": (k) =>
    scorecard
      .scorecardLines([k, OTHER, { ...k, id: "NOOBJ", objective: "" }], 6, () => null, true)
      .flatMap((l) => l.formulas.filter((f) => f !== ""))
      .map(cell("scorecardLines")),
  "scorecard.objectiveRow": (k) =>
    scorecard
      .objectiveRow(k, "H1048570:H1048576")
      .filter((f) => f !== "")
      .map(cell("objectiveRow")),
  "scorecard.worstStatusFormula": () => [cell("worstStatusFormula")(scorecard.worstStatusFormula("H7:H18"))],
  "scorecard.noteFormula": (k) => [cell("noteFormula")(scorecard.noteFormula(k))],
  "scorecard.asOfFormula": () => [true, false].map((closes) => cell("asOfFormula")(scorecard.asOfFormula(closes, "C6:C1048576"))),
  "scorecardReported.restatedFormula": (k) =>
    [k, { ...k, denominatorRange: "'Web shop'!$B$2:$B$37", ratePer: null }].map((m) =>
      cell("restatedFormula")(scorecardReported.restatedFormula(m, "$R1048576")),
    ),
  "scorecardReported.reportedRowFormula": (k) => [cell("reportedRowFormula")(scorecardReported.reportedRowFormula(k))],
  "scorecardReported.reportedCell": () => ["Reported value", "Variance %", "Note"].map((c) => cell("reportedCell")(scorecardReported.reportedCell("$R7", c))),
  "scorecardReported.reportedStatus": () => [cell("reportedStatus")(scorecardReported.reportedStatus("$R7"))],
  "scorecardReported.reportedPeriod": () => [
    cell("reportedPeriod")(scorecardReported.reportedPeriod("$R7", (p) => scorecard.periodAt({ firstPeriod: "2023-01", cadence: "monthly" }, p))),
  ],
  "scorecard.attentionFormula": () =>
    [
      [6, 0],
      [1_048_576, 997],
    ].map(([row, rank]) => cell("attentionFormula")(scorecard.attentionFormula(row, rank))),
  "scorecardSummary.summaryRows": (k) =>
    scorecardSummary
      .summaryRows([
        { kpi: k, row: 7, chart: "XmR" },
        { kpi: OTHER, row: 1_048_576, chart: "p′" },
      ])
      .flat()
      .map(cell("summaryRows")),
  "scorecardSegments.segmentTotalFormula": (k) =>
    [k, { ...k, aggregation: "average" as const }].flatMap((m) => [1, 5000].map((p) => cell("segmentTotal")(segs.segmentTotalFormula(m, p)))),
  "scorecardSegments.segmentTargetFormula": (k) =>
    [k, { ...k, target: null, targetRange: "R!$B$42:$E$42" }, { ...k, aggregation: "average" as const, target: null, targetRange: "R!$B$42:$E$42" }]
      .flatMap((m) => segs.segmentTargetFormula(m) ?? [])
      .map(cell("segmentTarget")),
  "scorecardSegments.overTotals": (k) =>
    [
      { values: "$A$1048000:$A$1048576", targets: "$B$1048000:$B$1048576" },
      { values: "$S$60:$S$95", targets: null },
      { values: "$A$1:$A$1048576", targets: "$B$1:$B$1048576", denominators: "$C$1:$C$1048576" },
      { values: "$S$60:$S$95", targets: null, denominators: "$T$60:$T$95" },
    ].flatMap((at) => {
      const m = at.denominators ? segRate(k) : k;
      return scorecard
        .scorecardRow(segs.totalsDefinition(m, at), 1_048_576, 12, true, { closes: true, chart: "u'" })
        .map((f) => cell("overTotals")(segs.overTotals(f, m, at)));
    }),
  "scorecardSegments.totalsFormulas": (k) =>
    [{ ...k, segments: "columns" }, segRate(k)].flatMap((m) => Object.values(segs.totalsFormulas(m, 2)).flatMap((c) => (c ?? []).map(cell("totals")))),
  "scorecardSummary.summaryCells": (k) =>
    scorecardSummary
      .summaryCells([{ kpi: k, row: 7, chart: "u′" }])
      .slice(2)
      .flat()
      .map(cell("summaryCells")),
  "scorecardSummary.iconRules": () =>
    ["N6", "F13", "XFD1048576"].flatMap((topLeft) =>
      scorecardSummary
        .iconRules(topLeft, scorecard.SCORECARD_RULE_ID)
        .map((r): Written => ({ kind: "rule", formula: r.formula, from: "iconRules", id: scorecard.SCORECARD_RULE_ID })),
    ),
  "scorecard.scorecardStatusRules": () =>
    ["H6", "H1048576"].flatMap((topLeft) =>
      scorecard
        .scorecardStatusRules(topLeft)
        .map((r): Written => ({ kind: "rule", formula: r.formula, from: "scorecardStatusRules", id: scorecard.SCORECARD_RULE_ID })),
    ),
  "bandFormats.bandFormats": bandWrites("bandFormats", (k, topLeft, vertical) => bands.bandFormats(k, topLeft, vertical)),
  "bandFormats.bandNameFormula": (k) =>
    [false, true].map((crosswise): Written => ({
      kind: "name",
      formula: bands.bandNameFormula(k, crosswise),
      from: "bandNameFormula",
      name: bands.bandNameOf(k.id),
      comment: "",
    })),
};

/** The KPI's own names KPI_<ID> and KPITarget_<ID>, as the writer builds them from a1.ts (kpiWorkbook.ts, targetRange.ts). */
const REFERENCE_NAMES: Record<string, (k: KpiDefinition) => Written[]> = {
  "KPI_<ID> of cells": () => [cell("KPI_<ID>")(`=${a1.qualified("O'Brien's data", { row: 1, col: 16_383, rowCount: 1_048_575, colCount: 1 }, true)}`)],
  "KPI_<ID> of a table column": () => [cell("KPI_<ID>")(`=${a1.structuredReference("Sales 2025", "Net [k€] #1")}`)],
  "KPITarget_<ID>": (k) => (k.targetRange ? [cell("KPITarget_<ID>")(`=${k.targetRange}`)] : []),
  "KPIDenom_<ID>": (k) => asRates(k).map((r) => cell("KPIDenom_<ID>")(`=${r.denominatorRange}`)),
};

/** Exports that build part of a formula (covered by the builders above that use them) or no formula. */
const NOT_BUILDERS: Record<string, string> = {
  "formulas.registerCell": "a fragment of statusFormula, spcFormula and scorecardRow",
  "formulas.periodsFrom": "a fragment of spcFormula and scorecardRow (Chart from period)",
  "formulas.lastPeriods": "a fragment of chainFormula and forecastFormula",
  "formulas.percentBoundary": "a fragment of atRiskArgument",
  "formulas.atRiskArgument": "a fragment of statusFormula and scorecardRow",
  "formulas.chartedValues": "a fragment of spcFormula and scorecardRow",
  "formulas.orientationOf": "reads a source address",
  "formulas.targetNameOf": "a name, not a formula",
  "formulas.materialityArgument": "a fragment of varianceFormula and ytdVarianceFormula",
  "formulas.yearStartPosition": "a fragment of ytdVarianceFormula and outlookFormula",
  "formulas.yearOffset": "a number, for yearStartPosition",
  "formulas.periodsPerYear": "a number, for yearStartPosition",
  "rateFormulas.chartedDenominators": "a fragment of spcRateFormula",
  "rateFormulas.ratesArgument": "a fragment of statusFormula and changeFormula for a rate KPI",
  "rateFormulas.rateYearToDateFormulas": "the YTD cells of scorecardRow for a rate KPI",
  "scorecard.scorecardLinesSteps": "scorecardLines as steps, a KPI each (the same lines, checked there)",
  "rateFormulas.perFactor": "the × N fragment of every rate formula (rateYearToDateFormulas, the Scorecard's totals and chart rows)",
  "rateFormulas.countedRate": "the count-and-denominator-above-0 fragment of the rates' totals and year to date",
  "formulas.latestPosition": "a fragment of ytdVarianceFormula, outlookFormula and scorecardRow",
  "formulas.crosswise": "reads two addresses",
  "formulas.span": "a fragment of ytdVarianceFormula and scorecardRow",
  "formulas.outlookCall": "a fragment of outlookFormula and scorecardRow (Year outlook, Chance to meet)",
  "formulas.outlookGaps": "fragments of outlookFormula and scorecardRow (why a year has no outlook)",
  "formulas.unlessGaps": "a fragment of outlookFormula and scorecardRow",
  "scorecard.scorecardOrder": "sorts KPIs",
  "scorecard.periodAt": "a fragment of scorecardRow (Period) and the chart labels",
  "scorecardReported.reportedPosition": "a fragment of the reported cells and restatedFormula",
  "scorecardReported.viewLine": "text, not a formula",
  "scorecardSummary.chartLabel": "text, not a formula",
  "scorecardSegments.onScorecardByTotals": "reads a definition",
  "scorecardSegments.totalsDefinition": "a definition, for scorecardRow and overTotals",
  "bandFormats.marker": "a fragment of every rule",
  "bandFormats.isOwnRule": "reads a rule",
  "bandFormats.bandNameOf": "a name, not a formula",
  "bandFormats.targetNameOf": "a name, not a formula",
};

const MODULES: Record<string, Record<string, unknown>> = { formulas, rateFormulas, scorecard, scorecardReported, scorecardSummary, bandFormats: bands };
MODULES.scorecardSegments = segs;

function written(builders: Record<string, (k: KpiDefinition) => Written[]>): Written[] {
  return Object.values(builders).flatMap((build) => KPIS.flatMap((k) => build(k)));
}

// ------------------------------------------------------------------ the checks
const STRING = /"(?:[^"]|"")*"/g;
const withoutStrings = (f: string) => f.replace(STRING, '""');
const TEXT_COLUMN = /^=INDEX\(KPI_Register\[(Objective|Name|Owner)\],MATCH\("\w+",KPI_Register\[ID\],0\)\)&""$/;

function balanced(f: string): boolean {
  if ((f.match(/"/g) ?? []).length % 2 !== 0) return false;
  let depth = 0;
  for (const ch of withoutStrings(f)) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** What is wrong with a written formula, in words; empty when nothing. */
function problemsOf(w: Written, checkLength = true): string[] {
  const out: string[] = [];
  const f = w.formula;
  if (!f.startsWith("=")) out.push("does not start with =");
  for (const fn of functionsCalled(f)) if (!allowedFunction(fn, CUSTOM_IDS)) out.push(`calls ${fn}, not in every host the manifest admits`);
  if (!balanced(f)) out.push("unbalanced parentheses or quotes");
  const limit = w.kind === "rule" ? bands.MAX_RULE_LENGTH : 8192;
  if (checkLength && f.length > limit) out.push(`${f.length} characters, over ${limit}`);
  // Number to text: & joins only "" to a register text column, shown and never parsed.
  if (withoutStrings(f).includes("&") && !TEXT_COLUMN.test(f)) out.push("joins text with &");
  for (const s of f.match(STRING) ?? []) if (/^"[-+]?[\d.,]+(E[-+]?\d+)?%?"$/i.test(s)) out.push(`passes the number ${s} as text`);
  if (w.kind === "rule") {
    if (/[[!]/.test(withoutStrings(f))) out.push("a structured or other-sheet reference in a rule");
    if (!bands.isOwnRule(f, w.id)) out.push("no marker of its KPI");
  }
  if (w.kind === "name") {
    if ((w.name ?? "").length > 255) out.push("a name over 255 characters");
    if ((w.comment ?? "").length > 255) out.push("a comment over 255 characters");
  }
  return out;
}

function failures(all: Written[], checkLength = true): string[] {
  return all.flatMap((w) => problemsOf(w, checkLength).map((p) => `${w.from}: ${p}: ${w.formula.slice(0, 160)}`));
}

describe("every formula KPI Lens writes", () => {
  it("finds every builder: each export of the formula modules is a builder or named as no builder", () => {
    const listed = new Set([...Object.keys(BUILDERS), ...Object.keys(NOT_BUILDERS)]);
    const exported = Object.entries(MODULES).flatMap(([m, exports]) =>
      Object.entries(exports)
        .filter(([, v]) => typeof v === "function")
        .map(([name]) => `${m}.${name}`),
    );
    expect(exported.filter((e) => !listed.has(e))).toEqual([]);
    expect([...listed].filter((l) => !exported.includes(l))).toEqual([]);
  });

  it("uses only Excel 2021's functions and the add-in's own, stays within Excel's limits, reads the same in every locale", () => {
    const all = [...written(BUILDERS), ...written(REFERENCE_NAMES)];
    expect(all.filter((w) => w.kind === "rule").length).toBeGreaterThan(500);
    expect(all.filter((w) => w.kind === "name").length).toBeGreaterThan(100);
    expect(failures(all)).toEqual([]);
  });

  it("keeps every rule within 255 characters for the longest ID it allows, whatever the numbers", () => {
    const rules = written(BUILDERS).filter((w) => w.kind === "rule" && w.id === LONG_ID);
    const longest = Math.max(...rules.map((w) => w.formula.length));
    expect(longest).toBeLessThanOrEqual(bands.MAX_RULE_LENGTH);
    // The longest rule is a "within" one of four 17- to 24-character numbers at XFD1048576.
    expect(rules.find((w) => w.formula.length === longest)!.formula).toMatch(/^=AND\(ISNUMBER\(XFD1048576\),ABS\(XFD1048576-/);
  });

  it("names the manifest's namespace and reads every custom function from its declaration", () => {
    expect(readFileSync(join(ROOT, "manifest.xml"), "utf8")).toContain(`<bt:String id="Functions.Namespace" DefaultValue="${CUSTOM_FUNCTION_NAMESPACE}"/>`);
    expect(CUSTOM_IDS).toEqual(expect.arrayContaining(["KPI_STATUS", "SIG_CHANGE", "SPC", "LEADLAG_CORR", "LEAD_FORECAST"]));
    expect(NEWER_THAN_EXCEL_2021.filter((f) => (EXCEL_FUNCTIONS as readonly string[]).includes(f))).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const bad = (formula: string, kind: Kind = "cell", id = "X") => problemsOf({ kind, formula, from: "test", id });

  it("refuse DROP, TAKE, VSTACK, LAMBDA and TEXT, and unknown KPI functions", () => {
    expect(bad("=KPI.SPC(DROP(KPI_X,3))")).toContain("calls DROP, not in every host the manifest admits");
    expect(bad("=SUM(TAKE(KPI_X,-3))").join()).toMatch(/TAKE/);
    expect(bad("=VSTACK(A1,LAMBDA(x,x)(1))").join()).toMatch(/VSTACK.*LAMBDA/);
    expect(bad('=KPI.KPI_STATUS(A1,B1,TEXT(C1,"0.########%"))').join()).toMatch(/TEXT/);
    expect(bad("=KPI.NOPE(A1)").join()).toMatch(/KPI\.NOPE/);
    expect(bad("=LET(x,INDEX(A1:A3,2),x)")).toEqual([]);
  });

  it("refuse numbers as text, joins, long rules, rules without a marker or with references Excel refuses there", () => {
    expect(bad('=KPI.KPI_STATUS(A1,B1,"12.5%")').join()).toMatch(/passes the number/);
    expect(bad('=A1&"%"').join()).toMatch(/joins text/);
    expect(bad(`=AND(A1>1,N("kpilens:X:on")=0${"+0".repeat(120)})`, "rule").join()).toMatch(/over 255/);
    expect(bad("=AND(A1>1)", "rule").join()).toMatch(/no marker/);
    expect(bad('=AND(Sheet2!A1>1,N("kpilens:X:on")=0)', "rule").join()).toMatch(/other-sheet/);
    expect(bad("=ABS((A1)").join()).toMatch(/unbalanced/);
    expect(bad('=INDEX(KPI_Register[Owner],MATCH("X",KPI_Register[ID],0))&""')).toEqual([]);
  });
});
