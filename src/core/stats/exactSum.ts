/**
 * Exact sums of whole numbers beyond 2^53, for the rank sums of a full column: Σ(t³ − t) over
 * tie groups and Σ a·b over a million pairs of doubled ranks reach 2^60, where a double keeps
 * only 53 bits. Held as hi·2^32 + lo in two doubles, each a whole number well inside 2^53
 * (0 <= lo < 2^32), so every addition is exact and the total is rounded once, when read.
 */

const TWO32 = 2 ** 32;

export class ExactSum {
  private hi = 0;
  private lo = 0;

  /** Adds a whole number |v| < 2^53. */
  add(v: number): void {
    const vh = Math.floor(v / TWO32);
    this.hi += vh;
    this.lo += v - vh * TWO32;
    this.carry();
  }

  /** Adds v·2^e for a whole number |v| < 2^53 and 0 <= e <= 32. */
  addShifted(v: number, e: number): void {
    const unit = 2 ** (32 - e);
    const q = Math.floor(v / unit);
    this.hi += q;
    this.lo += (v - q * unit) * 2 ** e;
    this.carry();
  }

  /** Adds sign·(t³ − t) for a whole number 0 <= t < 2^26, exactly. */
  addCubeLessSelf(t: number, sign: 1 | -1): void {
    const square = t * t;
    const h = Math.floor(square / 2 ** 26);
    const l = square - h * 2 ** 26;
    // t³ = h·t·2^26 + l·t, each product below 2^52.
    this.addShifted(sign * h * t, 26);
    this.add(sign * (l * t - t));
  }

  /** Adds sign times another sum. */
  addSum(other: ExactSum, sign: 1 | -1): void {
    this.hi += sign * other.hi;
    this.add(sign * other.lo);
  }

  /** The sum rounded to the nearest double. */
  toNumber(): number {
    return this.hi * TWO32 + this.lo;
  }

  toBigInt(): bigint {
    return BigInt(this.hi) * BigInt(TWO32) + BigInt(this.lo);
  }

  isZero(): boolean {
    return this.hi === 0 && this.lo === 0;
  }

  private carry(): void {
    const c = Math.floor(this.lo / TWO32);
    this.lo -= c * TWO32;
    this.hi += c;
  }
}
