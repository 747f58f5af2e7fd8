import { snapshot, WorkbookSnapshot } from "../../src/workbench/snapshot";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { kpiStatus, outlook, spc, variance } from "../support/functions";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { settledSheet, settledSnapshot } from "../support/settled";
import { sampleKpis } from "../support/sampleKpis";
import { SCORECARD_HEADERS } from "../../src/core/excel/scorecard";
import { SUMMARY_HEADERS } from "../../src/core/excel/scorecardSummary";
import { outlookFormula } from "../../src/core/excel/formulas";
import { monthEnd } from "../../src/core/model/monthEnd";

const twoKpis = () => sampleKpis({ conversion: false, firstPeriod: "" });

const others = (snap: WorkbookSnapshot) => snap.sheets.filter((x) => x.name !== "Scorecard");

describe("the Scorecard sheet", () => {
  it("holds an as-of line, a group per objective with its worst status, and a row of live formulas per KPI", async () => {
    const { model, workbook } = await twoKpis();
    const before = snapshot(model);
    const result = await workbook.buildScorecard();
    expect(result).toEqual({ sheet: "Scorecard", rows: 2, charts: 2, rebuilt: false, view: "restated", leftOut: [] });
    await settledSheet(model);
    const snap = snapshot(model);
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    expect(sheet.values[4]).toEqual([...SCORECARD_HEADERS]);
    expect(sheet.values[1].slice(0, 3)).toEqual(["As of", sheet.values[6][2], "Latest data"]);
    // Grow recurring revenue sorts before Keep customers; each heading shows its group's worst status.
    expect([sheet.values[5][0], sheet.values[5][7]]).toEqual(["Grow recurring revenue", sheet.values[6][7]]);
    expect([sheet.values[7][0], sheet.values[7][7]]).toEqual(["Keep customers", sheet.values[8][7]]);
    const churnValues = snap.sheets
      .find((x) => x.name === "Monthly KPIs")!
      .values.slice(1, 37)
      .map((r) => r[2]);
    expect(sheet.values[8].slice(0, 5)).toEqual(["Churn", "Dana Whitfield", 36, churnValues[35], 2.6]);
    const revenue = sheet.values[6];
    const budget = snap.sheets.find((x) => x.name === "Budget")!.values[1][36] as number;
    expect(revenue.slice(0, 2)).toEqual(["Revenue", "Dana Whitfield"]);
    expect([revenue[3], revenue[4]]).toEqual([1443.5, budget]);
    // Every number is the function's own answer on the same data.
    expect(revenue[5]).toBe(variance([[1443.5]], [[budget]], "higher", undefined, "variance")[0][0]);
    expect(revenue[6]).toBe(variance([[1443.5]], [[budget]], "higher", undefined, "percent")[0][0]);
    expect(revenue[7]).toBe(kpiStatus([[1443.5]], [[budget]], [[budget * 0.9]])[0][0]);
    const revenueValues = snap.sheets
      .find((x) => x.name === "Monthly KPIs")!
      .values.slice(1, 37)
      .map((r) => [r[1]]);
    expect(revenue[13]).toBe(spc(revenueValues, budget, "higher", undefined, "variation")[0][0]);
    expect(revenue[14]).toBe(spc(revenueValues, budget, "higher", undefined, "assurance")[0][0]);
    // Every cell of the as-of line, the headings and the rows is a formula.
    for (const r of [1, 5, 6, 7, 8])
      expect(
        sheet.formulas[r].filter((f) => f !== "" && f !== null && !["As of", "Latest data"].includes(String(f))).every((f) => String(f).startsWith("=")),
      ).toBe(true);
    expect(sheet.formulas[6].every((f) => String(f).startsWith("="))).toBe(true);
    expect(others(snap)).toEqual(before.sheets);
  });

  it("puts primary KPIs first within an objective, and writes the objective once", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.tag(
      kpiInput({ name: "Average deal", objective: "Grow recurring revenue", primary: false, target: 10, atRisk: 9 }),
      "'Monthly KPIs'!D2:D37",
      "DEAL",
    );
    await workbook.tag(kpiInput({ name: "ARR", objective: "Grow recurring revenue", target: 10, atRisk: 9 }), "'Monthly KPIs'!E2:E37", "ARR");
    await workbook.buildScorecard();
    const values = snapshot(model).sheets.find((x) => x.name === "Scorecard")!.values;
    expect(values.slice(5, 10).map((r) => r[0])).toEqual(["Grow recurring revenue", "ARR", "Revenue", "Average deal", "Keep customers"]);
  });

  it("carries the status colours as its own conditional formats, and charts each KPI with its budget and period labels", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    await settledSheet(model);
    const snap = snapshot(model);
    const rules = snap.conditionalFormats.filter((f) => f.sheet === "Scorecard");
    // The status bands on the table's Status and the summary's; the variation and assurance words coloured as their icons.
    expect(rules.map((f) => `${f.address} ${f.rule}`).sort()).toEqual([
      'Scorecard!E13:E14 =AND(E13="At risk",N("kpilens:~scorecard:risk")=0)',
      'Scorecard!E13:E14 =AND(E13="Off track",N("kpilens:~scorecard:off")=0)',
      'Scorecard!E13:E14 =AND(E13="On track",N("kpilens:~scorecard:on")=0)',
      'Scorecard!F13:G14 =AND((F13="Special cause concern")+(F13="Consistently fails")>0,N("kpilens:~scorecard:concern")=0)',
      'Scorecard!F13:G14 =AND((F13="Special cause improvement")+(F13="Consistently passes")>0,N("kpilens:~scorecard:improvement")=0)',
      'Scorecard!H6:H9 =AND(H6="At risk",N("kpilens:~scorecard:risk")=0)',
      'Scorecard!H6:H9 =AND(H6="Off track",N("kpilens:~scorecard:off")=0)',
      'Scorecard!H6:H9 =AND(H6="On track",N("kpilens:~scorecard:on")=0)',
      'Scorecard!N6:O9 =AND((N6="Special cause concern")+(N6="Consistently fails")>0,N("kpilens:~scorecard:concern")=0)',
      'Scorecard!N6:O9 =AND((N6="Special cause improvement")+(N6="Consistently passes")>0,N("kpilens:~scorecard:improvement")=0)',
    ]);
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    const fillOf = (status: unknown) => ({ "On track": "#C6EFCE", "At risk": "#FFEB9C", "Off track": "#FFC7CE" })[String(status)] ?? null;
    for (const r of [5, 6, 7, 8]) expect(sheet.fills[r][7]).toBe(fillOf(sheet.values[r][7]));
    for (const r of [12, 13]) expect(sheet.fills[r][4]).toBe(fillOf(sheet.values[r][4]));
    const iconFill = (words: unknown) =>
      ({ "Special cause improvement": "#DDEBF7", "Consistently passes": "#DDEBF7", "Special cause concern": "#FCE4D6", "Consistently fails": "#FCE4D6" })[
        String(words)
      ] ?? null;
    for (const [r, c] of [
      [6, 13],
      [6, 14],
      [8, 13],
      [8, 14],
      [12, 5],
      [12, 6],
      [13, 5],
      [13, 6],
    ])
      expect(sheet.fills[r][c]).toBe(iconFill(sheet.values[r][c]));
    expect(snap.charts.map((c) => ({ name: c.name, title: c.title, position: c.position, series: c.series.map((x) => [x.name, x.values]) }))).toEqual([
      {
        name: "KPILens REVENUE",
        title: "Revenue",
        position: "A16:D26",
        series: [
          ["Actual", "'Monthly KPIs'!B2:B37"],
          ["Budget", "Budget!B2:AK2"],
        ],
      },
      { name: "KPILens CHURN", title: "Churn", position: "E16:H26", series: [["Actual", "'Monthly KPIs'!C2:C37"]] },
    ]);
    expect(model.findSheet("Scorecard")!.page).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printArea: { row: 0, col: 0, rowCount: 27, colCount: 19 },
    });
  });

  it("labels the periods of a KPI with a First period, as live dates", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.update(
      "REVENUE",
      kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, firstPeriod: "2023-01" } as never),
    );
    await workbook.buildScorecard();
    const snap = snapshot(model);
    const labels = snap.charts[0].series[0].xValues!;
    expect(labels).toBe("Scorecard!A29:A64");
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    expect(sheet.formulas[28][0]).toBe("=DATE(2023,1+(1-1),1)");
    expect(sheet.values[63][0]).toBe(sheet.values[6][2]); // the last label is the latest period, Dec 2025
    expect(sheet.values[1][1]).toBe(sheet.values[6][2]);
  });

  it("follows the register: a new target shows without a rebuild", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    await workbook.update("CHURN", kpiInput({ name: "Churn", objective: "Keep customers", direction: "lower", target: 2.2, atRisk: 2.5 }));
    await settledSheet(model);
    const snap = snapshot(model);
    const row = snap.sheets.find((x) => x.name === "Scorecard")!.values[8];
    const latest = snap.sheets.find((x) => x.name === "Monthly KPIs")!.values[36][2];
    expect(row[4]).toBe(2.2);
    expect(row[7]).toBe(kpiStatus([[latest]], [[2.2]], [[2.5]], "lower")[0][0]);
    expect(row[7]).not.toBe(kpiStatus([[latest]], [[2.6]], [[2.9]], "lower")[0][0]);
  });

  it("rebuilds in place, without duplicating rows or charts, after KPIs come and go", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    await workbook.untag("CHURN");
    await workbook.buildScorecard();
    const first = await settledSnapshot(model);
    const result = await workbook.buildScorecard();
    expect(result.rebuilt).toBe(true);
    const snap = await settledSnapshot(model);
    expect(snap.sheets.filter((x) => x.name === "Scorecard")).toHaveLength(1);
    expect(snap.charts.map((c) => c.name)).toEqual(["KPILens REVENUE"]);
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    // Title, as of, note, view, headers, the objective, one KPI, a blank row, the summary of one KPI; nothing of Churn's.
    expect(sheet.values[7].every((v) => v === "" || v === null)).toBe(true);
    expect(sheet.values[9].slice(0, 9)).toEqual([...SUMMARY_HEADERS]);
    expect(sheet.values[10][0]).toBe("Revenue");
    expect(
      sheet.values
        .slice(11)
        .flat()
        .every((v) => v === "" || v === null),
    ).toBe(true);
    expect(
      snap.conditionalFormats
        .filter((f) => f.sheet === "Scorecard")
        .map((f) => f.address)
        .sort(),
    ).toEqual([
      ...Array(3).fill("Scorecard!E11"),
      ...Array(2).fill("Scorecard!F11:G11"),
      ...Array(3).fill("Scorecard!H6:H7"),
      ...Array(2).fill("Scorecard!N6:O7"),
    ]);
    expect(snap.sheets).toEqual(first.sheets);
  });

  it("keeps a renamed scorecard as ours, and never takes over a sheet the user named Scorecard", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    model.renameSheet(model.findSheet("Scorecard")!, "Board pack");
    expect((await workbook.buildScorecard()).sheet).toBe("Board pack");

    const other = await twoKpis();
    other.model.writeValue(other.model.addSheet("Scorecard"), 0, 0, "my own scorecard");
    const before = snapshot(other.model);
    await expect(other.workbook.buildScorecard()).rejects.toThrow(/not made by KPI Lens/);
    expect(snapshot(other.model)).toEqual(before);
  });

  it("puts the old scorecard back when Excel refuses the rebuild", async () => {
    const probe = await twoKpis();
    await probe.workbook.buildScorecard();
    const n = await syncsOf(probe.model, () => probe.workbook.buildScorecard());
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    const start = model.syncCount;
    let before: WorkbookSnapshot | null = null;
    model.beforeSync = () => {
      if (model.syncCount === start + n) {
        before = snapshot(model);
        model.findSheet("Scorecard")!.protected = true;
      }
    };
    await expect(workbook.buildScorecard()).rejects.toThrow(/Excel refused to rebuild the scorecard/);
    model.beforeSync = null;
    model.findSheet("Scorecard")!.protected = false;
    // What was written: every cell's formula, the rules and the charts (values and fills follow
    // once the functions settle, and a loaded machine may catch them between #BUSY! and a result).
    const written = (snap: WorkbookSnapshot) => ({
      formulas: snap.sheets.map((x) => [x.name, x.formulas]),
      rules: snap.conditionalFormats.map((f) => [f.address, f.rule, f.fill]),
      charts: snap.charts,
    });
    expect(written(snapshot(model))).toEqual(written(before!));
    await settledSheet(model);
    const fills = snapshot(model).sheets.find((x) => x.name === "Scorecard")!;
    const fillOf = (status: unknown) => ({ "On track": "#C6EFCE", "At risk": "#FFEB9C", "Off track": "#FFC7CE" })[String(status)] ?? null;
    for (const r of [5, 6, 7, 8]) expect(fills.fills[r][7]).toBe(fillOf(fills.values[r][7]));
  });
  it("rebuilds in place keeping a user's cell, formula and colour beside the block", async () => {
    const { model, workbook } = await twoKpis();
    await workbook.buildScorecard();
    const sheet = model.findSheet("Scorecard")!;
    // Column T: right of the block (A:S).
    model.writeValue(sheet, 6, 19, "ask Dana about March");
    model.writeFormula(sheet, 7, 19, "=D7*2");
    const own = model.addConditionalFormat(sheet, { row: 6, col: 19, rowCount: 2, colCount: 1 }, "Custom");
    Object.assign(own, { formula: '=T7<>""', fill: "#DDEBF7" });
    expect((await workbook.buildScorecard()).rebuilt).toBe(true);
    const snap = snapshot(model);
    const after = snap.sheets.find((x) => x.name === "Scorecard")!;
    expect([after.values[6][19], after.formulas[7][19], after.values[7][19]]).toEqual(["ask Dana about March", "=D7*2", 2887]);
    const rules = snap.conditionalFormats.filter((f) => f.sheet === "Scorecard");
    expect(rules.filter((f) => f.address === "Scorecard!T7:T8").map((f) => f.rule)).toEqual(['=T7<>""']);
    expect(rules.filter((f) => f.rule.includes("~scorecard"))).toHaveLength(10);
    expect(snap.charts).toHaveLength(2);
  });

  it("never overwrites what a co-author types into its new cells between its read and its write", async () => {
    const grow = async (s: Awaited<ReturnType<typeof twoKpis>>) => {
      await s.workbook.untag("CHURN");
      await s.workbook.buildScorecard();
      await s.workbook.tag(
        kpiInput({ name: "Churn", objective: "Keep customers", direction: "lower", target: 2.6, atRisk: 2.9 }),
        "'Monthly KPIs'!C2:C37",
        "CHURN",
      );
    };
    const probe = await twoKpis();
    await grow(probe);
    const n = await syncsOf(probe.model, () => probe.workbook.buildScorecard());
    const { model, workbook } = await twoKpis();
    await grow({ model, workbook } as Awaited<ReturnType<typeof twoKpis>>);
    const before = snapshot(model);
    const start = model.syncCount;
    model.beforeSync = () => {
      // Right before the write: row 26 is below the old block (one KPI: A1:S24) and in the new one (two: A1:S27).
      if (model.syncCount === start + n) model.writeValue(model.findSheet("Scorecard")!, 25, 3, "co-author's figure");
    };
    await expect(workbook.buildScorecard()).rejects.toThrow(/some of those cells are yours/);
    model.beforeSync = null;
    const snap = snapshot(model);
    const sheet = snap.sheets.find((x) => x.name === "Scorecard")!;
    expect(sheet.values[25][3]).toBe("co-author's figure");
    const was = before.sheets.find((x) => x.name === "Scorecard")!;
    expect(sheet.formulas.slice(0, 7)).toEqual(was.formulas.slice(0, 7));
    expect(snap.charts).toEqual(before.charts);
    expect(snap.conditionalFormats.filter((f) => f.sheet === "Scorecard").map((f) => [f.address, f.rule])).toEqual(
      before.conditionalFormats.filter((f) => f.sheet === "Scorecard").map((f) => [f.address, f.rule]),
    );
  });
});

