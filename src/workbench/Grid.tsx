/**
 * The workbench's sheet view: sheet tabs, a name box and formula bar to edit a cell, and a grid
 * that shows values and the fills conditional formats give them. Dragging selects a range.
 */
import { useEffect, useRef, useState } from "react";
import { areaName, columnLetters, MAX_COLUMNS as MAX_COLUMNS_OF_SHEET, MAX_ROWS as MAX_ROWS_OF_SHEET, qualified } from "../core/excel/a1";
import { FormulaErrorValue } from "./excel/formula";
import { WorkbookModel } from "./excel/model";

// The grid draws every used row and column (the sample's Budget row runs to AK), a few more to
// type into, and stops at these so a stray far-away cell does not draw a million empty ones.
const MAX_ROWS = 600;
const MAX_COLS = 260;

/** Where an arrow key moves the active cell. */
const STEP: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function Grid({ model, version }: { model: WorkbookModel; version: number }) {
  const [sheetId, setSheetId] = useState(model.selection?.sheetId ?? model.sheets[0]?.id);
  const keys = useSelecting(model);
  const sheet = model.sheets.find((s) => s.id === sheetId) ?? model.sheets[0];
  const selection = model.selection?.sheetId === sheet?.id ? model.selection.area : null;

  // Follow the selection to another sheet when it moves there (the pane's Select range), but
  // leave alone a tab the user picked.
  const followed = useRef(model.selection);
  useEffect(() => {
    if (model.selection && model.selection !== followed.current && model.selection.sheetId !== sheetId) setSheetId(model.selection.sheetId);
    followed.current = model.selection;
  }, [version, model, sheetId]);

  /** Like clicking a sheet tab in Excel: that sheet becomes active with its top-left cell selected. */
  const openSheet = (id: string) => {
    const target = model.sheets.find((s) => s.id === id);
    if (!target) return;
    setSheetId(id);
    model.select(target, { row: 0, col: 0, rowCount: 1, colCount: 1 });
  };

  if (!sheet) return null;
  const used = model.usedArea(sheet);
  const rows = Math.min(MAX_ROWS, Math.max(40, used ? used.row + used.rowCount + 5 : 0));
  const cols = Math.min(MAX_COLS, Math.max(10, used ? used.col + used.colCount + 2 : 0));

  const select = (row: number, col: number, extend: boolean) => keys.select(sheet, row, col, extend);
  const onGridKey = (e: { key: string; shiftKey: boolean; preventDefault(): void }) => keys.onKey(sheet, selection, rows, cols, e);

  return (
    <div className="grid-wrap">
      <div className="tabs" role="tablist" aria-label="Sheets">
        {model.sheets.map((s) => (
          <button key={s.id} role="tab" aria-selected={s.id === sheet.id} onClick={() => openSheet(s.id)}>
            {s.name}
            {s.protected ? " (protected)" : ""}
          </button>
        ))}
      </div>
      <FormulaBar model={model} sheet={sheet} selection={selection} />
      <div className="grid-scroll" tabIndex={0} role="region" aria-label={`Cells of ${sheet.name}`} onKeyDown={onGridKey}>
        <Cells model={model} sheet={sheet} rows={rows} cols={cols} selection={selection} select={select} />
      </div>
      <SheetCharts model={model} sheetId={sheet.id} />
    </div>
  );
}

type Sheet = WorkbookModel["sheets"][number];
type Area = { row: number; col: number; rowCount: number; colCount: number };

/**
 * The name box and the formula bar: Enter writes what was typed into the selected cell. What the
 * user is typing stays while a recalculation (an asynchronous answer landing) shows new values,
 * as in Excel's formula bar; selecting another cell or Escape drops it.
 */
