/**
 * The pane's bundle split (issue 25): the page loads office.js from Office's host and two of our
 * scripts; the dialogs, the chain and the strategy map are chunks of their own beside them,
 * loaded from the page's own origin (output.publicPath "auto": no origin is written in).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { productionBuild } from "./productionBuild";

let out: string;
let files: string[];

beforeAll(async () => {
  out = await productionBuild();
  files = readdirSync(out);
}, 180_000);

const chunk = (name: string) => files.filter((f) => new RegExp(`^${name}\\.[0-9a-f]{8}\\.js$`).test(f));
const text = (file: string) => readFileSync(join(out, file), "utf8");

describe("the pane's chunks", () => {
  it("loads at first paint office.js from Office's host and functions.js and taskpane.js only", () => {
    const scripts = [...text("taskpane.html").matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
  });

  it("names a chunk for the dialogs, the chain and the strategy map, with a hash", () => {
    for (const name of ["dialogs", "chain", "strategy-map"]) expect({ name, files: chunk(name).length }).toEqual({ name, files: 1 });
  });

  it("keeps what the chunks show out of taskpane.js", () => {
    const pane = text("taskpane.js");
    const where = [
      ["strategy-map", "Save as SVG"],
      ["chain", "Check the chain"],
      ["dialogs", "Untag"],
    ] as const;
    for (const [name, words] of where) {
      expect({ words, inChunk: text(chunk(name)[0]).includes(words) }).toEqual({ words, inChunk: true });
    }
    expect(pane).not.toContain("Save as SVG");
    expect(pane).not.toContain("Check the chain");
    expect(pane).not.toMatch(/fui-DialogSurface/);
  });

  it("writes no origin into the pane's scripts: chunks come from beside taskpane.js", () => {
    for (const file of ["taskpane.js", ...files.filter((f) => /\.[0-9a-f]{8}\.js$/.test(f))])
      expect({ file, origin: /https?:\/\/(localhost|127\.0\.0\.1)/.test(text(file)) }).toEqual({ file, origin: false });
  });

  it("keeps functions.js free of chunk loading: Excel's start-up loads it alone", () => {
    expect(text("functions.js")).not.toMatch(/webpackChunk/);
  });
});
