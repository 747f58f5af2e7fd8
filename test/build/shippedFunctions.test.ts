/**
 * From outside, through the shipped bundle (issue 21, "How it is checked"): the production
 * functions.js, loaded in a fresh Node vm context whose only Office surface is a CustomFunctions
 * stub that captures associate(id, fn) and an Office whose diagnostics say Excel on the web
 * (blanks arrive as null, so no function needs to ask Excel anything). Each of the eight functions
 * is called with the same cells in every shape Excel may hand them: plain values, and with
 * allowCustomDataForDataTypeAny the Excel.CellValue objects of "Use data types with custom
 * functions in Excel" (learn.microsoft.com) and @types/office-js: DoubleCellValue,
 * FormattedNumberCellValue, StringCellValue, BooleanCellValue, EmptyCellValue, ErrorCellValue
 * ({type:"Error", errorType:"NotAvailable", basicValue:"#N/A"}) and an EntityCellValue with a
 * basic value. Every shape must answer as the plain form does.
 *
 * Then what the shipped code calls against what the manifest requires ("Excel JavaScript API
 * requirement sets", "Custom Functions requirement sets", learn.microsoft.com), and the link from
 * the manifest's oldest admitted host to the written-formula function list.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { productionBuild } from "./productionBuild";
import { customFunctionsObject } from "../../src/workbench/customFunctionsRuntime";

type Fn = (...args: unknown[]) => unknown;

let out: string;
const associated = new Map<string, Fn>();
/** The runtime's surface as the workbench page gives it, with associate() into this test's map. */
const runtime = customFunctionsObject(associated);

beforeAll(async () => {
  out = await productionBuild();
  const sandbox: Record<string, unknown> = {
    CustomFunctions: runtime,
    Office: { onReady: (f?: () => void) => (f?.(), Promise.resolve({})), context: { diagnostics: { platform: "OfficeOnline", version: "16.0" } } },
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
  };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(join(out, "functions.js"), "utf8"), sandbox, { filename: "functions.js" });
  // Office.onReady's callback is what tells the functions they are on the web.
  await new Promise((resolve) => setTimeout(resolve, 0));
}, 180_000);

/** A cell: a number, text, TRUE/FALSE, a blank (null) or an error value ({ code }). */
type Cell = number | string | boolean | null | { code: string };
const NA = { code: "#N/A" };
const col = (cells: Cell[]) => cells.map((c) => [c]);
const SERIES: Cell[] = [10, 12, 11, null, 13, 0, 12, 11, NA, 12, 10, 11, 12, 30];
const LEAD: Cell[] = [3, 2, null, 4, 5, 6, 4, 0, 6, 7, 5, 4];
const LAG: Cell[] = [9, 7, 12, null, 15, 17, 0, 13, 16, 18, 14, 15];

/** Each function's argument lists, as Excel passes them (ranges as rows of cells, omitted as null). */
const CALLS: Record<string, unknown[][]> = {
  KPI_STATUS: [
    [col([104, 0, null, NA, 93, "text", true]), [[100]], null, null, null],
    [col([5, 0, null, 12]), col([10, 10, 10, 10]), col([8, null, 8, 0]), "higher", "score"],
  ],
  LEADLAG_CORR: [
    [col(LEAD), col(LAG), 2, null, null, null],
    [col(LEAD), col(LAG), 3, "spearman", false, "best"],
  ],
  SIG_CHANGE: [
    [col(SERIES), null, null, null, null],
    [col(SERIES), 3, 0.05, "mann-whitney", "p"],
  ],
  SPC: [
    [col(SERIES), null, "higher", null, "points", null, null],
    [col(SERIES), 11, "higher", 6, "assurance", null, null],
  ],
  LEAD_FORECAST: [
    [col(LEAD), col(LAG), 1, null, null],
    [col(LEAD), col(LAG), 1, 0.9, "fit"],
  ],
  FUNNEL: [
    [col([5, 0, null, NA, 8, 3, 12]), col([100, 50, 80, 90, 0, 60, 120]), null, null, null, "table"],
    [col([5, 0, 7, 9, 8, 3, 12]), col([100, 50, 80, 90, 70, 60, 120]), null, "rate", true, "detail"],
  ],
  VARIANCE: [
    [col([1180, 0, null, NA, 1300, "text"]), col([1250, 0, 1250, 1250, null, 1250]), null, null, "label"],
    [col([1180, 0, null, 1260, 1300, 1200]), col([1250, 10, 1250, 1250, 1250, 1250]), "higher", [[50]], "detail"],
  ],
  OUTLOOK: [
    [col([100, 110, 0, 120, 125, 130, 128, 135, null, null, null, null]), [[1500]], null, null, null, null, "table"],
    [col([100, 110, 105, 120, NA, 130, null, null]), [[900]], "higher", "average", "sum", 0.8, "periods"],
  ],
};

