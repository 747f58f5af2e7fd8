/** Every text the form sends to a cell fits Excel's 32,767 characters, refused at its field with the limit shown. */
import { cellTextError, EMPTY_DRAFT, validateDraft } from "../../../src/core/model/kpi";
import { MAX_CELL_TEXT } from "../../../src/core/excel/workbookNames";

const draft = (over: Partial<typeof EMPTY_DRAFT>) => ({ ...EMPTY_DRAFT, name: "Revenue", owner: "Dana Whitfield", target: "1300", ...over });

describe("Excel's cell limit at the form", () => {
  it("accepts a text of exactly 32,767 characters", () => {
    expect(MAX_CELL_TEXT).toBe(32_767);
    expect(validateDraft(draft({ response: "r".repeat(MAX_CELL_TEXT) }), [])).toEqual({});
  });

  it.each(["name", "owner", "objective", "unit", "initiative", "response"] as const)("refuses a %s one character over, saying both lengths", (field) => {
    const errors = validateDraft(draft({ [field]: "Dana Whitfield ".repeat(3000).slice(0, MAX_CELL_TEXT + 1) }), []);
    expect(errors[field]).toBe("This is 32,768 characters; an Excel cell holds at most 32,767.");
  });

  it("says so for a note as well (the notes and actions forms call cellTextError)", () => {
    expect(cellTextError("n".repeat(40_000))).toBe("This is 40,000 characters; an Excel cell holds at most 32,767.");
    expect(cellTextError("A short note")).toBeNull();
  });
});
