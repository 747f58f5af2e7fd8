/** A custom function receives a computed reference as a reference (customFunctionHost.ts; the fixture: referenceFixture in setups.ts). */
import { FunctionRegistry } from "../../src/workbench/excel/customFunctionHost";
import { referenceFixture, evaluate } from "./setups";

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
