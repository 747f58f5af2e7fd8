/**
 * npm run bench: speed and memory of the worksheet functions on series up to a full column,
 * of the workbook layer against the in-memory Excel, and of the production bundles.
 *
 * Every function case also runs a straightforward baseline written here (per-lag slices fed to
 * simple-statistics' sampleCorrelation, a per-cell loop, a sort-based rank) on the same data in
 * the same process; the bench first checks that both give the same answers, then prints the
 * median time of each after a warm-up and their ratio. Figures go to bench/results.json.
 *
 *   npm run bench              everything (several minutes)
 *   npm run bench -- --quick   skips the full-column Spearman cases and runs fewer repeats
 *   npm run bench -- --only SIG_CHANGE   one group (KPI_STATUS, SIG_CHANGE, workbook, LEADLAG_CORR, scipy, event-loop, bundle)
 *   npm run bench -- --only scipy        Pearson LEADLAG_CORR beside SciPy's FFT cross-correlation (python3, scipy)
 *
 * The event-loop group calls the functions as Excel does (time-sliced, answering with a Promise)
 * and reports the longest time the thread was held during each call (perf_hooks'
 * monitorEventLoopDelay): the goal is at most 250 ms, since the pane shares the thread.
 */
import "../test/support/customFunctionsGlobal";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import * as ss from "simple-statistics";
import { kpiStatus, leadLagCorr, sigChange } from "../test/support/functions";
import * as functions from "../src/functions/functions";
import { LATER_FIELDS } from "../src/core/kpi";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { twoSidedTPValue, twoSidedZPValue, twoSidedTCritical } from "../src/core/stats/distributions";
import { runWith } from "../src/workbench/excel/api";
import { WorkbookModel } from "../src/workbench/excel/model";
import { columnLetters } from "../src/core/a1";
import { ExcelKpiWorkbook, KpiInput } from "../src/workbook/kpiWorkbook";

const QUICK = process.argv.includes("--quick");
/** --only GROUP (KPI_STATUS, SIG_CHANGE, workbook, LEADLAG_CORR, bundle) runs one group. */
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const runs = (group: string) => ONLY === null || ONLY === group;
const FULL_COLUMN = 1_048_575;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

interface Row {
  group: string;
  case: string;
  ms: number;
  baselineMs?: number;
  ratio?: number;
  heapMB?: number;
  syncs?: number;
  note?: string;
}

const rows: Row[] = [];

