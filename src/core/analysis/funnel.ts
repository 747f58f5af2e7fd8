/**
 * KPI.FUNNEL (FUNCTIONS.md): one KPI across segments in the same period, each segment's rate
 * against control limits that narrow with its size (Spiegelhalter, "Funnel plots for comparing
 * institutional performance", Statistics in Medicine 24, 2005), with his multiplicative
 * overdispersion factor estimated from winsorised z-scores (Spiegelhalter, "Handling
 * over-dispersion of performance indicators", Qual Saf Health Care 14, 2005: φ = Σ z_w² / k with
 * the 10% most extreme z on each side set to the nearest remaining z).
 */
import { fail } from "./problem";
import { chunked, runToEnd, Steps } from "./steps";
import { ratioOfSumsSteps } from "./spcRates";
import { ascendingSortSteps } from "../stats/ranks";

export type FunnelChart = "proportion" | "rate";
export type FunnelFlag = "Above 99.8%" | "Above 95%" | "Below 99.8%" | "Below 95%" | "Within";

/** Two-sided 95% and 99.8% normal quantiles as the contract gives them (Φ⁻¹(0.975), Φ⁻¹(0.999)). */
export const Z95 = 1.959963985;
export const Z998 = 3.090232306;
/** The funnel's lines are drawn at this many sizes between the smallest and largest segment. */
export const CURVE_POINTS = 50;

export interface FunnelOptions {
  chart: FunnelChart;
  /** The benchmark p0; null for the pooled rate of the segments used. */
  target: number | null;
  overdispersion: boolean;
}

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelResult {
  chart: FunnelChart;
  target: number;
  /** φ as computed when overdispersion is asked for (even when <= 1), else 1. */
  phi: number;
  /** The factor σ_i is multiplied by: √φ when φ > 1, else 1. */
  inflation: number;
  /** For each input cell, whether its segment is used. */
  used: Uint8Array;
  rates: Float64Array;
  denominators: Float64Array;
  /** z_i after the overdispersion factor. */
  z: Float64Array;
  flags: FunnelFlag[];
  /** The limits at a segment size n. */
  limitsAt(n: number): FunnelLimits;
}

/** Which segments are used (both numbers, denominator not 0), refusing negatives and proportions above 1. */
function* usedSegmentsSteps(numerators: Float64Array, denominators: Float64Array, chart: FunnelChart): Steps<Uint8Array> {
  const used = new Uint8Array(numerators.length);
  yield* chunked(numerators.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const x = numerators[i];
      const d = denominators[i];
      if (d < 0) fail("value", `denominators: value ${i + 1} is ${d}; a denominator cannot be negative`);
      if (d === 0) continue;
      if (x < 0) fail("value", `numerators: value ${i + 1} is ${x}; a numerator cannot be negative`);
      if (x !== x || d !== d) continue;
      if (chart === "proportion" && x > d)
        fail("value", `numerators: value ${i + 1} (${x}) is above its denominator (${d}); use chart "rate" for events that can exceed the units`);
      used[i] = 1;
    }
  });
  return used;
}

function checkTarget(target: number, chart: FunnelChart): void {
  if (chart === "proportion" && !(target >= 0 && target <= 1)) fail("value", `target must be a proportion from 0 to 1 for chart "proportion"; got ${target}`);
  if (chart === "rate" && !(target >= 0)) fail("value", `target must be a rate of 0 or more; got ${target}`);
}

