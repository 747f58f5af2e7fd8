/**
 * npm run bench: speed, memory and responsiveness of the worksheet functions on series up to a
 * full column, of the workbook layer against the in-memory Excel, and of the production bundles.
 * The bench is a list of cases (bench/cases/*.ts), each a small object: a group, a name and how
 * to measure it (harness.ts: `versus` for a function beside its baseline; cases/eventLoop.ts:
 * `eventLoop` for the longest block of the thread during a call). A function case first checks that KPI Lens and
 * its baseline give the same answers; every ratio is between two things measured in this run.
 * Figures go to bench/results.json (results-GROUP.json with --only).
 *
 *   npm run bench                       everything (many minutes)
 *   npm run bench -- --quick            fewer repeats, no full-column Spearman baselines at many lags
 *   npm run bench -- --only GROUP       one group: KPI_STATUS, SIG_CHANGE, LEADLAG_CORR, scipy,
 *                                       spearman, event-loop, workbook, round-trips, pane-300,
 *                                       pane-300-browser (Chromium), bundle
 *   npm run bench -- --only event-loop  every function on a full column as Excel calls it: the
 *                                       longest block of the thread per call against 50 ms
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleCases } from "./cases/bundle";
import { eventLoopCases } from "./cases/eventLoop";
import { functionCases } from "./cases/functions";
import { leadLagRatioCases } from "./cases/leadLagRatios";
import { workbookCases } from "./cases/workbook";
import { roundTripCases } from "./cases/roundTrips";
import { paneCases } from "./cases/pane300";
import { paneBrowserCases } from "./cases/paneBrowser";
import { Case, printHeader, QUICK, record, recorded } from "./harness";

const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;

const CASES: Case[] = [
  ...functionCases,
  ...workbookCases,
  ...roundTripCases,
  ...paneCases,
  ...paneBrowserCases,
  ...leadLagRatioCases,
  ...eventLoopCases,
  ...bundleCases,
];

async function main(): Promise<void> {
  const chosen = CASES.filter((c) => ONLY === null || c.group === ONLY);
  if (chosen.length === 0) throw new Error(`no cases in group ${ONLY}; groups: ${[...new Set(CASES.map((c) => c.group))].join(", ")}`);
  const gcNote = (globalThis as { gc?: unknown }).gc ? "" : " (no --expose-gc: heap figures are rough)";
  console.log(`KPI Lens bench, ${new Date().toISOString()}, node ${process.version}${QUICK ? ", quick" : ""}${gcNote}`);
  printHeader();
  for (const c of chosen) for (const row of await c.measure()) record(row);
  const path = join(__dirname, ONLY ? `results-${ONLY}.json` : "results.json");
  writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), node: process.version, quick: QUICK, only: ONLY, rows: recorded() }, null, 2));
  console.log(`\nWrote ${path}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
