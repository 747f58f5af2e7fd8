/**
 * Target bands: the one definition of On track / At risk / Off track that KPI_STATUS, the
 * conditional formats and the task pane all share.
 */
export type Direction = "higher" | "lower";
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
  return direction === "higher" ? target - margin : target + margin;
}

/** The at-risk boundary must lie on the unfavourable side of the target (or on it). */
export function atRiskOnUnfavourableSide(target: number, atRisk: number, direction: Direction): boolean {
  return direction === "higher" ? atRisk <= target : atRisk >= target;
}

export function classify(actual: number, target: number, atRisk: number, direction: Direction): Status {
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
