/**
 * The 1904 date system (issue 21 item 14). A workbook keeps its date system ("Date systems in
 * Excel", support.microsoft.com): on the 1904 system a date typed into a cell is a serial 1,462
 * lower than on the 1900 system. The add-in reads the system as DATE(1904,1,1) answers it in the
 * workbook (Excel.Functions, ExcelApi 1.2; Workbook.use1904DateSystem is a preview API) and reads
 * every date column a user may type into (First period, Last reviewed, Due, Done on, Period
 * date) in that system. Serials: ECMA-376 Part 1, 18.17.4.1 (2024-01-01 is 45292 and 43830).
 */
import { runWith } from "../../src/workbench/excel/api";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { sampleWorkbook } from "../../src/workbench/sampleWorkbook";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

/** The preview property, absent from @types/office-js (no numbered ExcelApi set has it). */
type Preview = { use1904DateSystem: boolean };

const run = (model: WorkbookModel) => runWith(model) as unknown as <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

async function use1904(model: WorkbookModel, on: boolean): Promise<void> {
  await run(model)(async (ctx) => {
    (ctx.workbook as unknown as Preview).use1904DateSystem = on;
    await ctx.sync();
  });
}

async function date(model: WorkbookModel, y: number, m: number, d: number): Promise<{ value: number | null; error: string | null }> {
  return run(model)(async (ctx) => {
    const r = ctx.workbook.functions.date(y, m, d).load("value, error");
    await ctx.sync();
    return { value: r.value, error: r.error };
  });
}

function setRegisterCell(model: WorkbookModel, header: string, v: unknown): void {
  const table = model.findTable("KPI_Register")!;
  model.writeValue(model.findSheet("KPI Register")!, table.area.row + 1, table.area.col + table.columns.indexOf(header), v);
}

describe("the stand-in's date system and Excel.Functions.date", () => {
  it("answers DATE as the workbook's system does (KB 175753's table), without changing a cell when the system changes", async () => {
    const model = sampleWorkbook();
    expect(await date(model, 1904, 1, 1)).toEqual({ value: 1462, error: null });
    expect(await date(model, 2011, 7, 5)).toEqual({ value: 40729, error: null });
    expect(await date(model, 1902, 8, 12)).toEqual({ value: 955, error: null }); // 1900 counted as a leap year: 366 + 365 + 224
    const sheet = model.findSheet("Monthly KPIs")!;
    const before = model.valueAt(sheet, 1, 1);
    await use1904(model, true);
    expect(model.valueAt(sheet, 1, 1)).toBe(before);
    expect(
      await run(model)(async (ctx) => {
        ctx.workbook.load("use1904DateSystem");
        await ctx.sync();
        return (ctx.workbook as unknown as Preview).use1904DateSystem;
      }),
    ).toBe(true);
    expect(await date(model, 1904, 1, 1)).toEqual({ value: 0, error: null });
    expect(await date(model, 2011, 7, 5)).toEqual({ value: 39267, error: null });
    expect(await date(model, 4, 3, 31)).toEqual({ value: 90, error: null }); // 1904-03-31: a year below 1900 counts from 1900
    expect(await date(model, 1902, 8, 12)).toEqual({ value: null, error: "#NUM!" }); // before the 1904 system's first day
    expect(await date(model, 2024, 14, 1)).toEqual({ value: 43830 + 366 + 31, error: null }); // month 14 rolls over to 2025-02-01
  });

  it("is as strict as Excel: a result read before its sync, a non-boolean date system and a Range argument are refused", async () => {
    const model = sampleWorkbook();
    await expect(run(model)(async (ctx) => ctx.workbook.functions.date(2024, 1, 1).load("value").value)).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      run(model)(async (ctx) => {
        (ctx.workbook as unknown as { use1904DateSystem: unknown }).use1904DateSystem = "yes";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      run(model)(async (ctx) => ctx.workbook.functions.date(ctx.workbook.worksheets.getItem("Monthly KPIs").getRange("A1"), 1, 1)),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("the register and the add-in's tables on either date system", () => {
  it.each([
    ["1900", false, 45292, 45382],
    ["1904", true, 43830, 43920],
  ])("reads First period and Last reviewed typed as dates in a %s workbook", async (_system, on, january2024, march31) => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    await use1904(model, on);
    setRegisterCell(model, "First period", january2024);
    setRegisterCell(model, "Last reviewed", march31);
    const state = await workbook.readRegister();
    expect(state.problems).toEqual([]);
    expect(state.kpis[0]).toMatchObject({ firstPeriod: "2024-01", lastReviewed: "2024-03-31" });
  });

  it("reads a 1904 serial 1,462 days later as a 1900 one, as Excel shows the same number after the switch", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    setRegisterCell(model, "First period", 43831); // 2020-01-01 on the 1900 system, 2024-01-02 on the 1904 one
    expect((await workbook.readRegister()).kpis[0].firstPeriod).toBe("2020-01");
    await use1904(model, true);
    expect((await workbook.readRegister()).kpis[0].firstPeriod).toBe("2024-01-02");
  });

  it("reads Due and Done on typed as dates in a 1904 workbook, and asks for the system within the read's round trips", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    await workbook.openActions([{ kpi: "REVENUE", period: 36, rule: "Off track" }], "2026-11-23");
    const before1904 = await syncsOf(model, () => workbook.readRegister());
    await use1904(model, true);
    const t = model.findTable("KPI_Actions")!;
    const s = model.findSheet("KPI Actions")!;
    model.writeValue(s, t.area.row + 1, t.area.col + t.columns.indexOf("Due"), 43830 + 365);
    model.writeValue(s, t.area.row + 1, t.area.col + t.columns.indexOf("Done on"), 43830 + 366);
    let state: Awaited<ReturnType<typeof workbook.readRegister>> | null = null;
    expect(await syncsOf(model, async () => (state = await workbook.readRegister()))).toBe(before1904);
    expect(state!.actions[0]).toMatchObject({ due: "2024-12-31", doneOn: "2025-01-01" });
  });

  it("never reads the preview property: the workbook layer asks DATE(1904,1,1)", () => {
    const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
    const sources = fs
      .readdirSync("src/workbook", { recursive: true })
      .filter((f): f is string => typeof f === "string" && f.endsWith(".ts"))
      .map((f) => fs.readFileSync(`src/workbook/${f}`, "utf8"))
      .join("\n");
    const code = sources.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/use1904DateSystem/);
    expect(sources).toMatch(/functions\.date\(1904, 1, 1\)/);
  });
});
