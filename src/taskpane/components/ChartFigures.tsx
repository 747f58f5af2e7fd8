/**
 * A chart's figures as a table, shown when asked for. The svg is one image to a screen reader
 * (its label says the points, centre and limits); the figures point by point are a button away,
 * for anyone who wants them. Drawn on demand: a hidden table of every point in each card was
 * two thirds of a card's elements (150 of 235), and 300 cards' worth made each of the pane's
 * commits long in Chromium (issue 25).
 */
import { Button } from "@fluentui/react-components";
import { ReactNode, useState } from "react";
import { SimpleTable } from "./SimpleTable";

export function ChartFigures({ label, headers, rows }: { label: string; headers: readonly string[]; rows: () => readonly (readonly ReactNode[])[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button size="small" appearance="subtle" aria-expanded={open} aria-label={`Table of ${label}`} onClick={() => setOpen(!open)}>
        Table
      </Button>
      {open && <SimpleTable label={label} headers={headers} rows={rows()} fit />}
    </div>
  );
}
