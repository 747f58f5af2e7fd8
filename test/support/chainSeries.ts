/**
 * The values of a chain's two KPIs, A (leading) and B, for the tests of what the chain says of
 * them: made from Park–Miller's minimal standard generator, so every test that reads the same
 * chain reads the same numbers.
 */
import { KpiDefinition } from "../../src/core/model/kpi";

/** The chain's two KPIs, otherwise `base`: A, leading, said to predict B. */
export function chainPair(base: KpiDefinition): [KpiDefinition, KpiDefinition] {
  return [
    { ...base, id: "A", name: "A", kind: "leading", predicts: "B" },
    { ...base, id: "B", name: "B" },
  ];
}

function noise(seed: number, n: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647 - 0.5;
  });
}

/**
 * Two unrelated noise series, no relation at all (seed 2: the stream's first 24 numbers are A, the
 * next 24 B): lag 5 crosses its 5% line (r = -0.55, p = 0.01 alone), p = 0.19 after Bonferroni
 * over 13 lags.
 */
export function unrelatedSeries(): { A: { values: number[] }; B: { values: number[] } } {
  const stream = noise(2, 48);
  return { A: { values: stream.slice(0, 24) }, B: { values: stream.slice(24) } };
}

/** 36 periods in which both trend and B's changes follow A's one period later: a link found on period-over-period changes. */
export function trendingSeries(): { a: number[]; b: (number | null)[] } {
  const e = noise(7, 72);
  const a = Array.from({ length: 36 }, (_, t) => 100 + 2 * t + 10 * e[t]);
  const b = a.map((_, t) => (t === 0 ? null : 50 + 2 * a[t - 1] + 2 * e[36 + t]));
  return { a, b };
}
