/**
 * Excel.RangeBorderCollection and Excel.RangeBorder ("Excel.RangeBorderCollection class",
 * "Excel.RangeBorder class", learn.microsoft.com), the minimum the add-in's cell marks use
 * (workbook/steps/cellMarks.ts): getItem(index) of a range's format, and each border's color,
 * style and weight, read and written.
 *
 * Never more forgiving than Excel: an index, style or weight outside Excel.BorderIndex,
 * Excel.BorderLineStyle and Excel.BorderWeight is refused with InvalidArgument. What the
 * stand-in does not model is refused too, rather than guessed: the inside and diagonal borders,
 * and reading a border of more than one cell (Excel answers for the range as a whole; how it
 * answers when cells differ is not documented on those pages).
 */
import { ExcelApiError } from "./errors";
import { BatchContext, FakeObject, Located, normaliseColour } from "./proxy";
import type { CellBorder } from "./types";

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
const OTHER_INDEXES = ["InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
type Edge = (typeof EDGES)[number];

/** A cell without a border of its own: no line, black, thin (Excel's defaults on a new sheet). */
export const NO_BORDER: CellBorder = { style: "None", color: "#000000", weight: "Thin" };

export class FakeRangeBorderCollection extends FakeObject {
  constructor(
    context: BatchContext,
    private readonly where: () => Located,
  ) {
    super(context);
  }

  getItem(index: string): FakeRangeBorder {
    if (OTHER_INDEXES.includes(index)) throw new ExcelApiError("InvalidArgument", `The stand-in does not model the ${index} border.`);
    if (!(EDGES as readonly string[]).includes(index))
      throw new ExcelApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${index}.`);
    return new FakeRangeBorder(this.context, this.where, index as Edge);
  }
}

export class FakeRangeBorder extends FakeObject {
  declare color: string;
  declare style: string;
  declare weight: string;

  constructor(
    context: BatchContext,
    readonly where: () => Located,
    readonly edge: Edge,
  ) {
    super(context);
  }

  /** The cells along this edge of the range. */
  cells(): { row: number; col: number }[] {
    const { area } = this.where();
    if (this.edge === "EdgeTop" || this.edge === "EdgeBottom") {
      const row = this.edge === "EdgeTop" ? area.row : area.row + area.rowCount - 1;
      return Array.from({ length: area.colCount }, (_, j) => ({ row, col: area.col + j }));
    }
    const col = this.edge === "EdgeLeft" ? area.col : area.col + area.colCount - 1;
    return Array.from({ length: area.rowCount }, (_, i) => ({ row: area.row + i, col }));
  }

  current(): CellBorder {
    const { sheet, area } = this.where();
    if (area.rowCount * area.colCount !== 1) throw new ExcelApiError("InvalidArgument", "The stand-in reads the border of one cell only.");
    return this.model.cellAt(sheet, area.row, area.col)?.borders?.[this.edge] ?? NO_BORDER;
  }

  put(change: Partial<CellBorder>): void {
    const { sheet } = this.where();
    for (const { row, col } of this.cells()) {
      const was = this.model.cellAt(sheet, row, col)?.borders ?? {};
      this.model.setFormat(sheet, row, col, { borders: { ...was, [this.edge]: { ...(was[this.edge] ?? NO_BORDER), ...change } } });
    }
  }
}

function oneOf(allowed: readonly string[], v: unknown): string {
  if (typeof v !== "string" || !allowed.includes(v))
    throw new ExcelApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${String(v)}.`);
  return v;
}

FakeRangeBorder.withProperties({
  color: { read: (b) => b.current().color, write: (b, v) => b.put({ color: normaliseColour(String(v)) }) },
  style: { read: (b) => b.current().style, write: (b, v) => b.put({ style: oneOf(STYLES, v) }) },
  weight: { read: (b) => b.current().weight, write: (b, v) => b.put({ weight: oneOf(WEIGHTS, v) }) },
});
