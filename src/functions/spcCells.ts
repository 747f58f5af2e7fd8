/**
 * KPI.SPC over Excel's cells (FUNCTIONS.md, "KPI.SPC" and "KPI.SPC for rates"), in steps (reading
 * a column, each pass of the rules, a chunk of a sort or of a spilled result) so that a full
 * column never holds the shared runtime's thread for long (slicing.ts).
 */
import { Problem } from "../core/analysis/problem";
import { assurance, PointType, spcSteps, SpcDirection, SpcResult, variationOf } from "../core/analysis/spc";
import { rulesOf } from "../core/analysis/spcRules";
import { RateChart, rateChartSteps, ratePeriodsSteps } from "../core/analysis/spcRates";
import { cellsLike, isBlank, readChoice, readNumber, ResultCell, rowsPerCell, shapeOf, singleValue } from "./cells";
import { readSeriesSteps } from "./readSeriesSteps";
import { fail } from "../core/analysis/problem";
import { numbersOfSteps } from "../core/analysis/numbers";
import { chunked, Steps } from "../core/analysis/steps";

export type SpcOutput = "variation" | "assurance" | "runs" | "points" | "detail" | "limits";
export type SpcChart = "xmr" | RateChart;

export const SPC_LIMITS_HEADER = ["value", "centre", "lower", "upper", "near_lower", "near_upper"];
/** Cells of a spilled result built between two steps (a one-cell row each for cellsLike). */
const CELLS_PER_STEP = 1 << 15;

/** A charted result and, for each cell of `values`, whether it is a point of the chart. */
interface Charted {
  result: SpcResult;
  used: ArrayLike<number>;
  /** The charted points (x_i or y_i), in order. */
  points: ArrayLike<number>;
}

export function* spcCells(
  values: unknown,
  target: unknown,
  direction: unknown,
  baseline: unknown,
  output: unknown,
  chart?: unknown,
  denominators?: unknown,
): Steps<ResultCell[][]> {
  const series = yield* readSeriesSteps(values, "values", true);
  yield;
  const goal = readTarget(target);
  const dir = readChoice<SpcDirection>(direction, "direction", ["higher", "lower", "neutral"], "higher");
  const out = readChoice<SpcOutput>(output, "output", ["variation", "assurance", "runs", "points", "detail", "limits"], "variation");
  // The prime sign (′, U+2032) is accepted for the apostrophe (FUNCTIONS.md, "Third wave: cases … decided").
  const kind = readChoice<SpcChart>(chart, "chart", ["xmr", "p", "u", "p'", "u'"], "xmr", { "p′": "p'", "u′": "u'" });
  const charted = kind === "xmr" ? yield* xmr(series, denominators, baseline, dir) : yield* rates(values, series, denominators, baseline, dir, kind);
  const { result } = charted;
  const latest = result.types[result.types.length - 1];
  switch (out) {
    case "variation":
      return [[variationOf(latest)]];
    case "assurance":
      return [[assuranceCell(result, goal, dir)]];
    case "runs":
      return [[result.runs ? runsLabel(result) : notEnoughForRuns()]];
    case "points":
      return yield* cellsLike(values, charted.used, (k) => result.types[k], CELLS_PER_STEP);
    case "detail":
      return detail(result, goal, dir, latest, kind);
    case "limits":
      return yield* rowsPerCell(SPC_LIMITS_HEADER, charted.used, (k) => limitsRow(charted, k), CELLS_PER_STEP);
  }
}

function given(denominators: unknown): boolean {
  return !isBlank(
    Array.isArray(denominators) && denominators.length === 1 && Array.isArray(denominators[0]) && denominators[0].length === 1
      ? denominators[0][0]
      : denominators,
  );
}

function* xmr(series: Float64Array, denominators: unknown, baseline: unknown, dir: SpcDirection): Steps<Charted> {
  if (given(denominators)) fail("value", 'denominators are for the rate charts: leave them out with chart "xmr", or choose chart "p", "u", "p\'" or "u\'"');
  const numbers = yield* numbersOfSteps(series);
  yield;
  const b = readBaseline(baseline, numbers.length);
  const result = yield* spcSteps(numbers, dir, b);
  yield;
  const used = new Uint8Array(series.length);
  yield* chunked(series.length, (from, to) => {
    for (let i = from; i < to; i++) used[i] = series[i] === series[i] ? 1 : 0;
  });
  return { result, used, points: numbers };
}

