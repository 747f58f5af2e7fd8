/**
 * @jest-environment jsdom
 */
/**
 * The pane's rate and scale views (issue 23): a 5,000-period chart drawn by windows with a small
 * DOM; a rate KPI's chart names p′ and why, its points KPI.SPC's; the summary table of every KPI,
 * worst first, icons with their words.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { ChartWindow, MAX_POINTS } from "../../src/taskpane/components/ChartWindow";
import { PortfolioSummary } from "../../src/taskpane/components/PortfolioSummary";
import { formulaChoices, summaryOf } from "../../src/core/model/portfolio";
import { FormulaSection } from "../../src/taskpane/components/FormulaSection";
import { summarise } from "../../src/core/model/kpiSummary";
import { summariseRate } from "../../src/core/model/rateSummary";
import { KpiDefinition, FIELD_DEFAULTS } from "../../src/core/model/kpi";
import { spc, spcPointTypes } from "../support/functions";
import { kpiDefinition } from "../support/kpiDefinition";
import { sig4 } from "../support/sig4";
import { pointsDrawn } from "../support/chartPoints";

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const kpi = (o: Partial<KpiDefinition>): KpiDefinition =>
  kpiDefinition({ ...FIELD_DEFAULTS, id: "K", name: "K", target: 100, atRisk: null, source: "Data!$B$2:$B$13", ...o });

describe("a chart over 5,000 periods", () => {
  const next = random(3);
  const values = Array.from({ length: 5000 }, (_, i) => 100 + 10 * (next() - 0.5) + (i > 4990 ? 30 : 0));
  const summary = summarise(kpi({}), values);

  it("draws the latest window of points, pages back and forth, and keeps the DOM small", () => {
    const { container } = render(<ChartWindow chart={summary.spc!} values={summary.spcValues} title="Chart of K" target={100} />);
    // The figures are drawn when asked for, not before (a table of every point in each of 300 cards was most of the pane).
    expect(container.querySelectorAll("table")).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Table of Chart of K" }));
    expect(screen.getByRole("button", { name: "Table of Chart of K" }).getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByRole("table", { name: "Chart of K" })).toBeTruthy();
    expect(pointsDrawn(container)).toBe(MAX_POINTS);
    expect(container.querySelectorAll("tr").length).toBeLessThanOrEqual(MAX_POINTS + 1);
    expect(container.querySelectorAll("*").length).toBeLessThan(1500);
    expect(screen.getByTestId("chart-window").textContent).toBe("Points 4,881–5,000 of 5,000");
    // The last points are the shift at the end: special causes, as KPI.SPC's "points" says.
    const rows = [...container.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.children[4].textContent)).toEqual(spcPointTypes(values).slice(4880));
    expect(rows[0].children[0].textContent).toBe("4881");
    fireEvent.click(screen.getByRole("button", { name: "Earlier periods of Chart of K" }));
    expect(screen.getByTestId("chart-window").textContent).toBe("Points 4,761–4,880 of 5,000");
    expect(container.querySelector("tbody tr")!.children[0].textContent).toBe("4761");
    fireEvent.change(screen.getByRole("combobox", { name: "Periods shown" }), { target: { value: "240" } });
    expect(pointsDrawn(container)).toBe(240);
    fireEvent.click(screen.getByRole("button", { name: "Later periods of Chart of K" }));
    expect(screen.getByTestId("chart-window").textContent).toBe("Points 4,761–5,000 of 5,000");
    expect(screen.getByRole("button", { name: "Later periods of Chart of K" })).toHaveProperty("disabled", true);
  });

  it("draws a short chart whole, without a chooser", () => {
    const short = summarise(kpi({}), values.slice(0, 36));
    const { container } = render(<ChartWindow chart={short.spc!} values={short.spcValues} title="Chart of K" target={100} />);
    expect(pointsDrawn(container)).toBe(36);
    expect(screen.queryByTestId("chart-window")).toBeNull();
  });
});

describe("a rate KPI's chart and the summary table", () => {
  const next = random(9);
  const visits = Array.from({ length: 36 }, () => Math.round(40_000 + 20_000 * next()));
  const orders = visits.map((v, i) => Math.round(v * (0.031 + 0.003 * Math.sin(i / 1.5) + 0.002 * (next() - 0.5))));
  const conv = kpi({ id: "CONV", name: "Conversion", target: 0.031, atRiskPercent: 5, denominatorRange: "Shop!$B$2:$B$37", ratePer: null });
  const rate = summariseRate(conv, orders, visits);

  it("names p′ and why, and charts KPI.SPC's points and limits", () => {
    expect(rate.rate!.chart).toBe("p'");
    const { container } = render(<ChartWindow chart={rate.spc!} values={rate.spcValues} title="Chart of Conversion" target={0.031} rate={rate.rate} />);
    fireEvent.click(screen.getByRole("button", { name: "Table of Chart of Conversion" }));
    expect(screen.getByTestId("rate-chart").textContent).toMatch(/^p′ chart \(Laney\)/);
    const limits = spc(
      orders.map((o) => [o]),
      0.031,
      "higher",
      null,
      "limits",
      "p'",
      visits.map((v) => [v]),
    ).slice(1);
    const rows = [...container.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows.map((r) => r.slice(1, 4))).toEqual(limits.map((l) => [sig4(l[0] as number), sig4(l[2] as number), sig4(l[3] as number)]));
  });

  it("offers KPI.SPC's rate chart in the insert-formula menu: the card's chart, the denominators, the limits of every period", () => {
    const k = { ...conv, source: "Shop!$C$2:$C$37" };
    const series = { CONV: { address: "Shop!C2:C37", values: orders, denominators: visits } };
    const summaries = { CONV: summaryOf(k, series.CONV) };
    expect(summaries.CONV.rate!.chart).toBe("p'");
    render(
      <FormulaSection
        kpis={[k]}
        choicesFor={(x) => formulaChoices(x, series, summaries, [])}
        cell="Shop!E2"
        busy={false}
        kpiId="CONV"
        onKpiChange={() => {}}
        onInsert={() => {}}
      />,
    );
    const answers = within(screen.getByRole("combobox", { name: "Answer" }))
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(answers).toEqual(
      expect.arrayContaining(["Variation and assurance (p′ chart detail)", "Every period's point and limits (p′ chart, for a line chart)"]),
    );
    expect(answers).not.toContain("Variation and assurance (SPC detail)");
    fireEvent.change(screen.getByRole("combobox", { name: "Answer" }), {
      target: { value: String(answers.indexOf("Variation and assurance (p′ chart detail)")) },
    });
    expect(screen.getByLabelText("Formula to insert").textContent).toBe(
      '=KPI.SPC(KPI_CONV,INDEX(KPI_Register[Target],MATCH("CONV",KPI_Register[ID],0)),"higher",,"detail","p\'",KPIDenom_CONV)',
    );
    // Its status and change are its rates', as on its card.
    const choices = formulaChoices(k, series, summaries, []);
    expect(choices.find((c) => c.label.startsWith("Status of every period"))!.formula).toMatch(
      /^=KPI\.KPI_STATUS\(IF\(ISNUMBER\(KPI_CONV\)\*ISNUMBER\(KPIDenom_CONV\)\*\(KPIDenom_CONV>0\),KPI_CONV\/KPIDenom_CONV,""\),/,
    );
    expect(choices.find((c) => c.label.startsWith("Latest change"))!.formula).toMatch(/^=KPI\.SIG_CHANGE\(IF\(ISNUMBER\(KPI_CONV\)/);
    const limits = choices.find((c) => c.label.startsWith("Every period's"))!;
    expect(limits.size).toEqual({ rows: 37, columns: 6 });
  });

  it("lists every KPI worst first, with words beside each icon", () => {
    const good = kpi({ id: "GOOD", name: "Alpha", target: 50 });
    const kpis = [good, conv];
    const summaries = { GOOD: summaryOf(good, { values: Array.from({ length: 24 }, (_, i) => 100 + (i % 3)) }), CONV: rate };
    render(<PortfolioSummary kpis={kpis} summaries={summaries} />);
    const table = screen.getByRole("table", { name: "Summary of every KPI" });
    const rows = within(table).getAllByRole("row").slice(1);
    // Conversion is Off track or at risk or failing somewhere; Alpha passes: Conversion first unless it is better.
    const names = rows.map((r) => r.children[0].textContent);
    expect(names).toHaveLength(2);
    const alpha = rows[names.indexOf("Alpha")];
    expect(alpha.textContent).toContain("On track");
    expect(within(alpha).getByRole("img", { name: "Assurance: Consistently passes" })).toBeTruthy();
    expect(alpha.textContent).toContain("Consistently passes");
    const conversion = rows[names.indexOf("Conversion")];
    expect(conversion.textContent).toContain(`${rate.variationLabel} (p′)`);
    expect(conversion.children[2].textContent).toBe(sig4(rate.latest!));
    if (rate.status !== "on" || rate.variation === "Concern") expect(names[0]).toBe("Conversion");
  });
});
