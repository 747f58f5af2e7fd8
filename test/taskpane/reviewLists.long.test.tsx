/**
 * @jest-environment jsdom
 */
/**
 * The month end's two lists of KPIs on 300 KPIs: Due this close (a line each, in the review
 * order) and Close a period's "still unreviewed" (a line each). Each is drawn a screenful first and
 * the rest a chunk a task (useRevealed.ts), in the core's order (review/due.ts, model/closeView.ts),
 * and the counts beside them say all 300 from the start.
 */
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { closeStateOf } from "../../src/core/model/closeView";
import { dueThisClose } from "../../src/core/review/due";
import { CloseSection } from "../../src/taskpane/components/CloseSection";
import { DueSection } from "../../src/taskpane/components/DueSection";
import { REVEAL_CHUNK } from "../../src/taskpane/useRevealed";
import { kpiDefinition } from "../support/kpiDefinition";

afterEach(cleanup);

const COUNT = 300;
// Monthly KPIs, none reviewed: all due at the close of 2025-12, a third with an owner named.
const kpis = Array.from({ length: COUNT }, (_, i) =>
  kpiDefinition({
    id: `K${i}`,
    name: `KPI ${String(i).padStart(3, "0")}`,
    owner: i % 3 ? "" : "Dana",
    cadence: "monthly",
    lastReviewed: "",
    firstPeriod: "2025-01",
  }),
);

describe("the month end's lists of 300 KPIs", () => {
  it("Due this close draws the first lines at once and the rest a chunk a task, in the review order", async () => {
    const review = dueThisClose(kpis, "2025-12-31");
    expect(review.states).toHaveLength(COUNT);
    render(<DueSection review={review} busy={false} onStart={() => {}} />);
    const list = screen.getByRole("list", { name: `Reviews at the close of ${review.close}` });
    // By selector, not by role: a role query over 300 items asks each element's style.
    const names = () => [...list.querySelectorAll("li")].map((li) => li.textContent!.match(/KPI \d{3}/)![0]);
    expect(names()).toEqual(review.states.slice(0, REVEAL_CHUNK).map((s) => s.name));
    expect(screen.getByRole("button", { name: `Review the ${review.queue.length} due KPIs` })).toBeTruthy();
    await waitFor(() => expect(names().length).toBe(COUNT), { timeout: 10_000 });
    expect(names()).toEqual(review.states.map((s) => s.name));
    expect(list.querySelectorAll("li")[COUNT - 1].textContent).toMatch(/^(Overdue|Due)KPI \d{3}: (due|overdue)/);
  });

  it("Close a period's unreviewed KPIs come a chunk a task, the count of all 300 at once", async () => {
    const state = closeStateOf("2025-12", kpis, []);
    expect(state.unreviewed).toHaveLength(COUNT);
    render(<CloseSection kpis={kpis} reported={[]} initial="2025-12" busy={false} onClose={() => {}} onReopen={() => {}} />);
    expect(screen.getByText(`Still unreviewed at this close (${COUNT}):`)).toBeTruthy();
    const list = document.querySelector<HTMLElement>('[aria-labelledby="close-unreviewed"]')!;
    const names = () => [...list.querySelectorAll("li")].map((li) => li.textContent!.split(" (")[0]);
    expect(names()).toEqual(state.unreviewed.slice(0, REVEAL_CHUNK).map((s) => s.name));
    await waitFor(() => expect(names().length).toBe(COUNT), { timeout: 10_000 });
    expect(names()).toEqual(state.unreviewed.map((s) => s.name));
  });
});
