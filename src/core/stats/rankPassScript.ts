/**
 * rankPass.wat's two passes in JavaScript, over the same memory and with the same pointers, for a
 * runtime that refuses to compile WebAssembly: a page whose Content-Security-Policy lacks
 * 'wasm-unsafe-eval' (ours has it; a webview older than the directive, such as Safari before 16,
 * refuses WebAssembly under any script-src without 'unsafe-eval': "CSP: script-src", MDN). The
 * same sums, slower (measured on a full column at 365 lags: 2.8–3.0 s against 1.6 s).
 *
 * A double holds a block of up to 2^10 products of twice a rank exactly (each below 2^42 on a full
 * column); the blocks add up exactly in an ExactSum, written to `out` as the pass writes its i64.
 */
import { ExactSum } from "./exactSum";
import * as leftOutPlaces from "./leftOutPlaces";

// Read once, as lagProducts.ts does: a CommonJS build reads an imported binding through a getter at every use.
const { PLACE, TIE } = leftOutPlaces;

/** The pointers and bounds of rankPass.wat's exports, byte offsets into the arena's memory. */
export interface RankPass {
  doubled(
    codeX: number,
    hiX: number,
    wordsX: number,
    blocksX: number,
    codeY: number,
    hiY: number,
    wordsY: number,
    blocksY: number,
    pop: number,
    from: number,
    to: number,
    out: number,
  ): void;
  untied(codeX: number, wordsX: number, codeY: number, wordsY: number, pop: number, from: number, to: number, out: number): void;
}

const BLOCK = 1 << 10;

export function scriptRankPass(buffer: ArrayBuffer): RankPass {
  const whole = new Int32Array(buffer);
  const halves = new Uint32Array(buffer);
  // Views from each pointer, so that a period's reads index them directly.
  const view = (pointer: number) => whole.subarray(pointer >> 2);
  const popAt = (pointer: number) => new Uint8Array(buffer, pointer, 1 << 16);
  const store = (out: number, acc: ExactSum) => {
    const v = acc.toBigInt();
    halves[out >> 2] = Number(v & 0xffffffffn);
    halves[(out >> 2) + 1] = Number(v >> 32n);
  };
  return {
    doubled(codeX, hiX, wordsX, blocksX, codeY, hiY, wordsY, blocksY, pop, from, to, out) {
      const x = { code: view(codeX), hi: view(hiX), words: view(wordsX), blocks: view(blocksX) };
      const y = { code: view(codeY), hi: view(hiY), words: view(wordsY), blocks: view(blocksY) };
      const population = popAt(pop);
      const acc = new ExactSum();
      for (let start = from; start < to; start += BLOCK) {
        acc.add(doubledBlock(x, y, population, start, Math.min(to, start + BLOCK)));
      }
      store(out, acc);
    },
    untied(codeX, wordsX, codeY, wordsY, pop, from, to, out) {
      const [cx, wx, cy, wy] = [codeX, wordsX, codeY, wordsY].map(view);
      const population = popAt(pop);
      const acc = new ExactSum();
      for (let start = from; start < to; start += BLOCK) {
        const end = Math.min(to, start + BLOCK);
        let s = 0;
        for (let i = start; i < end; i++) {
          const a = cx[i];
          const b = cy[i];
          if ((a | b) < 0) continue;
          const px = a & PLACE;
          const py = b & PLACE;
          const vx = wx[px >> 4];
          const vy = wy[py >> 4];
          s += (px + 1 - (vx >>> 16) - population[vx & ((1 << (px & 15)) - 1)]) * (py + 1 - (vy >>> 16) - population[vy & ((1 << (py & 15)) - 1)]);
        }
        acc.add(s);
      }
      store(out, acc);
    },
  };
}

interface Side {
  code: Int32Array;
  hi: Int32Array;
  words: Int32Array;
  blocks: Int32Array;
}

/** Σ 2a·2b over the kept pairs [from, to), at most BLOCK of them, so the sum is exact in a double. */
function doubledBlock(x: Side, y: Side, population: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) {
    const a = x.code[i];
    const b = y.code[i];
    if ((a | b) < 0) continue;
    s += twiceRank(a, x.hi[i], x, population) * twiceRank(b, y.hi[i], y, population);
  }
  return s;
}

/** Twice the average rank of a kept value with code c and group end h (rankPass.wat's $twiceRank). */
function twiceRank(c: number, h: number, side: Side, population: Uint8Array): number {
  const p = c & PLACE;
  return c & TIE ? p + h + 1 - below(side, population, p) - below(side, population, h) : 2 * (p + 1 - below(side, population, p));
}

/** #{left-out places < p}: the block's count, the word's, and the word's bits below p. */
function below(side: Side, population: Uint8Array, p: number): number {
  const v = side.words[p >> 4];
  return side.blocks[p >> 16] + (v >>> 16) + population[v & ((1 << (p & 15)) - 1)];
}
