/**
 * The production build (`npm run build`'s webpack config in production mode), made once for the
 * build tests: a build whose sources have not changed since (the newest mtime and the size of
 * every file under src/, webpack.config.js and package.json) is reused from the temp directory,
 * so bundle.test.ts and shippedFunctions.test.ts share one webpack run, also across jest runs.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require("../../webpack.config.js");

function stampOf(): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path).sort()) visit(join(path, name));
    else hash.update(`${path}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const p of ["src", "webpack.config.js", "package.json", "manifest.xml"]) visit(p);
  return hash.digest("hex").slice(0, 16);
}

/** The output directory of a production build of the current sources. */
export async function productionBuild(): Promise<string> {
  const out = join(tmpdir(), `kpi-lens-build-${stampOf()}`);
  if (existsSync(join(out, ".complete"))) return out;
  // One webpack run at a time (jest runs the build tests in parallel workers on 2 cores): a
  // second worker waits for the first's output instead of building the same thing beside it.
  const lock = `${out}.lock`;
  try {
    mkdirSync(lock);
  } catch {
    for (let waited = 0; waited < 170_000 && !existsSync(join(out, ".complete")); waited += 500) await new Promise((r) => setTimeout(r, 500));
    if (existsSync(join(out, ".complete"))) return out;
  }
  try {
    return await build(out);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function build(out: string): Promise<string> {
  const staging = `${out}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const config = await configure({ outputPath: staging }, { mode: "production" });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => webpack(config, (err, s) => (err || !s ? reject(err) : resolve(s))));
  const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
  if (errors.length > 0) throw new Error(`The production build failed: ${JSON.stringify(errors).slice(0, 2000)}`);
  writeFileSync(join(staging, ".complete"), "");
  try {
    renameSync(staging, out);
  } catch {
    // Another worker finished the same build first: use its output.
    rmSync(staging, { recursive: true, force: true });
  }
  return out;
}
