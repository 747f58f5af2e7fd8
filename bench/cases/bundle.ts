/** The production bundles: sizes, and the pane's time to interactive in headless Chromium. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Case, median, QUICK, Row } from "../harness";

async function bundleRows(): Promise<Row[]> {
  const rows: Row[] = [];
  const out = mkdtempSync(join(tmpdir(), "kpi-lens-bench-"));
  execFileSync("npx", ["webpack", "--mode", "production", "--env", "workbench", "--env", `outputPath=${out}`], { stdio: "ignore" });
  for (const file of ["functions.js", "taskpane.js"]) {
    const body = readFileSync(join(out, file));
    rows.push({ group: "bundle", case: `${file}: ${(body.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(body).length / 1024).toFixed(1)} KiB gzipped`, ms: 0 });
  }
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
