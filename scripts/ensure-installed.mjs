// Runs before `npm start` and `npm test`: installs the locked dependencies when node_modules is
// missing or was installed from another package-lock.json, so the README's two commands work on
// a fresh clone with nothing installed by hand, and leaves the checkout as it was cloned.
//
// A fresh clone (no node_modules) installs with `npm ci`: it installs exactly what
// package-lock.json pins and never writes the lock. Where node_modules exists it runs
// `npm install`, which updates it in place (`npm ci` would delete node_modules first, from under
// a running dev server or test run). Either way package-lock.json stays byte for byte as
// committed: `npm install`, and a fallback from an `npm ci` that refuses the lock, may add
// optional native bindings (jest's resolver lists one per platform) that a registry mirror
// serving only some platforms left out, and that rewrite made every new checkout start dirty.
// Only when package.json's dependencies themselves changed does npm's new lock stand, to commit.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execSync, spawnSync } from "node:child_process";

// What decides the install: package.json's dependency fields and the lock (a new script does not).
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const deps = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "overrides"].map((k) => pkg[k] ?? null);
const lockBytes = readFileSync("package-lock.json");
const wanted = createHash("sha256").update(JSON.stringify(deps)).update(lockBytes).digest("hex");
const stamp = "node_modules/.kpi-lens-lock";
const installed = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const npmFlags = "--no-audit --no-fund --loglevel=error";
const rootEntry = (bytes) => JSON.stringify(JSON.parse(bytes.toString("utf8")).packages?.[""] ?? null);

if (installed !== wanted) {
  console.log("KPI Lens: installing the locked npm dependencies (about 1,400 packages; a minute or two on a fresh clone)…");
  let done = false;
  if (!existsSync("node_modules")) {
    done = spawnSync(`npm ci ${npmFlags}`, { stdio: "inherit", shell: true }).status === 0;
    if (!done) console.log("KPI Lens: npm ci refused the lock (above); installing with npm install instead.");
  }
  if (!done) execSync(`npm install ${npmFlags}`, { stdio: "inherit" });
  const lockNow = readFileSync("package-lock.json");
  if (!lockNow.equals(lockBytes)) {
    if (rootEntry(lockNow) === rootEntry(lockBytes)) {
      writeFileSync("package-lock.json", lockBytes);
      console.log("KPI Lens: npm rewrote package-lock.json (platform bindings only); kept the committed lock.");
    } else {
      console.log("KPI Lens: package.json's dependencies changed, so npm updated package-lock.json: commit it.");
    }
  }
  const lockFinal = readFileSync("package-lock.json");
  writeFileSync(stamp, createHash("sha256").update(JSON.stringify(deps)).update(lockFinal).digest("hex"));
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
