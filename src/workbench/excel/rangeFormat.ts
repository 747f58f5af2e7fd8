import { BatchContext, FakeObject, Located, normaliseColour } from "./proxy";
import { FakeRangeBorderCollection } from "./rangeBorders";

/**
 * Excel.RangeFormat ("Excel.RangeFormat class", learn.microsoft.com), as far as the add-in
 * uses it: fill and font, whose color reads as one colour when every cell shares it and as
 * null when they differ (as "Excel.RangeFill class" documents for color).
 */
export class FakeRangeFormat extends FakeObject {
  readonly fill: FakeColour;
  readonly font: FakeColour;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: BatchContext, where: () => Located) {
    super(context);
    const colourOf = (field: "fill" | "fontColor") => () => {
      const { sheet, area } = where();
      const first = this.model.cellAt(sheet, area.row, area.col)?.[field] ?? null;
      for (let i = 0; i < area.rowCount; i++) {
        for (let j = 0; j < area.colCount; j++) if ((this.model.cellAt(sheet, area.row + i, area.col + j)?.[field] ?? null) !== first) return null;
      }
      return first ?? (field === "fill" ? "#FFFFFF" : "#000000");
    };
    const setColour = (field: "fill" | "fontColor") => (colour: string | undefined) => {
      const { sheet, area } = where();
      for (let i = 0; i < area.rowCount; i++)
        for (let j = 0; j < area.colCount; j++) this.model.setFormat(sheet, area.row + i, area.col + j, { [field]: colour });
    };
    this.fill = new FakeColour(context, colourOf("fill"), setColour("fill"));
    this.font = new FakeColour(context, colourOf("fontColor"), setColour("fontColor"));
    this.borders = new FakeRangeBorderCollection(context, where);
  }
}

/** Excel.RangeFill / Excel.RangeFont ("Excel.RangeFill class", "Excel.RangeFont class"): color and clear(). */
export class FakeColour extends FakeObject {
  declare color: string;

  constructor(
    context: BatchContext,
    readonly get: () => string | null,
    readonly put: (colour: string | undefined) => void,
  ) {
    super(context);
  }

  clear(): void {
    this.act(() => this.put(undefined));
  }
}

FakeColour.withProperties({ color: { read: (c) => c.get(), write: (c, v) => c.put(normaliseColour(v as string)) } });
