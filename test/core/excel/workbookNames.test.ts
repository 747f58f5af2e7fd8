/**
 * The one list of what KPI Lens puts in a workbook, and the Excel limits its names and texts keep:
 * a name comment of at most 255 characters, an ID that leaves every name within 255, no ID whose
 * name is one of the add-in's tables, and sheet names of every kind Excel quotes round-tripping.
 */
import { parseAddress, qualified, quoteSheet } from "../../../src/core/excel/a1";
import { targetNameOf as formulasTargetNameOf } from "../../../src/core/excel/formulas";
import {
  ADDIN_TABLES,
  denomNameOf,
  kpiNameComment,
  MAX_ID_LENGTH,
  MAX_NAME_COMMENT,
  MAX_NAME_LENGTH,
  nameComment,
  nameOf,
  RESERVED_IDS,
  SETTING_KEYS,
  targetNameComment,
  targetNameOf,
} from "../../../src/core/excel/workbookNames";
import { ACTIONS, NOTES } from "../../../src/workbook/notesAndActions";
import { HISTORY } from "../../../src/workbook/history";
import { REGISTER_SHEET, REGISTER_TABLE } from "../../../src/workbook/registerSchema";

describe("what KPI Lens puts in a workbook", () => {
  it("spells each name once: the table modules use the list's names", () => {
    expect([REGISTER_TABLE, HISTORY.table, NOTES.table, ACTIONS.table]).toEqual(["KPI_Register", "KPI_History", "KPI_Notes", "KPI_Actions"]);
    expect([REGISTER_SHEET, HISTORY.sheet, NOTES.sheet, ACTIONS.sheet]).toEqual(["KPI Register", "KPI History", "KPI Notes", "KPI Actions"]);
    expect(ADDIN_TABLES.map((t) => t.table)).toEqual(["KPI_Register", "KPI_History", "KPI_Notes", "KPI_Actions", "KPI_Reported"]);
    expect([nameOf("REVENUE"), targetNameOf("REVENUE"), denomNameOf("CHURN")]).toEqual(["KPI_REVENUE", "KPITarget_REVENUE", "KPIDenom_CHURN"]);
    expect(formulasTargetNameOf).toBe(targetNameOf);
    expect(new Set(SETTING_KEYS).size).toBe(SETTING_KEYS.length);
    expect(SETTING_KEYS.every((k) => k.startsWith("KPILens."))).toBe(true);
  });

  it("reserves the IDs whose KPI_<ID> is one of the add-in's tables (tables and names share one namespace)", () => {
    expect(RESERVED_IDS).toEqual(["REGISTER", "HISTORY", "NOTES", "ACTIONS", "REPORTED"]);
    for (const id of RESERVED_IDS) expect(ADDIN_TABLES.some((t) => t.table.toUpperCase() === nameOf(id))).toBe(true);
  });

  it("keeps every name of the longest ID within Excel's 255 characters", () => {
    const id = "K".repeat(MAX_ID_LENGTH);
    for (const name of [nameOf(id), targetNameOf(id), denomNameOf(id)]) expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(targetNameOf(`${id}K`).length).toBeGreaterThan(MAX_NAME_LENGTH);
  });

  it("cuts a name comment to 255 characters with …, and leaves a short one alone", () => {
    expect(kpiNameComment("Revenue")).toBe("KPI Lens: Revenue");
    const long = kpiNameComment("Net revenue of the enterprise segment ".repeat(10));
    expect(long).toHaveLength(MAX_NAME_COMMENT);
    expect(long.endsWith("…")).toBe(true);
    expect(long.startsWith("KPI Lens: Net revenue of the enterprise segment")).toBe(true);
    expect(targetNameComment("K".repeat(MAX_ID_LENGTH)).length).toBeLessThanOrEqual(MAX_NAME_COMMENT);
    expect(nameComment("x".repeat(255))).toBe("x".repeat(255));
    // A character outside the BMP (two UTF-16 units) is never split.
    const emoji = nameComment("📈".repeat(200));
    expect(emoji.length).toBeLessThanOrEqual(MAX_NAME_COMMENT);
    expect(emoji).toMatch(/^(📈)+…$/u);
  });
});

describe("sheet names of every kind Excel quotes", () => {
  const cases: [string, string][] = [
    ["Plan 2025", "'Plan 2025'!$B$2:$B$13"],
    ["Bob's plan", "'Bob''s plan'!$B$2:$B$13"],
    ["Q1", "'Q1'!$B$2:$B$13"],
    ["A1", "'A1'!$B$2:$B$13"],
    ["XFD1", "'XFD1'!$B$2:$B$13"],
    ["R2C3", "'R2C3'!$B$2:$B$13"],
    ["RC", "'RC'!$B$2:$B$13"],
    ["R", "'R'!$B$2:$B$13"],
    ["C", "'C'!$B$2:$B$13"],
    ["2025", "'2025'!$B$2:$B$13"],
    ["1st half", "'1st half'!$B$2:$B$13"],
    ["Umsätze", "'Umsätze'!$B$2:$B$13"],
    ["Plan-B", "'Plan-B'!$B$2:$B$13"],
    ["Wow!", "'Wow!'!$B$2:$B$13"],
    ["Budget", "Budget!$B$2:$B$13"],
    ["Budget_2025", "Budget_2025!$B$2:$B$13"],
  ];
  it.each(cases)("quotes %s as Excel does and parses it back", (sheet, address) => {
    const area = { row: 1, col: 1, rowCount: 12, colCount: 1 };
    expect(qualified(sheet, area, true)).toBe(address);
    expect(parseAddress(address)).toEqual({ ...area, sheet });
    expect(parseAddress(address.replace(/\$/g, ""))).toEqual({ ...area, sheet });
  });

  it("reads a non-ASCII name Excel writes unquoted", () => {
    expect(parseAddress("Umsätze!B2:B13").sheet).toBe("Umsätze");
    expect(quoteSheet("Umsätze")).toBe("'Umsätze'");
  });
});
