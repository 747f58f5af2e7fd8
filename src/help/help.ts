/**
 * The help page (the manifest's support URL): renders the functions.json that the build
 * generates from the functions' JSDoc, so the page never drifts from what Excel shows.
 */
import { WORKED_EXAMPLES, WorkedExample } from "./examples";

interface FunctionParameter {
  name: string;
  description?: string;
  optional?: boolean;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: FunctionParameter[];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  return el;
}

function renderFunction(f: FunctionMetadata): HTMLElement {
  const section = element("section");
  // Each function's own anchor: its metadata's helpUrl ends in #<ID> (functions.ts @helpurl).
  section.id = f.id;
  const args = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  section.append(element("h2", `KPI.${f.name}(${args})`), element("p", f.description ?? ""));
  const table = element("table");
  const head = element("tr");
  head.append(element("th", "Argument"), element("th", "Required"), element("th", "Meaning"));
  table.append(head);
  for (const p of f.parameters) {
    const row = element("tr");
    row.append(element("td", p.name), element("td", p.optional ? "optional" : "required"), element("td", p.description ?? ""));
    table.append(row);
  }
  section.append(table);
  const example = WORKED_EXAMPLES[f.id];
  if (example) section.append(renderExample(example));
  return section;
}

function renderExample(example: WorkedExample): HTMLElement {
  const block = element("div");
  block.append(element("h3", "Example"), element("p", example.data));
  const list = element("ul");
  for (const [formula, result] of example.results) {
    const item = element("li");
    item.append(element("code", formula), document.createTextNode(` returns ${result}`));
    list.append(item);
  }
  block.append(list);
  return block;
}

async function main(): Promise<void> {
  const target = document.getElementById("functions");
  if (!target) return;
  try {
    const response = await fetch("functions.json");
    const metadata = (await response.json()) as { functions: FunctionMetadata[] };
    target.replaceChildren(...metadata.functions.map(renderFunction));
    // The sections arrive after the page loaded, so the browser could not scroll to #<ID> itself.
    if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  } catch (e) {
    target.textContent = `The function list could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
  }
}

void main();
