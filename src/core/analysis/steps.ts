/**
 * Long computations as resumable steps: a generator that yields between units of work (a lag,
 * a sort). Core code stays synchronous and pure; whoever runs the steps decides whether to run
 * them to the end at once (tests, the pane's small series) or in time slices that give the
 * event loop back between them (the worksheet functions on a full column: src/core/analysis/slicing.ts).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Points handled between two steps of a pass over a full column (a few milliseconds each). */
export const PASS_CHUNK = 1 << 16;

/**
 * The first chunk of a pass. A loop V8 has not optimised yet runs in its interpreter, many times
 * slower (measured: a first call's first chunk of 32,768 cells took 47 ms, the next call's 1 ms),
 * so a pass starts with short chunks and doubles them (rampUp) to its full size, by which time
 * V8 has compiled the loop.
 */
export const FIRST_CHUNK = 1 << 12;

/** The chunk after one of `size`: twice as long, up to `max`. */
export function rampUp(size: number, max: number = PASS_CHUNK): number {
  return size >= max ? max : Math.min(max, size * 2);
}

/**
 * Runs `pass(from, to)` over [0, n) in chunks from `first` (FIRST_CHUNK) up to `max`
 * (PASS_CHUNK), a step each; a pass that does more per unit than one read takes smaller ones.
 */
export function* chunked(n: number, pass: (from: number, to: number) => void, max = PASS_CHUNK, first = FIRST_CHUNK): Steps<void> {
  for (let from = 0, size = Math.min(first, max); from < n; from += size, size = rampUp(size, max)) {
    if (from > 0) yield;
    pass(from, Math.min(n, from + size));
  }
}

/**
 * The units of a loop a step holds: FIRST_CHUNK, doubling up to `max` (rampUp). At the top of
 * each unit, `if (ticks.tick()) yield;`.
 */
export class Ticks {
  private done = 0;
  private size = FIRST_CHUNK;

  constructor(private readonly max: number = PASS_CHUNK) {}

  /** Counts `units` more; true when they fill the current chunk (the caller then yields). */
  tick(units = 1): boolean {
    this.done += units;
    if (this.done <= this.size) return false;
    this.done = units;
    this.size = rampUp(this.size, this.max);
    return true;
  }
}
