/**
 * Adding and deleting charts in the model ("Excel.ChartCollection: add", "Excel.Chart: delete",
 * learn.microsoft.com): only the chart types the stand-in draws, never on a protected sheet.
 */
import type { Area } from "../../core/excel/a1";
import { ExcelApiError } from "./errors";
import { CHART_TYPES } from "./types";
import type { ChartModel, SheetModel } from "./types";

interface ChartHost {
  charts: ChartModel[];
  newId(prefix: string): string;
  sheetById(id: string): SheetModel;
  assertEditable(sheet: SheetModel): void;
}

export function addChart(model: ChartHost, sheet: SheetModel, type: string, source: { sheet: SheetModel; area: Area }): ChartModel {
  model.assertEditable(sheet);
  if (!(CHART_TYPES as readonly string[]).includes(type)) throw new ExcelApiError("InvalidArgument", `The chart type '${type}' is not one the stand-in draws.`);
  const chart: ChartModel = {
    id: model.newId("chart"),
    sheetId: sheet.id,
    name: `Chart ${model.charts.length + 1}`,
    type,
    source: { sheetId: source.sheet.id, area: source.area },
    title: "",
    position: null,
  };
  model.charts.push(chart);
  return chart;
}

export function deleteChart(model: ChartHost, chart: ChartModel): void {
  model.assertEditable(model.sheetById(chart.sheetId));
  model.charts = model.charts.filter((c) => c !== chart);
}
