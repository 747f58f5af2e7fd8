/**
 * Stand-ins for what jsdom lacks and Fluent UI calls. jsdom has no layout: Fluent's MessageBar
 * watches its own width with a ResizeObserver to reflow its actions, and a field scrolls itself
 * into view. These never report and never move, so a bar keeps its single-line layout.
 */

export function standInResizeObserver(): void {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

export function standInScrollIntoView(): void {
  Element.prototype.scrollIntoView ??= function () {};
}
