/**
 * A long column (200,000 rows, several time slices; the full column is the bench's) through KPI.SPC's rate charts and KPI.FUNNEL gives the shared
 * runtime's thread back: the call answers with a Promise, other work runs between its slices, and
 * the answer equals the one computed at once. (How long each block is, is measured by
 * npm run bench -- --only event-loop, not here: no wall-clock limits in unit tests.)
 */
import * as functions from "../../src/functions/functions";
import { funnel, spc } from "../support/functions";
import { withTicks } from "../support/slices";

const ROWS = 200_000;

function columns(): { cases: unknown[][]; units: unknown[][] } {
  let s = 11;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases: unknown[][] = new Array(ROWS);
  const units: unknown[][] = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const n = 100 + Math.floor(next() * 900);
    units[i] = [i % 100 === 7 ? null : n];
    cases[i] = [Math.floor(n * (0.2 + 0.05 * next()))];
  }
  return { cases, units };
}

/** Cell for cell (a plain loop: jest's deep equality is slow on a million cells). */
function expectSameCells(a: unknown[][], b: unknown[][]): void {
  expect(a.length).toBe(b.length);
  let differences = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a[i].length; j++) if (!Object.is(a[i][j], b[i][j])) differences++;
  expect(differences).toBe(0);
}

describe("long-column rate SPC and FUNNEL in time slices", () => {
  const { cases, units } = columns();

  it("SPC u′ with the limits output of every row", async () => {
    const { result, ticks } = await withTicks(functions.spc(cases, null, "lower", null, "limits", "u'", units));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toHaveLength(ROWS + 1);
    expectSameCells(result as unknown[][], spc(cases, null as never, "lower", null as never, "limits", "u'", units));
  }, 60_000);

  it("SPC p detail with a baseline", async () => {
    const { result, ticks } = await withTicks(functions.spc(cases, 0.3, "higher", 1000, "detail", "p", units));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toEqual(spc(cases, 0.3, "higher", 1000, "detail", "p", units));
  }, 60_000);

  it("FUNNEL flags with overdispersion (a sliced sort of the z-scores)", async () => {
    const { result, ticks } = await withTicks(functions.funnel(cases, units, null, "proportion", true, "flag"));
    expect(ticks).toBeGreaterThan(0);
    expect(result).toHaveLength(ROWS);
    expectSameCells(result as unknown[][], funnel(cases, units, null as never, "proportion", true, "flag"));
  }, 60_000);
});
