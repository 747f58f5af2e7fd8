import { blockSize, crossCorrelationSteps, fft } from "../../../src/core/stats/fft";
import { runToEnd } from "../../../src/core/analysis/steps";
import { crossProductsByFft, pearsonByLag, pearsonByLagSteps } from "../../../src/core/stats/laggedCorrelation";
import { pearson } from "../../../src/core/stats/correlation";
import { lcg as uniform } from "../../support/bruteForce";

/** Centred uniform numbers in [−0.5, 0.5). */
function lcg(seed: number): () => number {
  const next = uniform(seed);
  return () => next() - 0.5;
}

/** The textbook sum, term by term. */
function directCorrelation(a: number[], b: number[], maxLag: number): number[] {
  return Array.from({ length: maxLag + 1 }, (_, k) => {
    let s = 0;
    for (let i = 0; i + k < b.length && i < a.length; i++) s += a[i] * b[i + k];
    return s;
  });
}

describe("FFT", () => {
  it("transforms as the DFT's definition says", () => {
    const next = lcg(3);
    const n = 64;
    const x = Array.from({ length: n }, () => [next(), next()]);
    const re = Float64Array.from(x.map((v) => v[0]));
    const im = Float64Array.from(x.map((v) => v[1]));
    fft(re, im);
    for (const k of [0, 1, 7, 31, 32, 63]) {
      let sr = 0;
      let si = 0;
      for (let j = 0; j < n; j++) {
        const angle = (-2 * Math.PI * j * k) / n;
        sr += x[j][0] * Math.cos(angle) - x[j][1] * Math.sin(angle);
        si += x[j][0] * Math.sin(angle) + x[j][1] * Math.cos(angle);
      }
      expect(re[k]).toBeCloseTo(sr, 12);
      expect(im[k]).toBeCloseTo(si, 12);
    }
  });

  it.each([
    [5, 3],
    [1000, 50],
    [1023, 1022],
    [4096, 365],
    [20_000, 7],
    // Many blocks: the overlap-save seams.
    [100_000, 365],
  ])("cross-correlates n = %i to lag %i as the direct sums do", (n, maxLag) => {
    const next = lcg(n);
    const a = Array.from({ length: n }, () => next());
    const b = Array.from({ length: n }, () => next() + 0.3 * a[0]);
    const fast = runToEnd(crossCorrelationSteps(a, b, n, maxLag));
    const slow = directCorrelation(a, b, maxLag);
    const scale = Math.sqrt(a.reduce((s, v) => s + v * v, 0) * b.reduce((s, v) => s + v * v, 0));
    for (let k = 0; k <= maxLag; k++) expect(Math.abs(fast[k] - slow[k])).toBeLessThanOrEqual(1e-13 * scale);
  });

  it("cuts a long series into blocks a few times the lags", () => {
    expect(blockSize(365, 1_048_575)).toBe(8192);
    expect(blockSize(12, 1_048_575)).toBe(1024);
    expect(blockSize(50, 100)).toBe(256);
  });

  it("keeps zeros (the gaps) out of the sums (hand-worked)", () => {
    // c0 = 2·5 + 3·6; c1 = 1·4; c2 = 1·5 + 2·6; c3 = 0; c4 = 1·6.
    const a = [1, 0, 2, 0, 3];
    const b = [0, 4, 5, 0, 6];
    expect(Array.from(runToEnd(crossCorrelationSteps(a, b, 5, 4))).map((v) => Math.round(v * 1e12) / 1e12 + 0)).toEqual([28, 4, 17, 0, 6].map((v) => v + 0));
  });
});

describe("LEADLAG_CORR's Pearson by FFT", () => {
  it("takes the FFT path only where it is cheaper", () => {
    expect(crossProductsByFft(1_048_575, 365)).toBe(true);
    expect(crossProductsByFft(1_048_575, 12)).toBe(false);
    expect(crossProductsByFft(1000, 365)).toBe(false);
  });

  it("gives r within 1e-9 of the pair-by-pair computation, gaps included", () => {
    const n = 60_000;
    const maxLag = 365;
    expect(crossProductsByFft(n, maxLag)).toBe(true);
    const next = lcg(11);
    // A level far from 0 and 1% gaps, leading y by 7 periods.
    const x = Array.from({ length: n }, () => 5000 + 100 * next());
    const y = x.map((_, i) => (i >= 7 ? 0.8 * x[i - 7] : 4000) + 30 * next());
    for (let i = 0; i < n; i++) {
      if (next() < -0.49) x[i] = NaN;
      if (next() > 0.49) y[i] = NaN;
    }
    const rows = pearsonByLag(x, y, maxLag);
    for (const lag of [0, 1, 6, 7, 8, 100, 364, 365]) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i + lag < n; i++) {
        if (!Number.isNaN(x[i]) && !Number.isNaN(y[i + lag])) {
          xs.push(x[i]);
          ys.push(y[i + lag]);
        }
      }
      const exact = pearson(Float64Array.from(xs), Float64Array.from(ys), xs.length) as { r: number; n: number };
      const got = rows[lag].result as { r: number; n: number };
      expect(got.n).toBe(exact.n);
      expect(Math.abs(got.r - exact.r)).toBeLessThanOrEqual(1e-9);
    }
    expect((rows[7].result as { r: number }).r).toBeGreaterThan(0.9);
  });
});

describe("LEADLAG_CORR's Pearson reusing the caller's arrays", () => {
  it("gives the same r as with copies, gaps included, on the FFT path", () => {
    const n = 50_000;
    const next = lcg(21);
    const x = Float64Array.from({ length: n }, () => (next() < -0.49 ? NaN : 100 + next()));
    const y = Float64Array.from({ length: n }, (_, i) => (next() > 0.49 ? NaN : (i > 2 ? x[i - 3] || 100 : 100) + 0.5 * next()));
    const copies = runToEnd(pearsonByLagSteps(x, y, 200, false));
    const reused = runToEnd(pearsonByLagSteps(Float64Array.from(x), Float64Array.from(y), 200, true));
    reused.forEach((row, lag) => {
      const a = copies[lag].result as { r: number };
      const b = row.result as { r: number };
      expect(Number.isFinite(b.r)).toBe(true);
      expect(Math.abs(a.r - b.r)).toBeLessThanOrEqual(1e-12);
    });
  });
});
