/** A rate KPI's chart formula: KPI.SPC with the card's chart and KPIDenom_<ID>, in FUNCTIONS.md's argument order. */
import { chartedDenominators, ratesArgument, spcRateFormula } from "../../../src/core/excel/rateFormulas";
import { changeFormula, statusFormula } from "../../../src/core/excel/formulas";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";

const TARGET = 'INDEX(KPI_Register[Target],MATCH("CONV",KPI_Register[ID],0))';
const conversion = {
  ...FIELD_DEFAULTS,
  id: "CONV",
  source: "'Web shop'!$C$2:$C$37",
  spcFrom: null,
  target: 0.031,
  targetRange: "",
  direction: "higher",
  denominatorRange: "'Web shop'!$B$2:$B$37",
  ratePer: null,
} as KpiDefinition & { denominatorRange: string; ratePer: number | null };

describe("KPI.SPC's rate chart as the pane offers it", () => {
  it("values, target, direction, baseline, output, chart, denominators: FUNCTIONS.md's order", () => {
    expect(spcRateFormula(conversion, "p'", null)).toBe(`=KPI.SPC(KPI_CONV,${TARGET},"higher",,"detail","p'",KPIDenom_CONV)`);
    expect(spcRateFormula(conversion, "p", 12, "limits")).toBe(`=KPI.SPC(KPI_CONV,${TARGET},"higher",12,"limits","p",KPIDenom_CONV)`);
  });

  it("a rate per N passes its target over N (KPI.SPC works per unit); within is neutral", () => {
    expect(spcRateFormula({ ...conversion, ratePer: 1000, target: 31, direction: "lower" }, "u'", null)).toBe(
      `=KPI.SPC(KPI_CONV,${TARGET}/1000,"lower",,"detail","u'",KPIDenom_CONV)`,
    );
    expect(spcRateFormula({ ...conversion, direction: "within" }, "p", null)).toContain('"neutral"');
  });

  it("a target per period gives the latest period's, as the XmR formula does", () => {
    const perPeriod: typeof conversion = { ...conversion, target: null, targetRange: "Plan!$B$2:$B$37" };
    expect(spcRateFormula(perPeriod, "p", null)).toBe(
      `=KPI.SPC(KPI_CONV,INDEX(KPITarget_CONV,MATCH(9.99E+307,KPI_CONV)),"higher",,"detail","p",KPIDenom_CONV)`,
    );
  });

  it("charts the denominators from the Chart from period, as the values, and turns a row of them to a column of values", () => {
    const from13 = { ...conversion, spcFrom: 13 };
    expect(chartedDenominators(from13)).toBe("INDEX(KPIDenom_CONV,13):INDEX(KPIDenom_CONV,ROWS(KPIDenom_CONV))");
    expect(spcRateFormula(from13, "p'", null)).toBe(
      `=KPI.SPC(INDEX(KPI_CONV,13):INDEX(KPI_CONV,ROWS(KPI_CONV)),${TARGET},"higher",,"detail","p'",INDEX(KPIDenom_CONV,13):INDEX(KPIDenom_CONV,ROWS(KPIDenom_CONV)))`,
    );
    const row = { ...from13, denominatorRange: "Traffic!$C$3:$AL$3" };
    expect(chartedDenominators(row)).toBe("TRANSPOSE(INDEX(KPIDenom_CONV,1,13):INDEX(KPIDenom_CONV,1,COLUMNS(KPIDenom_CONV)))");
    expect(chartedDenominators({ ...row, source: "Plan!$C$5:$AL$5" })).toBe("INDEX(KPIDenom_CONV,1,13):INDEX(KPIDenom_CONV,1,COLUMNS(KPIDenom_CONV))");
  });
});

describe("a rate KPI's status and change formulas judge its rates", () => {
  it('every period\'s rate, "" (a gap) where KPI.SPC skips the period; × N for a rate per N; a row of denominators turned', () => {
    expect(ratesArgument(conversion)).toBe('IF(ISNUMBER(KPI_CONV)*ISNUMBER(KPIDenom_CONV)*(KPIDenom_CONV>0),KPI_CONV/KPIDenom_CONV,"")');
    expect(ratesArgument({ ...conversion, ratePer: 1000, denominatorRange: "Traffic!$C$3:$AL$3" })).toBe(
      'IF(ISNUMBER(KPI_CONV)*ISNUMBER(TRANSPOSE(KPIDenom_CONV))*(TRANSPOSE(KPIDenom_CONV)>0),KPI_CONV/TRANSPOSE(KPIDenom_CONV)*1000,"")',
    );
    const k = { ...conversion, atRisk: null, atRiskPercent: 5 } as KpiDefinition;
    expect(statusFormula(k, false, ratesArgument(k))).toMatch(/^=KPI\.KPI_STATUS\(IF\(ISNUMBER\(KPI_CONV\).*,""\),INDEX\(KPI_Register\[Target\]/);
    expect(changeFormula(k, ratesArgument(k))).toBe(`=KPI.SIG_CHANGE(${ratesArgument(k)},1,0.05,"xmr","detail")`);
  });
});
