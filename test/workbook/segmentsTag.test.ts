/**
 * One KPI across segments in the workbook (issue 23, item 3): the sample's orders by region
 * ('Regions'!B3:E38 under a header row of the regions' names, visits in H3:K38, a target per
 * region in B40:E40) tagged as one KPI. One register row, KPI_<ID> on the numbers, the names
 * read from the header row at each refresh, every cell coloured by its own region's band (KPI_STATUS
 * of its rate against its region's target), untag and its undo, and co-authors acting between the
 * tag's read and its write.
 */
import { kpiStatus } from "../support/functions";
import { portfolioOf } from "../../src/core/model/portfolio";
import { kpiInput, sampleSetup, syncsOf } from "../support/workbench";
import { beforeSyncNumber } from "../support/beforeSync";
import { regionsConversion } from "../support/regionsConversion";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { BAND_LOOK, bandFormats, MAX_RULE_ID_LENGTH, MAX_RULE_LENGTH } from "../../src/workbook/bandFormats";
import { addressFromRegisterText } from "../../src/workbook/registerText";
import { SegmentSeries } from "../../src/workbook/segmentsRead";
import { KpiInput } from "../../src/workbook/kpiWorkbook";

const BLOCK = "'Regions'!A2:E38";
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };
type Setup = ReturnType<typeof sampleSetup>;

const conversion = (o: Partial<KpiInput> = {}): KpiInput => regionsConversion({ aggregation: "sum", ...o });

/** The sheet's orders and visits, period by period, and each region's target. */
function regions(model: WorkbookModel) {
  const sheet = model.findSheet("Regions")!;
  const block = (col: number) => Array.from({ length: 36 }, (_, p) => [0, 1, 2, 3].map((s) => model.valueAt(sheet, 2 + p, col + s) as number));
  return { sheet, orders: block(1), visits: block(7), targets: [0, 1, 2, 3].map((s) => model.valueAt(sheet, 39, 1 + s) as number) };
}

// Read from the model directly: a snapshot evaluates every coloured cell, costly for a block's array band.
const nameOf = (model: WorkbookModel, name: string) => model.findName(name);
const ourRules = (model: WorkbookModel, id: string) =>
  model.conditionalFormats.filter((f) => String(f.formula).includes(`kpilens:${id}:`)).map((f) => ({ area: f.area, formula: f.formula, fill: f.fill }));

/** The register's header and rows, as values. */
function registerValues(model: WorkbookModel): unknown[][] {
  const t = model.findTable("KPI_Register")!;
  const sheet = model.sheetById(t.sheetId);
  return Array.from({ length: t.area.rowCount }, (_, r) =>
    Array.from({ length: t.area.colCount }, (_, c) => model.valueAt(sheet, t.area.row + r, t.area.col + c)),
  );
}

/** A sheet's values over its first rows and columns. */
const valuesOf = (model: WorkbookModel, name: string, rows = 45, cols = 12) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => model.valueAt(model.findSheet(name)!, r, c)));

