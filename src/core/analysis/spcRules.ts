/**
 * KPI.SPC's special-cause rules: the four rules of NHS England's "Making Data Count" (NHS
 * Improvement, "Making data count: strengthening your decisions", 2019; FUNCTIONS.md, KPI.SPC),
 * applied to every point of a chart against its own limits and near-limit lines:
 *   outside       a point beyond a process limit;
 *   shift         7 or more points in a row strictly on one side of the centre;
 *   trend         7 or more points each strictly above (below) the one before;
 *   two of three  2 of 3 points in a row beyond the near-limit line (2σ, two thirds of the way
 *                 to the limit), all 3 on that side of the centre.
 * Not SIG_CHANGE's rules: those are Wheeler's XmR rules for the latest values (a run of 8,
 * 3 of 4 beyond 1.33·mR), in stats/xmrSigChangeRules.ts.
 *
 * judgeSteps takes the lines as LimitLines, so the XmR chart (spc.ts: one pair of limits for
 * every point) and the rate charts (spcRates.ts: p, u, p′, u′, limits that depend on each
 * period's denominator) share the rules.
 */
import { NATURAL_LIMIT_FACTOR } from "../stats/xmrSigChangeRules";
import { chunked, PASS_CHUNK, Steps } from "./steps";

export type SpcDirection = "higher" | "lower" | "neutral";
export type PointType = "Common cause" | "Improvement" | "Concern" | "High" | "Low";
export type SpcRule = "outside" | "shift" | "trend" | "two of three";

/** The rules in the contract's order; a point's flags hold bit (1 << index) for each. */
export const SPC_RULES: readonly SpcRule[] = ["outside", "shift", "trend", "two of three"];
/** The run of a shift or a trend, in points. */
const RUN = 7;
/** The near-limit line sits two thirds of the way to the process limit (2/3 · 2.66 = 1.7733…). */
export const NEAR_FACTOR = (2 / 3) * NATURAL_LIMIT_FACTOR;

/** A point's process limits and near-limit lines, by its index among the charted points. */
export interface LimitLines {
  centre: number;
  lower(i: number): number;
  upper(i: number): number;
  nearLower(i: number): number;
  nearUpper(i: number): number;
  /** Whether value v of point i lies strictly beyond the near-limit line on `side` (1 high, -1 low). */
  beyondNear(v: number, i: number, side: number): boolean;
}

/**
 * The four rules of FUNCTIONS.md applied to every point against its own lines, in chunks of
 * points; then each point's type from its side of the centre and the direction of improvement.
 */
export function* judgeSteps(values: ArrayLike<number>, lines: LimitLines, direction: SpcDirection): Steps<{ types: PointType[]; flags: Uint8Array }> {
  const n = values.length;
  const centre = lines.centre;
  const flags = new Uint8Array(n);
  const trendSide = new Int8Array(n);
  const bit = (rule: SpcRule) => 1 << SPC_RULES.indexOf(rule);
  const outside = bit("outside");
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) if (values[i] > lines.upper(i) || values[i] < lines.lower(i)) flags[i] |= outside;
  });
  yield;
  // Shift: 7 or more in a row strictly on one side of the centre (a point on it breaks the run).
  yield* markRunsSteps(
    n,
    (i) => (values[i] > centre ? 1 : values[i] < centre ? -1 : 0),
    RUN,
    (from, to) => {
      for (let j = from; j < to; j++) flags[j] |= bit("shift");
    },
  );
  yield;
  // Trend: 7 or more points each strictly above (below) the one before: 6 rises (falls) in a row.
  yield* markRunsSteps(
    n,
    (i) => (i === 0 ? 0 : values[i] > values[i - 1] ? 1 : values[i] < values[i - 1] ? -1 : 0),
    RUN - 1,
    (from, to, side) => {
      for (let j = from - 1; j < to; j++) {
        flags[j] |= bit("trend");
        trendSide[j] = side;
      }
    },
  );
  yield;
  yield* chunked(n, (from, to) => markTwoOfThree(values, lines, flags, from, to));
  yield;
  const high: PointType = direction === "neutral" ? "High" : direction === "higher" ? "Improvement" : "Concern";
  const low: PointType = direction === "neutral" ? "Low" : direction === "higher" ? "Concern" : "Improvement";
  const types: PointType[] = new Array(n);
  yield* chunked(n, (from, to) => {
    for (let i = from; i < to; i++) {
      const side = values[i] > centre ? 1 : values[i] < centre ? -1 : trendSide[i];
      types[i] = flags[i] === 0 ? "Common cause" : side > 0 ? high : low;
    }
  });
  return { types, flags };
}

/** Two of three beyond the near-limit line, all three strictly on that side of the centre: windows starting in [from, to). */
function markTwoOfThree(values: ArrayLike<number>, lines: LimitLines, flags: Uint8Array, from: number, to: number): void {
  const twoOfThree = 1 << SPC_RULES.indexOf("two of three");
  for (let i = from; i < to && i + 2 < values.length; i++) {
    for (let side = 1; side >= -1; side -= 2) {
      let onSide = 0;
      let beyond = 0;
      for (let j = i; j < i + 3; j++) {
        if (side * (values[j] - lines.centre) > 0) onSide++;
        if (lines.beyondNear(values[j], j, side)) beyond++;
      }
      if (onSide === 3 && beyond >= 2) for (let j = i; j < i + 3; j++) flags[j] |= twoOfThree;
    }
  }
}

/** The rules that flag point i, in the contract's order. */
export function rulesOf(result: { flags: Uint8Array }, i: number): SpcRule[] {
  return SPC_RULES.filter((_, bit) => (result.flags[i] >> bit) & 1);
}

/**
 * Calls `mark(from, to, side)` for every maximal run [from, to) of one non-zero side at least
 * `length` long; a step every PASS_CHUNK points (the run in progress carries over).
 */
function* markRunsSteps(n: number, sideOf: (i: number) => number, length: number, mark: (from: number, to: number, side: number) => void): Steps<void> {
  let start = 0;
  let side = n > 0 ? sideOf(0) : 0;
  for (let i = 1; i <= n; i++) {
    if ((i & (PASS_CHUNK - 1)) === 0) yield;
    const next = i < n ? sideOf(i) : 0;
    if (i < n && next === side) continue;
    if (side !== 0 && i - start >= length) mark(start, i, side);
    start = i;
    side = next;
  }
}
