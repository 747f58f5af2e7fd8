/**
 * Assembles src/core/stats/rankPass.wat into src/core/stats/rankPass.generated.ts (its bytes, in
 * hexadecimal), so the bundles and the tests load it as plain TypeScript with no wasm loader.
 * `npm run build:wasm`; with `--check` it writes nothing and fails while the two differ (run by
 * test/core/stats/rankArena.test.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { assemble, MODULE_PATH, moduleSource, WAT_PATH } from "./wasmModule.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bytes = await assemble(readFileSync(root + WAT_PATH, "utf8"));
const source = moduleSource(bytes);
if (process.argv.includes("--check")) {
  const same = readFileSync(root + MODULE_PATH, "utf8") === source;
  console.log(same ? `${MODULE_PATH} holds ${WAT_PATH}'s bytes` : `${MODULE_PATH} is not ${WAT_PATH}'s: run npm run build:wasm`);
  process.exit(same ? 0 : 1);
}
writeFileSync(root + MODULE_PATH, source);
console.log(`${MODULE_PATH}: ${bytes.length} bytes of WebAssembly from ${WAT_PATH}`);
