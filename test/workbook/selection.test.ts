/**
 * A whole column (C:C, or a click on the column header) or a whole row comes with its header
 * cell: the header names the KPI and its unit, and is never a period.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../../src/core/excel/a1";
import { dataAreaOf, headerParts, leadingArea } from "../../src/workbook/selection";
import { sampleSetup, syncsOf } from "../support/workbench";

function selecting(address: { sheet: string; row: number; col: number; rowCount: number; colCount: number }) {
  const s = sampleSetup();
  s.model.select(s.model.findSheet(address.sheet)!, address);
  return s;
}

describe("the selection the pane is offered", () => {
  it("leaves the header out of a whole column and offers it as the name and unit", async () => {
    const { workbook } = selecting({ sheet: "Monthly KPIs", row: 0, col: 1, rowCount: MAX_ROWS, colCount: 1 });
    const selection = await workbook.readSelection();
    expect(selection.usedAddress).toBe("'Monthly KPIs'!B1:B37");
    expect(selection.dataAddress).toBe("'Monthly KPIs'!B2:B37");
    expect(selection.header).toEqual({ text: "Revenue (k€)", name: "Revenue", unit: "k€" });
    expect(selection.numbers).toBe(36);
  });

  it("names the table column a selection covers, with its table's headers for the form's Segment column", async () => {
    // The sample's Power Query table OrdersByRegion: Month | Region | Orders | Visits, its Orders body C2:C49.
    const { workbook } = selecting({ sheet: "Orders by region", row: 1, col: 2, rowCount: 48, colCount: 1 });
    const selection = await workbook.readSelection();
    expect(selection.tableColumn).toEqual({ table: "OrdersByRegion", column: "Orders", headers: ["Month", "Region", "Orders", "Visits"] });
  });

  it("does the same for a whole row (a budget line with its label)", async () => {
    const { workbook } = selecting({ sheet: "Budget", row: 1, col: 0, rowCount: 1, colCount: MAX_COLUMNS });
    const selection = await workbook.readSelection();
    expect(selection.dataAddress).toBe("Budget!B2:AK2");
    expect(selection.header).toEqual({ text: "Revenue (k€)", name: "Revenue", unit: "k€" });
  });

  it("leaves a selection of numbers only as it is, and still reads it in at most four syncs", async () => {
    const { workbook, model } = selecting({ sheet: "Monthly KPIs", row: 1, col: 2, rowCount: 36, colCount: 1 });
    const selection = await workbook.readSelection();
    expect(selection.dataAddress).toBe("'Monthly KPIs'!C2:C37");
    expect(selection.header).toBeNull();
    expect(await syncsOf(model, () => workbook.readSelection())).toBeLessThanOrEqual(4);
  });
});

describe("dataAreaOf: where the periods start", () => {
  const column = { row: 0, col: 2, rowCount: 40, colCount: 1 };

  it("drops a text header, and blank or title cells above it", () => {
    expect(dataAreaOf(column, ["Churn %", 3.1, 3.0])).toEqual({
      area: { ...column, row: 1, rowCount: 39 },
      header: { text: "Churn %", name: "Churn", unit: "%" },
    });
    expect(dataAreaOf(column, ["", "Sales report", "", "Revenue", 1200])).toEqual({
      area: { ...column, row: 4, rowCount: 36 },
      header: { text: "Revenue", name: "Revenue", unit: "" },
    });
  });

  it("never guesses a period away: blanks alone, an error value, numbers as text, or no number in sight keep the area whole", () => {
    expect(dataAreaOf(column, ["", 1200, 1300]).header).toBeNull();
    expect(dataAreaOf(column, ["#N/A", 1200, 1300]).area).toEqual(column);
    expect(dataAreaOf(column, ["1,200", 1300]).area).toEqual(column);
    expect(dataAreaOf(column, ["Notes", "see below", "", "", ""]).area).toEqual(column);
    expect(dataAreaOf({ row: 0, col: 0, rowCount: 5, colCount: 3 }, ["Month", 1]).area).toEqual({ row: 0, col: 0, rowCount: 5, colCount: 3 });
  });

  it("looks at a few leading cells only, along the series", () => {
    expect(leadingArea(column)).toEqual({ ...column, rowCount: 5 });
    expect(leadingArea({ row: 1, col: 0, rowCount: 1, colCount: 3 })).toEqual({ row: 1, col: 0, rowCount: 1, colCount: 3 });
  });

  it("splits a header into name and unit", () => {
    expect(headerParts("Cycle time (days)")).toEqual({ name: "Cycle time", unit: "days" });
    expect(headerParts("Revenue [EUR]")).toEqual({ name: "Revenue", unit: "EUR" });
    expect(headerParts("NPS")).toEqual({ name: "NPS", unit: "" });
    expect(headerParts("(k€)")).toEqual({ name: "(k€)", unit: "" });
  });
});
