/** SIG_CHANGE over Excel's cells. */
import { fail } from "../core/analysis/problem";
import { CHANGE_LABEL, sigChangeSteps, SigChangeResult, SigMethod } from "../core/analysis/sigChange";
import { Problem } from "../core/analysis/problem";
import { readChoice, readNumber, readWholeNumber, ResultCell } from "./cells";
import { readSeriesSteps } from "./readSeriesSteps";
import { Steps } from "../core/analysis/steps";

export type SigOutput = "label" | "direction" | "p" | "detail";

export const SIG_DETAIL_HEADER = ["change", "p_value", "statistic", "baseline_mean", "recent_mean", "lower_limit", "upper_limit"];

/** In steps: reading a full column a chunk at a time, then the test. */
export function* sigChangeCells(values: unknown, recent: unknown, alpha: unknown, method: unknown, output: unknown): Steps<ResultCell[][]> {
  const series = yield* readSeriesSteps(values, "values");
  yield;
  const options = {
    recent: readWholeNumber(recent, "recent", 1, 1, Number.MAX_SAFE_INTEGER),
    alpha: readAlpha(alpha),
    method: readChoice<SigMethod>(method, "method", ["t", "mann-whitney", "xmr"], "t"),
    // The series was read into an array of its own just above.
    ownsInputs: true,
  };
  const out = readChoice<SigOutput>(output, "output", ["label", "direction", "p", "detail"], "label");
  const result = yield* sigChangeSteps(series, options);
  switch (out) {
    case "label":
      return [[CHANGE_LABEL[result.direction]]];
    case "direction":
      return [[result.direction]];
    case "p":
      return [[result.p ?? new Problem("na", 'method "xmr" has no p-value; use output "label" or "detail"')]];
    case "detail":
      return [[...SIG_DETAIL_HEADER], detailRow(result)];
  }
}

function readAlpha(v: unknown): number {
  const alpha = readNumber(v, "alpha", 0.05);
  if (!(alpha > 0 && alpha < 1)) fail("value", `alpha must be between 0 and 1 (exclusive); got ${alpha}`);
  return alpha;
}

function detailRow(r: SigChangeResult): ResultCell[] {
  return [CHANGE_LABEL[r.direction], r.p ?? "", r.statistic ?? "", r.baselineMean, r.recentMean, r.lower ?? "", r.upper ?? ""];
}
