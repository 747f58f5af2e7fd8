/**
 * Opening the pane on a workbook with KPIs of every kind (issue 25, at most 4 round trips an
 * action): the plain series, a budget row, a rate's denominators and a block of segments ride one
 * round trip after the register's (segmentsRead.ts readAllSeriesShared), and give what reading
 * each batch on its own gives (readAllSeries); a name a co-author deletes in between fails the
 * shared round trip, and then each batch is read on its own, the broken KPI alone said broken.
 */
import { runWith } from "../../src/workbench/excel/api";
import { readRegisterIn } from "../../src/workbook/registerRead";
import { readAllSeries, readAllSeriesShared } from "../../src/workbook/segmentsRead";
import { beforeSyncNumber } from "../support/beforeSync";
import { regionsConversion } from "../support/regionsConversion";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";

const kpi = (over: Parameters<typeof kpiInput>[0] = {}) => kpiInput({ firstPeriod: "2023-01", ...over });

async function everyKind() {
  const s = sampleSetup();
  await s.workbook.tag(kpi(), "'Monthly KPIs'!B2:B37", "REVENUE");
  await s.workbook.tag(
    kpi({ name: "Churn", direction: "lower", target: null, targetRange: "Budget!B3:AK3", atRisk: null, atRiskPercent: 12 }),
    "'Monthly KPIs'!C2:C37",
    "CHURN",
  );
  await s.workbook.tag(
    kpi({ name: "Conversion", unit: "%", target: 3, atRisk: 2.8, denominatorRange: "'Web shop'!B2:B37", ratePer: 100 }),
    "'Web shop'!C2:C37",
    "CONV",
  );
  await s.workbook.tag(regionsConversion(), "'Regions'!A2:E38", "REGIONS");
  const excel = runWith(s.model);
  const read = await excel((context) => readRegisterIn(context));
  return { ...s, excel, read };
}

describe("every KPI's series in one round trip", () => {
  it("reads plain, budget, rate and block KPIs in one round trip, as each batch on its own reads them", async () => {
    const { model, excel, read } = await everyKind();
    let shared: Awaited<ReturnType<typeof readAllSeriesShared>> = [];
    expect(await syncsOf(model, async () => (shared = await readAllSeriesShared(excel, read)))).toBe(1);
    let alone: Awaited<ReturnType<typeof readAllSeries>> = [];
    expect(await syncsOf(model, async () => (alone = await readAllSeries(excel, read)))).toBeGreaterThan(1);
    const byId = (xs: typeof alone) => Object.fromEntries(xs.map((x) => [x.id, x]));
    expect(byId(shared)).toEqual(byId(alone));
    expect(shared.map((x) => x.problem)).toEqual([null, null, null, null]);
  });

  it("a fresh pane opens on them in the register's round trips and one more", async () => {
    const { model } = await everyKind();
    const pane = sampleSetup(model).workbook;
    // The register's first read finds its tables (2 round trips); the values then ride one.
    expect(await syncsOf(model, () => pane.refresh())).toBe(3);
    expect(await syncsOf(model, () => pane.refresh())).toBe(2);
  });

  it("a name deleted between the register read and the values: read batch by batch, only that KPI said broken", async () => {
    const { model, excel, read } = await everyKind();
    // A co-author's Name Manager, through Excel's API.
    beforeSyncNumber(model, 1, () =>
      runWith(model)(async (context) => {
        context.workbook.names.getItem("KPIDenom_CONV").delete();
        await context.sync();
      }),
    );
    const got = Object.fromEntries((await readAllSeriesShared(excel, read)).map((x) => [x.id, x]));
    expect(got.CONV.problem).toMatch(/denominators/i);
    expect([got.REVENUE.problem, got.CHURN.problem, got.REGIONS.problem]).toEqual([null, null, null]);
    expect(got.REGIONS.values).toHaveLength(36);
  });
});
