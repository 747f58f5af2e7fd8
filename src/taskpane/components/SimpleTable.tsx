/** A small, labelled table of text (the pane's reports: history, execution rates, KPIs added and retired). */
import { ReactNode } from "react";

/**
 * `fit`: the table takes the pane's width and wraps its cells, so many columns fit a 320 px pane.
 */
export function SimpleTable({
  label,
  headers,
  rows,
  fit = false,
}: {
  label: string;
  headers: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  fit?: boolean;
}) {
  const fitted = fit ? { width: "100%", tableLayout: "fixed" as const, overflowWrap: "anywhere" as const } : {};
  return (
    <table aria-label={label} style={{ borderCollapse: "collapse", fontSize: 12, ...fitted }}>
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
