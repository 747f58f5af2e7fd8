/**
 * Throughput of the worksheet functions beside their baselines (baselines.ts), on series up to a
 * full column with 1% blanks: one `versus` case per line. Data is built when a case first runs,
 * so `--only` builds only what its group needs.
 */
import "../../test/support/customFunctionsGlobal";
import { kpiStatus, leadLagCorr, sigChange } from "../../test/support/functions";
import { baselineLeadLag, baselineSig, baselineStatus } from "../baselines";
import { generator, pair, series } from "../data";
import { Case, close, FULL_COLUMN, QUICK, versus } from "../harness";

const memo = new Map<string, unknown>();
function once<T>(key: string, make: () => T): () => T {
  return () => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as T;
  };
}

function leadLagCase(n: number, maxLag: number, method: string, difference: boolean): Case {
  const data = once(`pair ${n}`, () => pair(n, n));
  const label = `n=${n}, max_lag=${maxLag}, ${method}, 1% blanks, difference ${difference ? "TRUE" : "FALSE"}`;
  return versus({
    group: "LEADLAG_CORR",
    name: label,
    ours: () => leadLagCorr(data().x, data().y, maxLag, method, difference, "values"),
    baseline: () => baselineLeadLag(data().x, data().y, maxLag, method, difference),
    check: (o, b) => {
      const ours = o as unknown[][];
      (b as [number, number, number][]).forEach(([r, p, m], k) => {
        close(ours[k][1], r, `r at lag ${k} (${label})`);
        if (p > 1e-300) close(ours[k][2], p, `p at lag ${k} (${label})`);
        if (ours[k][3] !== m) throw new Error(`pair counts differ at lag ${k}`);
      });
    },
    heap: n === FULL_COLUMN,
  });
}

function sigChangeCase(n: number, method: string, recent: number): Case {
  const v = once(`series ${n}`, () => series(n, 7 + n));
  return versus({
    group: "SIG_CHANGE",
    name: `n=${n}, ${method}, recent ${recent}`,
    ours: () => sigChange(v(), recent, 0.05, method, method === "xmr" ? "direction" : "p")[0][0],
    baseline: () => baselineSig(v(), recent, method),
    check: (ours, base) => {
      if (method !== "xmr") return close(ours, base as number, `p (n=${n}, ${method}, recent ${recent})`);
      if (Math.abs(ours as number) !== base) throw new Error(`baseline and KPI Lens disagree on the XmR signal (n=${n}, recent ${recent})`);
    },
    heap: n === FULL_COLUMN,
  });
}

function kpiStatusCase(label: string, actual: () => unknown[][]): Case {
  return versus({
    group: "KPI_STATUS",
    name: label,
    ours: () => kpiStatus(actual(), [[100]]),
    baseline: () => baselineStatus(actual(), 100),
    check: (ours, base) => {
      if (JSON.stringify(ours) !== JSON.stringify(base)) throw new Error(`baseline and KPI Lens disagree on KPI_STATUS (${label})`);
    },
    heap: true,
  });
}

const statusColumn = once("status column", () => {
  const next = generator(99);
  return Array.from({ length: FULL_COLUMN }, () => [next() < 0.01 ? null : 80 + 40 * next()]);
});
const statusSquare = once("status square", () => {
  const next = generator(98);
  return Array.from({ length: 1000 }, () => Array.from({ length: 1000 }, () => (next() < 0.01 ? null : 80 + 40 * next())));
});

export const functionCases: Case[] = [
  kpiStatusCase(`${FULL_COLUMN} × 1 spill`, statusColumn),
  kpiStatusCase("1000 × 1000 spill", statusSquare),
  ...[1000, 100_000, FULL_COLUMN].flatMap((n) => [
    sigChangeCase(n, "t", 1),
    sigChangeCase(n, "t", 30),
    sigChangeCase(n, "mann-whitney", 30),
    sigChangeCase(n, "xmr", 1),
    sigChangeCase(n, "xmr", 30),
  ]),
  ...[1000, 100_000, FULL_COLUMN].flatMap((n) =>
    ["pearson", "spearman"].flatMap((method) =>
      [12, 52, 365]
        // The baseline for a full-column Spearman at many lags takes minutes: left out of --quick.
        .filter((maxLag) => !(QUICK && method === "spearman" && n === FULL_COLUMN && maxLag > 12))
        .flatMap((maxLag) => [leadLagCase(n, maxLag, method, false), leadLagCase(n, maxLag, method, true)]),
    ),
  ),
];
