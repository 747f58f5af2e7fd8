/** KPI.VARIANCE over Excel's cells (FUNCTIONS.md, "KPI.VARIANCE" and the third wave's decided cases). */
import { fail, Problem, ProblemError } from "../core/analysis/problem";
import { chunked, Steps, Ticks } from "../core/analysis/steps";
import { isMaterial, Materiality, specialCausesSteps, VarianceDirection, varianceLabel, varianceShare } from "../core/analysis/variance";
import { readChoice, ResultCell, SpillRows } from "./cells";
import { readMateriality } from "./materialityCells";
import { asGiven, BAD, CHUNK, DATA, Periods, periodSourceSteps, readPeriods, where } from "./variancePeriods";

export type VarianceOutput = "variance" | "percent" | "label" | "material" | "explain" | "detail" | "total";
const OUTPUTS: readonly VarianceOutput[] = ["variance", "percent", "label", "material", "explain", "detail", "total"];

export const VARIANCE_DETAIL_HEADER = ["actual", "target", "variance", "percent", "label", "material", "explain"];
export const VARIANCE_TOTAL_HEADER = ["actual", "target", "variance", "percent", "label", "material"];

// Read once: a CommonJS build reads an imported binding through a getter at every use, and these are read per cell.
const HAS_DATA = DATA;
const IS_BAD = BAD;
const STEP_CELLS = CHUNK;

interface Options {
  direction: VarianceDirection;
  materiality: Materiality;
}

/** In steps: the cells are read, charted and written a chunk at a time (a full column is a million). */
export function* varianceCells(actual: unknown, target: unknown, direction: unknown, materiality: unknown, output: unknown): Steps<ResultCell[][]> {
  const { actuals, targetAt } = yield* periodSourceSteps(actual, target);
  yield;
  const options: Options = {
    direction: readChoice<VarianceDirection>(direction, "direction", ["higher", "lower", "within"], "higher", { "1": "higher", "-1": "lower" }),
    materiality: readMateriality(materiality),
  };
  const out = readChoice<VarianceOutput>(output, "output", OUTPUTS, "variance");
  const rows = actuals.length;
  const cols = actuals[0].length;
  if ((out === "explain" || out === "detail") && rows > 1 && cols > 1) {
    fail("value", `output "${out}" needs a series (one row or one column) in actual, not a ${rows}×${cols} range`);
  }
  const periods = yield* readPeriods(actuals, targetAt);
  if (out === "total") return yield* total(periods, options);
  if (out === "detail") return yield* detail(periods, options);
  if (out === "explain") return yield* explain(periods, options);
  return yield* perCell(periods, cellOf(out, periods, options));
}

/** The value of a period with data (by its index) for a per-cell output, chosen once per call. */
function cellOf(out: "variance" | "percent" | "label" | "material", p: Periods, o: Options): (k: number) => ResultCell {
  const { actual, target } = p;
  switch (out) {
    case "variance":
      return (k) => actual[k] - target[k];
    case "percent":
      return (k) => varianceShare(actual[k] - target[k], target[k]);
    case "label":
      return (k) => varianceLabel(actual[k] - target[k], o.direction);
    case "material":
      return (k) => isMaterial(actual[k] - target[k], target[k], o.materiality);
  }
}

/**
 * A result the shape of actual: `value(k)` for a period with data, "" without, the cell's own
 * error for a bad one. `value` sees the periods with data in order.
 */
function* perCell(p: Periods, value: (k: number) => ResultCell): Steps<ResultCell[][]> {
  const { rows, cols, state, problems } = p;
  const result: ResultCell[][] = new Array(rows);
  let k = 0;
  const spill = new SpillRows();
  const ticks = new Ticks(STEP_CELLS);
  for (let r = 0; r < rows; r++) {
    if (ticks.tick(cols)) yield;
    if (cols === 1) {
      result[r] = spill.row(state[k] === HAS_DATA ? value(k) : state[k] === IS_BAD ? problems.get(k)! : "");
      k++;
      continue;
    }
    const line: ResultCell[] = new Array(cols);
    for (let c = 0; c < cols; c++, k++) line[c] = state[k] === HAS_DATA ? value(k) : state[k] === IS_BAD ? problems.get(k)! : "";
    result[r] = line;
  }
  return result;
}

