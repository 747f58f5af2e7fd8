/**
 * Random interleavings of two panes over one shared workbook (issue 20): pane B's whole
 * operation runs between two round trips of pane A's, at a random point. Checked against a model
 * of the register in which each operation that reported success takes effect when it completed
 * and a refused one takes none: no lost update, no row changed that its operation did not name,
 * no orphaned name or format, no row of another's deleted.
 */
import fc from "fast-check";
import { kpiInput, sampleSetup } from "../support/workbench";
import { WorkbookModel } from "../../src/workbench/excel/model";
import { ExcelKpiWorkbook } from "../../src/workbook/kpiWorkbook";

const SOURCES: Record<string, string> = { A: "'Monthly KPIs'!B2:B37", B: "'Monthly KPIs'!C2:C37", C: "'Monthly KPIs'!E2:E37" };
const IDS = Object.keys(SOURCES);

type Op = { kind: "tag"; id: string } | { kind: "target"; id: string; value: number } | { kind: "untag"; id: string } | { kind: "note"; id: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("tag" as const), id: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant("target" as const), id: fc.constantFrom(...IDS), value: fc.integer({ min: 1000, max: 1500 }) }),
  fc.record({ kind: fc.constant("untag" as const), id: fc.constantFrom(...IDS) }),
  fc.record({ kind: fc.constant("note" as const), id: fc.constantFrom(...IDS) }),
);

interface Model {
  targets: Map<string, number>;
  notes: Map<string, number>;
}

const input = (id: string, target = 1300) => kpiInput({ name: `KPI ${id}`, target, atRisk: target - 50 });

/** Runs one operation; on success applies its effect to the model (at completion, in order). */
async function run(pane: ExcelKpiWorkbook, op: Op, model: Model): Promise<void> {
  try {
    if (op.kind === "tag") await pane.tag(input(op.id), SOURCES[op.id], op.id);
    else if (op.kind === "target") await pane.update(op.id, input(op.id, op.value));
    else if (op.kind === "untag") await pane.untag(op.id);
    else await pane.addCheckIn(op.id, { period: 36, note: `note on ${op.id}`, override: null, reason: "" });
  } catch {
    return; // refused: nothing of it may remain
  }
  if (op.kind === "tag") model.targets.set(op.id, 1300);
  else if (op.kind === "target") model.targets.set(op.id, op.value);
  else if (op.kind === "untag") model.targets.delete(op.id);
  else model.notes.set(op.id, (model.notes.get(op.id) ?? 0) + 1);
}

function notesIn(workbook: WorkbookModel): Map<string, number> {
  const table = workbook.findTable("KPI_Notes");
  const counts = new Map<string, number>();
  if (!table) return counts;
  const sheet = workbook.sheetById(table.sheetId);
  const col = table.columns.indexOf("KPI");
  for (let r = 1; r < table.area.rowCount; r++) {
    const id = String(workbook.valueAt(sheet, table.area.row + r, table.area.col + col));
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("two panes, random interleavings", () => {
  it("the workbook always equals the model of the operations that reported success", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(opArb, fc.option(fc.tuple(opArb, fc.integer({ min: 1, max: 8 })), { nil: null })), { minLength: 1, maxLength: 6 }),
        async (steps) => {
          const a = sampleSetup();
          const b = sampleSetup(a.model).workbook;
          const model: Model = { targets: new Map(), notes: new Map() };
          for (const [op, other] of steps) {
            if (other) {
              const [bOp, at] = other;
              const start = a.model.syncCount;
              a.model.beforeSync = async () => {
                if (a.model.syncCount !== start + at) return;
                a.model.beforeSync = null;
                await run(b, bOp, model);
              };
            }
            await run(a.workbook, op, model);
            a.model.beforeSync = null;
          }
          const state = await a.workbook.readRegister();
          expect(state.problems).toEqual([]);
          expect(Object.fromEntries(state.kpis.map((k) => [k.id, k.target]))).toEqual(Object.fromEntries(model.targets));
          // Names and colours exactly for the KPIs there are: no orphans, none lost.
          expect(a.model.names.map((n) => n.name).sort()).toEqual([...model.targets.keys()].map((id) => `KPI_${id}`).sort());
          expect(state.orphans).toEqual([]);
          const marked = new Set(a.model.conditionalFormats.flatMap((f) => (/kpilens:([A-Z]+):/.exec(f.formula ?? "") ?? []).slice(1)));
          expect([...marked].sort()).toEqual([...model.targets.keys()].sort());
          expect(Object.fromEntries(notesIn(a.model))).toEqual(Object.fromEntries(model.notes));
          // Nothing half-made is left behind: no sheet or table under an operation's temporary name.
          expect(a.model.sheets.filter((s) => s.name.includes("~"))).toEqual([]);
        },
      ),
      { numRuns: 40, seed: 20261201 },
    );
  });
});
