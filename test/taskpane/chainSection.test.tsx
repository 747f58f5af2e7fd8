/**
 * @jest-environment jsdom
 *
 * The chain section as the walk found it: "Check the chain" had no button, a lag poking through
 * its 5% line got no word, and the verdicts did not say they control the false discovery rate.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { KpiDefinition } from "../../src/core/model/kpi";
import { chainsOf } from "../../src/core/model/portfolio";
import { boundSentence } from "../../src/core/review/correlogram";
import { portfolioVerdicts } from "../../src/core/review/fdr";
import { ChainSection } from "../../src/taskpane/components/ChainSection";
import { KPI } from "./fakeWorkbook";

function noise(seed: number, n: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647 - 0.5;
  });
}

const A: KpiDefinition = { ...KPI, id: "A", name: "A", kind: "leading", predicts: "B" };
const B: KpiDefinition = { ...KPI, id: "B", name: "B" };

describe("the chain section", () => {
  const stream = noise(2, 48);
  const chains = chainsOf([A, B], { A: { values: stream.slice(0, 24) }, B: { values: stream.slice(24) } });
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
});
