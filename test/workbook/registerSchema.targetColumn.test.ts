/**
 * A KPI split by a column with a target per row (segmentsLongTag.ts): its register row holds the
 * target column as a structured reference (OrdersByRegion[Budget]) and reads it back; a KPI of one
 * series still takes only a range of one row or column. The form's rules say the same.
 */
import { definitionFromDraft, EMPTY_DRAFT, validateDraft } from "../../src/core/model/kpi";
import { cellsOf, COLUMNS, mapColumns, parseRow } from "../../src/workbook/registerSchema";

const HEADERS = COLUMNS.map((c) => c.header);

function parse(cells: Record<string, unknown>) {
  const base: Record<string, unknown> = { ID: "ORD", Name: "Orders by region", Direction: "higher", Source: "OrdersByRegion[Orders]", ...cells };
  return parseRow(
    HEADERS.map((h) => base[h] ?? ""),
    mapColumns(HEADERS),
    1,
  );
}

const draft = (over: Partial<typeof EMPTY_DRAFT>) => ({ ...EMPTY_DRAFT, name: "Orders by region", owner: "Dana Whitfield", ...over });

describe("a target column in the register", () => {
  it("reads a KPI split by a column with Target OrdersByRegion[Budget], and writes it back as it was", () => {
    const got = parse({ Segments: "by Region", Target: "OrdersByRegion[Budget]", "At risk": "10%" });
    if (got.ok !== true) throw new Error(JSON.stringify(got));
    expect(got.kpi).toMatchObject({ target: null, targetRange: "OrdersByRegion[Budget]", atRiskPercent: 10, segments: "by Region" });
    expect(cellsOf(got.kpi)).toMatchObject({ target: "OrdersByRegion[Budget]" });
  });

  it("refuses a table column as the Target of a KPI of one series, and a sheet range for one split by a column", () => {
    expect(parse({ Target: "OrdersByRegion[Budget]" })).toMatchObject({
      ok: false,
      problem: { message: 'has a Target that is neither a number nor a range of one row or column ("OrdersByRegion[Budget]")' },
    });
    expect(parse({ Segments: "by Region", Target: "Budget!B2:B13" })).toMatchObject({
      ok: false,
      problem: { message: 'has a Target that is neither a number nor a column of its table ("Budget!B2:B13")' },
    });
  });
});

describe("a target column in the form", () => {
  it("takes a column's name as the target of a KPI split by a column, with At risk as a percentage", () => {
    const byRegion = draft({ segments: "by Region", target: "Budget", atRisk: "10%" });
    expect(validateDraft(byRegion, [])).toEqual({});
    expect(definitionFromDraft(byRegion, "ORD", "OrdersByRegion[Orders]", "2026-12-02")).toMatchObject({ target: null, targetRange: "Budget" });
    expect(validateDraft(draft({ segments: "by Region", target: "Budget", atRisk: "250" }), []).atRisk).toMatch(/percentage of each period's target/);
  });

  it("says what a KPI split by a column takes when the target is missing or a sheet range", () => {
    expect(validateDraft(draft({ segments: "by Region", target: "" }), []).target).toMatch(/the column of the table that holds each row's target/);
    expect(validateDraft(draft({ segments: "by Region", target: "Budget!B2:B13" }), []).target).toMatch(
      /neither a number nor a column of the table \(e.g. Budget\): a range of the sheet would not follow the table's rows/,
    );
    // A KPI of one series still reads the word as neither.
    expect(validateDraft(draft({ target: "Budget" }), []).target).toMatch(/neither a number nor one row or column/);
  });
});
