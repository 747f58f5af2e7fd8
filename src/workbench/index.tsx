/**
 * The workbench: the real task pane and the real workbook code, running against the in-memory
 * Excel with a sample workbook, beside a grid that shows what Excel would show. Tests drive it
 * through window.workbench.
 */
import "./customFunctionsRuntime";
import { useEffect, useState } from "react";
import { App } from "../taskpane/App";
import { mount } from "../taskpane/mount";
import { ExcelKpiWorkbook } from "../workbook/kpiWorkbook";
import { runWith } from "./excel/api";
import { kpiFunctions } from "./customFunctions";
import { setExcelRun } from "../functions/argumentCells";
import { sampleWorkbook } from "./sampleWorkbook";
import { portfolioWorkbook, tagPortfolio } from "./portfolio300";
import { installWorkbenchApi } from "./workbenchApi";
import { Grid } from "./Grid";

const params = new URLSearchParams(location.search);
// ?sample=kpis300: the 300 tagged KPIs of portfolio300.ts (npm run bench -- --only pane-300-browser).
const portfolio = params.get("sample") === "kpis300";
const model = portfolio ? portfolioWorkbook() : sampleWorkbook();
model.functions = kpiFunctions();
// ?host=desktop: blank cells reach functions as 0, as in Excel for Windows and Mac.
model.host = params.get("host") === "desktop" ? "desktop" : "web";
setExcelRun(runWith(model));
const workbook = new ExcelKpiWorkbook(runWith(model));
const dark = params.get("theme") === "dark";
const paneWidth = Number(params.get("pane") ?? 320);
// ?grid=off: the pane alone, so that the page's work is the add-in's (the grid is the workbench's, not Excel's).
const grid = params.get("grid") !== "off";
// ?latency=task: each round trip's Excel side runs in a task of its own, its times kept (window.workbench.roundTrips).
const roundTrips: [number, number][] = [];
if (params.get("latency") === "task") {
  const hop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  let began = 0;
  model.beforeSync = async () => {
    await hop();
    began = performance.now();
  };
  model.afterSync = async () => {
    roundTrips.push([began, performance.now()]);
    await hop();
  };
}

/**
 * The grid, drawn again on each change and each second (volatile and async answers). It holds its
 * own clock so that nothing outside the pane renders the pane again: in Excel nothing does, and a
 * pane drawn again each second (300 KPIs: a 50-130 ms task a second) would be the workbench's cost
 * counted as the add-in's.
 */
function LiveGrid() {
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
  return <Grid model={model} version={version} />;
}

function Workbench() {
  return (
    <div className={`workbench ${dark ? "dark" : ""}`}>
      <section className="sheet" aria-label="Workbook">
        {grid && <LiveGrid />}
      </section>
      <div className="pane" style={{ width: paneWidth }}>
        <App workbook={workbook} dark={dark} />
      </div>
    </div>
  );
}

async function open(): Promise<void> {
  if (portfolio) await tagPortfolio(new ExcelKpiWorkbook(runWith(model)));
  roundTrips.length = 0;
  // Where the pane's own work begins (the bench reads long tasks from here).
  performance.mark("kpi-lens:pane");
  installWorkbenchApi(model, roundTrips);
  const root = document.getElementById("root");
  if (root) mount(root, <Workbench />);
}

void open();
