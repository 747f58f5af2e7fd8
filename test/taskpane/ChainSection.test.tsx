/**
 * @jest-environment jsdom
 *
 * The chain section as the walk found it: "Check the chain" had no button, a lag poking through
 * its 5% line got no word, and the verdicts did not say they control the false discovery rate.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { chainsOf } from "../../src/core/model/portfolio";
import { boundSentence } from "../../src/core/review/correlogram";
import { levelsCaveat } from "../../src/core/model/outcomeForecast";
import { portfolioVerdicts } from "../../src/core/review/fdr";
import { ChainSection } from "../../src/taskpane/components/ChainSection";
import { KPI } from "./fakeWorkbook";
import { chainPair, trendingSeries, unrelatedSeries } from "../support/chainSeries";

const [A, B] = chainPair(KPI);

describe("the chain section", () => {
  const chains = chainsOf([A, B], unrelatedSeries());
  const verdicts = portfolioVerdicts(chains);

  it("explains a lag beyond its 5% line under a no-evidence verdict, and names the false discovery rate control", () => {
    render(<ChainSection chains={chains} verdicts={verdicts} />);
    expect(screen.getByTestId("bound-sentence").textContent).toBe(boundSentence(chains[0].analysis));
    expect(screen.getByTestId("bound-sentence").textContent).toMatch(/^Lag 5 crosses the dashed 5% line/);
    expect(screen.getByTestId("chain-sentence").textContent).toBe(verdicts.verdicts[0].sentence);
    expect(screen.getByTestId("chain-summary").textContent).toBe(`0 of 1 chain supported by the data, ${verdicts.clause}.`);
  });

  it("has the Check the chain button the README names", () => {
    const onCheck = jest.fn();
    render(<ChainSection chains={chains} verdicts={verdicts} onCheck={onCheck} />);
    fireEvent.click(screen.getByRole("button", { name: "Check the chain" }));
    expect(onCheck).toHaveBeenCalledTimes(1);
  });

  it("says when the forecast regresses levels under a link found on period-over-period changes (the walk's finding), and only then", () => {
    // Both trend, so the chain differences them; B's changes follow A's one period later: a supported link on changes.
    const { a, b } = trendingSeries();
    const trending = chainsOf([A, B], { A: { values: a }, B: { values: b } });
    expect([trending[0].analysis.differenced, trending[0].analysis.supported, trending[0].forecast !== null]).toEqual([true, true, true]);
    const { unmount } = render(<ChainSection chains={trending} verdicts={portfolioVerdicts(trending)} />);
    expect(screen.getByTestId("forecast-levels").textContent).toBe(levelsCaveat("A", "B"));
    unmount();
    // The same link without the trends: found on the levels themselves, nothing to add.
    const flat = chainsOf([A, B], { A: { values: a.map((v, t) => v - 2 * t) }, B: { values: b.map((v, t) => (v === null ? null : v - 4 * t)) } });
    expect([flat[0].analysis.differenced, flat[0].analysis.supported]).toEqual([false, true]);
    render(<ChainSection chains={flat} verdicts={portfolioVerdicts(flat)} />);
    expect(screen.getByTestId("forecast-sentence")).toBeTruthy();
    expect(screen.queryByTestId("forecast-levels")).toBeNull();
  });

  it("draws many chains a few at a time, in order, until every chain has its card", async () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ ...chains[0], leading: { ...chains[0].leading, id: `L${i}`, name: `Leading ${i}` } }));
    render(<ChainSection chains={many} />);
    const drawn = () => screen.queryAllByLabelText(/^Chain Leading \d+ to /).map((c) => c.getAttribute("aria-label"));
    const all = many.map((c) => `Chain ${c.leading.name} to ${c.lagging.name}`);
    expect(drawn().length).toBeLessThan(many.length);
    expect(drawn()).toEqual(all.slice(0, drawn().length));
    await waitFor(() => expect(drawn()).toEqual(all));
  });
});
