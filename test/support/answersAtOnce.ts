/**
 * Tests of the in-memory Excel, the workbook layer and the pane read function answers as a user
 * reads cells. The add-in's runtime answers in 10 ms slices (src/core/analysis/slicing.ts), so on a
 * loaded machine a first read may show #BUSY! and a test that reads at once would fail by the
 * clock, not by the code. There, an answer comes at once (slices of unbounded length); the slicing
 * and #BUSY! are tested where they are the subject: test/functions (the cells and responsiveness
 * suites), customFunctionHost.test.ts (a registry's own Promise) and the browser walks, which run
 * the real budget.
 */
import { setSliceBudget } from "../../src/core/analysis/slicing";

const testPath = expect.getState().testPath ?? "";
if (/[\\/]test[\\/](workbench|workbook|taskpane|properties|help)[\\/]/.test(testPath)) setSliceBudget(Infinity);