/**
 * Whether each period with data is a special cause on the XmR chart of the variances, charted as
 * KPI.SPC(variances, , "neutral") charts them; a Problem (#N/A) with fewer than 3 variances.
 */
function* specialCausesOf(p: Periods): Steps<Uint8Array | Problem> {
  const variances = new Float64Array(p.state.length);
  let n = 0;
  yield* chunked(p.state.length, (from, to) => {
    for (let k = from; k < to; k++) if (p.state[k] === HAS_DATA) variances[n++] = p.actual[k] - p.target[k];
  });
  yield;
  try {
    return yield* specialCausesSteps(variances.subarray(0, n));
  } catch (e) {
    if (e instanceof ProblemError) return e.problem;
    throw e;
  }
}

/** "explain" of each period with data, in order: material AND a special cause. */
function explainer(p: Periods, flags: Uint8Array | Problem, o: Options): (k: number) => ResultCell {
  let j = 0;
  return (k) => {
    if (flags instanceof Problem) return flags;
    const v = p.actual[k] - p.target[k];
    return flags[j++] !== 0 && isMaterial(v, p.target[k], o.materiality);
  };
}

function* explain(p: Periods, o: Options): Steps<ResultCell[][]> {
  const flags = yield* specialCausesOf(p);
  // Fewer than 3 variances: one #N/A for the call, not one per cell.
  if (flags instanceof Problem) return [[flags]];
  yield;
  return yield* perCell(p, explainer(p, flags, o));
}

/** A header and one row per period, in order (a row of periods too). */
function* detail(p: Periods, o: Options): Steps<ResultCell[][]> {
  const explained = explainer(p, yield* specialCausesOf(p), o);
  yield;
  const result: ResultCell[][] = new Array(p.state.length + 1);
  result[0] = [...VARIANCE_DETAIL_HEADER];
  // A step holds STEP_CELLS cells, not rows: each row is seven new cells, four of them boxed
  // doubles, all kept, so a step of rows allocated ~8 MB and its scavenge landed in its slice
  // (the bench: a 56 ms slice in VARIANCE detail, 10 ms budget).
  const width = VARIANCE_DETAIL_HEADER.length;
  const ticks = new Ticks(STEP_CELLS);
  for (let k = 0; k < p.state.length; k++) {
    if (ticks.tick(width)) yield;
    const r = p.cols === 1 ? k : 0;
    const c = p.cols === 1 ? 0 : k;
    const target = asGiven(p.targetAt(r, c), () => `target at ${where(r, c)}`);
    if (p.state[k] === HAS_DATA) {
      const a = p.actual[k];
      const t = p.target[k];
      const v = a - t;
      result[k + 1] = [a, t, v, varianceShare(v, t), varianceLabel(v, o.direction), isMaterial(v, t, o.materiality), explained(k)];
    } else if (p.state[k] === IS_BAD) {
      const problem = p.problems.get(k)!;
      result[k + 1] = [asGiven(p.actualAt(r, c), () => `actual at ${where(r, c)}`), target, problem, problem, problem, problem, problem];
    } else {
      result[k + 1] = ["", target, "", "", "", "", ""];
    }
  }
  return result;
}

/** Year to date: the sums over the periods where both are numbers, classified as one period. */
function* total(p: Periods, o: Options): Steps<ResultCell[][]> {
  let actual = 0;
  let target = 0;
  let periods = 0;
  yield* chunked(p.state.length, (from, to) => {
    for (let k = from; k < to; k++) {
      if (p.state[k] !== HAS_DATA) continue;
      actual += p.actual[k];
      target += p.target[k];
      periods++;
    }
  });
  if (periods === 0) return [[new Problem("na", "total needs at least one period where both actual and target are numbers; there is none")]];
  const v = actual - target;
  return [[...VARIANCE_TOTAL_HEADER], [actual, target, v, varianceShare(v, target), varianceLabel(v, o.direction), isMaterial(v, target, o.materiality)]];
}
