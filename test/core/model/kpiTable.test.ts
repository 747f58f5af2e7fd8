import { asTable, filterAndSort, ListedKpi } from "../../../src/core/model/kpiTable";
import { summarise } from "../../../src/core/model/kpiSummary";
import { kpiDefinition } from "../../support/kpiDefinition";
import { KpiDefinition, FIELD_DEFAULTS } from "../../../src/core/model/kpi";

const kpi = (name: string, owner: string, target: number, objective = "Grow"): KpiDefinition =>
  kpiDefinition({ ...FIELD_DEFAULTS, id: name.toUpperCase(), name, owner, objective, target, atRisk: null, unit: "k€", lastReviewed: "2026-11-01" });
const items: ListedKpi[] = [
  { kpi: kpi("Revenue", "Dana", 100), summary: summarise(kpi("Revenue", "Dana", 100), [90, 95, 99]) }, // at risk
  { kpi: kpi("Churn", "Ana", 1), summary: summarise(kpi("Churn", "Ana", 1), [1, 2, 3]) }, // on track
  { kpi: kpi("NPS", "Dana", 50), summary: summarise(kpi("NPS", "Dana", 50), [10, 20, 30]) }, // off track
  { kpi: kpi("Empty", "Sam", 5), summary: summarise(kpi("Empty", "Sam", 5), [null, null]) },
];

describe("the KPI list's filter, sort and copy", () => {
  it("sorts worst status first, and filters by status and owner", () => {
    expect(filterAndSort(items, { status: "all", owner: "" }, "status").map((i) => i.kpi.name)).toEqual(["NPS", "Revenue", "Churn", "Empty"]);
    expect(filterAndSort(items, { status: "risk", owner: "" }, "name").map((i) => i.kpi.name)).toEqual(["Revenue"]);
    expect(filterAndSort(items, { status: "all", owner: "Dana" }, "name").map((i) => i.kpi.name)).toEqual(["NPS", "Revenue"]);
    expect(filterAndSort(items, { status: "none", owner: "" }, "owner").map((i) => i.kpi.name)).toEqual(["Empty"]);
  });

  it("copies as tab-separated rows that paste into Excel, with a header", () => {
    const lines = asTable(items.slice(0, 1))
      .split("\n")
      .map((l) => l.split("\t"));
    expect(lines[0]).toEqual(["KPI", "Objective", "Owner", "Latest", "Unit", "Target", "Status", "Variation", "Assurance", "Last reviewed"]);
    expect(lines[1].slice(0, 7)).toEqual(["Revenue", "Grow", "Dana", "99", "k€", "100", "At risk"]);
    expect(
      asTable([{ ...items[0], kpi: { ...items[0].kpi, name: "Tab\there" } }])
        .split("\n")[1]
        .startsWith("Tab here\t"),
    ).toBe(true);
  });
});
