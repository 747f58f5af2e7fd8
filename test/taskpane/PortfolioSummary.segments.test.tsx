/**
 * @jest-environment jsdom
 */
/**
 * The summary of every KPI and segment (issue 23, item 4: "one table of every KPI (and segment)"):
 * a KPI across segments is followed by a row per segment, worst first, each with its latest rate,
 * target and status as the segments reference computes them (test/reference/generate_segments.py).
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import { REVEAL_CHUNK } from "../../src/taskpane/useRevealed";
import { PortfolioSummary } from "../../src/taskpane/components/PortfolioSummary";
import { summaryRows } from "../../src/core/model/portfolioSummary";
import { summaryOf } from "../../src/core/model/portfolio";
import { segmentTotals } from "../../src/core/model/segments";
import { KpiDefinition, FIELD_DEFAULTS } from "../../src/core/model/kpi";
import { kpiDefinition } from "../support/kpiDefinition";
import { CASE, CASE_CONVERSION, CASE_DATA } from "../support/segmentsCase";
import { sig4 } from "../support/sig4";

const conversion: KpiDefinition = kpiDefinition({ ...FIELD_DEFAULTS, ...CASE_CONVERSION });
const alpha: KpiDefinition = kpiDefinition({ ...FIELD_DEFAULTS, id: "ALPHA", name: "Alpha", target: 100, atRisk: 90, source: "Data!$B$2:$B$13" });
const totals = segmentTotals(conversion, CASE_DATA);
const series = {
  CONV: { values: totals.values, denominators: totals.denominators, targets: null, segments: CASE_DATA },
  ALPHA: { values: Array.from({ length: 12 }, (_, i) => 110 + (i % 3)) },
};
const summaries = { CONV: summaryOf(conversion, series.CONV), ALPHA: summaryOf(alpha, series.ALPHA) };
const STATUS = { on: "On track", risk: "At risk", off: "Off track" } as Record<string, string>;

describe("the summary of every KPI and segment", () => {
  it("follows a KPI across segments with its segments, worst first, each with the reference's latest rate and status", () => {
    render(<PortfolioSummary kpis={[alpha, conversion]} summaries={summaries} series={series} />);
    const rows = within(screen.getByRole("table", { name: "Summary of every KPI" }))
      .getAllByRole("row")
      .slice(1);
    const names = rows.map((r) => r.children[0].textContent);
    const at = names.indexOf("Conversion by region");
    expect(names.slice(at + 1, at + 5)).toEqual(CASE.expected.worstFirst.map((n: string) => `Conversion by region · ${n}`));
    expect(names).toHaveLength(6);
    for (const segment of CASE.expected.segments) {
      const row = rows[names.indexOf(`Conversion by region · ${segment.name}`)];
      expect([segment.name, row.children[2].textContent, row.children[3].textContent, row.children[4].textContent]).toEqual([
        segment.name,
        sig4(segment.latest),
        sig4(segment.target),
        STATUS[segment.status],
      ]);
    }
  });

  it("keeps the KPIs' own order by urgency, segments never sorted among them; without values read, no segment rows", () => {
    const withSegments = summaryRows([alpha, conversion], summaries, {});
    expect(withSegments.map((r) => r.id)).toEqual(summaryRows([alpha, conversion], summaries).map((r) => r.id));
    render(<PortfolioSummary kpis={[alpha, conversion]} summaries={summaries} />);
    expect(within(screen.getByRole("table", { name: "Summary of every KPI" })).getAllByRole("row")).toHaveLength(3);
  });

  it("draws a long register's rows a screenful at a time, in the table's order, until every KPI has its row", async () => {
    const many = Array.from({ length: 3 * REVEAL_CHUNK + 5 }, (_, i) => ({ ...alpha, id: `K${i}`, name: `KPI ${String(i).padStart(3, "0")}` }));
    const values = Object.fromEntries(many.map((k, i) => [k.id, { values: Array.from({ length: 12 }, (_, j) => 80 + ((i + j) % 30)) }]));
    const each = Object.fromEntries(many.map((k) => [k.id, summaryOf(k, values[k.id])]));
    render(<PortfolioSummary kpis={many} summaries={each} series={values} />);
    const names = () =>
      within(screen.getByRole("table", { name: "Summary of every KPI" }))
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.children[0].textContent);
    const order = summaryRows(many, each).map((r) => r.name);
    expect(names()).toEqual(order.slice(0, REVEAL_CHUNK));
    await waitFor(() => expect(names()).toHaveLength(many.length));
    expect(names()).toEqual(order);
  });
});