// ------------------------------------------------------------------ data
function generator(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A leading series, and an outcome that follows it 3 periods later, with 1% blanks in each. */
function pair(n: number, seed: number): { x: unknown[][]; y: unknown[][] } {
  const next = generator(seed);
  const driver = Array.from({ length: n + 3 }, () => next() - 0.5);
  const x = Array.from({ length: n }, (_, i) => [next() < 0.01 ? null : 1000 + driver[i + 3] + 0.3 * (next() - 0.5)]);
  const y = Array.from({ length: n }, (_, i) => [next() < 0.01 ? null : 50 + 2 * driver[i] + (next() - 0.5)]);
  return { x, y };
}

function series(n: number, seed: number): unknown[][] {
  const next = generator(seed);
  return Array.from({ length: n }, (_, i) => [next() < 0.01 ? null : 100 + 5 * (next() - 0.5) + (i > n - 30 ? 0.8 : 0)]);
}

// ------------------------------------------------------------------ timing
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of `repeats` runs after a warm-up; a case that already ran once (the check) can skip it. */
function time(f: () => unknown, repeats: number, warmUp = true): number {
  if (warmUp) f();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Memory the call holds when it returns: JS heap plus typed-array buffers (which live outside it). */
function heapGrowthMB(f: () => unknown): number {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  gc();
  const before = used();
  const result = f();
  const after = used();
  void result;
  return (after - before) / 2 ** 20;
}

function repeatsFor(estimateMs: number): number {
  if (estimateMs > 4000) return 1;
  if (estimateMs > 800) return QUICK ? 1 : 3;
  return QUICK ? 3 : 7;
}

// ------------------------------------------------------------------ baselines
const flat = (m: unknown[][]) => m.map((r) => r[0]);

function rankAverage(v: number[]): number[] {
  const idx = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const ranks = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
    for (let k = i; k <= j; k++) ranks[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

function baselineLeadLag(xm: unknown[][], ym: unknown[][], maxLag: number, method: string, difference: boolean): [number, number, number][] {
  let x = flat(xm) as (number | null)[];
  let y = flat(ym) as (number | null)[];
  if (difference) {
    const d = (v: (number | null)[]) => v.slice(1).map((b, i) => (b === null || v[i] === null ? null : (b as number) - (v[i] as number)));
    x = d(x);
    y = d(y);
  }
  const out: [number, number, number][] = [];
  for (let k = 0; k <= maxLag; k++) {
    const xs = x.slice(0, x.length - k);
    const ys = y.slice(k);
    const a: number[] = [];
    const b: number[] = [];
    xs.forEach((v, i) => {
      if (v !== null && ys[i] !== null) {
        a.push(v);
        b.push(ys[i] as number);
      }
    });
    const r = method === "spearman" ? ss.sampleCorrelation(rankAverage(a), rankAverage(b)) : ss.sampleCorrelation(a, b);
    const n = a.length;
    const p = twoSidedTPValue(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
    out.push([r, p, n]);
  }
  return out;
}

function baselineSig(m: unknown[][], recent: number, method: string): number {
  const v = flat(m).filter((x): x is number => typeof x === "number");
  const base = v.slice(0, v.length - recent);
  const rec = v.slice(v.length - recent);
  if (method === "xmr") {
    const centre = ss.mean(base);
    const mr = ss.mean(base.slice(1).map((b, i) => Math.abs(b - base[i])));
    return rec.some((x) => x > centre + 2.66 * mr || x < centre - 2.66 * mr) ? 1 : 0;
  }
  if (method === "mann-whitney") {
    const ranks = rankAverage([...base, ...rec]);
    const counts = new Map<number, number>();
    for (const x of [...base, ...rec]) counts.set(x, (counts.get(x) ?? 0) + 1);
    let ties = 0;
    for (const t of counts.values()) ties += t ** 3 - t;
    const N = v.length;
    const u = ranks.slice(base.length).reduce((a, b) => a + b, 0) - (recent * (recent + 1)) / 2;
    const mu = (recent * base.length) / 2;
    const sigma = Math.sqrt(((recent * base.length) / 12) * (N + 1 - ties / (N * (N - 1))));
    return twoSidedZPValue(Math.sign(u - mu) * Math.max(0, Math.abs(u - mu) - 0.5) / sigma);
  }
  if (recent === 1) {
    const se = ss.sampleStandardDeviation(base) * Math.sqrt(1 + 1 / base.length);
    return twoSidedTPValue((rec[0] - ss.mean(base)) / se, base.length - 1);
  }
  const vb = ss.sampleVariance(base) / base.length;
  const vr = ss.sampleVariance(rec) / rec.length;
  const df = (vb + vr) ** 2 / (vb ** 2 / (base.length - 1) + vr ** 2 / (rec.length - 1));
  void twoSidedTCritical;
  return twoSidedTPValue((ss.mean(rec) - ss.mean(base)) / Math.sqrt(vb + vr), df);
}

function baselineStatus(actual: unknown[][], target: number): unknown[][] {
  const out: unknown[][] = [];
  for (const row of actual) {
    const line: unknown[] = [];
    for (const a of row) {
      if (a === null || a === "") line.push("No data");
      else if (typeof a !== "number") line.push("#VALUE!");
      else line.push(a >= target ? "On track" : a >= target - 0.1 * Math.abs(target) ? "At risk" : "Off track");
    }
    out.push(line);
  }
  return out;
}

// ------------------------------------------------------------------ checks
function close(a: unknown, b: number, what: string): void {
  if (typeof a !== "number" || !(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), 1e-3))) {
    throw new Error(`baseline and KPI Lens disagree on ${what}: ${String(a)} vs ${b}`);
  }
}

// ------------------------------------------------------------------ cases
function benchLeadLag(): void {
  const sizes = [1000, 100_000, FULL_COLUMN];
  for (const n of sizes) {
    const { x, y } = pair(n, n);
    for (const method of ["pearson", "spearman"]) {
      for (const maxLag of [12, 52, 365]) {
        if (QUICK && method === "spearman" && n === FULL_COLUMN && maxLag > 12) continue;
        for (const difference of [false, true]) {
          const label = `n=${n}, max_lag=${maxLag}, ${method}, 1% blanks, difference ${difference ? "TRUE" : "FALSE"}`;
          let t = performance.now();
          const ours = leadLagCorr(x, y, maxLag, method, difference, "values");
          const single = performance.now() - t;
          t = performance.now();
          const base = baselineLeadLag(x, y, maxLag, method, difference);
          const baseSingle = performance.now() - t;
          base.forEach(([r, p, m], k) => {
            close(ours[k][1], r, `r at lag ${k} (${label})`);
            if (p > 1e-300) close(ours[k][2], p, `p at lag ${k} (${label})`);
            if (ours[k][3] !== m) throw new Error(`pair counts differ at lag ${k}`);
          });
          // The check above was the warm-up; a baseline that takes many seconds is timed once more.
          const ms = time(() => leadLagCorr(x, y, maxLag, method, difference, "values"), repeatsFor(single), false);
          const baselineMs = baseSingle > 4000 ? time(() => baselineLeadLag(x, y, maxLag, method, difference), 1, false) : time(() => baselineLeadLag(x, y, maxLag, method, difference), repeatsFor(baseSingle), false);
          const heapMB = n === FULL_COLUMN ? heapGrowthMB(() => leadLagCorr(x, y, maxLag, method, difference, "values")) : undefined;
          record({ group: "LEADLAG_CORR", case: label, ms, baselineMs, ratio: baselineMs / ms, heapMB });
        }
      }
    }
  }
}

function benchSigChange(): void {
  for (const n of [1000, 100_000, FULL_COLUMN]) {
    const v = series(n, 7 + n);
    for (const method of ["t", "mann-whitney", "xmr"]) {
      for (const recent of [1, 30]) {
        if (method === "mann-whitney" && recent === 1) continue;
        const label = `n=${n}, ${method}, recent ${recent}`;
        const ours = sigChange(v, recent, 0.05, method, method === "xmr" ? "direction" : "p")[0][0];
        const base = baselineSig(v, recent, method);
        if (method === "xmr") {
          if (Math.abs(ours as number) !== base) throw new Error(`baseline and KPI Lens disagree on the XmR signal (${label})`);
        } else close(ours, base, `p (${label})`);
        const ms = time(() => sigChange(v, recent, 0.05, method, "detail"), repeatsFor(50));
        const baselineMs = time(() => baselineSig(v, recent, method), repeatsFor(50));
        const heapMB = n === FULL_COLUMN ? heapGrowthMB(() => sigChange(v, recent, 0.05, method, "detail")) : undefined;
        record({ group: "SIG_CHANGE", case: label, ms, baselineMs, ratio: baselineMs / ms, heapMB });
      }
    }
  }
}

function benchKpiStatus(): void {
  const next = generator(99);
  const column = Array.from({ length: FULL_COLUMN }, () => [next() < 0.01 ? null : 80 + 40 * next()]);
  const square = Array.from({ length: 1000 }, () => Array.from({ length: 1000 }, () => (next() < 0.01 ? null : 80 + 40 * next())));
  for (const [label, actual] of [
    [`${FULL_COLUMN} × 1 spill`, column],
    ["1000 × 1000 spill", square],
  ] as const) {
    const ours = kpiStatus(actual as unknown[][], [[100]]);
    const base = baselineStatus(actual as unknown[][], 100);
    if (JSON.stringify(ours) !== JSON.stringify(base)) throw new Error(`baseline and KPI Lens disagree on KPI_STATUS (${label})`);
    const ms = time(() => kpiStatus(actual as unknown[][], [[100]]), repeatsFor(200));
    const baselineMs = time(() => baselineStatus(actual as unknown[][], 100), repeatsFor(200));
    record({ group: "KPI_STATUS", case: label, ms, baselineMs, ratio: baselineMs / ms, heapMB: heapGrowthMB(() => kpiStatus(actual as unknown[][], [[100]])) });
  }
}

async function benchWorkbook(): Promise<void> {
  const input: KpiInput = {
    name: "",
    owner: "Dana Whitfield",
    objective: "Grow",
    kind: "lagging",
    predicts: "",
    direction: "higher",
    target: 50,
    atRisk: 45,
    baseline: null,
    spcBaseline: null,
    spcFrom: null,
    unit: "",
    cadence: "monthly",
    initiative: "Push",
    response: "Call",
    primary: false,
    ...LATER_FIELDS,
  };
  for (const count of [1, 10, 100, 500]) {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    for (let c = 0; c < count; c++) for (let r = 0; r < 36; r++) model.writeValue(sheet, r, c, 40 + ((r * 7 + c * 3) % 20));
    const workbook = new ExcelKpiWorkbook(runWith(model));
    for (let c = 0; c < count; c++) {
      const col = columnLetters(c);
      await workbook.tag({ ...input, name: `K${c}` }, `Data!${col}1:${col}36`, `K${c}`);
    }
    const measure = async (label: string, f: () => Promise<unknown>) => {
      await f();
      const times: number[] = [];
      let syncs = 0;
      for (let i = 0; i < (QUICK ? 3 : 7); i++) {
        const before = model.syncCount;
        const t = performance.now();
        await f();
        times.push(performance.now() - t);
        syncs = model.syncCount - before;
      }
      record({ group: "workbook (in-memory Excel)", case: label, ms: median(times), syncs });
    };
    await measure(`refresh ${count} KPIs of 36 periods`, () => workbook.refresh());
    if (count === 500) {
      await measure("read the register (500 KPIs)", () => workbook.readRegister());
      const extra = model.addSheet("More");
      for (let r = 0; r < 36; r++) model.writeValue(extra, r, 0, r);
      let i = 0;
      await measure("tag one KPI (register of 500)", async () => {
        await workbook.tag({ ...input, name: `T${i}` }, `More!${columnLetters(i)}1:${columnLetters(i)}36`, `T${i}`);
        i++;
      });
    }
  }
}

async function benchBundles(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "kpi-lens-bench-"));
  execFileSync("npx", ["webpack", "--mode", "production", "--env", "workbench", "--env", `outputPath=${out}`], { stdio: "ignore" });
  for (const file of ["functions.js", "taskpane.js"]) {
    const body = readFileSync(join(out, file));
    record({ group: "bundle", case: `${file}: ${(body.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(body).length / 1024).toFixed(1)} KiB gzipped`, ms: 0 });
  }
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    record({ group: "bundle", case: "pane interactive in headless Chromium", ms: NaN, note: `no Chromium at ${chromium}` });
    return;
  }
  const { serve } = await import("../test/browser/staticServer");
  const { launchChromium } = await import("../test/browser/browser");
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
  record({ group: "bundle", case: "pane interactive in headless Chromium (workbench page, from navigation)", ms: median(times) });
}

