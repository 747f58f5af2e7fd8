/**
 * The production build, as `npm run build` makes it: functions.json generated with the five
 * functions, the associate calls appended to functions.js, and functions.js free of the pane's
 * React and Fluent UI code so that it loads fast when Excel starts.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { productionBuild } from "./productionBuild";

let out: string;

// The build fails this hook with webpack's errors; it is shared with shippedFunctions.test.ts.
beforeAll(async () => {
  out = await productionBuild();
}, 180_000);

describe("production build", () => {
  it("emits functions.json with the eight functions", () => {
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    expect(metadata.functions.map((f: { id: string }) => f.id).sort()).toEqual([
      "FUNNEL",
      "KPI_STATUS",
      "LEADLAG_CORR",
      "LEAD_FORECAST",
      "OUTLOOK",
      "SIG_CHANGE",
      "SPC",
      "VARIANCE",
    ]);
  });

  it("lets error values reach the functions: allowErrorForDataTypeAny, which JSDoc cannot set, is merged into functions.json", () => {
    const metadata = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    for (const f of metadata.functions) expect({ id: f.id, addresses: f.options.requiresParameterAddresses }).toEqual({ id: f.id, addresses: true });
  });

  it("associates each id with its function in functions.js", () => {
    const js = readFileSync(join(out, "functions.js"), "utf8");
    for (const id of ["KPI_STATUS", "LEADLAG_CORR", "SIG_CHANGE", "SPC", "LEAD_FORECAST", "VARIANCE", "OUTLOOK", "FUNNEL"])
      expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("ships no workbench: the in-memory Excel is a development tool", () => {
    expect(existsSync(join(out, "workbench.html"))).toBe(false);
    expect(existsSync(join(out, "workbench.js"))).toBe(false);
    for (const file of ["functions.js", "taskpane.js"]) expect(readFileSync(join(out, file), "utf8")).not.toContain("The workbench models");
  });

  it("keeps React and Fluent UI out of functions.js", () => {
    const js = readFileSync(join(out, "functions.js"), "utf8");
    expect(js).not.toMatch(/react\.production|__SECRET_INTERNALS|fluentui/i);
  });

  it("ships one shared-runtime page loading the functions before the pane, plus manifest and icons", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    const functionsAt = html.search(/src="?functions\.js/);
    const paneAt = html.search(/src="?taskpane\.js/);
    expect(functionsAt).toBeGreaterThan(-1);
    expect(paneAt).toBeGreaterThan(functionsAt);
    for (const file of ["manifest.xml", "help.html", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-64.png", "assets/icon-80.png"]) {
      expect({ file, exists: existsSync(join(out, file)) }).toEqual({ file, exists: true });
    }
  });
});
