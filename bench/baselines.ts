/**
 * Straightforward implementations the functions are timed against, on the same data in the same
 * run: per-lag slices fed to simple-statistics' sampleCorrelation, a sort-based rank, a
 * per-cell loop. Written for clarity, not speed; each case checks KPI Lens against them first.
 */
import * as ss from "simple-statistics";
import { twoSidedTPValue, twoSidedZPValue, twoSidedTCritical } from "../src/core/stats/distributions";

const flat = (m: unknown[][]) => m.map((r) => r[0]);

export function rankAverage(v: number[]): number[] {
  const idx = v.map((_, i) => i).sort((a, b) => v[a] - v[b]);
  const ranks = new Array<number>(v.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && v[idx[j + 1]] === v[idx[i]]) j++;
    for (let k = i; k <= j; k++) ranks[idx[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return ranks;
}

export function baselineLeadLag(xm: unknown[][], ym: unknown[][], maxLag: number, method: string, difference: boolean): [number, number, number][] {
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

export function baselineSig(m: unknown[][], recent: number, method: string): number {
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
    return twoSidedZPValue((Math.sign(u - mu) * Math.max(0, Math.abs(u - mu) - 0.5)) / sigma);
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

export function baselineStatus(actual: unknown[][], target: number): unknown[][] {
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
