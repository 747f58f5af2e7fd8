/**
 * The formulas behind a segmented KPI's card (core/excel/segmentFormulas.ts), offered by the
 * insert-formula menu (portfolio.ts formulaChoices), evaluated in the stand-in on the sample's
 * regions with the KPI tagged through the workbook layer: KPI.FUNNEL's table and curve of the
 * card's period equal the card's funnel (segmentView.ts), and KPI_STATUS of each segment the
 * card's small multiples. Only functions of every host the manifest admits.
 */
import { formulaChoices, summariesOf } from "../../src/core/model/portfolio";
import { latestFunnel, segmentCards } from "../../src/core/model/segmentView";
import { STATUS_LABEL } from "../../src/core/model/status";
import { allowedFunction, functionsCalled } from "../../src/core/excel/hostFunctions";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { FormulaErrorValue } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { kpiInput, sampleSetup } from "../support/workbench";
import { regionsConversion } from "../support/regionsConversion";

async function settled(model: WorkbookModel, sheet: string, row: number, col: number): Promise<unknown> {
  for (let i = 0; i < 300; i++) {
    const v = model.valueAt(model.findSheet(sheet)!, row, col);
    if (!(v instanceof FormulaErrorValue && v.code === "#BUSY!")) return v instanceof FormulaErrorValue ? v.code : v;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return "#BUSY!";
}

async function tagged(input: KpiInput, address: string) {
  const s = sampleSetup();
  s.model.functions = kpiFunctions();
  await s.workbook.tag(input, address, "SEG");
  const { register, series } = await s.workbook.refresh();
  const kpi = register.kpis[0];
  const record = Object.fromEntries(series.map((x) => [x.id, x]));
  const choices = formulaChoices(kpi, record, summariesOf(register.kpis, record), []);
  const check = s.model.addSheet("Check");
  return { ...s, kpi, data: (series[0] as SegmentSeries).segments!, choices, check };
}

describe("a segmented KPI's formulas, in cells", () => {
  it("KPI.FUNNEL's table and curve of the card's month are the card's funnel, and each region's status its small multiple's", async () => {
    const { model, kpi, data, choices, check } = await tagged(regionsConversion({ firstPeriod: "2023-01" }), "'Regions'!A2:E38");
    expect(choices.map((c) => c.label)).toEqual([
      "Funnel of 2025-12 across segments (KPI.FUNNEL table: rate, z, limits, flag)",
      "Funnel of 2025-12: its lines for a chart (KPI.FUNNEL curve)",
      "Status of each segment in 2025-12",
    ]);
    for (const c of choices) for (const f of functionsCalled(c.formula)) expect([f, allowedFunction(f, ["FUNNEL", "KPI_STATUS"])]).toEqual([f, true]);
    choices.forEach((c, i) => model.writeFormula(check, i * 60, 0, c.formula));
    const funnel = latestFunnel(kpi, data);
    if (!funnel.ok) throw new Error(funnel.problem);
    expect(await settled(model, "Check", 0, 0)).toBe("rate");
    for (const [j, p] of funnel.funnel.points.entries()) {
      const row = [...Array(7).keys()].map((c) => model.valueAt(check, 1 + j, c));
      [p.rate, p.z, p.limits.lower95, p.limits.upper95, p.limits.lower998, p.limits.upper998].forEach((want, i) => expect(row[i]).toBeCloseTo(want, 12));
      expect(row[6]).toBe(p.flag);
    }
    expect(funnel.funnel.points.map((p) => p.flag)).toEqual(["Within", "Within", "Within", "Below 99.8%"]);
    // The curve: header, 50 sizes from the smallest region's visits to the largest's.
    expect(await settled(model, "Check", 60, 0)).toBe("n");
    const first = funnel.funnel.curve[0];
    const last = funnel.funnel.curve[49];
    expect([1, 2, 3, 4].map((c) => model.valueAt(check, 61, c))).toEqual(
      [first.lower95, first.upper95, first.lower998, first.upper998].map((v) => expect.closeTo(v, 12)),
    );
    expect(model.valueAt(check, 110, 0)).toBeCloseTo(last.n, 9);
    // Each region's status in December 2025 against its own target.
    await settled(model, "Check", 120, 0);
    const statuses = segmentCards(kpi, data).map((c) => (c.summary.status ? STATUS_LABEL[c.summary.status] : null));
    expect([0, 1, 2, 3].map((c) => model.valueAt(check, 120, c))).toEqual(statuses);
    expect(statuses[3]).toBe("Off track");
  });

  it("a block of counts with one target offers each segment's status, no funnel", async () => {
    const { model, kpi, data, choices, check } = await tagged(
      kpiInput({ name: "Orders by region", target: 400, atRisk: 300, firstPeriod: "2023-01", segments: "columns" }),
      "'Regions'!B3:E38",
    );
    expect(choices.map((c) => c.label)).toEqual(["Status of each segment in 2025-12"]);
    model.writeFormula(check, 0, 0, choices[0].formula);
    await settled(model, "Check", 0, 0);
    expect([0, 1, 2, 3].map((c) => model.valueAt(check, 0, c))).toEqual(segmentCards(kpi, data).map((c) => STATUS_LABEL[c.summary.status!]));
  });
});
