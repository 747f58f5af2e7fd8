/**
 * The proxy objects of the stand-in Excel, written once: every Excel object the add-in touches
 * (Worksheet, Range, Table, ...) is a FakeObject that queues its reads and writes on a batch and
 * sees the workbook only inside `context.sync()`, as Excel's own proxies do ("Excel JavaScript
 * object model in Office Add-ins" and "Load the properties of an object", learn.microsoft.com):
 * - a property can be read only after `load` and a `sync` (else PropertyNotLoaded);
 * - a set is visible on the proxy at once and reaches the workbook at the next sync;
 * - an *OrNullObject proxy knows `isNullObject` after the next sync.
 * Each object's scalar properties are declared as a table (`withProperties`): how the
 * property reads the model, and how a set applies to it.
 */
import type { Area } from "../../core/excel/a1";
import { notLoaded } from "./errors";
import type { SheetModel, WorkbookModel } from "./model";

export type Op = () => void;

/** What a proxy needs of its request context (context.ts). */
export interface BatchContext {
  readonly model: WorkbookModel;
  enqueue(op: Op): void;
  /** Counts what a queued write sends to Excel. */
  sending(v: unknown): void;
  /** Counts what a read returns from Excel. */
  returning(v: unknown): void;
}

/** Where a range proxy points: a sheet and an area of it. */
export interface Located {
  sheet: SheetModel;
  area: Area;
}

export type LoadSpec = string | string[] | { select?: string | string[] };

/** Load specs: "a, b", ["a", "b"], "items/a" or { select: "a,b" }. */
export function parseSpec(spec?: LoadSpec): string[] | null {
  if (spec === undefined || spec === null) return null;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => parseSpec(s) ?? []);
  return spec.select === undefined ? null : parseSpec(spec.select);
}

/** One row of an object's property table. */
export interface Property<O> {
  /** Reads the property now (inside a sync). */
  read: (o: O) => unknown;
  /** Applies a set at the sync; absent for a read-only property. */
  write?: (o: O, v: unknown) => void;
}
export type Properties<O> = Record<string, Property<O>>;

const TABLE = Symbol("properties");
const DEFAULTS = Symbol("defaults");

export abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: BatchContext) {}

  /**
   * Declares a class's properties from a table: each getter answers what load() brought back,
   * each setter queues its write. `defaults` are what load() with no argument reads (all of
   * the table unless given).
   */
  static withProperties<O extends FakeObject>(this: abstract new (...args: never[]) => O, table: Properties<O>, defaults?: string[]): void {
    const proto = this.prototype as Record<symbol, unknown>;
    proto[TABLE] = table;
    proto[DEFAULTS] = defaults ?? Object.keys(table);
    for (const [name, p] of Object.entries(table)) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: FakeObject) {
          return this.got(name);
        },
        set: p.write
          ? function (this: O & FakeObject, v: unknown) {
              this.write(name, v, () => p.write!(this, v));
            }
          : undefined,
      });
    }
  }

  get model(): WorkbookModel {
    return this.context.model;
  }

  /** The scalar properties `load()` with no argument reads. */
  protected scalarNames(): string[] {
    return ((this as unknown as Record<symbol, string[]>)[DEFAULTS] ?? []).slice();
  }

  /** Reads a property now (inside a sync). */
  protected read(name: string): unknown {
    const table = (this as unknown as Record<symbol, Properties<this> | undefined>)[TABLE];
    return table?.[name]?.read(this);
  }

  /** Whether the object exists now; null objects answer false. */
  protected exists(): boolean {
    return true;
  }

  load(spec?: LoadSpec): this {
    const names = parseSpec(spec) ?? this.scalarNames();
    for (const name of names) {
      const slash = name.indexOf("/");
      if (slash > 0) {
        const child = (this as unknown as Record<string, FakeObject>)[name.slice(0, slash)];
        if (child instanceof FakeObject) child.load(name.slice(slash + 1));
        else if (name.startsWith("items/")) this.loadItems([name.slice(6)]);
        continue;
      }
    }
    const plain = names.filter((n) => !n.includes("/"));
    this.context.enqueue(() => {
      if (!this.exists()) {
        for (const n of plain) this.loaded.set(n, null);
        return;
      }
      for (const n of plain) {
        const v = this.read(n);
        this.context.returning(v);
        this.loaded.set(n, v);
      }
    });
    return this;
  }

  protected loadItems(_names: string[]): void {
    /* collections override */
  }

  protected got<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Sets a property: visible locally at once, applied to the workbook at the next sync. */
  protected write(name: string, v: unknown, apply: Op): void {
    this.loaded.set(name, v);
    this.context.sending(v);
    this.context.enqueue(() => {
      if (this.exists()) apply();
    });
  }

  protected act(apply: Op): void {
    this.context.enqueue(() => {
      if (this.exists()) apply();
    });
  }

  /** For *OrNullObject: isNullObject is known after the next sync. */
  resolveNullness(): void {
    this.context.enqueue(() => {
      this.nullState = !this.exists();
    });
  }

  /** Sets loaded properties now (a collection's load fills its items inside the sync). */
  fillLoaded(names: string[]): void {
    for (const n of names) {
      const slash = n.indexOf("/");
      if (slash > 0) {
        // "title/text": a child object's property, loaded on the child.
        const child = (this as unknown as Record<string, FakeObject>)[n.slice(0, slash)];
        if (child instanceof FakeObject) child.fillLoaded([n.slice(slash + 1)]);
        continue;
      }
      const v = this.read(n);
      this.context.returning(v);
      this.loaded.set(n, v);
    }
  }

  /** What load() with no argument reads. */
  defaults(): string[] {
    return this.scalarNames();
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` after a load (each item filled inside the sync), `count`, getCount(). */
export abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private itemsLoaded: T[] | null = null;

  protected abstract current(): T[];

  protected override scalarNames(): string[] {
    return ["items"];
  }

  override load(spec?: LoadSpec): this {
    // "count" is the collection's own property ("Excel.TableRowCollection class": count, a
    // loadable property); the rest are its items'.
    const requested = parseSpec(spec) ?? [];
    const own = requested.filter((n) => n === "count");
    const names = requested
      .filter((n) => n !== "count")
      .map((n) => n.replace(/^items\/?/, ""))
      .filter((n) => n && n !== "items");
    this.context.enqueue(() => {
      for (const n of own) this.loaded.set(n, this.exists() ? this.current().length : 0);
      if (own.length > 0 && requested.length === own.length) return;
      if (!this.exists()) {
        this.itemsLoaded = [];
        return;
      }
      this.itemsLoaded = this.current();
      for (const item of this.itemsLoaded) item.fillLoaded(names.length ? names : item.defaults());
    });
    return this;
  }

  get items(): T[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }

  getCount(): { value: number } {
    const result = { value: NaN };
    this.context.enqueue(() => {
      result.value = this.exists() ? this.current().length : 0;
    });
    return result;
  }
}

/** An event of the API: handlers run after the change, outside any batch (EventHandlers.add). */
export class EventSource<E> {
  constructor(
    private context: BatchContext,
    private subscribe: (handler: (e: E) => void) => () => void,
  ) {}
  add(handler: (e: E) => Promise<unknown> | void): { remove: () => void; context: BatchContext } {
    let off: (() => void) | null = null;
    this.context.enqueue(() => {
      off = this.subscribe((e) => void handler(e));
    });
    return { remove: () => this.context.enqueue(() => off?.()), context: this.context };
  }
}

/**
 * Proxies that make one another both ways (a worksheet makes ranges, a range answers its
 * worksheet; a range holds its conditional formats, a format answers its range) find the
 * other's class here, registered by its own file, so that the files import one another in
 * one direction only and the folder has no import cycle.
 */
const kinds = new Map<string, new (...args: never[]) => FakeObject>();

export function registerProxy(kind: string, cls: new (...args: never[]) => FakeObject): void {
  kinds.set(kind, cls);
}

export function makeProxy(kind: string, ...args: unknown[]): FakeObject {
  const cls = kinds.get(kind) as (new (...a: unknown[]) => FakeObject) | undefined;
  if (!cls) throw new Error(`The stand-in's ${kind} proxy is not loaded (import api.ts).`);
  return new cls(...args);
}

const NAMED_COLOURS: Record<string, string> = { red: "#FF0000", green: "#008000", yellow: "#FFFF00", white: "#FFFFFF", black: "#000000", blue: "#0000FF" };

/** Colours as Excel reports them back: #RRGGBB in upper case, a few names understood. */
export function normaliseColour(v: string): string {
  return (NAMED_COLOURS[v.toLowerCase()] ?? v).toUpperCase();
}
