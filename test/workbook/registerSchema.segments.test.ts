/**
 * A KPI across segments in its register row: the optional Segments column ("columns", "by
 * Region"), read back as written, refused when it says no layout, absent from a register written
 * before it; a block of denominators allowed only for a segmented KPI. The form's rules say the same.
 */
import { definitionFromDraft, draftFromDefinition, EMPTY_DRAFT, KpiDraft, validateDraft } from "../../src/core/model/kpi";
import { cellsOf, COLUMNS, mapColumns, parseRow } from "../../src/workbook/registerSchema";

const HEADERS = COLUMNS.map((c) => c.header);

function row(cells: Record<string, unknown>, headers: readonly string[] = HEADERS): unknown[] {
  const base: Record<string, unknown> = { ID: "CONV", Name: "Conversion", Direction: "higher", Target: 0.03, Source: "Regions!$B$2:$E$37", ...cells };
  return headers.map((h) => base[h] ?? "");
}

const parse = (cells: Record<string, unknown>, headers: readonly string[] = HEADERS) => parseRow(row(cells, headers), mapColumns(headers), 1);

describe("the register's Segments column", () => {
  it("reads a block's layout and its block of denominators, and writes them back as they were", () => {
    const got = parse({ Segments: "Across columns", Denominator: "Regions!H2:K37", "Rate as": "proportion" });
    if (got.ok !== true) throw new Error(JSON.stringify(got));
    expect(got.kpi).toMatchObject({ segments: "columns", denominatorRange: "Regions!$H$2:$K$37" });
    expect(cellsOf(got.kpi)).toMatchObject({ segments: "columns", denominatorRange: "Regions!$H$2:$K$37" });
    const long = parse({ Segments: "by [Region]", Source: "Sales[Orders]" });
    expect(long.ok === true && long.kpi.segments).toBe("by Region");
  });

  it("refuses a layout it does not know, and a block of denominators for a KPI of one series", () => {
    expect(parse({ Segments: "diagonal" })).toEqual({
      ok: false,
      problem: expect.objectContaining({ message: expect.stringMatching(/Segments "diagonal" that is neither "columns" nor "by" a table column/) }),
    });
    expect(parse({ Denominator: "Regions!H2:K37" })).toEqual({
      ok: false,
      problem: expect.objectContaining({ message: expect.stringMatching(/Denominator "Regions!H2:K37" that is not a range of one row or column/) }),
    });
  });

  it("is absent from a register written before it: its KPIs have no segments", () => {
    const old = HEADERS.filter((h) => h !== "Segments");
    const got = parse({}, old);
    expect(got.ok === true && got.kpi.segments).toBe("");
    expect(COLUMNS[COLUMNS.length - 1]).toEqual({ key: "segments", header: "Segments", text: true, required: false });
  });
});

describe("the form's Segments field", () => {
  const draft = (o: Partial<KpiDraft>): KpiDraft => ({ ...EMPTY_DRAFT, name: "Conversion", owner: "Dana Whitfield", target: "0.03", ...o });

  it("takes a layout, and a block of denominators only with one", () => {
    expect(validateDraft(draft({ segments: "columns", denominator: "Regions!H2:K37" }), [])).toEqual({});
    expect(validateDraft(draft({ segments: "sideways" }), []).segments).toMatch(/"sideways" is not a layout KPI Lens knows/);
    expect(validateDraft(draft({ denominator: "Regions!H2:K37" }), []).denominator).toMatch(/not one row or column/);
  });

  it("keeps the layout through a definition and back", () => {
    const kpi = definitionFromDraft(draft({ segments: " across  columns ", denominator: "Regions!H2:K37" }), "CONV", "Regions!$B$2:$E$37", "");
    expect(kpi).toMatchObject({ segments: "columns", denominatorRange: "Regions!$H$2:$K$37" });
    expect(draftFromDefinition(kpi)).toMatchObject({ segments: "columns", denominator: "Regions!H2:K37" });
    expect(definitionFromDraft(draft({}), "X", "A!$B$2:$B$9", "").segments).toBe("");
  });
});
