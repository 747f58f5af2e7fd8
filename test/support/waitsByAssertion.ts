/**
 * A pane test waits with testing-library's waitFor until what it asserts holds: the cards and
 * summary rows a long register reveals a task apart (src/taskpane/useRevealed.ts), a read that
 * settles. Its default gives up after 1 s of wall time (@testing-library/dom config.js,
 * asyncUtilTimeout), so on a loaded machine a test failed by the clock, not by the code: the
 * summary table's reveal of 77 rows had drawn 72 when the second ran out, in a cold unit run on
 * 2 CPUs. A wait now ends when its assertion holds or jest's own test timeout (60 s) stops a
 * test that hangs; no assertion is loosened. Loaded only where there is a document, so the node
 * suites do not pay for the library.
 */
if (typeof document !== "undefined") {
  // A require, not an import: an import would load the library into every suite.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 50_000 });
}
