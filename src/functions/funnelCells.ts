/** KPI.FUNNEL over Excel's cells (FUNCTIONS.md, "KPI.FUNNEL"), in steps for a full column. */
import { curveSizesSteps, FunnelChart, FunnelFlag, FunnelResult, funnelSteps } from "../core/analysis/funnel";
import { fail } from "../core/analysis/problem";
import { chunked, Steps } from "../core/analysis/steps";
import { cellsLike, describeCell, isBlank, readChoice, readNumber, ResultCell, rowsPerCell, singleValue } from "./cells";
import { readSeriesSteps } from "./readSeriesSteps";

export type FunnelOutput = "flag" | "z" | "table" | "curve" | "detail";

export const FUNNEL_TABLE_HEADER = ["rate", "z", "lower95", "upper95", "lower998", "upper998", "flag"];
export const FUNNEL_CURVE_HEADER = ["n", "lower95", "upper95", "lower998", "upper998"];
/** Cells of a spilled result built between two steps (a one-cell row each for cellsLike). */
const CELLS_PER_STEP = 1 << 15;

export function* funnelCells(
  numerators: unknown,
  denominators: unknown,
  target: unknown,
  chart: unknown,
  overdispersion: unknown,
  output: unknown,
): Steps<ResultCell[][]> {
  const nums = yield* readSeriesSteps(numerators, "numerators", true);
  yield;
  const dens = yield* readSeriesSteps(denominators, "denominators", true);
  yield;
  if (nums.length !== dens.length)
    fail("value", `numerators and denominators must have the same length, a segment per cell; got ${nums.length} and ${dens.length}`);
  const options = {
    target: readTarget(target),
    chart: readChoice<FunnelChart>(chart, "chart", ["proportion", "rate"], "proportion"),
    overdispersion: readOverdispersion(overdispersion),
  };
  const out = readChoice<FunnelOutput>(output, "output", ["flag", "z", "table", "curve", "detail"], "flag");
  const result = yield* funnelSteps(nums, dens, options);
  switch (out) {
    case "flag":
      return yield* cellsLike(numerators, result.used, (j) => result.flags[j], CELLS_PER_STEP);
    case "z":
      return yield* cellsLike(numerators, result.used, (j) => result.z[j], CELLS_PER_STEP);
    case "table":
      return yield* rowsPerCell(FUNNEL_TABLE_HEADER, result.used, (j) => table(result, j), CELLS_PER_STEP);
    case "curve":
      return curve(result, yield* curveSizesSteps(result.denominators));
    case "detail":
      return yield* detail(result);
  }
}

function readTarget(v: unknown): number | null {
  const value = singleValue(v, "target");
  if (isBlank(value)) return null;
  return readNumber(value, "target", NaN);
}

/** TRUE/FALSE or 1/0 (FUNCTIONS.md, "Third wave: cases … decided"); anything else is refused. */
function readOverdispersion(v: unknown): boolean {
  const value = singleValue(v, "overdispersion");
  if (isBlank(value)) return false;
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  fail("value", `overdispersion must be TRUE or FALSE (or 1 or 0); got ${describeCell(value)}`);
}

/** The "table" output's row of the j-th used segment: its rate, z and limits at its size, its flag. */
function table(result: FunnelResult, j: number): ResultCell[] {
  const l = result.limitsAt(result.denominators[j]);
  return [result.rates[j], result.z[j], l.lower95, l.upper95, l.lower998, l.upper998, result.flags[j]];
}

function curve(result: FunnelResult, sizes: number[]): ResultCell[][] {
  const rows: ResultCell[][] = [[...FUNNEL_CURVE_HEADER]];
  for (const n of sizes) {
    const l = result.limitsAt(n);
    rows.push([n, l.lower95, l.upper95, l.lower998, l.upper998]);
  }
  return rows;
}

/** The measures, the flags counted in one pass a chunk a step (a full column is a million segments). */
function* detail(result: FunnelResult): Steps<ResultCell[][]> {
  const counts = new Map<FunnelFlag, number>();
  const { flags } = result;
  yield* chunked(flags.length, (from, to) => {
    for (let j = from; j < to; j++) counts.set(flags[j], (counts.get(flags[j]) ?? 0) + 1);
  });
  const count = (flag: FunnelFlag) => counts.get(flag) ?? 0;
  return [
    ["measure", "value"],
    ["target", result.target],
    ["segments", result.rates.length],
    ["phi", result.phi],
    ["above_998", count("Above 99.8%")],
    ["above_95", count("Above 95%")],
    ["below_95", count("Below 95%")],
    ["below_998", count("Below 99.8%")],
  ];
}
