/** A custom function receives a computed reference as a reference (customFunctionHost.ts; the fixture: referenceFixture in setups.ts). */
import { FunctionRegistry } from "../../src/workbench/excel/customFunctionHost";
import { referenceFixture, evaluate, probeRegistry, hostWorkbook, settled } from "./setups";
import { kpiFunctions } from "../../src/workbench/customFunctions";

/** A custom function that reports what Excel passed it, with @requiresParameterAddresses. */
function probe(calls: unknown[][]): FunctionRegistry {
  const fn = (...args: unknown[]) => {
    calls.push(args);
    return 1;
  };
  return { allowErrorForDataTypeAny: false, functions: { "T.PROBE": { fn, parameterCount: 1, requiresParameterAddresses: true } } };
}

// "Custom functions parameter options" (learn.microsoft.com): a range argument arrives as its
// values, with its address in invocation.parameterAddresses; a blank cell arrives as null on
// the web and 0 on Windows and Mac (office-js #4702), as for a range typed in the formula.
describe("a custom function receives a computed reference as a reference", () => {
  test.each([
    ["web", null],
    ["desktop", 0],
  ] as const)("on %s: INDEX(r,2):INDEX(r,4) passes Data!A2:A4's values, the blank as %s, and its address", (host, blank) => {
    const model = referenceFixture(host);
    const calls: unknown[][] = [];
    model.functions = probe(calls);
    evaluate(model, "=T.PROBE(INDEX(Vals,2):INDEX(Vals,4))");
    expect(calls[0]).toEqual([[[20], [blank], [40]], { parameterAddresses: ["Data!A2:A4"] }]);
  });

  test.each([
    ["web", null],
    ["desktop", 0],
  ] as const)("on %s: OFFSET(INDEX(r,4),0,0,4,1) passes Data!A4:A7, the cells past the data blank (%s)", (host, blank) => {
    const model = referenceFixture(host);
    const calls: unknown[][] = [];
    model.functions = probe(calls);
    evaluate(model, "=T.PROBE(OFFSET(INDEX(Vals,4),0,0,4,1))");
    expect(calls[0]).toEqual([[[40], [50], [blank], [blank]], { parameterAddresses: ["Data!A4:A7"] }]);
  });

  test("a row: INDEX(r,1,2):INDEX(r,1,5) passes Data!D1:G1 as one row", () => {
    const model = referenceFixture();
    const calls: unknown[][] = [];
    model.functions = probe(calls);
    evaluate(model, "=T.PROBE(INDEX(Data!C1:G1,1,2):INDEX(Data!C1:G1,1,5))");
    expect(calls[0]).toEqual([[[2, 3, 4, 5]], { parameterAddresses: ["Data!D1:G1"] }]);
  });
});

describe("what a custom function receives (office-js issues #4702, #5262, #1951)", () => {
  it.each([
    ["web", null],
    ["desktop", 0],
  ] as const)("Excel %s passes a blank cell of a range as %s", (host, blank) => {
    const { model, sheet } = hostWorkbook(host);
    const calls: unknown[][] = [];
    model.functions = probeRegistry(true, calls);
    model.writeValue(sheet, 0, 0, 5);
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    model.valueAt(sheet, 0, 2);
    expect(calls[0][0]).toEqual([[5], [blank]]);
  });

  it("passes an omitted optional argument as null, and the invocation after the declared parameters with each argument's address", () => {
    const { model, sheet } = hostWorkbook("web");
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
    const { model, sheet } = hostWorkbook("web");
    const calls: unknown[][] = [];
    model.functions = probeRegistry(false, calls);
    model.writeFormula(sheet, 1, 0, "=NA()");
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    expect(model.valueAt(sheet, 0, 2)).toMatchObject({ code: "#N/A" });
    expect(calls).toHaveLength(0);
  });

  it("with the flag, the function sees the error value", () => {
    const { model, sheet } = hostWorkbook("web");
    const calls: unknown[][] = [];
    model.functions = probeRegistry(true, calls);
    model.writeFormula(sheet, 1, 0, "=NA()");
    model.writeFormula(sheet, 0, 2, "=T.PROBE(A1:A2)");
    expect(model.valueAt(sheet, 0, 2)).toBe(1);
    expect(calls[0][0]).toEqual([[null], [{ code: "#N/A" }]]);
  });

  it("so the KPI functions' =NA() gaps work only because functions.json sets the flag", async () => {
    const { model, sheet } = hostWorkbook("web");
    [10, 12, 11, 13, 12, 11, 12, 10, 11, 12, 30].forEach((v, i) => model.writeValue(sheet, i, 0, v));
    model.writeFormula(sheet, 11, 0, "=NA()");
    model.writeFormula(sheet, 0, 2, "=KPI.SIG_CHANGE(A1:A12)");
    model.functions = kpiFunctions({ allowErrorForDataTypeAny: false });
    expect(model.valueAt(sheet, 0, 2)).toMatchObject({ code: "#N/A" });
    model.functions = kpiFunctions();
    model.invalidate();
    // The runtime answers in time slices: #BUSY! until then on a loaded machine.
    expect(await settled(model, "Data", 0, 2)).toBe("Significant increase");
  });
});