/** The values Excel on the web passes for a sheet's cells (a blank as null), 0-based, inclusive. */
function cellsOf(model: WorkbookModel, sheetName: string, rows: [number, number], cols: [number, number]): unknown[][] {
  const sheet = model.findSheet(sheetName)!;
  const out: unknown[][] = [];
  for (let r = rows[0]; r <= rows[1]; r++) {
    const line: unknown[] = [];
    for (let c = cols[0]; c <= cols[1]; c++) {
      const v = model.valueAt(sheet, r, c);
      line.push(v === "" ? null : v);
    }
    out.push(line);
  }
  return out;
}

/** A Scorecard row once asynchronous functions have settled (Excel shows #BUSY! meanwhile, then the result). */
async function settledRow(model: WorkbookModel, row: number): Promise<unknown[]> {
  return (await settledSheet(model))[row];
}

describe("the Scorecard sheet's year to date and outlook", () => {
  // Reference results: KPI.VARIANCE and KPI.OUTLOOK called on the cells their formulas' ranges
  // cover. INDEX(r,i):INDEX(r,n) and OFFSET(INDEX(r,i),0,0,12,1) are references in Excel
  // ("INDEX function", "OFFSET function", support.microsoft.com), so the functions get those
  // cells, an open period past the tagged range blank (null on the web).
  it("gives KPI.VARIANCE's total from the year's start to the latest period and KPI.OUTLOOK of the whole year", async () => {
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    // A financial year from April: the latest period, Dec 2025 (position 36), is the year's 9th (Apr = 28).
    const year = { firstPeriod: "2023-01", yearStart: 4, aggregation: "sum" } as const;
    // The budget for the rest of that year, Jan-Mar 2026, and the year tagged whole: its open
    // months blank below the data, its budget row to March (the year's budget is the row's own cells).
    [1640, 1655, 1670].forEach((v, i) => s.model.writeValue(s.model.findSheet("Budget")!, 1, 37 + i, v));
    ["Jan 2026", "Feb 2026", "Mar 2026"].forEach((m, i) => s.model.writeValue(s.model.findSheet("Monthly KPIs")!, 37 + i, 0, m));
    await s.workbook.tag(
      kpiInput({ target: null, targetRange: "Budget!B2:AN2", atRisk: null, atRiskPercent: 10, ...year }),
      "'Monthly KPIs'!B2:B40",
      "REVENUE",
    );
    await s.workbook.tag(
      kpiInput({ name: "Churn", objective: "Keep customers", direction: "lower", target: 2.6, atRisk: 2.9, firstPeriod: "2023-01", aggregation: "average" }),
      "'Monthly KPIs'!C2:C37",
      "CHURN",
    );
    await s.workbook.tag(
      kpiInput({ name: "Deals", objective: "Keep customers", target: 10, atRisk: 9, firstPeriod: "2023-01", aggregation: "last" }),
      "'Monthly KPIs'!D2:D37",
      "DEALS",
    );
    await s.workbook.buildScorecard();
    const { model } = s;
    const headers = snapshot(model).sheets.find((x) => x.name === "Scorecard")!.values[4];
    const at = (h: string) => headers.indexOf(h);

    // Revenue, sheet row 7: Apr-Dec 2025 against the budget row's same months, turned to a column.
    const revenue = await settledRow(model, 6);
    const actual = cellsOf(model, "Monthly KPIs", [28, 36], [1, 1]);
    const budget = cellsOf(model, "Budget", [1, 1], [28, 36]);
    const total = variance(
      actual,
      budget[0].map((b) => [b]),
      "higher",
      undefined,
      "total",
    );
    expect([revenue[at("YTD actual")], revenue[at("YTD budget")], revenue[at("YTD variance")]]).toEqual(total[1].slice(0, 3));
    // The year Apr 2025 - Mar 2026: three open months, tagged blank below the data, with their budget.
    const horizon = cellsOf(model, "Monthly KPIs", [28, 39], [1, 1]);
    expect(horizon.slice(9)).toEqual([[null], [null], [null]]);
    const table = outlook(horizon, cellsOf(model, "Budget", [1, 1], [28, 39]), "higher", "trend", "sum", 0.8, "table");
    expect([revenue[at("Year outlook")], revenue[at("Chance to meet")]]).toEqual([table[1][0], table[1][4]]);
    expect(typeof revenue[at("Year outlook")]).toBe("number");
    expect(cellsOf(model, "Budget", [1, 1], [37, 39])).toEqual([[1640, 1655, 1670]]);

    // Keep customers: Churn (lower, an average roll-up: no year to date), then Deals (the latest period alone).
    const values = snapshot(model).sheets.find((x) => x.name === "Scorecard")!.values;
    const churnRow = values.findIndex((r) => r[0] === "Churn");
    const dealsRow = values.findIndex((r) => r[0] === "Deals");
    const churn = await settledRow(model, churnRow);
    expect([churn[at("YTD actual")], churn[at("YTD budget")], churn[at("YTD variance")]]).toEqual(["", "", ""]);
    // A calendar year: Jan-Dec 2025 is positions 25-36, sheet rows 26-37.
    const churnYear = outlook(cellsOf(model, "Monthly KPIs", [25, 36], [2, 2]), [[2.6]], "lower", "trend", "average", 0.8, "table");
    expect([churn[at("Year outlook")], churn[at("Chance to meet")]]).toEqual([churnYear[1][0], churnYear[1][4]]);

    const deals = await settledRow(model, dealsRow);
    const latest = cellsOf(model, "Monthly KPIs", [36, 36], [3, 3]);
    expect([deals[at("YTD actual")], deals[at("YTD budget")], deals[at("YTD variance")]]).toEqual(
      variance(latest, [[10]], "higher", undefined, "total")[1].slice(0, 3),
    );
    const dealsYear = outlook(cellsOf(model, "Monthly KPIs", [25, 36], [3, 3]), [[10]], "higher", "trend", "last", 0.8, "table");
    expect([deals[at("Year outlook")], deals[at("Chance to meet")]]).toEqual([dealsYear[1][0], dealsYear[1][4]]);
    // No cell of the sheet shows an error Excel would not: the stand-in's gaps were #REF! and #ERROR!.
    const board = snapshot(model).sheets.find((x) => x.name === "Scorecard")!.values;
    expect(board.flatMap((r, i) => r.map((v, c) => [i, c, v]).filter(([, , v]) => typeof v === "string" && /^#(REF|ERROR|NAME|VALUE)/.test(v)))).toEqual([]);
  });

  it("counts a first part-year from the first period, and says the year began before it", async () => {
    // Apr-Dec 2023 with a calendar year: the year began in January, before the KPI's first period.
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    await s.workbook.tag(
      kpiInput({ name: "Leads", target: 200, atRisk: 190, firstPeriod: "2023-04", yearStart: 1, aggregation: "sum" }),
      "'Monthly KPIs'!D2:D10",
      "LEADS",
    );
    await s.workbook.buildScorecard();
    const row = await settledRow(s.model, 6);
    const leads = cellsOf(s.model, "Monthly KPIs", [1, 9], [3, 3]);
    const total = variance(
      leads,
      leads.map(() => [200]),
      "higher",
      undefined,
      "total",
    );
    expect(row.slice(8, 11)).toEqual(total[1].slice(0, 3));
    expect(row.slice(11, 13)).toEqual(["Year began before the first period", "No outlook for a part year"]);
  });

  it("says where the budget row stops when it ends before the year does, on the scorecard, the card and the offered formula", async () => {
    // A financial year from April: Apr 2025 - Mar 2026 are positions 28-39, and the budget row
    // (Budget!B2:AK2, as long as the values) stops at Dec 2025, the year's 9th month. KPI.OUTLOOK
    // wants a target for every period: INDEX of its one-cell #VALUE! was a bare #REF!.
    const s = sampleSetup();
    s.model.functions = kpiFunctions();
    const kpi = await s.workbook.tag(
      kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, firstPeriod: "2023-01", yearStart: 4, aggregation: "sum" }),
      "'Monthly KPIs'!B2:B37",
      "REVENUE",
    );
    // A figure right of the budget row is not the KPI's budget: the card does not read it, nor do the cells.
    s.model.writeValue(s.model.findSheet("Budget")!, 1, 37, 1640);
    await s.workbook.buildScorecard();
    const revenue = await settledRow(s.model, 6);
    expect(revenue.slice(11, 13)).toEqual(["Budget stops at month 9 of 12", "No budget for months 10-12"]);
    expect(revenue.slice(8, 11).every((v) => typeof v === "number")).toBe(true);
    const { series } = await s.workbook.refresh();
    const card = monthEnd(kpi, series[0].values, series[0].targets);
    expect(card.outlook).toBeNull();
    expect(card.outlookReason).toBe("the budget row stops at month 9 of 12 of the year (2025-12): 2026-01 to 2026-03 have no budget");
    const check = s.model.addSheet("Check");
    s.model.writeFormula(check, 0, 0, outlookFormula(kpi)!);
    expect(s.model.valueAt(check, 0, 0)).toBe("Budget stops at month 9 of 12");
    // One month short: the last month alone is missing.
    await s.workbook.update(
      "REVENUE",
      kpiInput({ target: null, targetRange: "Budget!B2:AK2", atRisk: null, atRiskPercent: 10, firstPeriod: "2023-01", yearStart: 2, aggregation: "sum" }),
    );
    await s.workbook.buildScorecard();
    expect((await settledRow(s.model, 6)).slice(11, 13)).toEqual(["Budget stops at month 11 of 12", "No budget for month 12"]);
  });
});
