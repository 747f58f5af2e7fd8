/**
 * Round trips of every pane action, from the click to the answer on screen: the workbook calls the
 * pane's command makes (useCommands.ts: Tag and Insert read where the selection is first; the
 * Review mode's Reviewed writes the note, then the date) and the refresh the pane runs after it
 * (usePane's act), counted by the in-memory Excel (each context.sync() is one round trip; on
 * Excel on the web each crosses the network). Counts, not times: deterministic. Goal (issue 25):
 * at most 4 an action. test/browser/roundTrips.test.ts counts the same in the pane itself.
 */
import { kpiInput, sampleSetup } from "../../test/support/workbench";
import { regionsConversion } from "../../test/support/regionsConversion";
import { Case, Row } from "../harness";

const GOAL = 4;

async function roundTripRows(): Promise<Row[]> {
  const { model, workbook } = sampleSetup();
  // The pane listens to changes from the start (usePane), and so the refresh after a write can use the write's own read.
  await workbook.onChange(() => undefined);
  // The sample's months run from 2023-01 to 2025-12.
  const kpi = (over: Parameters<typeof kpiInput>[0] = {}) => kpiInput({ firstPeriod: "2023-01", ...over });
  const rows: Row[] = [];
  const action = async (label: string, call: () => Promise<unknown>) => {
    const before = model.syncCount;
    await call();
    await workbook.refresh();
    const syncs = model.syncCount - before;
    rows.push({ group: "round-trips", case: label, ms: Number.NaN, syncs, note: syncs <= GOAL ? `goal ${GOAL}: met` : `goal ${GOAL}: ${syncs - GOAL} over` });
  };
  await action("open the pane (first read and refresh)", () => workbook.readRegister());
  // Tag and Insert read where the selection is at the click first (useCommands.ts).
  const atSelection = async <T>(address: string, call: (address: string) => Promise<T>) => {
    model.select(...selected(address));
    return call((await workbook.readSelection("address")).address);
  };
  const selected = (address: string) => {
    const { sheet, area } = model.resolve(address);
    return [sheet, area] as const;
  };
  await action("tag, the workbook's first (makes the register and history)", () =>
    atSelection("'Monthly KPIs'!B2:B37", (a) => workbook.tag(kpi(), a, "REVENUE")),
  );
  await action("tag with a number target", () =>
    atSelection("'Monthly KPIs'!E2:E37", (a) => workbook.tag(kpi({ name: "NPS", target: 40, atRisk: 35 }), a, "NPS")),
  );
  await action("tag with a budget row", () =>
    atSelection("'Monthly KPIs'!C2:C37", (a) =>
      workbook.tag(kpi({ name: "Churn", direction: "lower", target: null, targetRange: "Budget!B3:AK3", atRisk: null, atRiskPercent: 10 }), a, "CHURN"),
    ),
  );
  const opened = (await workbook.readRegister()).kpis.find((k) => k.id === "REVENUE")!;
  await action("edit (a target change, colours rewritten)", () => workbook.update("REVENUE", kpi({ target: 1400 }), { opened }));
  await action("edit (the owner only)", () => workbook.update("NPS", kpi({ name: "NPS", target: 40, atRisk: 35, owner: "Sam Ortiz" })));
  await action("edit (a budget row's At risk, colours rewritten)", () =>
    workbook.update("CHURN", kpi({ name: "Churn", direction: "lower", target: null, targetRange: "Budget!B3:AK3", atRisk: null, atRiskPercent: 12 })),
  );
  await action("write a note", () => workbook.addCheckIn("REVENUE", { period: 36, note: "Q4 slipped", override: null, reason: "" }));
  await action("open an action (Open pressed)", () => workbook.openActions([{ kpi: "REVENUE", period: 36, rule: "Off track" }], "2026-12-01"));
  await action("mark the action done", () => workbook.setActionStatus({ kpi: "REVENUE", period: 36, rule: "Off track" }, "done", "Called", "2026-12-02"));
  await action("mark reviewed (a review step)", () => workbook.markReviewed("NPS", "2026-12-01"));
  await action("review step with a decision note (Review mode: the note, then the date)", async () => {
    await workbook.addCheckIn("NPS", { period: 36, note: "Checked with the owner: keep the plan", override: null, reason: "" });
    await workbook.markReviewed("NPS", "2026-12-02", { afterLastWrite: true });
  });
  await action("insert a formula", () =>
    atSelection("'Monthly KPIs'!H2", (a) => workbook.insertFormula(a, "=KPI.SIG_CHANGE(KPI_REVENUE)", { rows: 1, columns: 1 })),
  );
  await action("build the scorecard", () => workbook.buildScorecard());
  await action("rebuild the scorecard", () => workbook.buildScorecard());
  await action("close a period", () => workbook.closePeriod("2025-12"));
  let receipt: Awaited<ReturnType<typeof workbook.untag>> | null = null;
  await action("untag", async () => (receipt = await workbook.untag("NPS")));
  await action("undo the untag", () => workbook.undoUntag(receipt!));
  // A rate KPI (orders per 100 visits): its denominators are read beside its values.
  const rate = kpi({ name: "Conversion", unit: "%", target: 3, atRisk: 2.8, denominatorRange: "'Web shop'!B2:B37", ratePer: 100 });
  await action("tag a rate KPI", () => atSelection("'Web shop'!C2:C37", (a) => workbook.tag(rate, a, "CONV")));
  await action("edit a rate KPI's target", () => workbook.update("CONV", { ...rate, target: 3.2, atRisk: 2.9 }));
  await action("close a period, a rate KPI among them", () => workbook.closePeriod("2025-11"));
  // A block of regions (a rate across segments, with a target per region): read with the others.
  await action("tag a block of segments", () =>
    atSelection("'Regions'!A2:E38", (a) => workbook.tag(regionsConversion({ firstPeriod: "2023-01" }), a, "REGIONS")),
  );
  await action("edit a target (a block of segments in the workbook)", () => workbook.update("REVENUE", kpi({ target: 1450 })));
  // Another pane opening now reads every kind of KPI: plain, a budget row, a rate, a block.
  const second = sampleSetup(model).workbook;
  await second.onChange(() => undefined);
  const before = model.syncCount;
  await second.refresh();
  const syncs = model.syncCount - before;
  rows.push({
    group: "round-trips",
    case: "open a second pane (every kind of KPI)",
    ms: Number.NaN,
    syncs,
    note: syncs <= GOAL ? `goal ${GOAL}: met` : `goal ${GOAL}: ${syncs - GOAL} over`,
  });
  return rows;
}

export const roundTripCases: Case[] = [{ group: "round-trips", name: "every pane action, click to answer", measure: roundTripRows }];
