/**
 * The two t-based comparisons SIG_CHANGE makes of a recent window against a baseline:
 * a prediction-interval test for one new value, and Welch's unequal-variance test for a window.
 * Both measure every value from the baseline's first value, so a large offset costs no digits.
 */
import { twoSidedTCritical, twoSidedTPValue } from "./distributions";
import { meanOf, Moments, momentsFrom, momentsFromSteps, sampleVarianceOf } from "./moments";
import { Steps } from "../analysis/steps";

export interface TComparison {
  /** The t statistic, or null when the spread is zero and t is undefined. */
  t: number | null;
  df: number;
  p: number;
  /** The recent means that would count as no change at the given alpha. */
  lower: number;
  upper: number;
}

/** Does the new value x fall outside what the baseline predicts? n_b − 1 degrees of freedom. */
export function predictionTest(baseline: ArrayLike<number>, x: number, alpha: number): TComparison {
  return predictionFrom(momentsFrom(baseline, baseline[0]), x, alpha);
}

/** Welch's two-sample t-test, recent against baseline, with Welch–Satterthwaite df. */
export function welchTest(baseline: ArrayLike<number>, recent: ArrayLike<number>, alpha: number): TComparison {
  return welchFrom(momentsFrom(baseline, baseline[0]), recent, alpha);
}

/** predictionTest for one recent value, welchTest for more, the baseline's passes in steps (a full column is a million). */
export function* tTestSteps(baseline: ArrayLike<number>, recent: ArrayLike<number>, alpha: number): Steps<TComparison> {
  const b = yield* momentsFromSteps(baseline, baseline[0]);
  return recent.length === 1 ? predictionFrom(b, recent[0], alpha) : welchFrom(b, recent, alpha);
}

function predictionFrom(b: Moments, x: number, alpha: number): TComparison {
  const origin = b.origin;
  const se = Math.sqrt(sampleVarianceOf(b)) * Math.sqrt(1 + 1 / b.n);
  return compare(x - origin - b.offsetMean, se, b.n - 1, meanOf(b), alpha);
}

function welchFrom(b: Moments, recent: ArrayLike<number>, alpha: number): TComparison {
  const r = momentsFrom(recent, b.origin);
  const vb = sampleVarianceOf(b) / b.n;
  const vr = sampleVarianceOf(r) / r.n;
  const se = Math.sqrt(vb + vr);
  const df = (vb + vr) ** 2 / ((vb * vb) / (b.n - 1) + (vr * vr) / (r.n - 1));
  return compare(r.offsetMean - b.offsetMean, se, df, meanOf(b), alpha);
}

function compare(difference: number, se: number, df: number, centre: number, alpha: number): TComparison {
  if (!(se > 0)) {
    // No spread at all: any difference is certain, no difference is no change.
    return { t: null, df, p: difference === 0 ? 1 : 0, lower: centre, upper: centre };
  }
  const t = difference / se;
  const margin = twoSidedTCritical(alpha, df) * se;
  return { t, df, p: twoSidedTPValue(t, df), lower: centre - margin, upper: centre + margin };
}