describe("the 5 MB payload of a custom function on the web (office-js #4654 by design; #4613 #CALC!)", () => {
  it("Excel on the web answers #CALC! for arguments over 5 MB; Windows/Mac call the function", () => {
    for (const host of ["web", "desktop"] as const) {
      const calls: unknown[][] = [];
      const { model, sheet } = hostWorkbook(host);
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

// "Custom functions" (learn.microsoft.com): a cell shows #BUSY! while a function it calls is
// still calculating; the cell's formula is evaluated once the answer arrives, so a formula that
// takes part of the answer (INDEX of it) or wraps it waits too, rather than showing #REF!.
describe("a formula over a function still calculating", () => {
  function slow(): { registry: FunctionRegistry; answer: () => void } {
    let answer = () => {};
    const fn = () =>
      new Promise<number[][]>((resolve) => {
        answer = () => resolve([[10], [20]]);
      });
    return {
      registry: { allowErrorForDataTypeAny: false, functions: { "T.SLOW": { fn, parameterCount: 0, requiresParameterAddresses: false } } },
      answer: () => answer(),
    };
  }

  it("shows #BUSY! for the whole formula, then the formula's value once the answer arrives", async () => {
    const { model, sheet } = hostWorkbook("web");
    const { registry, answer } = slow();
    model.functions = registry;
    model.writeFormula(sheet, 0, 2, "=INDEX(T.SLOW(),2,1)");
    model.writeFormula(sheet, 1, 2, "=T.SLOW()");
    const code = (r: number) => {
      const v = model.valueAt(sheet, r, 2);
      return typeof v === "object" && v !== null && "code" in v ? v.code : v;
    };
    expect([code(0), code(1), code(2)]).toEqual(["#BUSY!", "#BUSY!", ""]);
    answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect([code(0), code(1), code(2)]).toEqual([20, 10, 20]);
  });

  // Excel lets a function whose inputs did not change run on through a recalculation; it cancels
  // and calls again one whose inputs changed ("Custom functions: cancel a function",
  // learn.microsoft.com). The in-memory Excel dropped the call at any change, so a run of changes
  // while it computed (a co-author typing, the pane writing) could keep the cell #BUSY! for good.
  it("keeps a call computing through a change of another cell: called once, its answer shown when it comes", async () => {
    const { model, sheet } = hostWorkbook("web");
    let calls = 0;
    let answer = (_v: number[][]) => {};
    const fn = () => {
      calls++;
      return new Promise<number[][]>((resolve) => (answer = resolve));
    };
    model.functions = { allowErrorForDataTypeAny: false, functions: { "T.SLOW": { fn, parameterCount: 0, requiresParameterAddresses: false } } };
    model.writeFormula(sheet, 0, 2, "=T.SLOW()");
    expect(model.valueAt(sheet, 0, 2)).toEqual({ code: "#BUSY!" });
    for (let i = 0; i < 5; i++) {
      model.writeValue(sheet, 5, 5, i);
      expect(model.valueAt(sheet, 0, 2)).toEqual({ code: "#BUSY!" });
    }
    expect(calls).toBe(1);
    answer([[7]]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(model.valueAt(sheet, 0, 2)).toBe(7);
    expect(calls).toBe(1);
  });
});
