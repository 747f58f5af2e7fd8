/** Problems the user can act on; their messages are shown in the pane as they are. */
export class KpiWorkbookError extends Error {
  /** The form field the problem is about, when there is one (the pane shows the message there). */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "KpiWorkbookError";
  }
}

/** A write would replace formulas of the user's with constants; the pane asks before it does. */
export class FormulaConflictError extends KpiWorkbookError {
  constructor(
    readonly cells: { column: string; formula: string; value: unknown }[],
    where = "the register",
  ) {
    super(
      `${where[0].toUpperCase()}${where.slice(1)} holds your formula${cells.length > 1 ? "s" : ""} ${cells.map((c) => `${c.column} ${c.formula}`).join(", ")}, ` +
        `whose value differs from what you entered. Nothing was changed. Replace ${cells.length > 1 ? "them" : "it"} with the new value, or edit the register cell instead.`,
    );
    this.name = "FormulaConflictError";
  }
}
