/**
 * @jest-environment jsdom
 *
 * The chain, the strategy map, a rate chart's reason and a KPI's closes as an analyst in Germany
 * or France reads them (issue 24, item 4): decimal commas, points (de-DE) or narrow no-break
 * spaces (fr-FR) between thousands, a no-break space before a percent sign. Expected strings are
 * worked by hand from the en-US ones the same data give (test/core/review/correlogram.test.ts).
 */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { KpiDefinition } from "../../src/core/model/kpi";
import { chainsOf, summariesOf } from "../../src/core/model/portfolio";
import type { Portfolio } from "../../src/core/model/portfolio";
import { portfolioVerdicts } from "../../src/core/review/fdr";
import type { ReportedEntry } from "../../src/core/model/reported";
import { summariseRate } from "../../src/core/model/rateSummary";
import { ChainSection } from "../../src/taskpane/components/ChainSection";
import { ChartWindow } from "../../src/taskpane/components/ChartWindow";
import { ClosesHistory } from "../../src/taskpane/components/ClosesHistory";
import { StrategyMapSection } from "../../src/taskpane/components/StrategyMapSection";
import { KPI } from "./fakeWorkbook";
import { chainPair, trendingSeries, unrelatedSeries } from "../support/chainSeries";
import { CASE_CONVERSION, CASE_DATA } from "../support/segmentsCase";
import { summaryOf } from "../../src/core/model/portfolio";
import { segmentTotals } from "../../src/core/model/segments";
import type { Action } from "../../src/core/model/actions";
import { formatNumber } from "../../src/core/model/numberText";
import { SegmentsDetail } from "../../src/taskpane/components/SegmentsDetail";
import { Sparkline } from "../../src/taskpane/components/Sparkline";
import { ActionsSection } from "../../src/taskpane/components/ActionsSection";

afterEach(cleanup);

const NBSP = "\u00a0";
const NARROW = "\u202f";

const [A, B] = chainPair(KPI);

describe("the chain section in German", () => {
  // Two unrelated noise series: lag 5 crosses its line (r = -0.55, p = 0.01 alone), p = 0.19 after Bonferroni over 13 lags.
  const chains = chainsOf([A, B], unrelatedSeries());
  const verdicts = portfolioVerdicts(chains);

  it("writes r, p, q and the percentages with German separators", () => {
    render(<ChainSection chains={chains} verdicts={verdicts} locale="de-DE" />);
    expect(screen.getByTestId("chain-summary").textContent).toBe(
      `0 of 1 chain supported by the data, controlling the false discovery rate at 5${NBSP}% across 1 leading KPI.`,
    );
    expect(screen.getByTestId("chain-sentence").textContent).toBe(
      `No evidence that A predicts B (best lag 5, r = -0,55, p = 0,19 after testing 13 lags; q = 0,19 controlling the false discovery rate at 5${NBSP}% across 1 leading KPI): revalidate or replace it.`,
    );
    expect(screen.getByTestId("bound-sentence").textContent).toBe(
      `Lag 5 crosses the dashed 5${NBSP}% line (r = -0,55, p = 0,01 for that lag alone), but 13 lags were tested: about 0,65 of them would cross it by chance alone, so the verdict uses the best lag's p after Bonferroni's correction for 13 lags (p = 0,19).`,
    );
    expect(screen.getByText(/^Best lag 5/).textContent).toBe(
      `Best lag 5, r = -0,55, Bonferroni-adjusted p = 0,19 over 13 lags, Benjamini–Hochberg q = 0,19 across 1 leading KPIs. Dashed lines: significance at 5${NBSP}% for one lag.`,
    );
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("A and B: 13 lags; best lag 5 with r -0,55.");
  });

  it("gives the correlogram's table and axis in German, and no point as a decimal sign", () => {
    const { container } = render(<ChainSection chains={chains} verdicts={verdicts} locale="de-DE" />);
    fireEvent.click(screen.getByRole("button", { name: "Table of A and B: correlation by lag" }));
    const table = screen.getByRole("table", { name: "A and B: correlation by lag" });
    const lag5 = within(table)
      .getAllByRole("row")
      .find((r) => r.firstElementChild?.textContent === "5")!;
    const [, r, p] = [...lag5.children].map((c) => c.textContent ?? "");
    expect(r).toMatch(/^-0,5\d\d$/);
    // Three significant digits, as toPrecision(3) gave them: 0.0145 is 0,0145.
    expect(p).toMatch(/^0,0\d{3}$/);
    expect([...container.querySelectorAll("svg text")].slice(0, 5).map((t) => t.textContent)).toEqual(["1", "0,5", "0", "-0,5", "-1"]);
    expect(container.textContent).not.toMatch(/\d\.\d/);
  });

  it("says the same as before in en-US, the default", () => {
    render(<ChainSection chains={chains} verdicts={verdicts} />);
    expect(screen.getByTestId("chain-sentence").textContent).toBe(verdicts.verdicts[0].sentence);
    expect(screen.getByTestId("chain-sentence").textContent).toContain(
      "(best lag 5, r = -0.55, p = 0.19 after testing 13 lags; q = 0.19 controlling the false discovery rate at 5% across 1 leading KPI)",
    );
  });

  it("writes the forecast of a supported chain in German", () => {
    // Both trend; B's changes follow A's one period later (ChainSection.test.tsx): a supported link with a forecast.
    const { a, b } = trendingSeries();
    const trending = chainsOf([A, B], { A: { values: a }, B: { values: b } });
    const english = trending[0].forecast!.sentence;
    // Whole numbers below 1,000 (B is about 250 to 400): only the percent sign's space differs.
    expect(english).toMatch(/^B forecast from A: \d{3} next period \(80% interval \d{3} to \d{3}\)/);
    render(<ChainSection chains={trending} verdicts={portfolioVerdicts(trending)} locale="de-DE" />);
    expect(screen.getByTestId("forecast-sentence").textContent).toBe(english.replace(/80%/g, `80${NBSP}%`));
  });
});

