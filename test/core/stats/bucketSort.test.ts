import { bucketSortSteps } from "../../../src/core/stats/bucketSort";
import { runToEnd } from "../../../src/core/analysis/steps";
import { lcg } from "../../support/bruteForce";
import { runSteps } from "../../support/steps";

function sortOf(values: number[]) {
  const v = Float64Array.from(values);
  const n = v.length;
  return { v, sorted: runToEnd(bucketSortSteps(v, { order: new Uint32Array(n), keys: new Float64Array(n) })) };
}

/** The numbers in ascending order by Array.prototype.sort, the gaps' periods in order after them. */
function expectSorted(values: number[]): void {
  const { v, sorted } = sortOf(values);
  const numbers = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const gaps = values.flatMap((x, i) => (Number.isNaN(x) ? [i] : []));
  expect(sorted.count).toBe(numbers.length);
  expect(Array.from(sorted.keys.subarray(0, sorted.count))).toEqual(numbers);
  expect(Array.from(sorted.order.subarray(sorted.count))).toEqual(gaps);
  // Every period once, each beside its own value.
  expect(new Set(sorted.order).size).toBe(v.length);
  for (let p = 0; p < sorted.count; p++) expect(v[sorted.order[p]]).toBe(sorted.keys[p]);
}

describe("bucketSortSteps", () => {
  const next = lcg(11);
  it.each([
    ["spread values with gaps", Array.from({ length: 5000 }, () => (next() < 0.05 ? NaN : next() * 100 - 50))],
    ["few distinct values (ties in every bucket)", Array.from({ length: 3000 }, () => Math.floor(next() * 7))],
    ["an outlier that bunches the rest in one bucket", [...Array.from({ length: 4000 }, () => next()), 1e12, -3]],
    ["a constant series", Array.from({ length: 500 }, () => 4.5)],
    ["only gaps", [NaN, NaN, NaN]],
    ["one number", [NaN, 2, NaN]],
    ["empty", []],
    ["the largest doubles (a span past the largest double)", [Number.MAX_VALUE, -Number.MAX_VALUE, 0, 1, -1, Number.MAX_VALUE / 3]],
    ["tiny values", Array.from({ length: 300 }, () => (next() - 0.5) * 1e-300)],
  ])("sorts %s as Array.prototype.sort does", (_, values) => expectSorted(values));

  it("sorts a second series in the first one's buffers and bucket starts", () => {
    const next2 = lcg(5);
    const first = Float64Array.from({ length: 2000 }, () => next2() * 10);
    const second = Float64Array.from({ length: 2000 }, (_, i) => (i % 9 === 0 ? NaN : Math.floor(next2() * 50)));
    const into: { order: Uint32Array; keys: Float64Array; starts?: Int32Array } = { order: new Uint32Array(2000), keys: new Float64Array(2000) };
    runToEnd(bucketSortSteps(first, into));
    const starts = into.starts;
    const sorted = runToEnd(bucketSortSteps(second, into));
    expect(into.starts).toBe(starts);
    const numbers = Array.from(second)
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    expect(Array.from(sorted.keys.subarray(0, sorted.count))).toEqual(numbers);
    for (let p = 0; p < sorted.count; p++) expect(second[sorted.order[p]]).toBe(sorted.keys[p]);
  });

  it("keeps −0 and 0 together (equal values, one tie group)", () => {
    const { sorted } = sortOf([1, -0, 0, -1, -0]);
    const keys = Array.from(sorted.keys);
    expect(keys[0]).toBe(-1);
    expect(keys.slice(1, 4).every((k) => k === 0)).toBe(true);
    expect(keys[4]).toBe(1);
  });

  it("yields between steps on a long series, a bunched one too", () => {
    const values = Float64Array.from({ length: 300_000 }, (_, i) => (i === 7 ? 1e15 : (i * 7919) % 100_003));
    const { yields, value } = runSteps(bucketSortSteps(values, { order: new Uint32Array(values.length), keys: new Float64Array(values.length) }));
    expect(yields).toBeGreaterThan(10);
    const keys = value.keys;
    let descents = 0;
    for (let p = 1; p < keys.length; p++) if (!(keys[p - 1] <= keys[p])) descents++;
    expect(descents).toBe(0);
  });
});
