/** A small, labelled table of text (the pane's reports: history, execution rates, KPIs added and retired). */
import { ReactNode } from "react";

/** Out of sight but read by screen readers: a chart's figures beside it (the svg is one image to them). */
const VISUALLY_HIDDEN = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" } as const;

/**
 * `fit`: the table takes the pane's width and wraps its cells, so many columns fit a 320 px pane.
 * `hidden`: for screen readers only (VISUALLY_HIDDEN).
 */
export function SimpleTable({
  label,
  headers,
  rows,
  fit = false,
  hidden = false,
}: {
  label: string;
  headers: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  fit?: boolean;
  hidden?: boolean;
}) {
  const fitted = fit ? { width: "100%", tableLayout: "fixed" as const, overflowWrap: "anywhere" as const } : {};
  return (
    <table aria-label={label} style={{ borderCollapse: "collapse", fontSize: 12, ...fitted, ...(hidden ? VISUALLY_HIDDEN : {}) }}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col" style={{ textAlign: "left", paddingRight: 8 }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j} style={{ paddingRight: 8, verticalAlign: "top" }}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
