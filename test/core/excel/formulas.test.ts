/** The inserted formulas read the KPI's target and at-risk from its register row, not copies. */
import { lastPeriods, percentBoundary, periodsFrom, registerCell, spcFormula, statusFormula } from "../../../src/core/excel/formulas";
import { SCORECARD_HEADERS, scorecardRow } from "../../../src/core/excel/scorecard";
import { KpiDefinition } from "../../../src/core/model/kpi";

const revenue = { id: "REVENUE", target: 1300, targetRange: "", atRisk: 1250, atRiskPercent: null, direction: "higher" } as KpiDefinition;

describe("linked formulas", () => {
  it("KPI_STATUS reads Target and At risk by the KPI's ID, so sorting the register cannot mismatch them", () => {
    expect(statusFormula(revenue)).toBe(
      '=KPI.KPI_STATUS(KPI_REVENUE,INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)),INDEX(KPI_Register[At risk],MATCH("REVENUE",KPI_Register[ID],0)),"higher")',
    );
  });

  it("leaves At risk out when the register has none, so KPI_STATUS uses its default (an empty cell would be 0 on Windows/Mac)", () => {
    expect(statusFormula({ ...revenue, atRisk: null })).toContain('MATCH("REVENUE",KPI_Register[ID],0)),,"higher")');
  });

  it("escapes a column name as structured references require", () => {
    expect(registerCell("X", "Odd [col]")).toBe("INDEX(KPI_Register[Odd '[col']],MATCH(\"X\",KPI_Register[ID],0))");
  });

  it("SPC's detail with the limits baseline when one is set", () => {
    expect(spcFormula(revenue, 12)).toBe('=KPI.SPC(KPI_REVENUE,INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)),"higher",12,"detail")');
    expect(spcFormula(revenue, null)).toContain('"higher",,"detail")');
  });
});

describe("the SPC formula from a known change", () => {
  it("charts from that period by reference (INDEX:INDEX; DROP is not in Excel 2021)", () => {
    expect(spcFormula({ ...revenue, source: "'Monthly KPIs'!$B$2:$B$37", spcFrom: 13 } as KpiDefinition, 6)).toBe(
      '=KPI.SPC(INDEX(KPI_REVENUE,13):INDEX(KPI_REVENUE,ROWS(KPI_REVENUE)),INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)),"higher",6,"detail")',
    );
  });

  it("takes the period as a column for a KPI in a row, and works it out in the formula when the source is unknown", () => {
    expect(spcFormula({ ...revenue, source: "Plan!C3:N3", spcFrom: 4 } as KpiDefinition, null)).toContain(
      "KPI.SPC(INDEX(KPI_REVENUE,1,4):INDEX(KPI_REVENUE,1,COLUMNS(KPI_REVENUE)),",
    );
    expect(spcFormula({ ...revenue, source: "", spcFrom: 4 } as KpiDefinition, null)).toContain(
      "KPI.SPC(INDEX(KPI_REVENUE,IF(COLUMNS(KPI_REVENUE)=1,4,1),IF(COLUMNS(KPI_REVENUE)=1,1,4)):INDEX(KPI_REVENUE,ROWS(KPI_REVENUE),COLUMNS(KPI_REVENUE)),",
    );
  });
});

describe("periods by reference, in both orientations (INDEX:INDEX evaluated by fast-formula-parser's own INDEX, which returns references)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const FormulaParser = require("fast-formula-parser");
  const column = [[1], [2], [null], [4], [5]];
  const row = [[1, 2, null, 4, 5]];
  const evaluate = (cells: unknown[][], formula: string) =>
    new FormulaParser({
      onCell: (r: { row: number; col: number }) => cells[r.row - 1]?.[r.col - 1] ?? null,
      onRange: (r: { from: { row: number; col: number }; to: { row: number; col: number } }) =>
        cells.slice(r.from.row - 1, r.to.row).map((line) => line.slice(r.from.col - 1, r.to.col)),
    }).parse(formula, { sheet: "S", row: 10, col: 10 });

  it("keeps the blank of the periods from the third, and takes the last two", () => {
    for (const [cells, range, way] of [
      [column, "A1:A5", "column"],
      [row, "A1:E1", "row"],
      [column, "A1:A5", null],
      [row, "A1:E1", null],
    ] as const) {
      const from3 = periodsFrom(range, "3", way);
      // Three cells, of which two numbers: the blank stays a cell of the reference.
      expect(evaluate(cells, `ROWS(${from3})*COLUMNS(${from3})`)).toBe(3);
      expect(evaluate(cells, `COUNT(${from3})`)).toBe(2);
      expect(evaluate(cells, `SUM(${periodsFrom(range, "3", way)})`)).toBe(9);
      expect(evaluate(cells, `SUM(${lastPeriods(range, 2, way)})`)).toBe(9);
      expect(evaluate(cells, `SUM(${lastPeriods(range, 1, way)})`)).toBe(5);
    }
  });
});

describe("a percentage At risk, as numbers in every locale", () => {
  it('passes the boundary target − |target|·share (+ for lower), not TEXT(share,"0.########%")', () => {
    const k = { ...revenue, atRisk: null, atRiskPercent: 12.5 } as KpiDefinition;
    const share = 'INDEX(KPI_Register[At risk],MATCH("REVENUE",KPI_Register[ID],0))';
    const target = 'INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0))';
    expect(statusFormula(k)).toBe(`=KPI.KPI_STATUS(KPI_REVENUE,${target},${target}-ABS(${target})*${share},"higher")`);
    expect(statusFormula({ ...k, direction: "lower" })).toContain(`,${target}+ABS(${target})*${share},"lower")`);
    expect(scorecardRow(k, 7, null)[SCORECARD_HEADERS.indexOf("Status")]).toBe(`=KPI.KPI_STATUS(D7,E7,E7-ABS(E7)*${share},"higher")`);
    expect(percentBoundary("E7", "0.125", "within")).toBe("E7-ABS(E7)*0.125");
  });
});
