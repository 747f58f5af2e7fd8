/**
 * The workbench's sample workbook: three years of monthly figures of a subscription business
 * (revenue, churn, qualified leads that run two months ahead of revenue, NPS, cycle time) on a
 * plain sheet, and weekly support figures in an Excel table. Deterministic, so tests can rely
 * on it. One conditional format of the "user's own" is already there, as in a real workbook.
 * A Budget sheet lays out the plan as finance does, a row per line and a column per month, so a
 * newcomer can give Revenue a target per period at once (Budget!B2:AK2).
 */
import { WorkbookModel } from "./excel/model";

/** A small deterministic generator (LCG) so the sample is the same on every load. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function noise(next: () => number): number {
  // Sum of uniforms: roughly normal, mean 0, sd 1.
  return (next() + next() + next() + next() - 2) * Math.sqrt(3);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const SAMPLE_PERIODS = 36;

export function sampleWorkbook(): WorkbookModel {
  const model = new WorkbookModel();
  const next = random(20260101);
  const monthly = model.addSheet("Monthly KPIs");
  const header = ["Month", "Revenue (k€)", "Churn %", "Qualified leads", "NPS", "Cycle time (days)"];
  header.forEach((h, c) => model.writeValue(monthly, 0, c, h));
  const leads: number[] = [];
  for (let i = 0; i < SAMPLE_PERIODS + 2; i++) leads.push(Math.round(180 + 2.5 * i + 25 * Math.sin(i / 2.3) + 10 * noise(next)));
  for (let i = 0; i < SAMPLE_PERIODS; i++) {
    const row = i + 1;
    const month = `${MONTHS[i % 12]} ${2023 + Math.floor(i / 12)}`;
    // Revenue follows qualified leads two months later.
    const revenue = Math.round((820 + 2.1 * leads[i] + 6 * noise(next)) * 10) / 10;
    const churn = Math.round((3.1 - 0.02 * i + 0.25 * noise(next)) * 100) / 100;
    const nps = Math.round(31 + 0.35 * i + 4 * noise(next));
    const cycle = Math.round((19 - 0.12 * i + 1.4 * noise(next)) * 10) / 10;
    [month, revenue, churn, leads[i + 2], nps, cycle].forEach((v, c) => model.writeValue(monthly, row, c, v));
  }

  // The plan: revenue growing 0.9% a month from 1,190 k€ (ambitious: the second half of the
  // three years falls behind it), churn budgeted down from 3.2% to 2.5%.
  const budget = model.addSheet("Budget");
  model.writeValue(budget, 0, 0, "Line");
  model.writeValue(budget, 1, 0, "Revenue (k€)");
  model.writeValue(budget, 2, 0, "Churn %");
  for (let i = 0; i < SAMPLE_PERIODS; i++) {
    model.writeValue(budget, 0, i + 1, `${MONTHS[i % 12]} ${2023 + Math.floor(i / 12)}`);
    model.writeValue(budget, 1, i + 1, Math.round(1190 * 1.009 ** i));
    model.writeValue(budget, 2, i + 1, Math.round((3.2 - (0.7 * i) / (SAMPLE_PERIODS - 1)) * 100) / 100);
  }

  const support = model.addSheet("Support");
  const supportHeader = ["Week", "Tickets", "First response (h)"];
  supportHeader.forEach((h, c) => model.writeValue(support, 0, c, h));
  for (let i = 0; i < 26; i++) {
    model.writeValue(support, i + 1, 0, `W${i + 1}`);
    model.writeValue(support, i + 1, 1, Math.round(140 + 15 * noise(next)));
    model.writeValue(support, i + 1, 2, Math.round((5.5 - 0.05 * i + 0.6 * noise(next)) * 10) / 10);
  }
  const table = model.addTable(support, { row: 0, col: 0, rowCount: 27, colCount: 3 }, true);
  model.renameTable(table, "SupportWeekly");

  // The user's own format: NPS above 40 in light blue.
  const own = model.addConditionalFormat(monthly, { row: 1, col: 4, rowCount: SAMPLE_PERIODS, colCount: 1 }, "CellValue");
  own.operator = "GreaterThan";
  own.formula1 = "40";
  own.fill = "#DDEBF7";

  webShop(model);
  regions(model);
  ordersByRegion(model);
  model.select(monthly, { row: 1, col: 1, rowCount: SAMPLE_PERIODS, colCount: 1 });
  return model;
}

/**
 * A rate KPI's data: visits and orders of a web shop, month by month (conversion = orders /
 * visits). Tens of thousands of visits a month make the binomial p limits a hair's breadth wide,
 * while the true conversion wanders with campaigns and seasons by more than that, as real
 * conversion does: Laney's p′ chart is the one that fits (rates.ts chooseRateChart). Its own
 * generator, so the other sheets' figures stay as they were.
 */
