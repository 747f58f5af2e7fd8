/**
 * The colours of a KPI with a target per period, as bandFormats.ts builds them: a KPIBand_<ID>
 * name that computes every period's band, and three short rules that read it. The stand-in's
 * engine (fast-formula-parser) resolves a name only to cells and does no array arithmetic, so
 * these rules are evaluated here in HyperFormula (a development dependency with Excel's array
 * semantics), cell by cell as Excel applies a rule written for the top-left cell; each colour
 * must be KPI_STATUS's status, and the legacy long rules must colour the same.
 */
import { HyperFormula } from "hyperformula";
import { kpiStatus } from "../support/functions";
import { shiftFormula } from "../../src/workbench/excel/formula";
import { BandRule, bandFormats, BandSpec } from "../../src/workbook/bandFormats";
import { recoverFromBandName } from "../../src/workbook/recover";
import { Status } from "../../src/core/model/status";

const VALUES: (number | string | null)[] = [100, 95, 89, null, "n/a", 120, 101, 80, 110, 99.5, -5, 100];
const TARGETS: (number | null)[] = [100, 100, 100, 100, 100, 100, null, 90, 100, 100, -4, 0];
const LABEL: Record<string, Status> = { "On track": "on", "At risk": "risk", "Off track": "off" };

interface Layout {
  /** The values run down column B (B2:B13) or across row 2 (B2:M2). */
  vertical: boolean;
  /** The targets run the other way. */
  crosswise: boolean;
}

function sheets({ vertical, crosswise }: Layout) {
  const down = (xs: unknown[]) => [[null], ...xs.map((x) => [null, x])];
  const across = (xs: unknown[]) => [[], [null, ...xs]];
  const targetDown = vertical !== crosswise;
  return {
    data: vertical ? down(VALUES) : across(VALUES),
    budget: targetDown ? down(TARGETS) : across(TARGETS),
    values: vertical ? "=Data!$B$2:$B$13" : "=Data!$B$2:$M$2",
    targets: targetDown ? "=Budget!$B$2:$B$13" : "=Budget!$B$2:$M$2",
    targetRange: targetDown ? "Budget!$B$2:$B$13" : "Budget!$B$2:$M$2",
  };
}

/** The band each period shows: the first of the three rules that holds there, as Excel applies them. */
function colours(
  layout: Layout,
  spec: BandSpec,
  rulesOf: (targetRange: string) => { rules: BandRule[]; names: { name: string; formula: string }[] },
): (Status | null)[] {
  const s = sheets(layout);
  const hf = HyperFormula.buildFromSheets({ Data: s.data as never, Budget: s.budget as never }, { licenseKey: "gpl-v3", useArrayArithmetic: true });
  hf.addNamedExpression(`KPI_${spec.id}`, s.values);
  hf.addNamedExpression(`KPITarget_${spec.id}`, s.targets);
  const { rules, names } = rulesOf(s.targetRange);
  for (const n of names) hf.addNamedExpression(n.name, n.formula);
  const data = hf.getSheetId("Data")!;
  return VALUES.map((_, i) => {
    const holds = rules.find((r) => {
      const formula = shiftFormula(r.formula, layout.vertical ? i : 0, layout.vertical ? 0 : i);
      // In A1: HyperFormula 2's ROWS($B$2:B3) in a cell below row 1 is off by that row (-18 in
      // row 21), a bug of the engine, not of the rule; A1 is empty in both layouts.
      hf.setCellContents({ sheet: data, row: 0, col: 0 }, [[formula]]);
      return hf.getCellValue({ sheet: data, row: 0, col: 0 }) === true;
    });
    return holds?.status ?? null;
  });
}

function expected(spec: BandSpec): (Status | null)[] {
  return VALUES.map((v, i) => {
    const status = kpiStatus([[v]], [[TARGETS[i]]], [[`${spec.atRiskPercent ?? 10}%`]], spec.direction)[0][0];
    return LABEL[status as string] ?? null;
  });
}

