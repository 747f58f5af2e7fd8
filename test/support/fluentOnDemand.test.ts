import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { componentsOnDemand, iconsOnDemand, LOADED_WHOLE } from "./fluentOnDemand";

const FLUENT = join(__dirname, "..", "..", "node_modules", "@fluentui");

/** Every file under dir whose name ends with one of the extensions. */
function filesUnder(dir: string, ends: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ends.some((x) => e.name.endsWith(x)))
    .map((e) => join(e.parentPath, e.name));
}

describe("Fluent UI a name at a time (the unit tests' mapping)", () => {
  const real = <T extends object>(path: string): T => jest.requireActual<T>(path);

  it("gives each name the pane imports as the very object of the real barrel, and lists the barrel's names", () => {
    const barrel = real<Record<string, unknown>>(join(FLUENT, "react-components", "lib-commonjs", "index.cjs"));
    const onDemand = componentsOnDemand();
    const imported = new Set(
      filesUnder(join(__dirname, "..", "..", "src"), [".ts", ".tsx"]).flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/import (?:type )?\{([^}]*)\} from "@fluentui\/react-components"/g)].flatMap((m) =>
          m[1].split(",").map((name) => name.replace(/^\s*type\s+/, "").trim()),
        ),
      ),
    );
    imported.delete("");
    expect(imported.size).toBeGreaterThan(20);
    for (const name of imported) {
      if (barrel[name] === undefined) continue; // a type only
      expect([name, onDemand[name]]).toEqual([name, barrel[name]]);
      expect(onDemand[name] === barrel[name]).toBe(true);
    }
    // What the mapping is for: none of those names needed the whole barrel.
    expect(onDemand[LOADED_WHOLE]).toBe(false);
    expect(Reflect.ownKeys(onDemand).sort()).toEqual(Reflect.ownKeys(barrel).sort());
  });

  it("gives each icon and utility Fluent's components read the real barrel's icon of that name", () => {
    const barrel = real<Record<string, { displayName?: string }>>(join(FLUENT, "react-icons", "lib-cjs", "index.cjs"));
    const onDemand = iconsOnDemand() as Record<string, { displayName?: string }>;
    const read = new Set(
      readdirSync(FLUENT)
        .map((pkg) => join(FLUENT, pkg, "lib-commonjs"))
        .filter((dir) => {
          try {
            return readdirSync(dir).length > 0;
          } catch {
            return false;
          }
        })
        .flatMap((dir) => filesUnder(dir, [".js", ".cjs"]))
        .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/_reacticons\.(\w+)/g)].map((m) => m[1])),
    );
    expect(read.size).toBeGreaterThan(40);
    for (const name of read) {
      expect([name, typeof onDemand[name]]).toEqual([name, typeof barrel[name]]);
      if (typeof barrel[name] === "object" || typeof barrel[name] === "function")
        expect([name, onDemand[name].displayName]).toEqual([name, barrel[name].displayName]);
      else expect([name, onDemand[name]]).toEqual([name, barrel[name]]);
    }
    expect((onDemand as Record<symbol, unknown>)[LOADED_WHOLE]).toBe(false);
  });
});