function webShop(model: WorkbookModel): void {
  const next = random(20230501);
  const shop = model.addSheet("Web shop");
  ["Month", "Visits", "Orders"].forEach((h, c) => model.writeValue(shop, 0, c, h));
  for (let i = 0; i < SAMPLE_PERIODS; i++) {
    const visits = Math.round(42_000 + 900 * i + 9_000 * Math.sin((2 * Math.PI * i) / 12) + 2_500 * noise(next));
    const conversion = 0.031 + 0.0012 * Math.sin(i / 1.7) + 0.0016 * noise(next);
    const orders = Math.round(visits * conversion + Math.sqrt(visits * conversion) * noise(next));
    [`${MONTHS[i % 12]} ${2023 + Math.floor(i / 12)}`, visits, orders].forEach((v, c) => model.writeValue(shop, i + 1, c, v));
  }
}

/**
 * One KPI across segments (issue 23): the web shop's orders and visits by region, laid out as a
 * finance sheet lays them, a column per region under a header row of their names (orders in
 * B3:E38, visits in H3:K38, each region's conversion target in B40:E40). North, South and East
 * convert at 3.1%, West, a smaller market, at 2.1%: truly off, so the funnel of the latest month
 * flags West beyond its 99.8% limits and the others within their 95% (binomial noise only). Its
 * own generator, so the other sheets' figures stay as they were.
 */
function regions(model: WorkbookModel): void {
  const next = random(20240301);
  const sheet = model.addSheet("Regions");
  const REGIONS: [string, number, number][] = [
    ["North", 14_000, 0.031],
    ["South", 9_000, 0.031],
    ["East", 11_500, 0.031],
    ["West", 7_000, 0.021],
  ];
  model.writeValue(sheet, 0, 0, "Orders");
  model.writeValue(sheet, 0, 6, "Visits");
  ["Month", ...REGIONS.map((r) => r[0])].forEach((h, c) => {
    model.writeValue(sheet, 1, c, h);
    model.writeValue(sheet, 1, 6 + c, h);
  });
  for (let i = 0; i < SAMPLE_PERIODS; i++) {
    const month = `${MONTHS[i % 12]} ${2023 + Math.floor(i / 12)}`;
    model.writeValue(sheet, 2 + i, 0, month);
    model.writeValue(sheet, 2 + i, 6, month);
    REGIONS.forEach(([, base, p], s) => {
      const visits = Math.round(base * (1 + 0.012 * i) * (1 + 0.12 * Math.sin((2 * Math.PI * (i + s)) / 12)) + 0.04 * base * noise(next));
      const orders = Math.round(visits * p + Math.sqrt(visits * p * (1 - p)) * noise(next));
      model.writeValue(sheet, 2 + i, 1 + s, orders);
      model.writeValue(sheet, 2 + i, 7 + s, visits);
    });
  }
  model.writeValue(sheet, 39, 0, "Target");
  [0.031, 0.031, 0.031, 0.028].forEach((t, s) => model.writeValue(sheet, 39, 1 + s, t));
}

/** Excel's serial number of the first day of a month (days since 1899-12-30, as Excel counts past 1900-03-01). */
const firstOfMonth = (year: number, month: number) => Math.round((Date.UTC(year, month, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);

/**
 * The long format (issue 23: a table "fed by Power Query"): the table OrdersByRegion, a row per
 * month and region (Month as a date, Region, Orders, Visits), the way a Power Query load delivers
 * data, for a KPI split "by Region". Twelve months of 2026, four regions; West converts at 2.1%
 * against 3.1% elsewhere. Its own generator, so the other sheets' figures stay as they were.
 */
function ordersByRegion(model: WorkbookModel): void {
  const next = random(20260601);
  const sheet = model.addSheet("Orders by region");
  const REGIONS: [string, number, number][] = [
    ["North", 14_000, 0.031],
    ["South", 9_000, 0.031],
    ["East", 11_500, 0.031],
    ["West", 7_000, 0.021],
  ];
  ["Month", "Region", "Orders", "Visits"].forEach((h, c) => model.writeValue(sheet, 0, c, h));
  let row = 1;
  for (let m = 0; m < 12; m++) {
    for (const [name, base, p] of REGIONS) {
      const visits = Math.round(base * (1 + 0.01 * m) + 0.04 * base * noise(next));
      const orders = Math.round(visits * p + Math.sqrt(visits * p * (1 - p)) * noise(next));
      [firstOfMonth(2026, m), name, orders, visits].forEach((v, c) => model.writeValue(sheet, row, c, v));
      row++;
    }
  }
  const table = model.addTable(sheet, { row: 0, col: 0, rowCount: row, colCount: 4 }, true);
  model.renameTable(table, "OrdersByRegion");
}
