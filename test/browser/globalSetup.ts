/**
 * Before the browser tests: a production build with the workbench, served from 127.0.0.1.
 * The URL is handed to the tests through an environment variable.
 */
import { buildWithWorkbench } from "./build";
import { serve } from "./staticServer";

export default async function globalSetup(): Promise<void> {
  const out = await buildWithWorkbench();
  const { server, url } = await serve(out);
  process.env.KPI_LENS_URL = url;
  process.env.KPI_LENS_DIST = out;
  (globalThis as unknown as { kpiLensServer: unknown }).kpiLensServer = server;
}
