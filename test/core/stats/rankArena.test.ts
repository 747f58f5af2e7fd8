import { execFileSync } from "node:child_process";
import { ExactSum } from "../../../src/core/stats/exactSum";
import { Excluded, PLACE, POPULATION, TIE, blocksFor, wordsFor } from "../../../src/core/stats/leftOutPlaces";
import { RankArena } from "../../../src/core/stats/rankArena";
import { describeEachRankPass } from "../../support/rankPasses";
import { lcg } from "../../support/bruteForce";

const PLACES = 1 << 19;
const PERIODS = 1 << 16;

/** A side's codes over PERIODS periods (−1 at a share of gaps, TIE on a share of tied values) with their group ends, and its left-out places. */
function side(arena: RankArena, seed: number, leftOut: number, tiedShare: number) {
  const next = lcg(seed);
  const code = arena.int32(PERIODS);
  const hi = arena.int32(PERIODS);
  for (let i = 0; i < PERIODS; i++) {
    if (next() < 0.02) {
      code[i] = -1;
      continue;
    }
    // Places near the top, so that twice a rank is near 2^20 and a chunk's sum passes 2^53.
    const place = PLACES - 1 - Math.floor(next() * 4096);
    const tied = next() < tiedShare;
    code[i] = tied ? place | TIE : place;
    hi[i] = tied ? Math.min(PLACES, place + 1 + Math.floor(next() * 5)) : place + 1;
  }
  const places = new Int32Array(leftOut);
  const marked = new Set<number>();
  while (marked.size < leftOut) marked.add(Math.floor(next() * PLACES));
  [...marked].forEach((p, e) => (places[e] = p));
  const left = new Excluded(PLACES, leftOut, (length) => arena.int32(length));
  left.fill(places, leftOut);
  // below[p]: the left-out places under p, counted the plain way.
  const below = new Int32Array(PLACES + 1);
  for (const p of marked) below[p + 1]++;
  for (let p = 1; p <= PLACES; p++) below[p] += below[p - 1];
  return { code, hi, left, below };
}

type Side = ReturnType<typeof side>;

function arenaFor(sides: number): RankArena {
  return new RankArena(sides * (2 * PERIODS + wordsFor(PLACES) + blocksFor(PLACES)), sides * 4, POPULATION);
}

/** The sum by definition, in BigInt: twice the average rank among the kept values, or the rank as if untied. */
function expected(x: Side, y: Side, doubled: boolean): bigint {
  const rank = (s: Side, i: number) => {
    const c = s.code[i];
    const p = c & PLACE;
    const first = p + 1 - s.below[p];
    if (!doubled) return BigInt(first);
    return BigInt(c & TIE ? p + s.hi[i] + 1 - s.below[p] - s.below[s.hi[i]] : 2 * first);
  };
  let sum = 0n;
  for (let i = 0; i < PERIODS; i++) if (x.code[i] >= 0 && y.code[i] >= 0) sum += rank(x, i) * rank(y, i);
  return sum;
}

describe("the rank pass's arena", () => {
  it("holds rankPass.wat's bytes, as npm run build:wasm assembles them", () => {
    expect(execFileSync("node", ["scripts/build-wasm.mjs", "--check"], { encoding: "utf8" })).toMatch(/holds/);
  });

  describeEachRankPass("its %s pass", () => {
    it("sums the untied ranks' products exactly past 2^53", () => {
      const arena = arenaFor(2);
      const x = side(arena, 1, 3000, 0);
      const y = side(arena, 2, 5000, 0);
      const acc = new ExactSum();
      arena.untiedSums(x, y, 0, PERIODS, acc);
      const want = expected(x, y, false);
      expect(want > 2n ** 53n).toBe(true);
      expect(acc.toBigInt()).toBe(want);
    });

    it("sums twice the average ranks' products exactly with ties, in a narrow table and a wide one (over 65,535 left out)", () => {
      const arena = arenaFor(2);
      const x = side(arena, 3, 2000, 0.3);
      const y = side(arena, 4, 70_000, 0.3);
      expect([x.left.wide, y.left.wide]).toEqual([false, true]);
      const acc = new ExactSum();
      // Two calls, as a lag's pass makes them between its steps.
      arena.doubledSums(x, y, 0, 1000, acc);
      arena.doubledSums(x, y, 1000, PERIODS, acc);
      const want = expected(x, y, true);
      expect(want > 2n ** 53n).toBe(true);
      expect(acc.toBigInt()).toBe(want);
    });
  });

  it("sums with the script pass when the runtime refuses to compile WebAssembly, as a page's policy can", () => {
    const { Module: compile, Memory: memory } = WebAssembly;
    try {
      // Made only on the WebAssembly path: a call would fail the test.
      WebAssembly.Memory = function notCalled() {
        throw new Error("the WebAssembly path was taken");
      } as unknown as typeof WebAssembly.Memory;
      WebAssembly.Module = function refused() {
        throw new WebAssembly.CompileError(
          "WebAssembly.Module(): Compiling or instantiating WebAssembly module violates the following Content Security policy directive",
        );
      } as unknown as typeof WebAssembly.Module;
      jest.isolateModules(() => {
        // A fresh module, so that no module compiled before is kept.
        const { RankArena: Refused } = jest.requireActual<typeof import("../../../src/core/stats/rankArena")>("../../../src/core/stats/rankArena");
        const sides = 2 * (2 * PERIODS + wordsFor(PLACES) + blocksFor(PLACES));
        const arena = new Refused(sides, 8, POPULATION);
        const x = side(arena, 5, 3000, 0.2);
        const y = side(arena, 6, 4000, 0.2);
        const acc = new ExactSum();
        arena.doubledSums(x, y, 0, PERIODS, acc);
        expect(acc.toBigInt()).toBe(expected(x, y, true));
      });
    } finally {
      Object.assign(WebAssembly, { Module: compile, Memory: memory });
    }
  });

  it("refuses a view past the room it was made with", () => {
    const arena = new RankArena(10, 1, POPULATION);
    arena.int32(10);
    expect(() => arena.int32(1)).toThrow(RangeError);
  });
});