/** The longest block of the event loop while `call`'s answer is awaited, and the call's duration. */
async function longestBlock(call: () => unknown): Promise<{ ms: number; blockMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // The histogram's first tick only starts its clock.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = performance.now();
  await call();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  h.disable();
  return { ms, blockMs: h.max / 1e6 };
}

/**
 * Pearson LEADLAG_CORR on a full column, 365 lags, 1% blanks, beside SciPy's FFT
 * cross-correlation on the same data in the same run (bench/scipy_fft.py): the goal is at most
 * 1.5× SciPy's time. r is checked against SciPy's masked computation at 1e-9.
 */
function benchScipyFft(): void {
  const lags = 365;
  const { x, y } = pair(FULL_COLUMN, 41);
  const dir = mkdtempSync(join(tmpdir(), "kpi-lens-fft-"));
  const write = (name: string, v: unknown[][]) => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(Float64Array.from(v, (row) => (typeof row[0] === "number" ? row[0] : NaN)).buffer));
    return path;
  };
  const xs = write("x.f64", x);
  const ys = write("y.f64", y);
  let scipy: { bare_ms: number; masked_ms: number; r: number[] };
  try {
    scipy = JSON.parse(execFileSync("python3", [join(__dirname, "scipy_fft.py"), xs, ys, String(lags)], { encoding: "utf8", maxBuffer: 1 << 24 }));
  } catch (e) {
    record({ group: "LEADLAG_CORR vs SciPy", case: "SciPy FFT cross-correlation", ms: NaN, note: `python3 with numpy and scipy not available: ${(e as Error).message.split("\n")[0]}` });
    return;
  }
  const ours = leadLagCorr(x, y, lags, "pearson", false, "values");
  scipy.r.forEach((r, k) => close(ours[k][1], r, `r at lag ${k} (SciPy FFT, masked)`));
  const ms = time(() => leadLagCorr(x, y, lags, "pearson", false, "values"), QUICK ? 3 : 5);
  const goal = (baselineMs: number) => (ms <= 1.5 * baselineMs ? `ok (${(ms / baselineMs).toFixed(2)}× SciPy, goal <= 1.5×)` : `OVER: ${(ms / baselineMs).toFixed(2)}× SciPy (goal <= 1.5×)`);
  const label = `n=${FULL_COLUMN}, max_lag=${lags}, pearson, 1% blanks, whole LEADLAG_CORR`;
  record({ group: "LEADLAG_CORR vs SciPy", case: `${label} vs SciPy FFT, masked r`, ms, baselineMs: scipy.masked_ms, ratio: scipy.masked_ms / ms, note: goal(scipy.masked_ms) });
  record({ group: "LEADLAG_CORR vs SciPy", case: `${label} vs SciPy FFT, cross products only`, ms, baselineMs: scipy.bare_ms, ratio: scipy.bare_ms / ms, note: goal(scipy.bare_ms) });
}

