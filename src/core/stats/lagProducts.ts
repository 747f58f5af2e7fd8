/**
 * The sides of one lag's pairs for LEADLAG_CORR's Spearman (laggedRanksGaps.ts), and the
 * correction of the tied values' pairs after a pass that takes every value as untied. The pass
 * itself, Σ of the products of the kept pairs' ranks, each rank a period's place among its
 * series' numbers less the left-out values below it (leftOutPlaces.ts), is rankPass.wat's.
 */
import { ExactSum } from "./exactSum";
import * as leftOutPlaces from "./leftOutPlaces";

// Read once: a CommonJS build (the tests, the bench) reads an imported binding through a getter at
// every use, and these are used per period (measured: the pass ran four times slower).
const { countBelow, PLACE, TIE } = leftOutPlaces;
type Excluded = leftOutPlaces.Excluded;

/** One side of a lag's pairs: its codes and group ends (y's from the lag on) and its left-out table. */
export interface Side {
  code: Int32Array;
  hi: Int32Array;
  left: Excluded;
}

/**
 * Σ (2a·2b − 4a'·b') over this lag's kept pairs with a tied value on either side: what turns
 * the untied pass's 4·Σ a'·b' (rankArena.ts) into Σ 2a·2b. A pair tied on both sides is taken with x's.
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
