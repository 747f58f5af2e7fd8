/**
 * Pearson correlation of paired samples, and its t-test. Written for accuracy on the data
 * analysts have: values with a large offset and a tiny spread (1e9 + noise of 1e-3) and
 * near-perfect correlation, where the textbook one-pass formulas lose most of their digits.
 */
import { Problem } from "../analysis/problem";
import { twoSidedTPValue } from "./distributions";

export interface Correlation {
  r: number;
  /** 1 - r², computed from residuals when |r| is near 1 so that it keeps its relative precision. */
  oneMinusR2: number;
  n: number;
}

/** Above this |r|, 1 - r² is recomputed from residuals instead of by subtraction. */
const NEAR_PERFECT = 0.9;

export interface CentredSums {
  /** The means as first computed; cx / m and cy / m are what rounding left in them. */
  mx: number;
  my: number;
  cx: number;
  cy: number;
  sxx: number;
  syy: number;
  sxy: number;
}

/**
 * Sums of squares and cross products about the means of xs[0..m) and ys[0..m), by the corrected
 * two-pass algorithm, the data first shifted by its first pair so that an offset vanishes exactly
 * (Sterbenz) before any sum. Shared by the correlation and the least-squares fit.
 */
export function centredSums(xs: ArrayLike<number>, ys: ArrayLike<number>, m: number): CentredSums {
  const x0 = xs[0];
  const y0 = ys[0];
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < m; i++) {
    sx += xs[i] - x0;
    sy += ys[i] - y0;
  }
  const mx = x0 + sx / m;
  const my = y0 + sy / m;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < m; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
    cx += dx;
    cy += dy;
  }
  // The corrected two-pass algorithm removes what rounding left in the means.
  sxx -= (cx * cx) / m;
  syy -= (cy * cy) / m;
  sxy -= (cx * cy) / m;
  return { mx, my, cx, cy, sxx, syy, sxy };
}

/** Correlation of xs[0..m) with ys[0..m). Every value must be a finite number. */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>, m: number): Correlation | Problem {
  if (m < 3) return new Problem("na", `needs at least 3 pairs of numbers, got ${m}`);
  const { mx, my, cx, cy, sxx, syy, sxy } = centredSums(xs, ys, m);
  if (!(sxx > 0) || !(syy > 0)) return new Problem("div0", "one of the series is constant, so r is undefined");
  let r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
  r = Math.max(-1, Math.min(1, r));
  let oneMinusR2 = 1 - r * r;
  if (Math.abs(r) > NEAR_PERFECT) {
    const slope = sxy / sxx;
    const dxc = cx / m;
    const dyc = cy / m;
    let sse = 0;
    for (let i = 0; i < m; i++) {
      const e = xs[i] - mx - dxc;
      const residual = ys[i] - my - dyc - slope * e;
      sse += residual * residual;
    }
    oneMinusR2 = Math.min(1, sse / syy);
  }
  if (Math.abs(r) === 1 || oneMinusR2 === 0) return { r: Math.sign(r), oneMinusR2: 0, n: m };
  return { r, oneMinusR2, n: m };
}

/** Two-sided p-value of H0 "no correlation": t = r·√((n−2)/(1−r²)), n − 2 degrees of freedom. */
export function correlationPValue(c: Correlation): number {
  if (c.oneMinusR2 <= 0) return 0;
  const t = c.r * Math.sqrt((c.n - 2) / c.oneMinusR2);
  return twoSidedTPValue(t, c.n - 2);
}
