import { ExcelApiError } from "./errors";
import type { ChartModel, SheetModel } from "./model";
import { BatchContext, FakeCollection, FakeObject } from "./proxy";
import type { FakeRange } from "./ranges";

/**
 * Charts, as learn.microsoft.com's "Excel.ChartCollection class" (ExcelApi 1.1) describes them:
 * add(type, sourceData, seriesBy), getItem/getItemOrNullObject by name ("If there are multiple
 * charts with the same name, the first one will be returned"), count; and "Excel.Chart class":
 * name, title.text, setPosition(startCell, endCell) (Microsoft Graph's "chart: setPosition": the
 * start cell is the chart's top-left, the end cell its bottom-right, on the chart's sheet), delete().
 * Stricter than Excel where unsure: only the chart types listed in the model are accepted
 * (Excel knows many more), and seriesBy must be one of "Auto", "Columns", "Rows" (ChartSeriesBy).
 * A guess, marked as such: that sourceData may lie on another sheet than the chart, as charts
 * made in Excel's own interface can; the reference neither allows nor forbids it.
 */
export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(
    context: BatchContext,
    private sheet: () => SheetModel,
  ) {
    super(context);
  }

  protected current(): FakeChart[] {
    const s = this.sheet();
    return this.model.charts.filter((c) => c.sheetId === s.id).map((c) => new FakeChart(this.context, () => c));
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new ExcelApiError("InvalidArgument", `'${seriesBy}' is not a ChartSeriesBy value.`);
    let created: ChartModel | null = null;
    this.context.enqueue(() => {
      created = this.model.addChart(this.sheet(), type, sourceData.where());
    });
    return new FakeChart(this.context, () => created);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      const c = this.find(name);
      if (!c) throw new ExcelApiError("ItemNotFound", `The requested resource doesn't exist: chart '${name}'.`);
      return c;
    });
  }

  getItemOrNullObject(name: string): FakeChart {
    const c = new FakeChart(this.context, () => this.find(name) ?? null);
    c.resolveNullness();
    return c;
  }

  private find(name: string): ChartModel | undefined {
    const s = this.sheet();
    return this.model.charts.find((c) => c.sheetId === s.id && c.name === name);
  }

  get count(): number {
    return this.got("count");
  }
}

/** Excel.Chart ("Excel.Chart class", learn.microsoft.com): see the collection's note above. */
export class FakeChart extends FakeObject {
  readonly title: FakeChartTitle;
  declare name: string;
  declare readonly id: string;
  declare readonly chartType: string;

  constructor(
    context: BatchContext,
    private locate: () => ChartModel | null,
  ) {
    super(context);
    this.title = new FakeChartTitle(context, () => this.chart());
  }

  chart(): ChartModel {
    const c = this.locate();
    if (!c || !this.model.charts.includes(c)) throw new ExcelApiError("ItemNotFound", "The chart doesn't exist.");
    return c;
  }

  protected override exists(): boolean {
    const c = this.locate();
    return c !== null && this.model.charts.includes(c);
  }

  /** Covers the cells from startCell to endCell (on the chart's own sheet). */
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(() => {
      const c = this.chart();
      const sheet = this.model.sheetById(c.sheetId);
      const start = this.model.resolve(startCell, sheet);
      const end = endCell ? this.model.resolve(endCell, sheet) : start;
      if (start.sheet !== sheet || end.sheet !== sheet) throw new ExcelApiError("InvalidArgument", "A chart's position is on its own sheet.");
      c.position = { row: start.area.row, col: start.area.col, rowCount: end.area.row - start.area.row + 1, colCount: end.area.col - start.area.col + 1 };
    });
  }

  delete(): void {
    this.act(() => this.model.deleteChart(this.chart()));
  }
}

FakeChart.withProperties({
  name: {
    read: (c) => c.chart().name,
    write: (c, v) => {
      // A guess on the strict side: an empty name is refused (the reference gives no rule).
      if ((v as string).length === 0) throw new ExcelApiError("InvalidArgument", "A chart name cannot be empty.");
      c.chart().name = v as string;
    },
  },
  id: { read: (c) => c.chart().id },
  chartType: { read: (c) => c.chart().type },
});

/** Excel.ChartTitle ("Excel.ChartTitle class", learn.microsoft.com): text. */
export class FakeChartTitle extends FakeObject {
  declare text: string;

  constructor(
    context: BatchContext,
    readonly chart: () => ChartModel,
  ) {
    super(context);
  }
}

FakeChartTitle.withProperties({
  text: {
    read: (t) => t.chart().title,
    write: (t, v) => {
      t.chart().title = v as string;
    },
  },
});
