/**
 * Offline checks of manifest.xml. Microsoft's validator (npm run validate) needs the network,
 * and no registry package ships the manifest XSD, so these hold the rules that matter to a
 * shared-runtime add-in: well-formed XML, every resid defined, one resid for the runtime,
 * the functions' page, the function file and the task-pane button, Runtimes first under
 * Host, https URLs, the KPI namespace, and no permission or app domain beyond what we use.
 */
import { readFileSync, existsSync } from "node:fs";
import { JSDOM } from "jsdom";
import { ACTIONS } from "../../src/taskpane/officeActions";

const xml = readFileSync("manifest.xml", "utf8");
const doc = new new JSDOM("").window.DOMParser().parseFromString(xml, "application/xml");

function all(tag: string): Element[] {
  return Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === tag);
}

function one(tag: string): Element {
  const found = all(tag);
  expect({ tag, count: found.length }).toEqual({ tag, count: 1 });
  return found[0];
}

function resource(id: string): Element | undefined {
  return [...all("Image"), ...all("Url"), ...all("String")].find((e) => e.getAttribute("id") === id);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("defines every resid it uses, once", () => {
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((x): x is string => x !== null);
    expect(used.length).toBeGreaterThan(10);
    for (const id of new Set(used)) expect({ id, defined: resource(id) !== undefined }).toEqual({ id, defined: true });
    const ids = [...all("Image"), ...all("Url"), ...all("String")].map((e) => e.getAttribute("id")).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses one shared runtime for the task pane and the functions", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const shared = runtime.getAttribute("resid");
    const page = one("Page").getElementsByTagName("SourceLocation")[0];
    const functionFile = one("FunctionFile");
    const action = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane")!;
    expect(page.getAttribute("resid")).toBe(shared);
    expect(functionFile.getAttribute("resid")).toBe(shared);
    expect(action.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(shared);
    const requirement = all("Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(requirement?.getAttribute("MinVersion")).toBe("1.1");
    // The workbook layer uses worksheet change events and Range.getTables (ExcelApi 1.9).
    expect(
      all("Set")
        .find((s) => s.getAttribute("Name") === "ExcelApi")
        ?.getAttribute("MinVersion"),
    ).toBe("1.9");
  });

  // "Configure your Office Add-in to use a shared runtime" (learn.microsoft.com), Multiple task
  // panes: a shared runtime supports one task pane, and a pane without a TaskpaneId counts as a
  // different one; the runtime "won't load if the resid uses different values". "Action element"
  // and "Runtime element" (manifest reference): SourceLocation's and Runtime's resid at most 32
  // characters; actions sharing a TaskpaneId share one pane.
  it("has one task pane for the shared runtime: every ShowTaskpane action names the same TaskpaneId and loads the runtime's page", () => {
    const runtime = one("Runtime").getAttribute("resid")!;
    const shows = all("Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(shows.length).toBeGreaterThan(0);
    const ids = shows.map((a) =>
      Array.from(a.children)
        .filter((c) => c.localName === "TaskpaneId")
        .map((c) => c.textContent?.trim() ?? ""),
    );
    for (const found of ids) expect(found).toHaveLength(1);
    expect(new Set(ids.flat())).toEqual(new Set(["KpiLens.Pane"]));
    // The pane opens only when asked (issue 21 item 3): not the auto-open id.
    expect(ids.flat()).not.toContain("Office.AutoShowTaskpaneWithDocument");
    for (const a of shows)
      expect(
        Array.from(a.children)
          .find((c) => c.localName === "SourceLocation")
          ?.getAttribute("resid"),
      ).toBe(runtime);
    const residsOfPages = [...all("SourceLocation"), ...all("FunctionFile"), ...all("Runtime")]
      .map((e) => e.getAttribute("resid"))
      .filter((x): x is string => x !== null);
    for (const resid of residsOfPages) expect({ resid, fits: resid.length <= 32 }).toEqual({ resid, fits: true });
    expect(resource(runtime)?.localName).toBe("Url");
    expect(xml).toContain("Configure your Office Add-in to use a shared");
  });

  it("requires CustomFunctionsRuntime 1.3, what the functions call: parameterAddresses and the #DIV/0!, #NUM!, #NULL! codes", () => {
    expect(
      all("Set")
        .find((s) => s.getAttribute("Name") === "CustomFunctionsRuntime")
        ?.getAttribute("MinVersion"),
    ).toBe("1.3");
    const source = ["src/functions/invoke.ts", "src/functions/argumentCells.ts", "src/functions/cells.ts"].map((f) => readFileSync(f, "utf8")).join("\n");
    expect(source).toMatch(/parameterAddresses/);
    expect(source).toMatch(/#DIV\/0!/);
  });

  it("names all eight worksheet functions in its description", () => {
    const description = doc.documentElement.querySelector(":scope > Description")?.getAttribute("DefaultValue") ?? "";
    for (const id of ["KPI_STATUS", "LEADLAG_CORR", "SIG_CHANGE", "SPC", "LEAD_FORECAST", "VARIANCE", "OUTLOOK", "FUNNEL"])
      expect(description).toContain(`KPI.${id}`);
    expect(description.length).toBeLessThanOrEqual(250);
  });

  it("lists Runtimes first under the workbook Host", () => {
    const host = all("Host").find((h) => h.getAttribute("xsi:type") === "Workbook")!;
    expect(host.firstElementChild?.localName).toBe("Runtimes");
  });

  it("registers the functions under the namespace KPI from functions.js and functions.json", () => {
    const namespace = one("Namespace").getAttribute("resid")!;
    expect(resource(namespace)?.getAttribute("DefaultValue")).toBe("KPI");
    const script = one("Script").getElementsByTagName("SourceLocation")[0].getAttribute("resid")!;
    const metadata = one("Metadata").getElementsByTagName("SourceLocation")[0].getAttribute("resid")!;
    expect(resource(script)?.getAttribute("DefaultValue")).toMatch(/\/functions\.js$/);
    expect(resource(metadata)?.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
  });

  it("has a ribbon button that opens the pane, with icons", () => {
    const button = all("Control").find((c) => c.getAttribute("xsi:type") === "Button")!;
    expect(button).toBeDefined();
    const sizes = Array.from(button.getElementsByTagName("bt:Image")).map((i) => i.getAttribute("size"));
    expect(sizes).toEqual(["16", "32", "80"]);
  });

  it("points every URL at https and at files the build ships", () => {
    const urls = [...all("SourceLocation"), ...all("IconUrl"), ...all("HighResolutionIconUrl"), ...all("SupportUrl"), ...all("Url"), ...all("Image")]
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((x): x is string => x !== null);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      const path = new URL(url).pathname.replace(/^\//, "");
      const source = path.startsWith("assets/")
        ? path
        : {
            "taskpane.html": "src/taskpane/taskpane.html",
            "help.html": "src/help/help.html",
            "functions.js": "src/functions/functions.ts",
            "functions.json": "src/functions/functions.ts",
          }[path];
      expect({ url, shipped: source !== undefined && existsSync(source) }).toEqual({ url, shipped: true });
    }
  });

  it("offers Tag as KPI… on the cell menu, run by the shared runtime's function", () => {
    const menu = all("OfficeMenu").find((m) => m.getAttribute("id") === "ContextMenuCell")!;
    expect(menu.parentElement?.getAttribute("xsi:type")).toBe("ContextMenu");
    const control = menu.getElementsByTagName("Control")[0];
    expect(resource(control.getElementsByTagName("Label")[0].getAttribute("resid")!)?.getAttribute("DefaultValue")).toBe("Tag as KPI…");
    const action = control.getElementsByTagName("Action")[0];
    expect(action.getAttribute("xsi:type")).toBe("ExecuteFunction");
    const name = action.getElementsByTagName("FunctionName")[0].textContent;
    expect(name).toBe(ACTIONS.tagSelection);
    // The function file is the shared runtime's page, where officeActions.ts associates the name.
    expect(one("FunctionFile").getAttribute("resid")).toBe(one("Runtime").getAttribute("resid"));
    expect(readFileSync("src/taskpane/index.tsx", "utf8")).toMatch(/registerOfficeActions\(/);
  });

  it("points ExtendedOverrides, right after VersionOverrides, at the shortcuts the pane associates", () => {
    const extended = one("ExtendedOverrides");
    expect(extended.previousElementSibling?.localName).toBe("VersionOverrides");
    const url = new URL(extended.getAttribute("Url")!);
    expect(url.protocol).toBe("https:");
    expect(url.pathname).toBe("/shortcuts.json");
    expect(readFileSync("webpack.config.js", "utf8")).toContain('{ from: "src/taskpane/shortcuts.json", to: "shortcuts.json" }');
    const shortcuts = JSON.parse(readFileSync("src/taskpane/shortcuts.json", "utf8")) as {
      actions: { id: string; type: string }[];
      shortcuts: { action: string; key: { default: string } }[];
    };
    expect(shortcuts.actions.map((a) => a.id).sort()).toEqual(Object.values(ACTIONS).sort());
    expect(shortcuts.actions.every((a) => a.type === "ExecuteFunction")).toBe(true);
    expect(shortcuts.shortcuts.map((s) => s.action).sort()).toEqual(Object.values(ACTIONS).sort());
    for (const s of shortcuts.shortcuts) expect(s.key.default).toMatch(/^Ctrl\+Alt\+Shift\+[A-Z]$/);
  });

  it("keeps every string within the manifest's limits (125 short, 250 long)", () => {
    for (const s of all("String")) {
      const long = s.parentElement?.localName === "LongStrings";
      expect({ id: s.getAttribute("id"), fits: (s.getAttribute("DefaultValue") ?? "").length <= (long ? 250 : 125) }).toEqual({
        id: s.getAttribute("id"),
        fits: true,
      });
    }
  });

  it("asks for ReadWriteDocument and nothing more, with a support URL and no unused app domains", () => {
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(one("SupportUrl").getAttribute("DefaultValue")).toMatch(/^https:\/\//);
    expect(all("AppDomain")).toHaveLength(0);
  });
});