function* rates(values: unknown, series: Float64Array, denominators: unknown, baseline: unknown, dir: SpcDirection, kind: RateChart): Steps<Charted> {
  if (!given(denominators))
    fail("value", `denominators are required with chart "${kind}": the units looked at (p) or the exposure (u), period for period with values`);
  const dens = yield* readSeriesSteps(denominators, "denominators", true);
  const [rows, columns] = shapeOf(values);
  const [denRows, denColumns] = shapeOf(denominators);
  if (denRows !== rows || denColumns !== columns)
    fail("value", `denominators must have the shape of values (${rows}×${columns}); got ${denRows}×${denColumns}`);
  yield;
  const periods = yield* ratePeriodsSteps(series, dens, kind);
  const b = readBaseline(baseline, periods.points.length, "periods used");
  const result = yield* rateChartSteps(periods, kind, dir, b);
  return { result, used: periods.used, points: periods.points };
}

function readTarget(v: unknown): number | null {
  const value = singleValue(v, "target");
  if (isBlank(value)) return null;
  return readNumber(value, "target", NaN);
}

function readBaseline(v: unknown, n: number, counted = "numbers"): number | undefined {
  if (isBlank(singleValue(v, "baseline"))) return undefined;
  const b = readNumber(v, "baseline", n);
  if (n >= 3 && (!Number.isInteger(b) || b < 3 || b > n)) fail("value", `baseline must be a whole number from 3 to ${n} (the count of ${counted}); got ${b}`);
  return b;
}

function assuranceCell(result: SpcResult, target: number | null, dir: SpcDirection): ResultCell {
  if (target === null) return new Problem("na", "assurance needs a target");
  if (dir === "neutral") return new Problem("na", 'assurance needs a direction of "higher" or "lower": with "neutral" no side of the target is better');
  return assurance(result, target, dir);
}

const notEnoughForRuns = () => new Problem("na", "runs analysis needs at least 10 points off the median");

function runsLabel(result: SpcResult): string {
  return result.runs!.nonRandom ? "Non-random variation" : "Random variation";
}

/** The "limits" output's row of the k-th charted point: the point and its lines. */
function limitsRow({ result, points }: Charted, k: number): ResultCell[] {
  const { lines } = result;
  return [points[k], lines.centre, lines.lower(k), lines.upper(k), lines.nearLower(k), lines.nearUpper(k)];
}

function detail(result: SpcResult, target: number | null, dir: SpcDirection, latest: PointType, kind: SpcChart): ResultCell[][] {
  const runs = result.runs;
  const runsRow = (value: (r: NonNullable<SpcResult["runs"]>) => ResultCell): ResultCell => (runs ? value(runs) : notEnoughForRuns());
  const rows: [string, ResultCell][] = [
    ["centre", result.centre],
    // p and u have no moving range; p′ and u′ show that of the z-scores (Laney's σ_z · 1.128).
    ["average_moving_range", kind === "p" || kind === "u" ? "" : result.averageMovingRange],
    ["lower_limit", result.lower],
    ["upper_limit", result.upper],
    ["rules", rulesOf(result, result.flags.length - 1).join(", ")],
    ["variation", variationOf(latest)],
    ["assurance", target === null ? "" : assuranceCell(result, target, dir)],
    ["median", result.baselineMedian],
    ["useful_points", runsRow((r) => r.useful)],
    ["longest_run", runsRow((r) => r.longestRun)],
    ["longest_run_limit", runsRow((r) => r.longestRunLimit)],
    ["crossings", runsRow((r) => r.crossings)],
    ["crossings_limit", runsRow((r) => r.crossingsLimit)],
    ["runs", runsRow(() => runsLabel(result))],
  ];
  return [["measure", "value"], ...rows];
}
