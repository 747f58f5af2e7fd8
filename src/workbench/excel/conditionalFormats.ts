import { ExcelApiError, stillThere } from "./errors";
import type { CfOperator, ConditionalFormatModel } from "./model";
import { BatchContext, FakeCollection, FakeObject, Located, makeProxy, normaliseColour } from "./proxy";

/**
 * The longest formula a conditional-format rule may hold. Excel's own New Formatting Rule
 * dialog refuses a longer one ("You cannot use more than 255 characters in a formula" there);
 * whether the API (CustomConditionalFormat.rule.formula, "Excel.ConditionalFormatRule class")
 * enforces the same is undocumented: a guess, on the strict side, so the add-in keeps every
 * rule within what the dialog can show and edit (issue 21 item 7).
 */
export const CF_RULE_FORMULA_MAX_LENGTH = 255;

function checkRuleLength(formula: string): void {
  if (formula.length > CF_RULE_FORMULA_MAX_LENGTH) {
    throw new ExcelApiError(
      "InvalidArgument",
      `A conditional-format rule's formula can't be longer than ${CF_RULE_FORMULA_MAX_LENGTH} characters (it has ${formula.length}).`,
    );
  }
}

/**
 * Excel.ConditionalFormatCollection ("Excel.ConditionalFormatCollection class",
 * learn.microsoft.com): the formats overlapping a range, add(type) (Custom and CellValue only:
 * the kinds the add-in writes), getItemAt, getItem by id, clearAll.
 */
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(
    context: BatchContext,
    private where: () => Located,
    private present: () => boolean,
  ) {
    super(context);
  }

  /** The formats of a null range are an empty collection. */
  protected override exists(): boolean {
    return this.present();
  }

  protected current(): FakeConditionalFormat[] {
    const { sheet, area } = this.where();
    return this.model.formatsOverlapping(sheet, area).map((f) => new FakeConditionalFormat(this.context, () => f));
  }

  add(type: string): FakeConditionalFormat {
    if (type !== "Custom" && type !== "CellValue") {
      throw new ExcelApiError("NotImplemented", `The workbench models Custom and CellValue conditional formats, not ${type}.`);
    }
    let created: ConditionalFormatModel | null = null;
    this.context.enqueue(() => {
      const { sheet, area } = this.where();
      created = this.model.addConditionalFormat(sheet, area, type);
    });
    return new FakeConditionalFormat(this.context, () => created);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet, area } = this.where();
      return this.model.formatsOverlapping(sheet, area)[index] ?? null;
    });
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => this.model.conditionalFormats.find((f) => f.id === id) ?? null);
  }

  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.where();
      for (const f of this.model.formatsOverlapping(sheet, area)) this.model.deleteConditionalFormat(f);
    });
  }
}

/**
 * Excel.ConditionalFormat ("Excel.ConditionalFormat class", learn.microsoft.com): id, type,
 * priority (0 is applied first; a set moves the format among its sheet's), stopIfTrue, custom,
 * cellValue, getRange, delete.
 */
export class FakeConditionalFormat extends FakeObject {
  readonly custom: FakeCustomConditionalFormat;
  readonly cellValue: FakeCellValueConditionalFormat;
  declare readonly id: string;
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;

  constructor(
    context: BatchContext,
    private locate: () => ConditionalFormatModel | null,
  ) {
    super(context);
    this.custom = new FakeCustomConditionalFormat(context, () => this.format());
    this.cellValue = new FakeCellValueConditionalFormat(context, () => this.format());
  }

  format(): ConditionalFormatModel {
    return stillThere(this.locate(), this.model.conditionalFormats, "conditional format");
  }

  override fillLoaded(names: string[]): void {
    for (const n of names) {
      const slash = n.indexOf("/");
      if (slash > 0) {
        const child = (this as unknown as Record<string, FakeObject>)[n.slice(0, slash)];
        (child as unknown as { fillPath(p: string): void }).fillPath(n.slice(slash + 1));
      } else this.loaded.set(n, this.read(n));
    }
  }

  /** The range the format covers (an Excel.Range; made through the registry, see proxy.ts). */
  getRange(): FakeObject {
    return makeProxy("Range", this.context, () => {
      const f = this.format();
      return { sheet: this.model.sheetById(f.sheetId), area: f.area };
    });
  }

  delete(): void {
    this.act(() => this.model.deleteConditionalFormat(this.format()));
  }
}

FakeConditionalFormat.withProperties({
  id: { read: (c) => c.format().id },
  type: { read: (c) => c.format().type },
  priority: {
    read: (c) => {
      const f = c.format();
      return c.model.conditionalFormats.filter((x) => x.sheetId === f.sheetId).indexOf(f);
    },
    write: (c, v) => {
      const f = c.format();
      const same = c.model.conditionalFormats.filter((x) => x.sheetId === f.sheetId && x !== f);
      same.splice(Math.max(0, Math.min(v as number, same.length)), 0, f);
      const others = c.model.conditionalFormats.filter((x) => x.sheetId !== f.sheetId);
      c.model.conditionalFormats = [...same, ...others];
    },
  },
  stopIfTrue: {
    read: (c) => c.format().stopIfTrue,
    write: (c, v) => {
      c.format().stopIfTrue = v as boolean;
    },
  },
});

