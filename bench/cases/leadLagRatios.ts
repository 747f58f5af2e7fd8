/**
 * LEADLAG_CORR on a full column, 365 lags, 1% blanks, against two references measured in the
 * same run: SciPy's FFT cross-correlation (`--only scipy`, bench/scipy_fft.py; Pearson's goal:
 * at most 1.5× SciPy) and its own Pearson (`--only spearman`; Spearman's goal: at most 10×).
 */
import "../../test/support/customFunctionsGlobal";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { leadLagCorr } from "../../test/support/functions";
import { pair } from "../data";
import { Case, close, FULL_COLUMN, median, QUICK, Row, time } from "../harness";

const LAGS = 365;
const LABEL = `n=${FULL_COLUMN}, max_lag=${LAGS}, 1% blanks, whole LEADLAG_CORR`;

function scipyRows(): Row[] {
  const { x, y } = pair(FULL_COLUMN, 41);
  const dir = mkdtempSync(join(tmpdir(), "kpi-lens-fft-"));
  const write = (name: string, v: unknown[][]) => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(Float64Array.from(v, (row) => (typeof row[0] === "number" ? row[0] : NaN)).buffer));
    return path;
  };
  let scipy: { bare_ms: number; masked_ms: number; r: number[] };
  try {
    const out = execFileSync("python3", [join(__dirname, "..", "scipy_fft.py"), write("x.f64", x), write("y.f64", y), String(LAGS)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    });
    scipy = JSON.parse(out);
  } catch (e) {
    return [
      {
        group: "LEADLAG_CORR vs SciPy",
        case: "SciPy FFT cross-correlation",
        ms: NaN,
        note: `python3 with numpy and scipy not available: ${(e as Error).message.split("\n")[0]}`,
      },
    ];
  }
  const ours = leadLagCorr(x, y, LAGS, "pearson", false, "values");
  scipy.r.forEach((r, k) => close(ours[k][1], r, `r at lag ${k} (SciPy FFT, masked)`));
  const ms = time(() => leadLagCorr(x, y, LAGS, "pearson", false, "values"), QUICK ? 3 : 5);
  const goal = (baselineMs: number) => `${ms <= 1.5 * baselineMs ? "ok" : "OVER"}: ${(ms / baselineMs).toFixed(2)}× SciPy (goal <= 1.5×)`;
  return [
    {
      group: "LEADLAG_CORR vs SciPy",
      case: `pearson, ${LABEL} vs SciPy FFT, masked r`,
      ms,
      baselineMs: scipy.masked_ms,
      ratio: scipy.masked_ms / ms,
      note: goal(scipy.masked_ms),
    },
    {
      group: "LEADLAG_CORR vs SciPy",
      case: `pearson, ${LABEL} vs SciPy FFT, cross products only`,
      ms,
      baselineMs: scipy.bare_ms,
      ratio: scipy.bare_ms / ms,
      note: goal(scipy.bare_ms),
    },
  ];
}

/**
 * Spearman and Pearson alternately on the same data, so a busy machine stretches both alike. Each
 * ratio is given in wall time (the goal's) and in the process's CPU time, which the other
 * processes of this shared machine do not stretch.
 */
function spearmanRows(): Row[] {
  const { x, y } = pair(FULL_COLUMN, 41);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const once = (method: string) => {
    const t = performance.now();
    const c = cpu();
    leadLagCorr(x, y, LAGS, method, false, "values");
    return { wall: performance.now() - t, cpu: cpu() - c };
  };
  once("pearson");
  once("spearman");
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  const pearsonMs: number[] = [];
  const spearmanMs: number[] = [];
  for (let r = 0; r < (QUICK ? 1 : 3); r++) {
    const ps = [once("pearson"), once("pearson"), once("pearson")];
    const p = median(ps.map((v) => v.wall));
    const s = once("spearman");
    pearsonMs.push(p);
    spearmanMs.push(s.wall);
    ratios.push(s.wall / p);
    cpuRatios.push(s.cpu / median(ps.map((v) => v.cpu)));
  }
  const worst = Math.max(...ratios);
  const range = (v: number[]) => `${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)}×`;
  return [
    {
      group: "LEADLAG_CORR spearman",
      case: `spearman vs pearson, ${LABEL}: ${range(ratios)} Pearson`,
      ms: median(spearmanMs),
      baselineMs: median(pearsonMs),
      note: `${worst <= 10 ? "ok" : "OVER"} (goal <= 10× Pearson); CPU time ${range(cpuRatios)}; load ${loadavg()[0].toFixed(1)}`,
    },
  ];
}

export const leadLagRatioCases: Case[] = [
  { group: "scipy", name: "Pearson beside SciPy's FFT", measure: scipyRows },
  { group: "spearman", name: "Spearman beside Pearson", measure: spearmanRows },
];
