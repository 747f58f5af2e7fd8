/**
 * @jest-environment jsdom
 *
 * The help page renders each function from functions.json and, under VARIANCE and OUTLOOK, its
 * worked example (src/help/examples.ts).
 */
import { WORKED_EXAMPLES } from "../../src/help/examples";

const metadata = {
  functions: [
    {
      id: "VARIANCE",
      name: "VARIANCE",
      description: "Budget against actual.",
      parameters: [{ name: "actual" }, { name: "target" }, { name: "output", optional: true }],
    },
    { id: "OUTLOOK", name: "OUTLOOK", description: "Where will the year land?", parameters: [{ name: "actual" }, { name: "target" }] },
    { id: "SPC", name: "SPC", description: "A process behaviour chart.", parameters: [{ name: "values" }] },
  ],
};

it("shows a worked example under VARIANCE and OUTLOOK, and none where there is none", async () => {
  document.body.innerHTML = '<main id="functions"></main>';
  (globalThis as { fetch?: unknown }).fetch = async () => ({ json: async () => metadata });
  // The page runs its script on load: a fresh module each time, as jest.isolateModules gives with require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.isolateModules(() => require("../../src/help/help"));
  await new Promise((resolve) => setTimeout(resolve, 0));
  const sections = [...document.querySelectorAll("#functions > section")];
  expect(sections.map((s) => s.querySelector("h2")?.textContent)).toEqual([
    "KPI.VARIANCE(actual, target, [output])",
    "KPI.OUTLOOK(actual, target)",
    "KPI.SPC(values)",
  ]);
  const formulas = (s: Element) => [...s.querySelectorAll("li code")].map((c) => c.textContent);
  expect(formulas(sections[0])).toEqual(WORKED_EXAMPLES.VARIANCE.results.map(([f]) => f));
  expect(formulas(sections[1])).toEqual(WORKED_EXAMPLES.OUTLOOK.results.map(([f]) => f));
  expect(sections[0].textContent).toContain("=KPI.VARIANCE(B2, C2) returns -70");
  expect(sections[2].querySelector("h3")).toBeNull();
});