async function benchEventLoop(): Promise<void> {
  const { x, y } = pair(FULL_COLUMN, 41);
  for (const method of QUICK ? ["pearson"] : ["pearson", "spearman"]) {
    const { ms, blockMs } = await longestBlock(() => functions.leadLagCorr(x, y, 365, method));
    record({ group: "event-loop", case: `LEADLAG_CORR full column, 365 lags, ${method}: longest block ${blockMs.toFixed(0)} ms`, ms, note: blockMs <= 250 ? "ok (<= 250 ms)" : "OVER 250 ms" });
  }
  const values = series(FULL_COLUMN, 43);
  for (const method of ["t", "mann-whitney", "xmr"]) {
    const { ms, blockMs } = await longestBlock(() => functions.sigChange(values, 30, 0.05, method));
    record({ group: "event-loop", case: `SIG_CHANGE full column, ${method}: longest block ${blockMs.toFixed(0)} ms`, ms, note: blockMs <= 250 ? "ok (<= 250 ms)" : "OVER 250 ms" });
  }
  const spcRun = await longestBlock(() => functions.spc(values, 100, "higher", 1000, "detail"));
  record({ group: "event-loop", case: `SPC full column, detail: longest block ${spcRun.blockMs.toFixed(0)} ms`, ms: spcRun.ms, note: spcRun.blockMs <= 250 ? "ok (<= 250 ms)" : "OVER 250 ms" });
}

