/**
 * The production bundles: what the pane's page loads before its first paint beside all the code
 * the pane may load, and the pane's time to interactive in headless Chromium.
 *
 * First paint is the scripts taskpane.html loads itself (read from the HTML: functions.js, then
 * taskpane.js, the pane's entry); the other chunks are the parts of the pane loaded on use
 * (issue 25: dialogs, chain, strategy-map, and a chunk of the Fluent UI code only they need).
 * The size before that split cannot be measured in this run, being a build of other sources:
 * BEFORE_SPLIT is the figure measured on 2026-12-01, a production build of commit a522288 beside
 * one of the same commit with the split (7e46a33's files), in the same session.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Case, median, QUICK, Row } from "../harness";

/** taskpane.js before the split, in bytes (recorded, see above). */
const BEFORE_SPLIT = { date: "2026-12-01", commit: "a522288", minified: 969_605, gzipped: 304_457 };
/** The entries (webpack.config.js); every other .js in the output is a chunk loaded on use. */
const ENTRIES = new Set(["functions.js", "taskpane.js", "help.js", "workbench.js"]);

interface Size {
  minified: number;
  gzipped: number;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const sizeText = (s: Size) => `${kib(s.minified)} minified, ${kib(s.gzipped)} gzipped`;
const sum = (sizes: Size[]): Size => ({ minified: sizes.reduce((a, s) => a + s.minified, 0), gzipped: sizes.reduce((a, s) => a + s.gzipped, 0) });

function sizeOf(out: string, file: string): Size {
  const body = readFileSync(join(out, file));
  return { minified: body.length, gzipped: gzipSync(body).length };
}

/** The add-in's own scripts a page loads, in order (Office.js comes from Office's host, not from us). */
function scriptsOf(out: string, page: string): string[] {
  const html = readFileSync(join(out, page), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function sizeRows(out: string): Row[] {
  const firstPaint = scriptsOf(out, "taskpane.html");
  const chunks = readdirSync(out)
    .filter((f) => f.endsWith(".js") && !ENTRIES.has(f))
    .sort();
  const pane = sizeOf(out, "taskpane.js");
  const onUse = sum(chunks.map((f) => sizeOf(out, f)));
  const row = (text: string): Row => ({ group: "bundle", case: text, ms: 0 });
  return [
    row(`functions.js: ${sizeText(sizeOf(out, "functions.js"))}`),
    row(
      `first paint, taskpane.js (the pane's entry): ${sizeText(pane)}; before the split (${BEFORE_SPLIT.commit}, recorded ${BEFORE_SPLIT.date}): ${sizeText(BEFORE_SPLIT)}`,
    ),
    row(`first paint, taskpane.html's scripts (${firstPaint.join(" + ")}): ${sizeText(sum(firstPaint.map((f) => sizeOf(out, f))))}`),
    row(`loaded on use, ${chunks.length} chunks (${chunks.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).join(", ")}): ${sizeText(onUse)}`),
    row(`the pane in all, taskpane.js + its chunks: ${sizeText(sum([pane, onUse]))}`),
  ];
}

async function bundleRows(): Promise<Row[]> {
  const out = mkdtempSync(join(tmpdir(), "kpi-lens-bench-"));
  execFileSync("npx", ["webpack", "--mode", "production", "--env", "workbench", "--env", `outputPath=${out}`], { stdio: "ignore" });
  const rows = sizeRows(out);
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    rows.push({ group: "bundle", case: "pane interactive in headless Chromium", ms: NaN, note: `no Chromium at ${chromium}` });
    return rows;
  }
  const { serve } = await import("../../test/browser/staticServer");
  const { launchChromium } = await import("../../test/browser/browser");
  const { server, url } = await serve(out);
  const context = await launchChromium();
  const page = context.pages()[0] ?? (await context.newPage());
  const times: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++) {
    await page.goto(`${url}/workbench.html`);
    await page.getByRole("button", { name: "Tag as KPI" }).waitFor();
    times.push(await page.evaluate(() => performance.now()));
  }
  await context.close();
  server.close();
  rows.push({ group: "bundle", case: "pane interactive in headless Chromium (workbench page, from navigation)", ms: median(times) });
  return rows;
}

export const bundleCases: Case[] = [{ group: "bundle", name: "bundles", measure: bundleRows }];
