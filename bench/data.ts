/** The bench's data: seeded, so every run and every case sees the same series. */

export function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A leading series, and an outcome that follows it 3 periods later, with 1% blanks in each (`gaps` false: none). */
export function pair(n: number, seed: number, gaps = true): { x: unknown[][]; y: unknown[][] } {
  const next = generator(seed);
  const share = gaps ? 0.01 : 0;
  const driver = Array.from({ length: n + 3 }, () => next() - 0.5);
  const x = Array.from({ length: n }, (_, i) => [next() < share ? null : 1000 + driver[i + 3] + 0.3 * (next() - 0.5)]);
  const y = Array.from({ length: n }, (_, i) => [next() < share ? null : 50 + 2 * driver[i] + (next() - 0.5)]);
  return { x, y };
}

/** A KPI with 1% blanks and a shift in its last 30 values. */
export function series(n: number, seed: number): unknown[][] {
  const next = generator(seed);
  return Array.from({ length: n }, (_, i) => [next() < 0.01 ? null : 100 + 5 * (next() - 0.5) + (i > n - 30 ? 0.8 : 0)]);
}

/** Counts and their denominators (SPC rate charts, FUNNEL), 1% of denominators blank. */
export function rates(n: number, seed: number): { cases: unknown[][]; units: unknown[][] } {
  const next = generator(seed);
  const cases: unknown[][] = new Array(n);
  const units: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = 100 + Math.floor(next() * 900);
    units[i] = [i % 100 === 7 ? null : d];
    cases[i] = [Math.floor(d * (0.2 + 0.05 * next()))];
  }
  return { cases, units };
}

/** Actuals beside a budget of the same shape (VARIANCE, OUTLOOK), the last `open` actuals blank. */
export function budget(n: number, seed: number, open = 0): { actual: unknown[][]; target: unknown[][] } {
  const next = generator(seed);
  const target = Array.from({ length: n }, (_, i) => [1000 + i * 0.01]);
  const actual = Array.from({ length: n }, (_, i) => [i >= n - open ? null : 1000 + i * 0.01 + 40 * (next() - 0.5)]);
  return { actual, target };
}
