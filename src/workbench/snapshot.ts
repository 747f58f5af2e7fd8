/**
 * A plain-JSON picture of the in-memory workbook, as a test (or a person) would check it
 * against Excel: every sheet's values and displayed fills, the names, the tables, the settings
 * and each conditional format with its rule, its range and the fill it gives each cell.
 */
import { Area, areaName, qualified } from "../core/excel/a1";
import { seriesOf } from "./excel/charts";
import { FormulaErrorValue } from "./excel/formula";
import { WorkbookModel } from "./excel/model";

export interface WorkbookSnapshot {
  sheets: { name: string; protected: boolean; values: unknown[][]; formulas: unknown[][]; fills: (string | null)[][] }[];
  names: { name: string; formula: string; address: string | null }[];
  tables: { name: string; sheet: string; address: string; columns: string[] }[];
  settings: Record<string, unknown>;
  conditionalFormats: {
    id: string;
    sheet: string;
    address: string;
    type: string;
    rule: string;
    fill: string | null;
    fontColor: string | null;
    /** The fill the format gives each cell of its range (null where its rule does not hold). */
    cells: { address: string; fill: string | null }[];
  }[];
  charts: {
    sheet: string;
    name: string;
    type: string;
    title: string;
    source: string;
    position: string | null;
    series: { name: string; values: string | null; xValues: string | null }[];
  }[];
  selection: string | null;
}

export function snapshot(model: WorkbookModel): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((sheet) => {
      const used = model.usedArea(sheet);
      const rows = used ? used.row + used.rowCount : 0;
      const cols = used ? used.col + used.colCount : 0;
      const grid = <T>(f: (r: number, c: number) => T) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
      return {
        name: sheet.name,
        protected: sheet.protected,
        values: grid((r, c) => {
          const v = model.valueAt(sheet, r, c);
          return v instanceof FormulaErrorValue ? v.code : v;
        }),
        formulas: grid((r, c) => model.formulaAt(sheet, r, c)),
        fills: grid((r, c) => model.displayedFormat(sheet, r, c).fill),
      };
    }),
    names: model.names.map((n) => {
      const target = model.nameTarget(n);
      return { name: n.name, formula: n.formula, address: target ? qualified(target.sheet.name, target.area) : null };
    }),
    tables: model.tables.map((t) => ({
      name: t.name,
      sheet: model.sheetById(t.sheetId).name,
      address: qualified(model.sheetById(t.sheetId).name, t.area),
      columns: [...t.columns],
    })),
    settings: Object.fromEntries(model.settings),
    conditionalFormats: model.conditionalFormats.map((f) => {
      const sheet = model.sheetById(f.sheetId);
      const cells: { address: string; fill: string | null }[] = [];
      for (let r = f.area.row; r < f.area.row + f.area.rowCount && r < f.area.row + 5000; r++) {
        for (let c = f.area.col; c < f.area.col + f.area.colCount && c < f.area.col + 100; c++) {
          cells.push({ address: areaName({ row: r, col: c, rowCount: 1, colCount: 1 }), fill: model.ruleHolds(f, r, c) ? (f.fill ?? null) : null });
        }
      }
      return {
        id: f.id,
        sheet: sheet.name,
        address: qualified(sheet.name, f.area),
        type: f.type,
        rule: f.type === "Custom" ? (f.formula ?? "") : `${f.operator} ${f.formula1 ?? ""}${f.formula2 !== undefined ? ` ${f.formula2}` : ""}`,
        fill: f.fill ?? null,
        fontColor: f.fontColor ?? null,
        cells,
      };
    }),
    charts: model.charts.map((c) => {
      const where = (r: { sheetId: string; area: Area } | null) => {
        const s = r && model.sheets.find((x) => x.id === r.sheetId);
        return r ? (s ? qualified(s.name, r.area) : "#REF!") : null;
      };
      const sheet = model.sheetById(c.sheetId);
      const source = model.sheets.find((x) => x.id === c.source.sheetId);
      return {
        sheet: sheet.name,
        name: c.name,
        type: c.type,
        title: c.title,
        source: source ? qualified(source.name, c.source.area) : "#REF!",
        position: c.position ? areaName(c.position) : null,
        series: seriesOf(c).map((x) => ({ name: x.name, values: where(x.values), xValues: where(x.xValues) })),
      };
    }),
    selection: selectionOf(model),
  };
}

/** The selected address; none when its sheet was deleted (Excel then selects on another sheet). */
function selectionOf(model: WorkbookModel): string | null {
  const sheet = model.selection && model.sheets.find((s) => s.id === model.selection!.sheetId);
  return sheet ? qualified(sheet.name, model.selection!.area) : null;
}
