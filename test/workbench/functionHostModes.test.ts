/**
 * The KPI functions under each Excel host's way of calling custom functions (functionHostModes.ts,
 * hostBlanks.ts): the same answers on the web and on Windows/Mac, no Excel API call on the
 * common path, and data types as their plain values. Each rule names its source.
 */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { kpiFunctions } from "../../src/workbench/customFunctions";
import { setExcelRun, setReadTimeout } from "../../src/functions/argumentCells";
import { argumentReads, ArgumentReadMode, FunctionHostMode, HOST_MODES, startFunctionSession } from "../../src/workbench/excel/functionHostModes";
import { runWith } from "../../src/workbench/excel/api";
import { hostWorkbook, probeRegistry, settled } from "./setups";

describe("the KPI functions give the same answers on the web and on Windows/Mac", () => {
  afterEach(() => setExcelRun(null));

  function kpiWorkbook(host: "web" | "desktop") {
    const { model, sheet } = hostWorkbook(host);
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
  it("=NA() as an ErrorCellValue is No data, #DIV/0! is that cell's error, a Double is its number", async () => {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    model.functions = kpiFunctions({ hostMode: HOST_MODES["data-types"] });
    startFunctionSession(HOST_MODES["data-types"]);
    model.writeValue(sheet, 0, 0, 104);
    model.writeFormula(sheet, 1, 0, "=NA()");
    model.writeFormula(sheet, 2, 0, "=1/0");
    model.writeFormula(sheet, 0, 2, "=KPI.KPI_STATUS(A1:A4, 100)");
    expect(await settled(model, "Data", 0, 2)).toBe("On track");
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
