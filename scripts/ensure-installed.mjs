// Runs before `npm start` and `npm test`: installs the locked dependencies when node_modules is
// missing or was installed from another package-lock.json, so the README's two commands work on
// a fresh clone with nothing installed by hand.
//
// It runs `npm install` (which installs the versions package-lock.json pins) rather than
// `npm ci`: jest's resolver lists a native binding per platform as optional dependencies, a
// registry mirror that serves only some platforms leaves the others out of the lock file, and
// `npm ci` then refuses the lock as out of sync although every package it needs is pinned.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";

const wanted = createHash("sha256").update(readFileSync("package.json")).update(readFileSync("package-lock.json")).digest("hex");
const stamp = "node_modules/.kpi-lens-lock";
const installed = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

if (installed !== wanted) {
  console.log("KPI Lens: installing the locked npm dependencies (about 800 packages; a minute or two on a fresh clone)…");
  execSync("npm install --no-audit --no-fund --loglevel=error", { stdio: "inherit" });
  writeFileSync(stamp, wanted);
  console.log(`KPI Lens: dependencies installed in ${seconds()}.`);
}

// The browser tests drive Chromium. On a Debian or Ubuntu machine where we are root (a fresh
// container, CI), install Debian's package; elsewhere say how to point the tests at a browser.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (process.argv.includes("--browser") && !existsSync(chromium)) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (process.platform === "linux" && root && existsSync("/usr/bin/apt-get")) {
    console.log("KPI Lens: installing Chromium from Debian's packages for the browser tests (about a minute)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", { stdio: "inherit" });
    console.log(`KPI Lens: Chromium installed (${seconds()}).`);
  } else {
    console.error(
      `The browser tests need Chromium at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install chromium), ` +
        "or set CHROMIUM_PATH to a Chrome or Chromium executable, then run npm test again.",
    );
    process.exit(1);
  }
}
