/** The KPI's definition as the form gives it: what finance types into it, and Excel's cell limit at each field. */
import {
  cellTextError,
  definitionFromDraft,
  EMPTY_DRAFT,
  firstPeriodOf,
  parseTrigger,
  percentOf,
  targetRangeOf,
  validateDraft,
} from "../../../src/core/model/kpi";
import { MAX_CELL_TEXT } from "../../../src/core/excel/workbookNames";

const draft = (over: Partial<typeof EMPTY_DRAFT>) => ({ ...EMPTY_DRAFT, name: "Revenue", owner: "Dana Whitfield", ...over });
/** A draft that passes every other check, so that only the field under test can fail. */
const filled = (over: Partial<typeof EMPTY_DRAFT>) => draft({ target: "1300", ...over });

describe("what finance types into the form", () => {
  it("reads a target range: one row or column, any sheet, made absolute", () => {
    expect(targetRangeOf("Budget!B2:AK2")).toBe("Budget!$B$2:$AK$2");
    expect(targetRangeOf("='Plan 2025'!c3:c14")).toBe("'Plan 2025'!$C$3:$C$14");
    expect(targetRangeOf("B2:B37")).toBe("$B$2:$B$37");
    expect(targetRangeOf("Budget!B2:C3")).toBeNull(); // two rows and two columns
    expect(targetRangeOf("Budget!B2")).toBeNull(); // one cell: type the number
    expect(targetRangeOf("1300")).toBeNull();
  });

  it("keeps a percentage At risk as a percentage, and refuses a number beside a target range", () => {
    expect(percentOf("10%")).toBe(10);
    expect(percentOf("12.5 %")).toBe(12.5);
    expect(percentOf("10")).toBeNull();
    const k = definitionFromDraft(draft({ target: "Budget!B2:AK2", atRisk: "10%" }), "REVENUE", "x", "");
    expect(k).toMatchObject({ target: null, targetRange: "Budget!$B$2:$AK$2", atRisk: null, atRiskPercent: 10 });
    expect(validateDraft(draft({ target: "Budget!B2:AK2", atRisk: "1200" }), []).atRisk).toMatch(/percentage of each period's target/);
    expect(validateDraft(draft({ target: "Budget!B2:AK2", atRisk: "10%" }), [])).toEqual({});
    expect(validateDraft(draft({ target: "lots" }), []).target).toMatch(/neither a number nor one row or column/);
  });

  it("reads triggers and first periods, and says what it accepts", () => {
    expect(parseTrigger("Drops 20 %")).toEqual({ kind: "drop", percent: 20 });
    expect(parseTrigger("rise by 15%")).toEqual({ kind: "rise", percent: 15 });
    expect(parseTrigger("special cause")).toEqual({ kind: "special cause" });
    expect(parseTrigger("drop 0%")).toBeNull();
    expect(parseTrigger("when sad")).toBeNull();
    expect(validateDraft(draft({ target: "1", trigger: "when sad" }), []).trigger).toMatch(/drop 20%/);
    expect(firstPeriodOf("2023-01")).toBe("2023-01-01");
    expect(firstPeriodOf("2023-02-30")).toBeNull();
    expect(validateDraft(draft({ target: "1", firstPeriod: "Jan" }), []).firstPeriod).toMatch(/2024-01/);
  });
});

// Every text the form sends to a cell fits Excel's 32,767 characters, refused at its field with the limit shown.
describe("Excel's cell limit at the form", () => {
  it("accepts a text of exactly 32,767 characters", () => {
    expect(MAX_CELL_TEXT).toBe(32_767);
    expect(validateDraft(filled({ response: "r".repeat(MAX_CELL_TEXT) }), [])).toEqual({});
  });

  it.each(["name", "owner", "objective", "unit", "initiative", "response"] as const)("refuses a %s one character over, saying both lengths", (field) => {
    const errors = validateDraft(filled({ [field]: "Dana Whitfield ".repeat(3000).slice(0, MAX_CELL_TEXT + 1) }), []);
    expect(errors[field]).toBe("This is 32,768 characters; an Excel cell holds at most 32,767.");
  });

  it("says so for a note as well (the notes and actions forms call cellTextError)", () => {
    expect(cellTextError("n".repeat(40_000))).toBe("This is 40,000 characters; an Excel cell holds at most 32,767.");
    expect(cellTextError("A short note")).toBeNull();
  });
});
