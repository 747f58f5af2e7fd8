/**
 * Before the browser tests: a production build with the workbench, served from 127.0.0.1.
 * The URL is handed to the tests through an environment variable.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import { serve } from "./staticServer";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require("../../webpack.config.js");

export default async function globalSetup(): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "kpi-lens-browser-"));
  const config = await configure({ outputPath: out, workbench: true }, { mode: "production" });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  const { server, url } = await serve(out);
  process.env.KPI_LENS_URL = url;
  process.env.KPI_LENS_DIST = out;
  (globalThis as unknown as { kpiLensServer: unknown }).kpiLensServer = server;
}
