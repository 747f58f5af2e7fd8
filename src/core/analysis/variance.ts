/**
 * Budget against actual, the way a month-end pack explains it (FUNCTIONS.md, "KPI.VARIANCE"):
 * the variance v = actual − target, its share of |target|, which way it goes, whether it is
 * material (the flux-analysis rule: every threshold given must be exceeded), and whether it is
 * a special cause on the XmR chart of the variance series. The chart is KPI.SPC's own
 * (core/analysis/spc.ts, direction "neutral", every variance in the baseline) with its NHS rules
 * (spcRules.ts): the rules are not written twice.
 */
import { fail, Problem } from "./problem";
import { spcSteps } from "./spc";
import { Steps } from "./steps";

export type VarianceDirection = "higher" | "lower" | "within";
export type VarianceLabel = "Favourable" | "Unfavourable" | "Over" | "Under" | "On target";

/** When a variance matters; null for a threshold not given. */
export interface Materiality {
  /** An amount in the units of actual: |v| must be strictly above it. */
  amount: number | null;
  /** A share of |target| (0.05 for "5%"): |v| must be strictly above share · |target|. */
  share: number | null;
}

/** No threshold: every non-zero variance is material. */
export const EVERY_VARIANCE: Materiality = { amount: null, share: null };

/** The XmR chart needs at least this many variances (KPI.SPC's minimum). */
export const MIN_EXPLAIN_VARIANCES = 3;

export function varianceLabel(v: number, direction: VarianceDirection): VarianceLabel {
  if (v === 0) return "On target";
  const above = v > 0;
  if (direction === "within") return above ? "Over" : "Under";
  return above === (direction === "higher") ? "Favourable" : "Unfavourable";
}

/** v / |target|; #DIV/0! when the target is 0. */
export function varianceShare(v: number, target: number): number | Problem {
  if (target === 0) return new Problem("div0", "the target is 0, so the variance has no percentage of it");
  return v / Math.abs(target);
}

/**
 * |v| strictly above every threshold given (FUNCTIONS.md's decided cases: the percentage test
 * is |v| > p·|target|, so with a target of 0 any non-zero variance exceeds it).
 */
export function isMaterial(v: number, target: number, m: Materiality): boolean {
  const size = Math.abs(v);
  if (m.amount === null && m.share === null) return size > 0;
  if (m.amount !== null && !(size > m.amount)) return false;
  if (m.share !== null && !(size > m.share * Math.abs(target))) return false;
  return true;
}

/**
 * Which variances are special causes on their XmR chart, charted exactly as
 * KPI.SPC(variances, , "neutral") charts them: centre, limits and rules 1–4 from all of them.
 * `variances` are the variances of the periods with data, in order. In KPI.SPC's steps (a pass
 * of a rule, a chunk of the median's sort), so a full column never holds the thread for long.
 */
export function* specialCausesSteps(variances: Float64Array): Steps<Uint8Array> {
  if (variances.length < MIN_EXPLAIN_VARIANCES) {
    fail("na", `explain needs the variances of at least ${MIN_EXPLAIN_VARIANCES} periods with data to chart them; got ${variances.length}`);
  }
  return (yield* spcSteps(variances, "neutral")).flags;
}
