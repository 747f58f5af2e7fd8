/**
 * The differential suite (issue 21): every function registered with the in-memory Excel, on
 * every host it can play, answers cell for cell as on Excel on the web. The hosts differ in what
 * they hand a function (functionHostModes.ts): blanks as null or as 0, Excel.CellValue objects
 * with data types on, no parameterAddresses on CustomFunctionsRuntime 1.1/1.2.
 *
 * Each function id has a table of argument sets with blanks, real zeros, #N/A, #DIV/0!, text,
 * ="" and options taken from empty cells. A function registered without a table fails the suite,
 * so no function is added without being run on every host.
 */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { runWith } from "../../src/workbench/excel/api";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { setExcelRun } from "../../src/functions/argumentCells";
import { HOST_MODES, HostModeName, startFunctionSession } from "../../src/workbench/excel/functionHostModes";

/** A cell: a number, text, a blank (null) or a formula ("=NA()", "=1/0", '=""'). */
type Cell = number | string | null;

interface Case {
  /** Columns of data from row 1: A, B, ... */
  columns: Cell[][];
  /** The formula, entered in J1; E1:E4 are left empty for options taken from empty cells. */
  formula: string;
}

const SERIES: Cell[] = [10, 12, 11, null, 13, 0, 12, 11, "=NA()", 12, 10, 11, 12, 30];
const LEAD: Cell[] = [3, 2, null, 4, 5, 6, 4, 0, 6, 7, 5, '=""'];
const LAG: Cell[] = [9, 7, 12, null, 15, 17, 0, 13, 16, 18, 14, 15];

const CASES: Record<string, Case[]> = {
  KPI_STATUS: [
    { columns: [[104, 0, null, "=NA()", 93, "text", '=""', "=1/0"]], formula: "=KPI.KPI_STATUS(A1:A8, 100)" },
    {
      columns: [
        [104, 0, null, 93],
        [100, 0, 100, null],
      ],
      formula: "=KPI.KPI_STATUS(A1:A4, B1:B4, , E1, E2)",
    },
    {
      columns: [
        [5, 0, null, 12],
        [10, 10, 10, 10],
        [8, null, 8, 0],
      ],
      formula: '=KPI.KPI_STATUS(A1:A4, B1:B4, C1:C4, "higher", "score")',
    },
  ],
  LEADLAG_CORR: [
    { columns: [LEAD, LAG], formula: "=KPI.LEADLAG_CORR(A1:A12, B1:B12, 2)" },
    { columns: [LEAD, LAG], formula: '=KPI.LEADLAG_CORR(A1:A12, B1:B12, E1, "spearman", E2, "best")' },
    { columns: [[...LEAD.slice(0, 11), "=1/0"], LAG], formula: "=KPI.LEADLAG_CORR(A1:A12, B1:B12, 1)" },
  ],
  SIG_CHANGE: [
    { columns: [SERIES], formula: "=KPI.SIG_CHANGE(A1:A14)" },
    { columns: [SERIES], formula: '=KPI.SIG_CHANGE(A1:A14, E1, E2, "xmr", "detail")' },
    { columns: [SERIES], formula: '=KPI.SIG_CHANGE(A1:A14, 3, 0.05, "mann-whitney", "p")' },
    { columns: [[...SERIES.slice(0, 13), "=1/0"]], formula: "=KPI.SIG_CHANGE(A1:A14)" },
  ],
  SPC: [
    { columns: [SERIES], formula: '=KPI.SPC(A1:A14, , "higher", , "points")' },
    { columns: [SERIES], formula: '=KPI.SPC(A1:A14, E1, E2, E3, "detail")' },
    { columns: [SERIES], formula: '=KPI.SPC(A1:A14, 11, "higher", 6, "assurance")' },
    { columns: [[...SERIES.slice(0, 13), "x"]], formula: "=KPI.SPC(A1:A14)" },
  ],
  LEAD_FORECAST: [
    { columns: [LEAD, LAG], formula: "=KPI.LEAD_FORECAST(A1:A12, B1:B12, 1)" },
    { columns: [LEAD, [...LAG.slice(0, 9), null, null, null]], formula: '=KPI.LEAD_FORECAST(A1:A12, B1:B12, 2, E1, "table")' },
    { columns: [LEAD, LAG], formula: '=KPI.LEAD_FORECAST(A1:A12, B1:B12, 1, 0.9, "fit")' },
  ],
  FUNNEL: [
    {
      columns: [
        [5, 0, null, "=NA()", 8, 3, 12],
        [100, 50, 80, 90, 0, 60, 120],
      ],
      formula: '=KPI.FUNNEL(A1:A7, B1:B7, E1, , , "table")',
    },
    {
      columns: [
        [5, 0, 7, 9, 8, 3, 12],
        [100, 50, 80, 90, 70, 60, 120],
      ],
      formula: '=KPI.FUNNEL(A1:A7, B1:B7, , "rate", E1, "detail")',
    },
  ],
  VARIANCE: [
    {
      columns: [
        [1180, 0, null, "=NA()", 1300, "text"],
        [1250, 0, 1250, 1250, null, 1250],
      ],
      formula: '=KPI.VARIANCE(A1:A6, B1:B6, E1, E2, "label")',
    },
    {
      columns: [
        [1180, 0, null, 1260, 1300, 1200],
        [1250, 10, 1250, 1250, 1250, 1250],
      ],
      formula: '=KPI.VARIANCE(A1:A6, B1:B6, "higher", , "detail")',
    },
  ],
  OUTLOOK: [
    { columns: [[100, 110, 0, 120, 125, 130, 128, 135, null, null, null, null]], formula: '=KPI.OUTLOOK(A1:A12, 1500, E1, E2, E3, E4, "table")' },
    { columns: [[100, 110, 105, 120, "=NA()", 130, null, null]], formula: '=KPI.OUTLOOK(A1:A8, 900, "higher", "average", "sum", 0.8, "periods")' },
  ],
};

