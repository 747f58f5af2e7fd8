/**
 * The values one lag of LEADLAG_CORR's Spearman leaves out (laggedRanksGaps.ts), by their places
 * in their series' sorted order, and the count of them below any place, for the ranks of the
 * values kept.
 */
import { ExactSum } from "./exactSum";

/** Marks a tie group's start in a period's code when the group holds more than one value (the place is code & PLACE). */
export const TIE = 1 << 30;
export const PLACE = TIE - 1;

/**
 * The left-out values of one lag, by their (unique) places in the sorted order, in 16-place
 * words: word w holds the count of left-out places before it in its upper 16 bits and its own
 * places' bits in the lower 16, so the count below a place is one look-up and the population
 * count of 16 bits, itself a look-up in a 64 KB table (measured on a full column under the same
 * load: 10 ms a lag, against 18 ms with 32-place words, their counts beside them and an
 * arithmetic population count). When more than 65,535 places are left out (a long lag or a
 * series with many gaps) the counts are kept per 65,536 places in `blocks` and the word holds
 * the count since its block's start ("wide").
 */
export class Excluded {
  readonly words: Int32Array;
  readonly blocks: Int32Array;
  wide = false;
  private readonly set: Int32Array;
  private size = 0;
  /** Per tie group start: how many of its values are left out (scratch, zero between lags; made when a tied value is first left out). */
  private inGroup: Int32Array | null = null;
  private readonly positions: number;

  /** `int32` makes the tables (the rank pass reads them in its arena, rankArena.ts). */
  constructor(positions: number, capacity: number, int32: (length: number) => Int32Array = (length) => new Int32Array(length)) {
    this.words = int32(wordsFor(positions));
    this.blocks = int32(blocksFor(positions));
    this.set = new Int32Array(Math.max(1, capacity));
    this.positions = positions;
  }

  fill(places: Int32Array, count: number): void {
    const { words, blocks, set } = this;
    for (let e = 0; e < this.size; e++) words[set[e] >> 4] = 0;
    for (let e = 0; e < count; e++) {
      const p = places[e];
      set[e] = p;
      words[p >> 4] |= 1 << (p & 15);
    }
    this.size = count;
    this.wide = count > 0xffff;
    if (this.wide) countBeforeWide(words, blocks);
    else {
      // The pass that reads both kinds of table adds the blocks' counts: zero for a table not wide.
      blocks.fill(0);
      countBefore(words);
    }
  }

  /**
   * A place of its own for a left-out value, by its code (its tie group's start, with TIE when
   * tied): an untied value's place is its group's; a tied value takes the next place of its group
   * not yet taken at this lag. A group's places are alike (only how many of them are left out
   * counts), so no period needs a place of its own kept.
   */
  placeOf(code: number): number {
    if (!(code & TIE)) return code;
    const start = code & PLACE;
    const inGroup = (this.inGroup ??= new Int32Array(this.positions + 1));
    return start + inGroup[start]++;
  }

  /**
   * (m³ − m) − Σ(t³ − t) over the tie groups of the m kept values: 12·Σ(a − ā)² of their ranks.
   * Only the groups of left-out values change size: `tied` are the left-out periods whose value
   * is tied (their counts per group taken by placeOf, and cleared here for the next lag), and the
   * series' tie term covers every number.
   */
  squares(m: number, r: { code: Int32Array; hi: Int32Array; ties: ExactSum }, tied: Int32Array, count: number): ExactSum {
    const out = new ExactSum();
    out.addCubeLessSelf(m, 1);
    out.addSum(r.ties, -1);
    if (count === 0) return out;
    const inGroup = this.inGroup!;
    for (let e = 0; e < count; e++) {
      const start = r.code[tied[e]] & PLACE;
      if (inGroup[start] === 0) continue;
      const size = r.hi[tied[e]] - start;
      // The group keeps size − inGroup values: its term t³ − t becomes that of the smaller group.
      out.addCubeLessSelf(size, 1);
      out.addCubeLessSelf(size - inGroup[start], -1);
      inGroup[start] = 0;
    }
    return out;
  }
}

/** The length of a table's words and blocks for `positions` places. */
export const wordsFor = (positions: number): number => (positions >> 4) + 1;
export const blocksFor = (positions: number): number => (positions >> 16) + 1;

/** The number of bits set in each 16-bit value. */
export const POPULATION = new Uint8Array(1 << 16);
for (let v = 1; v < POPULATION.length; v++) POPULATION[v] = POPULATION[v >> 1] + (v & 1);

/** Each word's count of left-out places before it into its upper 16 bits (fewer than 65,536 left out). */
function countBefore(words: Int32Array): void {
  let before = 0;
  for (let w = 0; w < words.length; w++) {
    const bits = words[w] & 0xffff;
    words[w] = (before << 16) | bits;
    before += POPULATION[bits];
  }
}

/** countBefore for a wide table: the counts since each 65,536 places' block start, the blocks' in `blocks`. */
function countBeforeWide(words: Int32Array, blocks: Int32Array): void {
  let total = 0;
  for (let b = 0; b < blocks.length; b++) {
    blocks[b] = total;
    let before = 0;
    const end = Math.min(words.length, (b + 1) << 12);
    for (let w = b << 12; w < end; w++) {
      const bits = words[w] & 0xffff;
      words[w] = (before << 16) | bits;
      before += POPULATION[bits];
    }
    total += before;
  }
}

/** #{left-out places < p} with fewer than 65,536 left out. */
export function countBelow(words: Int32Array, p: number): number {
  const v = words[p >> 4];
  // (1 << 0) − 1 = 0 keeps no bit; the word's bits below p otherwise.
  return (v >>> 16) + POPULATION[v & ((1 << (p & 15)) - 1)];
}

/** #{left-out places < p} for a wide table. */
export function countBelowWide(words: Int32Array, blocks: Int32Array, p: number): number {
  const v = words[p >> 4];
  return blocks[p >> 16] + (v >>> 16) + POPULATION[v & ((1 << (p & 15)) - 1)];
}
