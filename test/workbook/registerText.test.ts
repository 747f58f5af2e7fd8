/**
 * The register's Target and Source text cannot lie: whatever a host does with a leading
 * apostrophe, and whatever happened to the cells since (rows inserted, the sheet renamed), the
 * definition the pane sees says where the KPI's names point, and a save keeps it there.
 */
import { parseAddress, qualified } from "../../src/core/excel/a1";
import { targetRangeOf } from "../../src/core/model/kpi";
import { addressFromRegisterText, registerTextOf, sameRegisterText } from "../../src/workbook/registerText";
import { KpiInput } from "../../src/workbook/kpiWorkbook";
import { snapshot } from "../../src/workbench/snapshot";
import { runWith } from "../../src/workbench/excel/api";
import { readRegisterIn } from "../../src/workbook/registerRead";
import { kpiInput, sampleSetup } from "../support/workbench";

const REVENUE = "'Monthly KPIs'!B2:B37";
/** Sheet names Excel quotes, of every kind: spaces, apostrophes, cell- and R1C1-like, digits first, non-ASCII, punctuation. */
const QUOTED_SHEETS = [
  "Plan 2025",
  "Bob's plan",
  "Q1",
  "R2C3",
  "A1",
  "RC",
  "R",
  "C12",
  "XFD1048576",
  "2025",
  "1st half",
  "Umsätze",
  "Бюджет",
  "計画",
  "Plan-B",
  "Wow!",
  "a'b'c",
  "Budget (v2)",
];

/** What a host that takes the first apostrophe as Excel's text prefix stores, and what one that keeps it stores. */
const stripping = (written: string) => (written.startsWith("'") ? written.slice(1) : written);
const keeping = (written: string) => written;

describe("register text of an address", () => {
  it.each(QUOTED_SHEETS)("round-trips a range on the sheet %s, on a host that drops the text prefix and on one that keeps it", (sheet) => {
    const address = qualified(sheet, { row: 1, col: 1, rowCount: 1, colCount: 36 }, true);
    expect(address.startsWith("'")).toBe(true);
    for (const host of [stripping, keeping]) {
      const read = addressFromRegisterText(host(registerTextOf(address)));
      expect(read).toBe(address);
      expect(parseAddress(read).sheet).toBe(sheet);
      expect(targetRangeOf(read)).toBe(address);
    }
  });

  it("repairs the text an earlier KPI Lens left, with the leading apostrophe lost", () => {
    expect(addressFromRegisterText("Plan 2025'!$B$2:$AK$2")).toBe("'Plan 2025'!$B$2:$AK$2");
    expect(addressFromRegisterText("Bob''s plan'!$B$2:$AK$2")).toBe("'Bob''s plan'!$B$2:$AK$2");
    expect(targetRangeOf(addressFromRegisterText("Plan 2025'!$B$2:$AK$2"))).toBe("'Plan 2025'!$B$2:$AK$2");
  });

  it("leaves unquoted addresses, table columns and numbers as they are", () => {
    expect(registerTextOf("Budget!$B$2:$AK$2")).toBe("Budget!$B$2:$AK$2");
    expect(addressFromRegisterText("Budget!$B$2:$AK$2")).toBe("Budget!$B$2:$AK$2");
    expect(addressFromRegisterText("Sales[Net revenue]")).toBe("Sales[Net revenue]");
    expect(addressFromRegisterText("Sales[[a''!b]]")).toBe("Sales[[a''!b]]");
    expect(sameRegisterText(1300, 1300)).toBe(true);
  });

  it("compares what a cell holds with what it should say, whatever the host did and however the address is spelled", () => {
    expect(sameRegisterText("''Plan 2025'!$B$2:$AK$2", "'Plan 2025'!$B$2:$AK$2")).toBe(true);
    expect(sameRegisterText("Plan 2025'!$B$2:$AK$2", "'Plan 2025'!$B$2:$AK$2")).toBe(true);
    expect(sameRegisterText("'Plan 2025'!B2:AK2", "'Plan 2025'!$B$2:$AK$2")).toBe(true);
    expect(sameRegisterText("'Plan 2025'!$B$4:$AK$4", "'Plan 2025'!$B$2:$AK$2")).toBe(false);
  });
});

/** The sample with its budget moved to a sheet whose name needs quotes. */
function budgetOn(sheet: string) {
  const s = sampleSetup();
  s.model.renameSheet(s.model.findSheet("Budget")!, sheet);
  return s;
}

