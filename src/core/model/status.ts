/**
 * Target bands: the one definition of On track / At risk / Off track that KPI_STATUS, the
 * conditional formats and the task pane all share.
 */
/**
 * "higher" or "lower": which way is better. "within": a KPI to maintain (headcount, inventory
 * days): best near the target, worse the further away on either side. Its bands are symmetric:
 * with d = |at_risk − target|, On track when |actual − target| <= d/2, At risk when
 * d/2 < |actual − target| <= d, Off track beyond d. At risk keeps its meaning (the boundary
 * between At risk and Off track) and may be given on either side of the target.
 */
export type Direction = "higher" | "lower" | "within";
export type Status = "on" | "risk" | "off";

export const STATUS_LABEL: Record<Status, string> = {
  on: "On track",
  risk: "At risk",
  off: "Off track",
};

export const STATUS_SCORE: Record<Status, number> = { on: 1, risk: 0, off: -1 };

export const NO_DATA_LABEL = "No data";

/** The share of |target| that the default at-risk boundary lies on the unfavourable side. */
export const DEFAULT_AT_RISK_SHARE = 0.1;

export function defaultAtRisk(target: number, direction: Direction): number {
  const margin = DEFAULT_AT_RISK_SHARE * Math.abs(target);
  return direction === "lower" ? target + margin : target - margin;
}

/** The at-risk boundary must lie on the unfavourable side of the target (or on it); either side for "within". */
export function atRiskOnUnfavourableSide(target: number, atRisk: number, direction: Direction): boolean {
  if (direction === "within") return true;
  return direction === "higher" ? atRisk <= target : atRisk >= target;
}

export function classify(actual: number, target: number, atRisk: number, direction: Direction): Status {
  if (direction === "within") {
    const tolerance = Math.abs(atRisk - target);
    const distance = Math.abs(actual - target);
    if (distance <= tolerance / 2) return "on";
    return distance <= tolerance ? "risk" : "off";
  }
  if (direction === "higher") {
    if (actual >= target) return "on";
    return actual >= atRisk ? "risk" : "off";
  }
  if (actual <= target) return "on";
  return actual <= atRisk ? "risk" : "off";
}

/** Whether the worse of two statuses (for rolling an objective up from its KPIs). */
export function worseStatus(a: Status, b: Status): Status {
  return STATUS_SCORE[a] <= STATUS_SCORE[b] ? a : b;
}
