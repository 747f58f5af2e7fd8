/** Target realism at entry: KPI.SPC's assurance against a draft target, with the limits shown. */
import { draftRealism, realismFigures, targetRealism } from "../../../src/core/review/realism";
import { EMPTY_DRAFT } from "../../../src/core/model/kpi";
import { spc } from "../../support/functions";

describe("targetRealism", () => {
  // By hand: mean 11.6; moving ranges 2, 1, 2, 1, mean 1.5; limits 11.6 ± 2.66 · 1.5 = 7.61 and 15.59.
  const values = [10, 12, 11, 13, 12];

  it("flags a target above the upper limit when higher is better, with the limits", () => {
    const r = targetRealism({ direction: "higher" }, 16, values)!;
    expect(r.lower).toBeCloseTo(7.61, 12);
    expect(r.upper).toBeCloseTo(15.59, 12);
    expect(r.centre).toBeCloseTo(11.6, 12);
    expect(r.assurance).toBe("Consistently fails");
    expect(r.sentence).toBe("This process runs between 7.61 and 15.59: a target of 16 is above what it can reach without a change.");
  });

  it("flags a target below the lower limit when lower is better; passes or hit and miss are not flagged", () => {
    expect(targetRealism({ direction: "lower", unit: "days" }, 7, values)!.sentence).toBe(
      "This process runs between 7.61 and 15.59 days: a target of 7 days is below what it can reach without a change.",
    );
    expect(targetRealism({ direction: "higher" }, 7, values)).toMatchObject({ assurance: "Consistently passes", flagged: false, sentence: null });
    expect(targetRealism({ direction: "higher" }, 12, values)).toMatchObject({ assurance: "Hit and miss", flagged: false });
  });

  it("gives no answer within a tolerance or below 3 numbers", () => {
    expect(targetRealism({ direction: "within" }, 16, values)).toBeNull();
    expect(targetRealism({ direction: "higher" }, 16, [1, null, 2])).toBeNull();
  });

  it("equals KPI.SPC's own detail output on a revenue series, with its baseline and chart-from period", () => {
    const revenue = [1180, 1150, null, 1210, 1260, 1190, 1230, 1175, 1240, 1205, 1222, 1199, 1700, 1710];
    // Charted from period 2 with a baseline of 10 numbers, as the KPI's settings say.
    const r = targetRealism({ direction: "higher", spcBaseline: 10, spcFrom: 2 }, 1400, revenue)!;
    const numbers = revenue.slice(1).filter((v): v is number => v !== null);
    const detail = Object.fromEntries(
      spc(
        numbers.map((v) => [v]),
        [[1400]],
        "higher",
        10,
        "detail",
      ).slice(1) as [string, unknown][],
    );
    expect(detail.assurance).toBe("Consistently fails");
    expect(r.lower).toBeCloseTo(detail.lower_limit as number, 9);
    expect(r.upper).toBeCloseTo(detail.upper_limit as number, 9);
    expect(r.assurance).toBe(detail.assurance);
    expect(r.flagged).toBe(detail.assurance === "Consistently fails");
  });

  it("tells the limits and the target apart when rounding would make them equal", () => {
    // Alternating 1200, 1240: centre 1220, moving range 40, limits 1220 ± 106.4 = 1113.6 and 1326.4; whole numbers would print 1,326 twice.
    const r = targetRealism({ direction: "higher" }, 1326.48, [1200, 1240, 1200, 1240, 1200, 1240])!;
    expect(r.sentence).toBe("This process runs between 1,113.6 and 1,326.4: a target of 1,326.5 is above what it can reach without a change.");
  });

  it("writes the limits the user's way (de-DE, fr-FR), with the same digits", () => {
    const values = [1200, 1240, 1200, 1240, 1200, 1240];
    expect(targetRealism({ direction: "higher" }, 1326.48, values, "de-DE")!.sentence).toBe(
      "This process runs between 1.113,6 and 1.326,4: a target of 1.326,5 is above what it can reach without a change.",
    );
    expect(realismFigures(targetRealism({ direction: "higher" }, 1326.48, values)!, 1326.48, "fr-FR")).toEqual({
      lower: "1\u202f113,6",
      upper: "1\u202f326,4",
      centre: "1\u202f220",
      target: "1\u202f326,5",
    });
  });
});

describe("draftRealism", () => {
  it("reads the form's text and judges one number, not a target range", () => {
    const d = { ...EMPTY_DRAFT, target: "16", direction: "higher" };
    expect(draftRealism(d, [10, 12, 11, 13, 12])!.flagged).toBe(true);
    expect(draftRealism({ ...d, target: "Budget!B2:B6" }, [10, 12, 11, 13, 12])).toBeNull();
  });
});
