/**
 * The in-memory Excel calls custom functions, and limits requests, as each Excel host does.
 * Each rule names its source; the product must give the same answers under every host.
 */
import { FakeRequestContext, PAYLOAD_LIMIT_BYTES } from "../../src/workbench/excel/api";
import { FunctionRegistry } from "../../src/workbench/excel/customFunctionHost";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { setExcelRun, setReadTimeout } from "../../src/functions/argumentCells";
import { argumentReads, ArgumentReadMode, FunctionHostMode, HOST_MODES, startFunctionSession } from "../../src/workbench/excel/functionHostModes";
import { runWith } from "../../src/workbench/excel/api";
import { quoteSheet, structuredReference } from "../../src/core/excel/a1";

/** A function that reports what it received. */
function probeRegistry(allowErrorForDataTypeAny: boolean, calls: unknown[][]): FunctionRegistry {
  return {
    allowErrorForDataTypeAny,
    functions: {
      "T.PROBE": {
        fn: (...args: unknown[]) => {
          calls.push(args);
          return 1;
        },
        parameterCount: 2,
        requiresParameterAddresses: true,
      },
    },
  };
}

function workbook(host: "web" | "desktop") {
  const model = new WorkbookModel();
  model.host = host;
  const sheet = model.addSheet("Data");
  return { model, sheet };
}

/**
 * Reads a cell's value once asynchronous functions have settled (#BUSY! meanwhile), however long
 * they take on a loaded machine (jest's test timeout ends one that never settles).
 */
