/** The KPI Reported table as a close leaves it in the in-memory Excel, read back for tests. */
import { WorkbookModel } from "../../src/workbench/excel/model";
import { snapshot } from "../../src/workbench/snapshot";

/** Its header, as a user reads it, before any close adds the forecast columns (issue 22, item 4). */
export const REPORTED_HEADER = [
  "When",
  "Who",
  "Event",
  "KPI",
  "Closed period",
  "Period",
  "Period date",
  "Reported value",
  "Target",
  "Status",
  "Status basis",
  "Variance",
  "Variance %",
  "Note",
  "Reason",
  "Value cell",
];

/** The sheet's values, the header first. */
export function reportedValues(model: WorkbookModel): unknown[][] {
  return snapshot(model).sheets.find((x) => x.name === "KPI Reported")!.values;
}

/** The rows below the header, as objects by header. */
export function reportedRows(model: WorkbookModel): Record<string, unknown>[] {
  const [header, ...rows] = reportedValues(model);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
