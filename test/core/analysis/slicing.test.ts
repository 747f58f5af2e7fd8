/**
 * Handing the thread back (core/analysis/slicing.ts handBack): between a write's planning and its
 * queuing the add-in gives the event loop a turn, so that a task waiting meanwhile (a click, a
 * custom function's slice) runs between the two stretches; with the slice budget at Infinity (the
 * caller owns the thread, as the unit tests' reference runs do) it goes on at once.
 */
import { currentSliceBudget, handBack, setSliceBudget, SLICE_MS, watchSlices } from "../../../src/core/analysis/slicing";

describe("handing the thread back", () => {
  const budget = currentSliceBudget();
  afterEach(() => {
    setSliceBudget(budget);
    watchSlices(null);
  });

  it("lets a task already waiting run before it goes on, and tells the watcher", async () => {
    setSliceBudget(SLICE_MS);
    const order: string[] = [];
    watchSlices({ start: () => undefined, end: () => undefined, yielded: () => order.push("yielded"), resumed: () => order.push("resumed") });
    setImmediate(() => order.push("waiting task"));
    await handBack();
    order.push("went on");
    expect(order).toEqual(["yielded", "waiting task", "resumed", "went on"]);
  });

  it("goes on at once, before any waiting task, when the caller owns the thread", async () => {
    setSliceBudget(Infinity);
    const order: string[] = [];
    setImmediate(() => order.push("waiting task"));
    await handBack();
    order.push("went on");
    expect(order).toEqual(["went on"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(["went on", "waiting task"]);
  });
});