describe("the strategy map in French", () => {
  it("labels the arrow and its line in the list with a decimal comma", () => {
    const lagging = { ...KPI, id: "REV", name: "Revenue", objective: "Grow", perspective: "Financial" };
    const leading = {
      ...KPI,
      id: "LEADS",
      name: "Qualified leads",
      kind: "leading" as const,
      predicts: "REV",
      objective: "Win customers",
      perspective: "customer",
    };
    const leads = [5, 9, 4, 8, 3, 10, 6, 2, 7, 11, 5, 9, 4, 12, 6, 3, 8, 10];
    const series = { REV: { values: [0, 0, ...leads.slice(0, -2).map((v) => 100 + 10 * v)] }, LEADS: { values: leads } };
    const kpis = [lagging, leading];
    const chains = chainsOf(kpis, series);
    const portfolio = { kpis, summaries: summariesOf(kpis, series), chains, verdicts: portfolioVerdicts(chains) } as unknown as Portfolio;
    const r = chains[0].analysis.best!.r;
    // Revenue is leads two months later, exactly: r is 1 to two decimals.
    expect(r).toBeGreaterThan(0.995);
    render(<StrategyMapSection portfolio={portfolio} locale="fr-FR" />);
    fireEvent.click(screen.getByRole("button", { name: "Show the strategy map" }));
    expect(screen.getByRole("list", { name: "KPIs of Win customers" }).textContent).toContain("; predicts Revenue (lag 2, r = 1,00)");
  });
});

describe("a rate chart's reason in German", () => {
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const next = random(9);
  const visits = Array.from({ length: 36 }, () => Math.round(40_000 + 20_000 * next()));
  const orders = visits.map((v, i) => Math.round(v * (0.031 + 0.003 * Math.sin(i / 1.5) + 0.002 * (next() - 0.5))));
  const conv = { ...KPI, id: "CONV", name: "Conversion", target: 0.031, atRisk: null, atRiskPercent: 5, denominatorRange: "Shop!$B$2:$B$37", ratePer: null };

  it("is the summary's own reason in en-US, and the same with decimal commas in German", () => {
    for (const spcBaseline of [null, 20]) {
      const rate = summariseRate({ ...conv, spcBaseline }, orders, visits);
      const { unmount } = render(
        <ChartWindow chart={rate.spc!} values={rate.spcValues} baseline={rate.spcBaseline} title="Chart of Conversion" target={0.031} rate={rate.rate} />,
      );
      const english = screen.getByTestId("rate-chart").textContent!;
      expect(english).toBe(rate.rate!.reason);
      expect(english).toContain(spcBaseline === null ? "for 35 moving ranges" : "for 19 moving ranges");
      unmount();
      render(
        <ChartWindow
          chart={rate.spc!}
          values={rate.spcValues}
          baseline={rate.spcBaseline}
          title="Chart of Conversion"
          target={0.031}
          rate={rate.rate}
          locale="de-DE"
        />,
      );
      // σz and the threshold have two decimals at most and are below 1,000: a point becomes a comma, nothing else changes.
      expect(screen.getByTestId("rate-chart").textContent).toBe(english.replace(/(\d)\.(\d)/g, "$1,$2"));
      expect(screen.getByTestId("rate-chart").textContent).toMatch(/σz \d+,\d+, above 1,\d+ for/);
      cleanup();
    }
  });
});

