/** A production build with the workbench, into a fresh folder: for the browser tests and the browser bench. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require("../../webpack.config.js");

/** The folder built into. */
export async function buildWithWorkbench(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "kpi-lens-browser-"));
  const config = await configure({ outputPath: out, workbench: true }, { mode: "production" });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return out;
}
