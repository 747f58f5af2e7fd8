/** The workbook layer against the in-memory Excel: time and round trips (syncs) of refresh, read and tag. */
import { runWith } from "../../src/workbench/excel/api";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { columnLetters } from "../../src/core/excel/a1";
import { ExcelKpiWorkbook, KpiInput } from "../../src/workbook/kpiWorkbook";
import { kpiInput } from "../../test/support/workbench";
import { Case, median, QUICK, Row } from "../harness";

async function workbookRows(): Promise<Row[]> {
  const rows: Row[] = [];
  // The sample's KPI fields (test/support/workbench.ts), with a target a row of Data can meet.
  const input: KpiInput = kpiInput({ name: "", objective: "Grow", target: 50, atRisk: 45, unit: "", initiative: "Push", response: "Call", primary: false });
  for (const count of [1, 10, 100, 500]) {
    const model = new WorkbookModel();
    const sheet = model.addSheet("Data");
    for (let c = 0; c < count; c++) for (let r = 0; r < 36; r++) model.writeValue(sheet, r, c, 40 + ((r * 7 + c * 3) % 20));
    const workbook = new ExcelKpiWorkbook(runWith(model));
    for (let c = 0; c < count; c++) {
      const col = columnLetters(c);
      await workbook.tag({ ...input, name: `K${c}` }, `Data!${col}1:${col}36`, `K${c}`);
    }
    const measure = async (label: string, f: () => Promise<unknown>) => {
      await f();
      const times: number[] = [];
      let syncs = 0;
      for (let i = 0; i < (QUICK ? 3 : 7); i++) {
        const before = model.syncCount;
        const t = performance.now();
        await f();
        times.push(performance.now() - t);
        syncs = model.syncCount - before;
      }
      rows.push({ group: "workbook", case: label, ms: median(times), syncs });
    };
    await measure(`refresh ${count} KPIs of 36 periods`, () => workbook.refresh());
    if (count === 500) {
      await measure("read the register (500 KPIs)", () => workbook.readRegister());
      const extra = model.addSheet("More");
      for (let r = 0; r < 36; r++) model.writeValue(extra, r, 0, r);
      let i = 0;
      await measure("tag one KPI (register of 500)", async () => {
        await workbook.tag({ ...input, name: `T${i}` }, `More!${columnLetters(i)}1:${columnLetters(i)}36`, `T${i}`);
        i++;
      });
    }
  }
  return rows;
}

export const workbookCases: Case[] = [{ group: "workbook", name: "refresh, read and tag", measure: workbookRows }];