const LAYOUTS: Layout[] = [
  { vertical: true, crosswise: true },
  { vertical: true, crosswise: false },
  { vertical: false, crosswise: true },
  { vertical: false, crosswise: false },
];

describe("a target per period: KPIBand_<ID> and rules that read it", () => {
  for (const direction of ["higher", "lower", "within"] as const) {
    for (const atRiskPercent of [10, 12.5, null]) {
      it(`colours each period as KPI_STATUS says, ${direction} is better, at risk ${atRiskPercent ?? "by default"}`, () => {
        const spec: BandSpec = { id: "REVENUE", target: null, atRisk: null, atRiskPercent, direction };
        const want = expected(spec);
        expect(new Set(want)).toEqual(new Set(["on", "risk", "off", null]));
        for (const layout of LAYOUTS) {
          const topLeft = "B2";
          expect(colours(layout, spec, (targetRange) => bandFormats({ ...spec, targetRange }, topLeft, layout.vertical))).toEqual(want);
        }
      });
    }
  }

  it("gives one name per KPI with a comment, rules of its marker, and no name for one target", () => {
    const spec: BandSpec = { id: "REVENUE", target: null, atRisk: null, atRiskPercent: 10, direction: "higher" };
    const { rules, names } = bandFormats({ ...spec, targetRange: "Budget!$B$2:$AK$2" }, "B2", true);
    expect(rules.map((r) => r.formula)).toEqual([
      '=AND(INDEX(KPIBand_REVENUE,ROWS($B$2:B2))=1,N("kpilens:REVENUE:on")=0)',
      '=AND(INDEX(KPIBand_REVENUE,ROWS($B$2:B2))=2,N("kpilens:REVENUE:risk")=0)',
      '=AND(INDEX(KPIBand_REVENUE,ROWS($B$2:B2))=3,N("kpilens:REVENUE:off")=0)',
    ]);
    expect(names).toEqual([
      {
        name: "KPIBand_REVENUE",
        formula:
          "=IF(ISNUMBER(KPI_REVENUE)*ISNUMBER(TRANSPOSE(KPITarget_REVENUE)),IF(KPI_REVENUE>=TRANSPOSE(KPITarget_REVENUE),1,IF(KPI_REVENUE>=TRANSPOSE(KPITarget_REVENUE)-ABS(TRANSPOSE(KPITarget_REVENUE))*0.1,2,3)),0)",
        comment: "KPI Lens: the band of each period of KPI_REVENUE (1 On track, 2 At risk, 3 Off track, 0 none), for its colours.",
      },
    ]);
    const one = bandFormats({ ...spec, target: 1300, atRisk: 1250, atRiskPercent: null }, "B2", true);
    expect(one.names).toEqual([]);
    expect(one.rules.map((r) => r.formula)).toEqual([
      '=AND(ISNUMBER(B2),B2>=1300,N("kpilens:REVENUE:on")=0)',
      '=AND(ISNUMBER(B2),B2<1300,B2>=1250,N("kpilens:REVENUE:risk")=0)',
      '=AND(ISNUMBER(B2),B2<1250,N("kpilens:REVENUE:off")=0)',
    ]);
  });

  it("lets a KPI be rebuilt from its band name: direction and At risk percentage", () => {
    for (const direction of ["higher", "lower", "within"] as const) {
      for (const atRiskPercent of [10, 12.5, 0.5, null]) {
        for (const targetRange of ["Budget!$B$2:$AK$2", "Budget!$B$2:$B$37"]) {
          const [name] = bandFormats({ id: "X_1", target: null, atRisk: null, atRiskPercent, direction, targetRange }, "C5", true).names;
          expect(recoverFromBandName(name.formula)).toEqual({ direction, atRiskPercent: atRiskPercent ?? 10 });
        }
      }
    }
    expect(recoverFromBandName("=KPI_X*2")).toBeNull();
  });
});