describe("a KPI's closes in German and French", () => {
  const close: ReportedEntry = {
    when: "2026-01-05T09:30:00Z",
    who: "Ana Lima",
    event: "Closed",
    kpi: "REV",
    closedPeriod: "2025-12",
    period: 12,
    periodDate: "2025-12-01",
    value: 12345.678,
    target: 12000,
    status: "On track",
    statusBasis: "KPI_STATUS",
    variance: 345.678,
    variancePercent: 0.0288,
    note: "",
    reason: "",
    valueCell: "Data!B13",
  };
  const restated = {
    kpi: "REV",
    period: 12,
    closedPeriod: "2025-12",
    field: "value" as const,
    reported: 12345.678,
    current: 12400.5,
    closedOn: close.when,
    closedBy: "Ana Lima",
    text: "restated: 12,345.678 → 12,400.500 since close",
  };
  const show = (locale?: string) =>
    render(<ClosesHistory name="Revenue" reported={[close]} restatements={[restated]} labelOf={(p) => `period ${p}`} locale={locale} />);

  it("keeps en-US as it was", () => {
    show();
    expect(screen.getByRole("table", { name: "Closes of Revenue" }).textContent).toContain("Closed 2025-12: reported 12,345.68 against 12,000 (On track)");
    expect(screen.getByRole("list", { name: "Restated since close: Revenue" }).textContent).toBe("period 12: restated: 12,345.678 → 12,400.500 since close");
  });

  it("writes German figures with points between thousands and a decimal comma", () => {
    show("de-DE");
    expect(screen.getByRole("table", { name: "Closes of Revenue" }).textContent).toContain("Closed 2025-12: reported 12.345,68 against 12.000 (On track)");
    expect(screen.getByRole("list", { name: "Restated since close: Revenue" }).textContent).toBe("period 12: restated: 12.345,678 → 12.400,500 since close");
  });

  it("writes French figures with narrow no-break spaces between thousands", () => {
    show("fr-FR");
    expect(screen.getByRole("table", { name: "Closes of Revenue" }).textContent).toContain(
      `Closed 2025-12: reported 12${NARROW}345,68 against 12${NARROW}000 (On track)`,
    );
    expect(screen.getByRole("list", { name: "Restated since close: Revenue" }).textContent).toBe(
      `period 12: restated: 12${NARROW}345,678 → 12${NARROW}400,500 since close`,
    );
  });
});

describe("the segments' funnel, a trend's text and the execution rate in German", () => {
  const conversion: KpiDefinition = { ...KPI, ...CASE_CONVERSION };
  const data = CASE_DATA;
  const totals = segmentTotals(conversion, data);

  it("writes the funnel's limits as German percentages, and each segment's trend in German", () => {
    const summary = summaryOf(conversion, { values: totals.values, denominators: totals.denominators, targets: null, segments: data });
    render(<SegmentsDetail kpi={conversion} summary={summary} segments={data} locale="de-DE" />);
    // The same regions as in en-US (SegmentsDetail.test.tsx: "beyond the 99.8% limits", "beyond 95% only").
    expect(screen.getByTestId("funnel-verdict").textContent).toBe(
      `East, West really differ (beyond the 99,8${NBSP}% limits); North may (beyond 95${NBSP}% only).`,
    );
    for (const p of screen.getAllByTestId("funnel-point")) expect(p.textContent).toContain(` · 99,8${NBSP}% limits 0,`);
    const trend = within(screen.getByRole("list", { name: "Conversion by region by segment, worst first" }))
      .getAllByRole("img")[0]
      .getAttribute("aria-label")!;
    // Conversion rates (about 0.025): four significant digits (0,02432) with a decimal comma.
    expect(trend).toMatch(/: 12 periods from 0,0\d{4} to 0,0\d{4}, target 0,0\d*$/);
  });

  it("gives the text alternative of a trend in the card's own format", () => {
    render(<Sparkline values={[1234.5, 1300.25, null, 1299]} target={1250} label="Trend of Revenue" format={(n) => formatNumber(n, "fr-FR", 3)} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(`Trend of Revenue: 3 periods from 1${NARROW}234,5 to 1${NARROW}299, target 1${NARROW}250`);
  });

  it("writes an owner's execution rate as a German percentage", () => {
    const action = (status: "open" | "done", doneOn: string): Action => ({
      fired: "2025-12-01",
      kpi: "REV",
      period: 12,
      rule: "off track",
      response: "",
      owner: "Ana Lima",
      due: "2025-12-15",
      status,
      note: "",
      doneOn,
    });
    const actions = [action("done", "2025-12-10"), action("done", "2025-12-20"), action("open", "")];
    const show = (locale: string) =>
      render(<ActionsSection actions={actions} kpis={[]} today="2025-12-31" busy={false} labelOf={() => ""} onDone={() => {}} locale={locale} />);
    show("en-US");
    // Fired 3, done on time 1, open 1 (overdue), and one of three done by its due date: 33%.
    expect(within(screen.getByRole("table", { name: "Execution rate by owner" })).getAllByRole("row")[1].textContent).toBe("Ana Lima311 (1 overdue)33%");
    cleanup();
    show("de-DE");
    expect(within(screen.getByRole("table", { name: "Execution rate by owner" })).getAllByRole("row")[1].textContent).toBe(`Ana Lima311 (1 overdue)33${NBSP}%`);
  });
});