function FormulaBar({ model, sheet, selection }: { model: WorkbookModel; sheet: Sheet; selection: Area | null }) {
  const [typing, setTyping] = useState<{ cell: string; text: string } | null>(null);
  const cell = selection ? `${sheet.id}!${selection.row},${selection.col}` : "";
  useEffect(() => setTyping(null), [cell]);
  const text = typing?.cell === cell ? typing.text : selection ? String(model.formulaAt(sheet, selection.row, selection.col)) : "";

  const commit = () => {
    setTyping(null);
    if (!selection) return;
    try {
      model.writeValue(sheet, selection.row, selection.col, text === "" ? null : text);
      model.emitChange({
        type: "WorksheetChanged",
        worksheetId: sheet.id,
        address: qualified(sheet.name, { ...selection, rowCount: 1, colCount: 1 }),
        changeType: "RangeEdited",
        source: "Local",
      });
    } catch (e) {
      alert(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="formula-bar">
      <input aria-label="Name box" readOnly value={selection ? areaName(selection) : ""} />
      <input
        aria-label="Formula bar"
        value={text}
        onChange={(e) => setTyping({ cell, text: e.target.value })}
        onKeyDown={(e) => (e.key === "Enter" ? commit() : e.key === "Escape" && setTyping(null))}
        placeholder="Select a cell, type a value or =formula, press Enter"
      />
    </div>
  );
}

/**
 * Selecting as in Excel: a click selects a cell, Shift+click or a drag extends from the anchor;
 * the arrow keys move the selection and Shift+arrow extends it from its anchor to the cell moved to.
 */
function useSelecting(model: WorkbookModel) {
  const [anchor, setAnchor] = useState<{ row: number; col: number } | null>(null);
  // The cell a Shift+arrow extends to (Excel's active end of the selection).
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  const area = (from: { row: number; col: number }, row: number, col: number) => ({
    row: Math.min(from.row, row),
    col: Math.min(from.col, col),
    rowCount: Math.abs(row - from.row) + 1,
    colCount: Math.abs(col - from.col) + 1,
  });
  const select = (sheet: Sheet, row: number, col: number, extend: boolean) => {
    const from = extend && anchor ? anchor : { row, col };
    if (!extend) setAnchor({ row, col });
    setActive({ row, col });
    model.select(sheet, area(from, row, col));
  };
  const onKey = (sheet: Sheet, selection: Area | null, rows: number, cols: number, e: { key: string; shiftKey: boolean; preventDefault(): void }) => {
    const step = STEP[e.key];
    if (!step) return;
    e.preventDefault();
    const at = active ?? (selection ? { row: selection.row, col: selection.col } : { row: 0, col: 0 });
    const row = Math.max(0, Math.min(rows - 1, at.row + step[0]));
    const col = Math.max(0, Math.min(cols - 1, at.col + step[1]));
    const from = e.shiftKey ? (anchor ?? at) : { row, col };
    setAnchor(from);
    setActive({ row, col });
    model.select(sheet, area(from, row, col));
    document.querySelector(`[data-address="${areaName({ row, col, rowCount: 1, colCount: 1 })}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  };
  return { select, onKey };
}

/** The cells: headers that select a whole column or row, values with the fills their formats give. */
function Cells({
  model,
  sheet,
  rows,
  cols,
  selection,
  select,
}: {
  model: WorkbookModel;
  sheet: Sheet;
  rows: number;
  cols: number;
  selection: Area | null;
  select(row: number, col: number, extend: boolean): void;
}) {
  return (
    <table className="grid" aria-label={`Sheet ${sheet.name}`}>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Row</span>
          </th>
          {Array.from({ length: cols }, (_, c) => (
            <th
              key={c}
              scope="col"
              onMouseDown={() => model.select(sheet, { row: 0, col: c, rowCount: MAX_ROWS_OF_SHEET, colCount: 1 })}
              title={`Select column ${columnLetters(c)}`}
            >
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th scope="row" onMouseDown={() => model.select(sheet, { row: r, col: 0, rowCount: 1, colCount: MAX_COLUMNS_OF_SHEET })}>
              {r + 1}
            </th>
            {Array.from({ length: cols }, (_, c) => {
              const v = model.valueAt(sheet, r, c);
              const look = model.displayedFormat(sheet, r, c);
              const inSelection =
                selection && r >= selection.row && r < selection.row + selection.rowCount && c >= selection.col && c < selection.col + selection.colCount;
              const text = v instanceof FormulaErrorValue ? v.code : typeof v === "number" ? formatNumber(v) : String(v);
              return (
                <td
                  key={c}
                  data-address={areaName({ row: r, col: c, rowCount: 1, colCount: 1 })}
                  className={`${inSelection ? "selected" : ""} ${typeof v === "number" ? "num" : ""}`}
                  // A filled cell keeps Excel's automatic (black) font in any theme, so it stays readable.
                  style={{ background: look.fill ?? undefined, color: look.fontColor ?? (look.fill ? "#000000" : undefined) }}
                  title={v instanceof FormulaErrorValue ? (v.message ?? errorMeaning(v.code)) : undefined}
                  onMouseDown={(e) => select(r, c, e.shiftKey)}
                  onMouseEnter={(e) => e.buttons === 1 && select(r, c, true)}
                >
                  {text}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The sheet's charts, drawn as simple line charts of their data (Excel floats them over the
 * cells named beside each title). The workbench shows that they are real charts over live data,
 * not pictures: edit a value and the line moves.
 */
function SheetCharts({ model, sheetId }: { model: WorkbookModel; sheetId: string }) {
  const charts = model.charts.filter((c) => c.sheetId === sheetId);
  if (charts.length === 0) return null;
  return (
    <div className="charts" role="list" aria-label="Charts on this sheet">
      {charts.map((c) => {
        const source = model.sheets.find((s) => s.id === c.source.sheetId);
        const values: number[] = [];
        if (source) {
          for (let r = 0; r < c.source.area.rowCount; r++) {
            for (let k = 0; k < c.source.area.colCount; k++) {
              const v = model.valueAt(source, c.source.area.row + r, c.source.area.col + k);
              if (typeof v === "number") values.push(v);
            }
          }
        }
        const w = 280;
        const h = 90;
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        const x = (i: number) => (values.length > 1 ? (i / (values.length - 1)) * (w - 8) + 4 : w / 2);
        const y = (v: number) => (hi === lo ? h / 2 : h - 4 - ((v - lo) / (hi - lo)) * (h - 8));
        const where = c.position ? areaName(c.position) : "default position";
        return (
          <figure key={c.id} role="listitem" aria-label={`Chart ${c.title || c.name}`} className="chart">
            <figcaption>
              {c.title || c.name}{" "}
              <span className="chart-where">
                ({c.type} chart over {where}, data {source ? qualified(source.name, c.source.area) : "#REF!"})
              </span>
            </figcaption>
            <svg width={w} height={h} role="img" aria-label={`${c.title || c.name}: ${values.length} points`}>
              <polyline fill="none" stroke="#2F5597" strokeWidth={1.5} points={values.map((v, i) => `${x(i)},${y(v)}`).join(" ")} />
            </svg>
          </figure>
        );
      })}
    </div>
  );
}

/** What Excel's error indicator says when a formula gives no message of its own. */
function errorMeaning(code: string): string {
  return code === "#BUSY!" ? "Calculating: the function is still working." : `${code}: the formula could not compute a value.`;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}