describe("a block of periods × regions tagged as one KPI", () => {
  it("keeps one register row, names the numbers, their targets and denominators, and reads the regions from the header row", async () => {
    const { model, workbook } = sampleSetup();
    const kpi = await workbook.tag(conversion(), BLOCK, "CONV");
    // The Month column and the header row are left out: KPI_CONV is the numbers.
    expect(kpi).toMatchObject({
      source: "Regions!$B$3:$E$38",
      segments: "columns",
      targetRange: "Regions!$B$40:$E$40",
      denominatorRange: "Regions!$H$3:$K$38",
    });
    expect(nameOf(model, "KPI_CONV")).toMatchObject({ formula: "=Regions!$B$3:$E$38" });
    expect(nameOf(model, "KPITarget_CONV")).toMatchObject({ formula: "=Regions!$B$40:$E$40" });
    expect(nameOf(model, "KPIDenom_CONV")).toMatchObject({ formula: "=Regions!$H$3:$K$38" });
    const register = registerValues(model);
    expect(register).toHaveLength(2);
    const headers = register[0];
    expect(register[1][headers.indexOf("Segments")]).toBe("columns");
    expect(addressFromRegisterText(String(register[1][headers.indexOf("Source")]))).toBe("Regions!$B$3:$E$38");

    const { series, register: state } = await workbook.refresh();
    expect(state.problems).toEqual([]);
    const got = series[0] as SegmentSeries;
    const { orders, visits, targets } = regions(model);
    expect(got.problem).toBeNull();
    expect(got.segments!.names).toEqual(["North", "South", "East", "West"]);
    expect(got.segments!.values[3]).toEqual(orders.map((r) => r[3]));
    expect(got.segments!.denominators![0]).toEqual(visits.map((r) => r[0]));
    expect(got.segments!.targets).toEqual(targets);
    // The totals: Σ orders and Σ visits of each month, the target Σ t·visits / Σ visits (hand-summed here).
    expect(got.values).toEqual(orders.map((r) => r.reduce((a, b) => a + b, 0)));
    expect(got.denominators).toEqual(visits.map((r) => r.reduce((a, b) => a + b, 0)));
    got.targets!.forEach((t, p) => expect(t).toBeCloseTo(visits[p].reduce((a, v, s) => a + v * targets[s], 0) / visits[p].reduce((a, b) => a + b, 0), 14));
  });

  it("colours every cell of the block by its own region's band: KPI_STATUS of its rate against its region's target", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion(), BLOCK, "CONV");
    const { sheet, orders, visits, targets } = regions(model);
    const fills = orders.map((r, p) => r.map((_, s) => model.displayedFormat(sheet, 2 + p, 1 + s).fill));
    const want = orders.map((r, p) => r.map((o, s) => FILL_OF[kpiStatus([[o / visits[p][s]]], [[targets[s]]], [["10%"]], "higher")[0][0] as string] ?? null));
    expect(fills).toEqual(want);
    // Each region gets more than one colour over the three years, and West is mostly Off track.
    expect(new Set(want.flat()).size).toBe(3);
    expect(want.filter((r) => r[3] === BAND_LOOK.off.fill).length).toBeGreaterThan(30);
    // The visits keep their own look: no colours of ours there.
    expect(model.displayedFormat(sheet, 2, 7).fill).toBeNull();
  });

  it("colours a block of counts with one target by the numbers themselves, each rule within Excel's 255 characters", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ name: "Orders by region", target: 400, atRisk: 300, aggregation: "sum", segments: "columns" }), "'Regions'!B3:E38", "ORDERS");
    const { sheet, orders } = regions(model);
    const fills = orders.map((r, p) => r.map((_, s) => model.displayedFormat(sheet, 2 + p, 1 + s).fill));
    expect(fills).toEqual(orders.map((r) => r.map((o) => FILL_OF[kpiStatus([[o]], [[400]], [[300]], "higher")[0][0] as string])));
    const ours = ourRules(model, "ORDERS");
    expect(ours).toHaveLength(3);
    for (const f of ours) expect(String(f.formula).length).toBeLessThanOrEqual(255);
    // A sum of four regions: the total's target is four regions' (the pane judges the total, core/model/segments.ts).
    const { series } = await workbook.refresh();
    expect(series[0].values[35]).toBe(orders[35].reduce((a, b) => a + b, 0));
  });

  it("keeps every rule of a block within Excel's 255 characters for the longest ID, the write's token included", () => {
    const id = "K".repeat(MAX_RULE_ID_LENGTH);
    for (const spec of [
      {
        id,
        target: null,
        atRisk: null,
        atRiskPercent: 12.5,
        direction: "within" as const,
        targetRange: "'Plan 2025'!$B$2:$B$5",
        denominatorRange: "Visits!$H$3:$K$38",
        ratePer: 1000,
      },
      { id, target: -123456.789012, atRisk: -234567.890123, atRiskPercent: null, direction: "within" as const },
    ]) {
      const { rules } = bandFormats(spec, "XFC1048575", "block");
      // The write engine adds +N("~<8 hex>") to each rule until the batch's last write (ownFormats.ts).
      for (const r of rules) expect(r.formula.length + '+N("~12345678")'.length).toBeLessThanOrEqual(MAX_RULE_LENGTH);
    }
    expect(
      bandFormats({ id: "CONV", target: null, atRisk: null, atRiskPercent: 10, direction: "higher", targetRange: "Regions!$B$40:$E$40" }, "B3", "block")
        .rules[0].formula,
    ).toBe('=AND(INDEX(KPIBand_CONV,ROWS($B$3:B3),COLUMNS($B$3:B3))=1,N("kpilens:CONV:on")=0)');
    // A column of targets, one per segment, is turned to run across the block (TRANSPOSE).
    expect(
      bandFormats({ id: "CONV", target: null, atRisk: null, atRiskPercent: 10, direction: "higher", targetRange: "Regions!$M$3:$M$6" }, "B3", "block").names[0]
        .formula,
    ).toContain("TRANSPOSE(KPITarget_CONV)");
  });

  it("reads a renamed region as renamed, and follows the block when rows are inserted above it", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(conversion(), BLOCK, "CONV");
    const sheet = model.findSheet("Regions")!;
    model.writeValue(sheet, 1, 4, "West & Islands");
    model.insertRows(sheet, 0, 2);
    const { series, register } = await workbook.refresh();
    expect(register.sources.CONV).toBe("Regions!B5:E40");
    expect((series[0] as SegmentSeries).segments!.names).toEqual(["North", "South", "East", "West & Islands"]);
    // A header cell emptied: the card says why there are no segments, nothing is guessed.
    model.writeValue(sheet, 3, 2, "");
    const again = await workbook.refresh();
    expect(again.series[0].problem).toMatch(/Conversion by region has no segments to show: the header cell of segment 2 is empty/);
  });

  it("refuses a block without a header row, targets that are not one per region, and denominators of another shape, changing nothing", async () => {
    const { model, workbook } = sampleSetup();
    const before = { regions: valuesOf(model, "Regions"), names: model.names.length, formats: model.conditionalFormats.length, sheets: model.sheets.length };
    await expect(workbook.tag(conversion(), "'Regions'!B4:E38", "CONV")).rejects.toThrow(
      /cannot be tagged as one KPI across segments: a block needs a header row of segment names/,
    );
    await expect(workbook.tag(conversion({ targetRange: "Regions!B40:D40" }), BLOCK, "CONV")).rejects.toThrow(
      /target range Regions!B40:D40 has 3 cells and Conversion by region has 4 segments \(North, South, East, West\)/,
    );
    await expect(workbook.tag(conversion({ denominatorRange: "Regions!H2:K38" }), BLOCK, "CONV")).rejects.toThrow(
      /denominator range Regions!H2:K38 is 37×4 and the numbers .* are 36×4/,
    );
    await expect(workbook.tag(conversion({ denominatorRange: "Nowhere!H3:K38" }), BLOCK, "CONV")).rejects.toThrow(
      /no sheet "Nowhere" for the denominator range/,
    );
    await expect(workbook.tag(conversion(), "'Regions'!A2:B38", "CONV")).rejects.toThrow(/a block needs two segments or more/);
    expect({ regions: valuesOf(model, "Regions"), names: model.names.length, formats: model.conditionalFormats.length, sheets: model.sheets.length }).toEqual(
      before,
    );
    await workbook.tag(conversion(), BLOCK, "CONV");
    await expect(workbook.tag(kpiInput({ name: "West orders" }), "'Regions'!E3:E38", "WEST")).rejects.toThrow(/overlap the KPI Conversion by region/);
  });

  it("saves a change of owner and of the regions' targets, and colours the block by the new targets; another layout is a new tag", async () => {
    const { model, workbook } = sampleSetup();
    const opened = await workbook.tag(conversion(), BLOCK, "CONV");
    [0.025, 0.025, 0.025, 0.02].forEach((t, s) => model.writeValue(model.findSheet("Regions")!, 41, 1 + s, t));
    const saved = await workbook.update("CONV", conversion({ owner: "Lee Chan", targetRange: "Regions!B42:E42" }), { opened });
    expect(saved).toMatchObject({ owner: "Lee Chan", targetRange: "Regions!$B$42:$E$42", denominatorRange: "Regions!$H$3:$K$38", segments: "columns" });
    expect(nameOf(model, "KPITarget_CONV")).toMatchObject({ formula: "=Regions!$B$42:$E$42" });
    const { sheet, orders, visits } = regions(model);
    const fill = (p: number, s: number) => model.displayedFormat(sheet, 2 + p, 1 + s).fill;
    const want = (p: number, s: number) =>
      FILL_OF[kpiStatus([[orders[p][s] / visits[p][s]]], [[[0.025, 0.025, 0.025, 0.02][s]]], [["10%"]], "higher")[0][0] as string];
    for (const [p, s] of [
      [35, 0],
      [35, 3],
      [0, 3],
      [20, 1],
    ])
      expect(fill(p, s)).toBe(want(p, s));
    expect(ourRules(model, "CONV")).toHaveLength(3);
    await expect(workbook.update("CONV", conversion({ segments: "" }), { opened: saved })).rejects.toThrow(
      /laid out as Segments "columns": to lay it out otherwise, untag it and tag it again/,
    );
    await expect(workbook.update("CONV", conversion({ targetRange: "Regions!B42:C42" }), { opened: saved })).rejects.toThrow(
      /has 2 cells and Conversion by region has 4 segments/,
    );
  });

  it("is closed by its total, as its card shows it: Σ orders / Σ visits of the period's row against the targets weighed by the visits", async () => {
    const { model, workbook } = sampleSetup();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    await workbook.tag(conversion({ firstPeriod: "2023-01" }), BLOCK, "CONV");
    const result = await workbook.closePeriod("2025-12");
    expect(result.closed.map((e) => e.kpi)).toEqual(["REVENUE", "CONV"]);
    expect(result.skipped).toEqual([]);
    // December 2025 is the 36th period: its row of the block, summed here from the cells.
    const { orders, visits, targets } = regions(model);
    const [o, v] = [orders[35], visits[35]];
    const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    const rate = sum(o) / sum(v);
    const target = sum(targets.map((t, s) => t * v[s])) / sum(v);
    const conv = result.closed.find((e) => e.kpi === "CONV")!;
    expect(conv.value).toBeCloseTo(rate, 14);
    expect(conv.target).toBeCloseTo(target, 14);
    expect(conv.variance).toBeCloseTo(rate - target, 14);
    expect(conv.status).toBe(kpiStatus([[rate]], [[target]], [["10%"]], "higher")[0][0]);
    expect(conv.valueCell).toBe("Regions!B38:E38 / Regions!H38:K38");
    // The card agrees: no restatement right after the close.
    const after = await workbook.refresh();
    const card = portfolioOf(after.register, Object.fromEntries(after.series.map((x) => [x.id, x])), new Date());
    expect(card.pack.restatements).toEqual([]);
    expect(card.pack.cards.CONV.monthEnd.period).toMatchObject({ actual: expect.closeTo(rate, 12), target: expect.closeTo(target, 12) });
  });

  it("is one row of the Scorecard sheet, by its pooled rate (scorecard.segmentRates.test.ts), not left out", async () => {
    const { workbook } = sampleSetup();
    await workbook.tag(kpiInput({ firstPeriod: "2023-01" }), "'Monthly KPIs'!B2:B37", "REVENUE");
    await workbook.tag(conversion({ firstPeriod: "2023-01" }), BLOCK, "CONV");
    expect(await workbook.buildScorecard()).toMatchObject({ rows: 2, leftOut: [] });
  });

  it("is never guessed from a selection's shape: two KPIs side by side are refused as a block unless Segments says so", async () => {
    const { workbook } = sampleSetup();
    await expect(workbook.tag(kpiInput(), "'Regions'!B3:E38", "X")).rejects.toThrow(
      /Select one column .* 36×4\. For one KPI across segments .* set Segments to "columns"/,
    );
  });

  it("untags to the user's cells and back, exactly", async () => {
    const { model, workbook } = sampleSetup();
    const plain = valuesOf(model, "Regions");
    await workbook.tag(conversion(), BLOCK, "CONV");
    const tagged = { names: model.names.map((n) => ({ ...n })), rules: ourRules(model, "CONV") };
    expect(tagged.rules).toHaveLength(3);
    const receipt = await workbook.untag("CONV");
    expect(model.names).toEqual([]);
    expect(ourRules(model, "CONV")).toEqual([]);
    expect(valuesOf(model, "Regions")).toEqual(plain);
    await workbook.undoUntag(receipt);
    expect(model.names.map((n) => ({ ...n }))).toEqual(tagged.names);
    expect(ourRules(model, "CONV")).toEqual(expect.arrayContaining(tagged.rules));
    expect(ourRules(model, "CONV")).toHaveLength(3);
  });
});

