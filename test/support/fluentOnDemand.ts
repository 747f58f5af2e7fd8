/**
 * @fluentui/react-components and @fluentui/react-icons as the unit tests load them (jest.config.js
 * maps the two names here): every name is the packages' own export, read from the module that
 * defines it the first time it is asked for. Jest loads a suite's modules afresh for each suite,
 * and the two barrels load every component and every icon: 2,100 modules, 0.9 s of each pane
 * suite (measured: `require` of the barrels in plain Node, 525 ms of it the icons' 60 chunks of
 * thousands of icons), where the pane uses 28 names. A bundle is untouched: webpack takes only
 * what is imported from the real barrels.
 *
 * A name the index below cannot place comes from the real barrel, loaded then, so nothing the
 * barrels export is missing; listing the names (ownKeys) loads it too.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const FLUENT = join(__dirname, "..", "..", "node_modules", "@fluentui");

type Exports = Record<string | symbol, unknown>;

/** A module by path, when a name first needs it: the one thing this file is for, so no import can say it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (path: string): Exports => require(path) as Exports;

/** Read on a module object of this file's: whether it has loaded its whole barrel (the tests check the pane's names do not). */
export const LOADED_WHOLE = Symbol("loaded the whole barrel");

/** A module object whose names resolve through `find` (undefined: not placed), else through the whole barrel. */
function onDemand(find: (name: string) => Exports | undefined, barrel: () => Exports): Exports {
  const found = new Map<string, unknown>();
  let whole: Exports | null = null;
  const all = () => (whole ??= barrel());
  const valueOf = (name: string | symbol): unknown => {
    if (name === LOADED_WHOLE) return whole !== null;
    if (typeof name === "symbol") return undefined;
    if (name === "__esModule") return true;
    if (found.has(name)) return found.get(name);
    const from = find(name);
    const value = from && name in from ? from[name] : all()[name];
    found.set(name, value);
    return value;
  };
  return new Proxy({} as Exports, {
    get: (_, name) => valueOf(name),
    has: (_, name) => valueOf(name) !== undefined,
    ownKeys: () => Reflect.ownKeys(all()),
    getOwnPropertyDescriptor: (_, name) => {
      const value = valueOf(name);
      return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
    },
  });
}

/** react-components' index (swc's output): `get Name () { return _pkg.Name; }` and `const _pkg = require("@fluentui/…")`. */
export function componentsOnDemand(): Exports {
  const index = join(FLUENT, "react-components", "lib-commonjs", "index.cjs");
  const text = readFileSync(index, "utf8");
  const packages = new Map([...text.matchAll(/const (_\w+) = require\("([^"]+)"\);/g)].map((m) => [m[1], m[2]]));
  const homes = new Map([...text.matchAll(/get (\w+) \(\) \{\s*return (_\w+)\.(\w+);/g)].filter((m) => m[1] === m[3]).map((m) => [m[1], packages.get(m[2])]));
  return onDemand(
    (name) => {
      const home = homes.get(name);
      return home ? load(home) : undefined;
    },
    () => load(index),
  );
}

/** An icon from its family's own file (atoms/svg/dismiss.cjs holds DismissRegular, Dismiss16Filled…); the rest from the index's utilities. */
export function iconsOnDemand(): Exports {
  const root = join(FLUENT, "react-icons", "lib-cjs");
  const index = join(root, "index.cjs");
  const utilities = [...readFileSync(index, "utf8").matchAll(/require\("(\.\/(?:utils|contexts)\/[^"]+)"\)/g)].map((m) => join(root, m[1]));
  return onDemand(
    (name) => {
      const family = /^([A-Z]\w*?)\d*(?:Regular|Filled|Light|Color)$/.exec(name);
      if (family) {
        const file = join(root, "atoms", "svg", `${family[1].replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}.cjs`);
        return existsSync(file) ? load(file) : undefined;
      }
      return utilities.map(load).find((m) => name in m);
    },
    () => load(index),
  );
}
