import { ExcelApiError, requested, stillIn, stillThere } from "./errors";
import type { Area } from "../../core/excel/a1";
import type { ChartModel, SheetModel } from "./model";
import type { ChartSeriesModel } from "./types";
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
      created.series = seriesFrom(created, seriesBy);
    });
    return new FakeChart(this.context, () => created);
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => {
      return requested(this.find(name), "chart", name);
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
  readonly series: FakeChartSeriesCollection;
  declare name: string;
  declare readonly id: string;
  declare readonly chartType: string;

  constructor(
    context: BatchContext,
    private locate: () => ChartModel | null,
  ) {
    super(context);
    this.title = new FakeChartTitle(context, () => this.chart());
    this.series = new FakeChartSeriesCollection(context, () => this.chart());
  }

  chart(): ChartModel {
    return stillThere(this.locate(), this.model.charts, "chart");
  }

  protected override exists(): boolean {
    return stillIn(this.locate(), this.model.charts);
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

/**
 * The series a chart starts with, from its source as "Excel.ChartCollection.add" takes it
 * (seriesBy "Columns": a series per column; "Rows": per row; "Auto": along the longer side, as
 * Excel puts the fewer series in a legend), named Series1, Series2 … (the source has no header
 * the stand-in reads).
 */
function seriesFrom(chart: ChartModel, seriesBy: string): ChartSeriesModel[] {
  const { sheetId, area } = chart.source;
  const byColumn = seriesBy === "Columns" || (seriesBy === "Auto" && area.rowCount >= area.colCount);
  const count = byColumn ? area.colCount : area.rowCount;
  return Array.from({ length: count }, (_, i) => ({
    name: `Series${i + 1}`,
    values: { sheetId, area: byColumn ? { ...area, col: area.col + i, colCount: 1 } : { ...area, row: area.row + i, rowCount: 1 } },
    xValues: null,
  }));
}

/** A chart's series, made from its source when the chart came from elsewhere than ChartCollection.add. */
export function seriesOf(chart: ChartModel): ChartSeriesModel[] {
  return (chart.series ??= seriesFrom(chart, "Auto"));
}

/**
 * Excel.ChartSeriesCollection ("Excel.ChartSeriesCollection class", learn.microsoft.com):
 * add(name, index) (ExcelApi 1.7: "The new added series is not visible until values, x-axis
 * values, or bubble sizes for it are set"; index zero-based, at most the count), getItemAt(index)
 * and count (ExcelApi 1.1).
 */
export class FakeChartSeriesCollection extends FakeCollection<FakeChartSeries> {
  constructor(
    context: BatchContext,
    private chart: () => ChartModel,
  ) {
    super(context);
  }

  protected current(): FakeChartSeries[] {
    const list = seriesOf(this.chart());
    return list.map(
      (s) =>
        new FakeChartSeries(
          this.context,
          () => s,
          () => this.chart(),
        ),
    );
  }

  add(name?: string, index?: number): FakeChartSeries {
    let created: ChartSeriesModel | null = null;
    this.context.enqueue(() => {
      const list = seriesOf(this.chart());
      const at = index ?? list.length;
      if (!Number.isInteger(at) || at < 0 || at > list.length) throw new ExcelApiError("InvalidArgument", `The series index ${at} is out of range.`);
      created = { name: name ?? `Series${list.length + 1}`, values: null, xValues: null };
      list.splice(at, 0, created);
    });
    return new FakeChartSeries(
      this.context,
      () => created,
      () => this.chart(),
    );
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(
      this.context,
      () => seriesOf(this.chart())[index] ?? null,
      () => this.chart(),
    );
  }

  get count(): number {
    return this.got("count");
  }
}

/**
 * Excel.ChartSeries ("Excel.ChartSeries class", learn.microsoft.com): name (ExcelApi 1.1),
 * setValues(sourceData) and setXAxisValues(sourceData) (ExcelApi 1.7: "The Range object
 * corresponding to the source data"). Stricter than Excel where unsure: the range must be one
 * row or one column (a series is one line of values; Excel's own dialog refuses a block there).
 */
export class FakeChartSeries extends FakeObject {
  declare name: string;

  constructor(
    context: BatchContext,
    private locate: () => ChartSeriesModel | null,
    private chart: () => ChartModel,
  ) {
    super(context);
  }

  series(): ChartSeriesModel {
    return stillThere(this.locate(), seriesOf(this.chart()), "chart series");
  }

  protected override exists(): boolean {
    return this.locate() !== null;
  }

  setValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      this.series().values = lineOf(sourceData.where());
    });
  }

  setXAxisValues(sourceData: FakeRange): void {
    this.context.enqueue(() => {
      this.series().xValues = lineOf(sourceData.where());
    });
  }
}

function lineOf(where: { sheet: SheetModel; area: Area }): { sheetId: string; area: Area } {
  if (where.area.rowCount !== 1 && where.area.colCount !== 1) throw new ExcelApiError("InvalidArgument", "A series' data is one row or one column.");
  return { sheetId: where.sheet.id, area: where.area };
}

FakeChartSeries.withProperties({
  name: {
    read: (s) => s.series().name,
    write: (s, v) => {
      s.series().name = String(v);
    },
  },
});
