/**
 * The workbench: the real task pane and the real workbook code, running against the in-memory
 * Excel with a sample workbook, beside a grid that shows what Excel would show. Tests drive it
 * through window.workbench.
 */
import "./customFunctionsRuntime";
import { createRoot } from "react-dom/client";
import { useEffect, useState } from "react";
import { App } from "../taskpane/App";
import { ExcelKpiWorkbook } from "../workbook/kpiWorkbook";
import { runWith } from "./excel/api";
import { kpiFunctions } from "./customFunctions";
import { setExcelRun } from "../functions/argumentCells";
import { sampleWorkbook } from "./sampleWorkbook";
import { installWorkbenchApi } from "./workbenchApi";
import { Grid } from "./Grid";

const params = new URLSearchParams(location.search);
const model = sampleWorkbook();
model.functions = kpiFunctions();
// ?host=desktop: blank cells reach functions as 0, as in Excel for Windows and Mac.
model.host = params.get("host") === "desktop" ? "desktop" : "web";
setExcelRun(runWith(model));
const workbook = new ExcelKpiWorkbook(runWith(model));
const dark = params.get("theme") === "dark";
const paneWidth = Number(params.get("pane") ?? 320);

function Workbench() {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const offChange = model.onChange(bump);
    const offSelection = model.onSelection(bump);
    const offCalculated = model.onCalculated(bump);
    const timer = setInterval(bump, 1000);
    return () => {
      offChange();
      offSelection();
      offCalculated();
      clearInterval(timer);
    };
  }, []);
  return (
    <div className={`workbench ${dark ? "dark" : ""}`}>
      <section className="sheet" aria-label="Workbook">
        <Grid model={model} version={version} />
      </section>
      <div className="pane" style={{ width: paneWidth }}>
        <App workbook={workbook} dark={dark} />
      </div>
    </div>
  );
}

installWorkbenchApi(model);
const root = document.getElementById("root");
if (root) createRoot(root).render(<Workbench />);