/** What the pane saves when the user changes only the owner: the definition as read, owner changed. */
async function saveOwner(workbook: ReturnType<typeof sampleSetup>["workbook"], owner: string) {
  const state = await workbook.readRegister();
  const { id, source: _source, lastReviewed: _reviewed, ...rest } = state.kpis[0];
  const input: KpiInput = { ...rest, owner };
  return workbook.update(id, input);
}

function registerCell(model: ReturnType<typeof sampleSetup>["model"], header: string): unknown {
  const register = snapshot(model).sheets.find((s) => s.name === "KPI Register")!;
  return register.values[1][register.values[0].indexOf(header)];
}

const perPeriod = (targetRange: string) => kpiInput({ target: null, targetRange, atRisk: null, atRiskPercent: 10 });

describe("a budget on a sheet whose name needs quotes", () => {
  it.each(["Plan 2025", "Bob's plan", "Q1", "R2C3"])("reads back the target on %s and saves again", async (sheet) => {
    const { workbook, model } = budgetOn(sheet);
    const address = qualified(sheet, parseAddress("B2:AK2"), true);
    await workbook.tag(perPeriod(`${qualified(sheet, parseAddress("B2:AK2"))}`), REVENUE, "REVENUE");
    const state = await workbook.readRegister();
    expect(state.problems).toEqual([]);
    expect(state.kpis[0].targetRange).toBe(address);
    expect(addressFromRegisterText(String(registerCell(model, "Target")))).toBe(address);
    await expect(saveOwner(workbook, "Sam Lee")).resolves.toMatchObject({ targetRange: address, owner: "Sam Lee" });
    expect((await workbook.readRegister()).kpis[0].targetRange).toBe(address);
  });
});

describe("the name is the truth", () => {
  it("after rows are inserted above the budget row, the definition and the next unrelated save follow the name", async () => {
    const { workbook, model } = sampleSetup();
    await workbook.tag(perPeriod("Budget!B2:AK2"), REVENUE, "REVENUE");
    model.insertRows(model.findSheet("Budget")!, 0, 2);
    expect(model.findName("KPITarget_REVENUE")!.formula).toBe("=Budget!$B$4:$AK$4");
    const state = await workbook.readRegister();
    expect(state.kpis[0].targetRange).toBe("Budget!$B$4:$AK$4");

    await saveOwner(workbook, "Sam Lee");
    expect(model.findName("KPITarget_REVENUE")!.formula).toBe("=Budget!$B$4:$AK$4");
    expect(registerCell(model, "Target")).toBe("Budget!$B$4:$AK$4");
  });

  it("after the budget sheet is renamed, the definition names the new sheet and saves are not refused", async () => {
    const { workbook, model } = sampleSetup();
    await workbook.tag(perPeriod("Budget!B2:AK2"), REVENUE, "REVENUE");
    model.renameSheet(model.findSheet("Budget")!, "Plan 2025");
    expect((await workbook.readRegister()).kpis[0].targetRange).toBe("'Plan 2025'!$B$2:$AK$2");
    await expect(saveOwner(workbook, "Sam Lee")).resolves.toMatchObject({ owner: "Sam Lee" });
    expect(model.findName("KPITarget_REVENUE")!.formula).toBe("='Plan 2025'!$B$2:$AK$2");
    expect(addressFromRegisterText(String(registerCell(model, "Target")))).toBe("'Plan 2025'!$B$2:$AK$2");
  });

  it("after rows are inserted above the values, the Source follows KPI_<ID>, and the read lists the cell that lags", async () => {
    const { workbook, model } = sampleSetup();
    await workbook.tag(kpiInput(), REVENUE, "REVENUE");
    model.insertRows(model.findSheet("Monthly KPIs")!, 0, 1);
    const state = await workbook.readRegister();
    expect(state.kpis[0].source).toBe("'Monthly KPIs'!$B$3:$B$38");
    expect(state.sources.REVENUE).toBe("'Monthly KPIs'!B3:B38");
    const read = await runWith(model)(readRegisterIn);
    expect(read.moved).toEqual([{ id: "REVENUE", column: "source", registerText: "'Monthly KPIs'!$B$2:$B$37", address: "'Monthly KPIs'!$B$3:$B$38" }]);
    // A save writes the name's address into the register, and then nothing lags.
    await saveOwner(workbook, "Sam Lee");
    expect((await runWith(model)(readRegisterIn)).moved).toEqual([]);
  });
});
