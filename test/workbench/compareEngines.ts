/**
 * Measures the stand-in's formula engine (fast-formula-parser as formula.ts adapts it) against
 * HyperFormula 3.5 on (1) Excel's documented results for blanks, references and errors
 * (excelSemantics.ts) and (2) every formula the add-in writes in a tagged workbook with a
 * Scorecard: cell formulas and each conditional-format rule at each cell of its range.
 * Run: npx tsx test/workbench/compareEngines.ts   (prints a table; the figures are in the
 * commit that chose the engine). Not a jest suite: it asserts nothing, it measures.
 * HyperFormula is GPLv3 (licenseKey "gpl-v3"): a dev dependency used only here, never in a
 * bundle webpack.config.js builds for the add-in.
 */
import { HyperFormula } from "hyperformula";
import { evaluateFormula, FormulaErrorValue, resolveStructured, shiftFormula } from "../../src/workbench/excel/formula";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { sampleKpis } from "../support/sampleKpis";
import { FIXTURE, SEMANTICS_CASES } from "./excelSemantics";

type Shown = number | string | boolean | { error: string } | null;

function hfShown(v: unknown): Shown {
  if (v && typeof v === "object" && "value" in (v as object) && "type" in (v as object)) return { error: String((v as { value: string }).value) };
  if (Array.isArray(v)) return hfShown(v[0]?.[0]);
  return (v ?? 0) as Shown;
}

function ffpShown(v: unknown): Shown {
  if (v instanceof FormulaErrorValue) return { error: v.code };
  return (v ?? 0) as Shown;
}

const same = (a: Shown, b: Shown) => JSON.stringify(a) === JSON.stringify(b);

function semantics(): void {
  const model = new WorkbookModel();
  for (const [name, rows] of Object.entries(FIXTURE)) {
    const sheet = model.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && model.writeValue(sheet, r, c, v)));
  }
  const hf = HyperFormula.buildFromSheets(FIXTURE, { licenseKey: "gpl-v3" });
  const sheet = model.findSheet("Sheet1")!;
  let ffpRight = 0;
  let hfRight = 0;
  for (const c of SEMANTICS_CASES) {
    model.writeFormula(sheet, 9, 9, c.formula);
    const f = ffpShown(model.valueAt(sheet, 9, 9));
    const h = hfShown(hf.calculateFormula(c.formula, hf.getSheetId("Sheet1")!));
    const excel = c.excel as Shown;
    if (same(f, excel)) ffpRight++;
    if (same(h, excel)) hfRight++;
    if (!same(f, excel) || !same(h, excel))
      console.log(`  ${c.formula}: Excel ${JSON.stringify(excel)}, stand-in ${JSON.stringify(f)}, HyperFormula ${JSON.stringify(h)}`);
  }
  console.log(`Documented cases (${SEMANTICS_CASES.length}): stand-in ${ffpRight} right, HyperFormula ${hfRight} right`);
}

/** The model's sheets as HyperFormula sheets; structured references resolved as the stand-in resolves them. */
function mirror(model: WorkbookModel): HyperFormula {
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of model.sheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(",").map(Number);
      rows[r] ??= [];
      const text = c.formula ? (c.formula.includes("[") ? resolveStructured(c.formula, (n) => model.resolveName(n)) : c.formula) : (c.value ?? null);
      rows[r][col] = text;
    }
    sheets[s.name] = Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  for (const n of model.names) {
    const t = model.nameTarget(n);
    if (t) hf.addNamedExpression(n.name, `='${t.sheet.name.replace(/'/g, "''")}'!${rangeA1(t.area)}`);
  }
  return hf;
}

function rangeA1(a: { row: number; col: number; rowCount: number; colCount: number }): string {
  const col = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : col(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
  return `$${col(a.col)}$${a.row + 1}:$${col(a.col + a.colCount - 1)}$${a.row + a.rowCount}`;
}

async function addinFormulas(): Promise<void> {
  const s = await sampleKpis({ conversion: false, firstPeriod: "" });
  await s.workbook.buildScorecard();
  const model = s.model;
  const hf = mirror(model);
  const kinds = new Map<string, { n: number; agree: number; hfName: number; ffpError: number; example: string }>();
  const count = (kind: string, formula: string, f: Shown, h: Shown) => {
    const k = kinds.get(kind) ?? { n: 0, agree: 0, hfName: 0, ffpError: 0, example: formula };
    k.n++;
    if (same(f, h)) k.agree++;
    if (typeof h === "object" && h !== null && h.error === "#NAME?") k.hfName++;
    if (typeof f === "object" && f !== null && (f.error === "#ERROR!" || f.error === "#NAME?")) k.ffpError++;
    kinds.set(kind, k);
  };
  for (const sheet of model.sheets) {
    for (const [key, c] of sheet.cells) {
      if (!c.formula) continue;
      const [r, col] = key.split(",").map(Number);
      const fn = /^=([A-Z.]+)\(/.exec(c.formula)?.[1] ?? (c.formula.endsWith('&""') ? 'text (&"")' : "reference");
      count(`cell ${fn}`, c.formula, ffpShown(model.valueAt(sheet, r, col)), hfShown(hf.getCellValue({ sheet: hf.getSheetId(sheet.name)!, row: r, col })));
    }
  }
  for (const f of model.conditionalFormats) {
    const sheet = model.sheetById(f.sheetId);
    for (let i = 0; i < f.area.rowCount; i++) {
      for (let j = 0; j < f.area.colCount; j++) {
        const formula = shiftFormula(f.formula ?? `=${f.formula1}`, i, j);
        const text = formula.includes("[") ? resolveStructured(formula, (n) => model.resolveName(n)) : formula;
        const ffp = evaluateFormula(model, sheet.name, f.area.row + i, f.area.col + j, formula);
        const holds = (v: Shown) => v === true || (typeof v === "number" && v !== 0);
        const h = hfShown(hf.calculateFormula(text, hf.getSheetId(sheet.name)!));
        count(`rule ${f.type} (${(f.formula ?? "").length} chars)`, formula, holds(ffpShown(ffp)), typeof h === "object" && h !== null ? h : holds(h));
      }
    }
  }
  console.log("Add-in formulas: kind | count | engines agree | HyperFormula #NAME? | stand-in #ERROR!/#NAME? | example");
  for (const [kind, k] of kinds) console.log(`  ${kind} | ${k.n} | ${k.agree} | ${k.hfName} | ${k.ffpError} | ${k.example.slice(0, 90)}`);
}

semantics();
void addinFormulas();
