/**
 * Entry of the task pane in the shared runtime: once Office is ready, the pane renders against
 * the real Excel through Excel.run.
 */
import { ExcelKpiWorkbook } from "../workbook/kpiWorkbook";
import { officeExcelRun } from "../workbook/excelRun";
import { App } from "./App";
import { mount } from "./mount";
import { registerOfficeActions } from "./officeActions";

void Office.onReady(() => {
  // The cell menu's Tag as KPI… and the keyboard shortcuts run in this runtime, pane open or not.
  registerOfficeActions(Office as unknown as Parameters<typeof registerOfficeActions>[0]);
  const container = document.getElementById("root");
  if (!container) return;
  const workbook = new ExcelKpiWorkbook(officeExcelRun());
  mount(container, <App workbook={workbook} />);
});