async function settled(model: WorkbookModel, sheetName: string, row: number, col: number): Promise<unknown> {
  const sheet = model.findSheet(sheetName)!;
  for (;;) {
    const v = model.valueAt(sheet, row, col);
    if (!(typeof v === "object" && v !== null && (v as { code?: string }).code === "#BUSY!")) return v;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("what a custom function receives (office-js issues #4702, #5262, #1951)", () => {
  it.each([
    ["web", null],
    ["desktop", 0],
  ] as const)("Excel %s passes a blank cell of a range as %s", (host, blank) => {
    const { model, sheet } = workbook(host);
    const calls: unknown[][] = [];
    model.functions = probeRegistry(true, calls);
    model.writeValue(sheet, 0, 0, 5);
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    model.valueAt(sheet, 0, 2);
    expect(calls[0][0]).toEqual([[5], [blank]]);
  });

  it("passes an omitted optional argument as null, and the invocation after the declared parameters with each argument's address", () => {
    const { model, sheet } = workbook("web");
    const calls: unknown[][] = [];
    model.functions = probeRegistry(true, calls);
    model.writeValue(sheet, 0, 0, 5);
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    model.valueAt(sheet, 0, 2);
    expect(calls[0][1]).toBeNull();
    expect(calls[0][2]).toEqual({ parameterAddresses: ["Data!A1:A2", undefined] });
  });
});

describe('error arguments ("Handle and return errors from your custom function": allowErrorForDataTypeAny)', () => {
  it("without the flag, Excel answers with the first error argument and never calls the function", () => {
    const { model, sheet } = workbook("web");
    const calls: unknown[][] = [];
    model.functions = probeRegistry(false, calls);
    model.writeFormula(sheet, 1, 0, "=NA()");
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    expect(model.valueAt(sheet, 0, 2)).toMatchObject({ code: "#N/A" });
    expect(calls).toHaveLength(0);
  });

  it("with the flag, the function sees the error value", () => {
    const { model, sheet } = workbook("web");
    const calls: unknown[][] = [];
    model.functions = probeRegistry(true, calls);
    model.writeFormula(sheet, 1, 0, "=NA()");
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    expect(model.valueAt(sheet, 0, 2)).toBe(1);
    expect(calls[0][0]).toEqual([[null], [{ code: "#N/A" }]]);
  });

  it("so the KPI functions' =NA() gaps work only because functions.json sets the flag", () => {
    const { model, sheet } = workbook("web");
    [10, 12, 11, 13, 12, 11, 12, 10, 11, 12, 30].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 11, 0, "=NA()");
    model.writeFormula(sheet, 0, 2, "=KPI.SIG_CHANGE(A1:A12)");
    model.functions = kpiFunctions({ allowErrorForDataTypeAny: false });
    expect(model.valueAt(sheet, 0, 2)).toMatchObject({ code: "#N/A" });
    model.functions = kpiFunctions();
    model.invalidate();
    expect(model.valueAt(sheet, 0, 2)).toBe("Significant increase");
  });
});

describe("the KPI functions give the same answers on the web and on Windows/Mac", () => {
  afterEach(() => setExcelRun(null));

  function kpiWorkbook(host: "web" | "desktop") {
    const { model, sheet } = workbook(host);
    model.functions = kpiFunctions();
    // Each workbook is a session of its own: what the functions learnt about blanks on one host
    // (hostBlanks.ts) must not carry over to the next.
    startFunctionSession(HOST_MODES[host]);
    setExcelRun(runWith(model));
    return { model, sheet };
  }

  it("a blank future month is No data on Windows/Mac, not Off track (blank passed as 0, restored from the cells)", async () => {
    for (const host of ["web", "desktop"] as const) {
      const { model, sheet } = kpiWorkbook(host);
      [104, 93].forEach((v, i) => model.writeValue(sheet, i, 0, v));
      model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A3, 100)");
      await settled(model, "Data", 0, 2);
      expect({ host, cells: [await settled(model, "Data", 0, 2), await settled(model, "Data", 1, 2), await settled(model, "Data", 2, 2)] }).toEqual({
        host,
        cells: ["On track", "At risk", "No data"],
      });
    }
  });

  it("a real 0 stays a 0 on Windows/Mac", async () => {
    const { model, sheet } = kpiWorkbook("desktop");
    [104, 0].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A3, 100)");
    expect(await settled(model, "Data", 0, 2)).toBe("On track");
    expect([await settled(model, "Data", 1, 2), await settled(model, "Data", 2, 2)]).toEqual(["Off track", "No data"]);
  });

  it.each([
    ["=KPI.SIG_CHANGE(A1:A14)", [10, 12, 11, null, 13, 0, 12, 11, null, 12, 10, 11, 12, 30]],
    ['=KPI.SIG_CHANGE(A1:A14, 3, 0.05, "mann-whitney", "p")', [10, 12, 11, null, 13, 0, 12, 11, null, 12, 10, 11, 12, 30]],
    ['=KPI.SIG_CHANGE(A1:A14, 1, 0.05, "xmr", "detail")', [5, 6, null, 5, 7, 6, 5, null, 6, 7, 5, 6, 0, 9]],
  ])("%s with blanks and a real 0", async (formula, series) => {
    const answers: unknown[] = [];
    for (const host of ["web", "desktop"] as const) {
      const { model, sheet } = kpiWorkbook(host);
      series.forEach((v, i) => v !== null && model.writeValue(sheet, i, 0, v));
      model.writeFormula(sheet, 0, 2, formula);
      await settled(model, "Data", 0, 2);
      answers.push(JSON.stringify(Array.from({ length: 2 }, (_, r) => Array.from({ length: 7 }, (_, c) => model.valueAt(sheet, r, 2 + c)))));
    }
    expect(answers[1]).toBe(answers[0]);
  });

  it("LEADLAG_CORR with a blank in each series", async () => {
    const answers: unknown[] = [];
    const lead = [3, 2, null, 4, 5, 6, 4, 0, 6];
    const lag = [9, 7, 12, null, 15, 17, 0, 13, 16];
    for (const host of ["web", "desktop"] as const) {
      const { model, sheet } = kpiWorkbook(host);
      lead.forEach((v, i) => v !== null && model.writeValue(sheet, i, 0, v));
      lag.forEach((v, i) => v !== null && model.writeValue(sheet, i, 1, v));
      model.writeFormula(sheet, 0, 3, "=KPI.LEADLAG_CORR(A1:A9, B1:B9, 2)");
      await settled(model, "Data", 0, 3);
      answers.push(JSON.stringify(Array.from({ length: 4 }, (_, r) => Array.from({ length: 4 }, (_, c) => model.valueAt(sheet, r, 3 + c)))));
    }
    expect(answers[1]).toBe(answers[0]);
  });
});

