import { leadLagCorr } from "../support/functions";
import { codeOf, column, excelError, expectRelative, expectSingleValueError, messageOf, reference, row } from "../support/excel";

type RefCell = number | string;

function expectCell(actual: unknown, expected: RefCell, rel: number, what: string): void {
  if (typeof expected === "string") expect({ what, code: codeOf(actual) }).toEqual({ what, code: expected });
  else expectRelative(actual, expected, rel, what);
}

describe("LEADLAG_CORR against 60-digit references and SciPy", () => {
  describe.each(reference.leadlag)("$name", (c) => {
    const args = [column(c.leading), column(c.lagging), c.max_lag, c.method, c.difference] as const;

    it("table: header lag | r | p_value | n and one row per lag", () => {
      const table = leadLagCorr(...args, "table");
      expect(table[0]).toEqual(["lag", "r", "p_value", "n"]);
      expect(table).toHaveLength(c.max_lag + 2);
      c.rows.forEach((expected, i) => {
        const got = table[i + 1];
        expect(got[0]).toBe(expected.lag);
        expect(got[3]).toBe(expected.n);
        expectCell(got[1], expected.r, 1e-9, `r at lag ${expected.lag}`);
        expectCell(got[2], expected.p, 1e-7, `p at lag ${expected.lag}`);
      });
    });

    it("values: the same rows without the header", () => {
      const table = leadLagCorr(...args, "table");
      expect(leadLagCorr(...args, "values")).toEqual(table.slice(1));
    });

    it("best: the lag with the largest |r| and its Bonferroni-adjusted p", () => {
      const [best] = leadLagCorr(...args, "best");
      if (typeof c.best === "string") {
        expect(codeOf(best[0])).toBe(c.best);
        return;
      }
      expect(best[0]).toBe(c.best.lag);
      expectRelative(best[1], c.best.r, 1e-9, "best r");
      expectRelative(best[2], c.best.p, 1e-7, "best p");
      expect(best[3]).toBe(c.best.n);
    });
  });
});

