/** KPI.SPC over Excel's cells (FUNCTIONS.md, "KPI.SPC"). */
import { Problem } from "../core/problem";
import { assurance, PointType, rulesOf, spc, SpcDirection, SpcResult, variationOf } from "../core/spc";
import { asMatrix, isBlank, readChoice, readNumber, readSeries, ResultCell, singleValue } from "./cells";
import { fail } from "../core/problem";
import { numbersOf } from "../core/numbers";

export type SpcOutput = "variation" | "assurance" | "runs" | "points" | "detail";

export function spcCells(values: unknown, target: unknown, direction: unknown, baseline: unknown, output: unknown): ResultCell[][] {
  const series = readSeries(values, "values", true);
  const goal = readTarget(target);
  const dir = readChoice<SpcDirection>(direction, "direction", ["higher", "lower", "neutral"], "higher");
  const out = readChoice<SpcOutput>(output, "output", ["variation", "assurance", "runs", "points", "detail"], "variation");
  const numbers = numbersOf(series);
  const b = readBaseline(baseline, numbers.length);
  const result = spc(numbers, dir, b);
  const latest = result.types[result.types.length - 1];
  switch (out) {
    case "variation":
      return [[variationOf(latest)]];
    case "assurance":
      return [[assuranceCell(result, goal, dir)]];
    case "runs":
      return [[result.runs ? runsLabel(result) : notEnoughForRuns()]];
    case "points":
      return pointsLike(values, series, result.types);
    case "detail":
      return detail(result, goal, dir, latest);
  }
}

function readTarget(v: unknown): number | null {
  const value = singleValue(v, "target");
  if (isBlank(value)) return null;
  return readNumber(value, "target", NaN);
}

function readBaseline(v: unknown, n: number): number | undefined {
  if (isBlank(singleValue(v, "baseline"))) return undefined;
  const b = readNumber(v, "baseline", n);
  if (n >= 3 && (!Number.isInteger(b) || b < 3 || b > n)) fail("value", `baseline must be a whole number from 3 to ${n} (the count of numbers); got ${b}`);
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

/** Each number's type in its own cell, "" where a cell was skipped; the shape of `values`. */
function pointsLike(values: unknown, series: Float64Array, types: PointType[]): ResultCell[][] {
  const m = asMatrix(values, "values");
  const cells: ResultCell[] = [];
  let k = 0;
  for (let i = 0; i < series.length; i++) cells.push(Number.isNaN(series[i]) ? "" : types[k++]);
  return m.length === 1 ? [cells] : cells.map((c) => [c]);
}

function detail(result: SpcResult, target: number | null, dir: SpcDirection, latest: PointType): ResultCell[][] {
  const runs = result.runs;
  const runsRow = (value: (r: NonNullable<SpcResult["runs"]>) => ResultCell): ResultCell => (runs ? value(runs) : notEnoughForRuns());
  const rows: [string, ResultCell][] = [
    ["centre", result.centre],
    ["average_moving_range", result.averageMovingRange],
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