const MODES = Object.keys(HOST_MODES) as HostModeName[];

/** Writes a case into a fresh workbook on `mode` and returns the 40×8 cells from J1 once settled. */
async function answersOn(mode: HostModeName, c: Case): Promise<string> {
  const model = new WorkbookModel();
  model.host = HOST_MODES[mode].platform === "OfficeOnline" ? "web" : "desktop";
  const sheet = model.addSheet("Data");
  model.functions = kpiFunctions({ hostMode: HOST_MODES[mode] });
  startFunctionSession(HOST_MODES[mode]);
  setExcelRun(runWith(model));
  c.columns.forEach((column, col) =>
    column.forEach((v, row) => {
      if (typeof v === "string" && v.startsWith("=")) model.writeFormula(sheet, row, col, v);
      else if (v !== null) model.writeValue(sheet, row, col, v);
    }),
  );
  model.writeFormula(sheet, 0, 9, c.formula);
  const read = () => Array.from({ length: 40 }, (_, r) => Array.from({ length: 8 }, (_, k) => model.valueAt(sheet, r, 9 + k)));
  for (let i = 0; i < 200; i++) {
    const cells = read();
    if (!cells.flat().some((v) => typeof v === "object" && v !== null && (v as { code?: string }).code === "#BUSY!")) return JSON.stringify(cells);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${c.formula} on ${mode}: still #BUSY!`);
}

const registered = Object.keys(kpiFunctions().functions).map((name) => name.replace(/^KPI\./, ""));

afterAll(() => setExcelRun(null));

describe("every registered function has an argument table", () => {
  it("has a table of argument sets for each function id in the registry", () => {
    const missing = registered.filter((id) => !CASES[id]);
    if (missing.length > 0)
      throw new Error(
        `No argument table in test/functions/hostModes.test.ts for ${missing.join(", ")}: add representative argument sets (blanks, real zeros, #N/A, #DIV/0!, text, options from empty cells) before registering a function.`,
      );
  });
});

describe.each(registered.filter((id) => CASES[id]))("%s answers on every host as on Excel on the web", (id) => {
  it.each(CASES[id].map((c) => [c.formula, c] as const))("%s", async (_formula, c) => {
    const web = await answersOn("web", c);
    // The web answer is the function's own, not Excel's refusal to call it.
    expect(JSON.stringify(JSON.parse(web)[0][0])).not.toMatch(/#NAME\?|#CALC!|#BUSY!/);
    if (process.env.SHOW_ANSWERS) console.log(c.formula, web);
    for (const mode of MODES.filter((m) => m !== "web")) expect({ mode, answers: await answersOn(mode, c) }).toEqual({ mode, answers: web });
  });
});