// ------------------------------------------------------------------ report
function record(row: Row): void {
  rows.push(row);
  const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? "" : n.toFixed(d));
  console.log(
    [
      row.group.padEnd(26),
      row.case.padEnd(72),
      fmt(row.ms, 1).padStart(9),
      fmt(row.baselineMs, 1).padStart(10),
      row.ratio === undefined ? "".padStart(8) : `${row.ratio.toFixed(1)}×`.padStart(8),
      fmt(row.heapMB, 1).padStart(8),
      row.syncs === undefined ? "" : String(row.syncs).padStart(5),
      row.note ?? "",
    ].join(" "),
  );
}

async function main(): Promise<void> {
  console.log(`KPI Lens bench, ${new Date().toISOString()}, node ${process.version}${QUICK ? ", quick" : ""}${(globalThis as { gc?: unknown }).gc ? "" : " (no --expose-gc: heap figures are rough)"}`);
  console.log(["group".padEnd(26), "case".padEnd(72), "ms".padStart(9), "baseline".padStart(10), "speedup".padStart(8), "mem MB".padStart(8), "syncs"].join(" "));
  if (runs("KPI_STATUS")) benchKpiStatus();
  if (runs("SIG_CHANGE")) benchSigChange();
  if (runs("workbook")) await benchWorkbook();
  if (runs("LEADLAG_CORR")) benchLeadLag();
  if (runs("LEADLAG_CORR") || runs("scipy")) benchScipyFft();
  if (runs("event-loop")) await benchEventLoop();
  if (runs("bundle")) await benchBundles();
  const path = join(__dirname, ONLY ? `results-${ONLY}.json` : "results.json");
  writeFileSync(path, JSON.stringify({ date: new Date().toISOString(), node: process.version, quick: QUICK, only: ONLY, rows }, null, 2));
  console.log(`\nWrote ${path}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