async function syncsOfTag(prepare: (s: Setup) => Promise<unknown>): Promise<number> {
  const s = sampleSetup();
  await prepare(s);
  return syncsOf(s.model, () => s.workbook.tag(conversion(), BLOCK, "CONV"));
}

describe("tagging a block while a co-author works in the same workbook", () => {
  const revenue = (s: Setup) => s.workbook.tag(kpiInput(), "'Monthly KPIs'!B2:B37", "REVENUE");

  it("a second pane tags the same block between the read and the write: the loser is told and undoes only its own, the winner's stays whole", async () => {
    const n = await syncsOfTag(revenue);
    const a = sampleSetup();
    await revenue(a);
    const b = sampleSetup(a.model);
    beforeSyncNumber(a.model, n - 1, () => b.workbook.tag(conversion({ owner: "Sam Ortiz" }), BLOCK, "CONV"));
    await expect(a.workbook.tag(conversion(), BLOCK, "CONV")).rejects.toThrow(
      /Excel refused to tag Conversion by region: The name 'KPI_CONV' already exists\. Nothing was changed\./,
    );
    const state = await a.workbook.readRegister();
    expect(state.kpis.map((k) => [k.id, k.owner])).toEqual([
      ["REVENUE", "Dana Whitfield"],
      ["CONV", "Sam Ortiz"],
    ]);
    expect(
      a.model.names
        .filter((x) => x.name.endsWith("_CONV"))
        .map((x) => x.name)
        .sort(),
    ).toEqual(["KPIBand_CONV", "KPIDenom_CONV", "KPITarget_CONV", "KPI_CONV"]);
    // One set of colours on the block: theirs.
    expect(ourRules(a.model, "CONV")).toHaveLength(3);
  });

  it("an Owner typed into the register between the read and the write survives, and the block is tagged", async () => {
    const n = await syncsOfTag(revenue);
    const s = sampleSetup();
    await revenue(s);
    const register = s.model.findSheet("KPI Register")!;
    const table = s.model.findTable("KPI_Register")!;
    beforeSyncNumber(s.model, n - 1, () => s.model.writeValue(register, 1, table.area.col + table.columns.indexOf("Owner"), "Lee Chan"));
    await s.workbook.tag(conversion(), BLOCK, "CONV");
    const state = await s.workbook.readRegister();
    expect(state.kpis.map((k) => [k.id, k.owner])).toEqual([
      ["REVENUE", "Lee Chan"],
      ["CONV", "Dana Whitfield"],
    ]);
  });

  it("a co-author deletes the header's sheet cells meanwhile: the tag still lands on the numbers it read, and the card says what is missing", async () => {
    const n = await syncsOfTag(async () => undefined);
    const s = sampleSetup();
    beforeSyncNumber(s.model, n - 1, () => s.model.writeValue(s.model.findSheet("Regions")!, 1, 1, ""));
    await s.workbook.tag(conversion(), BLOCK, "CONV");
    const { series } = await s.workbook.refresh();
    expect(series[0].problem).toMatch(/header cell of segment 1 is empty/);
  });
});