export function* funnelSteps(numerators: Float64Array, denominators: Float64Array, options: FunnelOptions): Steps<FunnelResult> {
  const { chart } = options;
  if (options.target !== null) checkTarget(options.target, chart);
  const used = yield* usedSegmentsSteps(numerators, denominators, chart);
  yield;
  let k = 0;
  yield* chunked(used.length, (from, to) => {
    for (let i = from; i < to; i++) k += used[i];
  });
  yield;
  const nums = new Float64Array(k);
  const dens = new Float64Array(k);
  let j = 0;
  yield* chunked(used.length, (from, to) => {
    for (let i = from; i < to; i++) {
      if (!used[i]) continue;
      nums[j] = numerators[i];
      dens[j++] = denominators[i];
    }
  });
  if (k < 2) fail("na", `FUNNEL needs at least 2 segments with a numerator and a denominator above 0; got ${k}`);
  yield;
  const p0 = options.target ?? (yield* ratioOfSumsSteps(nums, dens));
  if (p0 === 0) fail("div0", "the target rate is 0, so every segment's σ is 0 and the limits are undefined");
  if (chart === "proportion" && p0 === 1) fail("div0", "the target proportion is 1, so every segment's σ is 0 and the limits are undefined");
  const spread = chart === "proportion" ? p0 * (1 - p0) : p0;
  const rates = new Float64Array(k);
  const z = new Float64Array(k);
  yield* chunked(k, (from, to) => {
    for (let j = from; j < to; j++) {
      rates[j] = nums[j] / dens[j];
      z[j] = (rates[j] - p0) / Math.sqrt(spread / dens[j]);
    }
  });
  yield;
  const phi = options.overdispersion ? yield* winsorisedPhi(z) : 1;
  const inflation = phi > 1 ? Math.sqrt(phi) : 1;
  const limitsAt = (n: number): FunnelLimits => funnelLimits(p0, Math.sqrt(spread / n) * inflation, chart);
  const flags: FunnelFlag[] = new Array(k);
  yield* chunked(k, (from, to) => {
    for (let j = from; j < to; j++) {
      const sigma = Math.sqrt(spread / dens[j]) * inflation;
      if (inflation !== 1) z[j] = (rates[j] - p0) / sigma;
      flags[j] = flagAt(rates[j], p0, sigma, chart);
    }
  });
  return { chart, target: p0, phi, inflation, used, rates, denominators: dens, z, flags, limitsAt };
}

/** φ = Σ z_w² / k, z winsorised at the (g+1)-th smallest and largest, g = floor(0.1·k). */
function* winsorisedPhi(z: Float64Array): Steps<number> {
  const k = z.length;
  const g = Math.floor(0.1 * k);
  const sorted = (yield* ascendingSortSteps(z)).keys;
  const low = sorted[g];
  const high = sorted[k - 1 - g];
  yield;
  let sum = 0;
  // Replacing the g smallest by the (g+1)-th smallest (and the g largest likewise) is clamping to [low, high].
  yield* chunked(k, (from, to) => {
    for (let j = from; j < to; j++) {
      const w = sorted[j] < low ? low : sorted[j] > high ? high : sorted[j];
      sum += w * w;
    }
  });
  return sum / k;
}

export function funnelLimits(p0: number, sigma: number, chart: FunnelChart): FunnelLimits {
  const top = chart === "proportion" ? (x: number) => Math.min(1, x) : (x: number) => x;
  return {
    lower95: Math.max(0, p0 - Z95 * sigma),
    upper95: top(p0 + Z95 * sigma),
    lower998: Math.max(0, p0 - Z998 * sigma),
    upper998: top(p0 + Z998 * sigma),
  };
}

/** The flag of a rate against the limits at σ (strict inequalities: a rate on a limit is within it), no limits object per segment. */
function flagAt(rate: number, p0: number, sigma: number, chart: FunnelChart): FunnelFlag {
  const top = chart === "proportion" ? 1 : Infinity;
  if (rate > Math.min(top, p0 + Z998 * sigma)) return "Above 99.8%";
  if (rate > Math.min(top, p0 + Z95 * sigma)) return "Above 95%";
  if (rate < Math.max(0, p0 - Z998 * sigma)) return "Below 99.8%";
  if (rate < Math.max(0, p0 - Z95 * sigma)) return "Below 95%";
  return "Within";
}

/** The sizes the "curve" output draws the funnel at: n_min·(n_max/n_min)^(j/49), one when all sizes are equal. */
export function curveSizes(denominators: Float64Array): number[] {
  return runToEnd(curveSizesSteps(denominators));
}

/** curveSizes in steps of a chunk of a full column each. */
export function* curveSizesSteps(denominators: Float64Array): Steps<number[]> {
  let min = Infinity;
  let max = -Infinity;
  yield* chunked(denominators.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const d = denominators[i];
      if (d < min) min = d;
      if (d > max) max = d;
    }
  });
  if (min === max) return [min];
  const sizes: number[] = [];
  for (let j = 0; j < CURVE_POINTS; j++) sizes.push(min * (max / min) ** (j / (CURVE_POINTS - 1)));
  return sizes;
}
