/** The register's Materiality, Materiality % and Year starts in columns (issue 22, item 3). */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { kpiInput, sampleSetup } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";

function cell(model: WorkbookModel, header: string) {
  const t = model.findTable("KPI_Register")!;
  const sheet = model.sheetById(t.sheetId);
  const col = t.area.col + t.columns.indexOf(header);
  return { value: model.valueAt(sheet, t.area.row + 1, col), format: model.cellAt(sheet, t.area.row + 1, col)?.numberFormat, sheet, row: t.area.row + 1, col };
}

describe("materiality and the financial year in the register", () => {
  it("are written as KPI.VARIANCE reads them (the percentage as text) and read back", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ materiality: 50, materialityPercent: 5, yearStart: 4 }), REVENUE, "REVENUE");
    expect(cell(model, "Materiality").value).toBe(50);
    expect(cell(model, "Materiality %")).toMatchObject({ value: "5%", format: "@" });
    expect(cell(model, "Year starts in").value).toBe(4);
    const [k] = (await workbook.readRegister()).kpis;
    expect([k.materiality, k.materialityPercent, k.yearStart]).toEqual([50, 5, 4]);
  });

  it("default to none and a calendar year, with empty cells", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    expect(["Materiality", "Materiality %", "Year starts in"].map((h) => cell(model, h).value)).toEqual(["", "", ""]);
    const [k] = (await workbook.readRegister()).kpis;
    expect([k.materiality, k.materialityPercent, k.yearStart]).toEqual([null, null, 1]);
  });

  it("report a percentage typed as a number, a negative and a month that is none, instead of guessing", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const pct = cell(model, "Materiality %");
    model.setFormat(pct.sheet, pct.row, pct.col, { numberFormat: "0%" });
    model.writeValue(pct.sheet, pct.row, pct.col, 0.05);
    expect((await workbook.readRegister()).problems.map((p) => p.message)).toEqual([expect.stringMatching(/Materiality % stored as the number 0.05.*as text/)]);
    model.writeValue(pct.sheet, pct.row, pct.col, "");
    const year = cell(model, "Year starts in");
    model.writeValue(year.sheet, year.row, year.col, "Smarch");
    expect((await workbook.readRegister()).problems.map((p) => p.message)).toEqual([expect.stringMatching(/Year starts in "Smarch"/)]);
    model.writeValue(year.sheet, year.row, year.col, "April");
    expect((await workbook.readRegister()).kpis[0].yearStart).toBe(4);
  });

  it("are added to a register from before them only when a KPI needs them", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    const table = model.findTable("KPI_Register")!;
    // Materiality, Materiality %, Year starts in, and the columns after them (Denominator, Rate as, Perspective, Segments).
    for (let i = 0; i < 7; i++) model.removeTableColumnAtEnd(table);
    await workbook.update("REVENUE", kpiInput({ owner: "Lee Chan" }));
    expect(model.findTable("KPI_Register")!.columns).not.toContain("Materiality");
    await workbook.update("REVENUE", kpiInput({ owner: "Lee Chan", materialityPercent: 2.5 }));
    expect(model.findTable("KPI_Register")!.columns.slice(-1)).toEqual(["Materiality %"]);
    expect((await workbook.readRegister()).kpis[0].materialityPercent).toBe(2.5);
  });
});
