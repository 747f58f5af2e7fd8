// Runs before `npm start` and `npm test`: installs the locked dependencies when node_modules is
// missing or was installed from another package-lock.json, so the README's two commands work on
// a fresh clone with nothing installed by hand.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";

const lock = readFileSync("package-lock.json");
const wanted = createHash("sha256").update(lock).digest("hex");
const stamp = "node_modules/.kpi-lens-lock";
const installed = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";

if (installed !== wanted) {
  console.log("Installing the locked dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
  writeFileSync(stamp, wanted);
}
