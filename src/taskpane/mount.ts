/**
 * The pane's first render, as a transition. A render that no event asked for runs in one task
 * unless it is a transition ("for updates originating outside of such events … startTransition",
 * React's Dan Abramov, facebook/react#21662); the pane's first render (its sections, the form,
 * Fluent's styles inserted) took 58-66 ms in one task in Chromium (issue 25), and as a transition
 * React renders it in slices of about 5 ms and yields to the browser between them.
 */
import { ReactNode, startTransition } from "react";
import { createRoot } from "react-dom/client";

export function mount(container: Element, element: ReactNode): void {
  const root = createRoot(container);
  startTransition(() => root.render(element));
}