describe("LEADLAG_CORR contract", () => {
  const lead = [3, 2, 4, 5, 6];
  const lag = [9, 7, 12, 15, 17];

  it("equals Excel's documented CORREL example at lag 0 (0.997054486)", () => {
    const [, first] = leadLagCorr(column(lead), column(lag), 0);
    expect(Math.abs((first[1] as number) - 0.997054486)).toBeLessThan(5e-10);
  });

  it("pairs leading[t] with lagging[t + k]", () => {
    // lagging is leading shifted by two periods, so lag 2 is a perfect correlation with p = 0.
    const x = [1, 5, 2, 8, 3, 9, 4];
    const y = [0, 0, 1, 5, 2, 8, 3];
    const table = leadLagCorr(column(x), column(y), 2);
    expect(table[3]).toEqual([2, 1, 0, 5]);
  });

  it("accepts rows as well as columns, and a row against a column", () => {
    const asRows = leadLagCorr(row(lead), row(lag), 1);
    const mixed = leadLagCorr(row(lead), column(lag), 1);
    expect(asRows).toEqual(leadLagCorr(column(lead), column(lag), 1));
    expect(mixed).toEqual(asRows);
  });

  it("uses max_lag 12, pearson, no differencing and the table by default", () => {
    const x = Array.from({ length: 40 }, (_, i) => Math.sin(i / 3) + i / 10);
    const y = Array.from({ length: 40 }, (_, i) => Math.cos(i / 4));
    const defaults = leadLagCorr(column(x), column(y));
    expect(defaults).toHaveLength(14);
    expect(defaults).toEqual(leadLagCorr(column(x), column(y), 12, "pearson", false, "table"));
    expect(leadLagCorr(column(x), column(y), null, null, null, null)).toEqual(defaults);
  });

  it("drops pairs where either side is blank, empty text or #N/A", () => {
    const x = [1, 2, null, 4, 5, 6, "", 8];
    const y = [2, 1, 4, 3, excelError("#N/A"), 5, 8, 7];
    const [, lag0] = leadLagCorr(column(x), column(y), 0);
    // Pairs kept: (1,2) (2,1) (4,3) (6,5) (8,7)
    const [, reference0] = leadLagCorr(column([1, 2, 4, 6, 8]), column([2, 1, 3, 5, 7]), 0);
    expect(lag0).toEqual(reference0);
    expect(lag0[3]).toBe(5);
  });

  it("differences touching a blank are blank", () => {
    // Differences of x: [1, gap, gap, 2, 3]; of y: [2, 1, 3, 2, 6]
    const x = [0, 1, null, 5, 7, 10];
    const y = [0, 2, 3, 6, 8, 14];
    const [, d0] = leadLagCorr(column(x), column(y), 0, "pearson", true);
    const [, plain] = leadLagCorr(column([1, 2, 3]), column([2, 2, 6]), 0);
    expect(d0).toEqual(plain);
  });

  it("gives #N/A in r and p for a lag with fewer than 3 pairs", () => {
    const table = leadLagCorr(column([1, 2, 3, 4]), column([2, 4, 5, 9]), 3);
    expect(table[3][3]).toBe(2);
    expect(codeOf(table[3][1])).toBe("#N/A");
    expect(codeOf(table[3][2])).toBe("#N/A");
    expect(messageOf(table[3][1])).toMatch(/3 pairs/);
    expect(table[4]).toEqual([3, expect.anything(), expect.anything(), 1]);
  });

  it("gives #DIV/0! in r and p where either side is constant", () => {
    const table = leadLagCorr(column([5, 5, 5, 5]), column([1, 2, 3, 4]), 0);
    expect(codeOf(table[1][1])).toBe("#DIV/0!");
    expect(codeOf(table[1][2])).toBe("#DIV/0!");
    expect(table[1][3]).toBe(4);
  });

  it("best is #N/A when no lag has a valid r", () => {
    const [[best]] = leadLagCorr(column([1, 2]), column([3, 4]), 1, "pearson", false, "best");
    expect(codeOf(best)).toBe("#N/A");
  });

  it("best takes the smallest lag on a tie of |r|", () => {
    // Perfect correlation at lag 0 and perfect anti-correlation at lag 1 are not possible together;
    // a periodic series correlates perfectly at lag 0 and at its period.
    const x = [1, 3, 1, 3, 1, 3, 1, 3];
    const [[lagOfBest, r, , n]] = leadLagCorr(column(x), column(x), 2, "pearson", false, "best");
    expect([lagOfBest, r, n]).toEqual([0, 1, 8]);
  });

  it("Bonferroni-adjusts best's p by the number of lags with a valid r, capped at 1", () => {
    const x = [2, 9, 4, 7, 1, 8, 3, 6, 5, 10];
    const y = [3, 1, 8, 2, 9, 4, 10, 5, 7, 6];
    const table = leadLagCorr(column(x), column(y), 3, "pearson", false, "values");
    const best = table.reduce((a, b) => (Math.abs(b[1] as number) > Math.abs(a[1] as number) ? b : a));
    const [[, , p]] = leadLagCorr(column(x), column(y), 3, "pearson", false, "best");
    expect(p).toBeCloseTo(Math.min(1, (best[2] as number) * 4), 15);
  });

  it("reads text options case-insensitively and difference as TRUE/FALSE or 1/0", () => {
    const x = column([1, 4, 2, 8, 5, 7, 3, 9]);
    const y = column([2, 3, 1, 9, 4, 8, 2, 7]);
    expect(leadLagCorr(x, y, 2, "SPEARMAN", 1, "Values")).toEqual(leadLagCorr(x, y, 2, "spearman", true, "values"));
    expect(leadLagCorr(x, y, [[2]], [["Pearson"]], [[false]], [["TABLE"]])).toEqual(leadLagCorr(x, y, 2));
  });

  it.each([
    ["series of different lengths", [column([1, 2, 3, 4]), column([1, 2, 3])], /same number of periods/],
    [
      "a 2×2 leading range",
      [
        [
          [1, 2],
          [3, 4],
        ],
        column([1, 2]),
      ],
      /leading must be one row or one column/,
    ],
    ["a negative max_lag", [column(lead), column(lag), -1], /max_lag/],
    ["a fractional max_lag", [column(lead), column(lag), 1.5], /max_lag/],
    ["text max_lag", [column(lead), column(lag), "many"], /max_lag/],
    ["an unknown method", [column(lead), column(lag), 1, "kendall"], /method/],
    ["an unknown output", [column(lead), column(lag), 1, "pearson", false, "chart"], /output/],
    ["a non-logical difference", [column(lead), column(lag), 1, "pearson", "yes"], /difference/],
  ])("%s is a single #VALUE! that names the argument", (_what, args, message) => {
    expectSingleValueError((leadLagCorr as (...a: unknown[]) => unknown[][])(...args), message);
  });

  it("passes an error other than #N/A in a series on as the result", () => {
    const [[cell]] = leadLagCorr(column([1, excelError("#DIV/0!"), 3, 4]), column([1, 2, 3, 4]));
    expect(codeOf(cell)).toBe("#DIV/0!");
  });
});
