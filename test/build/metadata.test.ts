/**
 * functions.json is generated from the JSDoc of src/functions/functions.ts at build time; this
 * runs the same generator and checks what Excel will register.
 */
import { readFileSync } from "node:fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { kpiFunctions } from "../../src/workbench/customFunctions";

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
  options?: { requiresParameterAddresses?: boolean; cancelable?: boolean };
  helpUrl?: string;
}

let functions: FunctionMetadata[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
}, 60_000);

const EXPECTED = {
  KPI_STATUS: { required: ["actual", "target"], optional: ["at_risk", "direction", "output"], ranges: ["actual", "target", "at_risk"] },
  LEADLAG_CORR: {
    required: ["leading", "lagging"],
    optional: ["max_lag", "method", "difference", "output"],
    ranges: ["leading", "lagging"],
  },
  SIG_CHANGE: { required: ["values"], optional: ["recent", "alpha", "method", "output"], ranges: ["values"] },
  SPC: { required: ["values"], optional: ["target", "direction", "baseline", "output", "chart", "denominators"], ranges: ["values", "denominators"] },
  LEAD_FORECAST: { required: ["leading", "lagging", "lag"], optional: ["level", "output"], ranges: ["leading", "lagging"] },
  FUNNEL: { required: ["numerators", "denominators"], optional: ["target", "chart", "overdispersion", "output"], ranges: ["numerators", "denominators"] },
  VARIANCE: { required: ["actual", "target"], optional: ["direction", "materiality", "output"], ranges: ["actual", "target", "materiality"] },
  OUTLOOK: { required: ["actual", "target"], optional: ["direction", "method", "rollup", "level", "output"], ranges: ["actual", "target"] },
};

describe("generated custom-function metadata", () => {
  it("gives every function a help URL to its own section of the help page (Excel's Help on this function)", () => {
    const manifest = readFileSync("manifest.xml", "utf8");
    const help = /<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)![1];
    for (const f of functions) expect({ id: f.id, helpUrl: f.helpUrl }).toEqual({ id: f.id, helpUrl: `${help}#${f.id}` });
    // The help page gives each section the id the URL names.
    expect(readFileSync("src/help/help.ts", "utf8")).toMatch(/section\.id = f\.id;/);
  });

  it("registers exactly the eight functions by id and name", () => {
    const ids = ["KPI_STATUS", "LEADLAG_CORR", "SIG_CHANGE", "SPC", "LEAD_FORECAST", "FUNNEL", "VARIANCE", "OUTLOOK"];
    expect(functions.map((f) => f.id)).toEqual(ids);
    expect(functions.map((f) => f.name)).toEqual(ids);
  });

  it.each(Object.entries(EXPECTED))("%s has the contract's parameters, in order, with the right ones optional", (id, spec) => {
    const f = functions.find((x) => x.id === id)!;
    expect(f.parameters.map((p) => p.name)).toEqual([...spec.required, ...spec.optional]);
    for (const p of f.parameters) expect({ name: p.name, optional: p.optional === true }).toEqual({ name: p.name, optional: spec.optional.includes(p.name) });
  });

  it.each(Object.entries(EXPECTED))("%s takes ranges as any matrices, so it sees blanks and text itself", (id, spec) => {
    const f = functions.find((x) => x.id === id)!;
    for (const p of f.parameters) {
      expect(p.type).toBe("any");
      if (spec.ranges.includes(p.name)) expect({ name: p.name, dimensionality: p.dimensionality }).toEqual({ name: p.name, dimensionality: "matrix" });
    }
    expect(f.result.dimensionality).toBe("matrix");
  });

  it("asks Excel for each argument's address, so a blank passed as 0 can be told from a real 0", () => {
    for (const f of functions) expect({ id: f.id, addresses: f.options?.requiresParameterAddresses }).toEqual({ id: f.id, addresses: true });
  });

  it("lets Excel cancel LEADLAG_CORR, the one function whose work can outlast a recalculation", () => {
    expect(functions.filter((f) => f.options?.cancelable).map((f) => f.id)).toEqual(["LEADLAG_CORR"]);
  });

  it("registers in the workbench the same functions, parameter counts and options as functions.json", () => {
    const registry = kpiFunctions();
    expect(Object.keys(registry.functions)).toEqual(functions.map((f) => `KPI.${f.id}`));
    for (const f of functions) {
      const registered = registry.functions[`KPI.${f.id}`];
      expect({ id: f.id, parameters: registered.parameterCount, addresses: registered.requiresParameterAddresses }).toEqual({
        id: f.id,
        parameters: f.parameters.length,
        addresses: f.options?.requiresParameterAddresses === true,
      });
    }
  });

  it("describes every function and every parameter for the formula bar", () => {
    for (const f of functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(20);
      for (const p of f.parameters)
        expect({ where: `${f.id}.${p.name}`, described: (p.description?.length ?? 0) > 10 }).toEqual({ where: `${f.id}.${p.name}`, described: true });
    }
  });
});
