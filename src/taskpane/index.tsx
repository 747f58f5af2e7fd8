/**
 * Entry of the task pane in the shared runtime: once Office is ready, the pane renders against
 * the real Excel through Excel.run.
 */
import { createRoot } from "react-dom/client";
import { ExcelKpiWorkbook } from "../workbook/kpiWorkbook";
import { officeExcelRun } from "../workbook/excelRun";
import { App } from "./App";

void Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const workbook = new ExcelKpiWorkbook(officeExcelRun());
  createRoot(container).render(<App workbook={workbook} />);
});
