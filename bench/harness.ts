/**
 * The bench's machinery: a case is a small object (a group, a name and how to measure it), and
 * this file times it, checks it against its baseline and prints its row. Times are medians
 * after a warm-up; a ratio is always between two things measured in the same run, because this
 * machine is shared and any one time may be stretched by half.
 */
export const QUICK = process.argv.includes("--quick");
export const FULL_COLUMN = 1_048_575;
export const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export interface Row {
  group: string;
  case: string;
  ms: number;
  baselineMs?: number;
  ratio?: number;
  heapMB?: number;
  syncs?: number;
  note?: string;
}

/** One line of the bench: `measure` returns the rows it reports (usually one). */
export interface Case {
  group: string;
  name: string;
  measure: () => Row[] | Promise<Row[]>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median of `repeats` runs, after a warm-up unless the case already ran once (its check). */
export function time(f: () => unknown, repeats: number, warmUp = true): number {
  if (warmUp) f();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

export function repeatsFor(estimateMs: number): number {
  if (estimateMs > 4000) return 1;
  if (estimateMs > 800) return QUICK ? 1 : 3;
  return QUICK ? 3 : 7;
}

/** Memory the call holds when it returns: JS heap plus typed-array buffers (which live outside it). */
export function heapGrowthMB(f: () => unknown): number {
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

/** The check both sides must pass before they are timed: r, p and counts to 1e-9. */
export function close(a: unknown, b: number, what: string): void {
  if (typeof a !== "number" || !(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(b), 1e-3))) {
    throw new Error(`baseline and KPI Lens disagree on ${what}: ${String(a)} vs ${b}`);
  }
}

/**
 * A function beside a straightforward baseline on the same data: checked equal (`check`
 * throws if not), then both timed; `ratio` is how many times faster KPI Lens is.
 */
export function versus(c: {
  group: string;
  name: string;
  ours: () => unknown;
  baseline: () => unknown;
  check: (ours: unknown, base: unknown) => void;
  heap?: boolean;
}): Case {
  return {
    group: c.group,
    name: c.name,
    measure: () => {
      let t = performance.now();
      const ours = c.ours();
      const single = performance.now() - t;
      t = performance.now();
      const base = c.baseline();
      const baseSingle = performance.now() - t;
      c.check(ours, base);
      // The check was the warm-up; a baseline that takes many seconds is timed once more.
      const ms = time(c.ours, repeatsFor(single), false);
      const baselineMs = time(c.baseline, repeatsFor(baseSingle), false);
      const heapMB = c.heap ? heapGrowthMB(c.ours) : undefined;
      return [{ group: c.group, case: c.name, ms, baselineMs, ratio: baselineMs / ms, heapMB }];
    },
  };
}

const rows: Row[] = [];

export function record(row: Row): void {
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

export function recorded(): Row[] {
  return rows;
}

export function printHeader(): void {
  console.log(
    ["group".padEnd(26), "case".padEnd(72), "ms".padStart(9), "baseline".padStart(10), "speedup".padStart(8), "mem MB".padStart(8), "syncs"].join(" "),
  );
}