describe('limits ("Resource limits and performance optimization for Office Add-ins")', () => {
  it("Excel on the web refuses a response over 5 MB; Windows/Mac do not", async () => {
    for (const host of ["web", "desktop"] as const) {
      const { model, sheet } = workbook(host);
      for (let r = 0; r < 500_000; r++) model.writeValue(sheet, r, 0, 123456.789 + r);
      const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
      ctx.workbook.worksheets.getItem("Data").getRange("A1:A500000").load("values");
      if (host === "web") await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      else await expect(ctx.sync()).resolves.toBeUndefined();
    }
  });

  it("Excel on the web refuses a request over 5 MB before running any of it", async () => {
    const { model, sheet } = workbook("web");
    const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Data").getRange("B1").values = [[1]];
    const big = Array.from({ length: 300_000 }, () => ["some long text here"]);
    ctx.workbook.worksheets.getItem("Data").getRange("A1:A300000").values = big;
    expect(JSON.stringify(big).length).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    await expect(ctx.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.valueAt(sheet, 0, 1)).toBe("");
  });

  it("every host refuses to read more than five million cells at once", async () => {
    const { model } = workbook("desktop");
    const ctx = new FakeRequestContext(model) as unknown as Excel.RequestContext;
    ctx.workbook.worksheets.getItem("Data").getRange("A:E").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe('names Excel refuses ("Using structured references with Excel tables"; R1C1 sheet names)', () => {
  function withTable(header: string) {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    model.writeValue(sheet, 0, 0, header);
    model.writeValue(sheet, 1, 0, 1);
    model.writeValue(sheet, 2, 0, 2);
    const table = model.addTable(sheet, { row: 0, col: 0, rowCount: 3, colCount: 1 }, true);
    model.renameTable(table, "Sales");
    return model;
  }

  it.each(["#Units", "Price [EUR]", "Owner's pick", "Total$Amount"])("refuses an unescaped special character in Sales[%s]", (header) => {
    const model = withTable(header);
    expect(() => model.addName("BAD", `=Sales[${header}]`)).toThrow(/incorrect format/);
  });

  it.each(["#Units", "Price [EUR]", "Owner's pick", "Total$Amount", "Net revenue"])("accepts %s as structuredReference writes it, and resolves it", (header) => {
    const model = withTable(header);
    model.addName("GOOD", `=${structuredReference("Sales", header)}`);
    expect(model.nameTarget(model.findName("GOOD")!)?.area).toMatchObject({ row: 1, col: 0, rowCount: 2, colCount: 1 });
  });

  it.each(["R1C1", "RC", "R", "C12", "R5", "A1", "My sheet"])("needs the sheet name %s quoted", (name) => {
    const model = new WorkbookModel();
    model.addSheet(name);
    expect(quoteSheet(name)).toBe(`'${name}'`);
    expect(() => model.addName("BARE", `=${name}!$A$1:$A$3`)).toThrow(/single quotes|incorrect format/);
    model.addName("QUOTED", `=${quoteSheet(name)}!$A$1:$A$3`);
    expect(model.nameTarget(model.findName("QUOTED")!)?.sheet.name).toBe(name);
  });

  it("leaves plain names unquoted", () => {
    expect(["Data", "Sheet1x", "Revenue_2024", "RCA"].map(quoteSheet)).toEqual(["Data", "Sheet1x", "Revenue_2024", "RCA"]);
  });
});

describe('Excel\'s TAKE and DROP ("TAKE function", "DROP function", support.microsoft.com)', () => {
  it("hand a function the rows they keep, as the formulas the pane inserts need", () => {
    const { model, sheet } = workbook("web");
    model.functions = kpiFunctions();
    const values = [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 5, 9, 6, 5, 12, 13, 12, 14];
    values.forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, '=KPI.SPC(DROP(A1:A18,10),,"higher",,"variation")');
    model.writeFormula(sheet, 0, 3, '=KPI.SPC(A11:A18,,"higher",,"variation")');
    model.writeFormula(sheet, 0, 4, "=SUM(TAKE(A1:A18,-3))");
    expect(model.valueAt(sheet, 0, 2)).toBe(model.valueAt(sheet, 0, 3));
    expect(model.valueAt(sheet, 0, 4)).toBe(39);
  });
});

describe("no Excel API call on the common path (issue 21, item 2; office-js #4702)", () => {
  afterEach(() => {
    setExcelRun(null);
    setReadTimeout(null);
  });

  /** A desktop workbook whose functions count their Excel.run calls. */
  function counted(mode: FunctionHostMode, reads: ArgumentReadMode = "normal") {
    const model = new WorkbookModel();
    model.host = mode.platform === "OfficeOnline" ? "web" : "desktop";
    const sheet = model.addSheet("Data");
    model.functions = kpiFunctions({ hostMode: mode });
    startFunctionSession(mode);
    const calls = { count: 0 };
    const run = argumentReads(runWith(model), reads, 50);
    setExcelRun((batch) => {
      calls.count++;
      return run(batch);
    });
    return { model, sheet, calls };
  }

  it("Excel on the web: a real 0 is answered at once, without a look at the cells", () => {
    const { model, sheet, calls } = counted(HOST_MODES.web);
    [104, 0].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A2, 100)");
    expect([model.valueAt(sheet, 0, 2), model.valueAt(sheet, 1, 2)]).toEqual(["On track", "Off track"]);
    expect(calls.count).toBe(0);
  });

  it("a desktop Excel that passed a blank as null is trusted for the rest of the session", async () => {
    const { model, sheet, calls } = counted(HOST_MODES["desktop-fixed"]);
    [104, 0].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A3, 100)");
    expect(await settled(model, "Data", 0, 2)).toBe("On track");
    expect(model.valueAt(sheet, 2, 2)).toBe("No data");
    model.writeFormula(sheet, 0, 4, "=KPI.KPI_STATUS(A1:A2, 100)");
    expect(model.valueAt(sheet, 1, 4)).toBe("Off track");
    expect(calls.count).toBe(0);
  });

  it("an older desktop Excel (blanks as 0) gets one bounded look, and a blank option cell is a default, not 0 (#13)", async () => {
    const { model, sheet, calls } = counted(HOST_MODES.desktop);
    [10, 12, 11, 13, 12, 11, 12, 10, 11, 12, 30].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    // E1 is empty: recent must be its default 1, not 0 (which SIG_CHANGE refuses).
    model.writeFormula(sheet, 0, 2, "=KPI.SIG_CHANGE(A1:A11, E1)");
    expect(await settled(model, "Data", 0, 2)).toBe("Significant increase");
    expect(calls.count).toBe(1);
  });

  it.each([
    ["hang", /did not show the cells of Data!A1:A3 within 50 ms/],
    ["cell-edit", /while a cell is being edited \(InvalidOperation\)/],
  ] as const)("a look that %s ends in a message, never #BUSY! for ever", async (reads, message) => {
    const { model, sheet } = counted(HOST_MODES.desktop, reads);
    setReadTimeout(50);
    [104, 0].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A3, 100)");
    const answer = (await settled(model, "Data", 0, 2)) as { code: string; message: string };
    expect(answer.code).toBe("#VALUE!");
    expect(answer.message).toMatch(message);
    expect(answer.message).toMatch(/KPI_STATUS could not tell blank cells from zeros: .*Recalculate \(F9\)/);
  });

  it("a slow look within the timeout still answers", async () => {
    const { model, sheet } = counted(HOST_MODES.desktop, "slow");
    [104, 0].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A3, 100)");
    expect(await settled(model, "Data", 0, 2)).toBe("On track");
    expect([model.valueAt(sheet, 1, 2), model.valueAt(sheet, 2, 2)]).toEqual(["Off track", "No data"]);
  });

  it("a host without parameterAddresses (CustomFunctionsRuntime 1.1/1.2) cannot tell a blank passed as 0, which is why the manifest requires 1.3", () => {
    const { model, sheet, calls } = counted({ ...HOST_MODES["no-addresses"], blanks: "zero" });
    model.writeValue(sheet, 0, 0, 104);
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A2, 100)");
    expect(model.valueAt(sheet, 1, 2)).toBe("Off track");
    expect(calls.count).toBe(0);
  });
});

