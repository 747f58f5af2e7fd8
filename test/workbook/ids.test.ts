/**
 * IDs that would collide with KPI Lens's own tables or with a user's table or name are suffixed
 * (an ID chosen from the name) or refused (an ID given), before anything is written.
 */
import { runWith } from "../../src/workbench/excel/api";
import { snapshot } from "../../src/workbench/snapshot";
import { KpiWorkbookError } from "../../src/workbook/kpiWorkbook";
import { checkId, chooseId, idChoiceOf } from "../../src/workbook/ids";
import { readRegisterIn } from "../../src/workbook/registerRead";
import { kpiInput, sampleSetup } from "../support/workbench";

const NPS = "'Monthly KPIs'!E2:E37";
const CHURN = "'Monthly KPIs'!C2:C37";

/** The sample with a user's table named `name` on a sheet of its own. */
function withUserTable(name: string) {
  const s = sampleSetup();
  const sheet = s.model.addSheet("Sales data");
  ["Month", "Sales"].forEach((h, c) => s.model.writeValue(sheet, 0, c, h));
  for (let r = 1; r <= 3; r++) [`M${r}`, 100 * r].forEach((v, c) => s.model.writeValue(sheet, r, c, v));
  s.model.renameTable(s.model.addTable(sheet, { row: 0, col: 0, rowCount: 4, colCount: 2 }, true), name);
  return s;
}

describe("IDs that would collide with KPI Lens's own tables", () => {
  it.each(["History", "Register", "Notes", "Actions", "Reported"])(
    "gives a KPI named %s a suffixed ID, and the add-in's own tables still work",
    async (name) => {
      const { workbook, model } = sampleSetup();
      const kpi = await workbook.tag(kpiInput({ name }), NPS);
      expect(kpi.id).toBe(`${name.toUpperCase()}_2`);
      expect(model.findName(`KPI_${name}`)).toBeUndefined();
      // The notes and actions tables can still be created.
      await workbook.addCheckIn(kpi.id, { period: 1, note: "First month", override: null, reason: "" });
      expect(model.findTable("KPI_Notes")).toBeDefined();
    },
  );

  it("refuses an ID given explicitly, shows the rule and a free ID, and writes nothing", async () => {
    const { workbook, model } = sampleSetup();
    await workbook.tag(kpiInput(), "'Monthly KPIs'!B2:B37", "REVENUE");
    const before = snapshot(model);
    const error = await workbook.tag(kpiInput({ name: "Notes" }), NPS, "NOTES").catch((e) => e);
    expect(error).toBeInstanceOf(KpiWorkbookError);
    expect(error.message).toMatch(/KPI_NOTES is the name of KPI Lens's own table KPI_Notes.*a table and a name cannot share a name.*NOTES_2/);
    expect(snapshot(model)).toEqual(before);
  });

  it("explains a suffixed ID before the tag", async () => {
    const { model } = sampleSetup();
    const read = await runWith(model)(readRegisterIn);
    expect(idChoiceOf("History", read)).toEqual({
      id: "HISTORY_2",
      reason: expect.stringMatching(/^HISTORY cannot be used \(KPI_HISTORY is the name of KPI Lens's own table KPI_History/),
    });
    expect(idChoiceOf("Revenue", read)).toEqual({ id: "REVENUE", reason: null });
  });
});

describe("IDs that would collide with a user's table or name", () => {
  it("makes SALES taken when the user has a table KPI_Sales: the KPI Sales is tagged as SALES_2", async () => {
    const { workbook, model } = withUserTable("KPI_Sales");
    const kpi = await workbook.tag(kpiInput({ name: "Sales" }), NPS);
    expect(kpi.id).toBe("SALES_2");
    expect(model.findTable("KPI_Sales")).toBeDefined();
    expect((await workbook.readRegister()).kpis.map((k) => k.id)).toEqual(["SALES_2"]);
  });

  it("refuses the ID SALES given explicitly, naming the user's table, and writes nothing", async () => {
    const { workbook, model } = withUserTable("KPI_Sales");
    const before = snapshot(model);
    await expect(workbook.tag(kpiInput({ name: "Sales" }), NPS, "SALES")).rejects.toThrow(/has a table named KPI_Sales.*SALES_2/);
    expect(snapshot(model)).toEqual(before);
  });

  it("makes the ID of a user's name KPI_<X> taken, and says it is a name", async () => {
    const { model } = sampleSetup();
    model.addName("KPI_CHURN", `=${CHURN}`);
    const read = await runWith(model)(readRegisterIn);
    expect(chooseId("Churn", read)).toBe("CHURN_2");
    expect(() => checkId("churn", read)).toThrow(/the name KPI_churn already exists in this workbook/);
  });

  it("refuses an ID too long for KPITarget_<ID> before any write", async () => {
    const { model } = sampleSetup();
    const read = await runWith(model)(readRegisterIn);
    expect(checkId("K".repeat(245), read)).toHaveLength(245);
    expect(() => checkId("K".repeat(246), read)).toThrow(/at most 245 characters/);
  });
});
