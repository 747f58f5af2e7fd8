/**
 * The points a chart draws in `root`: ChartPoints (src/taskpane/components/ChartPoints.tsx)
 * draws each as one zero-length subpath of a path, so a point is one "M" of a path's data.
 */
export function pointsDrawn(root: ParentNode): number {
  return [...root.querySelectorAll("[data-chart-points] path")].reduce((n, path) => n + (path.getAttribute("d") ?? "").split("M").length - 1, 0);
}

/** The stroke colours of the points drawn, one entry per point, in the order they are drawn within each colour. */
export function pointColours(root: ParentNode): string[] {
  return [...root.querySelectorAll("[data-chart-points] path")].flatMap((path) =>
    Array.from({ length: (path.getAttribute("d") ?? "").split("M").length - 1 }, () => path.getAttribute("stroke") ?? ""),
  );
}
