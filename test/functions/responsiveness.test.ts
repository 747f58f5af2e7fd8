/**
 * Long calls give the shared runtime's thread back: a LEADLAG_CORR too large for one time slice
 * answers with a Promise, lets other work run between its slices, gives the same answer as the
 * synchronous run, and stops when Excel cancels it. (How long the thread is held is measured by
 * npm run bench, not here: no wall-clock limits in unit tests.)
 */
import * as functions from "../../src/functions/functions";
import { leadLagCells } from "../../src/functions/leadLagCells";
import { leadLagCellsSteps } from "../../src/functions/leadLagCells";
import { readSeriesSteps } from "../../src/functions/readSeriesSteps";
import { runSliced, setSliceBudget, SLICE_MS, watchSlices } from "../../src/core/analysis/slicing";
import { withTicks } from "../support/slices";

function series(n: number, seed: number): unknown[][] {
  let s = seed;
  return Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return [i % 100 === 7 ? null : Math.sin(i / 50) + s / 2147483648];
  });
}

describe("time-sliced functions", () => {
  const x = series(200_000, 1);
  const y = series(200_000, 2);

  it("a large LEADLAG_CORR answers with a Promise, lets other work in between, and equals the synchronous answer", async () => {
    const { result, ticks } = await withTicks(functions.leadLagCorr(x, y, 200, "spearman"));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toEqual(leadLagCells(x, y, 200, "spearman", null, null));
  });

  it("a small call still answers at once", () => {
    // With a slice no pause of a loaded machine can exceed: the step structure is under test, not this machine's speed.
    setSliceBudget(1000);
    try {
      const small = functions.leadLagCorr(series(40, 3), series(40, 4), 5);
      expect(Array.isArray(small)).toBe(true);
    } finally {
      setSliceBudget(SLICE_MS);
    }
  });

  it("stops when Excel cancels the call", async () => {
    const invocation = { parameterAddresses: [] } as unknown as CustomFunctions.CancelableInvocation;
    const answer = functions.leadLagCorr(x, y, 5000, "spearman", null, null, invocation) as Promise<unknown[][]>;
    expect(answer).toBeInstanceOf(Promise);
    invocation.onCanceled!();
    const result = await answer;
    expect(String((result[0][0] as CustomFunctions.Error).message)).toMatch(/cancelled/);
  });

  it("runSliced runs every step, in slices, and stops between them when cancelled", async () => {
    let ran = 0;
    function* steps() {
      for (let i = 0; i < 50; i++) {
        ran++;
        yield;
      }
      return ran;
    }
    expect(await runSliced(steps(), () => false, 0)).toBe(50);
    ran = 0;
    let cancel = false;
    const stopped = runSliced(steps(), () => cancel, 0) as Promise<number>;
    cancel = true;
    await expect(stopped).rejects.toThrow(/cancelled/);
    expect(ran).toBeLessThan(50);
  });

  // Counts, not times: how finely a long call is cut is what keeps each block short.
  it("reads a long column in chunks that start short, and cuts a long lag into several steps", () => {
    const steps = (g: Generator<void, unknown, void>) => {
      let count = 1;
      while (!g.next().done) count++;
      return count;
    };
    // Chunks of at most 65,536 rows, the first ones shorter (4,096 doubling: a loop V8 has not optimised yet runs slower).
    expect(steps(readSeriesSteps(x, "x"))).toBe(4 + Math.ceil((x.length - (4096 + 8192 + 16384 + 32768)) / 65_536));
    const long = series(300_000, 5);
    // One lag of 300,000 periods: at least its 5 chunks of 65,536, besides reading and ranking.
    const oneLag = steps(leadLagCellsSteps(long, long, 0, "spearman", null, null));
    const twoLags = steps(leadLagCellsSteps(long, long, 1, "spearman", null, null));
    expect(twoLags - oneLag).toBeGreaterThanOrEqual(5);
  });

  it("tells a slice watcher when each slice starts and ends", async () => {
    const seen: string[] = [];
    watchSlices({ start: () => seen.push("start"), end: () => seen.push("end") });
    try {
      function* three() {
        yield;
        yield;
        return 3;
      }
      expect(await runSliced(three(), () => false, 0)).toBe(3);
    } finally {
      watchSlices(null);
    }
    expect(seen).toEqual(["start", "end", "start", "end", "start", "end"]);
  });
});
