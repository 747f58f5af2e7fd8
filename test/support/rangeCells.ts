/**
 * The values of an A1 range of a sheet's values grid (a chart series' address, sheet or not), one per
 * cell, in order: a column's cells top to bottom. Parsed here, not with src/core/excel/a1.ts, so the
 * tests read the chart's address without the code under test.
 */
export function cellsOf(values: unknown[][], address: string): unknown[] {
  const [, c1, r1, , r2] = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(address.replace(/^.*!/, ""))!;
  const col = [...c1].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return Array.from({ length: Number(r2) - Number(r1) + 1 }, (_, i) => values[Number(r1) - 1 + i][col]);
}
