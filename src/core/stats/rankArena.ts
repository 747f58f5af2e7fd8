/**
 * The memory one LEADLAG_CORR Spearman call works in (laggedRanksGaps.ts): its series' codes and
 * group ends and both left-out tables live in one WebAssembly memory, laid out once for the call,
 * so that each lag's pass (rankPass.wat) reads them in place. Sized up front, because growing a
 * memory detaches every view of it ("WebAssembly.Memory.prototype.grow", MDN); dropped with the
 * call.
 *
 * WebAssembly is part of the JavaScript engine, not of the DOM: the webviews the manifest admits
 * run it (Excel 2021 and later use WebView2 for the shared runtime; "Browsers and webview
 * controls used by Office Add-ins", learn.microsoft.com), as they run the BigInt the exact sums
 * already need. A page compiles it only if its Content-Security-Policy allows 'wasm-unsafe-eval'
 * (ours do: taskpane.html, workbench.html); a webview that refuses it anyway, such as Safari before
 * 16, which knows no such source, gets the same pass in script (rankPassScript.ts). The module is
 * 604 bytes, so it compiles synchronously on the main thread, which Chromium allows below 4 KB
 * ("WebAssembly.Module()", MDN).
 */
import { ExactSum } from "./exactSum";
import { RANK_PASS_WASM } from "./rankPass.generated";
import { RankPass, scriptRankPass } from "./rankPassScript";

/** The compiled module; null once the runtime has refused to compile it (then every arena's pass is rankPassScript.ts'). */
let compiled: WebAssembly.Module | null | undefined;
let script = false;

/** Makes every later arena use the script pass (true) or the WebAssembly one where the runtime compiles it: for the tests of both. */
export function setScriptPass(on: boolean): void {
  script = on;
}

function rankPassModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  const bytes = new Uint8Array(RANK_PASS_WASM.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(RANK_PASS_WASM.slice(2 * i, 2 * i + 2), 16);
  try {
    compiled = new WebAssembly.Module(bytes);
  } catch {
    // A CompileError from the page's Content-Security-Policy, or no WebAssembly at all.
    compiled = null;
  }
  return compiled;
}

/** The memory and the pass over it: WebAssembly's where it compiles, else the same pass in script over a plain buffer. */
function memoryAndPass(pages: number): { buffer: ArrayBuffer; pass: RankPass } {
  const module = script ? null : rankPassModule();
  if (!module) {
    const buffer = new ArrayBuffer(pages * PAGE);
    return { buffer, pass: scriptRankPass(buffer) };
  }
  const memory = new WebAssembly.Memory({ initial: pages });
  return { buffer: memory.buffer, pass: new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as RankPass };
}

const PAGE = 1 << 16;

/** One side of a lag's pairs, as views of the arena: its codes and group ends (y's from the lag on) and its left-out table's words and blocks. */
export interface PassSide {
  code: Int32Array;
  hi: Int32Array;
  left: { words: Int32Array; blocks: Int32Array };
}

export class RankArena {
  private readonly buffer: ArrayBuffer;
  private readonly pass: RankPass;
  private readonly population: number;
  private readonly out: Uint32Array;
  private next = 0;
  private readonly room: number;

  /** Room for `int32s` whole numbers in `views` views and the population counts. */
  constructor(int32s: number, views: number, population: Uint8Array) {
    // A view's start rounds up to 8 bytes, at most 4 past its whole numbers; the sum's two halves take 8.
    const bytes = 4 * int32s + 4 * views + 8 + population.length;
    this.room = bytes;
    ({ buffer: this.buffer, pass: this.pass } = memoryAndPass(Math.ceil(bytes / PAGE)));
    this.out = new Uint32Array(this.buffer, this.take(8), 2);
    this.population = this.take(population.length);
    new Uint8Array(this.buffer, this.population, population.length).set(population);
  }

  /** A zeroed view of `length` whole numbers. */
  int32(length: number): Int32Array {
    return new Int32Array(this.buffer, this.take(4 * length), length);
  }

  /** Σ 2a·2b over the kept pairs [from, to) into `acc`: any ties, any table (blocks zero when not wide). At most 2^16 periods. */
  doubledSums(x: PassSide, y: PassSide, from: number, to: number, acc: ExactSum): void {
    const [cx, hx, wx, bx] = [x.code, x.hi, x.left.words, x.left.blocks].map((v) => v.byteOffset);
    const [cy, hy, wy, by] = [y.code, y.hi, y.left.words, y.left.blocks].map((v) => v.byteOffset);
    this.pass.doubled(cx, hx, wx, bx, cy, hy, wy, by, this.population, from, to, this.out.byteOffset);
    this.addOut(acc);
  }

  /** Σ a'·b' over the kept pairs [from, to), each rank as if untied (lagProducts.ts' tiedCorrection makes it exact); tables not wide. */
  untiedSums(x: PassSide, y: PassSide, from: number, to: number, acc: ExactSum): void {
    this.pass.untied(x.code.byteOffset, x.left.words.byteOffset, y.code.byteOffset, y.left.words.byteOffset, this.population, from, to, this.out.byteOffset);
    this.addOut(acc);
  }

  private addOut(acc: ExactSum): void {
    acc.addShifted(this.out[1], 32);
    acc.add(this.out[0]);
  }

  private take(bytes: number): number {
    const at = this.next;
    this.next = at + Math.ceil(bytes / 8) * 8;
    // Its own room, not the page's: a caller that sized it wrong hears so on every input, not only on some.
    if (this.next > this.room) throw new RangeError(`the rank arena holds ${this.room} bytes, asked for ${this.next}`);
    return at;
  }
}
