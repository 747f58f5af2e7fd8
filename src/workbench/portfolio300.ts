/**
 * A workbook of 300 tagged KPIs of 36 months (issue 25, "300 KPIs at ease"): a budget per period
 * every third, a rate every fifth, ten blocks of four regions, a leading KPI every tenth
 * predicting the next. `npm run bench -- --only pane-300` measures the pane's work on it in Node,
 * `--only pane-300-browser` the pane in Chromium (workbench.html?sample=kpis300).
 */
import { columnLetters } from "../core/excel/a1";
import { FIELD_DEFAULTS } from "../core/model/kpi";
import { ExcelKpiWorkbook, KpiInput } from "../workbook/kpiWorkbook";
import { WorkbookModel } from "./excel/model";

export const COUNT = 300;
export const BLOCKS = 10;
export const MONTHS = 36;

/** A KPI's fields, with a target a row of Data can meet. */
export const PORTFOLIO_INPUT: KpiInput = {
  name: "",
  owner: "Dana Whitfield",
  objective: "Grow",
  kind: "lagging",
  predicts: "",
  direction: "higher",
  target: 50,
  atRisk: 45,
  baseline: null,
  spcBaseline: null,
  spcFrom: null,
  unit: "",
  cadence: "monthly",
  initiative: "Push",
  response: "Call",
  primary: false,
  ...FIELD_DEFAULTS,
  firstPeriod: "2024-01",
};

/** The workbook: Data (values), Budget (targets per period), Visits (denominators), Regions (blocks of four under their names). */
export function portfolioWorkbook(): WorkbookModel {
  const model = new WorkbookModel();
  const data = model.addSheet("Data");
  const budget = model.addSheet("Budget");
  const visits = model.addSheet("Visits");
  const regions = model.addSheet("Regions");
  for (let c = 0; c < COUNT - BLOCKS; c++) {
    for (let r = 0; r < MONTHS; r++) {
      model.writeValue(data, r, c, 40 + ((r * 7 + c * 3) % 20) + (c % 4 === 0 ? r : 0));
      model.writeValue(budget, r, c, 48 + (r % 12));
      model.writeValue(visits, r, c, 1000 + ((r * 13 + c) % 400));
    }
  }
  for (let b = 0; b < BLOCKS; b++) {
    for (let s = 0; s < 4; s++) {
      model.writeValue(regions, 0, b * 5 + s, ["North", "South", "East", "West"][s]);
      for (let r = 0; r < MONTHS; r++) model.writeValue(regions, 1 + r, b * 5 + s, 10 + ((r * 5 + s * 3 + b) % 9));
    }
  }
  return model;
}

/** The KPI of column c: a budget per period, a rate, a leading indicator or a plain one, and its range. */
export function portfolioKpi(c: number): [KpiInput, string] {
  const col = columnLetters(c);
  const range = (sheet: string) => `${sheet}!${col}1:${col}${MONTHS}`;
  const base = {
    ...PORTFOLIO_INPUT,
    name: `K${c}`,
    kind: c % 10 === 0 ? ("leading" as const) : ("lagging" as const),
    predicts: c % 10 === 0 ? `K${c + 1}` : "",
  };
  if (c % 5 === 2) return [{ ...base, target: 0.05, atRisk: null, atRiskPercent: 10, denominatorRange: range("Visits") }, range("Data")];
  if (c % 3 === 1) return [{ ...base, target: null, atRisk: null, atRiskPercent: 10, targetRange: range("Budget") }, range("Data")];
  return [base, range("Data")];
}

/** Tags the 300 through the add-in's own workbook layer, as a user tagging them one by one would. */
export async function tagPortfolio(workbook: ExcelKpiWorkbook): Promise<void> {
  for (let c = 0; c < COUNT - BLOCKS; c++) {
    const [kpi, source] = portfolioKpi(c);
    await workbook.tag(kpi, source, `K${c}`);
  }
  for (let b = 0; b < BLOCKS; b++) {
    const block = `Regions!${columnLetters(b * 5)}1:${columnLetters(b * 5 + 3)}${MONTHS + 1}`;
    await workbook.tag({ ...PORTFOLIO_INPUT, name: `Regions ${b}`, segments: "columns", target: 12, atRisk: 10, aggregation: "sum" }, block, `R${b}`);
  }
}