describe("data types reach the functions as their plain values (issue 21, item 1)", () => {
  it("=NA() as an ErrorCellValue is No data, #DIV/0! is that cell's error, a Double is its number", () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    model.functions = kpiFunctions({ hostMode: HOST_MODES["data-types"] });
    startFunctionSession(HOST_MODES["data-types"]);
    model.writeValue(sheet, 0, 0, 104);
    model.writeFormula(sheet, 1, 0, "=NA()");
    model.writeFormula(sheet, 2, 0, "=1/0");
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A4, 100)");
    expect([0, 1, 2, 3].map((r) => model.valueAt(sheet, r, 2))).toEqual(["On track", "No data", expect.objectContaining({ code: "#DIV/0!" }), "No data"]);
  });

  it("the stand-in hands objects only when functions.json allows custom data", () => {
    const calls: unknown[][] = [];
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    model.functions = { ...probeRegistry(true, calls), hostMode: HOST_MODES["data-types"] };
    model.writeValue(sheet, 0, 0, 5);
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    model.valueAt(sheet, 0, 2);
    expect(calls[0][0]).toEqual([[5], [null]]);
    model.functions = { ...probeRegistry(true, calls), allowCustomDataForDataTypeAny: true, hostMode: HOST_MODES["data-types"] };
    calls.length = 0;
    model.invalidate();
    model.valueAt(sheet, 0, 2);
    expect(calls[0][0]).toEqual([[{ type: "Double", basicType: "Double", basicValue: 5 }], [{ type: "Empty", basicType: "Empty", basicValue: "" }]]);
  });
});

describe("the 5 MB payload of a custom function on the web (office-js #4654 by design; #4613 #CALC!)", () => {
  it("Excel on the web answers #CALC! for arguments over 5 MB; Windows/Mac call the function", () => {
    for (const host of ["web", "desktop"] as const) {
      const calls: unknown[][] = [];
      const { model, sheet } = workbook(host);
      model.functions = probeRegistry(true, calls);
      // 90,000 texts of 60 characters: about 6 MB as JSON. (The stand-in's formula engine hands a
      // function at most 100,001 rows of a range, so a whole column cannot be the test here.)
      for (let r = 0; r < 90_000; r++) model.writeValue(sheet, r, 0, `${r}`.padEnd(60, "x"));
      model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A90000)");
      expect({ host, value: model.valueAt(sheet, 0, 2) }).toEqual({ host, value: host === "web" ? { code: "#CALC!" } : 1 });
      expect({ host, called: calls.length > 0 }).toEqual({ host, called: host !== "web" });
    }
  });
});