const ERROR_TYPE: Record<string, string> = { "#N/A": "NotAvailable", "#DIV/0!": "Div0", "#VALUE!": "Value" };

/** One cell in each documented shape; the plain form is the cell itself. */
const SHAPES: Record<string, (c: Cell) => unknown> = {
  plain: (c) => c,
  "Double/String/Boolean/Empty/Error": (c) =>
    c === null
      ? { type: "Empty", basicValue: "" }
      : typeof c === "number"
        ? { type: "Double", basicValue: c }
        : typeof c === "string"
          ? { type: "String", basicValue: c }
          : typeof c === "boolean"
            ? { type: "Boolean", basicValue: c }
            : { type: "Error", errorType: ERROR_TYPE[c.code], basicValue: c.code },
  FormattedNumber: (c) =>
    typeof c === "number" ? { type: "FormattedNumber", basicValue: c, numberFormat: "#,##0.00" } : SHAPES["Double/String/Boolean/Empty/Error"](c),
  "Error by errorType only": (c) => (typeof c === "object" && c !== null ? { type: "Error", errorType: ERROR_TYPE[c.code] } : c),
  "Entity with a basic value": (c) =>
    typeof c === "number" || typeof c === "string" || typeof c === "boolean"
      ? {
          type: "Entity",
          text: String(c),
          basicValue: c,
          basicType: typeof c === "number" ? "Double" : typeof c === "string" ? "String" : "Boolean",
          properties: { Value: { type: "Double", basicValue: 1 } },
        }
      : SHAPES["Double/String/Boolean/Empty/Error"](c),
};

/** Every cell of every argument in a shape; an omitted option stays omitted (null), as Excel passes it. */
function shaped(args: unknown[], shape: (c: Cell) => unknown): unknown[] {
  return args.map((a) => (Array.isArray(a) ? a.map((row: Cell[]) => row.map(shape)) : a === null ? null : shape(a as Cell)));
}

function invocation(args: unknown[]) {
  return {
    address: "Data!J1",
    functionName: "x",
    parameterAddresses: args.map((_, i) => `Data!${String.fromCharCode(65 + i)}1:${String.fromCharCode(65 + i)}14`),
    setResult: () => undefined,
    onCanceled: undefined as unknown,
  };
}

async function call(id: string, args: unknown[]): Promise<string> {
  const fn = associated.get(id);
  if (!fn) throw new Error(`${id} was not associated by functions.js`);
  const answer = await fn(...args, invocation(args));
  return JSON.stringify(answer, (_k, v) => (v instanceof runtime.Error ? { error: v.code, message: v.message } : v));
}

describe("the shipped functions.js, loaded as Excel loads it", () => {
  it("associates the eight functions and nothing else", () => {
    expect([...associated.keys()].sort()).toEqual(["FUNNEL", "KPI_STATUS", "LEADLAG_CORR", "LEAD_FORECAST", "OUTLOOK", "SIG_CHANGE", "SPC", "VARIANCE"]);
  });

  describe.each(Object.keys(CALLS))("%s", (id) => {
    it.each(Object.keys(SHAPES).filter((s) => s !== "plain"))("answers inputs shaped %s as their plain form", async (shape) => {
      for (const args of CALLS[id]) {
        const plain = await call(id, args);
        // The plain answer is the function's own, not a refusal of its inputs.
        expect(JSON.parse(plain)).not.toEqual(expect.objectContaining({ error: expect.any(String) }));
        expect({ args: JSON.stringify(args), answer: await call(id, shaped(args, SHAPES[shape])) }).toEqual({ args: JSON.stringify(args), answer: plain });
      }
    });
  });
});

function manifestSet(name: string): string {
  const m = new RegExp(`<Set Name="${name}" MinVersion="([\\d.]+)"`).exec(readFileSync("manifest.xml", "utf8"));
  if (!m) throw new Error(`manifest.xml requires no ${name}`);
  return m[1];
}

