/** A formula the pane offers to insert in a cell, with the area its answer spills into. */
export interface FormulaChoice {
  label: string;
  formula: string;
  /** The area the result spills into. */
  size: { rows: number; columns: number };
}
