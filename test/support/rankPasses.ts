/** Runs a describe's tests once per Spearman pass: the WebAssembly one and the script one a page that refuses WebAssembly gets (rankArena.ts). */
import { setScriptPass } from "../../src/core/stats/rankArena";

export function describeEachRankPass(title: string, tests: () => void): void {
  describe.each([
    ["WebAssembly", false],
    ["script (a page that refuses WebAssembly)", true],
  ])(title, (_, script) => {
    beforeAll(() => setScriptPass(script));
    afterAll(() => setScriptPass(false));
    tests();
  });
}
