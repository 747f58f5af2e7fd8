/** The inserted formulas read the KPI's target and at-risk from its register row, not copies. */
import { registerCell, spcFormula, statusFormula } from "../../src/core/formulas";
import { KpiDefinition } from "../../src/core/kpi";

const revenue = { id: "REVENUE", target: 1300, targetRange: "", atRisk: 1250, atRiskPercent: null, direction: "higher" } as KpiDefinition;

describe("linked formulas", () => {
  it("KPI_STATUS reads Target and At risk by the KPI's ID, so sorting the register cannot mismatch them", () => {
    expect(statusFormula(revenue)).toBe(
      '=KPI.KPI_STATUS(KPI_REVENUE,INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)),INDEX(KPI_Register[At risk],MATCH("REVENUE",KPI_Register[ID],0)),"higher")',
    );
  });

  it("leaves At risk out when the register has none, so KPI_STATUS uses its default (an empty cell would be 0 on Windows/Mac)", () => {
    expect(statusFormula({ ...revenue, atRisk: null })).toContain("MATCH(\"REVENUE\",KPI_Register[ID],0)),,\"higher\")");
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
  it("drops the periods before it", () => {
    expect(spcFormula({ ...revenue, spcFrom: 13 } as KpiDefinition, 6)).toBe('=KPI.SPC(DROP(KPI_REVENUE,12),INDEX(KPI_Register[Target],MATCH("REVENUE",KPI_Register[ID],0)),"higher",6,"detail")');
  });
});
