/**
 * Headless Chromium for the browser tests: Debian's chromium (or CHROMIUM_PATH) driven by
 * playwright-core, with the flags this network needs (no background connections).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, chromium, Page, Request } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every request the page made. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh headless Chromium profile; background networking off, as this network requires. */
export function launchChromium(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kpi-lens-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function openWorkbench(query = "", viewport = { width: 1280, height: 900 }): Promise<Session> {
  const context = await launchChromium(viewport);
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r: Request) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${process.env.KPI_LENS_URL}/workbench.html${query}`);
  await page.getByRole("heading", { name: "KPI Lens" }).waitFor();
  await page.waitForFunction(() => !document.querySelector("main[aria-busy='true']"));
  return { context, page, requests, errors, close: () => context.close() };
}

type Snapshot = import("../../src/workbench/snapshot").WorkbookSnapshot;

export function snapshotOf(page: Page): Promise<Snapshot> {
  return page.evaluate(() => window.workbench.snapshot());
}

/** Selects `address` in the workbench, as a click would, and waits for the pane to say what it read. */
export async function selectRange(page: Page, address: string): Promise<void> {
  await page.evaluate((a) => window.workbench.select(a), address);
  await page.getByText(/^Selected /).waitFor();
}

/** Fills the pane's form field by field, in the order given, each found by its label: a list is chosen from, a box typed into. */
export async function fillFields(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
}

/** Presses "Tag as KPI" and waits for the message saying it is done. */
export async function pressTag(page: Page, done: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: "Tag as KPI" }).click();
  await page.getByText(done).waitFor();
}

/** Fills the pane's tag form by its labels and presses "Tag as KPI". */
export async function tagThroughPane(
  page: Page,
  address: string,
  fields: {
    name: string;
    owner: string;
    objective: string;
    target: string;
    atRisk?: string;
    direction?: "higher" | "lower";
    kind?: "leading" | "lagging";
    predicts?: string;
  },
): Promise<void> {
  await selectRange(page, address);
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("Owner", { exact: true }).fill(fields.owner);
  await page.getByLabel("Objective", { exact: true }).fill(fields.objective);
  if (fields.kind) await page.getByLabel("Kind", { exact: true }).selectOption(fields.kind);
  if (fields.predicts) await page.getByLabel("Predicts", { exact: true }).selectOption({ label: fields.predicts });
  await page.getByLabel("Direction", { exact: true }).selectOption(fields.direction ?? "higher");
  await page.getByLabel("Target", { exact: true }).fill(fields.target);
  await page.getByLabel("At risk", { exact: true }).fill(fields.atRisk ?? "");
  await pressTag(page, `Tagged ${fields.name} as a KPI`);
}

/** Waits until the add-in has made no round trip for a while (its debounced refreshes are done). */
export async function settle(page: Page, quietMs = 500): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const now = await page.evaluate(() => window.workbench.syncCount());
    if (now === last) return;
    last = now;
    await page.waitForTimeout(quietMs);
  }
  throw new Error("The add-in kept making round trips to Excel");
}
