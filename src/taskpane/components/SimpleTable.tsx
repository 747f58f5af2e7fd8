/** A small, labelled table of text (the pane's reports: history, execution rates, KPIs added and retired). */
import { ReactNode } from "react";

export function SimpleTable({ label, headers, rows }: { label: string; headers: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <table aria-label={label} style={{ borderCollapse: "collapse", fontSize: 12 }}>
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