/** A leaf object whose properties map straight onto fields of a model (a format's fill, a rule's formula). */
export class FakeFields extends FakeObject {
  constructor(
    context: BatchContext,
    private fields: Record<string, { get: () => unknown; set?: (v: unknown) => void }>,
  ) {
    super(context);
    for (const name of Object.keys(fields)) {
      Object.defineProperty(this, name, {
        get: () => this.got(name),
        set: (v: unknown) => {
          const field = this.fields[name];
          if (!field.set) throw new ExcelApiError("InvalidArgument", `${name} is read-only.`);
          this.write(name, v, () => field.set!(v));
        },
      });
    }
  }

  fillPath(path: string): void {
    this.loaded.set(path, this.read(path));
  }

  protected override scalarNames(): string[] {
    return Object.keys(this.fields);
  }

  protected override read(name: string): unknown {
    return this.fields[name]?.get();
  }
}

/** Excel.ConditionalRangeFormat ("Excel.ConditionalRangeFormat class"): fill.color and font.color of a format. */
class FakeConditionalFormatLook extends FakeObject {
  readonly fill: FakeFields;
  readonly font: FakeFields;

  constructor(context: BatchContext, format: () => ConditionalFormatModel) {
    super(context);
    this.fill = new FakeFields(context, {
      color: { get: () => format().fill ?? null, set: (v) => (format().fill = normaliseColour(String(v))) },
    });
    this.font = new FakeFields(context, {
      color: { get: () => format().fontColor ?? null, set: (v) => (format().fontColor = normaliseColour(String(v))) },
    });
  }

  fillPath(path: string): void {
    const [head, rest] = [path.slice(0, path.indexOf("/")), path.slice(path.indexOf("/") + 1)];
    (head === "fill" ? this.fill : this.font).fillPath(rest);
  }
}

/** Excel.CustomConditionalFormat ("Excel.CustomConditionalFormat class"): rule.formula and format. */
export class FakeCustomConditionalFormat extends FakeObject {
  readonly rule: FakeFields;
  readonly format: FakeConditionalFormatLook;

  constructor(context: BatchContext, format: () => ConditionalFormatModel) {
    super(context);
    this.rule = new FakeFields(context, {
      formula: {
        get: () => {
          const f = format();
          if (f.type !== "Custom")
            throw new ExcelApiError("InvalidOperation", "This operation isn't allowed for a conditional format that is not of type Custom.");
          return f.formula ?? null;
        },
        set: (v) => {
          const f = format();
          if (f.type !== "Custom") throw new ExcelApiError("InvalidOperation", "This conditional format is not a custom format.");
          checkRuleLength(String(v));
          f.formula = String(v);
        },
      },
    });
    this.format = new FakeConditionalFormatLook(context, format);
  }

  fillPath(path: string): void {
    const head = path.slice(0, path.indexOf("/"));
    const rest = path.slice(path.indexOf("/") + 1);
    (head === "rule" ? this.rule : this.format).fillPath(rest);
  }
}

type CellValueRule = { operator: string; formula1: string; formula2?: string };

/** Excel.CellValueConditionalFormat ("Excel.CellValueConditionalFormat class"): rule {operator, formula1, formula2} and format. */
export class FakeCellValueConditionalFormat extends FakeObject {
  readonly format: FakeConditionalFormatLook;
  declare rule: CellValueRule;

  constructor(
    context: BatchContext,
    readonly formatModel: () => ConditionalFormatModel,
  ) {
    super(context);
    this.format = new FakeConditionalFormatLook(context, formatModel);
  }

  fillPath(path: string): void {
    if (path === "rule") this.loaded.set("rule", this.read("rule"));
    else this.format.fillPath(path.slice(path.indexOf("/") + 1));
  }
}

FakeCellValueConditionalFormat.withProperties({
  rule: {
    read: (c) => {
      const f = c.formatModel();
      return { operator: f.operator, formula1: f.formula1, formula2: f.formula2 };
    },
    write: (c, v) => {
      const rule = v as CellValueRule;
      const f = c.formatModel();
      if (f.type !== "CellValue") throw new ExcelApiError("InvalidOperation", "This conditional format is not a cell-value format.");
      checkRuleLength(String(rule.formula1));
      if (rule.formula2 !== undefined) checkRuleLength(String(rule.formula2));
      f.operator = rule.operator as CfOperator;
      f.formula1 = String(rule.formula1);
      f.formula2 = rule.formula2 === undefined ? undefined : String(rule.formula2);
    },
  },
});
