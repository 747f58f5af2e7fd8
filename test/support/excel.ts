/** Helpers to call the worksheet functions the way Excel does and read what they return. */
import reference from "../fixtures/reference.json";

export type Reference = typeof reference;
export { reference };

/** A column range as Excel passes it: one single-cell row per period; null for a blank. */
export function column(values: readonly (number | string | boolean | null | object)[]): unknown[][] {
  return values.map((v) => [v]);
}

export function row(values: readonly (number | string | boolean | null | object)[]): unknown[][] {
  return [values.slice()];
}

export function excelError(code: string): CustomFunctions.Error {
  return new CustomFunctions.Error(code as CustomFunctions.ErrorCode);
}

/** The error code of a result cell, or undefined when the cell is a value. */
export function codeOf(cell: unknown): string | undefined {
  return cell instanceof CustomFunctions.Error ? cell.code : undefined;
}

export function messageOf(cell: unknown): string {
  return cell instanceof CustomFunctions.Error ? (cell.message ?? "") : "";
}

/** Asserts an answer that is one cell, #VALUE!, its message matching `message`: a call whose arguments are refused. */
export function expectSingleValueError(result: unknown[][], message: RegExp): void {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  expect(codeOf(result[0][0])).toBe("#VALUE!");
  expect(messageOf(result[0][0])).toMatch(message);
}

/**
 * Asserts |actual - expected| <= rel·|expected|. Values below 1e-300 (an underflowing p) are
 * compared absolutely.
 */
export function expectRelative(actual: unknown, expected: number, rel: number, what = ""): void {
  if (typeof actual !== "number") throw new Error(`${what}: expected the number ${expected}, got ${String(actual)}`);
  const tolerance = Math.max(rel * Math.abs(expected), 1e-300);
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`${what}: ${actual} differs from ${expected} by ${Math.abs(actual - expected)}, more than ${tolerance}`);
  }
}

/** An omitted optional argument as Excel passes it (null); the typed signatures say undefined. */
export const OMITTED = null as unknown as undefined;
