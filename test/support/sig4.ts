/** A figure as the pane's card writes a rate (KpiList.tsx, ChartWindow.tsx): four significant digits, en-US. */
export const sig4 = (v: number) => v.toLocaleString("en-US", { maximumSignificantDigits: 4 });
