/**
 * One lag's pass over its periods for LEADLAG_CORR's Spearman (laggedRanksGaps.ts): the sum of
 * the products of the kept pairs' ranks, each rank a period's place among its series' numbers
 * less the left-out values below it (leftOutPlaces.ts). Plain functions over typed arrays, no
 * object made per period, so V8 compiles the loops well and no collector work lands in a step.
 */
import { ExactSum } from "./exactSum";
import * as leftOutPlaces from "./leftOutPlaces";

// Read once: a CommonJS build (the tests, the bench) reads an imported binding through a getter at
// every use, and these are used per period (measured: the pass ran four times slower).
const { countBelow, countBelowWide, PLACE, TIE } = leftOutPlaces;
type Excluded = leftOutPlaces.Excluded;

/** One side of a lag's pairs: its codes and group ends (y's from the lag on) and its left-out table. */
export interface Side {
  code: Int32Array;
  hi: Int32Array;
  left: Excluded;
}

/**
 * Σ 2a·2b over the pairs [from, to) kept at this lag, into `acc` (centred once a lag, not per
 * period: one subtraction fewer per side and period): 2a is
 * twice x's average rank among all its numbers less the left-out values below it (ties count ½),
 * 2b the same for y (y's arrays start at the lag, so one index serves both sides). Nothing else
 * is written and no object made, so no collector work lands in a step.
 */
export function productSums(x: Side, y: Side, from: number, to: number, block: number, acc: ExactSum): void {
  const { code: codeX, hi: hiX } = x;
  const { code: codeY, hi: hiY } = y;
  const wordsX = x.left.words;
  const wordsY = y.left.words;
  for (let start = from; start < to; start += block) {
    const end = Math.min(to, start + block);
    let s = 0;
    for (let i = start; i < end; i++) {
      const cx = codeX[i];
      const cy = codeY[i];
      if ((cx | cy) < 0) continue;
      const a2 = cx & TIE ? (cx & PLACE) + hiX[i] + 1 - countBelow(wordsX, cx & PLACE) - countBelow(wordsX, hiX[i]) : 2 * (cx + 1 - countBelow(wordsX, cx));
      const b2 = cy & TIE ? (cy & PLACE) + hiY[i] + 1 - countBelow(wordsY, cy & PLACE) - countBelow(wordsY, hiY[i]) : 2 * (cy + 1 - countBelow(wordsY, cy));
      s += a2 * b2;
    }
    acc.add(s);
  }
}

/**
 * Σ a'·b' over the pairs [from, to) kept at this lag, into `acc`: a' is x's rank among all its
 * numbers less the left-out values below it as if its value were untied (a tied value's is its
 * group's first place's), so a product is one look-up a side; tiedCorrection makes the tied
 * values' pairs exact. Products below n², a block's sum below 2^53.
 */
export function productSumsUntied(x: Side, y: Side, from: number, to: number, block: number, acc: ExactSum): void {
  const codeX = x.code;
  const codeY = y.code;
  const wordsX = x.left.words;
  const wordsY = y.left.words;
  for (let start = from; start < to; start += block) {
    const end = Math.min(to, start + block);
    let s = 0;
    for (let i = start; i < end; i++) {
      const cx = codeX[i];
      const cy = codeY[i];
      if ((cx | cy) < 0) continue;
      const px = cx & PLACE;
      const py = cy & PLACE;
      s += (px + 1 - countBelow(wordsX, px)) * (py + 1 - countBelow(wordsY, py));
    }
    acc.add(s);
  }
}

/**
 * Σ (2a·2b − 4a'·b') over this lag's kept pairs with a tied value on either side: what turns
 * productSumsUntied's 4·Σ a'·b' into Σ 2a·2b. A pair tied on both sides is taken with x's.
 */
export function tiedCorrection(x: Side, y: Side, tiedX: Int32Array, tiedY: Int32Array, k: number, pairs: number): ExactSum {
  const out = new ExactSum();
  for (let t = 0; t < tiedX.length; t++) {
    const i = tiedX[t];
    if (i >= pairs) break;
    if (y.code[i] < 0) continue;
    out.add(pairCorrection(x, y, i));
  }
  for (let t = 0; t < tiedY.length; t++) {
    const i = tiedY[t] - k;
    if (i < 0) continue;
    if (i >= pairs) break;
    const cx = x.code[i];
    if (cx < 0 || cx & TIE) continue;
    out.add(pairCorrection(x, y, i));
  }
  return out;
}

/** 2a·2b − 4a'·b' for the kept pair at i. */
function pairCorrection(x: Side, y: Side, i: number): number {
  const cx = x.code[i];
  const cy = y.code[i];
  const wordsX = x.left.words;
  const wordsY = y.left.words;
  const a1 = (cx & PLACE) + 1 - countBelow(wordsX, cx & PLACE);
  const b1 = (cy & PLACE) + 1 - countBelow(wordsY, cy & PLACE);
  const a2 = cx & TIE ? (cx & PLACE) + x.hi[i] + 1 - countBelow(wordsX, cx & PLACE) - countBelow(wordsX, x.hi[i]) : 2 * a1;
  const b2 = cy & TIE ? (cy & PLACE) + y.hi[i] + 1 - countBelow(wordsY, cy & PLACE) - countBelow(wordsY, y.hi[i]) : 2 * b1;
  return a2 * b2 - 4 * a1 * b1;
}

/** productSums with a wide table on either side (more than 65,535 values left out). */
export function productSumsWide(x: Side, y: Side, from: number, to: number, block: number, acc: ExactSum): void {
  const { code: codeX, hi: hiX } = x;
  const { code: codeY, hi: hiY } = y;
  const { words: wordsX, blocks: blocksX } = x.left;
  const { words: wordsY, blocks: blocksY } = y.left;
  for (let start = from; start < to; start += block) {
    const end = Math.min(to, start + block);
    let s = 0;
    for (let i = start; i < end; i++) {
      const cx = codeX[i];
      const cy = codeY[i];
      if ((cx | cy) < 0) continue;
      const a2 =
        cx & TIE
          ? (cx & PLACE) + hiX[i] + 1 - countBelowWide(wordsX, blocksX, cx & PLACE) - countBelowWide(wordsX, blocksX, hiX[i])
          : 2 * (cx + 1 - countBelowWide(wordsX, blocksX, cx));
      const b2 =
        cy & TIE
          ? (cy & PLACE) + hiY[i] + 1 - countBelowWide(wordsY, blocksY, cy & PLACE) - countBelowWide(wordsY, blocksY, hiY[i])
          : 2 * (cy + 1 - countBelowWide(wordsY, blocksY, cy));
      s += a2 * b2;
    }
    acc.add(s);
  }
}
