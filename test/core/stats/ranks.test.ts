import { averageRanks } from "../../../src/core/stats/ranks";

describe("average ranks", () => {
  it("gives tied values the mean of the ranks they span", () => {
    // Textbook example: 10, 20, 20, 30 rank 1, 2.5, 2.5, 4.
    expect(Array.from(averageRanks([20, 10, 30, 20]).ranks)).toEqual([2.5, 1, 4, 2.5]);
  });

  it("reports the tie term sum(t^3 - t) over groups of ties", () => {
    // One pair (2^3 - 2 = 6) and one triple (3^3 - 3 = 24).
    expect(averageRanks([1, 1, 2, 3, 3, 3, 4]).tieTerm).toBe(30);
  });

  it("ranks distinct values 1..n", () => {
    expect(Array.from(averageRanks([0.3, -2, 7]).ranks)).toEqual([2, 1, 3]);
  });
});
