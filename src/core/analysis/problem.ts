/**
 * A reason a calculation has no numeric answer. Core code never knows about Excel; the
 * function adapters turn a Problem into the matching Excel error value.
 */
export type ProblemKind = "value" | "na" | "div0" | "num" | "null";

export class Problem {
  constructor(
    readonly kind: ProblemKind,
    readonly message: string,
  ) {}
}

export function isProblem(x: unknown): x is Problem {
  return x instanceof Problem;
}

/** Thrown by core code for a problem that makes the whole result meaningless (a bad argument). */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = "ProblemError";
  }
}

export function fail(kind: ProblemKind, message: string): never {
  throw new ProblemError(new Problem(kind, message));
}