const atLeast = (have: string, need: string) => {
  const [a, b] = [have, need].map((v) => v.split(".").map(Number));
  return a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
};

describe("the manifest's requirement sets cover what the shipped code calls", () => {
  const shipped = () => ["functions.js", "taskpane.js"].map((f) => readFileSync(join(out, f), "utf8")).join("\n");

  it("CustomFunctionsRuntime 1.3 for invocation.parameterAddresses, which functions.json asks for", () => {
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    expect(metadata.functions.every((f: { options: { requiresParameterAddresses?: boolean } }) => f.options.requiresParameterAddresses)).toBe(true);
    expect(readFileSync(join(out, "functions.js"), "utf8")).toContain("parameterAddresses");
    expect(atLeast(manifestSet("CustomFunctionsRuntime"), "1.3")).toBe(true);
  });

  // API member → the ExcelApi set that brought it ("Excel JavaScript API requirement sets" and
  // each member's [Api set] in @types/office-js), and whether the code may use it only behind
  // Office.context.requirements.isSetSupported because the manifest does not require that set.
  const MEMBERS: { member: RegExp; set: string; source: string }[] = [
    { member: /\.autoFilter\b/, set: "1.9", source: "src/workbook/registerRead.ts" },
    { member: /\.pageLayout\b/, set: "1.9", source: "src/workbook/scorecardParts.ts" },
    { member: /\.functions\.date\(/, set: "1.2", source: "src/workbook/registerRead.ts" },
    { member: /delayForCellEdit/, set: "1.11", source: "src/workbook/excelRun.ts" },
    { member: /\.comments\b/, set: "1.10", source: "src/workbook/steps/cellMarks.ts" },
  ];

  it.each(MEMBERS.map((m) => [m.member.source, m] as const))(
    "%s: within the manifest's ExcelApi, or only behind isSetSupported",
    (_name, { member, set, source }) => {
      const code = readFileSync(source, "utf8");
      expect(code).toMatch(member);
      expect(shipped()).toMatch(member);
      if (!atLeast(manifestSet("ExcelApi"), set)) {
        // The guard names the very set, in the source and in the shipped bundle.
        expect(code).toMatch(new RegExp(`isSetSupported\\??\\.?\\(\\s*"ExcelApi",\\s*"${set.replace(".", "\\.")}"\\s*\\)`));
        expect(shipped()).toMatch(new RegExp(`isSetSupported\\??\\.?\\(\\s*"ExcelApi",\\s*"${set.replace(".", "\\.")}"\\s*\\)`));
      }
    },
  );

  it("ships no preview API: Workbook.use1904DateSystem is in no numbered set", () => {
    expect(shipped()).not.toMatch(/use1904DateSystem/);
  });
});

describe("no written formula uses a function absent from a host the manifest admits", () => {
  // The highest ExcelApi each perpetual Excel on Windows has ("Excel JavaScript API requirement
  // sets": Excel 2016 only 1.1, Excel 2019 up to 1.8, Office 2021 from Version 2108 up to 1.14,
  // Office 2024 up to 1.17). Microsoft 365, the web and Mac have every numbered set.
  const PERPETUAL: [string, string][] = [
    ["Excel 2016", "1.1"],
    ["Excel 2019", "1.8"],
    ["Excel 2021", "1.14"],
    ["Excel 2024", "1.17"],
  ];

  it("the oldest Excel the manifest admits is the one src/core/excel/hostFunctions.ts lists functions for, and test/core/excel/hostFunctions.test.ts checks that list", () => {
    const oldest = PERPETUAL.find(([, max]) => atLeast(max, manifestSet("ExcelApi")))![0];
    expect(oldest).toBe("Excel 2021");
    expect(readFileSync("src/core/excel/hostFunctions.ts", "utf8")).toMatch(
      new RegExp(`The manifest admits ${oldest} \\(ExcelApi ${manifestSet("ExcelApi").replace(".", "\\.")}`),
    );
    const written = readFileSync("test/core/excel/hostFunctions.test.ts", "utf8");
    expect(written).toMatch(/allowedFunction\(fn, CUSTOM_IDS\)/);
    expect(written).toMatch(/from "\.\.\/\.\.\/\.\.\/src\/core\/excel\/hostFunctions"/);
  });
});
