/**
 * End to end in the stand-in: the KPIBand_<ID> name and the three rules bandFormats() returns,
 * put into a workbook by hand through the model (no add-in write code), colour every period with
 * KPI_STATUS's band for that period — the name computes an array from the KPI's names
 * (TRANSPOSE where the budget runs the other way), each rule reads its period by position
 * (INDEX(KPIBand_X,ROWS($B$2:B2)) or INDEX(KPIBand_X,1,COLUMNS($B$2:B2))), as Excel applies a
 * rule written for the top-left cell to every cell of its range.
 */
import { kpiStatus } from "../support/functions";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { BAND_LOOK, bandFormats, BandSpec } from "../../src/workbook/bandFormats";

const VALUES: (number | string | null)[] = [100, 95, 89, null, "n/a", 120, 101, 80, 110, 99.5, -5, 100];
const TARGETS: (number | null)[] = [100, 100, 100, 100, 100, 100, null, 90, 100, 100, -4, 0];
const FILL_OF: Record<string, string> = { "On track": BAND_LOOK.on.fill, "At risk": BAND_LOOK.risk.fill, "Off track": BAND_LOOK.off.fill };

interface Layout {
  vertical: boolean;
  crosswise: boolean;
}

/** Data!B2:B13 or B2:M2 hold the values, Budget!B2:B13 or B2:M2 the targets; the KPI's names point at them. */
function workbook({ vertical, crosswise }: Layout, spec: BandSpec) {
  const model = new WorkbookModel();
  const data = model.addSheet("Data");
  const budget = model.addSheet("Budget");
  const targetDown = vertical !== crosswise;
  VALUES.forEach((v, i) => v !== null && model.writeValue(data, vertical ? 1 + i : 1, vertical ? 1 : 1 + i, v));
  TARGETS.forEach((t, i) => t !== null && model.writeValue(budget, targetDown ? 1 + i : 1, targetDown ? 1 : 1 + i, t));
  const targetRange = targetDown ? "Budget!$B$2:$B$13" : "Budget!$B$2:$M$2";
  model.addName(`KPI_${spec.id}`, vertical ? "=Data!$B$2:$B$13" : "=Data!$B$2:$M$2");
  model.addName(`KPITarget_${spec.id}`, `=${targetRange}`);
  const { rules, names } = bandFormats({ ...spec, targetRange }, "B2", vertical);
  expect(names).toHaveLength(1);
  for (const n of names) model.addName(n.name, n.formula, n.comment);
  const area = vertical ? { row: 1, col: 1, rowCount: VALUES.length, colCount: 1 } : { row: 1, col: 1, rowCount: 1, colCount: VALUES.length };
  for (const rule of rules) {
    const format = model.addConditionalFormat(data, area, "Custom");
    format.formula = rule.formula;
    format.fill = rule.fill;
    format.fontColor = rule.font;
  }
  return { model, data };
}

const LAYOUTS: Layout[] = [
  { vertical: true, crosswise: true },
  { vertical: true, crosswise: false },
  { vertical: false, crosswise: true },
  { vertical: false, crosswise: false },
];

describe("a target per period in the stand-in: KPIBand_<ID> and the rules that read it", () => {
  for (const direction of ["higher", "lower", "within"] as const) {
    for (const atRiskPercent of [10, 12.5, null]) {
      it(`fills each period with KPI_STATUS's band, ${direction} is better, at risk ${atRiskPercent ?? "by default"}`, () => {
        const spec: BandSpec = { id: "REVENUE", target: null, atRisk: null, atRiskPercent, direction };
        const want = VALUES.map((v, i) => {
          const status = kpiStatus([[v]], [[TARGETS[i]]], [[`${atRiskPercent ?? 10}%`]], direction)[0][0];
          return FILL_OF[status as string] ?? null;
        });
        // Every band and the uncoloured "no data" occur, so the check can fail each way.
        expect(new Set(want)).toEqual(new Set([BAND_LOOK.on.fill, BAND_LOOK.risk.fill, BAND_LOOK.off.fill, null]));
        for (const layout of LAYOUTS) {
          const { model, data } = workbook(layout, spec);
          const fills = VALUES.map((_, i) => model.displayedFormat(data, layout.vertical ? 1 + i : 1, layout.vertical ? 1 : 1 + i).fill);
          expect({ layout, fills }).toEqual({ layout, fills: want });
        }
      });
    }
  }

  it("recolours a period when its budget changes, as Excel recalculates the name", () => {
    const spec: BandSpec = { id: "REVENUE", target: null, atRisk: null, atRiskPercent: 10, direction: "higher" };
    const { model, data } = workbook({ vertical: true, crosswise: true }, spec);
    // Period 3: 89 against 100 is Off track; against 89 it is On track.
    expect(model.displayedFormat(data, 3, 1).fill).toBe(BAND_LOOK.off.fill);
    model.writeValue(model.findSheet("Budget")!, 1, 3, 89);
    expect(model.displayedFormat(data, 3, 1).fill).toBe(BAND_LOOK.on.fill);
  });
});
