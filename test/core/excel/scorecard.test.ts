import { scorecardLines, scorecardLinesSteps } from "../../../src/core/excel/scorecard";
import { kpiDefinition } from "../../support/kpiDefinition";

describe("the Scorecard's lines", () => {
  it("come in steps of one KPI each, to the same lines (a build of 300 KPIs runs in time slices)", () => {
    const kpis = [
      kpiDefinition({ id: "REV", objective: "Grow" }),
      kpiDefinition({ id: "ARR", name: "ARR", objective: "Grow" }),
      kpiDefinition({ id: "CHURN", name: "Churn", objective: "Keep customers" }),
    ];
    const steps = scorecardLinesSteps(kpis, 6, () => null, true);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBe(kpis.length);
    expect(next.value).toEqual(scorecardLines(kpis, 6, () => null, true));
    // A heading per objective, then its KPIs.
    expect(next.value.map((l) => `${l.kind} ${l.kpi.id}`)).toEqual(["objective REV", "kpi REV", "kpi ARR", "objective CHURN", "kpi CHURN"]);
  });
});
