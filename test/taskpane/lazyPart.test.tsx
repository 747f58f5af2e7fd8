/**
 * @jest-environment jsdom
 */
import { act, render, screen } from "@testing-library/react";
import { useState } from "react";
import { LazyPart, lazyNamed, useOpenedOnce } from "../../src/taskpane/lazyPart";

/** A module whose load the test settles by hand. */
function deferredModule() {
  let settle!: { resolve(m: { Part: () => React.JSX.Element }): void; reject(e: Error): void };
  const promise = new Promise<{ Part: () => React.JSX.Element }>((resolve, reject) => (settle = { resolve, reject }));
  return { load: () => promise, settle };
}

describe("LazyPart", () => {
  it("shows its spinner's words while the chunk loads, then the part", async () => {
    const { load, settle } = deferredModule();
    const Part = lazyNamed(load, "Part");
    render(
      <LazyPart loading="Loading the chain…">
        <Part />
      </LazyPart>,
    );
    expect(screen.getByText("Loading the chain…")).toBeTruthy();
    await act(async () => settle.resolve({ Part: () => <p>the chain</p> }));
    expect(await screen.findByText("the chain")).toBeTruthy();
    expect(screen.queryByText("Loading the chain…")).toBeNull();
  });

  it("says in its place that a chunk could not be loaded, and leaves the rest of the pane", async () => {
    const { load, settle } = deferredModule();
    const Part = lazyNamed(load, "Part");
    const quiet = jest.spyOn(console, "error").mockImplementation(() => {});
    render(
      <main>
        <p>the rest</p>
        <LazyPart>
          <Part />
        </LazyPart>
      </main>,
    );
    await act(async () => settle.reject(new Error("Loading chunk 7 failed")));
    expect((await screen.findByRole("alert")).textContent).toContain("Loading chunk 7 failed");
    expect(screen.getByText("the rest")).toBeTruthy();
    quiet.mockRestore();
  });
});

describe("useOpenedOnce", () => {
  function Probe() {
    const [open, setOpen] = useState(false);
    const mounted = useOpenedOnce(open);
    return (
      <button onClick={() => setOpen(!open)}>
        {String(open)} {String(mounted)}
      </button>
    );
  }

  it("is false until the first open and true from then on, closed or not", () => {
    render(<Probe />);
    const button = screen.getByRole("button");
    expect(button.textContent).toBe("false false");
    act(() => button.click());
    expect(button.textContent).toBe("true true");
    act(() => button.click());
    expect(button.textContent).toBe("false true");
  });
});
